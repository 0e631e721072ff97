/// The site as data for scripts and other tools: `data/briefings.json`, `data/people.json`,
/// `data/timeline.json` (fields documented in the README's "Data exports") and
/// `data/timelinejs.json` for Knight Lab's TimelineJS.
///
/// Every list keeps the site's order (briefings newest first, people by name, events in time
/// order), every object its keys in a fixed order, and absent values are `null` or `[]`, so the
/// files are byte-identical for the same input and every record has the same shape.
struct DataExports: Sendable {
    let contexts: PageContexts

    var site: Site { contexts.site }
    var index: SiteIndex { contexts.index }
    var markdown: RenderedMarkdown { contexts.markdown }

    static let version = 1
    static let briefingsPath = "data/briefings.json"
    static let peoplePath = "data/people.json"
    static let timelinePath = "data/timeline.json"
    static let timelineJSPath = "data/timelinejs.json"

    // MARK: - Shared pieces

    /// A date at its own precision: `{"value": "2025-12", "precision": "month"}`.
    static func date(_ date: PartialDate?) -> JSONValue {
        guard let date else { return .null }
        return .object([("value", .string(date.iso)), ("precision", .string(date.precision.name))])
    }

    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    static func source(_ source: Source?) -> JSONValue {
        guard let source else { return .null }
        return .object([("id", text(source.id)), ("title", text(source.title)), ("publisher", text(source.publisher)),
                        ("url", text(source.url.flatMap { SafeURL.isAllowed($0) ? $0 : nil }))])
    }

    var header: [(String, JSONValue)] {
        [("version", .int(Self.version)),
         ("site", .object([("title", .string(site.config.title)), ("url", .string(site.config.baseURL)),
                           ("language", .string(site.config.language))]))]
    }

    static func file(_ value: JSONValue) -> [UInt8] {
        var bytes = value.bytes
        bytes.append(0x0A)
        return bytes
    }

    // MARK: - Files

    func briefings() -> [UInt8] {
        let items: [JSONValue] = site.briefings.indices.map { b in
            let briefing = site.briefings[b]
            let url = contexts.absoluteURL(SiteURLs.briefing(briefing.slug.rawValue))
            return .object([
                ("slug", .string(briefing.slug.rawValue)),
                ("url", .string(url)),
                ("title", .string(briefing.title)),
                ("summary", Self.text(briefing.summary)),
                ("status", .string(briefing.status.rawValue)),
                ("date", Self.date(briefing.date)),
                ("updated", Self.date(briefing.updated)),
                ("lastModified", Self.date(briefing.lastModified)),
                ("people", Self.strings(briefing.people.map(\.rawValue))),
                ("topics", Self.strings(briefing.topics.map(\.rawValue))),
                ("places", Self.strings(briefing.places)),
                ("keyPoints", Self.strings(markdown.keyPointTexts[b])),
                ("quotes", .array(briefing.quotes.map { quote in
                    .object([("person", .string(quote.person.rawValue)), ("text", .string(quote.text)),
                             ("context", Self.text(quote.context)), ("date", Self.date(quote.date)),
                             ("source", Self.source(quote.source))])
                })),
                ("sources", .array(briefing.sources.map { Self.source($0) })),
                ("updates", .array(briefing.updates.indices.map { u in
                    .object([("at", Self.date(briefing.updates[u].at)), ("text", .string(markdown.updateTexts[b][u])),
                             ("url", .string(url + "#" + contexts.updateAnchor(b, u)))])
                })),
                ("events", Self.strings(index.eventsOfBriefing[b].map { index.eventKeys[$0] })),
            ])
        }
        return Self.file(.object(header + [("briefings", .array(items))]))
    }

    func people() -> [UInt8] {
        let items: [JSONValue] = site.people.indices.map { p in
            let person = site.people[p]
            return .object([
                ("slug", .string(person.slug.rawValue)),
                ("url", .string(contexts.absoluteURL(SiteURLs.person(person.slug.rawValue)))),
                ("name", .string(person.name)),
                ("role", Self.text(person.role)),
                ("affiliation", Self.text(person.affiliation)),
                ("country", Self.text(person.country)),
                ("aliases", Self.strings(person.aliases)),
                ("bio", .string(markdown.bioTexts[p])),
                ("briefings", Self.strings(index.briefingsOfPerson[p].map { site.briefings[$0].slug.rawValue })),
                ("events", Self.strings(index.eventsOfPerson[p].map { index.eventKeys[$0] })),
                ("quoteCount", .int(index.quotesOfPerson[p].count)),
                ("seenWith", Self.strings(index.seenWith[p].map { site.people[$0].slug.rawValue })),
            ])
        }
        return Self.file(.object(header + [("people", .array(items))]))
    }

