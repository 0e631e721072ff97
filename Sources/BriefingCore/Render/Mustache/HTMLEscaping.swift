/// Appends text escaped for HTML and XML: exactly `& < > " '`, each wherever it stands. Browsers
/// and XML parsers read code points, so a `<` stays a `<` to them even when a combining mark follows
/// it or a prepended mark (U+0600) precedes it. swift-mustache escapes per Character (grapheme
/// cluster) and leaves such a `<` raw: a hole for markup, which this escaper deliberately does not copy.
enum HTMLEscaping {
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    /// Copies runs without special bytes whole. All five characters are ASCII and no byte of a
    /// longer UTF-8 sequence is below 0x80, so a byte scan finds exactly them.
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
                    if special[Int(byte)] != 0, let entity = entity(for: byte) {
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
}
