import Foundation
import Testing
@testable import BriefingCore

/// Hostile and huge input: each case builds or fails with a located error, never a crash or a hang.
/// Times and memory are measured by hand on a release build (README, "Hostile and huge input"),
/// never asserted here.
@Suite struct HardeningTests {
    /// A briefing with `body` after a valid front matter.
    static func briefing(body: String, frontMatterExtra: String = "") -> String {
        """
        ---
        title: "Meeting in Moscow"
        date: 2025-12-03
        people: [steve-witkoff, vladimir-putin]
        \(frontMatterExtra)---
        \(body)
        """
    }

    /// "Billion laughs": nine levels, each a list of nine aliases of the level below.
    static var aliasBomb: String {
        var lines = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for level in 1..<names.count {
            let below = names[level - 1]
            let items = Array(repeating: "*\(below)", count: 9).joined(separator: ",")
            lines.append("\(names[level]): &\(names[level]) [\(items)]")
        }
        return lines.map { "  " + $0 }.joined(separator: "\n")
    }

    // MARK: Bounded resources

    @Test func aliasBombFailsWithALocatedError() async throws {
        let site = try FixtureSite([
            "Content/briefings/moscow-meeting.md": Self.briefing(body: "Text.", frontMatterExtra: "extra:\n\(Self.aliasBomb)\n"),
        ])
        defer { site.remove() }
        let errors = await site.errors()
        // `extra:` is on line 5 and `a:` ... `i:` on lines 6 to 14; `g` (line 12) is the first
        // level whose expansion (9^7 values) overflows the bound.
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.hasPrefix("Content/briefings/moscow-meeting.md:"))
        #expect(error.contains("error: YAML expands to more than 2000000 values"))
        // Points at the value that holds the aliases, not at the anchor or the document's start.
        let parts = error.split(separator: ":")
        let line = Int(parts[1]) ?? 0
        #expect(line == 12, "\(error)")
        #expect(Int(parts[2]) == 6, "\(error)")
    }

    @Test func aliasesWithinTheBoundStillWork() throws {
        let yaml = "a: &a [x, y]\nb: [*a, *a]\n"
        let node = try YAMLReader.parse(yaml)
        guard case .map(let entries, _) = node, case .list(let items, _) = entries[1].value else {
            Issue.record("not a map of lists")
            return
        }
        #expect(items.count == 2)
    }

    @Test func deeplyNestedBlockQuotesBuild() async throws {
        let depth = 10_000
        let body = String(repeating: "> ", count: depth) + "deep\n"
        let site = try FixtureSite(["Content/briefings/moscow-meeting.md": Self.briefing(body: body)])
        defer { site.remove() }
        try await site.build()
        let page = try site.page("briefings/moscow-meeting/index.html")
        #expect(page.contains("deep"))
    }

    @Test func deeplyNestedListsBuild() async throws {
        // Indented, a list 10,000 deep is a 100 MB file (measured by hand for the README); 1,000
        // here, and 10,000 deep with the markers on one line below.
        let depth = 1_000
        let body = (0..<depth).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n") + "\n"
        let site = try FixtureSite(["Content/briefings/moscow-meeting.md": Self.briefing(body: body)])
        defer { site.remove() }
        try await site.build()
        let page = try site.page("briefings/moscow-meeting/index.html")
        #expect(page.contains("item 0"))
    }

    @Test func deeplyNestedMarkersOnOneLineBuild() async throws {
        // The same depth written on one line: `- - - ... x` and `1. 1. ... x`.
        let body = String(repeating: "- ", count: 10_000) + "x\n\n" + String(repeating: "1. ", count: 10_000) + "y\n"
        let site = try FixtureSite(["Content/briefings/moscow-meeting.md": Self.briefing(body: body)])
        defer { site.remove() }
        try await site.build()
    }

    @Test func aHundredThousandCharacterLineBuilds() async throws {
        let line = String(repeating: "word ", count: 20_000)
        let longSummary = String(repeating: "x", count: 100_000)
        let site = try FixtureSite(["Content/briefings/moscow-meeting.md": Self.briefing(
            body: line + "[Witkoff](person:steve-witkoff)\n",
            frontMatterExtra: "summary: \"\(longSummary)\"\n")])
        defer { site.remove() }
        try await site.build()
        let page = try site.page("briefings/moscow-meeting/index.html")
        #expect(page.contains(longSummary))
        #expect(page.contains(String(repeating: "word ", count: 1_000)))
    }

    @Test func anErrorAtTheEndOfALongLineIsLocatedByCharacter() async throws {
        // A 100,000-character line of accented letters, then an unknown person: the column counts characters.
        let filler = String(repeating: "é", count: 100_000)
        let site = try FixtureSite(["Content/briefings/moscow-meeting.md": Self.briefing(
            body: "x", frontMatterExtra: "quotes: [{text: \"\(filler)\", person: nobody-here}]\n")])
        defer { site.remove() }
        let errors = await site.errors()
        #expect(errors.contains { $0.hasPrefix("Content/briefings/moscow-meeting.md:5:\(18 + 100_000 + 11): error: unknown person 'nobody-here'") },
                "\(errors)")
    }

    /// A large body of ordinary Markdown: 2 MB here (debug builds are slow); the 20 MB case is
    /// measured on a release build for the README.
    @Test func aLargeBriefingBuilds() async throws {
        let paragraph = "Witkoff and Kushner met Putin in the Kremlin for *five hours*, with [a link](person:steve-witkoff).\n\n"
        let count = 2_000_000 / paragraph.utf8.count
        let body = String(repeating: paragraph, count: count) + "The end.\n"
        let site = try FixtureSite(["Content/briefings/moscow-meeting.md": Self.briefing(body: body)])
        defer { site.remove() }
        try await site.build()
        let page = try site.page("briefings/moscow-meeting/index.html")
        #expect(page.contains("The end."))
    }
}
