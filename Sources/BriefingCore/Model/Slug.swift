/// A URL- and file-safe name: lowercase `a-z`, `0-9` and `-`, not empty, not starting with `-`.
public struct Slug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        guard Slug.isValid(text) else { return nil }
        rawValue = text
    }

    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "-"), text.utf8.count <= 200 else { return false }
        return text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// A slug made from free text ("Steve Witkoff" -> "steve-witkoff"), for scaffolding and anchors.
    public static func make(from text: String) -> String {
        // ASCII text (most titles) by bytes: no decomposition, no Character per scalar.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var out: [UInt8] = []
            out.reserveCapacity(text.utf8.count)
            var pendingDash = false
            for byte in text.utf8 {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) {
                    if pendingDash && !out.isEmpty { out.append(0x2D) }
                    pendingDash = false
                    out.append(lower)
                } else {
                    pendingDash = true
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        var out = ""
        var pendingDash = false
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            let lower = Character(scalar).lowercased()
            if lower.count == 1, let ascii = lower.unicodeScalars.first, ascii.isASCII,
               ("a"..."z").contains(lower) || ("0"..."9").contains(lower) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out += lower
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// `make(from:)` cut to at most `limit` bytes at a dash, so a long title gives a short name.
    public static func make(from text: String, limit: Int) -> String {
        let slug = make(from: text)
        guard slug.utf8.count > limit else { return slug }
        let cut = slug.utf8.prefix(limit + 1)
        if let dash = cut.lastIndex(of: UInt8(ascii: "-")), dash > slug.utf8.startIndex {
            return String(slug.utf8[..<dash])!
        }
        return String(slug.utf8.prefix(limit))!
    }

    public var description: String { rawValue }
    public static func < (a: Slug, b: Slug) -> Bool { a.rawValue < b.rawValue }
}
