import Foundation

/// Where the files of a site are read from: its folder on disk (`DiskSite`, every build), or a
/// map of paths to bytes (`InMemorySite`: tests and fuzzing run the whole pipeline without
/// touching the disk). Paths are relative to the site folder, e.g. `Content/site.yaml`.
protocol SiteSource: Sendable {
    /// The site folder; for a site in memory, a name that is no folder.
    var root: String { get }
    /// Whether `path` is a file or a folder once symlinks are followed; nil when nothing is there.
    func kind(of path: String) -> FolderListing.Kind?
    /// The diagnostic for a path that leads outside the site or nowhere (a symlink), nil when it may be read.
    func problem(_ path: String) -> Diagnostic?
    /// The entries of a folder, symlinks not followed; nil when it cannot be read.
    func entries(of folder: String) -> [(name: String, kind: FolderListing.Kind)]?
    /// Every file and folder below `folder`, relative to it; empty when there are none.
    func subpaths(of folder: String) -> [String]
    /// The files a build copies from `folder`, relative to it, sorted (see `SiteFiles.files(under:diagnostics:)`).
    func files(under folder: String, diagnostics: inout [Diagnostic]) -> [String]
    /// The bytes of a file; nil when it cannot be read.
    func contents(of path: String) -> Data?
    /// Where the file is on disk, to copy it as it is; nil when it is not on disk.
    func diskPath(of path: String) -> String?
    /// Tells the source that these files will be read soon.
    func prefetch(_ paths: [String])
}

/// A site folder on disk. Symlinks are followed only when they lead to a file inside it.
struct DiskSite: SiteSource {
    let root: String
    private let siteFiles: SiteFiles

    init(root: String) {
        self.root = root
        siteFiles = SiteFiles(root: root)
    }

    private func absolute(_ path: String) -> String { root + "/" + path }

    func kind(of path: String) -> FolderListing.Kind? {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: absolute(path), isDirectory: &isFolder) else { return nil }
        return isFolder.boolValue ? .folder : .file
    }

    func problem(_ path: String) -> Diagnostic? { siteFiles.problem(path) }

    func entries(of folder: String) -> [(name: String, kind: FolderListing.Kind)]? {
        FolderListing.entries(of: absolute(folder))
    }

    func subpaths(of folder: String) -> [String] { FileManager.default.subpathsOrEmpty(atPath: absolute(folder)) }

    func files(under folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        siteFiles.files(under: folder, diagnostics: &diagnostics)
    }

    func contents(of path: String) -> Data? { FileManager.default.contents(atPath: absolute(path)) }

    func diskPath(of path: String) -> String? { absolute(path) }

    func prefetch(_ paths: [String]) { ContentLoader.prefetch(paths.map(absolute)) }
}

/// A site held in memory as `[path: bytes]` (paths relative to the site folder, `/` between
/// folders): the same pipeline as a build on disk, with no file system and no symlinks.
public struct InMemorySite: Sendable, SiteSource {
    public let root: String
    private var files: [String: Data]
    /// Each folder's entries (the site folder is ""), sorted by name.
    private var folders: [String: [(name: String, kind: FolderListing.Kind)]]

    /// A site of `files`, keyed by site-relative path (`Content/briefings/x.md`).
    public init(_ files: [String: [UInt8]], name: String = "(in memory)") {
        var data: [String: Data] = [:]
        data.reserveCapacity(files.count)
        for (path, bytes) in files { data[Self.normalized(path)] = Data(bytes) }
        self.init(data: data, name: name)
    }

    /// A site of texts, keyed by site-relative path.
    public init(texts: [String: String], name: String = "(in memory)") {
        var data: [String: Data] = [:]
        data.reserveCapacity(texts.count)
        for (path, text) in texts { data[Self.normalized(path)] = Data(text.utf8) }
        self.init(data: data, name: name)
    }

