/// Appends text escaped for HTML and XML: exactly `& < > " '`, as swift-mustache does.
enum HTMLEscaping {
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    /// Copies runs without special bytes whole. All five characters are ASCII, so a byte scan finds
    /// exactly them; the rare one joined to a neighbouring scalar goes through `standsAlone`.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var index = 0
        special.withUnsafeBufferPointer { special in
            while index < bytes.count {
                // Eight bytes at a time while none is special: most of a page's text is none of the five.
                if let word = ByteWord(bytes, at: index), !word.contains(0x26), !word.contains(0x3C),
                   !word.contains(0x3E), !word.contains(0x22), !word.contains(0x27) {
                    index += ByteWord.width
                    continue
                }
                let end = min(index + ByteWord.width, bytes.count)
                while index < end {
                    let byte = bytes[index]
                    if special[Int(byte)] != 0, let entity = entity(for: byte), standsAlone(bytes, at: index) {
                        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                        output.append(contentsOf: entity)
                        runStart = index + 1
                    }
                    index += 1
                }
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }

    /// 1 for the five bytes escaped.
    private static let special: [UInt8] = (0...255).map { Array("&<>\"'".utf8).contains(UInt8($0)) ? 1 : 0 }

    private static let amp: [UInt8] = Array("&amp;".utf8)
    private static let lt: [UInt8] = Array("&lt;".utf8)
    private static let gt: [UInt8] = Array("&gt;".utf8)
    private static let quot: [UInt8] = Array("&quot;".utf8)
    private static let apos: [UInt8] = Array("&#39;".utf8)

    private static func entity(for byte: UInt8) -> [UInt8]? {
        switch byte {
        case UInt8(ascii: "&"): amp
        case UInt8(ascii: "<"): lt
        case UInt8(ascii: ">"): gt
        case UInt8(ascii: "\""): quot
        case UInt8(ascii: "'"): apos
        default: nil
        }
    }

    /// swift-mustache escapes per Character, so a `<` that a combining mark follows (or a prepended
    /// scalar precedes) is part of a larger Character and stays as it is. Only a non-ASCII neighbour
    /// can join it, and whether it does depends on that pair alone.
    private static func standsAlone(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if index > 0, bytes[index - 1] >= 0x80 {
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            if String(decoding: UnsafeBufferPointer(rebasing: bytes[start...index]), as: UTF8.self).count == 1 { return false }
        }
        if index + 1 < bytes.count, bytes[index + 1] >= 0x80 {
            var end = index + 2
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            if String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).count == 1 { return false }
        }
        return true
    }
}
