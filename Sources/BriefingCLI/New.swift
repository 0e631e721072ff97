import ArgumentParser
import BriefingCore
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a briefing, a person or an event with valid front matter.",
        subcommands: [NewBriefing.self, NewPerson.self, NewEvent.self])
}

/// Prints the created path, or the error, the same way every `new` command does.
enum ScaffoldOutcome {
    static func report(_ make: () throws(BuildFailure) -> String) throws {
        do {
            print(try make())
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.code(for: error)
        }
    }

    /// Today's date, for a new briefing without `--date`.
    static var today: String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

struct NewBriefing: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "briefing", abstract: "Create Content/briefings/<slug>.md.")
    @Option(name: .long, help: "The site folder.") var site: String = "."
    @Option(name: .long, help: "Publication date (default: today).") var date: String?
    @Option(name: .long, help: "The file name, without .md (default: made from the title, in any script).") var slug: String?
    @Argument(help: "The title; the file name is made from it.") var title: String

    func run() throws {
        try ScaffoldOutcome.report { () throws(BuildFailure) in
            try Scaffold(siteRoot: site).newBriefing(title: title, date: date ?? ScaffoldOutcome.today, slug: slug)
        }
    }
}

struct NewPerson: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "person", abstract: "Create Content/people/<slug>.md.")
    @Option(name: .long, help: "The site folder.") var site: String = "."
    @Option(name: .long, help: "The file name, without .md (default: made from the name, in any script).") var slug: String?
    @Argument(help: "The person's full name; the file name is made from it.") var name: String

    func run() throws {
        try ScaffoldOutcome.report { () throws(BuildFailure) in try Scaffold(siteRoot: site).newPerson(name: name, slug: slug) }
    }
}

struct NewEvent: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "Add an event to a briefing's events, or to Content/timeline.yaml.")
    @Option(name: .long, help: "The site folder.") var site: String = "."
    @Option(name: .long, help: "The slug of the briefing that reports it (default: timeline.yaml).") var briefing: String?
    @Option(name: .long, help: "When it happened: 2025, 2025-12, 2025-12-02 or a date-time.") var date: String
    @Option(name: .long, help: "The event's id, for links (event:<id>) and its anchor (default: made from the title).") var id: String?
    @Argument(help: "What happened.") var title: String

    func run() throws {
        try ScaffoldOutcome.report { () throws(BuildFailure) in
            try Scaffold(siteRoot: site).newEvent(title: title, date: date, briefing: briefing, id: id)
        }
    }
}
