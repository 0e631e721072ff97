import Foundation
import Testing
@testable import BriefingCore

/// `serve` patches the site's index when one briefing's file moves, comes or goes
/// (`SiteIndex+Placing`): after any sequence of such changes the patched index must equal one
/// made anew from the same site, list by list.
@Suite struct SiteIndexPatchTests {
    static let zone = TimeZone(identifier: "UTC")!
    static let people = ["ana", "boris", "chen", "dara", "emil", "fatima", "gus", "hana"]
    static let topics = ["talks", "energy", "trade", "war-crimes", "aid", "oil", "grain", "border", "nato", "sanctions", "prisoners", "nuclear"]
    /// Few days and titles, so that events without an id share anchors and keys; "Talks 2"
    /// makes the anchor `…-talks-2` that the second "Talks" of a day would be numbered to.
    static let days = ["2025", "2025-03", "2025-03-01", "2025-03-02", "2025-04-10", "2025-04-10T12:00:00Z"]
    static let titles = ["Talks", "Talks 2", "Talks 2 2", "Summit", "Talks"]

    /// A random site model of people, briefings and events, changed one briefing's file at a time.
    struct Model {
        var rng: SplitMix64
        var site: Site
        var next = 0

        init(seed: UInt64) {
            rng = SplitMix64(state: seed)
            let config = SiteConfig(title: "T", baseURL: "/", language: "en", timeZone: SiteIndexPatchTests.zone, unsafeHTML: false, extra: [:])
            let people = SiteIndexPatchTests.people.map { slug in
                Person(slug: Slug(slug)!, path: "Content/people/\(slug).md", name: slug.capitalized, aliases: [],
                       bio: MarkdownText(text: "", location: SourceLocation(path: ""), isInline: false), extra: [:])
            }
            site = Site(config: config, people: people, briefings: [], events: [], media: [])
            for _ in 0..<30 { _ = put(file()) }
            // Timeline entries, some naming a briefing.
            var entries: [Event] = []
            for line in 0..<12 {
                let named = chance(0.5) ? site.briefings.randomElement(using: &rng)?.slug : nil
                entries.append(event(path: "Content/timeline.yaml", line: line * 5 + 1, id: chance(0.3) ? "t\(line)" : nil, briefing: named))
            }
            for entry in entries {
                site.events.insert(entry, at: SiteSplice.place(of: entry, among: site.events, by: SiteSplice.eventPrecedes)!)
            }
            site.topics = SiteResolver.topics(of: site.briefings, declared: [:])
        }

        mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
        mutating func some(_ items: [String], max: Int) -> [Slug] {
            // Repeats allowed: a list may name someone twice.
            (0..<Int.random(in: 0...max, using: &rng)).map { _ in Slug(items.randomElement(using: &rng)!)! }
        }

        mutating func event(path: String, line: Int, id: String?, briefing: Slug?) -> Event {
            Event(id: id, date: PartialDate(parsing: SiteIndexPatchTests.days.randomElement(using: &rng)!, timeZone: SiteIndexPatchTests.zone)!,
                  title: SiteIndexPatchTests.titles.randomElement(using: &rng)!, people: some(SiteIndexPatchTests.people, max: 3),
                  briefing: briefing, sources: [], expected: false, location: SourceLocation(path: path, line: line))
        }

        /// A briefing's file: the briefing and its events (ids kept from `ids`).
        mutating func file(slug given: Slug? = nil, ids: [String] = []) -> (Briefing, [Event]) {
            let slug = given ?? Slug("b\(next)")!
            next += 1
            let path = "Content/briefings/\(slug.rawValue).md"
            let quotes = some(SiteIndexPatchTests.people, max: 3).map {
                Quote(person: $0, text: "Words.", context: nil, date: nil, source: nil, location: nil)
            }
            let briefing = Briefing(
                slug: slug, path: path, title: "T", date: PartialDate(parsing: "2025-0\(Int.random(in: 1...9, using: &rng))-1\(Int.random(in: 0...9, using: &rng))", timeZone: SiteIndexPatchTests.zone)!,
                summary: nil, status: .published, people: some(SiteIndexPatchTests.people, max: 4),
                topics: some(SiteIndexPatchTests.topics, max: 2), places: [], keyPoints: [], quotes: quotes, sources: [], updates: [],
                body: MarkdownText(text: "", location: SourceLocation(path: path), isInline: false), extra: [:])
            var events: [Event] = []
            for (i, id) in ids.enumerated() { events.append(event(path: path, line: 10 + i, id: id, briefing: slug)) }
            for i in 0..<Int.random(in: 0...3, using: &rng) {
                events.append(event(path: path, line: 20 + i, id: chance(0.2) ? "\(slug.rawValue)-e\(next)-\(i)" : nil, briefing: slug))
            }
            return (briefing, events)
        }

        /// Puts a briefing's file in; its new positions in the briefings and events.
        mutating func put(_ file: (Briefing, [Event])) -> (briefing: Int, events: [Int]) {
            let at = SiteSplice.place(of: file.0, among: site.briefings, by: SiteSplice.briefingPrecedes)!
            site.briefings.insert(file.0, at: at)
            for event in file.1 { site.events.insert(event, at: SiteSplice.place(of: event, among: site.events, by: SiteSplice.eventPrecedes)!) }
            return (at, site.events.indices.filter { site.events[$0].location.path == file.0.path })
        }

