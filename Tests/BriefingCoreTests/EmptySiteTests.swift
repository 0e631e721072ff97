import Foundation
import Testing
@testable import BriefingCore

/// A valid site builds whatever it lacks: no briefings, no people, no events, only drafts, only a
/// timeline, only people. Each page says what is missing instead of showing an empty list.
@Suite struct EmptySiteTests {
    static let siteYAML = """
        title: "Quiet Desk"
        description: "Nothing has happened yet."
        base_url: "https://example.org/quiet/"
        time_zone: Europe/Kyiv
        """

    static let person = """
        ---
        name: Olena Zelenska
        role: Adviser
        ---
        A short bio.
        """

    static let draft = """
        ---
        title: "Not ready"
        date: 2025-12-03
        status: draft
        summary: "A draft."
        people: [olena-zelenska]
        events:
          - date: 2025-12-02
            title: "Draft event"
        ---
        Draft body.
        """

    /// A site of `site.yaml` and `files` only.
    static func site(_ files: [String: String]) throws -> FixtureSite {
        var all: [String: String?] = ["Content/site.yaml": siteYAML]
        for (path, text) in files { all[path] = text }
        return try FixtureSite(all, base: [:])
    }

    /// Every file of the output, well formed (see `WellFormed`), with no error on the way.
    static func wellFormedOutput(_ site: FixtureSite) throws -> [String] {
        let fm = FileManager.default
        var problems: [String] = []
        for path in fm.subpathsOrEmpty(atPath: site.output).sorted() {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: site.output + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = fm.contents(atPath: site.output + "/" + path) else { continue }
            problems += WellFormed.problems(path: path, bytes: [UInt8](data))
        }
        return problems
    }

    /// What every page of a site without published briefings says about them.
    static func expectWellFormed(_ site: FixtureSite, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for problem in try wellFormedOutput(site) { Issue.record(Comment(rawValue: problem), sourceLocation: sourceLocation) }
    }

    func expectNoBriefings(_ site: FixtureSite) throws {
        let home = try site.page("index.html").visibleText
        #expect(home.contains("No briefings have been published yet."))
        #expect(!home.contains("Latest briefing"))
        let list = try site.page("briefings/index.html")
        #expect(list.visibleText.contains("No briefings have been published yet."))
        #expect(!list.contains("<ol class=\"briefing-list"), "no empty list box")
        let feed = try site.page("feed.xml")
        #expect(!feed.contains("<entry>"))
        #expect(feed.contains("<title>Quiet Desk</title>"))
        #expect(try Self.jsonList(site, "data/briefings.json", "briefings")?.isEmpty == true)
        #expect(try site.page("search/index.html").visibleText.contains("0 briefings"))
        let sitemap = try site.page("sitemap.xml")
        #expect(!sitemap.contains("/briefings/not-ready/"))
        #expect(sitemap.contains("<loc>https://example.org/quiet/briefings/</loc>"))
    }

    static func jsonList(_ site: FixtureSite, _ path: String, _ key: String) throws -> [Any]? {
        let object = try JSONSerialization.jsonObject(with: Data(try site.page(path).utf8)) as? [String: Any]
        return object?[key] as? [Any]
    }

    func expectNoEvents(_ site: FixtureSite) throws {
        let timeline = try site.page("timeline/index.html").visibleText
        #expect(timeline.contains("No events yet."))
        #expect(!timeline.contains("0 in all"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/timeline.ics"), "a calendar needs an event")
        #expect(try Self.jsonList(site, "data/timeline.json", "events")?.isEmpty == true)
        #expect(try Self.jsonList(site, "search/index.json", "e")?.isEmpty == true)
        let home = try site.page("index.html").visibleText
        #expect(!home.contains("Latest events") && !home.contains("What’s next"))
    }

    func expectNoPeople(_ site: FixtureSite) throws {
        let people = try site.page("people/index.html")
        #expect(people.visibleText.contains("No people yet."))
        #expect(!people.contains("<ul class=\"people-grid"), "no empty grid")
        #expect(!(try site.page("index.html")).visibleText.contains("Key people"))
        #expect(try Self.jsonList(site, "data/people.json", "people")?.isEmpty == true)
    }

