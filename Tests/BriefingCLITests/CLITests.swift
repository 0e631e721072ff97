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
