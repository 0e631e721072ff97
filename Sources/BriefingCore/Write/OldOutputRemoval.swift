import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What becomes of the previous output once the new one has taken its place.
///
/// Removing it is most of what a rebuild costs beyond a build into a new folder: at 10,000
/// briefings, 18,000 files and 16,000 folders whose freed blocks the disk trims one by one (about
/// a second, nearly all of it waiting). A program that ends right after the build need not wait
/// for that: the CLI hands the old folder to a detached process of its own, which removes it
/// after the build has returned. Until it is gone it sits hidden beside the output, marked as
/// ours; a remover that is killed leaves it marked, and the next build removes it
/// (`OutputWriter.removeStaleSiblings`).
public enum OldOutputRemoval: Sendable {
    /// Removed before the build returns: for a process that goes on (`serve`, tests).
    case now
    /// Handed to `command` with the folder as its last argument, started in a session of its own
    /// (the CLI: `briefing remove-old-output`); removed now when it cannot be started.
    case detached(command: [String])

    /// Removes `folder`, the old output (named `.NAME.staging-PID` after an exchange, or
    /// `.NAME.old-PID` after a two-step swap), or hands it over.
    func remove(_ folder: String, parent: String, name: String) async {
        if case .detached(let command) = self {
            // The remover renames it as its own first; a name of the handover keeps the next
            // build from taking it for a swap that was cut short.
            let handedOver = "\(parent)/.\(name).old-\(getpid())-\(Self.handoverSuffix)"
            if rename(folder, handedOver) == 0 {
                if Self.spawnDetached(command + [handedOver]) { return }
                return await Staging.removeMarkedFolder(handedOver)
            }
        }
        await Staging.removeMarkedFolder(folder)
    }

    /// Ends the name of an old output that was handed over: never put back in place.
    static let handoverSuffix = "done"

    /// The work of the detached remover: removes `folder` if it is an old output a build handed
    /// over (its name says so and it holds the output marker); returns a reason to refuse otherwise.
    /// It renames the folder `.NAME.removing-PID` first, so a build starting meanwhile leaves it
    /// to this process rather than waiting to remove it too.
    public static func removeHandedOver(_ folder: String) async -> String? {
        let parent = (folder as NSString).deletingLastPathComponent
        let entry = (folder as NSString).lastPathComponent
        guard let name = LeftoverName(entry), name.kind == .handedOver else {
            return "\(folder) is not an old output handed over by a build"
        }
        guard FileManager.default.fileExists(atPath: "\(folder)/\(OutputWriter.markerName)") else {
            return "\(folder) holds no \(OutputWriter.markerName) marker"
        }
        let mine = "\(parent)/.\(name.output).removing-\(getpid())"
        let target = rename(folder, mine) == 0 ? mine : folder
        await Staging.removeMarkedFolder(target)
        return nil
    }

    /// Starts `arguments` (the program first) in a session of its own, its standard files on
    /// /dev/null, and does not wait for it.
    static func spawnDetached(_ arguments: [String]) -> Bool {
        #if os(Linux)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc): away from the terminal's signals, such as a later Ctrl-C.
        posix_spawnattr_setflags(&attributes, 0x80)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var pid = pid_t()
        return posix_spawn(&pid, arguments[0], &actions, &attributes, cArguments, environ) == 0
        #else
        return false
        #endif
    }
}

/// The name of a folder a build leaves beside the output `NAME`: `.NAME.staging-PID` (being
/// written, or the old output after an exchange), `.NAME.old-PID` (the old output during a
/// two-step swap), `.NAME.old-PID-done` (handed to a remover) or `.NAME.removing-PID` (being
/// removed by process PID).
struct LeftoverName: Equatable {
    enum Kind { case staging, old, handedOver, removing }

    let output: String
    let kind: Kind
    let pid: pid_t

    init(output: String, kind: Kind, pid: pid_t) {
        self.output = output
        self.kind = kind
        self.pid = pid
    }

    init?(_ entry: String) {
        guard entry.hasPrefix(".") else { return nil }
        let kinds: [(String, Kind)] = [(".staging-", .staging), (".old-", .old), (".removing-", .removing)]
        for (marker, kind) in kinds {
            guard let range = entry.range(of: marker, options: .backwards) else { continue }
            var number = entry[range.upperBound...]
            var found = kind
            if kind == .old, number.hasSuffix("-" + OldOutputRemoval.handoverSuffix) {
                number = number.dropLast(OldOutputRemoval.handoverSuffix.count + 1)
                found = .handedOver
            }
            guard let pid = pid_t(number), pid > 0 else { return nil }
            output = String(entry[entry.index(after: entry.startIndex)..<range.lowerBound])
            self.kind = found
            self.pid = pid
            return
        }
        return nil
    }

    /// Whether process `pid` still runs (a remover at work).
    var processIsAlive: Bool { kill(pid, 0) == 0 || errno == EPERM }
}
