/// Lookups computed once per build so that no page scans the whole site.
struct SiteIndex: Sendable {
    struct QuoteRef: Sendable {
        let quote: Quote
        let briefing: Int
    }

    let site: Site
    let personIndex: [Slug: Int]
    let briefingIndex: [Slug: Int]
    /// Per person (by index in `site.people`): positions in `site.briefings`, newest first.
    let briefingsOfPerson: [[Int]]
    /// Per person: positions in `site.events`, in time order.
    let eventsOfPerson: [[Int]]
    /// Per person: their quotes, newest briefing first.
    let quotesOfPerson: [[QuoteRef]]
    /// Per person: people sharing a briefing's or an event's people list, by name.
    let seenWith: [[Int]]
    /// Per briefing: positions in `site.events` (its own and timeline entries naming it).
    let eventsOfBriefing: [[Int]]
    /// Per event: its element id, unique on every page.
    let eventAnchors: [String]

    init(site: Site) {
        self.site = site
        var personIndex: [Slug: Int] = [:]
        for (i, p) in site.people.enumerated() { personIndex[p.slug] = i }
        var briefingIndex: [Slug: Int] = [:]
        for (i, b) in site.briefings.enumerated() { briefingIndex[b.slug] = i }
        var briefingsOfPerson = [[Int]](repeating: [], count: site.people.count)
        var quotesOfPerson = [[QuoteRef]](repeating: [], count: site.people.count)
        var together = [Set<Int>](repeating: [], count: site.people.count)
        for (b, briefing) in site.briefings.enumerated() {
            let members = briefing.people.compactMap { personIndex[$0] }
            for p in members {
                briefingsOfPerson[p].append(b)
                together[p].formUnion(members)
            }
            for quote in briefing.quotes {
                if let p = personIndex[quote.person] { quotesOfPerson[p].append(QuoteRef(quote: quote, briefing: b)) }
            }
        }
        var eventsOfPerson = [[Int]](repeating: [], count: site.people.count)
        var eventsOfBriefing = [[Int]](repeating: [], count: site.briefings.count)
        var anchors: [String] = []
        anchors.reserveCapacity(site.events.count)
        for (e, event) in site.events.enumerated() {
            anchors.append(event.id.map(SiteURLs.eventAnchor(id:)) ?? "e-\(e + 1)")
            let members = event.people.compactMap { personIndex[$0] }
            for p in members {
                eventsOfPerson[p].append(e)
                together[p].formUnion(members)
            }
            if let slug = event.briefing, let b = briefingIndex[slug] { eventsOfBriefing[b].append(e) }
        }
        self.personIndex = personIndex
        self.briefingIndex = briefingIndex
        self.briefingsOfPerson = briefingsOfPerson
        self.eventsOfPerson = eventsOfPerson
        self.quotesOfPerson = quotesOfPerson
        self.eventsOfBriefing = eventsOfBriefing
        self.eventAnchors = anchors
        // People are sorted by name, so sorting indices sorts by name.
        self.seenWith = together.enumerated().map { p, others in others.subtracting([p]).sorted() }
    }
}
