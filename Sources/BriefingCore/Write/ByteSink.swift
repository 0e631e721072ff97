import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a generated file's bytes go as they are made, part by part: straight into a file of the
/// staging folder (a build), or into memory (`serve`). The data exports and calendars of a
/// timeline of a million lines are each close to a hundred megabytes: made whole in memory, each
/// was held whole (and joined from its parts into a second copy) while two were made at once.
final class ByteSink {
    /// The open file written to; nil keeps the parts in memory.
    private let descriptor: Int32?
    private var parts: [[UInt8]] = []
    /// The first write that failed; later parts are dropped.
    private(set) var failure: POSIXError?

    /// A sink that keeps what is written, for `bytes`.
    init() { descriptor = nil }

    /// A sink that writes into `descriptor`, which its opener closes.
    init(descriptor: Int32) { self.descriptor = descriptor }

    func write(_ part: [UInt8]) {
        guard !part.isEmpty, failure == nil else { return }
        guard let descriptor else { return parts.append(part) }
        do { try Self.writeAll(part, to: descriptor) } catch { failure = error }
    }

    /// Everything written, joined (memory only).
    var bytes: [UInt8] { parts.count == 1 ? parts[0] : parts.joinedBytes() }

    /// Writes `bytes` whole into `descriptor`, however many calls it takes.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) throws(POSIXError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            guard written > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            offset += written
        }
    }
}

extension Array where Element == [UInt8] {
    /// The parts one after another, copied once into an array of their total size.
    func joinedBytes() -> [UInt8] {
        let total = reduce(0) { $0 + $1.count }
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            for part in self where !part.isEmpty {
                part.withUnsafeBufferPointer { part in
                    UnsafeMutableRawPointer(buffer.baseAddress! + count).copyMemory(from: part.baseAddress!, byteCount: part.count)
                }
                count += part.count
            }
        }
    }
}
