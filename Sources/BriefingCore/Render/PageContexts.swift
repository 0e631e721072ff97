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

    /// The contexts of a site, its shared items made as `making` says.
    convenience init(site: Site, index: SiteIndex, markdown: RenderedMarkdown, making: SharedItems.Making = .upFront) async {
        self.init(site: site, index: index, markdown: markdown,
                  shared: await SharedItems(site: site, index: index, markdown: markdown, making: making))
    }

    var config: SiteConfig { site.config }

    // MARK: - Shared pieces

    func absoluteURL(_ path: String) -> String { config.baseURL + path }

    /// `absoluteURL(path)` when the base URL is an address; nil when it is only a path, where no
    /// canonical URL, feed or sitemap can be made.
    func addressURL(_ path: String) -> String? { config.hasAbsoluteBaseURL ? config.baseURL + path : nil }

    func siteView() -> Made<SiteView> {
        SiteView(title: config.title, language: config.language, baseURL: config.baseURL, feedURL: addressURL("feed.xml"),
                 description: config.description, hasTopics: !site.topics.isEmpty, extra: config.extra).made
    }

    /// What every page starts from; a page of a list split into pages says which in its title and
    /// links to its neighbours.
    func frame(root: String, path: String, title: String, description: String?, section: String,
               ogType: String, jsonLD: JSONValue, page number: Int = 1, of pages: Pagination? = nil) -> Made<PageFrameView> {
        var page = PageMetaView(title: title, ogType: ogType, jsonLDHTML: jsonLD.scriptElement, section: section,
                                description: description ?? config.description ?? config.title,
                                canonicalURL: addressURL(path))
        if let pages, pages.count > 1 {
            page = PageMetaView(title: "\(title), page \(number) of \(pages.count)", ogType: ogType, jsonLDHTML: jsonLD.scriptElement,
                                section: section, description: page.description, canonicalURL: addressURL(pages.url(number)),
                                previousURL: number > 1 ? pages.url(number - 1) : nil,
                                nextURL: number < pages.count ? pages.url(number + 1) : nil)
        }
        return PageFrameView(root: root, site: siteView(), page: page.made).made
    }

    /// The navigation of page `number` of `pages`; nil for a list of one page.
    func pagination(_ pages: Pagination, _ number: Int) -> Made<PaginationView>? {
        pages.count > 1 ? PaginationView(pages: pages, current: number).made : nil
    }

    var briefingPages: Pagination { Pagination(base: SiteURLs.briefings, itemCount: site.briefings.count) }

    func topicPages(_ t: Int) -> Pagination {
        Pagination(base: SiteURLs.topic(site.topics[t].slug.rawValue), itemCount: index.briefingsOfTopic[t].count)
    }

    func date(_ date: PartialDate) -> Made<DateView> { DateView(date: date).made }

    func briefingItem(_ b: Int) -> Made<BriefingItemView> { shared.briefingItems[b] }

    /// A topic's link; nil for a topic no built briefing is filed under (none, as links come from briefings).
    func topicLink(_ slug: Slug) -> Made<TopicLinkView>? {
        index.topicIndex[slug].map { shared.links.topics[$0] }
    }

    func topicCard(_ t: Int) -> Made<TopicCardView> {
        let topic = site.topics[t]
        return TopicCardView(name: topic.name, url: SiteURLs.topic(topic.slug.rawValue), slug: topic.slug.rawValue,
                             description: topic.description, briefingCount: index.briefingsOfTopic[t].count).made
    }

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

    /// Event `e` with `summary` as its summary (links made for the page that shows it).
    func eventView(_ e: Int, summary: String?) -> EventView {
        shared.links.event(e, summaryHTML: summary, site: site, index: index)
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

    func briefingList(page number: Int = 1) -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("Briefings")), ("url", .string(absoluteURL(SiteURLs.briefings))),
        ])
        let pages = briefingPages
        let frame = frame(root: pages.root(number), path: SiteURLs.briefings, title: "Briefings",
                          description: "All briefings of \(config.title), newest first.",
                          section: "briefings", ogType: "website", jsonLD: jsonLD, page: number, of: pages)
        return BriefingListPage(frame: frame, briefings: pages.items(number).map(briefingItem),
                                pagination: pagination(pages, number)).map
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
            ("keywords", briefing.topics.isEmpty ? nil
                : .string(briefing.topics.map { index.topicIndex[$0].map { site.topics[$0].name } ?? $0.rawValue }.joined(separator: ", "))),
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
            events: index.eventsListed(onBriefing: b).map { event($0, on: .page) },
            eventCount: index.eventsOfBriefing[b].count,
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
        return CalendarLinkView(url: path, eventCount: dated, entries: Counted.text(dated, "event") + " known to the day",
                                leftOut: CalendarFiles.leftOutNote(events.count - dated)).made
    }

    /// An event as the timeline drawing needs it.
    func drawn(_ event: Event) -> TimelineSVG.Mark {
        TimelineSVG.Mark(date: event.date, title: event.title, expected: event.expected)
    }

    /// `timeline/`: every event on one page, or, past the budget, an overview of the years and
    /// months with their pages (see `TimelineLayout`).
    func timeline() -> TemplateMap {
        let layout = index.timeline
        let jsonLD = layout.isSplit ? JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("Timeline")), ("url", .string(absoluteURL(SiteURLs.timeline))),
        ]) : eventListJSON(name: "Timeline", path: SiteURLs.timeline, events: Array(site.events.indices))
        let frame = frame(root: "../", path: SiteURLs.timeline, title: "Timeline",
                          description: "Every event of \(config.title), in time order.",
                          section: "timeline", ogType: "website", jsonLD: jsonLD)
        let calendar = calendarLink(CalendarFiles.timelinePath, events: Array(site.events.indices))
        let drawing = TimelineSVG(zone: config.timeZone).render(site.events.map(drawn), subject: "Timeline")
        guard layout.isSplit else {
            return TimelinePage(frame: frame, years: yearSections(Array(site.events.indices), root: "../"),
                                eventCount: site.events.count, calendar: calendar, timelineSVGHTML: drawing,
                                yearLinks: [], latestEvents: [], nextEvents: []).map
        }
        let happened = site.events.indices.filter { !site.events[$0].expected }
        let next = site.events.indices.filter { site.events[$0].expected }
        return TimelinePage(frame: frame, years: [], eventCount: site.events.count, calendar: calendar, timelineSVGHTML: drawing,
                            yearLinks: yearLinks(), latestEvents: happened.suffix(10).reversed().map { event($0, on: .home) },
                            nextEvents: next.prefix(10).map { event($0, on: .home) }).map
    }

    /// Page `p` of the timeline's pages of years and months (`timeline-page.mustache`).
    func timelinePage(_ p: Int) -> TemplateMap {
        let page = index.timeline.pages[p]
        let root = page.pagination.root(page.number)
        let (title, upURL, upTitle): (String, String, String) = switch page.kind {
        case .all: ("Timeline", SiteURLs.timeline, "Timeline")
        case .year(let year), .splitYear(let year): (String(year), SiteURLs.timeline, "Timeline")
        case .month(let year, let month):
            ("\(PartialDate.monthNames[month - 1]) \(year)", SiteURLs.timeline + "\(year)/", String(year))
        }
        let jsonLD = eventListJSON(name: "Timeline: \(title)", path: page.path, events: page.events)
        let frame = frame(root: root, path: page.pagination.base, title: "Timeline: \(title)",
                          description: "The events of \(title) in \(config.title), in time order.",
                          section: "timeline", ogType: "website", jsonLD: jsonLD, page: page.number, of: page.pagination)
        var months: [Made<TimelineMonthLinkView>] = []
        if case .splitYear(let year) = page.kind, page.number == 1 { months = monthLinks(of: year) }
        return TimelineEventsPage(frame: frame, heading: title, upURL: upURL, upTitle: upTitle,
                                  years: yearSections(page.events, root: root), eventCount: page.events.count,
                                  months: months, pagination: pagination(page.pagination, page.number)).map
    }

    /// Events by year, then by month (those known only to the year first, as "During 2022"); their
    /// summaries' links made for a page whose path to the root is `root`.
    func yearSections(_ events: [Int], root: String) -> [Made<TimelineYearView>] {
        var yearOrder: [Int] = []
        var groupOrder: [Int: [String]] = [:]
        var groupEvents: [String: [Made<EventView>]] = [:]
        var groupHeadings: [String: String] = [:]
        for e in events {
            let date = site.events[e].date
            if groupOrder[date.year] == nil { yearOrder.append(date.year); groupOrder[date.year] = [] }
            let key = date.precision == .year ? "y-\(date.year)-all" : "m-\(date.year)-\(TimelineLayout.twoDigits(date.month))"
            if groupEvents[key] == nil {
                groupOrder[date.year]!.append(key)
                groupEvents[key] = []
                groupHeadings[key] = date.precision == .year ? "During \(date.year)" : date.monthHeading
            }
            groupEvents[key]!.append(eventView(e, summary: summary(of: e, root: root)).made)
        }
        return yearOrder.map { year in
            let groups = groupOrder[year]!.map { key in
                TimelineGroupView(heading: groupHeadings[key]!, anchor: key, events: groupEvents[key]!).made
            }
            return TimelineYearView(year: String(year), anchor: "y-\(year)", groups: groups).made
        }
    }

    /// An event's summary with its links made for a page `root` away from the site root. The
    /// Markdown stage renders them for one and two folders deep; deeper pages take the latter with
    /// its links' root prefix lengthened (every link it rewrites starts with the root).
    func summary(of e: Int, root: String) -> String? {
        switch root {
        case "../": return markdown.events[e].onTimeline
        case "../../": return markdown.events[e].onPages
        default:
            return markdown.events[e].onPages.map {
                $0.replacingOccurrences(of: "href=\"../../", with: "href=\"" + root)
                    .replacingOccurrences(of: "src=\"../../", with: "src=\"" + root)
            }
        }
    }

    /// schema.org's ItemList of `events`, each with its URL on the timeline.
    func eventListJSON(name: String, path: String, events: [Int]) -> JSONValue {
        .object([
            ("@context", .string("https://schema.org")), ("@type", .string("ItemList")),
            ("name", .string(name)), ("url", .string(absoluteURL(path))),
            ("itemListElement", .array(events.enumerated().map { position, e in
                let event = site.events[e]
                return .object([
                    ("@type", .string("ListItem")), ("position", .string(String(position + 1))),
                    ("item", .object([
                        ("@type", .string("Event")), ("name", .string(event.title)),
                        ("startDate", .string(event.date.iso)),
                        ("location", event.place.map { .object([("@type", .string("Place")), ("name", .string($0))]) }),
                        ("url", .string(absoluteURL(index.eventURL(e)))),
                    ])),
                ])
            })),
        ])
    }

    /// Every year of a split timeline with its event count and its months, each linked to its page.
    func yearLinks() -> [Made<TimelineYearLinkView>] {
        var counts: [Int: Int] = [:]
        for event in site.events { counts[event.date.year, default: 0] += 1 }
        return counts.keys.sorted().map { year in
            TimelineYearLinkView(year: String(year), url: SiteURLs.timeline + "\(year)/", count: counts[year]!,
                                 months: monthLinks(of: year)).made
        }
    }

    /// The months of `year` with events, each linked to the page (and place) that holds them.
    func monthLinks(of year: Int) -> [Made<TimelineMonthLinkView>] {
        var counts: [Int: Int] = [:]
        var yearOnly = 0
        for event in site.events where event.date.year == year {
            if event.date.precision == .year { yearOnly += 1 } else { counts[event.date.month, default: 0] += 1 }
        }
        let folder = SiteURLs.timeline + "\(year)/"
        let split = index.timeline.pages.contains { $0.kind == .splitYear(year) }
        var links: [Made<TimelineMonthLinkView>] = []
        if yearOnly > 0 {
            links.append(TimelineMonthLinkView(name: "During \(year)", url: folder + "#y-\(year)-all", count: yearOnly).made)
        }
        for month in counts.keys.sorted() {
            let two = TimelineLayout.twoDigits(month)
            links.append(TimelineMonthLinkView(name: PartialDate.monthNames[month - 1],
                                               url: split ? folder + two + "/" : folder + "#m-\(year)-\(two)", count: counts[month]!).made)
        }
        return links
    }

    /// `people/`: everyone by letter with a letter index; past the budget, the index alone.
    func peopleList() -> TemplateMap {
        let layout = index.peopleLetters
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("People")), ("url", .string(absoluteURL(SiteURLs.people))),
        ])
        let frame = frame(root: "../", path: SiteURLs.people, title: "People",
                          description: "Everyone in \(config.title), with their roles.",
                          section: "people", ogType: "website", jsonLD: jsonLD)
        // A handful of people needs no index of letters.
        let letterIndex = site.people.count <= 24 ? [] : letterLinks()
        let letters = layout.isSplit || site.people.count <= 24 ? [] : layout.letters.map { letter in
            LetterGroupView(letter: letter.label, anchor: "letter-\(letter.key)", people: letter.people.map(personItem)).made
        }
        return PeopleListPage(frame: frame, heading: "People", people: layout.isSplit ? [] : site.people.indices.map(personItem),
                              letterIndex: letterIndex, letters: letters, pagination: nil).map
    }

    /// Every letter of the directory, linked to its page past the budget, else to its group on `people/`.
    func letterLinks() -> [Made<LetterLinkView>] {
        let layout = index.peopleLetters
        return layout.letters.map { letter in
            LetterLinkView(letter: letter.label, url: layout.isSplit ? letter.pages.url(1) : SiteURLs.people + "#letter-\(letter.key)",
                           count: letter.people.count).made
        }
    }

    /// Page `number` of letter `l` of a directory past the budget.
    func peopleLetter(_ l: Int, page number: Int) -> TemplateMap {
        let layout = index.peopleLetters
        let letter = layout.letters[l]
        let pages = letter.pages
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("People: \(letter.label)")), ("url", .string(absoluteURL(pages.url(1)))),
        ])
        let frame = frame(root: pages.root(number), path: pages.url(1), title: "People: \(letter.label)",
                          description: "Everyone in \(config.title) whose name starts with \(letter.label).",
                          section: "people", ogType: "website", jsonLD: jsonLD, page: number, of: pages)
        let people = letter.people[pages.items(number)].map(personItem)
        let letterIndex = letterLinks()
        return PeopleListPage(frame: frame, heading: "People: \(letter.label)", people: people, letterIndex: letterIndex,
                              letters: [LetterGroupView(letter: letter.label, anchor: "letter-\(letter.key)", people: people).made],
                              pagination: pagination(pages, number)).map
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
        // A screenful of each; past it, the rest on pages of their own (see `personBriefings`, `personEvents`).
        let quotes = index.quotesOfPerson[p], events = index.eventsOfPerson[p]
        let briefings = index.briefingsOfPerson[p], seenWith = index.seenWith[p]
        let counts = PersonCountsView(
            quotes: quotes.count, events: events.count, briefings: briefings.count, seenWith: seenWith.count,
            allBriefingsURL: hasBriefingPages(p) ? personBriefingPages(p).url(1) : nil,
            allEventsURL: hasEventPages(p) ? personEventPages(p).url(1) : nil)
        return PersonPage(
            frame: frame, person: item.made,
            quotes: quotes.prefix(PersonCountsView.quoteLimit).map { quote(site.briefings[$0.briefing].quotes[$0.quote], briefing: $0.briefing) },
            events: index.eventsListed(onPerson: p).map { event($0, on: .page) },
            briefings: briefings.prefix(PersonCountsView.briefingLimit).map(briefingItem),
            seenWith: seenWith.prefix(PersonCountsView.seenWithLimit).map(personItem),
            calendar: calendarLink(CalendarFiles.personPath(person.slug.rawValue), events: events),
            timelineSVGHTML: drawing.render(events.map { drawn(site.events[$0]) }, subject: "Events with \(person.name)"),
            counts: counts.made).map
    }

    /// Whether person `p` has more briefings than their page shows: then they are listed on pages of their own.
    func hasBriefingPages(_ p: Int) -> Bool { index.briefingsOfPerson[p].count > PersonCountsView.briefingLimit }

    func personBriefingPages(_ p: Int) -> Pagination {
        Pagination(base: SiteURLs.person(site.people[p].slug.rawValue) + "briefings/", itemCount: index.briefingsOfPerson[p].count)
    }

    /// Every briefing that names person `p`, 50 a page.
    func personBriefings(_ p: Int, page number: Int) -> TemplateMap {
        let person = site.people[p]
        let pages = personBriefingPages(p)
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("Briefings with \(person.name)")), ("url", .string(absoluteURL(pages.url(1)))),
        ])
        let frame = frame(root: pages.root(number), path: pages.url(1), title: "Briefings with \(person.name)",
                          description: "Every briefing of \(config.title) that names \(person.name), newest first.",
                          section: "people", ogType: "website", jsonLD: jsonLD, page: number, of: pages)
        let briefings = Array(index.briefingsOfPerson[p][pages.items(number)])
        return BriefingListPage(frame: frame, heading: "Briefings with \(person.name)",
                                intro: "Every briefing that names \(person.name), newest first.",
                                upURL: SiteURLs.person(person.slug.rawValue), upTitle: person.name,
                                briefings: briefings.map(briefingItem), pagination: pagination(pages, number)).map
    }

    /// Whether person `p` has more events than their page shows (and a template to list them).
    func hasEventPages(_ p: Int) -> Bool { index.eventsOfPerson[p].count > PersonCountsView.eventLimit && index.timeline.hasPages }

    func personEventPages(_ p: Int) -> Pagination {
        Pagination(base: SiteURLs.person(site.people[p].slug.rawValue) + "events/", itemCount: index.eventsOfPerson[p].count,
                   perPage: TimelineLayout.budget)
    }

    /// Every event of person `p`, by year and month, 150 a page (`timeline-page.mustache`).
    func personEvents(_ p: Int, page number: Int) -> TemplateMap {
        let person = site.people[p]
        let pages = personEventPages(p)
        let events = Array(index.eventsOfPerson[p][pages.items(number)])
        let root = pages.root(number)
        let frame = frame(root: root, path: pages.url(1), title: "Events with \(person.name)",
                          description: "Every event of \(config.title) with \(person.name), in time order.",
                          section: "people", ogType: "website",
                          jsonLD: eventListJSON(name: "Events with \(person.name)", path: pages.url(number), events: events),
                          page: number, of: pages)
        return TimelineEventsPage(frame: frame, heading: "Events with \(person.name)", upURL: SiteURLs.person(person.slug.rawValue),
                                  upTitle: person.name, years: yearSections(events, root: root), eventCount: events.count,
                                  months: [], pagination: pagination(pages, number)).map
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
        let counts = SearchCountsView(
            briefings: site.briefings.count, people: site.people.count, quotes: quotes, events: site.events.count,
            text: Counted.text(site.briefings.count, "briefing") + ", " + Counted.text(site.people.count, "person", "people") + ", "
                + Counted.text(quotes, "quote") + " and " + Counted.text(site.events.count, "event"))
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

    // MARK: - Topics

    func topicList() -> TemplateMap {
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string("Topics")), ("url", .string(absoluteURL(SiteURLs.topics))),
        ])
        let frame = frame(root: "../", path: SiteURLs.topics, title: "Topics",
                          description: "The topics of \(config.title), with their briefings.",
                          section: "topics", ogType: "website", jsonLD: jsonLD)
        return TopicListPage(frame: frame, topics: site.topics.indices.map(topicCard)).map
    }

    func topic(_ t: Int, page number: Int = 1) -> TemplateMap {
        let topic = site.topics[t]
        let path = SiteURLs.topic(topic.slug.rawValue)
        let pages = topicPages(t)
        let briefings = Array(index.briefingsOfTopic[t][pages.items(number)])
        let jsonLD = JSONValue.object([
            ("@context", .string("https://schema.org")), ("@type", .string("CollectionPage")),
            ("name", .string(topic.name)), ("description", JSONValue.text(topic.description)),
            ("url", .string(absoluteURL(path))),
        ])
        let frame = frame(root: pages.root(number), path: path, title: topic.name,
                          description: topic.description ?? "Briefings on \(topic.name.lowercased()) in \(config.title).",
                          section: "topics", ogType: "website", jsonLD: jsonLD, page: number, of: pages)
        // The first page is the topic's front: its newest quotes and latest events, a screenful
        // of each as on a person's page. Later pages list briefings only: each briefing's page
        // has its quotes and events, and repeating them on every page of the list made topic
        // pages a fifth of a large site's bytes.
        let front = number == 1 ? index.topicFront(t, site: site) : TopicFront.none
        return TopicPage(frame: frame, topic: topicCard(t), briefings: briefings.map(briefingItem),
                         quotes: front.quotes.map { quote(site.briefings[$0.briefing].quotes[$0.quote], briefing: $0.briefing) },
                         quoteCount: front.quoteCount,
                         events: front.events.map { event($0, on: .page) }, eventCount: front.eventCount,
                         feedURL: addressURL(path + "feed.xml"), pagination: pagination(pages, number)).map
    }

    // MARK: - Feeds

    /// The 20 newest briefings as Atom entries: of the whole site, or of topic `t`.
    func feed(topic t: Int? = nil) -> TemplateMap {
        let briefings = t.map { index.briefingsOfTopic[$0].map { site.briefings[$0] } } ?? site.briefings
        let entries = briefings.prefix(20).map { briefing in
            let url = absoluteURL(SiteURLs.briefing(briefing.slug.rawValue))
            return FeedEntryView(title: briefing.title, url: url, id: url, published: briefing.date.rfc3339,
                                 updated: briefing.lastModified.rfc3339, summaryText: briefing.summary).made
        }
        let newest = briefings.map(\.lastModified).max()
        let page = t.map { SiteURLs.topic(site.topics[$0].slug.rawValue) } ?? ""
        return FeedPage(site: siteView(), title: t.map { "\(site.topics[$0].name) · \(config.title)" } ?? config.title,
                        id: absoluteURL(page), pageURL: absoluteURL(page),
                        updated: newest?.rfc3339 ?? "1970-01-01T00:00:00Z", feedURL: absoluteURL(page + "feed.xml"),
                        entries: entries).map
    }

    /// A sitemap (or a part of one) listing `entries`.
    func sitemap(_ entries: [SitemapPlan.Entry]) -> TemplateMap {
        SitemapPage(site: siteView(), urls: entries.map { SitemapURLView(loc: absoluteURL($0.path), lastmod: $0.lastmod).made }).map
    }

    func robots() -> TemplateMap {
        RobotsPage(site: siteView(), sitemapURL: addressURL("sitemap.xml")).map
    }
}

