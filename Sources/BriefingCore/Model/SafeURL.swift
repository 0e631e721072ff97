/// The URL schemes that may reach a page from front matter.
enum SafeURL {
    static func isAllowed(_ url: String) -> Bool {
        allowedSchemes.contains { starts(url, with: $0) }
    }

    private static let allowedSchemes: [[UInt8]] = ["http://", "https://", "mailto:"].map { Array($0.utf8) }

    /// Whether `url` begins with `prefix` (lowercase ASCII) when compared as a browser reads a scheme:
    /// whitespace and control characters skipped ("java\tscript:"), ASCII letters in any case. A
    /// byte of a non-ASCII character matches no byte of a prefix. One pass over the first bytes, no
    /// copy: every source of every page asks.
    private static func starts(_ url: String, with prefix: [UInt8]) -> Bool {
        var matched = 0
        for byte in url.utf8 where byte > 0x20 && byte != 0x7F {
            let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            guard lowered == prefix[matched] else { return false }
            matched += 1
            if matched == prefix.count { return true }
        }
        return false
    }
}
