/// A path inside the output folder: relative, no `..`, no empty parts. Nothing can name a file
/// outside the output folder, by construction.
public struct OutputPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ text: String) {
        // Bytes, not Foundation's `contains`: every file of a build passes here.
        guard !text.isEmpty, !text.hasPrefix("/"), !text.utf8.contains(where: { $0 == 0x5C || $0 == 0 }) else { return nil }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
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
