import ArgumentParser
import BriefingCore
import Foundation

/// Removes the previous output a build handed over once the new one was in place
/// (`OldOutputRemoval.detached`): started by `build` in a session of its own, so that the build
/// returns without waiting for the disk. Not for users: hidden from help.
struct RemoveOldOutput: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-old-output",
        abstract: "Remove an old output folder a build handed over (started by build itself).",
        shouldDisplay: false)

    /// How `build` starts it: this very program (whatever its path), then the folder.
    static let command = ["/proc/self/exe", configuration.commandName!]

    @Argument(help: "The folder, named .NAME.old-PID-done beside the output.")
    var folder: String

    func run() async throws {
        if let refusal = await OldOutputRemoval.removeHandedOver(folder) {
            DiagnosticPrinter.writeError("briefing remove-old-output: \(refusal)\n")
            throw ExitStatus.usage
        }
    }
}
