/// Builds the template contexts (plain dictionaries: no reflection) for every page kind.
/// Keys follow `Templates/README.md`; every list `xs` also gets a `hasXs` boolean.
///
/// A class: closures and exports that keep the contexts hold one reference, where copying a struct of
/// the whole site model retained each of its arrays (a tenth of a second at 10,000 briefings).
final class PageContexts: Sendable {
    let site: Site
    let index: SiteIndex
    let markdown: RenderedMarkdown
    /// Items shown on many pages, made once per build (see `sharingItems()`).
    let shared: SharedItems?

    init(site: Site, index: SiteIndex, markdown: RenderedMarkdown, shared: SharedItems? = nil) {
        self.site = site
        self.index = index
        self.markdown = markdown
        self.shared = shared
    }

    /// Person cards, briefing items and events appear on hundreds of pages each; made once and
    /// shared (template values are copy-on-write), pages stop rebuilding and freeing them.
    struct SharedItems: Sendable {
        var people: [TemplateValue]
        var personLinks: [TemplateValue]
        var briefings: [TemplateValue]
        var briefingLinks: [TemplateValue]
        var eventsOnPages: [TemplateValue]
    }

    /// These contexts with their shared items made, on all cores.
    func sharingItems() async -> PageContexts {
        let plain = PageContexts(site: site, index: index, markdown: markdown)
        async let people = Parallel.map(Array(site.people.indices)) { plain.personItem($0) }
        async let links = Parallel.map(Array(site.people.indices)) { plain.makePersonLink($0) }
        async let briefings = Parallel.map(Array(site.briefings.indices)) { plain.briefingItem($0) }
        async let briefingLinks = Parallel.map(Array(site.briefings.indices)) { plain.briefingLink($0) }
        var shared = SharedItems(people: await people, personLinks: await links, briefings: await briefings,
                                 briefingLinks: await briefingLinks, eventsOnPages: [])
        // Events made after the links, so that theirs are the shared ones, as on every page.
        let linking = PageContexts(site: site, index: index, markdown: markdown, shared: shared)
        shared.eventsOnPages = await Parallel.map(Array(site.events.indices)) { linking.makeEvent($0, on: .page) }
        return PageContexts(site: site, index: index, markdown: markdown, shared: shared)
    }

    var config: SiteConfig { site.config }

    // MARK: - Shared pieces

    /// Sets `key` to `items` and `hasKey` to whether there are any; leaves both out when empty.
    static func put(_ items: [TemplateValue], _ key: String, into context: inout TemplateMap) {
        guard !items.isEmpty else { return }
        context[key] = .list(items)
        context["has" + key.prefix(1).uppercased() + key.dropFirst()] = true
    }

    func absoluteURL(_ path: String) -> String { config.baseURL + path }

    func siteContext() -> TemplateValue { .map(siteFields()) }

    func siteFields() -> TemplateMap {
        var context: TemplateMap = [
            "title": .string(config.title), "language": .string(config.language), "baseURL": .string(config.baseURL),
            "feedURL": .string(absoluteURL("feed.xml")),
        ]
        if let description = config.description { context["description"] = .string(description) }
        if !config.extra.isEmpty { context["extra"] = ExtraValue.map(config.extra).templateValue }
        return context
    }

    /// The context every page starts from.
    func pageBase(root: String, path: String, title: String, description: String?, section: String,
                  ogType: String, jsonLD: JSONValue) -> TemplateMap {
        var page: TemplateMap = [
            "title": .string(title), "canonicalURL": .string(absoluteURL(path)), "ogType": .string(ogType),
            "jsonLDHTML": .string(jsonLD.scriptElement), "section": .string(section),
            "description": .string(description ?? config.description ?? config.title),
        ]
        switch section {
        case "home": page["isHome"] = true
        case "briefings": page["isBriefings"] = true
        case "timeline": page["isTimeline"] = true
        case "people": page["isPeople"] = true
        case "search": page["isSearch"] = true
        default: break
        }
        return ["root": .string(root), "site": siteContext(), "page": .map(page), "generator": "Briefing"]
    }

    func date(_ date: PartialDate) -> TemplateValue {
        ["iso": .string(date.iso), "display": .string(date.display), "precision": .string(date.precision.name),
         "isCoarse": .bool(date.precision < .day)]
    }

    func briefingItem(_ b: Int) -> TemplateValue { shared?.briefings[b] ?? .map(briefingFields(b)) }

