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
