/// Lookups computed once per build so that no page scans the whole site.
struct SiteIndex: Sendable {
    /// A quote, by place: its briefing's position in `site.briefings` and its own in that
    /// briefing's `quotes`.
    struct QuoteRef: Sendable {
        let briefing: Int
        let quote: Int
    }

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
    /// Per briefing: its `people` that exist, as positions in `site.people`, in its order.
    let peopleOfBriefing: [[Int]]
    /// Per event: its `people` that exist, as positions in `site.people`, in its order.
    let peopleOfEvent: [[Int]]
    /// Per event: its element id, unique on every page.
    let eventAnchors: [String]
    /// Per event: a key that stays the same from build to build, for calendar UIDs and data
    /// exports: `event-<id>` when it has an id, else `event.<hash>` of its file, date and title
    /// (`.` cannot be in an id, so the two never meet).
    let eventKeys: [String]
    /// Which timeline page holds each event.
    let timeline: TimelineLayout
    /// The people directory by letter.
    let peopleLetters: PeopleLayout
    /// Positions in `site.topics`, by slug.
    let topicIndex: [Slug: Int]
    /// Per topic: positions in `site.briefings`, newest first.
    let briefingsOfTopic: [[Int]]

    /// Event `e` on the timeline page that holds it, from the site root.
    func eventURL(_ e: Int) -> String { timeline.url(of: e, anchor: eventAnchors[e]) }

    /// The lookups of `site`; what costs per event or per person is done on all cores. `timeline`
    /// says which timeline page holds each event.
    init(site: Site, timeline: TimelineLayout) async {
        await self.init(site: site, timeline: timeline, sameCompany: nil)
    }

    /// The lookups of `site`, taking from `sameCompany` (the index of the same site before an
    /// edit that changed neither its people nor who shares a list with whom: `serve`) the people
    /// directory's letters and who is seen with whom.
    init(site: Site, timeline: TimelineLayout, sameCompany earlier: SiteIndex?) async {
        self.timeline = timeline
        peopleLetters = earlier?.peopleLetters ?? PeopleLayout(people: site.people)
        var personIndex: [Slug: Int] = [:]
        personIndex.reserveCapacity(site.people.count)
        for i in site.people.indices { personIndex[site.people[i].slug] = i }
        var briefingIndex: [Slug: Int] = [:]
        briefingIndex.reserveCapacity(site.briefings.count)
        for i in site.briefings.indices { briefingIndex[site.briefings[i].slug] = i }
        var topicIndex: [Slug: Int] = [:]
        for i in site.topics.indices { topicIndex[site.topics[i].slug] = i }
        var briefingsOfTopic = [[Int]](repeating: [], count: site.topics.count)
        for b in site.briefings.indices {
            for slug in site.briefings[b].topics { if let t = topicIndex[slug] { briefingsOfTopic[t].append(b) } }
        }
        self.topicIndex = topicIndex
        self.briefingsOfTopic = briefingsOfTopic
        // The briefings' lists and the events' at the same time, each on a core.
        let people = personIndex, briefingPositions = briefingIndex
        let (ofBriefings, ofEvents) = await Parallel.both({ Self.briefingLists(site, people: people) },
                                                          { Self.eventLists(site, people: people, briefings: briefingPositions) })
        let briefingsOfPerson = ofBriefings.briefingsOfPerson, quotesOfPerson = ofBriefings.quotesOfPerson
        let peopleOfBriefing = ofBriefings.peopleOfBriefing
        let eventsOfPerson = ofEvents.eventsOfPerson, eventsOfBriefing = ofEvents.eventsOfBriefing
        let peopleOfEvent = ofEvents.peopleOfEvent, anchors = ofEvents.anchors, keys = ofEvents.keys
        self.personIndex = personIndex
        self.briefingIndex = briefingIndex
        self.briefingsOfPerson = briefingsOfPerson
        self.eventsOfPerson = eventsOfPerson
        self.quotesOfPerson = quotesOfPerson
        self.eventsOfBriefing = eventsOfBriefing
        self.peopleOfBriefing = peopleOfBriefing
        self.peopleOfEvent = peopleOfEvent
        self.eventAnchors = anchors
        self.eventKeys = keys
        if let earlier {
            seenWith = earlier.seenWith
            return
        }
        // Everyone each person shares a briefing's or an event's people list with, made on all
        // cores; people are sorted by name, so sorting positions sorts by name.
        self.seenWith = await Parallel.map(Array(site.people.indices)) { p in
            var others: [Int] = []
            for b in briefingsOfPerson[p] { others += peopleOfBriefing[b] }
            for e in eventsOfPerson[p] { others += peopleOfEvent[e] }
            others.sort()
            var unique = 0
            for i in others.indices where others[i] != p && (unique == 0 || others[unique - 1] != others[i]) {
                others[unique] = others[i]
                unique += 1
            }
            others.removeLast(others.count - unique)
            return others
        }
    }

