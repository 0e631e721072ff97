/// Builds the template contexts (plain dictionaries: no reflection) for every page kind.
/// Keys follow `Templates/README.md`; every list `xs` also gets a `hasXs` boolean.
struct PageContexts: Sendable {
    let site: Site
    let index: SiteIndex
    let markdown: RenderedMarkdown

    var config: SiteConfig { site.config }

    // MARK: - Shared pieces

    /// Sets `key` to `items` and `hasKey` to whether there are any; leaves both out when empty.
    static func put(_ items: [Any], _ key: String, into context: inout [String: Any]) {
        guard !items.isEmpty else { return }
        context[key] = items
        context["has" + key.prefix(1).uppercased() + key.dropFirst()] = true
    }

    func absoluteURL(_ path: String) -> String { config.baseURL + path }

    func siteContext() -> [String: Any] {
        var context: [String: Any] = [
            "title": config.title, "language": config.language, "baseURL": config.baseURL,
            "feedURL": absoluteURL("feed.xml"),
        ]
        if let description = config.description { context["description"] = description }
        if !config.extra.isEmpty { context["extra"] = ExtraValue.map(config.extra).templateValue }
        return context
    }

    /// The context every page starts from.
    func pageBase(root: String, path: String, title: String, description: String?, section: String,
                  ogType: String, jsonLD: JSONValue) -> [String: Any] {
        var page: [String: Any] = [
            "title": title, "canonicalURL": absoluteURL(path), "ogType": ogType,
            "jsonLDHTML": jsonLD.scriptElement, "section": section,
            "description": description ?? config.description ?? config.title,
        ]
        switch section {
        case "home": page["isHome"] = true
        case "briefings": page["isBriefings"] = true
        case "timeline": page["isTimeline"] = true
        case "people": page["isPeople"] = true
        default: break
        }
        return ["root": root, "site": siteContext(), "page": page, "generator": "Briefing"]
    }

    func date(_ date: PartialDate) -> [String: Any] {
        ["iso": date.iso, "display": date.display, "precision": date.precision.name,
         "isCoarse": date.precision < .day]
    }

    func briefingItem(_ b: Int) -> [String: Any] {
        let briefing = site.briefings[b]
        var item: [String: Any] = [
            "title": briefing.title, "url": SiteURLs.briefing(briefing.slug.rawValue), "slug": briefing.slug.rawValue,
            "date": date(briefing.date),
        ]
        if let summary = briefing.summary { item["summary"] = summary }
        if let updated = briefing.updated { item["updated"] = date(updated) }
        if briefing.status == .draft { item["isDraft"] = true }
        Self.put(briefing.topics.map(\.rawValue), "topics", into: &item)
        return item
    }

    func personItem(_ p: Int) -> [String: Any] {
        let person = site.people[p]
        var item: [String: Any] = [
            "name": person.name, "url": SiteURLs.person(person.slug.rawValue), "slug": person.slug.rawValue,
            "initials": Self.initials(person.name), "briefingCount": index.briefingsOfPerson[p].count,
        ]
        if let role = person.role { item["role"] = role }
        if let affiliation = person.affiliation { item["affiliation"] = affiliation }
        if let country = person.country { item["country"] = country }
        return item
    }

    func personLink(_ slug: Slug) -> [String: Any]? {
        guard let p = index.personIndex[slug] else { return nil }
        let person = site.people[p]
        var link: [String: Any] = ["name": person.name, "url": SiteURLs.person(slug.rawValue), "slug": slug.rawValue]
        if let role = person.role { link["role"] = role }
        return link
    }

    func source(_ source: Source, number: Int) -> [String: Any] {
        var item: [String: Any] = ["anchor": "source-\(number)"]
        if let title = source.title { item["title"] = title }
        if let publisher = source.publisher { item["publisher"] = publisher }
        if let url = source.url, SafeURL.isAllowed(url) { item["url"] = url }
        if item["title"] == nil { item["title"] = source.publisher ?? source.url ?? "Source" }
        return item
    }

    /// Where an event is shown, which decides the rendering of its summary's links.
    enum EventPlace { case home, timeline, page }

