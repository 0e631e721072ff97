import Foundation

/// Markdown text from a file, with where it starts so link errors can be located.
public struct MarkdownText: Sendable, Hashable {
    public var text: String
    /// Where the text begins: the first body line, or the YAML value holding it.
    public var location: SourceLocation
    /// True when the text is a YAML value (a key point, a summary): errors point at the value.
    public var isInline: Bool

    public init(text: String, location: SourceLocation, isInline: Bool) {
        self.text = text
        self.location = location
        self.isInline = isInline
    }
}

/// A free value from an `extra:` map, passed to templates as it is.
public indirect enum ExtraValue: Sendable, Hashable {
    case string(String)
    case list([ExtraValue])
    case map([String: ExtraValue])

    /// The value as templates receive it.
    var templateValue: TemplateValue {
        switch self {
        case .string(let s): .string(s)
        case .list(let l): .list(l.map(\.templateValue))
        case .map(let m): .map(TemplateMap(m.mapValues(\.templateValue)))
        }
    }
}

/// Settings from `Content/site.yaml`.
public struct SiteConfig: Sendable {
    public var title: String
    public var description: String?
    /// Absolute, ends with `/`.
    public var baseURL: String
    public var language: String
    public var timeZone: TimeZone
    public var unsafeHTML: Bool
    public var extra: [String: ExtraValue]

    /// Whether `baseURL` is a whole address (`https://…`), not only a path: feeds, sitemaps and
    /// canonical URLs need one.
    public var hasAbsoluteBaseURL: Bool { baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") }

    /// The path part of `baseURL` (`/` or `/briefing/`), for pages served at any path (404).
    public var basePath: String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }
}

/// Where a cited source is.
public struct Source: Sendable, Hashable {
    public var id: String?
    public var title: String?
    public var publisher: String?
    /// http, https or mailto only; anything else is refused when loading.
    public var url: String?
}

/// A person, from `Content/people/<slug>.md`.
public struct Person: Sendable {
    public var slug: Slug
    public var path: String
    public var name: String
    public var role: String?
    public var affiliation: String?
    public var country: String?
    public var aliases: [String]
    public var bio: MarkdownText
    public var extra: [String: ExtraValue]
}

/// A quotation with its speaker.
public struct Quote: Sendable {
    public var person: Slug
    public var text: String
    public var context: String?
    public var date: PartialDate?
    public var source: Source?
    /// Where the quote's `text` value was written (for `briefing check`).
    public var location: SourceLocation?
}

/// A dated event, from a briefing's `events:` or from `timeline.yaml`.
public struct Event: Sendable {
    // The fields its `names` are made of are constants: the names cannot fall behind them.
    public let id: String?
    public let date: PartialDate
    public let title: String
    public var people: [Slug]
    public var place: String?
    public var summary: MarkdownText?
    /// The briefing that reports it (its own, or the `briefing:` of a timeline entry).
    public var briefing: Slug?
    public var sources: [Source]
    public var expected: Bool
    /// Where it was written; also a stable tie-breaker for ordering.
    public let location: SourceLocation
    /// Where its `date` value was written (for `briefing check`).
    public var dateLocation: SourceLocation?
    /// Its anchor and key before repeats are numbered (`SiteIndex.eventAnchors`, `eventKeys`):
    /// made with the event, on the core that resolves its file, and kept with it by `serve`.
    let names: (anchor: String, key: String)

    init(id: String? = nil, date: PartialDate, title: String, people: [Slug], place: String? = nil, summary: MarkdownText? = nil,
         briefing: Slug? = nil, sources: [Source], expected: Bool, location: SourceLocation, dateLocation: SourceLocation? = nil) {
        self.id = id
        self.date = date
        self.title = title
        self.people = people
        self.place = place
        self.summary = summary
        self.briefing = briefing
        self.sources = sources
        self.expected = expected
        self.location = location
        self.dateLocation = dateLocation
        names = Self.names(id: id, date: date, title: title, path: location.path)
    }

    /// An event's anchor and key, before repeats are numbered: from its id, or else from its day
    /// and title (a title in another script is transliterated, ICU, tens of microseconds a title)
    /// and, for the key, a hash of its file, date and title.
    static func names(id: String?, date: PartialDate, title: String, path: String) -> (anchor: String, key: String) {
        if let id { return (SiteURLs.eventAnchor(id: id), "event-" + id) }
        return (SiteURLs.eventAnchor(date: date, title: title), "event." + SiteIndex.hash(path + "\n" + date.iso + "\n" + title))
    }
}

