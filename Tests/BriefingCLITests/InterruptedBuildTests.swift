import Foundation
import Testing

/// Builds killed at random moments leave the previous output or the complete new one, never a
/// mix, and nothing that breaks the next build.
@Suite struct InterruptedBuildTests {
    /// The sample site plus `count` generated briefings.
    static func generatedSite(briefings count: Int) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-kill-\(UUID().uuidString)").path
        for part in ["Content", "Templates"] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: CLITests.repository + "/" + part, toPath: folder + "/" + part)
        }
        let paragraph = "[Witkoff](person:steve-witkoff) met [Putin](person:vladimir-putin) in Moscow; talks went on for hours.\n\n"
        for index in 0..<count {
            let text = """
                ---
                title: "Generated briefing \(index)"
                date: 2025-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1))
                summary: "Briefing number \(index)."
                people: [steve-witkoff, vladimir-putin]
                events:
                  - date: 2024-\(String(format: "%02d", index % 12 + 1))
                    title: "Event \(index)"
                ---
                \(String(repeating: paragraph, count: 20))
                """
            try text.write(toFile: "\(folder)/Content/briefings/generated-\(index).md", atomically: false, encoding: .utf8)
        }
        return folder
    }

    /// Every file under `folder`, path to bytes.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let fm = FileManager.default
        for path in try fm.subpathsOfDirectory(atPath: folder) {
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: folder + "/" + path, isDirectory: &isDir)
            if !isDir.boolValue { files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)) }
        }
        return files
    }

    static func setTitle(_ title: String, site: String) throws {
        let path = site + "/Content/site.yaml"
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let text = lines.map { $0.hasPrefix("title:") ? "title: \"\(title)\"" : String($0) }.joined(separator: "\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Runs `briefing build`; with `killAfter`, sends SIGKILL after that many seconds.
    @discardableResult
    static func build(site: String, output: String, killAfter: Double? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["build", "--site", site, "--output", output]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let killAfter {
            usleep(UInt32(killAfter * 1_000_000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func killedBuildsLeaveTheOldOutputOrTheNewOne() throws {
        let site = try Self.generatedSite(briefings: 300)
        defer { try? FileManager.default.removeItem(atPath: site) }
        let parent = site + "/out"
        let output = parent + "/public"
        // The two outputs a build may leave: each build switches the site's title.
        var expected: [String: [String: Data]] = [:]
        var duration = 0.0
        for title in ["Edition A", "Edition B"] {
            try Self.setTitle(title, site: site)
            let started = Date()
            #expect(try Self.build(site: site, output: site + "/expected-\(title.last!)") == 0)
            duration = max(duration, Date().timeIntervalSince(started))
            expected[title] = try Self.snapshot(site + "/expected-\(title.last!)")
        }
        #expect(expected["Edition A"] != expected["Edition B"])
        try Self.setTitle("Edition A", site: site)
        #expect(try Self.build(site: site, output: output) == 0)
        #expect(try Self.snapshot(output) == expected["Edition A"], "builds are not reproducible")

        // Seeded, and the seed printed: BRIEFING_SEED=<seed> replays a failing run's kill times.
        let seed = ProcessInfo.processInfo.environment["BRIEFING_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        print("killedBuildsLeaveTheOldOutputOrTheNewOne: BRIEFING_SEED=\(seed)")
        var generator = SeededGenerator(seed: seed)
        var current = "Edition A"
        var killed = 0
        for round in 0..<8 {
            let next = current == "Edition A" ? "Edition B" : "Edition A"
            try Self.setTitle(next, site: site)
            // From the start of the run to past its end, so that every phase can be hit.
            let delay = Double.random(in: 0.01...(duration * 1.2), using: &generator)
            let status = try Self.build(site: site, output: output, killAfter: delay)
            let found = try Self.snapshot(output)
            let intact = found == expected[current], replaced = found == expected[next]
            #expect(intact || replaced, "seed \(seed), round \(round): killed after \(delay) s (status \(status)): the output is neither build")
            if replaced { current = next }
            if status == SIGKILL { killed += 1 }
        }
        #expect(killed > 0, "no build was killed before it finished")
        try Self.setTitle("Edition B", site: site)
        #expect(try Self.build(site: site, output: output) == 0)
        #expect(try Self.snapshot(output) == expected["Edition B"])
        // The old output is removed by a process of its own after the build returns: give it time.
        var strays: [String] = []
        for _ in 0..<600 {
            strays = try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0 != "public" }
            if strays.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(strays.isEmpty, "left behind: \(strays)")
    }
}

/// SplitMix64: the same kill times for the same seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
