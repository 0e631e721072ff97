import Foundation
import Testing
@testable import BriefingCore

/// `briefing new`: files with valid front matter, never an overwrite, and a site that still builds.
@Suite struct ScaffoldTests {
    @Test func newBriefingAndPersonBuild() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let scaffold = Scaffold(siteRoot: site.root)
        #expect(try scaffold.newBriefing(title: "Talks resume in Geneva: \"day one\"", date: "2025-12-10")
            == "Content/briefings/talks-resume-in-geneva-day-one.md")
        #expect(try scaffold.newPerson(name: "Rustem Umerov") == "Content/people/rustem-umerov.md")
        try await site.build()
        #expect(try site.page("briefings/talks-resume-in-geneva-day-one/index.html").contains("Talks resume in Geneva: &quot;day one&quot;"))
        #expect(try site.page("people/rustem-umerov/index.html").contains("Rustem Umerov"))
    }

    @Test func neverOverwrites() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let before = try String(contentsOfFile: site.root + "/Content/people/steve-witkoff.md", encoding: .utf8)
        #expect(throws: BuildFailure.self) { try Scaffold(siteRoot: site.root).newPerson(name: "Steve Witkoff") }
        #expect(try String(contentsOfFile: site.root + "/Content/people/steve-witkoff.md", encoding: .utf8) == before)
        #expect(throws: BuildFailure.self) { try Scaffold(siteRoot: site.root).newBriefing(title: "Moscow meeting", date: "2025") }
    }

    @Test func invalidDateIsRefused() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        #expect(throws: BuildFailure.self) { try Scaffold(siteRoot: site.root).newBriefing(title: "X", date: "yesterday") }
        #expect(!FileManager.default.fileExists(atPath: site.root + "/Content/briefings/x.md"))
    }

    @Test func newEventsGoIntoABriefingOrTheTimeline() async throws {
        let site = try FixtureSite(["Content/briefings/no-events.md": "---\ntitle: \"No events yet\"\ndate: 2025-12-05\n---\nBody.\n"])
        defer { site.remove() }
        let scaffold = Scaffold(siteRoot: site.root)
        let before = try String(contentsOfFile: site.root + "/Content/briefings/moscow-meeting.md", encoding: .utf8)
        #expect(try scaffold.newEvent(title: "Envoys fly home", date: "2025-12-03", briefing: "moscow-meeting")
            == "Content/briefings/moscow-meeting.md")
        #expect(try scaffold.newEvent(title: "First event", date: "2025-12", briefing: "no-events") == "Content/briefings/no-events.md")
        #expect(try scaffold.newEvent(title: "Talks planned", date: "2026", briefing: nil) == "Content/timeline.yaml")
        let after = try String(contentsOfFile: site.root + "/Content/briefings/moscow-meeting.md", encoding: .utf8)
        #expect(after.hasSuffix("---\n[Witkoff](person:steve-witkoff) flew to Moscow."), "the body is kept as it was")
        #expect(after.count > before.count)
        try await site.build()
        let timeline = try site.page("timeline/index.html")
        for title in ["Witkoff meets Putin", "Envoys fly home", "First event", "Talks planned"] {
            #expect(timeline.contains(title), "\(title) is on the timeline")
        }
        #expect(throws: BuildFailure.self) { try scaffold.newEvent(title: "X", date: "2025", briefing: "missing") }
    }
}

/// An event's anchor is its own: adding, removing or reordering other events never moves it.
@Suite struct EventAnchorTests {
    static let timeline = """
        - date: 2025-12-02
          title: "Witkoff and Kushner meet Putin in Moscow"
        - id: miami-talks
          date: 2025-12
          title: "Talks in Miami"
        - date: 2025-12-02T18:00:00-05:00
          title: "Ushakov: no compromise yet"
        """