    func briefingFields(_ b: Int) -> TemplateMap {
        let briefing = site.briefings[b]
        var item: TemplateMap = [
            "title": .string(briefing.title), "url": .string(SiteURLs.briefing(briefing.slug.rawValue)),
            "slug": .string(briefing.slug.rawValue), "date": date(briefing.date),
        ]
        if let summary = briefing.summary { item["summary"] = .string(summary) }
        if let updated = briefing.updated { item["updated"] = date(updated) }
        if briefing.status == .draft { item["isDraft"] = true }
        Self.put(briefing.topics.map { .string($0.rawValue) }, "topics", into: &item)
        return item
    }

    func personItem(_ p: Int) -> TemplateValue { shared?.people[p] ?? .map(personFields(p)) }

    func personFields(_ p: Int) -> TemplateMap {
        let person = site.people[p]
        var item: TemplateMap = [
            "name": .string(person.name), "url": .string(SiteURLs.person(person.slug.rawValue)),
            "slug": .string(person.slug.rawValue), "initials": .string(Self.initials(person.name)),
            "briefingCount": .int(index.briefingsOfPerson[p].count),
        ]
        if let role = person.role { item["role"] = .string(role) }
        if let affiliation = person.affiliation { item["affiliation"] = .string(affiliation) }
        if let country = person.country { item["country"] = .string(country) }
        return item
    }

    func personLink(_ slug: Slug) -> TemplateValue? {
        index.personIndex[slug].map(personLink)
    }

    func personLink(_ p: Int) -> TemplateValue {
        shared?.personLinks[p] ?? makePersonLink(p)
    }

    func makePersonLink(_ p: Int) -> TemplateValue {
        let slug = site.people[p].slug
        let person = site.people[p]
        var link: TemplateMap = [
            "name": .string(person.name), "url": .string(SiteURLs.person(slug.rawValue)), "slug": .string(slug.rawValue),
        ]
        if let role = person.role { link["role"] = .string(role) }
        return .map(link)
    }

    func source(_ source: Source, number: Int) -> TemplateValue {
        var item: TemplateMap = ["anchor": .string("source-\(number)")]
        item["title"] = .string(source.title ?? source.publisher ?? source.url ?? "Source")
        if let publisher = source.publisher { item["publisher"] = .string(publisher) }
        if let url = source.url, SafeURL.isAllowed(url) { item["url"] = .string(url) }
        return .map(item)
    }

    /// Where an event is shown, which decides the rendering of its summary's links.
    enum EventPlace { case home, timeline, page }

    /// An event; its summary is rendered for the timeline (`../`) or a briefing or person page
    /// (`../../`), and left out on the home page, which lists titles only.
    func event(_ e: Int, on place: EventPlace) -> TemplateValue {
        switch place {
        case .page: if let shared { return shared.eventsOnPages[e] }
        // The timeline's are made by its one page, and freed with it.
        case .timeline, .home: break
        }
        return makeEvent(e, on: place)
    }

    func makeEvent(_ e: Int, on place: EventPlace) -> TemplateValue {
        // The timeline's differs from the shared one only in its summary's links.
        if place == .timeline, let shared, case .map(var item) = shared.eventsOnPages[e] {
            item["summaryHTML"] = markdown.eventSummariesOnTimeline[e].map(TemplateValue.string)
            return .map(item)
        }
        let event = site.events[e]
        var item: TemplateMap = [
            "anchor": .string(index.eventAnchors[e]), "title": .string(event.title), "date": date(event.date),
        ]
        if let place = event.place { item["place"] = .string(place) }
        switch place {
        case .home: break
        case .timeline: if let summary = markdown.eventSummariesOnTimeline[e] { item["summaryHTML"] = .string(summary) }
        case .page: if let summary = markdown.eventSummariesOnPages[e] { item["summaryHTML"] = .string(summary) }
        }
        if event.expected { item["expected"] = true }
        Self.put(index.peopleOfEvent[e].map(personLink), "people", into: &item)
        if let slug = event.briefing, let b = index.briefingIndex[slug] {
            item["briefing"] = briefingLink(b)
        }
        Self.put(event.sources.enumerated().map { source($1, number: $0 + 1) }, "sources", into: &item)
        return .map(item)
    }

