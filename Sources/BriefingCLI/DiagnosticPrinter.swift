import ArgumentParser
import BriefingCore
import Foundation

/// Prints diagnostics to standard error, one `path:line:col: error: message` line each; in colour
/// (error red, warning yellow, hint dim) only on a terminal and never with NO_COLOR set.
enum DiagnosticPrinter {
    /// Whether standard error gets colours: it is a terminal, NO_COLOR is unset or empty
    /// (https://no-color.org) and the terminal is not a dumb one.
    static let usesColor: Bool = {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDERR_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }()

    /// Prints `diagnostics` in order of place; with `quiet`, errors only.
    static func print(_ diagnostics: [Diagnostic], quiet: Bool = false) {
        var text = ""
        for diagnostic in diagnostics.sorted() where !quiet || diagnostic.severity == .error {
            text += format(diagnostic) + "\n"
        }
        if !text.isEmpty { writeError(text) }
    }

    /// `path:line:col: error: message`, and `    hint: …` on a line of its own.
    static func format(_ diagnostic: Diagnostic, color: Bool = usesColor) -> String {
        guard color else { return diagnostic.description }
        let severity = diagnostic.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
        var text = "\(diagnostic.location): \(severity): \(diagnostic.message)"
        if let hint = diagnostic.hint { text += "\n" + hintLine(hint) }
        return text
    }

    /// "error", red on a terminal, for messages that are not diagnostics.
    static var errorWord: String { usesColor ? paint("error", "1;31") : "error" }

    /// `    hint: …`, dim on a terminal.
    static func hintLine(_ hint: String) -> String {
        usesColor ? paint("    hint: \(hint)", "2") : "    hint: \(hint)"
    }

    /// `text` in an SGR style: 1;31 bold red, 1;33 bold yellow, 2 dim.
    static func paint(_ text: String, _ style: String) -> String {
        "\u{1B}[\(style)m\(text)\u{1B}[0m"
    }

    /// The closing count: `2 errors, 1 warning; nothing was written`.
    static func printSummary(_ failure: BuildFailure, action: String, quiet: Bool = false) {
        let errors = failure.errorCount
        let warnings = quiet ? 0 : failure.diagnostics.count - errors
        var line = "\(errors) error\(errors == 1 ? "" : "s")"
        if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        line += action == "build" ? "; the output folder was left as it was" : ""
        writeError(line + "\n")
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// How much a command tells: `--quiet`, `--verbose`.
struct OutputOptions: ParsableArguments {
    @Flag(name: [.short, .long], help: "Print only errors.")
    var quiet = false

    @Flag(name: [.short, .long], help: "Print more: how long each stage took, what was rebuilt.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    /// Tells the time of each stage on standard error, with `--verbose`.
    func stageReporter() -> (@Sendable (String, Duration) -> Void)? {
        guard verbose else { return nil }
        return { stage, took in
            let milliseconds = Double(took.components.seconds) * 1000 + Double(took.components.attoseconds) / 1e15
            let name = stage.padding(toLength: max(stage.count, 20), withPad: " ", startingAt: 0)
            DiagnosticPrinter.writeError("  \(name)\(String(format: "%8.1f", milliseconds)) ms\n")
        }
    }
}
