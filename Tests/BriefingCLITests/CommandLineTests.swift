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

    /// A new site from `briefing init` in a temporary folder, changed by `edit`.
    func site(_ edit: (String) throws -> Void = { _ in }) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-manners-\(UUID().uuidString)").path
        #expect(try BinaryRunner.run(["init", folder], in: "/").status == 0)
        try edit(folder)
        return folder
    }

    func replace(_ old: String, with new: String, in path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "\(path) lacks \(old)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The site with an unknown person in its briefing: one content error.
    func brokenSite() throws -> String {
        try site { try replace("people: [ada-example]\ntopics", with: "people: [ada-exampel]\ntopics", in: $0 + "/Content/briefings/welcome.md") }
    }

    @Test func exitCodes() throws {
        let good = try site()
        let broken = try brokenSite()
        defer { for folder in [good, broken] { try? FileManager.default.removeItem(atPath: folder) } }
        func status(_ arguments: [String], in folder: String) throws -> Int32 {
            try BinaryRunner.run(arguments, in: folder).status
        }
        // 0: done.
        #expect(try status(["build"], in: good) == 0)
        #expect(try status(["check", "--strict"], in: good) == 0)
        // 1: the site has errors.
        #expect(try status(["build"], in: broken) == 1)
        #expect(try status(["check"], in: broken) == 1)
        // 2: the command line is wrong.
        #expect(try status(["build", "--bogus"], in: good) == 2)
        #expect(try status(["chek"], in: good) == 2)
        #expect(try status(["new", "briefing"], in: good) == 2)
        #expect(try status(["serve", "--port", "http"], in: good) == 2)
        #expect(try status(["build", "--quiet", "--verbose"], in: good) == 2)
        #expect(try status(["build", "--base-url", "not a url"], in: good) == 2)
        #expect(try status(["new", "briefing", "--date", "yesterday", "Talks"], in: good) == 2)
        #expect(try status(["new", "person", "--slug", "Not A Slug", "Someone"], in: good) == 2)
        // 3: the system refused, or something is in the way.
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: good + "/notes.txt"))
        #expect(try status(["build", "--output", good + "/notes.txt"], in: good) == 3)
        #expect(try status(["build", "--output", good + "/notes.txt/public"], in: good) == 3)
        #expect(try status(["build", "--output", "."], in: good) == 3)
        #expect(try status(["new", "person", "Ada Example"], in: good) == 3)
        #expect(try status(["init", good], in: "/") == 3)
        // Help and the version are answers, not failures.
        #expect(try status(["--help"], in: good) == 0)
        #expect(try status(["build", "--help"], in: good) == 0)
    }

    @Test func aTitleInAnyScriptMakesTheFileName() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try BinaryRunner.run(["new", "briefing", "Шойгу прибыл в Пекин"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Content/briefings/shoygu-pribyl-v-pekin.md\n")
        let person = try BinaryRunner.run(["new", "person", "Ван И", "--slug", "wang-yi"], in: folder)
        #expect(person.stdout == "Content/people/wang-yi.md\n")
        let emoji = try BinaryRunner.run(["new", "briefing", "🕊️🤝"], in: folder)
        #expect(emoji.status == 2)
        #expect(emoji.stderr.contains("error: cannot make a file name from the title '🕊️🤝'"), "\(emoji.stderr)")
        #expect(emoji.stderr.contains("hint: give one with --slug"))
    }

    @Test func quietPrintsOnlyErrors() throws {
        // Without a base_url, build and check warn.
        let folder = try site { try replace("\nbase_url:", with: "\n# base_url:", in: $0 + "/Content/site.yaml") }
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let loud = try BinaryRunner.run(["build"], in: folder)
        #expect(loud.status == 0)
        #expect(loud.stderr.contains("warning: no base_url"))
        #expect(loud.stdout.hasPrefix("built "))
        for command in [["build", "--quiet"], ["build", "-q"], ["check", "-q"]] {
            let quiet = try BinaryRunner.run(command, in: folder)
            #expect(quiet.status == 0)
            #expect(quiet.stdout.isEmpty && quiet.stderr.isEmpty, "\(command): \(quiet.stdout)\(quiet.stderr)")
        }
        let strict = try BinaryRunner.run(["check", "--strict", "-q"], in: folder)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("error: no base_url"), "\(strict.stderr)")

        let broken = try brokenSite()
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let failed = try BinaryRunner.run(["build", "-q"], in: broken)
        #expect(failed.status == 1)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr.contains("Content/briefings/welcome.md:"), "\(failed.stderr)")
        #expect(failed.stderr.contains("error: unknown person 'ada-exampel'"))
        #expect(failed.stderr.hasSuffix("the output folder was left as it was\n"))
    }

    @Test func verboseTellsTheTimeOfEachStage() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let build = try BinaryRunner.run(["build", "--verbose"], in: folder)
        #expect(build.status == 0)
        #expect(build.stdout.hasPrefix("built "))
        for stage in ["load", "templates", "resolve", "markdown", "page contexts", "render and write", "replace the output"] {
            let line = build.stderr.split(separator: "\n").first { $0.hasPrefix("  \(stage) ") }
            #expect(line?.wholeMatch(of: #/  [a-z ]+ +[0-9]+\.[0-9] ms/#) != nil, "\(stage) missing: \(build.stderr)")
        }
        let check = try BinaryRunner.run(["check", "-v"], in: folder)
        #expect(check.status == 0)
        #expect(check.stderr.contains("  newsroom checks "))
        #expect(check.stdout == "no errors\n")
    }

    @Test func colorsOnlyOnATerminalAndNeverWithNoColor() throws {
        let broken = try brokenSite()
        defer { try? FileManager.default.removeItem(atPath: broken) }
        let escape = "\u{1B}["
        let terminal = try BinaryRunner.run(["check"], in: broken, stderr: .terminal)
        #expect(terminal.status == 1)
        #expect(terminal.stderr.contains("\(escape)1;31merror\(escape)0m: unknown person 'ada-exampel'"), "\(terminal.stderr)")
        #expect(terminal.stderr.contains("\(escape)2m    hint: did you mean 'ada-example'?\(escape)0m"), "\(terminal.stderr)")
        // NO_COLOR set to anything but the empty string (https://no-color.org).
        let noColor = try BinaryRunner.run(["check"], in: broken, environment: ["NO_COLOR": "1"], stderr: .terminal)
        #expect(noColor.status == 1)
        #expect(noColor.stderr.contains("error: unknown person 'ada-exampel'"))
        #expect(!noColor.stderr.contains(escape), "\(noColor.stderr)")
        let empty = try BinaryRunner.run(["check"], in: broken, environment: ["NO_COLOR": ""], stderr: .terminal)
        #expect(empty.stderr.contains(escape))
        let dumb = try BinaryRunner.run(["check"], in: broken, environment: ["TERM": "dumb"], stderr: .terminal)
        #expect(!dumb.stderr.contains(escape))
        // Not a terminal: no escape codes, whatever the environment.
        for command in [["check"], ["build"], ["new", "briefing", "🕊️"], ["init", broken]] {
            let piped = try BinaryRunner.run(command, in: broken)
            #expect(piped.status != 0)
            #expect(piped.stderr.contains("error: "))
            #expect(!piped.stderr.contains(escape) && !piped.stdout.contains(escape), "\(command)")
        }
        // Warnings in yellow.
        try replace("\nbase_url:", with: "\n# base_url:", in: broken + "/Content/site.yaml")
        try replace("people: [ada-exampel]", with: "people: [ada-example]", in: broken + "/Content/briefings/welcome.md")
        let warned = try BinaryRunner.run(["build"], in: broken, stderr: .terminal)
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("\(escape)1;33mwarning\(escape)0m: no base_url"), "\(warned.stderr)")
    }

    @Test(.timeLimit(.minutes(2))) func serveVerboseAndQuiet() throws {
        let folder = try site()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let verbose = try BinaryRunner.start(["serve", "--port", "0", "--verbose"], in: folder)
        #expect(verbose.waitFor("(Ctrl-C to stop)"))
        let (status, stderr) = verbose.interrupt()
        #expect(status == 0)
        #expect(stderr.contains("built ") && stderr.contains(" files in memory in "), "\(stderr)")
        #expect(stderr.contains("serving ") && stderr.hasSuffix("stopped\n"), "\(stderr)")

        // A broken site: --quiet shows its errors, and nothing else.
        try replace("people: [ada-example]\ntopics", with: "people: [ada-exampel]\ntopics", in: folder + "/Content/briefings/welcome.md")
        let quiet = try BinaryRunner.start(["serve", "--port", "0", "--quiet"], in: folder)
        #expect(quiet.waitFor("nothing to serve until they are fixed"))
        let (quietStatus, quietErrors) = quiet.interrupt()
        #expect(quietStatus == 0)
        #expect(quietErrors.contains("error: unknown person 'ada-exampel'"), "\(quietErrors)")
        #expect(!quietErrors.contains("serving") && !quietErrors.contains("stopped"), "\(quietErrors)")
    }
}