    func briefingLink(_ b: Int) -> TemplateValue {
        if let shared { return shared.briefingLinks[b] }
        return ["title": .string(site.briefings[b].title), "url": .string(SiteURLs.briefing(site.briefings[b].slug.rawValue))]
    }

    func quote(_ quote: Quote, briefing b: Int?) -> TemplateValue {
        var item: TemplateMap = ["text": .string(quote.text)]
        if let context = quote.context { item["context"] = .string(context) }
        if let date = quote.date { item["date"] = self.date(date) }
        if let speaker = personLink(quote.person) { item["speaker"] = speaker }
        if let source = quote.source { item["source"] = self.source(source, number: 0) }
        if let b { item["briefing"] = briefingLink(b) }
        return .map(item)
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

    func home() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("WebSite")),
            ("name", .string(config.title)), ("url", .string(config.baseURL)),
            ("description", JSONValue.text(config.description)),
        ])
        var context = pageBase(root: "./", path: "", title: config.title, description: config.description,
                               section: "home", ogType: "website", jsonLD: jsonLD)
        if !site.briefings.isEmpty { context["lead"] = briefingItem(0) }
        // The lead is the first; up to ten more follow it (none, on a site without briefings).
        Self.put(site.briefings.indices.dropFirst().prefix(10).map(briefingItem), "latest", into: &context)
        let mentioned = site.people.indices
            .filter { !index.briefingsOfPerson[$0].isEmpty }
            .sorted { (index.briefingsOfPerson[$0].count, $1) > (index.briefingsOfPerson[$1].count, $0) }
        Self.put(mentioned.prefix(8).map(personItem), "keyPeople", into: &context)
        let happened = site.events.indices.filter { !site.events[$0].expected }
        Self.put(happened.suffix(5).reversed().map { event($0, on: .home) }, "latestEvents", into: &context)
        let next = site.events.indices.filter { site.events[$0].expected }
        Self.put(next.prefix(5).map { event($0, on: .home) }, "nextEvents", into: &context)
        Self.put(latestUpdates(), "latestUpdates", into: &context)
        return context
    }

    func briefingList() -> TemplateMap {
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

    func briefing(_ b: Int) -> TemplateMap {
        let briefing = site.briefings[b]
        let path = SiteURLs.briefing(briefing.slug.rawValue)
        let people = index.peopleOfBriefing[b]
        // A briefing with an update log is a developing story: schema.org's LiveBlogPosting.
        let isLive = !briefing.updates.isEmpty
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string(isLive ? "LiveBlogPosting" : "NewsArticle")),
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
            ("coverageStartTime", isLive ? .string(coverageStart(b).rfc3339) : nil),
            ("liveBlogUpdate", isLive ? .array(briefing.updates.indices.map { liveBlogUpdate(b, $0) }) : nil),
        ])
        var context = pageBase(root: "../../", path: path, title: briefing.title, description: briefing.summary,
                               section: "briefings", ogType: "article", jsonLD: jsonLD)
        // The page's briefing is its shared list item with the rest added.
        var item: TemplateMap
        if let shared, case .map(let listed) = shared.briefings[b] { item = listed } else { item = briefingFields(b) }
        item["bodyHTML"] = .string(markdown.bodies[b])
        Self.put(markdown.keyPoints[b].map { ["html": .string($0)] }, "keyPoints", into: &item)
        Self.put(briefing.places.map(TemplateValue.string), "places", into: &item)
        Self.put(briefing.quotes.map { quote($0, briefing: nil) }, "quotes", into: &item)
        Self.put(people.map(personItem), "people", into: &item)
        Self.put(index.eventsOfBriefing[b].map { event($0, on: .page) }, "events", into: &item)
        Self.put(briefing.sources.enumerated().map { source($1, number: $0 + 1) }, "sources", into: &item)
        Self.put(briefing.updates.indices.map { u in
            ["at": date(briefing.updates[u].at), "html": .string(markdown.updates[b][u]),
             "anchor": .string(updateAnchor(b, u))]
        }, "updates", into: &item)
        if !briefing.extra.isEmpty { item["extra"] = ExtraValue.map(briefing.extra).templateValue }
        context["briefing"] = .map(item)
        return context
    }

    // MARK: - Update log

    /// The element id of an update on its briefing page: `update-1` is the oldest, so ids stay put
    /// as the log grows.
    func updateAnchor(_ b: Int, _ u: Int) -> String {
        "update-\(site.briefings[b].updates.count - u)"
    }

    /// When coverage began: the briefing's date or its oldest update, whichever is earlier.
    func coverageStart(_ b: Int) -> PartialDate {
        let briefing = site.briefings[b]
        return briefing.updates.last.map { min($0.at, briefing.date) } ?? briefing.date
    }

    /// One update as a schema.org BlogPosting inside a LiveBlogPosting.
    func liveBlogUpdate(_ b: Int, _ u: Int) -> JSONValue {
        let briefing = site.briefings[b]
        let text = markdown.updateTexts[b][u]
        return .object([
            ("@type", .string("BlogPosting")),
            ("headline", .string(Self.headline(text))),
            ("articleBody", .string(text)),
            ("datePublished", .string(briefing.updates[u].at.iso)),
            ("url", .string(absoluteURL(SiteURLs.briefing(briefing.slug.rawValue)) + "#" + updateAnchor(b, u))),
        ])
    }

    /// A headline from a text: its first sentence, at most 110 characters (search engines' limit).
    static func headline(_ text: String, limit: Int = 110) -> String {
        var end = text.endIndex
        if let stop = text.range(of: ". ") { end = text.index(after: stop.lowerBound) }
        let sentence = String(text[..<end])
        return sentence.count <= limit ? sentence : RenderedMarkdown.lead(sentence, length: limit - 1)
    }

    /// The newest updates across briefings, for the home page: `at`, `html` (links for the root),
    /// `anchor`, `url` (the briefing's) and `briefing` (`title`, `url`).
    func latestUpdates() -> [TemplateValue] {
        site.latestUpdates(limit: RenderedMarkdown.homeUpdateLimit).enumerated().map { i, ref in
            let briefing = site.briefings[ref.briefing]
            var item: TemplateMap = [
                "at": date(briefing.updates[ref.update].at), "anchor": .string(updateAnchor(ref.briefing, ref.update)),
                "url": .string(SiteURLs.briefing(briefing.slug.rawValue)), "briefing": briefingLink(ref.briefing),
            ]
            if i < markdown.updatesOnHome.count { item["html"] = .string(markdown.updatesOnHome[i]) }
            return .map(item)
        }
    }

    /// A link to an `.ics` file: `url` (from the root), `eventCount` (entries in it), `entries`
    /// (`3 events known to the day`) and, when some
    /// events are too coarse for a calendar, `leftOut` (a sentence saying how many and why).
    /// Nil when no event is known to the day: then no calendar is written.
    func calendarLink(_ path: String, events: [Int]) -> TemplateValue? {
        let dated = events.filter { CalendarFiles.isDated(site.events[$0]) }.count
        guard dated > 0 else { return nil }
        var link: TemplateMap = [
            "url": .string(path), "eventCount": .int(dated),
            "entries": .string("\(dated) event\(dated == 1 ? "" : "s") known to the day"),
        ]
        if let note = CalendarFiles.leftOutNote(events.count - dated) { link["leftOut"] = .string(note) }
        return .map(link)
    }

    /// An event as the timeline drawing needs it.
    func drawn(_ event: Event) -> TimelineSVG.Mark {
        TimelineSVG.Mark(date: event.date, title: event.title, expected: event.expected)
    }

    func timeline() -> TemplateMap {
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
        var years: [TemplateValue] = []
        var currentYear: Int?
        var groupKeys: [String] = []
        var groupEvents: [String: [TemplateValue]] = [:]
        var groupHeadings: [String: String] = [:]
        func closeYear() {
            guard let year = currentYear else { return }
            let groups: [TemplateValue] = groupKeys.map { key in
                ["heading": .string(groupHeadings[key]!), "anchor": .string(key), "events": .list(groupEvents[key]!)]
            }
            years.append(["year": .string(String(year)), "anchor": .string("y-\(year)"), "groups": .list(groups)])
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
        context["eventCount"] = .int(site.events.count)
        if let link = calendarLink(CalendarFiles.timelinePath, events: Array(site.events.indices)) {
            context["calendar"] = link
        }
        if let svg = TimelineSVG(zone: config.timeZone).render(site.events.map(drawn), subject: "Timeline") {
            context["timelineSVGHTML"] = .string(svg)
        }
        return context
    }

    func peopleList() -> TemplateMap {
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

    func person(_ p: Int) -> TemplateMap {
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
        var item = personFields(p)
        item["bioHTML"] = .string(markdown.bios[p])
        Self.put(person.aliases.map(TemplateValue.string), "aliases", into: &item)
        if !person.extra.isEmpty { item["extra"] = ExtraValue.map(person.extra).templateValue }
        context["person"] = .map(item)
        Self.put(index.quotesOfPerson[p].map { quote($0.quote, briefing: $0.briefing) }, "quotes", into: &context)
        Self.put(index.eventsOfPerson[p].map { event($0, on: .page) }, "events", into: &context)
        Self.put(index.briefingsOfPerson[p].map(briefingItem), "briefings", into: &context)
        Self.put(index.seenWith[p].map(personItem), "seenWith", into: &context)
        if let link = calendarLink(CalendarFiles.personPath(person.slug.rawValue), events: index.eventsOfPerson[p]) {
            context["calendar"] = link
        }
        let drawing = TimelineSVG(zone: config.timeZone, compact: true)
        if let svg = drawing.render(index.eventsOfPerson[p].map { drawn(site.events[$0]) }, subject: "Events with \(person.name)") {
            context["timelineSVGHTML"] = .string(svg)
        }
        return context
    }

    /// The search page (`search/index.html`): a form that works as a plain GET without script,
    /// and what `assets/search.js` needs: `searchIndexURL` (from the root) and `counts` of what
    /// it searches (`briefings`, `people`, `quotes`, `events`, and `text`: `1 briefing, 9 people, …`).
    func search() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("SearchResultsPage")),
            ("name", .string("Search")), ("url", .string(absoluteURL("search/"))),
        ])
        var context = pageBase(root: "../", path: "search/", title: "Search",
                               description: "Search the briefings, people, quotes and events of \(config.title).",
                               section: "search", ogType: "website", jsonLD: jsonLD)
        context["searchIndexURL"] = .string(SearchIndex.path)
        let quotes = site.briefings.reduce(0) { $0 + $1.quotes.count }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        context["counts"] = [
            "briefings": .int(site.briefings.count), "people": .int(site.people.count),
            "quotes": .int(quotes), "events": .int(site.events.count),
            "text": .string(count(site.briefings.count, "briefing", "briefings") + ", "
                + count(site.people.count, "person", "people") + ", " + count(quotes, "quote", "quotes") + " and "
                + count(site.events.count, "event", "events")),
        ]
        return context
    }

    func notFound() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("WebPage")), ("name", .string("Page not found")),
        ])
        // Served at any path, so links start from the site's absolute base path.
        return pageBase(root: config.basePath, path: "404.html", title: "Page not found",
                        description: "This page does not exist.", section: "none", ogType: "website", jsonLD: jsonLD)
    }

    // MARK: - Feeds

    /// The 20 newest briefings as Atom entries.
    func feed() -> TemplateMap {
        let entries: [TemplateValue] = site.briefings.prefix(20).map { briefing in
            let url = absoluteURL(SiteURLs.briefing(briefing.slug.rawValue))
            var entry: TemplateMap = [
                "title": .string(briefing.title), "url": .string(url), "id": .string(url),
                "published": .string(briefing.date.rfc3339), "updated": .string(briefing.lastModified.rfc3339),
            ]
            if let summary = briefing.summary { entry["summary"] = .string(summary) }
            return .map(entry)
        }
        let newest = site.briefings.map(\.lastModified).max()
        var context: TemplateMap = [
            "site": siteContext(), "updated": .string(newest?.rfc3339 ?? "1970-01-01T00:00:00Z"),
            "feedURL": .string(absoluteURL("feed.xml")),
        ]
        Self.put(entries, "entries", into: &context)
        return context
    }

    func sitemap() -> TemplateMap {
        var urls: [TemplateValue] = ["", SiteURLs.briefings, SiteURLs.timeline, SiteURLs.people].map {
            ["loc": .string(absoluteURL($0))]
        }
        for briefing in site.briefings {
            urls.append(["loc": .string(absoluteURL(SiteURLs.briefing(briefing.slug.rawValue))),
                         "lastmod": .string(briefing.lastModified.rfc3339)])
        }
        for person in site.people { urls.append(["loc": .string(absoluteURL(SiteURLs.person(person.slug.rawValue)))]) }
        return ["site": siteContext(), "urls": .list(urls)]
    }

    func robots() -> TemplateMap {
        ["site": siteContext(), "sitemapURL": .string(absoluteURL("sitemap.xml"))]
    }
}