    func timeline() -> [UInt8] {
        let calendars = CalendarFiles(contexts: contexts)
        let items: [JSONValue] = site.events.indices.map { e in
            let event = site.events[e]
            return .object([
                ("key", .string(index.eventKeys[e])),
                ("id", Self.text(event.id)),
                ("uid", .string(calendars.uid(e))),
                ("title", .string(event.title)),
                ("date", Self.date(event.date)),
                ("expected", .bool(event.expected)),
                ("place", Self.text(event.place)),
                ("people", Self.strings(event.people.map(\.rawValue))),
                ("briefing", Self.text(event.briefing.map(\.rawValue))),
                ("summary", Self.text(markdown.eventSummaryTexts[e])),
                ("sources", .array(event.sources.map { Self.source($0) })),
                ("url", .string(contexts.absoluteURL(SiteURLs.timeline + "#" + index.eventAnchors[e]))),
            ])
        }
        return Self.file(.object(header + [("events", .array(items))]))
    }

    // MARK: - TimelineJS

    /// Knight Lab's TimelineJS3 JSON format: a title slide and one slide per event, each date given
    /// only to its own precision (a month-precision event has no `day`), texts as escaped HTML.
    func timelineJS() -> [UInt8] {
        var titleText = ""
        if let description = site.config.description { titleText = "<p>" + HTMLText.escape(description) + "</p>" }
        let title = JSONValue.object([
            ("text", .object([("headline", .string(HTMLText.escape(site.config.title))), ("text", .string(titleText))])),
        ])
        let events: [JSONValue] = site.events.indices.map { e in
            let event = site.events[e]
            var slide: [(String, JSONValue)] = [
                ("start_date", Self.timelineJSDate(event.date)),
                ("text", .object([("headline", .string(HTMLText.escape(event.title))),
                                  ("text", .string(timelineJSText(e)))])),
                ("unique_id", .string(index.eventKeys[e])),
                ("display_date", .string(event.date.display)),
            ]
            if event.expected { slide.append(("group", .string("Expected"))) }
            return .object(slide)
        }
        return Self.file(.object([("title", title), ("events", .array(events))]))
    }

    /// `{year, month, day, hour, minute}` down to the date's precision; a time is its wall clock as
    /// written (TimelineJS has no zones), and `display_date` says the zone.
    static func timelineJSDate(_ date: PartialDate) -> JSONValue {
        var fields: [(String, JSONValue)] = [("year", .int(date.year))]
        if date.precision >= .month { fields.append(("month", .int(date.month))) }
        if date.precision >= .day { fields.append(("day", .int(date.day))) }
        if date.precision >= .time {
            fields.append(("hour", .int(date.hour)))
            fields.append(("minute", .int(date.minute)))
        }
        fields.append(("display_date", .string(date.display)))
        return .object(fields)
    }

    /// The slide's text: summary, place and people, and a link to its briefing (absolute, since the
    /// widget is embedded elsewhere).
    private func timelineJSText(_ e: Int) -> String {
        let event = site.events[e]
        var parts: [String] = []
        if let summary = markdown.eventSummaryTexts[e], !summary.isEmpty { parts.append("<p>" + HTMLText.escape(summary) + "</p>") }
        let people = event.people.compactMap { index.personIndex[$0].map { site.people[$0].name } }
        let facts = ([event.place].compactMap { $0 } + (people.isEmpty ? [] : [people.joined(separator: ", ")]))
        if !facts.isEmpty { parts.append("<p>" + HTMLText.escape(facts.joined(separator: " · ")) + "</p>") }
        if let slug = event.briefing, let b = index.briefingIndex[slug] {
            let url = contexts.absoluteURL(SiteURLs.briefing(slug.rawValue))
            parts.append("<p><a href=\"" + HTMLText.escape(url) + "\">" + HTMLText.escape(site.briefings[b].title) + "</a></p>")
        }
        return parts.joined()
    }
}
