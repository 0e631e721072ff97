import Foundation
import Testing
@testable import BriefingCore

/// End-to-end builds of small sites, asserting what a reader finds on the pages.
@Suite struct BuildTests {
    @Test func briefingPageShowsEverythingItReports() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.pages == 8)  // home, 2 lists, timeline, 404, briefing, 2 people
        let page = try site.page("briefings/moscow-meeting/index.html")
        #expect(page.contains("<title>Meeting in Moscow"))
        #expect(page.contains("<html lang=\"en\""))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/news/briefings/moscow-meeting/\">"))
        #expect(page.contains("<a href=\"../../people/steve-witkoff/\">Witkoff</a> flew to Moscow."))
        #expect(page.contains("So far no compromise option has been found."))
        #expect(page.contains("\"@type\":\"NewsArticle\""))
        #expect(page.contains("datetime=\"2025-12-03\">3 December 2025</time>"))
        #expect(page.visibleText.contains("Witkoff meets Putin"))
    }

    @Test func personPageLinksQuotesEventsBriefingsAndCompany() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build()
        let page = try site.page("people/vladimir-putin/index.html")
        #expect(page.contains("Russian President"))
        #expect(page.contains("So far no compromise option has been found."))
        #expect(page.contains("Witkoff meets Putin"))
        #expect(page.contains("href=\"../../briefings/moscow-meeting/\""))
        #expect(page.contains("href=\"../../people/steve-witkoff/\""))
        #expect(page.contains("\"@type\":\"Person\""))
    }

    @Test func timelineIsInTimeOrderAtEachDatesPrecision() async throws {
        let site = try FixtureSite(["Content/timeline.yaml": """
            - date: 2025-12
              title: "Month event"
            - date: 2022
              title: "Year event"
            - date: 2025-12-02T10:00:00-05:00
              title: "Instant event"
            - date: 2025-11-30
              title: "Day event"
            - date: 2026-01
              title: "Planned event"
              expected: true
            """])
        defer { site.remove() }
        try await site.build()
        let page = try site.page("timeline/index.html")
        let order = ["Year event", "Day event", "Month event", "Witkoff meets Putin", "Instant event", "Planned event"]
        let positions = order.map { page.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(page.contains("datetime=\"2025-12\">December 2025</time>"))
        #expect(page.contains("datetime=\"2022\">2022</time>"))
        #expect(page.contains("datetime=\"2025-12-02T10:00:00-05:00\">2 December 2025, 10:00 UTC−05:00</time>"))
        #expect(!page.contains("1 December 2025"), "a month-precision event never shows a day")
        #expect(page.visibleText.contains("During 2022"))
        let home = try site.page("index.html")
        #expect(home.visibleText.contains("Planned event"))
    }

    @Test func listsFeedSitemapRobotsAnd404() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build()
        #expect(try site.page("briefings/index.html").contains("href=\"../briefings/moscow-meeting/\""))
        #expect(try site.page("people/index.html").contains("Steve Witkoff"))
        let feed = try site.page("feed.xml")
        #expect(feed.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
        #expect(feed.contains("<id>https://example.org/news/briefings/moscow-meeting/</id>"))
        #expect(feed.contains("<updated>2025-12-03T00:00:00-05:00</updated>"))
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/news/people/vladimir-putin/</loc>"))
        #expect(try site.page("robots.txt").contains("Sitemap: https://example.org/news/sitemap.xml"))
        // 404 is served at any path, so its links start from the base path.
        #expect(try site.page("404.html").contains("href=\"/news/assets/style.css\""))
        #expect(FileManager.default.fileExists(atPath: site.output + "/assets/style.css"))
    }

    @Test func draftsAreBuiltOnlyWhenAskedFor() async throws {
        let site = try FixtureSite(["Content/briefings/secret.md": """
            ---
            title: "Secret plan"
            date: 2025-12-04
            status: draft
            ---
            Not yet.
            """])
        defer { site.remove() }
        try await site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output + "/briefings/secret/index.html"))
        #expect(!(try site.page("index.html")).contains("Secret plan"))
        try await site.build(drafts: true)
        #expect(try site.page("briefings/secret/index.html").contains("Secret plan"))
    }

    @Test func baseURLOptionOverridesSiteYAML() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build(baseURL: "https://news.example.com/sub/path")
        let page = try site.page("people/steve-witkoff/index.html")
        #expect(page.contains("href=\"https://news.example.com/sub/path/people/steve-witkoff/\""))
        #expect(try site.page("404.html").contains("href=\"/sub/path/assets/style.css\""))
    }

    @Test func mediaIsCopiedAndLinkedFromAnyPage() async throws {
        let site = try FixtureSite(["Content/briefings/moscow-meeting.md": """
            ---
            title: "Meeting in Moscow"
            date: 2025-12-03
            ---
            ![Kremlin](media/kremlin.png)
            """])
        defer { site.remove() }
        try site.write("PNG", to: "Content/media/kremlin.png")
        try await site.build()
        #expect(try site.page("media/kremlin.png") == "PNG")
        #expect(try site.page("briefings/moscow-meeting/index.html").contains("src=\"../../media/kremlin.png\""))
    }

    /// A link or image into media/ that names no file of Content/media/ fails the build where it is written.
    @Test func missingMediaIsALocatedErrorWithTheNearestFile() async throws {
        let site = try FixtureSite([
            "Content/media/front-map.png": "PNG",
            "Content/media/photos/kremlin meeting.jpg": "JPEG",
            "Content/briefings/moscow-meeting.md": """
                ---
                title: "Meeting in Moscow"
                date: 2025-12-03
                ---
                ![map](media/front-map.png) ![photo](media/photos/kremlin%20meeting.jpg#top)

                ![map](media/frontmap.png) and [the file](/media/nothing-like-it.pdf).
                """,
        ])
        defer { site.remove() }
        #expect(await site.errors() == [
            "Content/briefings/moscow-meeting.md:7:8: error: no file 'media/frontmap.png' in Content/media/\n    hint: did you mean 'media/front-map.png'?",
            "Content/briefings/moscow-meeting.md:7:43: error: no file 'media/nothing-like-it.pdf' in Content/media/\n    hint: put the file in Content/media/ or correct the name",
        ])
        // Without the two broken links the rest builds, the file with a space and a fragment included.
        try site.write("---\ntitle: \"Meeting in Moscow\"\ndate: 2025-12-03\n---\n![photo](media/photos/kremlin%20meeting.jpg#top)\n",
                       to: "Content/briefings/moscow-meeting.md")
        try await site.build()
        #expect(try site.page("briefings/moscow-meeting/index.html").contains("src=\"../../media/photos/kremlin%20meeting.jpg#top\""))
    }

    @Test func twoBuildsAreByteIdentical() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build(output: site.root + "/one")
        try await site.build(output: site.root + "/two")
        let files = try FileManager.default.subpathsOfDirectory(atPath: site.root + "/one").sorted()
        #expect(files == (try FileManager.default.subpathsOfDirectory(atPath: site.root + "/two").sorted()))
        for file in files {
            let a = FileManager.default.contents(atPath: site.root + "/one/" + file)
            let b = FileManager.default.contents(atPath: site.root + "/two/" + file)
            #expect(a == b, "\(file) differs between builds")
        }
    }

    @Test func sampleSiteBuilds() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-sample-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = try await SiteBuilder(siteRoot: FixtureSite.repository).build(output: output)
        #expect(report.warnings.isEmpty)
        let people = try FileManager.default.contentsOfDirectory(atPath: output + "/people").filter { !$0.hasSuffix(".html") }
        #expect(people.count == 9)
        let briefing = try String(contentsOfFile: output + "/briefings/index.html", encoding: .utf8)
        #expect(briefing.contains("Putin"))
    }

    /// The sample tells the article's facts in its words, passes the strictest check, and reads
    /// right where dates are known only to the month.
    @Test func sampleSiteKeepsTheArticlesWordsAndPassesStrictCheck() async throws {
        _ = try await SiteBuilder(siteRoot: FixtureSite.repository).check(now: Date(timeIntervalSince1970: 1_764_720_000), strict: true)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-sample-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        try await SiteBuilder(siteRoot: FixtureSite.repository).build(output: output)
        func page(_ path: String) throws -> String { try String(contentsOfFile: output + "/" + path, encoding: .utf8) }
        let story = try page("briefings/witkoff-kushner-meet-putin-in-moscow/index.html")
        // Ushakov's words with his own comma, as the article quotes them.
        #expect(story.visibleText.contains("noted that, “So far no compromise option has been found,” indicating"))
        // What happened is not expected; what is expected is the talks.
        let timeline = try page("timeline/index.html")
        #expect(timeline.contains("Witkoff and Kushner invite Umerov to Miami for further peace discussions"))
        #expect(!timeline.contains("Umerov invited"))
        #expect(!timeline.visibleText.contains("the article"))
        // Dates known to the month stay so: no invented first day in JSON-LD, none in the sitemap.
        #expect(story.contains("\"datePublished\":\"2025-12\""))
        #expect(!(try page("sitemap.xml")).contains("2025-12-01"))
        // Every person of the lead briefing is among the key people on the home page.
        let home = try page("index.html")
        let keyPeople = home.components(separatedBy: "Key people").last ?? ""
        for name in ["Donald Trump", "Steve Witkoff", "Jared Kushner", "Vladimir Putin", "Rustem Umerov", "Yuri Ushakov",
                     "Marco Rubio", "John Hardie", "Volodymyr Zelenskyy"] {
            #expect(keyPeople.contains(name), "\(name) is missing from Key people")
        }
        #expect(try page("people/rustem-umerov/index.html").contains("2 events in December 2025"))
    }
}

