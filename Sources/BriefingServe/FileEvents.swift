import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Linux inotify over `Content/` and `Templates/` (every folder inside too), delivering the
/// site-relative paths that changed. An edit reaches the rebuild in a millisecond instead of
/// waiting for the next poll. `nil` in the stream means "events were lost: check everything".
final class FileEvents: Sendable {
    private let descriptor: Int32
    let stream: AsyncStream<Set<String>?>
    private let continuation: AsyncStream<Set<String>?>.Continuation
    private let watches = Mutex<[Int32: String]>([:])
    private let siteRoot: String

    /// nil when inotify is not available (the caller polls instead).
    init?(siteRoot: String, folders: [String]) {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        descriptor = fd
        self.siteRoot = siteRoot
        (stream, continuation) = AsyncStream<Set<String>?>.makeStream()
        for folder in folders { watchTree(folder) }
        let thread = Thread { [self] in readLoop() }
        thread.name = "briefing file events"
        thread.start()
    }

    private static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE
                                     | IN_ATTRIB | IN_DELETE_SELF)

    /// Watches `relative` and every folder below it.
    private func watchTree(_ relative: String) {
        let path = siteRoot + "/" + relative
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else { return }
        let wd = inotify_add_watch(descriptor, path, Self.mask)
        if wd >= 0 { watches.withLock { $0[wd] = relative } }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isFolder), isFolder.boolValue {
                watchTree(relative + "/" + name)
            }
        }
    }

    private func readLoop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var changed = Set<String>()
            var lost = false
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (wd, mask, length, name) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int, String) in
                    let event = raw.load(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = raw[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
                    return (event.wd, event.mask, Int(event.len), String(decoding: nameBytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 { lost = true; continue }
                guard let folder = watches.withLock({ $0[wd] }) else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0 {
                    // A new folder is watched too; anything already inside it counts as changed.
                    if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { watchTree(path) }
                    lost = true
                    continue
                }
                if !name.isEmpty { changed.insert(path) }
            }
            continuation.yield(lost ? nil : changed)
        }
        continuation.finish()
    }
}

