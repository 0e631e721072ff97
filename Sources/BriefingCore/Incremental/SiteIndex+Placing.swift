extension SiteIndex {
    /// The index of `site`, patched from `earlier`, the index of `old`: `site` is `old` with a few
    /// briefings and events taken out and put in (one briefing's file moved, added or removed by
    /// `serve`), as `briefings` and `events` say, its people the same. Every list is renumbered
    /// where positions moved and gains or loses only the items that came or went; who is seen
    /// with whom is made again only for the people those items name. Equal to
    /// `SiteIndex(site:timeline:)` (a test compares them), in a few milliseconds instead of tens
    /// at 10,000 briefings.
    init(site: Site, timeline: TimelineLayout, patching earlier: SiteIndex, of old: Site,
         briefings: Renumbering, events: Renumbering) {
        self.timeline = timeline
        personIndex = earlier.personIndex
        peopleLetters = earlier.peopleLetters
        let personIndex = personIndex

        var briefingIndex = earlier.briefingIndex
        for b in briefings.removed { briefingIndex[old.briefings[b].slug] = nil }
        for b in briefings.changed.clamped(to: site.briefings.indices) { briefingIndex[site.briefings[b].slug] = b }
        self.briefingIndex = briefingIndex

        // What the items put in add to the lists of people, topics and briefings.
        let newBriefingPeople = briefings.inserted.map { site.briefings[$0].people.compactMap { personIndex[$0] } }
        let newEventPeople = events.inserted.map { site.events[$0].people.compactMap { personIndex[$0] } }
        var briefingsAdded: [Int: [Int]] = [:], quotesAdded: [Int: [QuoteRef]] = [:], eventsAdded: [Int: [Int]] = [:]
        for (b, members) in zip(briefings.inserted, newBriefingPeople) {
            for p in members { briefingsAdded[p, default: []].append(b) }
            for q in site.briefings[b].quotes.indices {
                if let p = personIndex[site.briefings[b].quotes[q].person] { quotesAdded[p, default: []].append(QuoteRef(briefing: b, quote: q)) }
            }
        }
        for (e, members) in zip(events.inserted, newEventPeople) {
            for p in members { eventsAdded[p, default: []].append(e) }
        }
        var briefingsOfPerson = earlier.briefingsOfPerson, quotesOfPerson = earlier.quotesOfPerson
        var eventsOfPerson = earlier.eventsOfPerson
        for p in site.people.indices {
            if let list = briefings.renumber(briefingsOfPerson[p], adding: briefingsAdded[p] ?? []) { briefingsOfPerson[p] = list }
            if let list = briefings.renumber(quotesOfPerson[p], adding: quotesAdded[p] ?? [], position: \.briefing,
                                             moved: { QuoteRef(briefing: $1, quote: $0.quote) }) { quotesOfPerson[p] = list }
            if let list = events.renumber(eventsOfPerson[p], adding: eventsAdded[p] ?? []) { eventsOfPerson[p] = list }
        }
        self.briefingsOfPerson = briefingsOfPerson
        self.quotesOfPerson = quotesOfPerson
        self.eventsOfPerson = eventsOfPerson
        let peopleOfBriefing = briefings.rearrange(earlier.peopleOfBriefing, inserting: newBriefingPeople)
        let peopleOfEvent = events.rearrange(earlier.peopleOfEvent, inserting: newEventPeople)
        self.peopleOfBriefing = peopleOfBriefing
        self.peopleOfEvent = peopleOfEvent

        // A briefing put in keeps the events that name it and stay (timeline entries), in the old
        // numbering like every other row until all are renumbered below; a slug new to the index
        // finds them among the old events.
        var eventsOfBriefing = briefings.rearrange(earlier.eventsOfBriefing, inserting: briefings.inserted.map { b in
            let slug = site.briefings[b].slug
            return earlier.briefingIndex[slug].map { earlier.eventsOfBriefing[$0] } ?? old.events.indices.filter { old.events[$0].briefing == slug }
        })
        var eventsNaming: [Int: [Int]] = [:]
        for e in events.inserted {
            if let slug = site.events[e].briefing, let b = briefingIndex[slug] { eventsNaming[b, default: []].append(e) }
        }
        for b in site.briefings.indices {
            if let list = events.renumber(eventsOfBriefing[b], adding: eventsNaming[b] ?? []) { eventsOfBriefing[b] = list }
        }
        self.eventsOfBriefing = eventsOfBriefing

        (eventAnchors, eventKeys) = Self.names(of: site, patching: earlier, of: old, events: events)

        if site.topics.map(\.slug) == old.topics.map(\.slug) {
            topicIndex = earlier.topicIndex
            var topicsAdded: [Int: [Int]] = [:]
            for b in briefings.inserted {
                for slug in site.briefings[b].topics { if let t = earlier.topicIndex[slug] { topicsAdded[t, default: []].append(b) } }
            }
            var briefingsOfTopic = earlier.briefingsOfTopic
            for t in site.topics.indices {
                if let list = briefings.renumber(briefingsOfTopic[t], adding: topicsAdded[t] ?? []) { briefingsOfTopic[t] = list }
            }
            self.briefingsOfTopic = briefingsOfTopic
        } else {
            // A topic came or went with the briefing: every position in `site.topics` may move.
            (topicIndex, briefingsOfTopic) = Self.topicLists(site)
        }

        // Only the people named by what came or went can have gained or lost company.
        var touched = Set(newBriefingPeople.joined()).union(newEventPeople.joined())
        for b in briefings.removed { touched.formUnion(earlier.peopleOfBriefing[b]) }
        for e in events.removed { touched.formUnion(earlier.peopleOfEvent[e]) }
        var seenWith = earlier.seenWith
        for p in touched {
            seenWith[p] = Self.company(of: p, briefingsOfPerson: briefingsOfPerson, peopleOfBriefing: peopleOfBriefing,
                                       eventsOfPerson: eventsOfPerson, peopleOfEvent: peopleOfEvent)
        }
        self.seenWith = seenWith
    }

    /// The anchors and keys of `site`'s events, patched from `earlier`'s. Repeats of an anchor or
    /// key without an id are numbered in time order, so an event that comes or goes renumbers
    /// only the events of its anchor's root (`RepeatNumbering.root`: numbering never makes an
    /// anchor of another root) and of its key: those are numbered again, every other name stays.
    private static func names(of site: Site, patching earlier: SiteIndex, of old: Site,
                              events: Renumbering) -> (anchors: [String], keys: [String]) {
        var anchors = events.rearrange(earlier.eventAnchors, inserting: events.inserted.map { site.events[$0].names.anchor })
        var keys = events.rearrange(earlier.eventKeys, inserting: events.inserted.map { site.events[$0].names.key })
        var roots: [Substring] = [], bases: [String] = []
        for event in events.removed.map({ old.events[$0] }) + events.inserted.map({ site.events[$0] }) where event.id == nil {
            let root = RepeatNumbering.root(ofAnchor: event.names.anchor)
            if !roots.contains(root) { roots.append(root) }
            if !bases.contains(event.names.key) { bases.append(event.names.key) }
        }
        guard !roots.isEmpty else { return (anchors, keys) }
        var numbering = RepeatNumbering()
        for e in site.events.indices where site.events[e].id == nil {
            let names = site.events[e].names
            if roots.contains(where: { names.anchor.utf8.starts(with: $0.utf8) })
                && roots.contains(RepeatNumbering.root(ofAnchor: names.anchor)) {
                anchors[e] = numbering.anchor(of: site.events[e])
            }
            if bases.contains(names.key) { keys[e] = numbering.key(of: site.events[e]) }
        }
        return (anchors, keys)
    }
}
