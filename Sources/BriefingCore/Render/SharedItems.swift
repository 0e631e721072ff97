import Synchronization

/// The views of items that hundreds of pages show: person cards, briefing items, links to people
/// and briefings, and events as briefing and person pages show them. Each is made once and shared
/// by every page that shows it (template values are copy-on-write), so pages do not make and free
/// copies of their own.
///
/// A build renders every page, so it makes every item up front, on all cores (`.upFront`).
/// `serve` renders only the pages a browser asks for after an edit, so it makes each item the
/// first time a page shows it (`.whenShown`): at 10,000 briefings, making all of them was a
/// quarter of a rebuild.
struct SharedItems: Sendable {
    /// When the items are made.
    enum Making: Sendable { case upFront, whenShown }

    let links: SharedLinks
    let personCards: SharedList<PersonCardView>
    let briefingItems: SharedList<BriefingItemView>
    /// Events with their summaries rendered for briefing and person pages (`../../`).
    let eventsOnPages: SharedList<EventView>

    /// The shared items of the site, each made when a page first shows it.
    static func madeWhenShown(site: Site, index: SiteIndex, markdown: RenderedMarkdown) -> SharedItems {
        let make = Makers(site: site, index: index)
        let links = SharedLinks(people: SharedList(count: site.people.count, make.personLink),
                                briefings: SharedList(count: site.briefings.count, make.briefingLink), topics: make.topics)
        return SharedItems(links: links, personCards: SharedList(count: site.people.count, make.personCard),
                           briefingItems: SharedList(count: site.briefings.count, make.briefingItem),
                           eventsOnPages: SharedList(count: site.events.count) { e in
                               links.event(e, summaryHTML: markdown.events[e].onPages, site: site, index: index).made
                           })
    }

    private init(links: SharedLinks, personCards: SharedList<PersonCardView>, briefingItems: SharedList<BriefingItemView>,
                 eventsOnPages: SharedList<EventView>) {
        self.links = links
        self.personCards = personCards
        self.briefingItems = briefingItems
        self.eventsOnPages = eventsOnPages
    }

    /// Every shared item of the site, made as `making` says.
    init(site: Site, index: SiteIndex, markdown: RenderedMarkdown, making: Making = .upFront) async {
        guard making == .upFront else {
            self = Self.madeWhenShown(site: site, index: index, markdown: markdown)
            return
        }
        let make = Makers(site: site, index: index)
        let people = Array(site.people.indices), briefings = Array(site.briefings.indices)
        // People's items at the same time as briefings': each map alone leaves a core idle while
        // its last chunk finishes.
        let (personViews, briefingViews) = await Parallel.both({
            (links: await Parallel.map(people, make.personLink), cards: await Parallel.map(people, make.personCard))
        }, {
            (links: await Parallel.map(briefings, make.briefingLink), items: await Parallel.map(briefings, make.briefingItem))
        })
        let links = SharedLinks(people: SharedList(personViews.links), briefings: SharedList(briefingViews.links), topics: make.topics)
        // Events show the links made above. Only those some page lists are made ahead: a
        // timeline of 180,000 entries naming one briefing lists a page of them there, and the
        // views of the rest held a fifth of the build's memory. A topic page lists the latest of
        // its briefings' events, which are among the latest of each briefing's own.
        var listed = [Bool](repeating: false, count: site.events.count)
        for b in site.briefings.indices { for e in index.eventsListed(onBriefing: b) { listed[e] = true } }
        for p in site.people.indices { for e in index.eventsListed(onPerson: p) { listed[e] = true } }
        let shown = listed
        let makeEvent = { @Sendable (e: Int) in links.event(e, summaryHTML: markdown.events[e].onPages, site: site, index: index).made }
        let events = await Parallel.map(Array(site.events.indices)) { e in shown[e] ? makeEvent(e) : nil }
        self.init(links: links, personCards: SharedList(personViews.cards), briefingItems: SharedList(briefingViews.items),
                  eventsOnPages: SharedList(some: events, makeOthers: makeEvent))
    }

    /// How each shared item is made, by position.
    private struct Makers {
        let topics: [Made<TopicLinkView>]
        let personLink: @Sendable (Int) -> Made<PersonLinkView>
        let personCard: @Sendable (Int) -> Made<PersonCardView>
        let briefingLink: @Sendable (Int) -> Made<BriefingLinkView>
        let briefingItem: @Sendable (Int) -> Made<BriefingItemView>

        init(site: Site, index: SiteIndex) {
            let topics = site.topics.map { TopicLinkView(name: $0.name, url: SiteURLs.topic($0.slug.rawValue), slug: $0.slug.rawValue).made }
            self.topics = topics
            personLink = { PersonLinkView(site.people[$0]).made }
            personCard = { PersonCardView(site.people[$0], briefingCount: index.briefingsOfPerson[$0].count).made }
            briefingLink = { BriefingLinkView(site.briefings[$0]).made }
            briefingItem = { b in
                BriefingItemView(site.briefings[b], topics: site.briefings[b].topics.compactMap { index.topicIndex[$0].map { topics[$0] } }).made
            }
        }
    }
}

/// Shared items of one kind, by position: made up front, or each the first time it is asked for.
struct SharedList<View: TemplateView>: Sendable {
    private enum Items: Sendable {
        /// All made up front.
        case made([Made<View>])
        /// Some made up front (nil where not); any other made each time it is asked for, not kept.
        case some([Made<View>?], others: @Sendable (Int) -> Made<View>)
        /// Each made the first time it is asked for, and kept.
        case later(Later)
    }

    private let items: Items

    /// Items made up front.
    init(_ made: [Made<View>]) { items = .made(made) }

    /// Some items made up front (nil where not); any other is made by `makeOthers` each time it
    /// is asked for, and not kept.
    init(some made: [Made<View>?], makeOthers: @escaping @Sendable (Int) -> Made<View>) { items = .some(made, others: makeOthers) }

    /// `count` items, each made by `make` the first time it is asked for.
    init(count: Int, _ make: @escaping @Sendable (Int) -> Made<View>) { items = .later(Later(count: count, make: make)) }

    subscript(position: Int) -> Made<View> {
        switch items {
        case .made(let made): made[position]
        case .some(let made, let others): made[position] ?? others(position)
        case .later(let later): later.item(position)
        }
    }

    /// The items made when first asked for. Two pages rendered at once may both make an item;
    /// the first kept is the one every page gets after.
    final class Later: Sendable {
        private let slots: Mutex<[Made<View>?]>
        private let make: @Sendable (Int) -> Made<View>

        init(count: Int, make: @escaping @Sendable (Int) -> Made<View>) {
            slots = Mutex([Made<View>?](repeating: nil, count: count))
            self.make = make
        }

        func item(_ position: Int) -> Made<View> {
            if let item = slots.withLock({ $0[position] }) { return item }
            let item = make(position)
            return slots.withLock { slots in
                if let kept = slots[position] { return kept }
                slots[position] = item
                return item
            }
        }
    }
}

/// Links to every person and every briefing: shown on pages, and inside events and quotes.
struct SharedLinks: Sendable {
    let people: SharedList<PersonLinkView>
    let briefings: SharedList<BriefingLinkView>
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
