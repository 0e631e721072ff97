import Foundation
import Testing

/// The manners of the command line: version, exit codes, quiet and verbose output, colours.
@Suite struct CommandLineTests {
    /// The release number written in Sources/BriefingCLI/Version.swift.
    static let versionNumber: String = {
        let source = (try? String(contentsOfFile: CLITests.repository + "/Sources/BriefingCLI/Version.swift", encoding: .utf8)) ?? ""
        return source.firstMatch(of: /static let number = "([^"]+)"/).map { String($0.1) } ?? "?"
    }()

    @Test func versionNamesTheReleaseAndTheCommitWhenKnown() throws {
        let result = try BinaryRunner.run(["--version"], in: "/")
        #expect(result.status == 0)
        #expect(Self.versionNumber.wholeMatch(of: /\d+\.\d+\.\d+/) != nil, "\(Self.versionNumber)")
        // A plain `swift build` knows no commit; `make` (release) adds it: briefing 0.9.0 (24c4a28).
        let line = result.stdout
        #expect(line == "briefing \(Self.versionNumber)\n"
                    || line.wholeMatch(of: /briefing \d+\.\d+\.\d+ \([0-9a-f]{7,}(-dirty)?\)\n/) != nil, "\(line)")
        #expect(line.hasPrefix("briefing \(Self.versionNumber)"))
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let result = try BinaryRunner.run(["--generate-completion-script", shell], in: "/")
        #expect(result.status == 0)
        for word in ["init", "build", "check", "serve", "new"] {
            #expect(result.stdout.contains(word), "\(shell) completion lacks \(word)")
        }
    }
}
