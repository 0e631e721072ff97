/// A path inside the output folder: relative, no `..`, no empty parts. Nothing can name a file
/// outside the output folder, by construction.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        // Bytes, not Foundation's `contains`: every file of a build passes here.
        guard !text.isEmpty, !text.hasPrefix("/"), !text.utf8.contains(where: { $0 == 0x5C || $0 == 0 }) else { return nil }
        // No empty, "." or ".." part: one pass over the bytes, with the length of the part so far
        // and whether it is all dots.
        var partLength = 0
        var allDots = true
        for byte in text.utf8 {
            if byte == 0x2F {
                guard partLength > 0, !(allDots && partLength <= 2) else { return nil }
                partLength = 0
                allDots = true
            } else {
                partLength += 1
                allDots = allDots && byte == 0x2E
            }
        }
        guard partLength > 0, !(allDots && partLength <= 2) else { return nil }
        rawValue = text
    }

    /// The folder part (`briefings/x` for `briefings/x/index.html`), or "" at the top.
    public var folder: String {
        guard let slash = rawValue.lastIndex(of: "/") else { return "" }
        return String(rawValue[..<slash])
    }

    public var description: String { rawValue }
    public static func < (a: OutputPath, b: OutputPath) -> Bool { a.rawValue < b.rawValue }
}