    private init(data: [String: Data], name: String) {
        root = name
        // Every folder on the way to a file; a path that is both a file and a folder stays a
        // folder (no disk could hold both).
        var folderPaths: Set<String> = [""]
        for path in data.keys {
            var folder = ""
            for part in path.split(separator: "/").dropLast() {
                folder = folder.isEmpty ? String(part) : folder + "/" + part
                folderPaths.insert(folder)
            }
        }
        files = data.filter { !$0.key.isEmpty && !folderPaths.contains($0.key) }
        var folders: [String: [String: FolderListing.Kind]] = [:]
        for folder in folderPaths { folders[folder] = [:] }
        func add(_ path: String, _ kind: FolderListing.Kind) {
            let (parent, name) = Self.split(path)
            folders[parent]?[name] = kind
        }
        for folder in folderPaths where !folder.isEmpty { add(folder, .folder) }
        for path in files.keys { add(path, .file) }
        self.folders = folders.mapValues { entries in entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }

    /// The folder holding `path` ("" for the site folder) and its name.
    private static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[..<slash]), String(path[path.index(after: slash)...]))
    }

    /// `a//b/` is `a/b`.
    private static func normalized(_ path: String) -> String {
        path.split(separator: "/").joined(separator: "/")
    }

    /// The site's files with `changes` applied, a nil value removing the file. Only the folders
    /// on the way to a changed file are indexed again, so a small change of a large site is cheap
    /// (the fuzz target makes one site per input this way).
    public func replacing(_ changes: [String: [UInt8]?]) -> InMemorySite {
        var site = self
        for (path, bytes) in changes { site.set(Self.normalized(path), bytes.map { Data($0) }) }
        return site
    }

    private mutating func set(_ path: String, _ data: Data?) {
        // A folder stays a folder, as in `init`.
        guard !path.isEmpty, folders[path] == nil else { return }
        let (parent, name) = Self.split(path)
        guard let data else {
            if files.removeValue(forKey: path) != nil { folders[parent]?.removeAll { $0.name == name } }
            return
        }
        if files.updateValue(data, forKey: path) != nil { return }
        var folder = ""
        for part in parent.split(separator: "/") {
            let child = folder.isEmpty ? String(part) : folder + "/" + part
            if folders[child] == nil {
                if files.removeValue(forKey: child) != nil { folders[folder]?.removeAll { $0.name == String(part) } }
                folders[child] = []
                Self.insert((String(part), .folder), into: &folders[folder, default: []])
            }
            folder = child
        }
        Self.insert((name, .file), into: &folders[parent, default: []])
    }

    private static func insert(_ entry: (name: String, kind: FolderListing.Kind),
                               into entries: inout [(name: String, kind: FolderListing.Kind)]) {
        let at = entries.firstIndex { $0.name > entry.name } ?? entries.endIndex
        entries.insert(entry, at: at)
    }

    /// Every file's path, sorted.
    public var paths: [String] { files.keys.sorted() }

    /// The bytes of the file at `path`, if there is one.
    public subscript(path: String) -> [UInt8]? { files[Self.normalized(path)].map { [UInt8]($0) } }

    func kind(of path: String) -> FolderListing.Kind? {
        if files[path] != nil { return .file }
        return folders[path] != nil ? .folder : nil
    }

    func problem(_ path: String) -> Diagnostic? { nil }

    func entries(of folder: String) -> [(name: String, kind: FolderListing.Kind)]? {
        folders[folder]
    }

    func subpaths(of folder: String) -> [String] {
        var found: [String] = []
        func walk(_ folder: String, prefix: String) {
            for (name, kind) in folders[folder] ?? [] {
                found.append(prefix + name)
                if kind == .folder { walk(folder.isEmpty ? name : folder + "/" + name, prefix: prefix + name + "/") }
            }
        }
        walk(folder, prefix: "")
        return found
    }

    func files(under folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        var found: [String] = []
        func walk(_ folder: String, prefix: String) {
            for (name, kind) in folders[folder] ?? [] where !name.hasPrefix(".") {
                if kind == .folder {
                    walk(folder.isEmpty ? name : folder + "/" + name, prefix: prefix + name + "/")
                } else {
                    found.append(prefix + name)
                }
            }
        }
        walk(folder, prefix: "")
        return found.sorted()
    }

    func contents(of path: String) -> Data? { files[path] }

    func diskPath(of path: String) -> String? { nil }

    func prefetch(_ paths: [String]) {}
}
