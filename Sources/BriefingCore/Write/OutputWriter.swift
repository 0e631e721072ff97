import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces the output folder as a whole: pages go into a sibling staging folder that is swapped
/// in only when everything was written. Refuses any output folder a build could lose data in.
public struct OutputWriter: Sendable {
    /// Marks a folder as written by Briefing, so a later build may replace it.
    public static let markerName = ".briefing-output"

    public let siteRoot: String
    public let output: String
    /// What becomes of the previous output once the new one is in place.
    public let oldOutput: OldOutputRemoval

    /// Both paths are made absolute and free of symlinks where they exist.
    public init(siteRoot: String, output: String, oldOutput: OldOutputRemoval = .now) {
        self.siteRoot = Self.canonical(siteRoot)
        self.output = Self.canonical(output)
        self.oldOutput = oldOutput
    }

    /// Writes every file of `plan` into a staging folder, on all cores, and swaps it in place of
    /// the output. Unless every file was written, the output is left as it was.
    func write(_ plan: RenderPlan, progress: BuildProgress? = nil) async throws(BuildFailure) -> WrittenOutput {
        var stages = StageClock(progress)
        let staging = try await prepare()
        var failures = await write(plan, into: staging, progress: progress)
        stages.done("render and write")
        if failures.isEmpty {
            do { try await staging.commit() } catch {
                failures.append(Diagnostic(SourceLocation(path: output), OutputProblem.cannotReplaceOutput(reason: "\(error)")))
            }
            stages.done("replace the output")
        }
        if !failures.isEmpty {
            await staging.discard()
            // The site is fine; the output folder could not be written.
            throw BuildFailure(failures, cause: .environment)
        }
        // The plan's files and the marker.
        return WrittenOutput(folder: output, files: plan.items.count + 1)
    }

    /// Writes every item of `plan` into `staging`, on all cores; returns what could not be written.
    private func write(_ plan: RenderPlan, into staging: Staging, progress: BuildProgress?) async -> [Diagnostic] {
        let opensFolder = Self.opensFolder(plan.items)
        // Small chunks: a site-wide file costs a thousand briefing pages.
        return await Parallel.map(Array(plan.items.indices), chunkSize: 8) { index -> Diagnostic? in
            let item = plan.items[index]
            defer { progress?.fileDone(of: plan.items.count) }
            do {
                if case .file(let path) = item.source, let file = plan.source.diskPath(of: path) {
                    try staging.copy(from: file, to: item.path)
                } else if case .generated(let make) = item.source {
                    try staging.write(to: item.path, opensFolder: opensFolder[index], make)
                } else {
                    try staging.write(plan.bytes(of: item), to: item.path, opensFolder: opensFolder[index])
                }
                return nil
            } catch {
                return Diagnostic(SourceLocation(path: item.path.rawValue), OutputProblem.cannotWriteFile(reason: "\(error)"))
            }
        }.compactMap { $0 }
    }

    /// For each item, whether it is the first of the plan to go into its folder (below the top):
    /// its folder is made before it is written, where others try the file first.
    static func opensFolder(_ items: [OutputItem]) -> [Bool] {
        var seen = Set<String>(minimumCapacity: items.count)
        return items.map { item in
            let folder = item.path.folder
            return !folder.isEmpty && seen.insert(folder).inserted
        }
    }

