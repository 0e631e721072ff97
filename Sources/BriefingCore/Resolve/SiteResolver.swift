import Foundation

/// Options that change what a build includes.
public struct BuildOptions: Sendable {
    public var includeDrafts: Bool
    /// Overrides `base_url` from site.yaml.
    public var baseURL: String?

    public init(includeDrafts: Bool = false, baseURL: String? = nil) {
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }
}

/// Turns raw documents into a checked `Site`: types, dates, slugs and every reference, with all
/// problems collected and located.
public struct SiteResolver: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// Resolves `raw` into the best site it can, with every problem found (errors and warnings,
    /// those of loading first). With errors, the site holds only what resolved, so
    /// later stages can still report their own.
    public func resolve(_ raw: RawSite) async -> CheckedSite {
        await resolve(raw, reusing: nil, remember: false)
    }

    /// `resolve(raw)`, taking the briefings whose files are unchanged since `memo` was made from it;
    /// with `remember`, the memo of this run is kept in the result for the next one (`serve`).
    func resolve(_ raw: RawSite, reusing memo: ResolveMemo?, remember: Bool) async -> CheckedSite {
        let sink = DiagnosticSink()
        sink.diagnostics = raw.diagnostics
        let config = resolveConfig(raw.siteConfig, sink: sink)
        let zone = config.timeZone
        let declaredTopics = raw.topics.flatMap { resolveTopics($0, sink: sink) }
        let declaredTopicSlugs = declaredTopics.map { Set($0.keys) }

        // People first: every other file refers to them. Files resolve on all cores, each with
        // its own sink; results keep the files' order.
        let resolver = self
        let personSlugs = Set(raw.people.indices.compactMap { Self.validSlug(path: raw.people[$0].path) })
        let people = await Parallel.map(raw.people) { resolver.resolvePersonFile($0) }
        var resolvedPeople = people.compactMap(\.0)
        sink.diagnostics += people.flatMap(\.1)
        for person in people { sink.unresolved.add(person.2) }

        // Optional results, so that each is moved out below (`take()` leaves nil) rather than
        // copied: a retain and a release for every reference a briefing holds, dozens of them.
        // A briefing's file resolves against the people, the declared topics and the time zone
        // alone: while those are the same, an unchanged file resolves as it did.
        let reusable = memo.flatMap { $0.zone == zone && $0.people == personSlugs && $0.topics == declaredTopicSlugs ? $0 : nil }
        var briefingResults = await Parallel.map(raw.briefings) { document -> BriefingResult? in
            if let old = reusable?.briefings[document.path], old.document.hasSameText(as: document) {
                var result = old.result
                result.isFromMemo = true
                return result
            }
            return resolver.resolveBriefingFile(document, zone: zone, people: personSlugs, topics: declaredTopicSlugs)
        }
        var nextMemo: ResolveMemo?
        if remember {
            // This memo with the files resolved again (entries of files gone stay, never taken); a
            // fresh one otherwise.
            var next = reusable ?? ResolveMemo(zone: zone, people: personSlugs, topics: declaredTopicSlugs)
            for (document, result) in zip(raw.briefings, briefingResults) where !result!.isFromMemo {
                next.briefings[document.path] = (document, result!)
            }
            nextMemo = next
        }
        let allBriefingSlugs = Set(raw.briefings.indices.compactMap { Self.validSlug(path: raw.briefings[$0].path) })
        var draftSlugs = Set<String>()
        var briefings: [Briefing] = []
        briefings.reserveCapacity(briefingResults.count)
        var events: [Event] = []
        events.reserveCapacity(briefingResults.reduce(0) { $0 + ($1?.events.count ?? 0) })
        for index in briefingResults.indices {
            var result = briefingResults[index].take()!
            sink.diagnostics += result.diagnostics
            sink.unresolved.add(result.unresolved)
            guard let briefing = result.briefing.take() else { continue }
            if briefing.status == .draft && !options.includeDrafts {
                draftSlugs.insert(briefing.slug.rawValue)
                continue
            }
            briefings.append(briefing)
            // Moved out from the end (`popLast` moves, reading an event copies it): the order they
            // arrive in does not matter, as events are sorted below by date and place in their file.
            while let event = result.events.popLast() { events.append(event) }
        }
        let references = ReferenceChecker(people: personSlugs, topics: declaredTopicSlugs, sink: sink)
        let builtBriefings = Set(briefings.map(\.slug.rawValue))

        if let timeline = raw.timeline, timeline.isReadable {
            events += resolveTimeline(timeline, zone: zone, references: references,
                                      allBriefings: allBriefingSlugs, builtBriefings: builtBriefings, sink: sink)
        }
        checkEventIDs(events, sink: sink)

        // The three orders are found at once, each on a core (this end of resolving runs alone).
        let names = resolvedPeople.map { $0.name.lowercased() }, personSlugList = resolvedPeople.map(\.slug)
        let briefingDates = briefings.map(\.date), briefingSlugs = briefings.map(\.slug)
        let eventDates = events.map(\.date), eventLocations = events.map(\.location)
        let sorts: [@Sendable () -> [Int]] = [
            { Self.order(count: names.count) { a, b in (names[a], personSlugList[a]) < (names[b], personSlugList[b]) } },
            {
                Self.order(count: briefingDates.count) { a, b in
                    briefingDates[a] != briefingDates[b] ? briefingDates[a] > briefingDates[b] : briefingSlugs[a] < briefingSlugs[b]
                }
            },
            // Events by date, then by place in their files: dates neither of which comes first (one
            // instant written with two offsets) go by place too, so the order never depends on the
            // order events arrived in.
            {
                Self.order(count: eventDates.count) { a, b in
                    if eventDates[a] < eventDates[b] { return true }
                    if eventDates[b] < eventDates[a] { return false }
                    return eventLocations[a] < eventLocations[b]
                }
            },
        ]
        let orders = await Parallel.map(sorts, chunkSize: 1) { $0() }
        Self.apply(orders[0], to: &resolvedPeople)
        Self.apply(orders[1], to: &briefings)
        Self.apply(orders[2], to: &events)
        var site = Site(config: config, people: resolvedPeople, briefings: briefings, events: events, media: raw.media,
                        draftSlugs: draftSlugs)
        site.topics = Self.topics(of: briefings, declared: declaredTopics ?? [:])
        // Files that failed to resolve still exist for links: their own errors say what is wrong.
        site.linkablePeople = personSlugs
        site.linkableBriefings = allBriefingSlugs.subtracting(draftSlugs)
        site.unresolved = sink.unresolved
        return CheckedSite(site: site, diagnostics: sink.diagnostics, memo: nextMemo)
    }

    /// One person's file resolved: the person (nil when it does not resolve) and what was found.
    typealias PersonResult = (person: Person?, diagnostics: [Diagnostic], unresolved: Unresolved)

    func resolvePersonFile(_ document: RawDocument) -> PersonResult {
        let sink = DiagnosticSink()
        guard let slug = fileSlug(document, sink: sink), document.isReadable,
              let person = resolvePerson(document, slug: slug, sink: sink)
        else {
            Self.unresolvedBody(of: document, sink: sink)
            return (nil, sink.diagnostics, sink.unresolved)
        }
        return (person, sink.diagnostics, sink.unresolved)
    }

    /// One briefing's file resolved against the site's people and declared topics (nil: no
    /// topics.yaml) in the site's time zone.
    func resolveBriefingFile(_ document: RawDocument, zone: TimeZone, people: Set<String>, topics: Set<String>?) -> BriefingResult {
        let sink = DiagnosticSink()
        guard let slug = fileSlug(document, sink: sink), document.isReadable,
              let (briefing, events) = resolveBriefing(
                  document, slug: slug, zone: zone, references: ReferenceChecker(people: people, topics: topics, sink: sink), sink: sink)
        else {
            Self.unresolvedBody(of: document, sink: sink)
            return BriefingResult(briefing: nil, events: [], diagnostics: sink.diagnostics, unresolved: sink.unresolved)
        }
        return BriefingResult(briefing: briefing, events: events, diagnostics: sink.diagnostics, unresolved: sink.unresolved)
    }

    /// The timeline's events resolved alone, against what the rest of the site resolved to
    /// (`serve`): its people and declared topics, every briefing file's slug and those built.
    func resolveTimelineFile(_ document: RawDocument, zone: TimeZone, people: Set<String>, topics: Set<String>?,
                             allBriefings: Set<String>, builtBriefings: Set<String>)
        -> (events: [Event], diagnostics: [Diagnostic], unresolved: Unresolved) {
        let sink = DiagnosticSink()
        let events = resolveTimeline(document, zone: zone, references: ReferenceChecker(people: people, topics: topics, sink: sink),
                                     allBriefings: allBriefings, builtBriefings: builtBriefings, sink: sink)
        return (events, sink.diagnostics, sink.unresolved)
    }

    /// The topics `topics.yaml` declares, resolved alone (`serve`).
    /// `site.yaml` resolved alone, with what was found in it (and in `--base-url`).
    func resolveSiteFile(_ document: RawDocument) -> (config: SiteConfig, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let config = resolveConfig(document, sink: sink)
        return (config, sink.diagnostics)
    }

    func resolveTopicsFile(_ document: RawDocument) -> (topics: [String: Topic]?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        let topics = resolveTopics(document, sink: sink)
        return (topics, sink.diagnostics)
    }

    /// What resolving one briefing file gave.
    struct BriefingResult: Sendable {
        /// Nil when the file did not resolve.
        var briefing: Briefing?
        var events: [Event]
        var diagnostics: [Diagnostic]
        var unresolved: Unresolved
        /// Taken from the memo of an earlier run, not resolved now.
        var isFromMemo = false
    }

    /// The positions `0..<count` in the stable order `precedes` gives them, for `apply(_:to:)`.
    /// Sorting positions moves integers, and the order found is then applied by swapping along its
    /// cycles, which moves items without copying them: sorting briefings and events themselves
    /// copied each (dozens of references) at every merge step, and building a sorted copy copied
    /// and freed each once.
    static func order(count: Int, by precedes: (Int, Int) -> Bool) -> [Int] {
        Array(0..<count).sorted(by: precedes)
    }

    /// Puts `items[order[i]]` at `i`, moving items along the permutation's cycles.
    static func apply<T>(_ order: [Int], to items: inout [T]) {
        var placed = [Bool](repeating: false, count: items.count)
        // Swapped through a buffer pointer, whose swap moves the two items; the array's own copied
        // each (a retain and a release per reference).
        items.withUnsafeMutableBufferPointer { items in
            for start in items.indices where !placed[start] {
                var i = start
                placed[i] = true
                while order[i] != start {
                    items.swapAt(i, order[i])
                    i = order[i]
                    placed[i] = true
                }
            }
        }
    }

    // MARK: - Files

    /// The slug of a file whose name is valid, without reporting anything.
    static func validSlug(path: String) -> String? {
        let stem = String(fileName(path).dropLast(3))
        return Slug.isValid(stem) ? stem : nil
    }

    /// The part of a content path after its last `/` (content paths never end with one); found in
    /// the bytes, as NSString's `lastPathComponent` cost more than the rest of reading a file name.
    static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.utf8.index(after: slash)...])
    }

    private func fileSlug(_ document: RawDocument, sink: DiagnosticSink) -> Slug? {
        let name = Self.fileName(document.path)
        let stem = String(name.dropLast(3))
        guard let slug = Slug(stem) else {
            sink.error(SourceLocation(path: document.path), .invalidFileName(name))
            return nil
        }
        return slug
    }

    /// The body of a file that did not resolve, for its links to be checked.
    private static func unresolvedBody(of document: RawDocument, sink: DiagnosticSink) {
        guard !document.body.isEmpty else { return }
        sink.unresolved.markdown.append(
            MarkdownText(text: document.body, location: SourceLocation(path: document.path, line: document.bodyLine), isInline: false))
    }

    private func place(_ document: RawDocument) -> DocumentPlace {
        DocumentPlace(path: document.path, text: document.head, yamlLine: document.yamlLine)
    }

    // MARK: - site.yaml

    private func resolveConfig(_ document: RawDocument?, sink: DiagnosticSink) -> SiteConfig {
        var config = SiteConfig(title: "Briefing", description: nil, baseURL: "/", language: "en",
                                timeZone: TimeZone(identifier: "UTC")!, unsafeHTML: false, extra: [:])
        var baseLocation: SourceLocation?
        if let document, document.isReadable,
           let fields = FieldReader(document.yaml, place: place(document), sink: sink, schema: .site) {
            config.title = fields.string("title") ?? config.title
            config.description = fields.string("description")
            baseLocation = fields.location(of: "base_url")
            if let base = fields.string("base_url"), let location = baseLocation {
                if let normalized = Self.normalizedBaseURL(base) {
                    config.baseURL = normalized
                } else {
                    sink.error(location, .invalidBaseURL(base, option: false))
                }
            }
            if let language = fields.string("language"), let location = fields.location(of: "language") {
                if language.range(of: "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", options: .regularExpression) != nil {
                    config.language = language
                } else {
                    sink.error(location, .invalidLanguage(language))
                }
            }
            if let zone = fields.string("time_zone"), let location = fields.location(of: "time_zone") {
                if let timeZone = TimeZone(identifier: zone) {
                    config.timeZone = timeZone
                } else {
                    sink.error(location, .unknownTimeZone(zone))
                }
            }
            config.unsafeHTML = fields.bool("unsafe_html") ?? false
            config.extra = fields.extra()
        }
        if let override = options.baseURL {
            if let normalized = Self.normalizedBaseURL(override) {
                config.baseURL = normalized
            } else {
                sink.error(SourceLocation(path: "--base-url"), .invalidBaseURL(override, option: true))
            }
        }
        if !config.hasAbsoluteBaseURL, let document {
            // Atom ids, sitemap locations and canonical URLs must be absolute: without an address,
            // what cannot be made valid is left out, and the editor is told what is missing.
            sink.warning((options.baseURL == nil ? baseLocation : nil) ?? SourceLocation(path: document.path, line: 1, column: 1),
                         .noBaseURL(path: config.baseURL == "/" ? nil : config.baseURL))
        }
        return config
    }

    /// `text` without white space at either end. Most values have none: an ASCII first and last byte
    /// that is not white space answers without Foundation's `trimmingCharacters`, which showed in profiles.
    static func trimmingWhitespace(_ text: String) -> String {
        func isPlain(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte < 0x80 && byte != 0x20 && !(0x09...0x0D).contains(byte)
        }
        if isPlain(text.utf8.first) && isPlain(text.utf8.last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An absolute http(s) URL or an absolute path, ending with `/`; nil when neither.
    static func normalizedBaseURL(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            guard let url = URL(string: trimmed), url.host != nil, url.query == nil, url.fragment == nil else { return nil }
        } else if !trimmed.hasPrefix("/") || trimmed.hasPrefix("//") {
            return nil
        }
        if trimmed.contains(where: { $0 == "\"" || $0 == "<" || $0 == ">" || $0 == " " || $0 == "'" }) { return nil }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    // MARK: - People

    private func resolvePerson(_ document: RawDocument, slug: Slug, sink: DiagnosticSink) -> Person? {
        let place = place(document)
        guard let fields = FieldReader(document.yaml, place: place, sink: sink, schema: .person) else { return nil }
        guard let name = fields.string("name") else { return nil }
        return Person(
            slug: slug, path: document.path, name: name,
            role: fields.string("role"), affiliation: fields.string("affiliation"), country: fields.string("country"),
            aliases: fields.strings("aliases").map(\.0),
            bio: MarkdownText(text: document.body, location: SourceLocation(path: document.path, line: document.bodyLine), isInline: false),
            extra: fields.extra())
    }

    // MARK: - Briefings

    private func resolveBriefing(_ document: RawDocument, slug: Slug, zone: TimeZone, references: ReferenceChecker,
                                 sink: DiagnosticSink) -> (Briefing, [Event])? {
        let place = place(document)
        guard let fields = FieldReader(document.yaml, place: place, sink: sink, schema: .briefing) else { return nil }
        let title = fields.string("title")
        let date = fields.date("date", timeZone: zone)
        // A word the schema does not list was reported, and reads as nil.
        let status = fields.string("status").flatMap(Briefing.Status.init(rawValue:)) ?? .published
        let sources = resolveSources(fields, place: place, sink: sink)
        let sourceIndex = SourceIndex(sources)
        let people = references.people(fields.slugs("people"))
        let quotes = fields.list("quotes").compactMap {
            resolveQuote($0, place: place, zone: zone, sources: sourceIndex, references: references, sink: sink)
        }
        let keyPoints = fields.strings("key_points").map { MarkdownText(text: $0.0, location: $0.1, isInline: true) }
        let updates = fields.list("updates").compactMap { resolveUpdate($0, place: place, zone: zone, sink: sink) }
            .sorted { $0.at > $1.at }
        let events = fields.list("events").compactMap {
            resolveEvent($0, place: place, zone: zone, briefing: slug, schema: .event, sources: sourceIndex,
                         references: references, sink: sink)
        }
        let briefing = Briefing(
            slug: slug, path: document.path, title: title ?? "", date: date ?? PartialDate(parsing: "1970", timeZone: zone)!,
            updated: fields.date("updated", timeZone: zone), summary: fields.string("summary"), status: status,
            people: people, topics: references.topics(fields.slugs("topics")), places: fields.strings("places").map(\.0),
            keyPoints: keyPoints, quotes: quotes, sources: sources, updates: updates,
            body: MarkdownText(text: document.body, location: SourceLocation(path: document.path, line: document.bodyLine), isInline: false),
            extra: fields.extra())
        guard title != nil, date != nil else {
            // Not built, but what it holds is still checked (its body by the caller).
            sink.unresolved.markdown += keyPoints + updates.map(\.text) + events.compactMap(\.summary)
            sink.unresolved.eventIDs += events.compactMap(\.id)
            return nil
        }
        return (briefing, events)
    }

    private func resolveQuote(_ node: YAMLNode, place: DocumentPlace, zone: TimeZone, sources: SourceIndex,
                              references: ReferenceChecker, sink: DiagnosticSink) -> Quote? {
        guard let fields = FieldReader(node, place: place, sink: sink, schema: .quote) else { return nil }
        let text = fields.string("text")
        var person: Slug?
        if let slugText = fields.string("person"), let location = fields.location(of: "person") {
            person = references.person(slugText, at: location)
        }
        let source = sources.resolve(fields, sink: sink)
        guard let text, let person else { return nil }
        return Quote(person: person, text: text, context: fields.string("context"),
                     date: fields.date("date", timeZone: zone), source: source, location: fields.location(of: "text"))
    }

    private func resolveUpdate(_ node: YAMLNode, place: DocumentPlace, zone: TimeZone, sink: DiagnosticSink) -> Update? {
        guard let fields = FieldReader(node, place: place, sink: sink, schema: .update) else { return nil }
        let at = fields.date("at", timeZone: zone)
        let text = fields.string("text")
        let location = fields.location(of: "text")
        guard let at, let text, let location else {
            if let text, let location { sink.unresolved.markdown.append(MarkdownText(text: text, location: location, isInline: true)) }
            return nil
        }
        return Update(at: at, text: MarkdownText(text: text, location: location, isInline: true))
    }

    private func resolveSources(_ fields: FieldReader, place: DocumentPlace, sink: DiagnosticSink) -> [Source] {
        var seen: [String: SourceLocation] = [:]
        return fields.list("sources").compactMap { node in
            guard let source = FieldReader(node, place: place, sink: sink, schema: .source) else { return nil }
            var result = Source(id: nil, title: source.string("title"), publisher: source.string("publisher"), url: nil)
            if let id = source.string("id"), let location = source.location(of: "id") {
                if let first = seen[id] {
                    sink.error(location, .duplicateID(what: "source", id: id, first: first))
                } else if !Slug.isValid(id) {
                    sink.error(location, .invalidSlug(what: "source id", text: id))
                } else {
                    seen[id] = location
                    result.id = id
                }
            }
            if let url = source.string("url"), let location = source.location(of: "url") {
                if SafeURL.isAllowed(url) {
                    result.url = Self.trimmingWhitespace(url)
                } else {
                    sink.error(location, .refusedSourceURL(url))
                }
            }
            if result.title == nil && result.publisher == nil && result.url == nil {
                sink.error(place.location(node.position), .emptySource)
                return nil
            }
            return result
        }
    }

    // MARK: - Events

    private func resolveEvent(_ node: YAMLNode, place: DocumentPlace, zone: TimeZone, briefing: Slug?, schema: FieldSchema,
                              sources: SourceIndex?, references: ReferenceChecker, sink: DiagnosticSink,
                              allBriefings: Set<String> = [], builtBriefings: Set<String> = []) -> Event? {
        guard let fields = FieldReader(node, place: place, sink: sink, schema: schema) else { return nil }
        let date = fields.date("date", timeZone: zone)
        let title = fields.string("title")
        var id: String?
        if let text = fields.string("id"), let location = fields.location(of: "id") {
            if Slug.isValid(text) { id = text } else {
                sink.error(location, .invalidSlug(what: "event id", text: text))
            }
        }
        let people = references.people(fields.slugs("people"))
        var ownSources = resolveSources(fields, place: place, sink: sink)
        let index = SourceIndex(ownSources + (sources?.all ?? []))
        if let cited = index.resolve(fields, sink: sink), !ownSources.contains(cited) { ownSources.append(cited) }
        var linkedBriefing = briefing
        if briefing == nil, let text = fields.string("briefing"), let location = fields.location(of: "briefing") {
            if !allBriefings.contains(text) {
                sink.error(location, .unknownBriefing(text, known: allBriefings))
            } else if builtBriefings.contains(text) {
                linkedBriefing = Slug(text)
            }
        }
        var summary: MarkdownText?
        if let text = fields.string("summary"), let location = fields.location(of: "summary") {
            summary = MarkdownText(text: text, location: location, isInline: true)
        }
        guard let date, let title else {
            if let summary { sink.unresolved.markdown.append(summary) }
            if let id { sink.unresolved.eventIDs.append(id) }
            return nil
        }
        return Event(id: id, date: date, title: title, people: people, place: fields.string("place"), summary: summary,
                     briefing: linkedBriefing, sources: ownSources, expected: fields.bool("expected") ?? false,
                     location: place.location(node.position), dateLocation: fields.location(of: "date"))
    }

    private func resolveTimeline(_ document: RawDocument, zone: TimeZone, references: ReferenceChecker,
                                 allBriefings: Set<String>, builtBriefings: Set<String>, sink: DiagnosticSink) -> [Event] {
        let place = place(document)
        func event(_ node: YAMLNode, references: ReferenceChecker) -> Event? {
            resolveEvent(node, place: place, zone: zone, briefing: nil, schema: .timelineEvent, sources: nil,
                         references: references, sink: references.sink,
                         allBriefings: allBriefings, builtBriefings: builtBriefings)
        }
        guard document.readsEntriesWhenResolved else {
            guard let root = document.yaml, let items = entries(of: root, place: place, sink: sink) else { return [] }
            return items.compactMap { event($0, references: references) }
        }
        // Each entry is resolved as soon as it is read, and its tree freed: the tree of a whole
        // file of a million lines cost several times the file. What the entries gave counts only
        // once the file turns out readable and a list of entries, as it would have had the whole
        // tree been read first.
        let entrySink = DiagnosticSink()
        let entryReferences = ReferenceChecker(people: references.people, topics: references.topics, sink: entrySink)
        var events: [Event] = []
        var problems: [YAMLSyntaxError] = []
        var root: YAMLNode?
        do {
            root = try YAMLReader.parse(document.head, firstLine: document.yamlLine, problems: &problems) { node in
                if let resolved = event(node, references: entryReferences) { events.append(resolved) }
            }
        } catch {
            problems.append(error)
            root = nil
        }
        for problem in problems {
            sink.diagnostics.append(Diagnostic(place.location(problem.position), problem))
        }
        guard let root, entries(of: root, place: place, sink: sink) != nil else { return [] }
        sink.diagnostics += entrySink.diagnostics
        sink.unresolved.add(entrySink.unresolved)
        return events
    }

    /// The list of entries of a timeline's root: the root itself, or its only key `events`; nil
    /// (reported) when it is neither.
    private func entries(of root: YAMLNode, place: DocumentPlace, sink: DiagnosticSink) -> [YAMLNode]? {
        switch root {
        case .list(let list, _): return list
        case .map(let entries, _) where entries.count == 1 && entries[0].key == "events":
            guard case .list(let list, _) = entries[0].value else {
                sink.error(place.location(entries[0].value.position), .eventsNotAList(found: entries[0].value.kindName))
                return nil
            }
            return list
        default:
            sink.error(place.location(root.position), .timelineNotAList(found: root.kindName))
            return nil
        }
    }

    // MARK: - topics.yaml

    /// The topics `topics.yaml` names: a map from slug to `name` and an optional `description`
    /// (or to the name alone: `peace-talks: "Peace talks"`).
    private func resolveTopics(_ document: RawDocument, sink: DiagnosticSink) -> [String: Topic]? {
        guard document.isReadable else { return nil }
        let place = place(document)
        guard let root = document.yaml else { return [:] }
        guard case .map(let entries, _) = root else {
            sink.error(place.location(root.position), .topicsNotAMap(found: root.kindName))
            return [:]
        }
        var topics: [String: Topic] = [:]
        for entry in entries {
            guard let slug = Slug(entry.key) else {
                sink.error(place.location(entry.keyPosition), .invalidSlug(what: "topic slug", text: entry.key))
                continue
            }
            if case .scalar(let name, _, _) = entry.value, !entry.value.isNull {
                topics[slug.rawValue] = Topic(slug: slug, name: name, description: nil)
                continue
            }
            guard let fields = FieldReader(entry.value, place: place, sink: sink, schema: .topic),
                  let name = fields.string("name") else { continue }
            topics[slug.rawValue] = Topic(slug: slug, name: name, description: fields.string("description"))
        }
        return topics
    }

    /// Every topic a built briefing is filed under, named by `declared` or from its slug, by name.
    static func topics(of briefings: [Briefing], declared: [String: Topic]) -> [Topic] {
        var seen = Set<Slug>()
        var topics: [Topic] = []
        for briefing in briefings {
            for slug in briefing.topics where seen.insert(slug).inserted {
                topics.append(declared[slug.rawValue] ?? Topic(slug: slug, name: Topic.name(from: slug), description: nil))
            }
        }
        return topics.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }
    }

    private func checkEventIDs(_ events: [Event], sink: DiagnosticSink) {
        var seen: [String: SourceLocation] = [:]
        // Positions sorted, not the events: sorting events copied each at every step.
        let withID = events.indices.filter { events[$0].id != nil }.sorted { events[$0].location < events[$1].location }
        for e in withID {
            let id = events[e].id!
            if let first = seen[id] {
                sink.error(events[e].location, .duplicateID(what: "event", id: id, first: first))
            } else {
                seen[id] = events[e].location
            }
        }
    }
}

