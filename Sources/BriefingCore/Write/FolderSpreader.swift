import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Creates a build's page folders so that ext2/3/4 spreads them over its block groups, cheaply.
///
/// A build usually follows the removal of the previous output (by `rm -rf`, or by the build
/// before). Without a journal, ext4 skips, one lookup each, every inode freed in the last minutes
/// of the block group it allocates in, and it puts a new folder's subfolders in the block group of
/// the folder just removed: creating 25,000 files there cost 8 to 20 s of system time at 10,000
/// briefings. A folder marked top folder (`chattr +T`, `FS_TOPDIR_FL`) has its subfolders spread
/// instead, each over the emptiest block groups, but that search reads every group's descriptor,
/// once per folder (about 1 s at 10,000 briefings).
///
/// So each page folder is created in a bin, a folder of `.spread/` (itself a top folder), and then
/// renamed into place; a file goes to the block group of its folder wherever that folder is
/// renamed to. A bin holds `foldersPerBin` folders: the whole-disk search runs once per bin, and a
/// block group meets few recently freed inodes. ext4 starts that search at a hash of the bin's
/// name, so bins are named anew for each build: with fixed names every bin would return to the
/// block group its namesake filled in the build before. At 10,000 briefings the search went from
/// about a CPU second to a tenth, and the build's system time from 3.0–4.1 s to 2.4–3.3 s
/// (alternating runs, README "Performance").
/// Each thread fills bins of its own: two threads making folders in one bin wait on its lock, and
/// the kernel spins while they wait (a tenth of a CPU second at 10,000 briefings).
/// Where the attribute or `renameat2` is missing, there is no spreader and folders are made in place.
final class FolderSpreader: Sendable {
    /// Few enough that a bin's block group stays nearly fresh, enough that the search for it is rare.
    static let foldersPerBin = 16
    static let rootName = ".spread"

    /// The top folder holding the bins.
    let root: String
    /// Begins each bin's name: new for each build.
    private let binPrefix = String(UInt32.random(in: 0...UInt32.max), radix: 36)
    private let bins = Mutex(Bins())
    /// Removes full bins off the workers (`DiskWork`): a removal can wait on the disk (a file
    /// system mounted with `discard` trims the freed block before `rmdir` returns), and a worker
    /// waiting leaves its core idle. A bin is first moved into `removed` and taken away there,
    /// since a folder's parent stays locked while it is removed, and workers make new bins in the root.
    private let remover = DiskWork.Queue(label: "briefing.spreader.remover")
    private var removed: String { "\(root)/.removed" }

    /// Bins handed out so far, and the one each thread is filling with how many folders it holds.
    private struct Bins {
        var count = 0
        var filling: [UInt: (bin: Int, folders: Int)] = [:]

        /// The bin for the calling thread's next folder, and the folder's number in it.
        mutating func next(for thread: UInt) -> (bin: Int, folder: Int) {
            var current = filling[thread] ?? (bin: -1, folders: FolderSpreader.foldersPerBin)
            if current.folders == FolderSpreader.foldersPerBin {
                current = (count, 0)
                count += 1
            }
            current.folders += 1
            filling[thread] = current
            return (current.bin, current.folders - 1)
        }
    }

    /// A spreader in `staging`; nil where the file system cannot spread folders.
    init?(staging: String) {
        root = "\(staging)/\(Self.rootName)"
        guard FileSystemCalls.renameat2 != nil, mkdir(root, 0o755) == 0 else { return nil }
        guard Self.markAsTopFolder(root), mkdir(removed, 0o755) == 0 else {
            rmdir(root)
            return nil
        }
    }

    /// How creating a folder through a bin went.
    enum Placement {
        /// The folder now exists at its path, made by this call or before it.
        case placed
        /// Its parent folder does not exist yet.
        case noParent
        /// The file system refused the move (a rename flag it lacks, say): make the folder in place.
        case refused
    }

    /// Creates `folder` (an absolute path whose parent should exist) through a bin.
    func place(_ folder: String) throws -> Placement {
        let (number, slot) = bins.withLock { $0.next(for: UInt(bitPattern: Int(bitPattern: pthread_self()))) }
        let bin = "\(root)/\(binPrefix)-\(number)"
        let made = "\(bin)/\(slot)"
        // A bin is removed once full, its folders all moved out by then: removing every bin at the
        // end kept one core busy alone while the other waited.
        defer {
            if slot == Self.foldersPerBin - 1 {
                let aside = "\(removed)/\(number)"
                remover.add { FolderRemoval.removeEmpty(bin, through: aside) }
            }
        }
        // The first folder of a bin makes the bin.
        if slot == 0, mkdir(bin, 0o755) != 0, errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if mkdir(made, 0o755) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if FileSystemCalls.renameat2!(AT_FDCWD, made, AT_FDCWD, folder, FileSystemCalls.renameNoReplace) == 0 {
            return .placed
        }
        let failure = errno
        rmdir(made)
        switch failure {
        case EEXIST: return .placed
        case ENOENT: return .noParent
        default: return .refused
        }
    }

    /// Returns once the full bins handed to the remover are gone.
    func waitForRemovals() async {
        await remover.finished()
    }

    /// Removes the bins still being filled, empty by now, and their root; whatever a failed move
    /// left in a bin goes too, so that nothing of them reaches the output.
    func finish() async {
        await waitForRemovals()
        let unfilled = bins.withLock { $0.filling.values.map(\.bin) }
        for bin in unfilled { rmdir("\(root)/\(binPrefix)-\(bin)") }
        rmdir(removed)
        if rmdir(root) != 0 { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Whether `folder` has the top-folder attribute; nil where the file system has no such flags.
    static func isTopFolder(_ folder: String) -> Bool? {
        withFlags(of: folder) { _, flags in flags & topFolderFlag != 0 }
    }

    /// Sets the top-folder attribute; false where the file system does not keep it.
    static func markAsTopFolder(_ folder: String) -> Bool {
        let set = withFlags(of: folder) { descriptor, flags in
            var flags = flags | topFolderFlag
            return ioctl(descriptor, setFlags, &flags) == 0
        }
        return set == true && isTopFolder(folder) == true
    }

    /// `body` given an open descriptor of `folder` and its file flags; nil where it has none.
    private static func withFlags<T>(of folder: String, _ body: (Int32, Int32) -> T) -> T? {
        #if os(Linux)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var flags: Int32 = 0
        guard ioctl(descriptor, getFlags, &flags) == 0 else { return nil }
        return body(descriptor, flags)
        #else
        return nil
        #endif
    }

    /// FS_IOC_GETFLAGS and FS_IOC_SETFLAGS (the kernel reads and writes an int), and FS_TOPDIR_FL.
    private static let getFlags: UInt = 0x8008_6601, setFlags: UInt = 0x4008_6602
    private static let topFolderFlag: Int32 = 0x0002_0000
}

/// Linux calls that Glibc's module map does not export, looked up at run time.
enum FileSystemCalls {
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// `RENAME_NOREPLACE`: fail with EEXIST rather than replace the target.
    static let renameNoReplace: UInt32 = 1 << 0
    /// `RENAME_EXCHANGE`: swap the two paths atomically.
    static let renameExchange: UInt32 = 1 << 1
}
