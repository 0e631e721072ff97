import Foundation

/// Decoding and position helpers for site files.
enum SourceText {
    /// The file's text, or the line and column of the first byte that is not UTF-8.
    static func decode(_ data: Data) -> Result<String, SourceLocationInFile> {
        if let text = String(validating: data, as: UTF8.self) {
            // A byte-order mark is not content.
            return .success(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        }
        return .failure(firstInvalidByte(in: data))
    }

    /// Line and column (in characters) of the first invalid UTF-8 sequence.
    private static func firstInvalidByte(in data: Data) -> SourceLocationInFile {
        let bytes = [UInt8](data)
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            var valid = length > 0 && i + length <= bytes.count
            if valid {
                for k in 1..<max(length, 1) where bytes[i + k] & 0xC0 != 0x80 { valid = false }
            }
            if !valid {
                let prefix = String(decoding: bytes[lineStart..<i], as: UTF8.self)
                return SourceLocationInFile(line: line, column: prefix.count + 1)
            }
            if b == 0x0A { line += 1; lineStart = i + 1 }
            i += length
        }
        return SourceLocationInFile(line: line, column: 1)
    }

    /// Converts a column counted in Unicode scalars (libyaml) or UTF-8 bytes (cmark) on `line`
    /// of `text` into a column counted in characters.
    static func characterColumn(in text: String, line: Int, column: Int, unit: ColumnUnit) -> Int {
        guard let lineText = self.line(line, of: text), column > 1 else { return max(column, 1) }
        var count = 0
        var consumed = 0
        for character in lineText {
            let width = unit == .scalars ? character.unicodeScalars.count : character.utf8.count
            if consumed + width > column - 1 { break }
            consumed += width
            count += 1
        }
        return count + 1
    }

    enum ColumnUnit { case scalars, utf8 }

    /// The 1-based line of `text`, without its line ending.
    static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if current == number { break }
            if text[index] == "\n" || text[index] == "\r\n" {
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        guard current == number else { return nil }
        var end = start
        while end < text.endIndex, text[end] != "\n", text[end] != "\r\n" { end = text.index(after: end) }
        return text[start..<end]
    }
}

/// A line and column inside one file (before the file's path is known to the caller).
struct SourceLocationInFile: Error, Hashable {
    var line: Int
    var column: Int
}
