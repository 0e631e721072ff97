/// Eight bytes of a buffer read as one integer and tested for byte values with a few integer
/// operations (the zero-byte test of "Bit Twiddling Hacks"): the escapers skip eight bytes that hold
/// none of theirs at once instead of looking each up in a table. Swift's SIMD comparisons compiled
/// to a loop over the lanes here, slower than the table.
struct ByteWord {
    static let width = 8
    let bits: UInt64

    /// The word starting at `index`; nil when fewer than eight bytes are left.
    @inline(__always)
    init?(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) {
        guard index + Self.width <= buffer.count, let base = buffer.baseAddress else { return nil }
        bits = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte is `byte`.
    @inline(__always)
    func contains(_ byte: UInt8) -> Bool { containsByte(below: 1, in: bits ^ (Self.ones &* UInt64(byte))) }

    /// Whether some byte is below `bound` (at most 128).
    @inline(__always)
    func containsByte(below bound: UInt8) -> Bool { containsByte(below: bound, in: bits) }

    /// Whether some byte is 0x80 or above (part of a character that is not ASCII).
    @inline(__always)
    var containsNonASCII: Bool { bits & Self.highs != 0 }

    /// Exact for any bound up to 128: a byte below it borrows into its own high bit, which `~word`
    /// keeps only where the byte itself was below 0x80.
    @inline(__always)
    private func containsByte(below bound: UInt8, in word: UInt64) -> Bool {
        (word &- Self.ones &* UInt64(bound)) & ~word & Self.highs != 0
    }
}
