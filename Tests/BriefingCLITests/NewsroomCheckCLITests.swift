import Foundation
import Testing

/// `briefing check` with the newsroom's warnings, and `--strict`, as an editor runs them.
extension CLITests {
    @Test func checkPrintsNewsroomWarningsAndStrictFails() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        // The sample passes the strict check; with its quotes' sources taken away, check warns and build does not.
        let clean = try run(["check", "--strict"], in: site)
        #expect(clean.status == 0 && clean.stdout == "no errors\n" && clean.stderr.isEmpty)
        let briefing = site + "/Content/briefings/witkoff-kushner-meet-putin-in-moscow.md"
        try (try String(contentsOfFile: briefing, encoding: .utf8)).replacingOccurrences(of: "    source: article\n", with: "")
            .write(toFile: briefing, atomically: true, encoding: .utf8)
        let check = try run(["check"], in: site)
        #expect(check.status == 0)
        let warnings = check.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0.hasPrefix("Content/") })
        #expect(check.stderr.contains("Content/briefings/witkoff-kushner-meet-putin-in-moscow.md:17:11: warning: quote by 'donald-trump' has no source"))
        #expect(check.stdout.contains("no errors, \(warnings.count) warning(s)"))

        let strict = try run(["check", "--strict"], in: site)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains(": error: quote by 'donald-trump' has no source"))
        #expect(!strict.stderr.contains(": warning: "))
        #expect(strict.stderr.contains("\(warnings.count) errors"))

        let build = try run(["build"], in: site)
        #expect(build.status == 0)
        #expect(!build.stderr.contains("warning"))
    }

    @Test func checkWarnsAboutAFutureEventOnlyWithTheClock() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let timeline = site + "/Content/timeline.yaml"
        let text = try String(contentsOfFile: timeline, encoding: .utf8)
        try (text + "\n- date: 2999-01-01\n  title: \"Far future\"\n").write(toFile: timeline, atomically: true, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let check = try run(["check"], in: site)
        #expect(check.status == 0)
        #expect(check.stderr.contains("Content/timeline.yaml:\(lines + 1):9: warning: event 'Far future' is dated 2999-01-01"))
        let build = try run(["build"], in: site)
        #expect(build.status == 0)
        #expect(!build.stderr.contains("Far future"))
    }
}
