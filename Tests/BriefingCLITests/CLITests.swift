import Foundation
import Testing

/// Runs the built `briefing` binary as an editor would, asserting exit codes and printed lines.
@Suite struct CLITests {
    /// `.build/<config>/briefing`, next to the test bundle.
    static let binary: String = {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while url.path != "/" {
            let candidate = url.appendingPathComponent("briefing").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/briefing").path
    }()

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String], in folder: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A copy of the sample site in a temporary folder.
    func sampleSite() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for part in ["Content", "Templates"] {
            try FileManager.default.copyItem(atPath: Self.repository + "/" + part, toPath: folder + "/" + part)
        }
        return folder
    }

    @Test func buildWritesPublicAndPrintsASummary() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["build"], in: site)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("built 20 pages"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/index.html"))
    }

    /// A rebuild replaces the output, then leaves the old one to a remover of its own: soon after,
    /// nothing is left beside the output, and the output is the new build's.
    @Test func rebuildLeavesNothingBesideTheOutput() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try run(["build"], in: site).status == 0)
        try "stale".write(toFile: site + "/public/stale.html", atomically: true, encoding: .utf8)
        #expect(try run(["build"], in: site).status == 0)
        #expect(!FileManager.default.fileExists(atPath: site + "/public/stale.html"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/index.html"))
        var siblings: [String] = []
        for _ in 0..<600 {
            siblings = try FileManager.default.contentsOfDirectory(atPath: site).filter { $0.hasPrefix(".public.") }
            if siblings.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(siblings.isEmpty, "left beside the output: \(siblings)")
    }

    /// The remover takes only an old output a build handed over: a folder named otherwise, or
    /// without the output marker, is refused and left whole.
    @Test func removerRefusesFoldersNotHandedOver() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        for name in ["notes", ".public.old-12-done"] {
            let folder = site + "/" + name
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try "keep".write(toFile: folder + "/keep.txt", atomically: true, encoding: .utf8)
            let result = try run(["remove-old-output", folder], in: site)
            #expect(result.status == 2, "\(name): \(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder + "/keep.txt"), "\(name)")
        }
        #expect(!(try run(["--help"], in: site)).stdout.contains("remove-old-output"), "hidden from help")
    }

    @Test func brokenSiteExitsNonZeroWithLocatedErrorsAndACount() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try run(["build"], in: site).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: site + "/public/index.html"))
        let path = site + "/Content/people/marco-rubio.md"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "name:", with: "nmae:")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["build", "--site", site], in: "/")
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("Content/people/marco-rubio.md:2:1: error: unknown key 'nmae' in a person"))
        #expect(lines.contains("    hint: did you mean 'name'?"))
        #expect(lines.contains("Content/people/marco-rubio.md:2:1: error: missing required field 'name'"))
        #expect(lines.last == "2 errors; the output folder was left as it was")
        #expect(try Data(contentsOf: URL(fileURLWithPath: site + "/public/index.html")) == before)
    }

    @Test func checkWritesNothing() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["check", "--site", site], in: "/")
        #expect(result.status == 0)
        // The sample quotes cite no source: check warns (see NewsroomCheckCLITests), build does not.
        #expect(result.stdout.hasPrefix("no errors"))
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
    }

    @Test func refusesToBuildIntoTheSiteFolder() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try run(["build", "--output", "."], in: site)
        #expect(result.status == 3, "the site is fine; the output folder is refused")
        #expect(result.stderr.contains("refusing to use"))
        #expect(FileManager.default.fileExists(atPath: site + "/Content/site.yaml"))
    }

    @Test func missingSiteFolderIsExplained() throws {
        let folder = FileManager.default.temporaryDirectory.path
        let result = try run(["check", "--site", folder + "/does-not-exist-\(UUID().uuidString)"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content:1:1: error: no Content/ folder in the site folder"))
    }
}
