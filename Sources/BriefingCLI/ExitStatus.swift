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
        case .content: contentErrors
        case .usage: usage
        case .environment: environment
        }
    }
}
