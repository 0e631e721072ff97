/// A problem as data: an enum whose cases carry what was found (the key, the kind of value, the
/// names that exist), worded by one function, so that a phrase is written once and tests can
/// reach every case. `Diagnostic(location, problem)` turns one into the printed line and hint.
protocol Problem {
    /// The message and the hint an editor reads.
    var wording: Wording { get }
}

/// What a problem says: the message after `error:`, and a hint when one helps.
struct Wording: Equatable {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

extension Diagnostic {
    init(_ location: SourceLocation, _ problem: some Problem, severity: Severity = .error) {
        let wording = problem.wording
        self.init(location, wording.message, hint: wording.hint, severity: severity)
    }
}
