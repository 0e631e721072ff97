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
        self.timeline = timeline
        peopleLetters = PeopleLayout(people: site.people)
        var personIndex: [Slug: Int] = [:]
        personIndex.reserveCapacity(site.people.count)
        for i in site.people.indices { personIndex[site.people[i].slug] = i }
        var briefingIndex: [Slug: Int] = [:]
        briefingIndex.reserveCapacity(site.briefings.count)
        for i in site.briefings.indices { briefingIndex[site.briefings[i].slug] = i }
        (topicIndex, briefingsOfTopic) = Self.topicLists(site)
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
        // Who is seen with whom, made on all cores.
        self.seenWith = await Parallel.map(Array(site.people.indices)) { p in
            Self.company(of: p, briefingsOfPerson: briefingsOfPerson, peopleOfBriefing: peopleOfBriefing,
                         eventsOfPerson: eventsOfPerson, peopleOfEvent: peopleOfEvent)
        }
    }

    /// Everyone person `p` shares a briefing's or an event's people list with; people are sorted
    /// by name, so sorting positions sorts by name.
    static func company(of p: Int, briefingsOfPerson: [[Int]], peopleOfBriefing: [[Int]],
                        eventsOfPerson: [[Int]], peopleOfEvent: [[Int]]) -> [Int] {
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

    /// Per topic slug its position in `site.topics`; per topic its briefings, newest first.
    static func topicLists(_ site: Site) -> (topicIndex: [Slug: Int], briefingsOfTopic: [[Int]]) {
        var topicIndex: [Slug: Int] = [:]
        for i in site.topics.indices { topicIndex[site.topics[i].slug] = i }
        var briefingsOfTopic = [[Int]](repeating: [], count: site.topics.count)
        for b in site.briefings.indices {
            for slug in site.briefings[b].topics { if let t = topicIndex[slug] { briefingsOfTopic[t].append(b) } }
        }
        return (topicIndex, briefingsOfTopic)
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
        var repeats = RepeatNumbering(capacity: site.events.count)
        var peopleOfEvent: [[Int]] = []
        peopleOfEvent.reserveCapacity(site.events.count)
        for e in site.events.indices {
            anchors.append(repeats.anchor(of: site.events[e]))
            keys.append(repeats.key(of: site.events[e]))
            let members = site.events[e].people.compactMap { personIndex[$0] }
            peopleOfEvent.append(members)
            for p in members { eventsOfPerson[p].append(e) }
            if let slug = site.events[e].briefing, let b = briefingIndex[slug] { eventsOfBriefing[b].append(e) }
        }
        return (eventsOfPerson, eventsOfBriefing, peopleOfEvent, anchors, keys)
    }

    /// Numbers the repeats of the anchors and keys of events without an id (an event with one
    /// has its own), taken in time order: the second event of one day and title gets `-2`.
    struct RepeatNumbering {
        private var usedAnchors: Set<String>
        private var seenKeys: [String: Int] = [:]

        init(capacity: Int = 0) { usedAnchors = Set(minimumCapacity: capacity) }

        /// The element id of `event`, the next in time order among those numbered here.
        mutating func anchor(of event: Event) -> String {
            let anchor = event.names.anchor
            guard event.id == nil else { return anchor }
            // Events sort by date, then place in their file, so repeats keep their order.
            var numbered = anchor
            var repeats = 1
            while !usedAnchors.insert(numbered).inserted {
                repeats += 1
                numbered = anchor + "-\(repeats)"
            }
            return numbered
        }

        /// The key of `event`, the next in time order among those numbered here.
        mutating func key(of event: Event) -> String {
            let key = event.names.key
            guard event.id == nil else { return key }
            let repeats = seenKeys[key, default: 0]
            seenKeys[key] = repeats + 1
            return repeats > 0 ? key + "-\(repeats + 1)" : key
        }

        /// What an anchor of an event without an id is compared with, all but its trailing
        /// `-<digits>` parts: an anchor numbered `-2`, `-3`… has the root of the anchor it
        /// numbers, so two anchors of different roots never meet (`SiteIndex+Placing`).
        static func root(ofAnchor anchor: String) -> Substring {
            var root = Substring(anchor)
            while let dash = root.utf8.lastIndex(of: UInt8(ascii: "-")) {
                let digits = root.utf8[root.utf8.index(after: dash)...]
                guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { break }
                root = root[..<dash]
            }
            return root
        }
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