/// A feed id, a sitemap location and a canonical URL must be absolute: without a base_url that is
/// an address, they are left out and the build says so.
@Suite struct BaseURLTests {
    static let warning = "warning: no base_url: the feed and the sitemap are left out, and pages have no canonical URL"

    @Test(arguments: [nil, "/briefing/"] as [String?])
    func withoutAnAddressNothingInvalidIsWritten(baseURL: String?) async throws {
        let site = try FixtureSite(["Content/site.yaml": "title: \"No address\"\n" + (baseURL.map { "base_url: \"\($0)\"\n" } ?? "")])
        defer { site.remove() }
        let report = try await site.build()
        let warnings = report.warnings.map(\.description)
        if baseURL == nil {
            #expect(warnings.contains { $0.hasPrefix("Content/site.yaml:1:1: " + Self.warning) })
        } else {
            #expect(warnings.contains { $0.hasPrefix("Content/site.yaml:2:11: warning: base_url '/briefing/' is a path, not an address") })
        }
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: site.output + "/feed.xml"))
        #expect(!fm.fileExists(atPath: site.output + "/sitemap.xml"))
        #expect(try site.page("robots.txt") == "User-agent: *\nAllow: /\n")
        for path in ["index.html", "briefings/moscow-meeting/index.html", "people/index.html"] {
            let page = try site.page(path)
            #expect(!page.contains("rel=\"canonical\"") && !page.contains("og:url") && !page.contains("feed.xml"), "\(path)")
        }
        #expect(!(try site.page("timeline.ics")).contains("\r\nURL:"))
        // check says it too, and --strict makes it an error.
        let checked = try await SiteBuilder(siteRoot: site.root).check()
        #expect(checked.warnings.contains { $0.message.contains("the feed and the sitemap are left out") })
        await #expect(throws: BuildFailure.self) { try await SiteBuilder(siteRoot: site.root).check(strict: true) }
    }

    @Test func withAnAddressEveryURLIsAbsolute() async throws {
        let site = try FixtureSite(["Content/site.yaml": "title: \"No address\"\n"])
        defer { site.remove() }
        let report = try await site.build(baseURL: "https://example.org/news/")
        #expect(report.warnings.isEmpty)
        let feed = try site.page("feed.xml")
        #expect(feed.contains("<id>https://example.org/news/</id>") && feed.contains("<id>https://example.org/news/briefings/moscow-meeting/</id>"))
        #expect(try site.page("sitemap.xml").contains("<loc>https://example.org/news/briefings/moscow-meeting/</loc>"))
        #expect(try site.page("robots.txt").hasSuffix("Sitemap: https://example.org/news/sitemap.xml\n"))
        let page = try site.page("briefings/moscow-meeting/index.html")
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/news/briefings/moscow-meeting/\">"))
        #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/news/briefings/moscow-meeting/\">"))
    }
}