extension SiteIndex {
    /// The events briefing `b`'s page lists: no more than a page of the timeline, the latest.
    func eventsListed(onBriefing b: Int) -> ArraySlice<Int> { eventsOfBriefing[b].suffix(TimelineLayout.budget) }

    /// The events person `p`'s page lists: a page's worth, the latest (the rest on pages of their own).
    func eventsListed(onPerson p: Int) -> ArraySlice<Int> { eventsOfPerson[p].suffix(PersonCountsView.eventLimit) }

    /// What the first page of topic `t` shows besides its briefings.
    func topicFront(_ t: Int, site: Site) -> TopicFront {
        let briefings = briefingsOfTopic[t]
        var quotes: [QuoteRef] = [], quoteCount = 0
        for b in briefings {
            let count = site.briefings[b].quotes.count
            for q in 0..<min(count, TopicFront.quoteLimit - quotes.count) { quotes.append(QuoteRef(briefing: b, quote: q)) }
            quoteCount += count
        }
        // In time order, each once: a timeline entry may name several briefings of the topic.
        let events = Set(briefings.flatMap { eventsListed(onBriefing: $0).suffix(TopicFront.eventLimit) }).sorted()
        let eventCount = Set(briefings.flatMap { eventsOfBriefing[$0] }).count
        return TopicFront(quotes: quotes, quoteCount: quoteCount, events: Array(events.suffix(TopicFront.eventLimit)),
                          eventCount: eventCount)
    }
}

/// The newest quotes and the latest events of a topic's briefings, which its first page shows.
struct TopicFront {
    /// A screenful of each, as a person's page shows.
    static let quoteLimit = PersonCountsView.quoteLimit, eventLimit = 20
    static let none = TopicFront(quotes: [], quoteCount: 0, events: [], eventCount: 0)

    /// The quotes of the newest briefings first, in each briefing's order.
    let quotes: [SiteIndex.QuoteRef]
    let quoteCount: Int
    /// In time order, the latest.
    let events: [Int]
    let eventCount: Int
}
