/// Builds the views (`Render/Views/`) of every page kind from the site model, and their
/// template maps.
///
/// A class: closures and exports that keep the contexts hold one reference, where copying a struct of
/// the whole site model retained each of its arrays (a tenth of a second at 10,000 briefings).
final class PageContexts: Sendable {
    let site: Site
    let index: SiteIndex
    let markdown: RenderedMarkdown
    /// Items shown on many pages, made once per build.
    let shared: SharedItems

    init(site: Site, index: SiteIndex, markdown: RenderedMarkdown, shared: SharedItems) {
        self.site = site
        self.index = index
        self.markdown = markdown
        self.shared = shared
    }

    /// The contexts of a site, its shared items made on all cores.
    convenience init(site: Site, index: SiteIndex, markdown: RenderedMarkdown) async {
        self.init(site: site, index: index, markdown: markdown,
                  shared: await SharedItems(site: site, index: index, markdown: markdown))
    }

    var config: SiteConfig { site.config }

    // MARK: - Shared pieces

    func absoluteURL(_ path: String) -> String { config.baseURL + path }

    /// `absoluteURL(path)` when the base URL is an address; nil when it is only a path, where no
    /// canonical URL, feed or sitemap can be made.
    func addressURL(_ path: String) -> String? { config.hasAbsoluteBaseURL ? config.baseURL + path : nil }

    func siteView() -> Made<SiteView> {
        SiteView(title: config.title, language: config.language, baseURL: config.baseURL, feedURL: addressURL("feed.xml"),
                 description: config.description, extra: config.extra).made
    }

    /// What every page starts from.
    func frame(root: String, path: String, title: String, description: String?, section: String,
               ogType: String, jsonLD: JSONValue) -> Made<PageFrameView> {
        let page = PageMetaView(title: title, ogType: ogType, jsonLDHTML: jsonLD.scriptElement, section: section,
                                description: description ?? config.description ?? config.title,
                                canonicalURL: addressURL(path))
        return PageFrameView(root: root, site: siteView(), page: page.made).made
    }

    func date(_ date: PartialDate) -> Made<DateView> { DateView(date: date).made }

    func briefingItem(_ b: Int) -> Made<BriefingItemView> { shared.briefingItems[b] }

    func personItem(_ p: Int) -> Made<PersonCardView> { shared.personCards[p] }

    func personLink(_ slug: Slug) -> Made<PersonLinkView>? {
        index.personIndex[slug].map(personLink)
    }

    func personLink(_ p: Int) -> Made<PersonLinkView> { shared.links.people[p] }

    func briefingLink(_ b: Int) -> Made<BriefingLinkView> { shared.links.briefings[b] }

    func source(_ source: Source, number: Int) -> Made<SourceView> { SourceView(source, number: number).made }

    /// Where an event is shown, which decides the rendering of its summary's links.
    enum EventPlace { case home, timeline, page }

    /// An event; its summary is rendered for the timeline (`../`) or a briefing or person page
    /// (`../../`), and left out on the home page, which lists titles only.
    func event(_ e: Int, on place: EventPlace) -> Made<EventView> {
        switch place {
        case .page: shared.eventsOnPages[e]
        // The timeline's are made by its one page, and freed with it.
        case .timeline: shared.links.event(e, summaryHTML: markdown.events[e].onTimeline, site: site, index: index).made
        case .home: shared.links.event(e, summaryHTML: nil, site: site, index: index).made
        }
    }

    func quote(_ quote: Quote, briefing b: Int?) -> Made<QuoteView> {
        QuoteView(text: quote.text, context: quote.context, date: quote.date.map(date), speaker: personLink(quote.person),
                  source: quote.source.map { source($0, number: 0) }, briefing: b.map(briefingLink)).made
    }

    var publisherJSON: JSONValue {
        .object([("@type", .string("Organization")), ("name", .string(config.title)), ("url", .string(config.baseURL))])
    }

    // MARK: - Pages

    /// People shown under "Key people" on the home page, those in most briefings first.
    static let keyPeopleOnHome = 12

