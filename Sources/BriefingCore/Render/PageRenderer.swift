/// One file a build writes from a template.
struct PageJob: Sendable {
    enum Kind: Sendable {
        case home, briefingList, briefing(Int), timeline, peopleList, person(Int), search, notFound, feed, sitemap, robots
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
    init(_ prepared: PreparedSite) async {
        templates = prepared.templates
        contexts = await PageContexts(site: prepared.checked.site, index: prepared.index,
                                      markdown: prepared.markdown)
    }

    /// Every page of the site, in a fixed order.
    func jobs() -> [PageJob] {
        let site = contexts.site
        func job(_ kind: PageJob.Kind, _ path: String, _ template: String) -> PageJob {
            PageJob(kind: kind, path: OutputPath(path)!, template: template)
        }
        var jobs = [
            job(.home, "index.html", "home"),
            job(.briefingList, SiteURLs.briefings + "index.html", "briefings"),
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
            jobs += [job(.feed, "feed.xml", "feed"), job(.sitemap, "sitemap.xml", "sitemap")]
        }
        jobs += site.briefings.indices.map(briefingJob)
        jobs += site.people.indices.map(personJob)
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
        let context: TemplateMap
        switch job.kind {
        case .home: context = contexts.home()
        case .briefingList: context = contexts.briefingList()
        case .briefing(let b): context = contexts.briefing(b)
        case .timeline: context = contexts.timeline()
        case .peopleList: context = contexts.peopleList()
        case .person(let p): context = contexts.person(p)
        case .search: context = contexts.search()
        case .notFound: context = contexts.notFound()
        case .feed: context = contexts.feed()
        case .sitemap: context = contexts.sitemap()
        case .robots: context = contexts.robots()
        }
        return templates.render(job.template, context, expectedSize: expectedSize(of: job))
    }

    /// A generous guess at a page's size from how much it lists, up to 64 MB. A page that lists the
    /// whole site grows to megabytes, and growing by doubling copied it at every step and touched
    /// twice its memory; room reserved and never written costs only address space.
    func expectedSize(of job: PageJob) -> Int {
        let site = contexts.site
        let listed = switch job.kind {
        case .timeline: site.events.count * 2_048
        case .briefingList: site.briefings.count * 1_024
        case .peopleList: site.people.count * 1_024
        case .sitemap: (site.briefings.count + site.people.count) * 256
        default: 0
        }
        return min(max(32_768, listed), 64 << 20)
    }
}