/// Checks person slugs against the people that exist.
struct ReferenceChecker {
    let people: Set<String>
    /// The topics `topics.yaml` names; nil without the file (then any topic is named from its slug).
    var topics: Set<String>? = nil
    let sink: DiagnosticSink

    /// A briefing's topics, each once; one `topics.yaml` does not name is a warning (an error
    /// under `check --strict`), as it is most likely a typo.
    func topics(_ slugs: [(Slug, SourceLocation)]) -> [Slug] {
        var seen = Set<Slug>()
        return slugs.compactMap { slug, location in
            guard seen.insert(slug).inserted else { return nil }
            if let topics, !topics.contains(slug.rawValue) {
                sink.warning(location, .topicNotDeclared(slug, declared: topics))
            }
            return slug
        }
    }

    func person(_ text: String, at location: SourceLocation) -> Slug? {
        guard let slug = Slug(text) else {
            sink.error(location, .invalidSlug(what: "person slug", text: text, known: people))
            return nil
        }
        guard people.contains(text) else {
            sink.error(location, .unknownPerson(text, known: people))
            return nil
        }
        return slug
    }

    func people(_ slugs: [(Slug, SourceLocation)]) -> [Slug] {
        var seen = Set<Slug>()
        return slugs.compactMap { slug, location in
            guard person(slug.rawValue, at: location) != nil, seen.insert(slug).inserted else { return nil }
            return slug
        }
    }
}