    func home() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("WebSite")),
            ("name", .string(config.title)), ("url", .string(config.baseURL)),
            ("description", JSONValue.text(config.description)),
        ])
        let frame = frame(root: "./", path: "", title: config.title, description: config.description,
                          section: "home", ogType: "website", jsonLD: jsonLD)
        let mentioned = site.people.indices
            .filter { !index.briefingsOfPerson[$0].isEmpty }
            .sorted { (index.briefingsOfPerson[$0].count, $1) > (index.briefingsOfPerson[$1].count, $0) }
        let happened = site.events.indices.filter { !site.events[$0].expected }
        let next = site.events.indices.filter { site.events[$0].expected }
        return HomePage(frame: frame, lead: site.briefings.isEmpty ? nil : briefingItem(0),
                        latest: site.briefings.indices.dropFirst().prefix(10).map(briefingItem),
                        keyPeople: mentioned.prefix(Self.keyPeopleOnHome).map(personItem),
                        latestEvents: happened.suffix(5).reversed().map { event($0, on: .home) },
                        nextEvents: next.prefix(5).map { event($0, on: .home) },
                        latestUpdates: latestUpdates()).map
    }

    func briefingList() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("Briefings")), ("url", .string(absoluteURL(SiteURLs.briefings))),
        ])
        let frame = frame(root: "../", path: SiteURLs.briefings, title: "Briefings",
                          description: "All briefings of \(config.title), newest first.",
                          section: "briefings", ogType: "website", jsonLD: jsonLD)
        return BriefingListPage(frame: frame, briefings: site.briefings.indices.map(briefingItem)).map
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
            // schema.org dates are ISO 8601 at any precision: a briefing known to the month says so.
            ("datePublished", .string(briefing.date.iso)),
            ("dateModified", .string(briefing.lastModified.iso)),
            ("url", .string(absoluteURL(path))), ("mainEntityOfPage", .string(absoluteURL(path))),
            ("inLanguage", .string(config.language)),
            ("author", publisherJSON), ("publisher", publisherJSON),
            ("about", people.isEmpty ? nil : .array(people.map { p in
                .object([("@type", .string("Person")), ("name", .string(site.people[p].name)),
                         ("url", .string(absoluteURL(SiteURLs.person(site.people[p].slug.rawValue))))])
            })),
            ("keywords", briefing.topics.isEmpty ? nil : .string(briefing.topics.map(\.rawValue).joined(separator: ", "))),
            ("coverageStartTime", isLive ? .string(coverageStart(b).iso) : nil),
            ("liveBlogUpdate", isLive ? .array(briefing.updates.indices.map { liveBlogUpdate(b, $0) }) : nil),
        ])
        let frame = frame(root: "../../", path: path, title: briefing.title, description: briefing.summary,
                          section: "briefings", ogType: "article", jsonLD: jsonLD)
        let texts = markdown.briefings[b]
        let item = BriefingPageItemView(
            item: briefingItem(b), bodyHTML: texts.bodyHTML,
            keyPoints: texts.keyPoints.map { KeyPointView(html: $0.html).made }, places: briefing.places,
            quotes: briefing.quotes.map { quote($0, briefing: nil) }, people: people.map(personItem),
            events: index.eventsOfBriefing[b].map { event($0, on: .page) },
            sources: briefing.sources.enumerated().map { source($1, number: $0 + 1) },
            updates: briefing.updates.indices.map { u in
                UpdateView(at: date(briefing.updates[u].at), html: texts.updates[u].html, anchor: updateAnchor(b, u),
                           url: nil, briefing: nil).made
            },
            extra: briefing.extra)
        return BriefingPage(frame: frame, briefing: item.made).map
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
        let text = markdown.briefings[b].updates[u].text
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
    func latestUpdates() -> [Made<UpdateView>] {
        site.latestUpdates(limit: RenderedMarkdown.homeUpdateLimit).enumerated().map { i, ref in
            let briefing = site.briefings[ref.briefing]
            return UpdateView(at: date(briefing.updates[ref.update].at),
                              html: i < markdown.updatesOnHome.count ? markdown.updatesOnHome[i] : nil,
                              anchor: updateAnchor(ref.briefing, ref.update), url: SiteURLs.briefing(briefing.slug.rawValue),
                              briefing: briefingLink(ref.briefing)).made
        }
    }

    /// A link to an `.ics` file: `url` (from the root), `eventCount` (entries in it), `entries`
    /// (`3 events known to the day`) and, when some
    /// events are too coarse for a calendar, `leftOut` (a sentence saying how many and why).
    /// Nil when no event is known to the day: then no calendar is written.
    func calendarLink(_ path: String, events: [Int]) -> Made<CalendarLinkView>? {
        let dated = events.filter { CalendarFiles.isDated(site.events[$0]) }.count
        guard dated > 0 else { return nil }
        return CalendarLinkView(url: path, eventCount: dated, entries: "\(dated) event\(dated == 1 ? "" : "s") known to the day",
                                leftOut: CalendarFiles.leftOutNote(events.count - dated)).made
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
        let frame = frame(root: "../", path: SiteURLs.timeline, title: "Timeline",
                          description: "Every event of \(config.title), in time order.",
                          section: "timeline", ogType: "website", jsonLD: jsonLD)
        // Years, then months; events known only to the year come first in their year.
        var years: [Made<TimelineYearView>] = []
        var currentYear: Int?
        var groupKeys: [String] = []
        var groupEvents: [String: [Made<EventView>]] = [:]
        var groupHeadings: [String: String] = [:]
        func closeYear() {
            guard let year = currentYear else { return }
            let groups = groupKeys.map { key in
                TimelineGroupView(heading: groupHeadings[key]!, anchor: key, events: groupEvents[key]!).made
            }
            years.append(TimelineYearView(year: String(year), anchor: "y-\(year)", groups: groups).made)
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
        return TimelinePage(frame: frame, years: years, eventCount: site.events.count,
                            calendar: calendarLink(CalendarFiles.timelinePath, events: Array(site.events.indices)),
                            timelineSVGHTML: TimelineSVG(zone: config.timeZone).render(site.events.map(drawn), subject: "Timeline")).map
    }

    func peopleList() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("People")), ("url", .string(absoluteURL(SiteURLs.people))),
        ])
        let frame = frame(root: "../", path: SiteURLs.people, title: "People",
                          description: "Everyone in \(config.title), with their roles.",
                          section: "people", ogType: "website", jsonLD: jsonLD)
        return PeopleListPage(frame: frame, people: site.people.indices.map(personItem)).map
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
        let frame = frame(root: "../../", path: path, title: person.name,
                          description: description.isEmpty ? "\(person.name) in \(config.title)" : "\(person.name): \(description)",
                          section: "people", ogType: "profile", jsonLD: jsonLD)
        let item = PersonPageItemView(card: personItem(p), bioHTML: markdown.people[p].bio.html, aliases: person.aliases, extra: person.extra)
        let drawing = TimelineSVG(zone: config.timeZone, compact: true)
        return PersonPage(
            frame: frame, person: item.made,
            quotes: index.quotesOfPerson[p].map { quote($0.quote, briefing: $0.briefing) },
            events: index.eventsOfPerson[p].map { event($0, on: .page) },
            briefings: index.briefingsOfPerson[p].map(briefingItem), seenWith: index.seenWith[p].map(personItem),
            calendar: calendarLink(CalendarFiles.personPath(person.slug.rawValue), events: index.eventsOfPerson[p]),
            timelineSVGHTML: drawing.render(index.eventsOfPerson[p].map { drawn(site.events[$0]) }, subject: "Events with \(person.name)")).map
    }

    /// The search page (`search/index.html`): a form that works as a plain GET without script,
    /// and what `assets/search.js` needs: `searchIndexURL` (from the root) and `counts` of what
    /// it searches (`briefings`, `people`, `quotes`, `events`, and `text`: `1 briefing, 9 people, …`).
    func search() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("SearchResultsPage")),
            ("name", .string("Search")), ("url", .string(absoluteURL("search/"))),
        ])
        let frame = frame(root: "../", path: "search/", title: "Search",
                          description: "Search the briefings, people, quotes and events of \(config.title).",
                          section: "search", ogType: "website", jsonLD: jsonLD)
        let quotes = site.briefings.reduce(0) { $0 + $1.quotes.count }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        let counts = SearchCountsView(
            briefings: site.briefings.count, people: site.people.count, quotes: quotes, events: site.events.count,
            text: count(site.briefings.count, "briefing", "briefings") + ", " + count(site.people.count, "person", "people") + ", "
                + count(quotes, "quote", "quotes") + " and " + count(site.events.count, "event", "events"))
        return SearchPage(frame: frame, counts: counts.made).map
    }

    func notFound() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("WebPage")), ("name", .string("Page not found")),
        ])
        // Served at any path, so links start from the site's absolute base path.
        return NotFoundPage(frame: frame(root: config.basePath, path: "404.html", title: "Page not found",
                                         description: "This page does not exist.", section: "none", ogType: "website",
                                         jsonLD: jsonLD)).map
    }

    // MARK: - Feeds

    /// The 20 newest briefings as Atom entries.
    func feed() -> TemplateMap {
        let entries = site.briefings.prefix(20).map { briefing in
            let url = absoluteURL(SiteURLs.briefing(briefing.slug.rawValue))
            return FeedEntryView(title: briefing.title, url: url, id: url, published: briefing.date.rfc3339,
                                 updated: briefing.lastModified.rfc3339, summaryText: briefing.summary).made
        }
        let newest = site.briefings.map(\.lastModified).max()
        return FeedPage(site: siteView(), updated: newest?.rfc3339 ?? "1970-01-01T00:00:00Z", feedURL: absoluteURL("feed.xml"),
                        entries: entries).map
    }

    func sitemap() -> TemplateMap {
        var urls = ["", SiteURLs.briefings, SiteURLs.timeline, SiteURLs.people].map {
            SitemapURLView(loc: absoluteURL($0), lastmod: nil).made
        }
        for briefing in site.briefings {
            // The sitemap schema takes a day or a date-time: a briefing known only to the month or
            // the year has no lastmod rather than an invented first day.
            urls.append(SitemapURLView(loc: absoluteURL(SiteURLs.briefing(briefing.slug.rawValue)),
                                       lastmod: briefing.lastModified.precision >= .day ? briefing.lastModified.iso : nil).made)
        }
        for person in site.people { urls.append(SitemapURLView(loc: absoluteURL(SiteURLs.person(person.slug.rawValue)), lastmod: nil).made) }
        return SitemapPage(site: siteView(), urls: urls).map
    }

    func robots() -> TemplateMap {
        RobotsPage(site: siteView(), sitemapURL: addressURL("sitemap.xml")).map
    }
}
