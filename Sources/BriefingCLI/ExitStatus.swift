import ArgumentParser
import BriefingCore

/// The exit codes of every command:
///
/// - 0: done;
/// - 1: the site has errors (content or templates), listed above;
/// - 2: the command line is wrong (an unknown option, a missing argument, a value that cannot be used);
/// - 3: neither is at fault, but the system refused or something is in the way: a folder that
///   cannot be written, an output folder not written by Briefing, a file that already exists,
///   a busy port.
enum ExitStatus {
    static let contentErrors = ExitCode(1)
    static let usage = ExitCode(2)
    static let environment = ExitCode(3)

    static func code(for failure: BuildFailure) -> ExitCode {
        switch failure.cause {
        case .content:
            // Errors located at an option (`--base-url:1:1: error: invalid --base-url ...`) are
            // the command line's, found while reading the site.
            let errors = failure.diagnostics.filter { $0.severity == .error }
            return !errors.isEmpty && errors.allSatisfy({ $0.location.path.hasPrefix("--") }) ? usage : contentErrors
        case .usage: return usage
        case .environment: return environment
        }
    }
}