extension Event: Equatable {
    /// Field by field, but for `names`, which is made of the others.
    public static func == (a: Event, b: Event) -> Bool {
        a.id == b.id && a.date == b.date && a.title == b.title && a.people == b.people && a.place == b.place
            && a.summary == b.summary && a.briefing == b.briefing && a.sources == b.sources && a.expected == b.expected
            && a.location == b.location && a.dateLocation == b.dateLocation
    }
}

/// One entry of a briefing's update log.
public struct Update: Sendable, Equatable {
    public var at: PartialDate
    public var text: MarkdownText
}

/// A briefing, from `Content/briefings/<slug>.md`.
public struct Briefing: Sendable {
    public enum Status: String, Sendable, CaseIterable { case published, draft }

    public var slug: Slug
    public var path: String
    public var title: String
    public var date: PartialDate
    public var updated: PartialDate?
    public var summary: String?
    public var status: Status
    public var people: [Slug]
    public var topics: [Slug]
    public var places: [String]
    public var keyPoints: [MarkdownText]
    public var quotes: [Quote]
    public var sources: [Source]
    public var updates: [Update]
    public var body: MarkdownText
    public var extra: [String: ExtraValue]

    /// The newest of `date`, `updated` and the update log.
    public var lastModified: PartialDate {
        var newest = updated.map { max($0, date) } ?? date
        for update in updates where update.at > newest { newest = update.at }
        return newest
    }
}

/// What a file holds that did not resolve (a briefing with a bad date, an event without a title).
/// It is not built, but its Markdown's links are checked, so that one run reports all of a file's
/// errors; and its event ids stay valid link targets, so that links to them are not errors too.
struct Unresolved: Sendable {
    var markdown: [MarkdownText] = []
    var eventIDs: [String] = []

    var isEmpty: Bool { markdown.isEmpty && eventIDs.isEmpty }

    mutating func add(_ other: Unresolved) {
        markdown += other.markdown
        eventIDs += other.eventIDs
    }
}

/// A topic briefings are filed under (`topics: [slug]`), named in `Content/topics.yaml` or from its slug.
public struct Topic: Sendable {
    public var slug: Slug
    public var name: String
    public var description: String?

    /// The name of a topic `topics.yaml` does not name: its slug in words ("peace-talks" -> "Peace talks").
    static func name(from slug: Slug) -> String {
        let words = slug.rawValue.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// The resolved site: every reference checked, everything sorted for output.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Sorted by name, then slug.
    public var people: [Person]
    /// Newest first.
    public var briefings: [Briefing]
    /// Time order, from briefings that are built and from `timeline.yaml`.
    public var events: [Event]
    /// Files under `Content/media/`, relative to it.
    public var media: [String]
    /// Every topic a built briefing is filed under, by name.
    public var topics: [Topic] = []
    /// Briefings left out of this build (drafts): links to them are dropped with a warning.
    public var draftSlugs: Set<String>
    /// Every person and briefing file with a valid name, for checking links.
    public var linkablePeople: Set<String>
    public var linkableBriefings: Set<String>
    /// What did not resolve (a build with it fails): checked all the same.
    var unresolved = Unresolved()

    public init(config: SiteConfig, people: [Person], briefings: [Briefing], events: [Event], media: [String],
                draftSlugs: Set<String> = []) {
        self.config = config
        self.people = people
        self.briefings = briefings
        self.events = events
        self.media = media
        self.draftSlugs = draftSlugs
        linkablePeople = Set(people.map(\.slug.rawValue))
        linkableBriefings = Set(briefings.map(\.slug.rawValue))
    }

    /// One entry of a briefing's update log: positions in `briefings` and in its `updates`.
    public struct UpdateRef: Sendable, Hashable {
        public var briefing: Int
        public var update: Int
    }

    /// The newest `limit` updates across all briefings, newest first (ties: newer briefing first).
    public func latestUpdates(limit: Int) -> [UpdateRef] {
        var all: [UpdateRef] = []
        for (b, briefing) in briefings.enumerated() {
            // Each log is newest first, so only its first `limit` entries can make the cut.
            for u in briefing.updates.indices.prefix(limit) { all.append(UpdateRef(briefing: b, update: u)) }
        }
        all.sort { x, y in
            let a = briefings[x.briefing].updates[x.update].at, b = briefings[y.briefing].updates[y.update].at
            return a != b ? a > b : (x.briefing, x.update) < (y.briefing, y.update)
        }
        return Array(all.prefix(limit))
    }
}