    /// An event; its summary is rendered for the timeline (`../`) or a briefing or person page
    /// (`../../`), and left out on the home page, which lists titles only.
    func event(_ e: Int, on place: EventPlace) -> [String: Any] {
        let event = site.events[e]
        var item: [String: Any] = ["anchor": index.eventAnchors[e], "title": event.title, "date": date(event.date)]
        if let place = event.place { item["place"] = place }
        switch place {
        case .home: break
        case .timeline: if let summary = markdown.eventSummariesOnTimeline[e] { item["summaryHTML"] = summary }
        case .page: if let summary = markdown.eventSummariesOnPages[e] { item["summaryHTML"] = summary }
        }
        if event.expected { item["expected"] = true }
        Self.put(event.people.compactMap(personLink), "people", into: &item)
        if let slug = event.briefing, let b = index.briefingIndex[slug] {
            item["briefing"] = ["title": site.briefings[b].title, "url": SiteURLs.briefing(slug.rawValue)]
        }
        Self.put(event.sources.enumerated().map { source($1, number: $0 + 1) }, "sources", into: &item)
        return item
    }

    func quote(_ quote: Quote, briefing b: Int?) -> [String: Any] {
        var item: [String: Any] = ["text": quote.text]
        if let context = quote.context { item["context"] = context }
        if let date = quote.date { item["date"] = self.date(date) }
        if let speaker = personLink(quote.person) { item["speaker"] = speaker }
        if let source = quote.source { item["source"] = self.source(source, number: 0) }
        if let b {
            item["briefing"] = ["title": site.briefings[b].title, "url": SiteURLs.briefing(site.briefings[b].slug.rawValue)]
        }
        return item
    }