    /// Per person their briefings and quotes; per briefing its people.
    private static func briefingLists(_ site: Site, people personIndex: [Slug: Int])
        -> (briefingsOfPerson: [[Int]], quotesOfPerson: [[QuoteRef]], peopleOfBriefing: [[Int]]) {
        var briefingsOfPerson = [[Int]](repeating: [], count: site.people.count)
        var quotesOfPerson = [[QuoteRef]](repeating: [], count: site.people.count)
        var peopleOfBriefing: [[Int]] = []
        peopleOfBriefing.reserveCapacity(site.briefings.count)
        // By position, not `enumerated()`: that copied each briefing whole to read two of its fields.
        for b in site.briefings.indices {
            let members = site.briefings[b].people.compactMap { personIndex[$0] }
            peopleOfBriefing.append(members)
            for p in members { briefingsOfPerson[p].append(b) }
            for q in site.briefings[b].quotes.indices {
                if let p = personIndex[site.briefings[b].quotes[q].person] { quotesOfPerson[p].append(QuoteRef(briefing: b, quote: q)) }
            }
        }
        return (briefingsOfPerson, quotesOfPerson, peopleOfBriefing)
    }

    /// Per event its anchor, key and people; per person their events; per briefing its events.
    private static func eventLists(_ site: Site, people personIndex: [Slug: Int], briefings briefingIndex: [Slug: Int])
        -> (eventsOfPerson: [[Int]], eventsOfBriefing: [[Int]], peopleOfEvent: [[Int]], anchors: [String], keys: [String]) {
        var eventsOfPerson = [[Int]](repeating: [], count: site.people.count)
        var eventsOfBriefing = [[Int]](repeating: [], count: site.briefings.count)
        var anchors: [String] = []
        anchors.reserveCapacity(site.events.count)
        var keys: [String] = []
        keys.reserveCapacity(site.events.count)
        var seenKeys: [String: Int] = [:]
        var usedAnchors = Set<String>(minimumCapacity: site.events.count)
        var peopleOfEvent: [[Int]] = []
        peopleOfEvent.reserveCapacity(site.events.count)
        for e in site.events.indices {
            let names = site.events[e].names
            if site.events[e].id != nil {
                anchors.append(names.anchor)
                keys.append(names.key)
            } else {
                // Events sort by date, then place in their file, so repeats of one anchor or key
                // keep their order.
                var anchor = names.anchor
                var repeats = 1
                while !usedAnchors.insert(anchor).inserted {
                    repeats += 1
                    anchor = names.anchor + "-\(repeats)"
                }
                anchors.append(anchor)
                var key = names.key
                let keyRepeats = seenKeys[key, default: 0]
                seenKeys[key] = keyRepeats + 1
                if keyRepeats > 0 { key += "-\(keyRepeats + 1)" }
                keys.append(key)
            }
            let members = site.events[e].people.compactMap { personIndex[$0] }
            peopleOfEvent.append(members)
            for p in members { eventsOfPerson[p].append(e) }
            if let slug = site.events[e].briefing, let b = briefingIndex[slug] { eventsOfBriefing[b].append(e) }
        }
        return (eventsOfPerson, eventsOfBriefing, peopleOfEvent, anchors, keys)
    }

    /// FNV-1a, 64 bits, as 16 hex digits: the same on every run and machine (Swift's `Hasher` is
    /// seeded per process).
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
