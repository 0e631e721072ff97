/// One problem found in a site, with where it is and, when one helps, a hint.
public struct Diagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public var hint: String?

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil, severity: Severity = .error) {
        self.location = location
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    /// `path:line:col: error: message`, then `hint: …` on its own line when there is one.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.message) < (b.location, b.message)
    }
}

/// A single diagnostic is also an error (for results that fail one file at a time).
extension Diagnostic: Error {}

/// Thrown when a stage found problems; carries all of them, sorted by place.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    /// What went wrong, for the exit code of the command line.
    public var cause: Cause

    /// `content`: the site's files have errors. `usage`: a value given on the command line
    /// cannot be used. `environment`: neither is at fault, but the system refused or something is
    /// in the way (a folder that cannot be written, a file that already exists).
    public enum Cause: Sendable { case content, usage, environment }

    public init(_ diagnostics: [Diagnostic], cause: Cause = .content) {
        self.diagnostics = diagnostics.sorted()
        self.cause = cause
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
