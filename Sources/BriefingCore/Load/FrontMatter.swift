/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter {
    enum Problem: Error, Equatable {
        /// The file does not begin with a `---` line.
        case missing
        /// The opening `---` has no closing `---` line.
        case unclosed
    }

    /// The YAML between the fences (empty when the fences are adjacent).
    var yaml: String
    /// Line of the file where `yaml` starts.
    var yamlLine: Int
    var body: String
    /// Line of the file where `body` starts.
    var bodyLine: Int
    /// The file before `body`: the front matter with its fences.
    var head: String

    /// Splits `text`; the opening fence must be the first line, the closing one a line of `---` or `...`.
    /// Works on bytes so that `\r\n` line endings split like `\n`.
    static func split(_ text: String) throws(Problem) -> FrontMatter {
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lineNumber = 1
        var yamlStart = -1
        while lineStart <= bytes.count {
            var end = lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if lineNumber == 1 {
                guard isFence(bytes[lineStart..<end], closing: false) else { throw .missing }
                yamlStart = min(end + 1, bytes.count)
            } else if isFence(bytes[lineStart..<end], closing: true) {
                let bodyStart = min(end + 1, bytes.count)
                return FrontMatter(yaml: String(decoding: bytes[yamlStart..<lineStart], as: UTF8.self), yamlLine: 2,
                                   body: String(decoding: bytes[bodyStart...], as: UTF8.self), bodyLine: lineNumber + 1,
                                   head: String(decoding: bytes[..<bodyStart], as: UTF8.self))
            }
            if end >= bytes.count { break }
            lineStart = end + 1
            lineNumber += 1
        }
        throw .unclosed
    }

    private static func isFence(_ line: ArraySlice<UInt8>, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        let dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
        guard trimmed.count == 3 else { return false }
        return trimmed.allSatisfy { $0 == dash } || (closing && trimmed.allSatisfy { $0 == dot })
    }
}
