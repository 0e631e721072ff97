/// Writes compact JSON straight into bytes, for files too large to build as a `JSONValue` tree
/// first (the data exports and the search index: at 10,000 briefings, making and freeing their
/// trees cost as much as writing them). Keys and values come in the order written.
///
/// Inside an object, each value follows its `key(_:)`; `null` where a value is absent.
struct JSONWriter {
    /// The bytes written since the last full part.
    private var current: [UInt8] = []
    /// Earlier parts, each about `partSize` bytes. A large file grows part by part and is joined
    /// once at the end: one array doubling to 21 MB copied what it held at each step and touched
    /// twice the memory (a fifth of a 10,000-briefing build's page faults).
    private var parts: [[UInt8]] = []
    private static let partSize = 1 << 19
    /// True where the next value needs no comma before it: first in its array or object, or after a key.
    private var atStart = true
    /// Where full parts go as they are made (a file being written); nil keeps them for `bytes`.
    private let sink: ByteSink?

    /// A writer that keeps what it writes, or hands each full part to `sink`.
    init(into sink: ByteSink? = nil) {
        self.sink = sink
    }

    /// Everything written so far.
    var bytes: [UInt8] { parts.isEmpty ? current : (parts + [current]).joinedBytes() }

    private mutating func beginValue() {
        if current.count >= Self.partSize {
            if let sink {
                sink.write(current)
                current.removeAll(keepingCapacity: true)
            } else {
                parts.append(current)
                current = []
                // Room for the part and the value that ends it, so that a part is not copied as it grows.
                current.reserveCapacity(Self.partSize * 2)
            }
        }
        if !atStart { current.append(UInt8(ascii: ",")) }
        atStart = false
    }

    mutating func key(_ name: String) {
        beginValue()
        Self.appendQuoted(name, to: &current)
        current.append(UInt8(ascii: ":"))
        atStart = true
    }

    mutating func string(_ text: String) {
        beginValue()
        Self.appendQuoted(text, to: &current)
    }

    /// The text, or `null` when there is none.
    mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    mutating func int(_ number: Int) {
        beginValue()
        current.append(contentsOf: String(number).utf8)
    }

    mutating func bool(_ flag: Bool) {
        beginValue()
        current.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    mutating func null() {
        beginValue()
        current.append(contentsOf: "null".utf8)
    }

    mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(UInt8(ascii: "["), UInt8(ascii: "]"), body)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(UInt8(ascii: "{"), UInt8(ascii: "}"), body)
    }

    private mutating func container(_ open: UInt8, _ close: UInt8, _ body: (inout JSONWriter) -> Void) {
        beginValue()
        current.append(open)
        atStart = true
        body(&self)
        current.append(close)
        atStart = false
    }

    /// The bytes written, with a line feed after them (as a file ends); a file of one part is not copied.
    consuming func endingLine() -> [UInt8] {
        current.append(UInt8(ascii: "\n"))
        return parts.isEmpty ? current : (parts + [current]).joinedBytes()
    }

    /// Hands the rest to the sink, with a line feed after it (as a file ends).
    consuming func finish() {
        current.append(UInt8(ascii: "\n"))
        if let sink { sink.write(current) }
    }

    /// A key and its text, `null` when there is none.
    mutating func field(_ name: String, _ text: String?) {
        key(name)
        string(text)
    }

    mutating func field(_ name: String, _ number: Int) {
        key(name)
        int(number)
    }

    mutating func field(_ name: String, _ flag: Bool) {
        key(name)
        bool(flag)
    }

    mutating func field(_ name: String, strings texts: [String]) {
        key(name)
        strings(texts)
    }

    /// An array of these texts.
    mutating func strings(_ texts: [String]) {
        array { for text in texts { $0.string(text) } }
    }

    // MARK: - Strings

    private static let hex = Array("0123456789abcdef".utf8)

    /// A quoted string that is also safe inside `<script>`: `<`, `>` and `&` are escaped, and so are
    /// U+2028 and U+2029 (E2 80 A8/A9), which end a line in JavaScript. Runs of bytes that need no
    /// escape are copied whole.
    static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(0x22)
        text.withUTF8 { utf8 in
            needsEscape.withUnsafeBufferPointer { needsEscape in
                var runStart = 0
                var i = 0
                // Bytes before this are looked at one by one: their block holds one to escape.
                var bytewiseUntil = 0
                while i < utf8.count {
                    if i >= bytewiseUntil {
                        // Eight bytes at a time while none needs a look (see `needsEscape`).
                        if let word = ByteWord(utf8, at: i), !word.containsByte(below: 0x20), !word.containsNonASCII,
                           !word.contains(0x22), !word.contains(0x5C), !word.contains(0x3C), !word.contains(0x3E),
                           !word.contains(0x26) {
                            i += ByteWord.width
                            continue
                        }
                        bytewiseUntil = i + ByteWord.width
                    }
                    let byte = utf8[i]
                    if needsEscape[Int(byte)] == 0 { i += 1; continue }
                    let escape: Int  // bytes of input the escape replaces
                    if byte == 0xE2 {
                        guard i + 2 < utf8.count, utf8[i + 1] == 0x80, utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9 else {
                            i += 1
                            continue
                        }
                        escape = 3
                    } else {
                        escape = 1
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                    out.append(0x5C)
                    switch byte {
                    case 0x22, 0x5C: out.append(byte)
                    case 0x0A: out.append(0x6E)
                    case 0x0D: out.append(0x72)
                    case 0x09: out.append(0x74)
                    case 0xE2: appendUnicodeEscape(utf8[i + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    default: appendUnicodeEscape(UInt16(byte), to: &out)
                    }
                    i += escape
                    runStart = i
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
        }
        out.append(0x22)
    }

    /// 1 for the bytes `appendQuoted` looks at: controls, `"`, `\`, `<`, `>`, `&`, and 0xE2 (which may
    /// begin U+2028 or U+2029).
    private static let needsEscape: [UInt8] = (0...255).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte) ? 1 : 0
    }

    /// `u` and four hex digits (after the backslash already written), byte by byte: an array literal
    /// here was an allocation per escape, and HTML in data exports has many.
    private static func appendUnicodeEscape(_ code: UInt16, to out: inout [UInt8]) {
        out.append(0x75)
        out.append(hex[Int(code >> 12)])
        out.append(hex[Int(code >> 8 & 0xF)])
        out.append(hex[Int(code >> 4 & 0xF)])
        out.append(hex[Int(code & 0xF)])
    }
}
