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
}

/// A line and column inside one file (before the file's path is known to the caller).
struct SourceLocationInFile: Error, Hashable {
    var line: Int
    var column: Int
}
