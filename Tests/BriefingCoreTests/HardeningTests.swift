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
        #expect(error.contains("error: YAML expands to more than 2000000 values through aliases"))
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

    @Test func theBoundIsNeverBelowTheSizeOfTheFile() throws {
        // Without aliases a file cannot exceed the bound, whatever the bound: values take bytes.
        let honest = String(repeating: "- {a: x, b: [y, z]}\n", count: 100)
        #expect(throws: Never.self) { try YAMLReader.parse(honest, maximumNodes: 10) }
        let bomb = "a: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n"
        #expect(throws: YAMLSyntaxError.self) { try YAMLReader.parse(bomb, maximumNodes: 10) }
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

    // MARK: File system

    /// A file outside any site, for symlinks to point at.
    static func outsideFile() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-outside-\(UUID().uuidString)").path
        try "secret\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func symlinksOutOfTheSiteAreNotFollowed() async throws {
        let outside = try Self.outsideFile()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let site = try FixtureSite(["Content/media/photo.jpg": "jpeg"])
        defer { site.remove() }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.root + "/Content/media/x", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: site.root + "/Content/media/folder", withDestinationPath: "/etc")
        try fm.createSymbolicLink(atPath: site.root + "/Content/briefings/leak.md", withDestinationPath: outside)
        try fm.createSymbolicLink(atPath: site.root + "/Content/people/etc.md", withDestinationPath: "/etc/passwd")
        try fm.createSymbolicLink(atPath: site.root + "/Templates/assets/leak.css", withDestinationPath: outside)
        let errors = await site.errors()
        for path in ["Content/media/x", "Content/media/folder", "Content/briefings/leak.md", "Content/people/etc.md",
                     "Templates/assets/leak.css"] {
            #expect(errors.contains { $0.hasPrefix("\(path):1:1: error: symlink points outside the site") }, "\(path): \(errors)")
        }
        #expect(errors.count == 5, "\(errors)")
        #expect(!fm.fileExists(atPath: site.output))
    }

    @Test func symlinksInsideTheSiteAreFollowed() async throws {
        let site = try FixtureSite(["Content/media/photo.jpg": "jpeg", "shared/logo.svg": "<svg/>"])
        defer { site.remove() }
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: site.root + "/Content/media/alias.jpg", withDestinationPath: "photo.jpg")
        try fm.createSymbolicLink(atPath: site.root + "/Content/media/logo.svg", withDestinationPath: "../../shared/logo.svg")
        try fm.createSymbolicLink(atPath: site.root + "/Content/media/loop", withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: site.root + "/Content/media/dangling.jpg", withDestinationPath: "nothing.jpg")
        let errors = await site.errors()
        #expect(errors == ["Content/media/dangling.jpg:1:1: error: symlink points to nothing\n    hint: remove it or point it at a file in the site folder"])
        try fm.removeItem(atPath: site.root + "/Content/media/dangling.jpg")
        let report = try await site.build()
        #expect(try site.page("media/alias.jpg") == "jpeg")
        #expect(try site.page("media/logo.svg") == "<svg/>")
        #expect(report.warnings.contains { $0.description.hasPrefix("Content/media/loop:1:1: warning: ignored: a symlink to a folder") })
    }

    @Test func aSymlinkedContentFolderOutsideTheSiteIsRefused() async throws {
        let other = try FixtureSite()
        defer { other.remove() }
        let site = try FixtureSite(["Content/site.yaml": nil, "Content/people/steve-witkoff.md": nil,
                                    "Content/people/vladimir-putin.md": nil, "Content/briefings/moscow-meeting.md": nil])
        defer { site.remove() }
        try? FileManager.default.removeItem(atPath: site.root + "/Content")
        try FileManager.default.createSymbolicLink(atPath: site.root + "/Content", withDestinationPath: other.root + "/Content")
        let errors = await site.errors()
        #expect(errors.first?.hasPrefix("Content:1:1: error: symlink points outside the site") == true, "\(errors)")
    }

    /// root reads any file whatever its mode: skipped (and shown as skipped) as root; CI runs it
    /// again as an unprivileged user (`.ci/run`).
    @Test(.enabled(if: getuid() != 0, "root reads any file whatever its mode"))
    func unreadableFilesGiveALocatedError() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let path = site.root + "/Content/briefings/moscow-meeting.md"
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        let errors = await site.errors()
        #expect(errors.contains { $0.hasPrefix("Content/briefings/moscow-meeting.md:1:1: error: cannot read the file") }, "\(errors)")
    }

    @Test(.enabled(if: getuid() != 0, "root reads any folder whatever its mode"))
    func unreadableFoldersGiveALocatedError() async throws {
        let site = try FixtureSite(["Content/media/a.jpg": "jpeg"])
        defer { site.remove() }
        let folders = ["Content/briefings", "Content/media"]
        for folder in folders {
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: site.root + "/" + folder)
        }
        defer {
            for folder in folders {
                try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: site.root + "/" + folder)
            }
        }
        let errors = await site.errors()
        for folder in folders {
            #expect(errors.contains { $0.hasPrefix("\(folder):1:1: error: cannot read the folder") }, "\(errors)")
        }
    }

    @Test func mediaNamesThatDifferOnlyByCaseAreReported() async throws {
        let site = try FixtureSite(["Content/media/Photo.jpg": "a", "Content/media/photo.jpg": "b",
                                    "Content/media/Maps/kyiv.png": "c", "Content/media/maps/kyiv.png": "d",
                                    "Content/media/other.jpg": "e"])
        defer { site.remove() }
        let report = try await SiteBuilder(siteRoot: site.root).check()
        let lines = report.warnings.map(\.description)
        #expect(lines.contains { $0.hasPrefix("Content/media/photo.jpg:1:1: warning: name differs from 'Content/media/Photo.jpg' only by case") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("Content/media/maps/kyiv.png:1:1: warning: name differs from 'Content/media/Maps/kyiv.png' only by case") }, "\(lines)")
        #expect(!lines.contains { $0.contains("other.jpg") })
    }

    /// A file where no kind of content goes is named, at any depth; hidden files are not.
    @Test func filesOfNoKnownKindAreNamed() async throws {
        let site = try FixtureSite(["Content/notes.txt": "x", "Content/drafts/old.md": "y", "Content/drafts/deep/a.md": "z",
                                    "Content/.DS_Store": "h", "Content/drafts/.hidden": "h"])
        defer { site.remove() }
        let report = try await SiteBuilder(siteRoot: site.root).check()
        let ignored = report.warnings.map(\.description).filter { $0.contains("not a kind of content file") }
            .map { String($0.prefix(while: { $0 != ":" })) }
        #expect(ignored.sorted() == ["Content/drafts/deep/a.md", "Content/drafts/old.md", "Content/notes.txt"])
    }

    /// Lists nested past the bound stop at a located error instead of exhausting the stack later.
    @Test func yamlNestedTooDeepFailsWithALocatedError() async throws {
        let depth = 100_000
        let site = try FixtureSite(["Content/timeline.yaml": "- " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"])
        defer { site.remove() }
        let errors = await site.errors()
        #expect(errors == ["Content/timeline.yaml:1:\(3 + YAMLReader.maximumDepth - 1): error: YAML nested deeper than \(YAMLReader.maximumDepth) levels"])
        // At the bound itself, it reads.
        #expect(throws: Never.self) {
            try YAMLReader.parse(String(repeating: "[", count: YAMLReader.maximumDepth) + String(repeating: "]", count: YAMLReader.maximumDepth))
        }
    }
}
