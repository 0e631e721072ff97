import Foundation
import Testing

/// `briefing build` and `check` on sites that lack briefings exit 0 and write pages that say so.
@Suite struct EmptySiteCLITests {
    /// A site folder with the repository's templates and `files` under it.
    func site(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-cli-empty-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/Content", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLITests.repository + "/Templates", toPath: folder + "/Templates")
        for (path, text) in files {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return folder
    }

    func visibleText(_ path: String) throws -> String {
        let html = try String(contentsOfFile: path, encoding: .utf8)
        return html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test func brandNewSiteBuildsAndSaysItHasNoBriefings() throws {
        let site = try site(["Content/site.yaml": "title: \"New desk\"\n"])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try CLITests().run(["build"], in: site)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("built 5 pages"))
        #expect(try visibleText(site + "/public/index.html").contains("No briefings have been published yet."))
        #expect(try visibleText(site + "/public/timeline/index.html").contains("No events yet."))
        #expect(try visibleText(site + "/public/people/index.html").contains("No people yet."))
        #expect(try CLITests().run(["check"], in: site).status == 0)
    }

    @Test func onlyADraftBuildsWithAndWithoutDrafts() throws {
        let site = try site([
            "Content/site.yaml": "title: \"Draft desk\"\n",
            "Content/briefings/first.md": "---\ntitle: \"First\"\ndate: 2025-12-03\nstatus: draft\n---\nSoon.\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try CLITests().run(["build"], in: site)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try visibleText(site + "/public/index.html").contains("No briefings have been published yet."))
        #expect(!FileManager.default.fileExists(atPath: site + "/public/briefings/first/index.html"))
        let drafts = try CLITests().run(["build", "--drafts"], in: site)
        #expect(drafts.status == 0, "\(drafts.stderr)")
        #expect(try visibleText(site + "/public/index.html").contains("Latest briefing First"))
    }
}
