import Foundation

/// `search/index.json`: what `assets/search.js` searches in the browser, written at build time.
///
/// Compact: arrays, not objects; URLs as the slugs and anchors they are made of; quotes and
/// events refer to their briefing and people by position instead of repeating names. Shape
/// (version 1), each list in the site's order:
///
/// ```
/// {"v": 1,
///  "b": [[slug, title, date, text, keywords]],          briefings: briefings/<slug>/
///  "p": [[slug, name, text]],                           people: people/<slug>/
///  "q": [[text, person, briefing]],                     quotes: positions in "p" and "b"
///  "e": [[anchor, title, date, text, briefing, [people]]]   events: timeline/#<anchor>; briefing -1 when none
/// }
/// ```
/// `date` is what a reader sees (`2 December 2025`); `text` is a short plain-text snippet.
struct SearchIndex: Sendable {
    let contexts: PageContexts

    static let path = "search/index.json"
    static let pagePath = "search/index.html"
    /// Longest snippet kept, in characters: enough to recognise a result, small enough for 10,000 briefings.
    static let snippetLength = 160

    func json() -> [UInt8] {
        let site = contexts.site
        let index = contexts.index
        let markdown = contexts.markdown
        func snippet(_ text: String?) -> JSONValue {
            .string(text.map { RenderedMarkdown.lead($0, length: Self.snippetLength) } ?? "")
        }
        let briefings: [JSONValue] = site.briefings.indices.map { b in
            let briefing = site.briefings[b]
            let keywords = briefing.topics.map { String($0.rawValue.map { $0 == "-" ? " " : $0 }) } + briefing.places
            return .array([.string(briefing.slug.rawValue), .string(briefing.title), .string(briefing.date.display),
                           snippet(briefing.summary ?? markdown.bodyLeads[b]), .string(keywords.joined(separator: " · "))])
        }
        let people: [JSONValue] = site.people.map { person in
            let facts = [person.role, person.affiliation, person.country].compactMap { $0 } + person.aliases
            return .array([.string(person.slug.rawValue), .string(person.name), .string(facts.joined(separator: " · "))])
        }
        var quotes: [JSONValue] = []
        for (b, briefing) in site.briefings.enumerated() {
            for quote in briefing.quotes {
                guard let p = index.personIndex[quote.person] else { continue }
                quotes.append(.array([snippet(quote.text), .int(p), .int(b)]))
            }
        }
        let events: [JSONValue] = site.events.indices.map { e in
            let event = site.events[e]
            let text = [event.place, markdown.eventSummaryTexts[e]].compactMap { $0 }.joined(separator: " · ")
            let briefing = event.briefing.flatMap { index.briefingIndex[$0] } ?? -1
            return .array([.string(index.eventAnchors[e]), .string(event.title),
                           .string(event.date.display + (event.expected ? " (expected)" : "")), snippet(text),
                           .int(briefing), .array(event.people.compactMap { index.personIndex[$0] }.map(JSONValue.int))])
        }
        let root = JSONValue.object([
            ("v", .int(1)), ("b", .array(briefings)), ("p", .array(people)), ("q", .array(quotes)), ("e", .array(events)),
        ])
        return DataExports.file(root)
    }
}
