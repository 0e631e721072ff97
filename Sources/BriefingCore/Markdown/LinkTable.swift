/// What the `person:`, `briefing:` and `event:` link destinations can point at, and the site's URLs.
public struct LinkTable: Sendable, Equatable {
    let people: Set<String>
    let briefings: Set<String>
    let drafts: Set<String>
    /// Event id -> its place on the timeline, from the site root (`timeline/2025/#event-talks`).
    let events: [String: String]
    /// Files under `Content/media/`, relative to it.
    let media: Set<String>

    init(people: Set<String>, briefings: Set<String>, drafts: Set<String>, events: [String: String], media: Set<String> = []) {
        self.people = people
        self.briefings = briefings
        self.drafts = drafts
        self.events = events
        self.media = media
    }

    init(site: Site, timeline: TimelineLayout) {
        people = site.linkablePeople
        briefings = site.linkableBriefings
        drafts = site.draftSlugs
        var events: [String: String] = [:]
        for e in site.events.indices {
            if let id = site.events[e].id { events[id] = timeline.url(of: e, anchor: SiteURLs.eventAnchor(id: id)) }
        }
        // Ids of files that did not resolve (the build fails on them anyway) stay valid targets.
        for id in site.unresolved.eventIDs where events[id] == nil { events[id] = SiteURLs.timeline + "#" + SiteURLs.eventAnchor(id: id) }
        self.events = events
        media = Set(site.media)
    }

    /// Whether every target of `earlier` is here, where it was, and the drafts are the same: a
    /// text whose links all resolved there renders the same here.
    func keepsEveryTarget(of earlier: LinkTable) -> Bool {
        drafts == earlier.drafts && earlier.people.isSubset(of: people) && earlier.briefings.isSubset(of: briefings)
            && earlier.media.isSubset(of: media) && earlier.events.allSatisfy { events[$0.key] == $0.value }
    }

    /// Whether every event target of `earlier` is here, where it was (for a site whose other
    /// targets can only have been added to).
    func keepsEveryEvent(of earlier: LinkTable) -> Bool {
        earlier.events.allSatisfy { events[$0.key] == $0.value }
    }

    /// What becomes of one destination.
    enum Resolution {
        case keep
        case rewrite(String)
        /// The target exists but is not built (a draft): keep the text, drop the link, warn.
        case unlink(LinkProblem)
        case unknown(LinkProblem)
    }

    /// Resolves `destination` for a page whose relative path to the site root is `root`.
    func resolve(_ destination: String, root: String) -> Resolution {
        if let slug = destination.removingPrefix("person:") {
            guard people.contains(slug) else {
                return .unknown(.unknownPerson(slug, known: people))
            }
            return .rewrite(root + SiteURLs.person(slug))
        }
        if let slug = destination.removingPrefix("briefing:") {
            if briefings.contains(slug) { return .rewrite(root + SiteURLs.briefing(slug)) }
            if drafts.contains(slug) {
                return .unlink(.draftBriefing(slug))
            }
            return .unknown(.unknownBriefing(slug, known: briefings))
        }
        if let id = destination.removingPrefix("event:") {
            guard let url = events[id] else {
                return .unknown(.unknownEvent(id, known: events.keys))
            }
            return .rewrite(root + url)
        }
        // Site media written as a site path works from any page and under any base URL.
        if let path = destination.removingPrefix("/media/") ?? destination.removingPrefix("media/") {
            // The file, without a query or fragment, as the host will look it up (%20 is a space).
            let file = path.prefix { $0 != "?" && $0 != "#" }
            let name = String(file).removingPercentEncoding ?? String(file)
            guard media.contains(name) else {
                return .unknown(.missingMedia(name, known: media))
            }
            return .rewrite(root + "media/" + path)
        }
        return .keep
    }
}

extension String {
    func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
