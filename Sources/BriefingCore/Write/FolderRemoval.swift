import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes a whole folder tree with several threads at once (`DiskWork` lanes).
///
/// Removing is mostly waiting: on a file system mounted with `discard` (this project's machine),
/// each freed block is trimmed before `unlink` or `rmdir` returns. One thread removing the
/// previous output of 10,000 briefings waited about 1.8 s, one block after another; threads that
/// wait at the same time overlap those waits. A folder is removed while its parent is locked, so
/// folders of one parent would still be removed one at a time: each thread first moves its
/// folders into a bin of its own, then removes them there.
enum FolderRemoval {
    /// Threads removing at once: waits, not work, so more than the cores.
    static let threads = 8

    /// Removes everything under `folder` except the top-level entry `kept` (removed last by the
    /// caller, see `Staging.removeMarkedFolder`); best effort, like `rm -rf`.
    static func removeContents(of folder: String, keeping kept: String) async {
        var files: [String] = []
        var leaves: [String] = []
        var inner: [String] = []
        walk(folder, depth: 0, kept: kept, files: &files, leaves: &leaves, inner: &inner)
        let (allFiles, allLeaves) = (files, leaves)
        await DiskWork.lanes(threads) { lane in
            for index in stride(from: lane, to: allFiles.count, by: threads) { unlink(allFiles[index]) }
        }
        let bins = (0..<threads).map { "\(folder)/.removing-\($0)" }
        await DiskWork.lanes(threads) { lane in
            guard mkdir(bins[lane], 0o700) == 0 else {
                for index in stride(from: lane, to: allLeaves.count, by: threads) { rmdir(allLeaves[index]) }
                return
            }
            for index in stride(from: lane, to: allLeaves.count, by: threads) {
                removeEmpty(allLeaves[index], through: "\(bins[lane])/\(index)")
            }
            rmdir(bins[lane])
        }
        // Deepest first, so that each is empty when its turn comes.
        for path in inner.reversed() { rmdir(path) }
    }

    /// Removes the empty `folder` after moving it to `aside` (in another parent), so that its parent
    /// is locked only for the move while the removal waits on the disk; in place if it cannot move.
    static func removeEmpty(_ folder: String, through aside: String) {
        if rename(folder, aside) == 0 { rmdir(aside) } else { rmdir(folder) }
    }

    /// Collects files, folders without subfolders (`leaves`) and the others (`inner`, parents
    /// before children); symlinks are files here (removed, never followed).
    private static func walk(_ folder: String, depth: Int, kept: String, files: inout [String],
                             leaves: inout [String], inner: inout [String]) {
        guard let entries = FolderListing.entries(of: folder) else { return }
        var subfolders: [String] = []
        for (name, kind) in entries where !(depth == 0 && name == kept) {
            let path = "\(folder)/\(name)"
            if kind == .folder { subfolders.append(path) } else { files.append(path) }
        }
        guard depth > 0 else {
            for path in subfolders { walk(path, depth: 1, kept: kept, files: &files, leaves: &leaves, inner: &inner) }
            return
        }
        if subfolders.isEmpty {
            leaves.append(folder)
        } else {
            inner.append(folder)
            for path in subfolders { walk(path, depth: depth + 1, kept: kept, files: &files, leaves: &leaves, inner: &inner) }
        }
    }
}
