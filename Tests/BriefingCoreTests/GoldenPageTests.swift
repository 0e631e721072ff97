import Foundation
import Testing
@testable import BriefingCore

/// One page of each kind, built from a small site and kept in `Golden/`: a change to a template
/// or a view shows as a reviewable diff of these files. `BRIEFING_UPDATE_GOLDEN=1 swift test
/// --filter GoldenPageTests` writes them anew.
@Suite struct GoldenPageTests {
    static let folder = FixtureSite.repository + "/Tests/BriefingCoreTests/Golden"

    static let pages = [
        "index.html", "briefings/index.html", "briefings/moscow-meeting/index.html", "timeline/index.html",
        "people/index.html", "people/vladimir-putin/index.html", "search/index.html", "404.html",
        "feed.xml", "sitemap.xml", "robots.txt",
    ]

    static let site: [String: String?] = [
        "Content/timeline.yaml": """
            - id: invasion
              date: 2022
              title: "Russian invasion of Ukraine begins"
              place: Ukraine
            - date: 2025-12
              title: "Talks in Miami"
              people: [steve-witkoff]
              expected: true
            """,
        "Content/briefings/moscow-meeting.md": """
            ---
            title: "Meeting in Moscow"
            date: 2025-12-03T10:00:00-05:00
            summary: "Envoys met the president."
            people: [steve-witkoff, vladimir-putin]
            topics: [peace-talks]
            places: [Moscow]
            key_points:
              - "No breakthrough, but both sides want more talks."
            quotes:
              - person: vladimir-putin
                text: "So far no compromise option has been found."
                source: wire
            events:
              - date: 2025-12-02
                title: "Witkoff meets Putin"
                people: [steve-witkoff, vladimir-putin]
                place: Moscow
            sources:
              - id: wire
                title: "Talks in Moscow"
                publisher: "Wire"
                url: "https://example.com/story"
            updates:
              - at: 2025-12-03T18:00:00-05:00
                text: "No compromise option yet, [Ushakov](person:vladimir-putin) says."
            ---
            [Witkoff](person:steve-witkoff) flew to Moscow; see [the invasion](event:invasion).
            """,
    ]

    @Test(arguments: pages)
    func pageMatchesItsGoldenFile(_ page: String) async throws {
        let site = try FixtureSite(Self.site)
        defer { site.remove() }
        try await site.build()
        let built = try site.page(page)
        let golden = Self.folder + "/" + page.replacingOccurrences(of: "/", with: "_")
        if ProcessInfo.processInfo.environment["BRIEFING_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            try built.write(toFile: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(built == expected, "\(page) differs from Golden/: if the change is meant, run BRIEFING_UPDATE_GOLDEN=1 swift test --filter GoldenPageTests and review the diff")
    }
}
