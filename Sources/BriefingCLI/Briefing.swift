import ArgumentParser
import BriefingCore
import Foundation

@main
struct Briefing: AsyncParsableCommand {
    static func main() async {
        MemoryPolicy.apply()
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            // A wrong command line exits with 2, as with most Unix tools (argument-parser's own
            // code would be 64); help, --version and completion scripts keep theirs (0).
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "briefing",
        abstract: "Build a static site of event briefings from Markdown, people and timeline files.",
        version: Version.text,
        subcommands: [Init.self, Build.self, Check.self, Serve.self, New.self, RemoveOldOutput.self]
    )
}

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder, holding Content/ and Templates/.")
    var site: String = "."

    @Flag(name: .long, help: "Include briefings with status: draft.")
    var drafts = false
}