    /// Checks that the output folder may be replaced, then creates an empty staging folder.
    public func prepare() async throws(BuildFailure) -> Staging {
        try checkOutputChoice()
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        await removeStaleSiblings(parent: parent, name: name)
        let staging = "\(parent)/.\(name).staging-\(getpid())"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(atPath: staging)
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try Staging.writeBytes(Array("Written by briefing build; a later build replaces this folder.\n".utf8),
                                   to: "\(staging)/\(Self.markerName)")
        } catch {
            throw failure(.cannotCreateStaging(staging, reason: error.localizedDescription))
        }
        return Staging(path: staging, output: output, parent: parent, name: name, oldOutput: oldOutput)
    }

    /// The rules that keep a build from deleting what it did not write.
    public func checkOutputChoice() throws(BuildFailure) {
        let content = siteRoot + "/Content"
        let templates = siteRoot + "/Templates"
        if output == "/" || Self.isSameOrInside(siteRoot, output) {
            throw failure(.outputHoldsSite(output: output, suggested: "\(siteRoot)/public"))
        }
        for protected in [content, templates] where Self.isSameOrInside(output, protected) {
            throw failure(.outputInsideSite(protected: protected, suggested: "\(siteRoot)/public"))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDir) else { return }
        guard isDir.boolValue else {
            throw failure(.outputIsAFile(output))
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !entries.isEmpty && !entries.contains(Self.markerName) {
            throw failure(.outputNotOurs(output))
        }
    }

    /// A refusal or a failure of the output folder: the system's, not the site's.
    private func failure(_ problem: OutputProblem) -> BuildFailure {
        BuildFailure([Diagnostic(SourceLocation(path: output), problem)], cause: .environment)
    }

    /// Staging and old folders left by a build or a remover that was killed (they hold our
    /// marker); a folder a remover is still removing is left to it.
    private func removeStaleSiblings(parent: String, name: String) async {
        let fm = FileManager.default
        for entry in (try? fm.contentsOfDirectory(atPath: parent)) ?? [] {
            guard let leftover = LeftoverName(entry), leftover.output == name else { continue }
            if leftover.kind == .removing && leftover.processIsAlive { continue }
            let path = "\(parent)/\(entry)"
            // A build killed between creating its staging folder and writing the marker leaves
            // it empty: rmdir removes only an empty folder.
            guard fm.fileExists(atPath: "\(path)/\(Self.markerName)") else {
                rmdir(path)
                continue
            }
            // A swap interrupted between its two renames leaves only the old folder: put it back.
            if leftover.kind == .old, !fm.fileExists(atPath: output) {
                try? fm.moveItem(atPath: path, toPath: output)
            } else {
                await Staging.removeMarkedFolder(path)
            }
        }
    }

    static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// An absolute, standardized path with symlinks resolved in the part that exists.
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = (absolute as NSString).standardizingPath
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var resolved = existing
        if let real = realpath(existing, nil) {
            resolved = String(cString: real)
            free(real)
        }
        for part in rest { resolved = (resolved as NSString).appendingPathComponent(part) }
        return resolved
    }
}

/// What the write stage leaves: the output folder, replaced whole.
struct WrittenOutput: Sendable {
    let folder: String
    /// Files written, the output's marker included.
    let files: Int
}

/// The folder a build writes into before it replaces the output.
public struct Staging: Sendable {
    public let path: String
    let output: String
    let parent: String
    let name: String
    /// Makes page folders where ext4 allocates their files cheaply; nil where it cannot.
    let spreader: FolderSpreader?
    let oldOutput: OldOutputRemoval

    init(path: String, output: String, parent: String, name: String, oldOutput: OldOutputRemoval = .now) {
        self.path = path
        self.output = output
        self.parent = parent
        self.name = name
        self.oldOutput = oldOutput
        spreader = FolderSpreader(staging: path)
    }

    /// Writes one file, creating its folders when they are missing. The file is tried first: a
    /// second file of a page folder (a person's calendar) then costs no attempt to make the folder.
    /// A file that `opensFolder` has its folder made first instead: trying it first looked up a
    /// name its section folder does not hold yet, the slow way, waiting on the section's lock while
    /// another thread moved a page folder in.
    public func write(_ bytes: [UInt8], to file: OutputPath, opensFolder: Bool = false) throws {
        try write(to: file, opensFolder: opensFolder) { sink in sink.write(bytes) }
    }

