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
    static let topicsPath = "data/topics.json"

    // MARK: - Shared pieces

    /// A date at its own precision: `{"value": "2025-12", "precision": "month"}`.
    static func date(_ date: PartialDate?, to json: inout JSONWriter) {
        guard let date else { return json.null() }
        json.object { json in
            json.field("value", date.iso)
            json.field("precision", date.precision.name)
        }
    }

    static func source(_ source: Source?, to json: inout JSONWriter) {
        guard let source else { return json.null() }
        json.object { json in
            json.field("id", source.id)
            json.field("title", source.title)
            json.field("publisher", source.publisher)
            json.field("url", source.url.flatMap { SafeURL.isAllowed($0) ? $0 : nil })
        }
    }

    /// A file: one object, `version` and `site` first (`withHeader`), then what `body` writes.
    private func file(into sink: ByteSink, withHeader: Bool = true, _ body: (inout JSONWriter) -> Void) {
        var json = JSONWriter(into: sink)
        json.object { json in
            if withHeader {
                json.field("version", Self.version)
                json.key("site")
                json.object { json in
                    json.field("title", site.config.title)
                    json.field("url", site.config.baseURL)
                    json.field("language", site.config.language)
                }
            }
            body(&json)
        }
        json.finish()
    }

    // MARK: - Files

    /// A file whose content is one list, `key`, of `count` records.
    private func records(_ key: String, count: Int, into sink: ByteSink, _ record: (Int, inout JSONWriter) -> Void) {
        file(into: sink) { json in
            json.key(key)
            json.array { json in
                for i in 0..<count { record(i, &json) }
            }
        }
    }

    func briefings(into sink: ByteSink) {
        records("briefings", count: site.briefings.count, into: sink, briefing)
    }

    private func briefing(_ b: Int, to json: inout JSONWriter) {
        let briefing = site.briefings[b]
        let url = contexts.absoluteURL(SiteURLs.briefing(briefing.slug.rawValue))
        json.object { json in
            json.field("slug", briefing.slug.rawValue)
            json.field("url", url)
            json.field("title", briefing.title)
            json.field("summary", briefing.summary)
            json.field("status", briefing.status.rawValue)
            json.key("date"); Self.date(briefing.date, to: &json)
            json.key("updated"); Self.date(briefing.updated, to: &json)
            json.key("lastModified"); Self.date(briefing.lastModified, to: &json)
            json.key("people"); json.array { json in for slug in briefing.people { json.string(slug.rawValue) } }
            json.key("topics"); json.array { json in for topic in briefing.topics { json.string(topic.rawValue) } }
            json.field("places", strings: briefing.places)
            json.key("keyPoints"); json.array { json in for point in markdown.briefings[b].keyPoints { json.string(point.text) } }
            json.key("quotes")
            json.array { json in
                for quote in briefing.quotes {
                    json.object { json in
                        json.field("person", quote.person.rawValue)
                        json.field("text", quote.text)
                        json.field("context", quote.context)
                        json.key("date"); Self.date(quote.date, to: &json)
                        json.key("source"); Self.source(quote.source, to: &json)
                    }
                }
            }
            json.key("sources"); json.array { json in for source in briefing.sources { Self.source(source, to: &json) } }
            json.key("updates")
            json.array { json in
                for u in briefing.updates.indices {
                    json.object { json in
                        json.key("at"); Self.date(briefing.updates[u].at, to: &json)
                        json.field("text", markdown.briefings[b].updates[u].text)
                        json.field("url", url + "#" + contexts.updateAnchor(b, u))
                    }
                }
            }
            json.key("events"); json.array { json in for e in index.eventsOfBriefing[b] { json.string(index.eventKeys[e]) } }
        }
    }

    func topics(into sink: ByteSink) {
        records("topics", count: site.topics.count, into: sink, topic)
    }

    private func topic(_ t: Int, to json: inout JSONWriter) {
        let topic = site.topics[t]
        json.object { json in
            json.field("slug", topic.slug.rawValue)
            json.field("url", contexts.absoluteURL(SiteURLs.topic(topic.slug.rawValue)))
            json.field("name", topic.name)
            json.field("description", topic.description)
            json.key("briefings"); json.array { json in for b in index.briefingsOfTopic[t] { json.string(site.briefings[b].slug.rawValue) } }
        }
    }

    func people(into sink: ByteSink) {
        records("people", count: site.people.count, into: sink, person)
    }

    private func person(_ p: Int, to json: inout JSONWriter) {
        let person = site.people[p]
        json.object { json in
            json.field("slug", person.slug.rawValue)
            json.field("url", contexts.absoluteURL(SiteURLs.person(person.slug.rawValue)))
            json.field("name", person.name)
            json.field("role", person.role)
            json.field("affiliation", person.affiliation)
            json.field("country", person.country)
            json.field("aliases", strings: person.aliases)
            json.field("bio", markdown.people[p].bio.text)
            json.key("briefings"); json.array { json in for b in index.briefingsOfPerson[p] { json.string(site.briefings[b].slug.rawValue) } }
            json.key("events"); json.array { json in for e in index.eventsOfPerson[p] { json.string(index.eventKeys[e]) } }
            json.field("quoteCount", index.quotesOfPerson[p].count)
            json.key("seenWith"); json.array { json in for other in index.seenWith[p] { json.string(site.people[other].slug.rawValue) } }
        }
    }

    func timeline(into sink: ByteSink) {
        let calendars = CalendarFiles(contexts: contexts)
        records("events", count: site.events.count, into: sink) { e, json in event(e, uid: calendars.uid(e), to: &json) }
    }

    private func event(_ e: Int, uid: String, to json: inout JSONWriter) {
        let event = site.events[e]
        json.object { json in
            json.field("key", index.eventKeys[e])
            json.field("id", event.id)
            json.field("uid", uid)
            json.field("title", event.title)
            json.key("date"); Self.date(event.date, to: &json)
            json.field("expected", event.expected)
            json.field("place", event.place)
            json.key("people"); json.array { json in for slug in event.people { json.string(slug.rawValue) } }
            json.field("briefing", event.briefing?.rawValue)
            json.field("summary", markdown.events[e].text)
            json.key("sources"); json.array { json in for source in event.sources { Self.source(source, to: &json) } }
            json.field("url", contexts.absoluteURL(index.eventURL(e)))
        }
    }

    // MARK: - TimelineJS

    /// Knight Lab's TimelineJS3 JSON format: a title slide and one slide per event, each date given
    /// only to its own precision (a month-precision event has no `day`), texts as escaped HTML.
    func timelineJS(into sink: ByteSink) {
        var titleText = ""
        if let description = site.config.description { titleText = "<p>" + HTMLText.escape(description) + "</p>" }
        file(into: sink, withHeader: false) { json in
            json.key("title")
            json.object { json in
                json.key("text")
                json.object { json in
                    json.field("headline", HTMLText.escape(site.config.title))
                    json.field("text", titleText)
                }
            }
            json.key("events")
            json.array { json in
                for e in site.events.indices { slide(e, to: &json) }
            }
        }
    }

    private func slide(_ e: Int, to json: inout JSONWriter) {
        let event = site.events[e]
        json.object { json in
            json.key("start_date"); Self.timelineJSDate(event.date, to: &json)
            json.key("text")
            json.object { json in
                json.field("headline", HTMLText.escape(event.title))
                json.field("text", timelineJSText(e))
            }
            json.field("unique_id", index.eventKeys[e])
            json.field("display_date", event.date.display)
            if event.expected { json.field("group", "Expected") }
        }
    }

    /// `{year, month, day, hour, minute}` down to the date's precision; a time is its wall clock as
    /// written (TimelineJS has no zones), and `display_date` says the zone.
    static func timelineJSDate(_ date: PartialDate, to json: inout JSONWriter) {
        json.object { json in
            json.field("year", date.year)
            if date.precision >= .month { json.field("month", date.month) }
            if date.precision >= .day { json.field("day", date.day) }
            if date.precision >= .time {
                json.field("hour", date.hour)
                json.field("minute", date.minute)
            }
            json.field("display_date", date.display)
        }
    }

    /// The slide's text: summary, place and people, and a link to its briefing (absolute, since the
    /// widget is embedded elsewhere).
    private func timelineJSText(_ e: Int) -> String {
        let event = site.events[e]
        var parts: [String] = []
        if let summary = markdown.events[e].text, !summary.isEmpty { parts.append("<p>" + HTMLText.escape(summary) + "</p>") }
        let people = index.peopleOfEvent[e].map { site.people[$0].name }
        let facts = ([event.place].compactMap { $0 } + (people.isEmpty ? [] : [people.joined(separator: ", ")]))
        if !facts.isEmpty { parts.append("<p>" + HTMLText.escape(facts.joined(separator: " · ")) + "</p>") }
        if let slug = event.briefing, let b = index.briefingIndex[slug] {
            let url = contexts.absoluteURL(SiteURLs.briefing(slug.rawValue))
            parts.append("<p><a href=\"" + HTMLText.escape(url) + "\">" + HTMLText.escape(site.briefings[b].title) + "</a></p>")
        }
        return parts.joined()
    }
}
