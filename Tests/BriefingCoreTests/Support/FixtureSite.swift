import Foundation
@testable import BriefingCore

/// A small site written to a temporary folder from `[path: text]`, with the repository's
/// Templates/ unless the fixture brings its own.
struct FixtureSite {
    let root: String

    /// The repository checkout (for Templates/ and Content/).
    static let repository: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// A minimal valid site: two people, one briefing; `files` add to or replace it (nil removes).
    static let minimal: [String: String?] = [
        "Content/site.yaml": """
            title: "Test Briefing"
            description: "A site for tests."
            base_url: "https://example.org/news/"
            language: en
            time_zone: America/New_York
            """,
        "Content/people/steve-witkoff.md": """
            ---
            name: Steve Witkoff
            role: U.S. Special Envoy
            ---
            Envoy.
            """,
        "Content/people/vladimir-putin.md": """
            ---
            name: Vladimir Putin
            role: Russian President
            ---
            President.
            """,
        "Content/briefings/moscow-meeting.md": """
            ---
            title: "Meeting in Moscow"
            date: 2025-12-03
            summary: "Envoys met the president."
            people: [steve-witkoff, vladimir-putin]
            quotes:
              - person: vladimir-putin
                text: "So far no compromise option has been found."
            events:
              - date: 2025-12-02
                title: "Witkoff meets Putin"
                people: [steve-witkoff, vladimir-putin]
                place: Moscow
            ---
            [Witkoff](person:steve-witkoff) flew to Moscow.
            """,
    ]

    init(_ files: [String: String?] = [:], base: [String: String?] = FixtureSite.minimal, templates: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-test-\(UUID().uuidString)").path
        var all = base
        for (path, text) in files { all[path] = text }
        for (path, text) in all {
            guard let text else { continue }
            try write(text, to: path)
        }
        if templates && all.keys.allSatisfy({ !$0.hasPrefix("Templates/") }) {
            try copyFiles(from: FixtureSite.repository + "/Templates", to: "Templates")
        }
    }

    /// Copies a folder's files by their bytes: `FileManager.copyItem` also copies the owner, which
    /// an unprivileged user (as CI runs the permission tests) may not set.
    func copyFiles(from source: String, to path: String) throws {
        let fm = FileManager.default
        for file in try fm.subpathsOfDirectory(atPath: source) {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: source + "/" + file, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            try write(try Data(contentsOf: URL(fileURLWithPath: source + "/" + file)), to: path + "/" + file)
        }
    }

    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    var output: String { root + "/public" }

    /// Builds into `public/` and returns the report; throws the build's failure.
    @discardableResult
    func build(drafts: Bool = false, baseURL: String? = nil, output: String? = nil) async throws -> BuildReport {
        try await SiteBuilder(siteRoot: root, options: BuildOptions(includeDrafts: drafts, baseURL: baseURL))
            .build(output: output ?? self.output)
    }

    /// The diagnostics of a build that must fail, as printed lines.
    func errors() async -> [String] {
        do {
            _ = try await SiteBuilder(siteRoot: root).check()
            return []
        } catch {
            return error.diagnostics.filter { $0.severity == .error }.map(\.description)
        }
    }

    func page(_ path: String) throws -> String {
        try String(contentsOfFile: output + "/" + path, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

extension String {
    /// The text with HTML tags removed and whitespace collapsed: what a reader sees.
    var visibleText: String {
        let noTags = replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
        return noTags.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