    /// Writes `file` as `make` makes it, part by part (see `ByteSink`).
    func write(to file: OutputPath, opensFolder: Bool = false, _ make: (ByteSink) -> Void) throws {
        if opensFolder {
            try makeFolder(Substring(file.folder))
            return try Self.writeStreaming(to: "\(path)/\(file.rawValue)", make)
        }
        // The file is created before anything is made, so a missing folder costs nothing twice.
        do {
            try Self.writeStreaming(to: "\(path)/\(file.rawValue)", make)
        } catch let error as POSIXError where error.code == .ENOENT && !file.folder.isEmpty {
            try makeFolder(Substring(file.folder))
            try Self.writeStreaming(to: "\(path)/\(file.rawValue)", make)
        }
    }

    /// Creates a folder of the output (relative path) and those above it; folders below a section
    /// go through the spreader, which moves them into a parent made first when it is missing.
    private func makeFolder(_ folder: Substring) throws {
        guard let spreader, let slash = folder.lastIndex(of: "/") else {
            return try Self.makeFolder("\(path)/\(folder)")
        }
        let absolute = "\(path)/\(folder)"
        var placement = try spreader.place(absolute)
        if placement == .noParent {
            try makeFolder(folder[..<slash])
            placement = try spreader.place(absolute)
        }
        if placement != .placed { try Self.makeFolder(absolute) }
    }

    /// `mkdir -p` with one system call in the common case (the parent exists).
    static func makeFolder(_ folder: String) throws {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        try makeFolder((folder as NSString).deletingLastPathComponent)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    public func write(_ text: String, to file: OutputPath) throws {
        try write(Array(text.utf8), to: file)
    }

    /// Copies a file from the site into the output.
    public func copy(from source: String, to file: OutputPath) throws {
        if !file.folder.isEmpty { try makeFolder(Substring(file.folder)) }
        try FileManager.default.copyItem(atPath: source, toPath: "\(path)/\(file.rawValue)")
    }

    /// Swaps the staging folder in place of the output; the old output is removed last (or
    /// handed over, see `OldOutputRemoval`).
    /// Where the system can, the swap is one atomic exchange of the two folders, so a build
    /// killed at any moment leaves either the old output or the new one in place.
    public func commit() async throws {
        await spreader?.finish()
        let fm = FileManager.default
        if fm.fileExists(atPath: output) {
            if Self.exchange(path, output) {
                // The old output is now at the staging path, marker and all.
                await oldOutput.remove(path, parent: parent, name: name)
                return
            }
            let old = "\(parent)/.\(name).old-\(getpid())"
            try? fm.removeItem(atPath: old)
            try fm.moveItem(atPath: output, toPath: old)
            do {
                try fm.moveItem(atPath: path, toPath: output)
            } catch {
                try? fm.moveItem(atPath: old, toPath: output)
                throw error
            }
            await oldOutput.remove(old, parent: parent, name: name)
        } else {
            try fm.moveItem(atPath: path, toPath: output)
        }
    }

    /// Removes the staging folder after a failure; the output is untouched.
    public func discard() async {
        await Self.removeMarkedFolder(path)
    }

    /// Removes a folder written by a build, its marker last: a removal cut short by a kill leaves
    /// the marker, so the next build recognises the rest as its own and removes it.
    static func removeMarkedFolder(_ folder: String) async {
        await FolderRemoval.removeContents(of: folder, keeping: OutputWriter.markerName)
        // The marker, and anything the removal could not take, last.
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Atomically exchanges two paths (`RENAME_EXCHANGE`); false where unsupported.
    static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 = FileSystemCalls.renameat2 else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, FileSystemCalls.renameExchange) == 0
    }

    static func writeBytes(_ bytes: [UInt8], to path: String) throws {
        try writeStreaming(to: path) { sink in sink.write(bytes) }
    }

    /// Creates the file at `path` and lets `make` write it part by part.
    static func writeStreaming(to path: String, _ make: (ByteSink) -> Void) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let sink = ByteSink(descriptor: fd)
        make(sink)
        if let failure = sink.failure { throw failure }
    }
}
