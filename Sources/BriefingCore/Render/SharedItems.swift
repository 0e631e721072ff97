/// The views of items that hundreds of pages show: person cards, briefing items, links to people
/// and briefings, and events as briefing and person pages show them. Each is made once per build
/// and shared by every page that shows it (template values are copy-on-write), so pages do not
/// make and free copies of their own.
struct SharedItems: Sendable {
    let links: SharedLinks
    let personCards: [Made<PersonCardView>]
    let briefingItems: [Made<BriefingItemView>]
    /// Events with their summaries rendered for briefing and person pages (`../../`).
    let eventsOnPages: [Made<EventView>]

    /// Every shared item of the site, made on all cores.
    init(site: Site, index: SiteIndex, markdown: RenderedMarkdown) async {
        let people = Array(site.people.indices), briefings = Array(site.briefings.indices)
        let topics = site.topics.map { TopicLinkView(name: $0.name, url: SiteURLs.topic($0.slug.rawValue), slug: $0.slug.rawValue).made }
        // People's items at the same time as briefings': each map alone leaves a core idle while
        // its last chunk finishes.
        let (personViews, briefingViews) = await Parallel.both({
            (links: await Parallel.map(people) { PersonLinkView(site.people[$0]).made },
             cards: await Parallel.map(people) { PersonCardView(site.people[$0], briefingCount: index.briefingsOfPerson[$0].count).made })
        }, {
            (links: await Parallel.map(briefings) { BriefingLinkView(site.briefings[$0]).made },
             items: await Parallel.map(briefings) { b in
                 BriefingItemView(site.briefings[b], topics: site.briefings[b].topics.compactMap { index.topicIndex[$0].map { topics[$0] } }).made
             })
        })
        let links = SharedLinks(people: personViews.links, briefings: briefingViews.links, topics: topics)
        self.links = links
        personCards = personViews.cards
        briefingItems = briefingViews.items
        // Events show the links made above.
        eventsOnPages = await Parallel.map(Array(site.events.indices)) { e in
            links.event(e, summaryHTML: markdown.events[e].onPages, site: site, index: index).made
        }
    }
}

/// Links to every person and every briefing: shown on pages, and inside events and quotes.
struct SharedLinks: Sendable {
    let people: [Made<PersonLinkView>]
    let briefings: [Made<BriefingLinkView>]
    /// In the order of `site.topics`.
    let topics: [Made<TopicLinkView>]

    /// Event `e` with `summaryHTML` (nil where only titles are listed), linking to its people and
    /// its briefing with these links.
    func event(_ e: Int, summaryHTML: String?, site: Site, index: SiteIndex) -> EventView {
        let event = site.events[e]
        return EventView(anchor: index.eventAnchors[e], title: event.title, date: DateView(date: event.date).made,
                         place: event.place, summaryHTML: summaryHTML, expected: event.expected,
                         people: index.peopleOfEvent[e].map { people[$0] },
                         briefing: event.briefing.flatMap { index.briefingIndex[$0] }.map { briefings[$0] },
                         sources: event.sources.enumerated().map { SourceView($1, number: $0 + 1).made })
    }
}

extension BriefingItemView {
    init(_ briefing: Briefing, topics: [Made<TopicLinkView>]) {
        self.init(title: briefing.title, url: SiteURLs.briefing(briefing.slug.rawValue), slug: briefing.slug.rawValue,
                  date: DateView(date: briefing.date).made, summaryText: briefing.summary,
                  updated: briefing.updated.map { DateView(date: $0).made }, isDraft: briefing.status == .draft,
                  topics: topics)
    }
}

extension BriefingLinkView {
    init(_ briefing: Briefing) {
        self.init(title: briefing.title, url: SiteURLs.briefing(briefing.slug.rawValue))
    }
}

extension PersonCardView {
    init(_ person: Person, briefingCount: Int) {
        self.init(name: person.name, url: SiteURLs.person(person.slug.rawValue), slug: person.slug.rawValue,
                  initials: Self.initials(person.name), briefingCount: briefingCount,
                  role: person.role, affiliation: person.affiliation, country: person.country)
    }

    /// One or two capital letters for an avatar: "Steve Witkoff" -> "SW".
    static func initials(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" }).filter { $0.first?.isLetter ?? false }
        let letters = [words.first, words.count > 1 ? words.last : nil].compactMap { $0?.first }
        return letters.map { String($0).uppercased() }.joined()
    }
}

extension PersonLinkView {
    init(_ person: Person) {
        self.init(name: person.name, url: SiteURLs.person(person.slug.rawValue), slug: person.slug.rawValue,
                  role: person.role)
    }
}

extension SourceView {
    /// Source `number` of a list (its anchor is `source-<number>`); its URL only when it is one a
    /// page may link to.
    init(_ source: Source, number: Int) {
        self.init(anchor: "source-\(number)", title: source.title ?? source.publisher ?? source.url ?? "Source",
                  publisher: source.publisher, url: source.url.flatMap { SafeURL.isAllowed($0) ? $0 : nil })
    }
}
