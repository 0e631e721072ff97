/// What `briefing --version` prints: `briefing 0.9.0`, with the commit when the program was built
/// by `make` from a git checkout: `briefing 0.9.0 (24c4a28)`, `(24c4a28-dirty)` with changes not
/// committed.
enum Version {
    /// The release. Raise it when a release is tagged.
    static let number = "0.9.0"

    static var text: String {
        "briefing \(number)" + (BuildCommit.commit.map { " (\($0))" } ?? "")
    }
}

/// The commit the program was built from, when known.
///
/// A plain `swift build` knows none: this default answers nil. `make` (Makefile, target `release`)
/// writes `BuildCommit+generated.swift` beside this file for the time of its build, with an
/// extension that answers the commit; a member of the type itself is chosen over the protocol's
/// default. No flag and no tool other than git is needed, and nothing tracked is changed.
enum BuildCommit: BuildCommitDefault {}

protocol BuildCommitDefault {
    static var commit: String? { get }
}

extension BuildCommitDefault {
    static var commit: String? { nil }
}
