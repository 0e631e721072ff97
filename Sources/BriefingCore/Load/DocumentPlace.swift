/// Places YAML positions in their file, converting libyaml's scalar columns to characters.
/// Line starts are indexed once per file, so placing a value costs only its own line.
struct DocumentPlace {
    let path: String
    /// File line of the YAML's first line.
    let yamlLine: Int
    /// The file's text, shared with its document rather than copied (a timeline can be tens of megabytes).
    private let text: String
    /// Byte offset where each line starts (index 0 is line 1).
    private let lineStarts: [Int]

    init(path: String, text: String, yamlLine: Int) {
        self.path = path
        self.yamlLine = yamlLine
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        var starts = [0]
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        }
        lineStarts = starts
    }

    func location(_ position: YAMLNode.Position) -> SourceLocation {
        // A contiguous text always gives its storage (`makeContiguousUTF8` above).
        text.utf8.withContiguousStorageIfAvailable { location(position, in: $0) } ?? SourceLocation(path: path, line: 1, column: 1)
    }

    private func location(_ position: YAMLNode.Position, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let line = yamlLine + position.line - 1
        // libyaml places the end of a file without a final line break on the line after it:
        // that is the end of the last line.
        if line > lineStarts.count, let last = lineStarts.last {
            return SourceLocation(path: path, line: lineStarts.count, column: String(decoding: bytes[last...], as: UTF8.self).count + 1)
        }
        guard line >= 1 else { return SourceLocation(path: path, line: line, column: position.column) }
        // Walk the line's first `column - 1` scalars, counting characters only when not ASCII.
        var offset = lineStarts[line - 1]
        var scalars = 0
        var isASCII = true
        while scalars < position.column - 1, offset < bytes.count, bytes[offset] != 0x0A {
            let byte = bytes[offset]
            if byte >= 0x80 { isASCII = false }
            offset += byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            scalars += 1
        }
        if isASCII { return SourceLocation(path: path, line: line, column: position.column) }
        let prefix = String(decoding: bytes[lineStarts[line - 1]..<min(offset, bytes.count)], as: UTF8.self)
        return SourceLocation(path: path, line: line, column: prefix.count + 1)
    }

    /// The start of the file, for problems that have no value to point at.
    var start: SourceLocation { SourceLocation(path: path, line: 1, column: 1) }
}
