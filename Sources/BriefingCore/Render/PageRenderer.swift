/// One file a build writes from a template.
struct PageJob: Sendable {
    enum Kind: Sendable {
        case home, briefingList(page: Int), briefing(Int), timeline, peopleList, person(Int), search, notFound, feed, robots
        /// The sitemap (part 0 alone), or past the protocol's limits its parts and their index.
        case sitemap(part: Int), sitemapIndex
        case topicList, topic(Int, page: Int), topicFeed(Int), timelinePage(Int), peopleLetter(Int, page: Int)
        case personBriefings(Int, page: Int), personEvents(Int, page: Int)
    }

    let kind: Kind
    let path: OutputPath
    let template: String
    var isHTML: Bool { path.rawValue.hasSuffix(".html") }

    /// Whether a build's report counts it among the site's pages: the HTML pages of its content.
    /// The search page is a tool, not counted.
    var countsAsPage: Bool {
        if case .search = kind { return false }
        return isHTML
    }

    /// A page about the whole site rather than one briefing or person.
    var isSiteWide: Bool {
        switch kind {
        case .briefing, .person: false
        default: true
        }
    }
}

/// Makes the pages of a site: its page jobs, and each job's bytes from its context and template.
/// Whoever takes the render plan calls it on all cores.
struct PageRenderer: Sendable {
    let templates: TemplateSet
    let contexts: PageContexts

    init(templates: TemplateSet, contexts: PageContexts) {
        self.templates = templates
        self.contexts = contexts
    }

    /// The renderer of a prepared site, its page contexts made.
    init(_ prepared: PreparedSite, making: SharedItems.Making = .upFront) async {
        templates = prepared.templates
        contexts = await PageContexts(site: prepared.checked.site, index: prepared.index,
                                      markdown: prepared.markdown, making: making)
    }

    /// Every file of the site made from a template, in a fixed order: the pages, then the sitemap
    /// that lists them.
    func jobs() -> [PageJob] {
        let pages = pageJobs()
        // A sitemap location must be an absolute URL: without a base_url that is an address no
        // sitemap could be valid, so none is written (the resolver warns).
        guard contexts.site.config.hasAbsoluteBaseURL else { return pages }
        // Most sites fit one sitemap by far: that is known from the pages' paths, without making
        // the entries (a tenth of planning the pages at 10,000 briefings, which `serve` does for every edit).
        let parts = SitemapPlan.fitsOnePart(pages.lazy.map(\.path.rawValue.utf8.count)) ? [0..<0] : SitemapPlan(entries: sitemapEntries(pages)).parts
        if parts.count == 1 { return pages + [PageJob(kind: .sitemap(part: 0), path: OutputPath("sitemap.xml")!, template: "sitemap")] }
        return pages + parts.indices.map { PageJob(kind: .sitemap(part: $0), path: OutputPath(SitemapPlan.partPath($0))!, template: "sitemap") }
            + [PageJob(kind: .sitemapIndex, path: OutputPath("sitemap.xml")!, template: "")]
    }

    /// The pages a reader or a crawler finds, for the sitemap: every HTML page but the 404 page
    /// and the search page, with the date of a briefing's last change.
    func sitemapEntries(_ pages: [PageJob]) -> [SitemapPlan.Entry] {
        pages.compactMap { job in
            guard job.isHTML else { return nil }
            let folder = String(job.path.rawValue.dropLast("index.html".count))
            switch job.kind {
            case .notFound: return nil
            case .briefing(let b):
                let modified = contexts.site.briefings[b].lastModified
                // The sitemap schema takes a day or a date-time: none rather than an invented first day.
                return SitemapPlan.Entry(path: folder, lastmod: modified.precision >= .day ? modified.iso : nil)
            default:
                return job.path.rawValue.hasPrefix("search/") ? nil : SitemapPlan.Entry(path: folder, lastmod: nil)
            }
        }
    }