    @Test func brandNewSiteWithNothingButItsTitleBuilds() async throws {
        let site = try Self.site([:])
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.pages == 5)  // home, 2 lists, timeline, 404 (and search, not counted as a template page)
        try Self.expectWellFormed(site)
        try expectNoBriefings(site)
        try expectNoEvents(site)
        try expectNoPeople(site)
        #expect(try site.page("index.html").visibleText.contains("Quiet Desk Nothing has happened yet."))
        _ = try await SiteBuilder(siteRoot: site.root).check(now: Date(), strict: true)
    }

    @Test func draftsOnlyBuildLikeNoBriefingsAndShowWithDrafts() async throws {
        let site = try Self.site(["Content/briefings/not-ready.md": Self.draft,
                                  "Content/people/olena-zelenska.md": Self.person])
        defer { site.remove() }
        try await site.build()
        try Self.expectWellFormed(site)
        try expectNoBriefings(site)
        try expectNoEvents(site)
        #expect(!FileManager.default.fileExists(atPath: site.output + "/briefings/not-ready/index.html"))
        #expect(try site.page("people/index.html").visibleText.contains("Olena Zelenska"))
        _ = try await SiteBuilder(siteRoot: site.root).check(now: Date())

        try await site.build(drafts: true)
        try Self.expectWellFormed(site)
        let home = try site.page("index.html").visibleText
        #expect(home.contains("Latest briefing Not ready"))
        #expect(!home.contains("No briefings have been published yet."))
        #expect(try site.page("timeline/index.html").visibleText.contains("Draft event"))
    }

    @Test func timelineOnlySiteShowsItsEvents() async throws {
        let site = try Self.site(["Content/timeline.yaml": """
            - date: 2022
              title: "Known to the year"
            - date: 2022-02-24
              title: "Known to the day"
            - date: 2026-03
              title: "Planned talks"
              expected: true
            """])
        defer { site.remove() }
        try await site.build()
        try Self.expectWellFormed(site)
        try expectNoBriefings(site)
        try expectNoPeople(site)
        let timeline = try site.page("timeline/index.html").visibleText
        #expect(timeline.contains("(3 in all)"))
        #expect(timeline.contains("Known to the year") && timeline.contains("Planned talks"))
        let home = try site.page("index.html").visibleText
        #expect(home.contains("What’s next March 2026 Expected Planned talks"))
        #expect(home.contains("Latest events"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/timeline.ics"))
    }

    @Test func peopleOnlySiteListsThem() async throws {
        let site = try Self.site(["Content/people/olena-zelenska.md": Self.person])
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.pages == 6)
        try Self.expectWellFormed(site)
        try expectNoBriefings(site)
        try expectNoEvents(site)
        #expect(try site.page("people/index.html").visibleText.contains("Olena Zelenska Adviser"))
        let person = try site.page("people/olena-zelenska/index.html").visibleText
        #expect(person.contains("Olena Zelenska") && person.contains("A short bio."))
    }

    @Test func briefingWithoutPeopleOrEventsBuilds() async throws {
        let site = try Self.site(["Content/briefings/alone.md": """
            ---
            title: "Alone"
            date: 2025-12
            ---
            Nobody is named here.
            """])
        defer { site.remove() }
        try await site.build()
        try Self.expectWellFormed(site)
        try expectNoPeople(site)
        try expectNoEvents(site)
        let home = try site.page("index.html").visibleText
        #expect(home.contains("Latest briefing Alone December 2025"))
        #expect(!home.contains("Latest briefings"), "the lead is the only briefing")
        #expect(try site.page("briefings/index.html").visibleText.contains("Alone"))
    }

    @Test func sampleLikeSiteWithoutTimelineFileBuilds() async throws {
        // The minimal fixture has no timeline.yaml: its events come from its briefing alone.
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build()
        try Self.expectWellFormed(site)
        #expect(try site.page("timeline/index.html").visibleText.contains("Witkoff meets Putin"))
    }

    /// `serve`: the last briefing becoming a draft empties the site; the files then equal a clean
    /// build's, and publishing it again brings it back.
    @Test func lastBriefingBecomingADraftInServeMatchesACleanBuild() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let incremental = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        guard case .updated = await incremental.rebuild() else { Issue.record("the fixture must build"); return }
        let path = "Content/briefings/moscow-meeting.md"
        let published = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
        for (step, text) in [published.replacingOccurrences(of: "date: 2025-12-03", with: "date: 2025-12-03\nstatus: draft"),
                             published + "\nA later paragraph.\n",  // a body edit of the draft: nothing shows it
                             published].enumerated() {
            if step == 1 {
                try site.write(text.replacingOccurrences(of: "date: 2025-12-03", with: "date: 2025-12-03\nstatus: draft"), to: path)
            } else {
                try site.write(text, to: path)
            }
            guard case .updated = await incremental.rebuild(changedPaths: [path]) else {
                Issue.record("step \(step): the edit must build"); return
            }
            let clean = try await SiteBuilder(siteRoot: site.root).renderInMemory().files
            let files = await incremental.files
            #expect(Set(files.keys) == Set(clean.keys), "step \(step)")
            for (file, bytes) in clean where files[file] != bytes { Issue.record("step \(step): \(file) differs from a clean build") }
            let home = String(decoding: files["index.html"] ?? [], as: UTF8.self).visibleText
            #expect(home.contains("No briefings have been published yet.") == (step < 2), "step \(step)")
            #expect((files["briefings/moscow-meeting/index.html"] != nil) == (step == 2), "step \(step)")
        }
    }
}
