import Foundation
import Testing
@testable import BriefingCore

/// YAML mistakes editors make, each reported at its culprit in an editor's words, with a hint
/// that says what to type; and every error of a file reported in one run. Each test asserts the
/// exact lines an editor sees.
@Suite struct YAMLErrorTests {
    func errors(_ files: [String: String?]) async throws -> [String] {
        let site = try FixtureSite(files)
        defer { site.remove() }
        return await site.errors()
    }

    /// The errors of one briefing whose front matter is `yaml`.
    func briefingErrors(_ yaml: String, body: String = "Body.") async throws -> [String] {
        try await errors(["Content/briefings/b.md": "---\n\(yaml)\n---\n\(body)\n"])
    }

    // MARK: - Repeated keys

    /// A key written twice is an error at the second occurrence, naming the line of the first; the
    /// first value is kept, so the file's other errors are reported too.
    @Test func duplicateKeyAtItsSecondOccurrence() async throws {
        let lines = try await briefingErrors("""
            title: T
            date: 2025
            people: [steve-witkof]
            summary: S
            title: U
            """)
        #expect(lines == [
            "Content/briefings/b.md:4:10: error: unknown person 'steve-witkof'\n    hint: did you mean 'steve-witkoff'?",
            "Content/briefings/b.md:6:1: error: duplicate key 'title' (first on line 2)",
        ])
        let nested = try await errors(["Content/timeline.yaml": """
            - date: 2025
              title: A
              place: Moscow
              title: B
              title: C
            """])
        #expect(nested == [
            "Content/timeline.yaml:4:3: error: duplicate key 'title' (first on line 2)",
            "Content/timeline.yaml:5:3: error: duplicate key 'title' (first on line 2)",
        ])
    }

    /// `serve` reads a file with a repeated key again on every rebuild, so the error stays until it is fixed.
    @Test func duplicateKeyStaysReportedByServe() async throws {
        let site = try FixtureSite(["Content/briefings/b.md": "---\ntitle: T\ndate: 2025\ntitle: U\n---\nBody.\n"])
        defer { site.remove() }
        let builder = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        for changed in [nil, ["Content/people/steve-witkoff.md"]] as [Set<String>?] {
            guard case .failed(let diagnostics) = await builder.rebuild(changedPaths: changed) else {
                Issue.record("the rebuild did not fail")
                continue
            }
            #expect(diagnostics.filter { $0.severity == .error }.map(\.description)
                == ["Content/briefings/b.md:4:1: error: duplicate key 'title' (first on line 2)"])
        }
    }
}
