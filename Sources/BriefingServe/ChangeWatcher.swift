import Foundation

/// Notices changes under the site's `Content/` and `Templates/` by comparing snapshots of
/// every file's size and modification time (portable, and cheap at site sizes).
struct ChangeWatcher: Sendable {
    let siteRoot: String
    let folders = ["Content", "Templates"]

    struct Stamp: Equatable, Sendable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    /// Every file with its stamp, keyed by site-relative path.
    func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            let base = siteRoot + "/" + folder
            guard let enumerator = FileManager.default.enumerator(atPath: base) else { continue }
            while let relative = enumerator.nextObject() as? String {
                var info = stat()
                guard lstat(base + "/" + relative, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR else { continue }
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                stamps[folder + "/" + relative] = Stamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
            }
        }
        return stamps
    }

    /// Whether a changed path can matter to a build: editors' hidden, swap and backup files cannot.
    static func isContent(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") && !name.hasSuffix(".swx")
            && !name.hasPrefix("#")
    }

    /// Paths that appeared, disappeared or changed between two snapshots.
    static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> Set<String> {
        var changed = Set<String>()
        for (path, stamp) in new where old[path] != stamp { changed.insert(path) }
        for path in old.keys where new[path] == nil { changed.insert(path) }
        return changed
    }
}
