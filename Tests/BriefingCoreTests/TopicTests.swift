import Foundation
import Testing
@testable import BriefingCore

/// Topics as things with names and pages: `topics.yaml` names them, `/topics/` lists them, each
/// has a page of its briefings, quotes and events, and a feed.
@Suite struct TopicTests {
    static let topics = """
        peace-talks:
          name: "Peace talks"
          description: "Negotiations to end the war."
        territory: "Territory"
        """

    static func briefing(_ slug: String, date: String, topics: String) -> String {
        """
        ---
        title: "Briefing \(slug)"
        date: \(date)
        people: [vladimir-putin]
        topics: \(topics)
        quotes:
          - person: vladimir-putin
            text: "Words of \(slug)."
        events:
          - date: \(date)
            title: "Event of \(slug)"
        ---
        Body.
        """
    }

    static let site: [String: String?] = [
        "Content/topics.yaml": topics,
        "Content/briefings/moscow-meeting.md": nil,
        "Content/briefings/older.md": briefing("older", date: "2025-11-01", topics: "[peace-talks]"),
        "Content/briefings/newer.md": briefing("newer", date: "2025-12-03", topics: "[peace-talks, territory]"),
    ]

    @Test func topicPagesListTheirBriefingsQuotesAndEvents() async throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        // Pills show names and link to the topic's page.
        let newer = try site.page("briefings/newer/index.html")
        #expect(newer.contains("<a href=\"../../topics/peace-talks/\">Peace talks</a>"))
        #expect(newer.contains("<a href=\"../../topics/territory/\">Territory</a>"))
        // The list, by name, with counts.
        let list = try site.page("topics/index.html").visibleText
        #expect(list.contains("Peace talks 2 briefings Negotiations to end the war. Territory 1 briefing"))
        // A topic's page: newest briefing first, its quotes and events, its feed.
        let page = try site.page("topics/peace-talks/index.html")
        let text = page.visibleText
        #expect(text.contains("Peace talks Negotiations to end the war."))
        let newerAt = try #require(text.range(of: "Briefing newer")), olderAt = try #require(text.range(of: "Briefing older"))
        #expect(newerAt.lowerBound < olderAt.lowerBound)
        #expect(text.contains("Words of newer.") && text.contains("Words of older."))
        #expect(text.contains("Event of newer") && text.contains("Event of older"))
        #expect(page.contains("href=\"https://example.org/news/topics/peace-talks/feed.xml\""))
        let feed = try site.page("topics/peace-talks/feed.xml")
        #expect(feed.contains("<id>https://example.org/news/topics/peace-talks/</id>"))
        #expect(feed.contains("<title>Peace talks · Test Briefing</title>"))
        #expect(feed.components(separatedBy: "<entry>").count == 3)
        #expect(try site.page("topics/territory/feed.xml").components(separatedBy: "<entry>").count == 2)
        // Everywhere else a reader or a machine looks.
        #expect(try site.page("index.html").contains("<a href=\"./topics/\">Topics</a>"))
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/news/topics/</loc>") && sitemap.contains("<loc>https://example.org/news/topics/territory/</loc>"))
        #expect(try site.page("search/index.json").contains("\"t\":[[\"peace-talks\",\"Peace talks\",\"2 briefings · Negotiations to end the war.\"],[\"territory\",\"Territory\",\"1 briefing\"]]"))
        let data = try #require(try JSONSerialization.jsonObject(with: Data(site.page("data/topics.json").utf8)) as? [String: Any])
        let topics = try #require(data["topics"] as? [[String: Any]])
        #expect(topics.map { $0["name"] as? String } == ["Peace talks", "Territory"])
        #expect(topics.first?["briefings"] as? [String] == ["newer", "older"])
    }

    @Test func withoutTopicsYAMLTopicsAreNamedFromTheirSlugs() async throws {
        var files = Self.site
        files["Content/topics.yaml"] = nil
        let site = try FixtureSite(files)
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.warnings.isEmpty)
        #expect(try site.page("briefings/newer/index.html").contains(">Peace talks</a>"))
        #expect(try site.page("topics/index.html").visibleText.contains("Peace talks 2 briefings Territory 1 briefing"))
    }

    @Test func aTopicMissingFromTopicsYAMLIsAWarningAndAnErrorUnderStrict() async throws {
        var files = Self.site
        files["Content/briefings/older.md"] = Self.briefing("older", date: "2025-11-01", topics: "[peace-talk]")
        let site = try FixtureSite(files)
        defer { site.remove() }
        let warning = "Content/briefings/older.md:5:10: warning: topic 'peace-talk' is not in topics.yaml\n    hint: did you mean 'peace-talks'?"
        let report = try await site.build()
        #expect(report.warnings.map(\.description) == [warning])
        // The page is still written, named from its slug.
        #expect(try site.page("topics/peace-talk/index.html").contains("<h1>Peace talk</h1>"))
        await #expect(throws: BuildFailure.self) { try await SiteBuilder(siteRoot: site.root).check(strict: true) }
    }

    @Test func mistakesInTopicsYAMLAreLocated() async throws {
        let site = try FixtureSite(["Content/topics.yaml": """
            Peace Talks:
              name: "Peace talks"
            territory:
              nmae: "Territory"
            """])
        defer { site.remove() }
        #expect(await site.errors() == [
            "Content/topics.yaml:1:1: error: invalid topic slug 'Peace Talks': use lowercase a-z, 0-9 and '-'\n    hint: did you mean 'peace-talks'?",
            "Content/topics.yaml:4:3: error: missing required field 'name'",
            "Content/topics.yaml:4:3: error: unknown key 'nmae' in a topic\n    hint: did you mean 'name'?",
        ])
    }
}