/// The sources a quote or an event may cite by id.
struct SourceIndex {
    let all: [Source]
    private let byID: [String: Source]

    init(_ sources: [Source]) {
        all = sources
        var map: [String: Source] = [:]
        for source in sources { if let id = source.id, map[id] == nil { map[id] = source } }
        byID = map
    }

    /// The source named by the map's `source:` field, reporting an unknown id.
    func resolve(_ fields: FieldReader, sink: DiagnosticSink) -> Source? {
        guard let id = fields.string("source"), let location = fields.location(of: "source") else { return nil }
        guard let source = byID[id] else {
            sink.error(location, .unknownSource(id, known: Array(byID.keys)))
            return nil
        }
        return source
    }
}

/// Briefings an earlier run resolved, kept by `serve` for the next rebuild: a file whose text is
/// unchanged resolves to the same briefing, events and problems while the people, the declared
/// topics and the site's time zone are the same (all a briefing is checked against).
struct ResolveMemo: Sendable {
    let zone: TimeZone
    let people: Set<String>
    let topics: Set<String>?
    var briefings: [String: (document: RawDocument, result: SiteResolver.BriefingResult)] = [:]

    init(zone: TimeZone, people: Set<String>, topics: Set<String>?) {
        self.zone = zone
        self.people = people
        self.topics = topics
    }
}

extension RawDocument {
    /// Whether `other` was read from the same text (its YAML is then the same too).
    func hasSameText(as other: RawDocument) -> Bool {
        path == other.path && loadFailed == other.loadFailed && yamlLine == other.yamlLine && bodyLine == other.bodyLine
            && readsEntriesWhenResolved == other.readsEntriesWhenResolved && head == other.head && body == other.body
    }
}