        /// Takes briefing `b`'s file out; the positions its briefing and events had.
        mutating func take(_ b: Int) -> (briefing: Int, events: [Int], ids: [String]) {
            let path = site.briefings[b].path
            let places = site.events.indices.filter { site.events[$0].location.path == path }
            let ids = places.compactMap { site.events[$0].id }
            site.briefings.remove(at: b)
            for e in places.reversed() { site.events.remove(at: e) }
            return (b, places, ids)
        }

        /// One change: a briefing edited (moved, its lists changed), added or removed.
        mutating func change() -> (Renumbering, Renumbering, String) {
            let old = site
            var out: (briefing: Int, events: [Int], ids: [String])?
            var what: String
            let roll = Int.random(in: 0..<10, using: &rng)
            if roll < 6, !site.briefings.isEmpty {
                out = take(Int.random(in: site.briefings.indices, using: &rng))
                what = "edited"
            } else if roll < 8 || site.briefings.isEmpty {
                what = "added"
            } else {
                out = take(Int.random(in: site.briefings.indices, using: &rng))
                what = "removed"
            }
            var into: (briefing: Int, events: [Int])?
            if what != "removed" {
                let slug = what == "edited" ? old.briefings[out!.briefing].slug
                    // Sometimes the slug of a briefing removed before, which timeline entries may name.
                    : chance(0.3) ? Slug("b\(Int.random(in: 0...next, using: &rng))").flatMap { s in old.briefings.contains { $0.slug == s } ? nil : s } : nil
                into = put(file(slug: slug, ids: out?.ids ?? []))
            }
            site.topics = SiteResolver.topics(of: site.briefings, declared: [:])
            return (Renumbering(removed: out.map { [$0.briefing] } ?? [], inserted: into.map { [$0.briefing] } ?? [], oldCount: old.briefings.count),
                    Renumbering(removed: out?.events ?? [], inserted: into?.events ?? [], oldCount: old.events.count), what)
        }
    }

    /// Every list of two indexes, compared.
    static func differences(_ a: SiteIndex, _ b: SiteIndex) -> [String] {
        var found: [String] = []
        func check<T: Equatable>(_ name: String, _ x: T, _ y: T) { if x != y { found.append(name) } }
        check("personIndex", a.personIndex, b.personIndex)
        check("briefingIndex", a.briefingIndex, b.briefingIndex)
        check("briefingsOfPerson", a.briefingsOfPerson, b.briefingsOfPerson)
        check("eventsOfPerson", a.eventsOfPerson, b.eventsOfPerson)
        check("quotesOfPerson", a.quotesOfPerson.map { $0.map { [$0.briefing, $0.quote] } }, b.quotesOfPerson.map { $0.map { [$0.briefing, $0.quote] } })
        check("seenWith", a.seenWith, b.seenWith)
        check("eventsOfBriefing", a.eventsOfBriefing, b.eventsOfBriefing)
        check("peopleOfBriefing", a.peopleOfBriefing, b.peopleOfBriefing)
        check("peopleOfEvent", a.peopleOfEvent, b.peopleOfEvent)
        check("eventAnchors", a.eventAnchors, b.eventAnchors)
        check("eventKeys", a.eventKeys, b.eventKeys)
        check("topicIndex", a.topicIndex, b.topicIndex)
        check("briefingsOfTopic", a.briefingsOfTopic, b.briefingsOfTopic)
        return found
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func aPatchedIndexEqualsOneMadeAnew(seed: UInt64) async throws {
        var model = Model(seed: seed)
        var index = await SiteIndex(site: model.site, timeline: TimelineLayout(events: model.site.events, splits: true))
        var anchorsRenumbered = 0
        for step in 0..<60 {
            let old = model.site
            let (briefings, events, what) = model.change()
            let timeline = TimelineLayout(events: model.site.events, splits: true)
            let patched = SiteIndex(site: model.site, timeline: timeline, patching: index, of: old, briefings: briefings, events: events)
            let fresh = await SiteIndex(site: model.site, timeline: timeline)
            let differences = Self.differences(patched, fresh)
            #expect(differences.isEmpty, "seed \(seed), step \(step) (\(what)): \(differences.joined(separator: ", ")) differ")
            // Repeats numbered on top of a title's own digits (`…-talks-2` numbered `…-talks-2-2`).
            anchorsRenumbered += model.site.events.indices.filter { e in
                let base = model.site.events[e].names.anchor
                return patched.eventAnchors[e] != base && SiteIndex.RepeatNumbering.root(ofAnchor: base) != base
            }.count
            index = patched
        }
        #expect(anchorsRenumbered > 0)
    }

    @Test func renumberingMovesPositionsBetweenTheChangedOnes() {
        // Position 2 taken out, 5 put in: 3, 4 and 5 move down one, the rest stay.
        let moved = Renumbering(removed: [2], inserted: [5], oldCount: 8)
        #expect((0..<8).map { moved($0) } == [0, 1, nil, 2, 3, 4, 6, 7])
        #expect(moved.renumber([0, 1]) == nil)
        #expect(moved.renumber([1, 3, 7], adding: [5]) == [1, 2, 5, 7])
        // Two put in, none out: everything from the first moves.
        let added = Renumbering(removed: [], inserted: [1, 3], oldCount: 4)
        #expect((0..<4).map { added($0) } == [0, 2, 4, 5])
        #expect(added.rearrange(["a", "b", "c", "d"], inserting: ["x", "y"]) == ["a", "x", "b", "y", "c", "d"])
    }
}