    /// One or two capital letters for an avatar: "Steve Witkoff" -> "SW".
    static func initials(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).filter { $0.first?.isLetter ?? false }
        let letters = [words.first, words.count > 1 ? words.last : nil].compactMap { $0?.first }
        return letters.map { String($0).uppercased() }.joined()
    }

    var publisherJSON: JSONValue {
        .object([("@type", .string("Organization")), ("name", .string(config.title)), ("url", .string(config.baseURL))])
    }

    // MARK: - Pages

    func home() -> [String: Any] {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("WebSite")),
            ("name", .string(config.title)), ("url", .string(config.baseURL)),
            ("description", JSONValue.text(config.description)),
        ])
        var context = pageBase(root: "./", path: "", title: config.title, description: config.description,
                               section: "home", ogType: "website", jsonLD: jsonLD)
        if !site.briefings.isEmpty { context["lead"] = briefingItem(0) }
        Self.put((1..<min(site.briefings.count, 11)).map(briefingItem), "latest", into: &context)
        let mentioned = site.people.indices
            .filter { !index.briefingsOfPerson[$0].isEmpty }
            .sorted { (index.briefingsOfPerson[$0].count, $1) > (index.briefingsOfPerson[$1].count, $0) }
        Self.put(mentioned.prefix(8).map(personItem), "keyPeople", into: &context)
        let happened = site.events.indices.filter { !site.events[$0].expected }
        Self.put(happened.suffix(5).reversed().map { event($0, on: .home) }, "latestEvents", into: &context)
        let next = site.events.indices.filter { site.events[$0].expected }
        Self.put(next.prefix(5).map { event($0, on: .home) }, "nextEvents", into: &context)
        return context
    }

    func briefingList() -> [String: Any] {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("Briefings")), ("url", .string(absoluteURL(SiteURLs.briefings))),
        ])
        var context = pageBase(root: "../", path: SiteURLs.briefings, title: "Briefings",
                               description: "All briefings of \(config.title), newest first.",
                               section: "briefings", ogType: "website", jsonLD: jsonLD)
        Self.put(site.briefings.indices.map(briefingItem), "briefings", into: &context)
        return context
    }

    func briefing(_ b: Int) -> [String: Any] {
        let briefing = site.briefings[b]
        let path = SiteURLs.briefing(briefing.slug.rawValue)
        let people = briefing.people.compactMap { index.personIndex[$0] }
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("NewsArticle")),
            ("headline", .string(briefing.title)), ("description", JSONValue.text(briefing.summary)),
            ("datePublished", .string(briefing.date.rfc3339)),
            ("dateModified", .string(briefing.lastModified.rfc3339)),
            ("url", .string(absoluteURL(path))), ("mainEntityOfPage", .string(absoluteURL(path))),
            ("inLanguage", .string(config.language)),
            ("author", publisherJSON), ("publisher", publisherJSON),
            ("about", people.isEmpty ? nil : .array(people.map { p in
                .object([("@type", .string("Person")), ("name", .string(site.people[p].name)),
                         ("url", .string(absoluteURL(SiteURLs.person(site.people[p].slug.rawValue))))])
            })),
            ("keywords", briefing.topics.isEmpty ? nil : .string(briefing.topics.map(\.rawValue).joined(separator: ", "))),
        ])
        var context = pageBase(root: "../../", path: path, title: briefing.title, description: briefing.summary,
                               section: "briefings", ogType: "article", jsonLD: jsonLD)
        var item = briefingItem(b)
        item["bodyHTML"] = markdown.bodies[b]
        Self.put(markdown.keyPoints[b].map { ["html": $0] }, "keyPoints", into: &item)
        Self.put(briefing.places, "places", into: &item)
        Self.put(briefing.quotes.map { quote($0, briefing: nil) }, "quotes", into: &item)
        Self.put(people.map(personItem), "people", into: &item)
        Self.put(index.eventsOfBriefing[b].map { event($0, on: .page) }, "events", into: &item)
        Self.put(briefing.sources.enumerated().map { source($1, number: $0 + 1) }, "sources", into: &item)
        Self.put(zip(briefing.updates, markdown.updates[b]).map { update, html in
            ["at": date(update.at), "html": html] as [String: Any]
        }, "updates", into: &item)
        if !briefing.extra.isEmpty { item["extra"] = ExtraValue.map(briefing.extra).templateValue }
        context["briefing"] = item
        return context
    }

    func timeline() -> [String: Any] {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("ItemList")),
            ("name", .string("Timeline")), ("url", .string(absoluteURL(SiteURLs.timeline))),
            ("itemListElement", .array(site.events.indices.map { e in
                let event = site.events[e]
                return .object([
                    ("@type", .string("ListItem")), ("position", .string(String(e + 1))),
                    ("item", .object([
                        ("@type", .string("Event")), ("name", .string(event.title)),
                        ("startDate", .string(event.date.iso)),
                        ("location", event.place.map { .object([("@type", .string("Place")), ("name", .string($0))]) }),
                        ("url", .string(absoluteURL(SiteURLs.timeline + "#" + index.eventAnchors[e]))),
                    ])),
                ])
            })),
        ])
        var context = pageBase(root: "../", path: SiteURLs.timeline, title: "Timeline",
                               description: "Every event of \(config.title), in time order.",
                               section: "timeline", ogType: "website", jsonLD: jsonLD)
        // Years, then months; events known only to the year come first in their year.
        var years: [[String: Any]] = []
        var currentYear: Int?
        var groups: [[String: Any]] = []
        var groupKeys: [String] = []
        var groupEvents: [String: [[String: Any]]] = [:]
        var groupHeadings: [String: String] = [:]
        func closeYear() {
            guard let year = currentYear else { return }
            groups = groupKeys.map { key in
                ["heading": groupHeadings[key]!, "anchor": key, "events": groupEvents[key]!]
            }
            years.append(["year": String(year), "anchor": "y-\(year)", "groups": groups])
            groupKeys = []; groupEvents = [:]; groupHeadings = [:]
        }
        for e in site.events.indices {
            let date = site.events[e].date
            if date.year != currentYear {
                closeYear()
                currentYear = date.year
            }
            let key = date.precision == .year ? "y-\(date.year)-all" : "m-\(date.year)-\(date.month < 10 ? "0" : "")\(date.month)"
            if groupEvents[key] == nil {
                groupKeys.append(key)
                groupEvents[key] = []
                groupHeadings[key] = date.precision == .year ? "During \(date.year)" : date.monthHeading
            }
            groupEvents[key]!.append(event(e, on: .timeline))
        }
        closeYear()
        Self.put(years, "years", into: &context)
        context["eventCount"] = site.events.count
        return context
    }

    func peopleList() -> [String: Any] {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("People")), ("url", .string(absoluteURL(SiteURLs.people))),
        ])
        var context = pageBase(root: "../", path: SiteURLs.people, title: "People",
                               description: "Everyone in \(config.title), with their roles.",
                               section: "people", ogType: "website", jsonLD: jsonLD)
        Self.put(site.people.indices.map(personItem), "people", into: &context)
        return context
    }

    func person(_ p: Int) -> [String: Any] {
        let person = site.people[p]
        let path = SiteURLs.person(person.slug.rawValue)
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("Person")),
            ("name", .string(person.name)), ("jobTitle", JSONValue.text(person.role)),
            ("affiliation", person.affiliation.map { .object([("@type", .string("Organization")), ("name", .string($0))]) }),
            ("nationality", person.country.map { .object([("@type", .string("Country")), ("name", .string($0))]) }),
            ("alternateName", person.aliases.isEmpty ? nil : .array(person.aliases.map(JSONValue.string))),
            ("url", .string(absoluteURL(path))),
        ])
        let description = [person.role, person.affiliation].compactMap { $0 }.joined(separator: ", ")
        var context = pageBase(root: "../../", path: path, title: person.name,
                               description: description.isEmpty ? "\(person.name) in \(config.title)" : "\(person.name): \(description)",
                               section: "people", ogType: "profile", jsonLD: jsonLD)
        var item = personItem(p)
        item["bioHTML"] = markdown.bios[p]
        Self.put(person.aliases, "aliases", into: &item)
        if !person.extra.isEmpty { item["extra"] = ExtraValue.map(person.extra).templateValue }
        context["person"] = item
        Self.put(index.quotesOfPerson[p].map { quote($0.quote, briefing: $0.briefing) }, "quotes", into: &context)
        Self.put(index.eventsOfPerson[p].map { event($0, on: .page) }, "events", into: &context)
        Self.put(index.briefingsOfPerson[p].map(briefingItem), "briefings", into: &context)
        Self.put(index.seenWith[p].map(personItem), "seenWith", into: &context)
        return context
    }

    func notFound() -> [String: Any] {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("WebPage")), ("name", .string("Page not found")),
        ])
        // Served at any path, so links start from the site's absolute base path.
        return pageBase(root: config.basePath, path: "404.html", title: "Page not found",
                        description: "This page does not exist.", section: "none", ogType: "website", jsonLD: jsonLD)
    }

    // MARK: - Feeds

    /// The 20 newest briefings as Atom entries.
    func feed() -> [String: Any] {
        let entries: [[String: Any]] = site.briefings.prefix(20).map { briefing in
            let url = absoluteURL(SiteURLs.briefing(briefing.slug.rawValue))
            var entry: [String: Any] = [
                "title": briefing.title, "url": url, "id": url,
                "published": briefing.date.rfc3339, "updated": briefing.lastModified.rfc3339,
            ]
            if let summary = briefing.summary { entry["summary"] = summary }
            return entry
        }
        let newest = site.briefings.map(\.lastModified).max()
        var context: [String: Any] = ["site": siteContext(), "updated": newest?.rfc3339 ?? "1970-01-01T00:00:00Z",
                                      "feedURL": absoluteURL("feed.xml")]
        Self.put(entries, "entries", into: &context)
        return context
    }

    func sitemap() -> [String: Any] {
        var urls: [[String: Any]] = [["loc": absoluteURL("")], ["loc": absoluteURL(SiteURLs.briefings)],
                                     ["loc": absoluteURL(SiteURLs.timeline)], ["loc": absoluteURL(SiteURLs.people)]]
        for briefing in site.briefings {
            urls.append(["loc": absoluteURL(SiteURLs.briefing(briefing.slug.rawValue)), "lastmod": briefing.lastModified.rfc3339])
        }
        for person in site.people { urls.append(["loc": absoluteURL(SiteURLs.person(person.slug.rawValue))]) }
        return ["site": siteContext(), "urls": urls]
    }

    func robots() -> [String: Any] {
        ["site": siteContext(), "sitemapURL": absoluteURL("sitemap.xml")]
    }
}