    /// Every event anchor on the timeline page, by event title.
    static func anchors(_ site: FixtureSite) throws -> [String: String] {
        let page = try site.page("timeline/index.html")
        var found: [String: String] = [:]
        for piece in page.components(separatedBy: "<article class=\"event").dropFirst() {
            guard let id = piece.firstMatch(of: /id="([^"]+)"/)?.1,
                  let title = piece.firstMatch(of: /<h[2-6][^>]*>(?:<a[^>]*>)?([^<]+)/)?.1 else { continue }
            found[String(title)] = String(id)
        }
        return found
    }

    @Test func anchorsStayWhenEarlierEventsAreAddedAndOthersRemoved() async throws {
        let site = try FixtureSite(["Content/timeline.yaml": Self.timeline])
        defer { site.remove() }
        try await site.build()
        let before = try Self.anchors(site)
        #expect(before["Witkoff and Kushner meet Putin in Moscow"] == "e-2025-12-02-witkoff-and-kushner-meet-putin-in-moscow")
        #expect(before["Talks in Miami"] == "event-miami-talks")
        #expect(before["Ushakov: no compromise yet"] == "e-2025-12-02-ushakov-no-compromise-yet")
        // An earlier event first, one removed, the rest reordered.
        try site.write("""
            - date: 2025-12-02T18:00:00-05:00
              title: "Ushakov: no compromise yet"
            - date: 2022-02-24
              title: "Russia invades Ukraine"
            - date: 2025-12-02
              title: "Witkoff and Kushner meet Putin in Moscow"
            """, to: "Content/timeline.yaml")
        try await site.build()
        let after = try Self.anchors(site)
        for title in ["Witkoff and Kushner meet Putin in Moscow", "Ushakov: no compromise yet"] {
            #expect(after[title] == before[title], "\(title) moved")
        }
        // The shared link, the search index and the data export all use the same anchor.
        let json = try site.page("data/timeline.json")
        #expect(json.contains("timeline/#e-2025-12-02-witkoff-and-kushner-meet-putin-in-moscow\""))
        #expect(try site.page("search/index.json").contains("\"timeline/#e-2025-12-02-ushakov-no-compromise-yet\""))
    }

    @Test func eventsOfTheSameDayAndTitleGetAnchorsOfTheirOwn() async throws {
        let site = try FixtureSite(["Content/timeline.yaml": """
            - date: 2025-12-02
              title: "Talks"
            - date: 2025-12-02
              title: "Talks"
            - date: 2025-12-02
              title: "Talks 2"
            - date: 2025-12-03
              title: "Шойгу прибыл"
            - date: 2025-12-04
              title: "🕊️ 🤝"
            """])
        defer { site.remove() }
        try await site.build()
        let page = try site.page("timeline/index.html")
        let ids = page.matches(of: /<article class="event[^"]*" id="([^"]+)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "anchors repeat: \(ids)")
        #expect(ids.contains("e-2025-12-02-talks") && ids.contains("e-2025-12-02-talks-2") && ids.contains("e-2025-12-02-talks-2-2"))
        // Words in any script are spelt in Latin letters; a title with no letter at all gives a hash.
        #expect(ids.contains("e-2025-12-03-shoygu-pribyl"), "\(ids)")
        #expect(ids.contains { $0.hasPrefix("e-2025-12-04-") && $0.count == "e-2025-12-04-".count + 8 }, "\(ids)")
    }

    @Test func newEventsGetAnIDOfTheirOwn() async throws {
        let site = try FixtureSite(["Content/timeline.yaml": "- id: talks-planned\n  date: 2025\n  title: \"Old\"\n"])
        defer { site.remove() }
        let scaffold = Scaffold(siteRoot: site.root)
        _ = try scaffold.newEvent(title: "Talks planned", date: "2026", briefing: nil)
        _ = try scaffold.newEvent(title: "Envoys fly home", date: "2025-12-03", briefing: "moscow-meeting")
        _ = try scaffold.newEvent(title: "Шойгу прибыл", date: "2025-12-04", briefing: nil, id: "shoigu-arrives")
        let timeline = try String(contentsOfFile: site.root + "/Content/timeline.yaml", encoding: .utf8)
        #expect(timeline.contains("- id: talks-planned-2\n  date: 2026\n  title: \"Talks planned\"\n"))
        #expect(timeline.contains("- id: shoigu-arrives\n"))
        let briefing = try String(contentsOfFile: site.root + "/Content/briefings/moscow-meeting.md", encoding: .utf8)
        #expect(briefing.contains("  - id: envoys-fly-home\n    date: 2025-12-03\n"))
        #expect(try scaffold.newEvent(title: "Шойгу в Пекине", date: "2025", briefing: nil) == "Content/timeline.yaml")
        #expect(try String(contentsOfFile: site.root + "/Content/timeline.yaml", encoding: .utf8).contains("- id: shoygu-v-pekine\n"))
        #expect(throws: BuildFailure.self) { try scaffold.newEvent(title: "🕊️", date: "2025", briefing: nil) }
        #expect(throws: BuildFailure.self) { try scaffold.newEvent(title: "X", date: "2025", briefing: nil, id: "talks-planned") }
        try await site.build()
        let page = try site.page("timeline/index.html")
        #expect(page.contains("id=\"event-talks-planned-2\"") && page.contains("id=\"event-envoys-fly-home\""))
    }
}
