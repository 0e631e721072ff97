import BriefingCore
import Foundation

/// Prints diagnostics to standard error, one `path:line:col: error: message` line each.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.sorted() {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }

    /// The closing count: `2 errors, 1 warning; nothing was written`.
    static func printSummary(_ failure: BuildFailure, action: String) {
        let errors = failure.errorCount
        let warnings = failure.diagnostics.count - errors
        var line = "\(errors) error\(errors == 1 ? "" : "s")"
        if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
        line += action == "build" ? "; the output folder was left as it was" : ""
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