    /// Every page, feed and robots.txt, in a fixed order.
    func pageJobs() -> [PageJob] {
        let site = contexts.site
        func job(_ kind: PageJob.Kind, _ path: String, _ template: String) -> PageJob {
            PageJob(kind: kind, path: OutputPath(path)!, template: template)
        }
        var jobs = [
            job(.home, "index.html", "home"),
            job(.timeline, SiteURLs.timeline + "index.html", "timeline"),
            job(.peopleList, SiteURLs.people + "index.html", "people"),
            job(.notFound, "404.html", "404"),
            job(.robots, "robots.txt", "robots"),
        ]
        // The search page is optional: a site whose Templates/ has no search.mustache has none.
        if templates.templates.has("search") { jobs.append(job(.search, SearchIndex.pagePath, "search")) }
        // An Atom id and a sitemap location must be absolute URLs: without a base_url that is an
        // address, neither file could be valid, so neither is written (the resolver warns).
        if site.config.hasAbsoluteBaseURL {
            jobs.append(job(.feed, "feed.xml", "feed"))
        }
        if contexts.index.timeline.isSplit {
            jobs += contexts.index.timeline.pages.indices.map {
                job(.timelinePage($0), contexts.index.timeline.pages[$0].path + "index.html", "timeline-page")
            }
        }
        if contexts.index.peopleLetters.isSplit {
            for (l, letter) in contexts.index.peopleLetters.letters.enumerated() {
                jobs += (1...letter.pages.count).map { job(.peopleLetter(l, page: $0), letter.pages.url($0) + "index.html", "people") }
            }
        }
        let briefingPages = contexts.briefingPages
        jobs += (1...briefingPages.count).map { job(.briefingList(page: $0), briefingPages.url($0) + "index.html", "briefings") }
        jobs += site.briefings.indices.map(briefingJob)
        jobs += site.people.indices.map(personJob)
        // People in more briefings or events than their page shows: the rest on pages of their own.
        for p in site.people.indices {
            if contexts.hasBriefingPages(p) {
                let pages = contexts.personBriefingPages(p)
                jobs += (1...pages.count).map { job(.personBriefings(p, page: $0), pages.url($0) + "index.html", "briefings") }
            }
            if contexts.hasEventPages(p) {
                let pages = contexts.personEventPages(p)
                jobs += (1...pages.count).map { job(.personEvents(p, page: $0), pages.url($0) + "index.html", "timeline-page") }
            }
        }
        // Topic pages where the templates have them (sites made before topics had pages have not).
        if !site.topics.isEmpty, templates.templates.has("topics") {
            jobs.append(job(.topicList, SiteURLs.topics + "index.html", "topics"))
        }
        if templates.templates.has("topic") {
            for t in site.topics.indices {
                let folder = SiteURLs.topic(site.topics[t].slug.rawValue)
                let pages = contexts.topicPages(t)
                jobs += (1...pages.count).map { job(.topic(t, page: $0), pages.url($0) + "index.html", "topic") }
                if site.config.hasAbsoluteBaseURL { jobs.append(job(.topicFeed(t), folder + "feed.xml", "feed")) }
            }
        }
        return jobs
    }

    /// The page of briefing `b`.
    func briefingJob(_ b: Int) -> PageJob {
        PageJob(kind: .briefing(b), path: OutputPath(SiteURLs.briefing(contexts.site.briefings[b].slug.rawValue) + "index.html")!,
                template: "briefing")
    }

    /// The page of person `p`.
    func personJob(_ p: Int) -> PageJob {
        PageJob(kind: .person(p), path: OutputPath(SiteURLs.person(contexts.site.people[p].slug.rawValue) + "index.html")!,
                template: "person")
    }

    func render(_ job: PageJob) -> [UInt8] {
        if case .sitemapIndex = job.kind {
            return SitemapPlan(entries: sitemapEntries(pageJobs())).index(baseURL: contexts.site.config.baseURL)
        }
        let context: TemplateMap
        switch job.kind {
        case .home: context = contexts.home()
        case .briefingList(let page): context = contexts.briefingList(page: page)
        case .briefing(let b): context = contexts.briefing(b)
        case .timeline: context = contexts.timeline()
        case .peopleList: context = contexts.peopleList()
        case .person(let p): context = contexts.person(p)
        case .search: context = contexts.search()
        case .notFound: context = contexts.notFound()
        case .feed: context = contexts.feed()
        case .sitemap(let part):
            let plan = SitemapPlan(entries: sitemapEntries(pageJobs()))
            context = contexts.sitemap(Array(plan.entries[plan.parts[part]]))
        case .sitemapIndex: context = [:]
        case .robots: context = contexts.robots()
        case .topicList: context = contexts.topicList()
        case .topic(let t, let page): context = contexts.topic(t, page: page)
        case .topicFeed(let t): context = contexts.feed(topic: t)
        case .timelinePage(let p): context = contexts.timelinePage(p)
        case .peopleLetter(let l, let page): context = contexts.peopleLetter(l, page: page)
        case .personBriefings(let p, let page): context = contexts.personBriefings(p, page: page)
        case .personEvents(let p, let page): context = contexts.personEvents(p, page: page)
        }
        return templates.render(job.template, context, expectedSize: expectedSize(of: job))
    }

    /// A generous guess at a page's size from how much it lists, up to 64 MB. A page that lists the
    /// whole site grows to megabytes, and growing by doubling copied it at every step and touched
    /// twice its memory; room reserved and never written costs only address space.
    func expectedSize(of job: PageJob) -> Int {
        let site = contexts.site
        let listed = switch job.kind {
        case .timeline: contexts.index.timeline.isSplit ? 65_536 : site.events.count * 2_048
        case .timelinePage: TimelineLayout.budget * 2_048
        case .briefingList: Pagination.briefingsPerPage * 1_024
        case .peopleList, .peopleLetter: min(site.people.count, PeopleLayout.budget) * 1_024
        case .sitemap: min(site.briefings.count + site.people.count, SitemapPlan.maxURLs) * 256
        default: 0
        }
        return min(max(32_768, listed), 64 << 20)
    }
}
