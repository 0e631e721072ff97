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
        var contiguous = text  // `withUTF8` needs a variable; a native string is not copied
        let result = contiguous.withUTF8 { bytes in Result { () throws(Problem) in try split(text, bytes: bytes) } }
        return try result.get()
    }

    /// The parts are cut from `text` at line starts (never inside a character), which copies them
    /// without decoding the UTF-8 again.
    private static func split(_ text: String, bytes: UnsafeBufferPointer<UInt8>) throws(Problem) -> FrontMatter {
        func part(_ range: Range<Int>) -> String {
            let utf8 = text.utf8
            return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
        }
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
                return FrontMatter(yaml: part(yamlStart..<lineStart), yamlLine: 2,
                                   body: part(bodyStart..<bytes.count), bodyLine: lineNumber + 1,
                                   head: part(0..<bodyStart))
            }
            if end >= bytes.count { break }
            lineStart = end + 1
            lineNumber += 1
        }
        throw .unclosed
    }

    private static func isFence(_ line: Slice<UnsafeBufferPointer<UInt8>>, closing: Bool) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
        let dash = UInt8(ascii: "-"), dot = UInt8(ascii: ".")
        guard trimmed.count == 3 else { return false }
        return trimmed.allSatisfy { $0 == dash } || (closing && trimmed.allSatisfy { $0 == dot })
    }
}
