import Foundation
import Testing
@testable import BriefingCore

/// A site held in memory goes through the same pipeline as one on disk and gives the same files
/// and the same diagnostics.
@Suite struct InMemorySiteTests {
    /// The files of `folders` under `root`, keyed by site-relative path.
    static func read(_ root: String, folders: [String] = ["Content", "Templates"]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let fm = FileManager.default
        for folder in folders {
            for path in fm.subpathsOrEmpty(atPath: root + "/" + folder) {
                var isFolder: ObjCBool = false
                guard fm.fileExists(atPath: root + "/" + folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
                      let data = fm.contents(atPath: root + "/" + folder + "/" + path) else { continue }
                files[folder + "/" + path] = [UInt8](data)
            }
        }
        return files
    }

    static func expectSame(_ memory: [String: [UInt8]], _ disk: [String: [UInt8]],
                           sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(memory.keys.sorted() == disk.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in disk where memory[path] != bytes {
            Issue.record("\(path) differs between a site in memory and on disk", sourceLocation: sourceLocation)
        }
    }

    @Test func sampleSiteRendersTheSameInMemoryAsOnDisk() async throws {
        let repository = FixtureSite.repository
        let disk = try await SiteBuilder(siteRoot: repository).renderInMemory()
        let site = InMemorySite(Self.read(repository))
        let memory = try await SiteBuilder(site: site).renderInMemory()
        Self.expectSame(memory.files, disk.files)
        #expect(memory.warnings == disk.warnings)
        // Templates compiled once and reused give the same bytes.
        let templates = try TemplateSet.load(from: site)
        for _ in 0..<2 {
            Self.expectSame(try await SiteBuilder(site: site, templates: templates).renderInMemory().files, disk.files)
        }
        #expect(disk.files["assets/style.css"] != nil)
    }

    @Test func fixtureWithMediaAndWarningsMatches() async throws {
        let fixture = try FixtureSite([
            "Content/media/map.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "Content/media/.hidden": "not copied",
            "Content/notes.txt": "a stray file: a warning",
            "Content/people/readme.txt": "not a person: a warning",
            "Content/timeline.yaml": "- date: 2025-11\n  title: \"Earlier talks\"\n",
        ])
        defer { fixture.remove() }
        let disk = try await SiteBuilder(siteRoot: fixture.root).renderInMemory()
        let memory = try await SiteBuilder(site: InMemorySite(Self.read(fixture.root))).renderInMemory()
        Self.expectSame(memory.files, disk.files)
        #expect(memory.warnings == disk.warnings)
        #expect(disk.warnings.count == 2)
        #expect(memory.files["media/map.svg"] != nil && memory.files["media/.hidden"] == nil)
    }

    @Test func brokenSiteReportsTheSameErrors() async throws {
        let fixture = try FixtureSite([
            "Content/briefings/Bad Name.md": "---\ntitle: x\ndate: 2025\n---\n",
            "Content/briefings/moscow-meeting.md": "---\ntitle: \"x\"\ndate: 2025-13-01\npeopel: []\n---\n[a](person:nobody)\n",
            "Templates/partials/broken.mustache": "{{#open}}",
        ])
        defer { fixture.remove() }
        func errors(_ builder: SiteBuilder) async -> [Diagnostic] {
            do { _ = try await builder.renderInMemory(); return [] } catch { return error.diagnostics }
        }
        let disk = await errors(SiteBuilder(siteRoot: fixture.root))
        let memory = await errors(SiteBuilder(site: InMemorySite(Self.read(fixture.root))))
        #expect(disk.count >= 4)
        #expect(memory == disk)
    }

    @Test func missingFoldersAreReportedAsOnDisk() async throws {
        func errors(_ files: [String: String]) async -> [String] {
            do {
                _ = try await SiteBuilder(site: InMemorySite(texts: files)).renderInMemory()
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        #expect(await errors([:]).first?.hasPrefix("Content:1:1: error: no Content/ folder") == true)
        let noTemplates = await errors(["Content/site.yaml": "title: x\n"])
        #expect(noTemplates.contains { $0.hasPrefix("Templates:1:1: error: no Templates/ folder") })
    }
}

extension InMemorySiteTests {
    /// Every folder's entries and every file's bytes, as the loader sees them.
    static func listing(_ site: InMemorySite) -> [String] {
        var lines: [String] = []
        func walk(_ folder: String) {
            for (name, kind) in site.entries(of: folder) ?? [] {
                let path = folder.isEmpty ? name : folder + "/" + name
                lines.append("\(path) \(kind) \(site.contents(of: path)?.count ?? -1)")
                if kind == .folder { walk(path) }
            }
        }
        walk("")
        return lines
    }

    @Test func replacingFilesIndexesLikeANewSite() {
        let base: [String: [UInt8]] = ["Content/site.yaml": [1], "Content/people/a.md": [2], "Templates/home.mustache": [3],
                                       "Content/briefings/b.md": [4], "x": [5]]
        let changes: [String: [UInt8]?] = ["Content/people/a.md": nil, "Content/briefings/a.md": [6, 6],
                                           "Content/media/deep/er/c.png": [7], "Content/briefings/b.md": [8, 8, 8],
                                           "x/y": [9], "Content/z": nil]
        var merged = base
        for (path, bytes) in changes { merged[path] = bytes }
        let replaced = InMemorySite(base).replacing(changes)
        // The same, but for the folder whose only file was removed: it stays, as on disk.
        #expect(Self.listing(replaced).filter { $0 != "Content/people folder -1" }
            == Self.listing(InMemorySite(merged.compactMapValues { $0 })))
        #expect(replaced.kind(of: "x") == .folder && replaced.kind(of: "Content/media/deep") == .folder)
        #expect(replaced.entries(of: "Content/people")?.isEmpty == true, "the folder of a removed file stays")
        #expect(Self.listing(InMemorySite(base)).count == 9, "the base is unchanged")
    }
}
