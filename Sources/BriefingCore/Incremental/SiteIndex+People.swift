extension SiteIndex {
    /// The index of `site`, patched from `earlier`, the index of `old`: `site` is `old` with its
    /// people taken out, put in or moved among the others by name (one person's file added,
    /// removed or renamed, or their name changed, by `serve`), its briefings and events the same.
    /// Whoever comes or goes is named by nothing, so only positions in `site.people` move: each
    /// person keeps their own lists, and the lists of people are renumbered. Equal to
    /// `SiteIndex(site:timeline:)` (the random-edit test compares the pages made from both).
    init(site: Site, patchingPeople earlier: SiteIndex, of old: Site) {
        var personIndex: [Slug: Int] = [:]
        personIndex.reserveCapacity(site.people.count)
        for p in site.people.indices { personIndex[site.people[p].slug] = p }
        self.personIndex = personIndex
        peopleLetters = PeopleLayout(people: site.people)

        // Each old position's new one (nil: taken out), and each new position's old one (nil: new).
        let position = old.people.map { personIndex[$0.slug] }
        var was = [Int?](repeating: nil, count: site.people.count)
        for (o, p) in position.enumerated() { if let p { was[p] = o } }
        /// `list` of old positions in the new numbering; the same storage when none moved.
        func renumbered(_ list: [Int]) -> [Int] {
            list.contains { position[$0] != $0 } ? list.compactMap { position[$0] } : list
        }

        briefingsOfPerson = was.map { $0.map { earlier.briefingsOfPerson[$0] } ?? [] }
        eventsOfPerson = was.map { $0.map { earlier.eventsOfPerson[$0] } ?? [] }
        quotesOfPerson = was.map { $0.map { earlier.quotesOfPerson[$0] } ?? [] }
        // Lists by name are lists by position: a person who moved moves in them too.
        seenWith = was.map { o in
            guard let o else { return [] }
            let list = renumbered(earlier.seenWith[o])
            return list == earlier.seenWith[o] ? list : list.sorted()
        }
        // In the order the briefing or event names them.
        peopleOfBriefing = earlier.peopleOfBriefing.map(renumbered)
        peopleOfEvent = earlier.peopleOfEvent.map(renumbered)

        briefingIndex = earlier.briefingIndex
        eventsOfBriefing = earlier.eventsOfBriefing
        eventAnchors = earlier.eventAnchors
        eventKeys = earlier.eventKeys
        timeline = earlier.timeline
        topicIndex = earlier.topicIndex
        briefingsOfTopic = earlier.briefingsOfTopic
    }
}
