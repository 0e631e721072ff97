/// A JSON value for schema.org JSON-LD and the data exports, written with keys in the order given
/// (deterministic output).
enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An object, dropping keys whose value is nil.
    static func object(_ pairs: [(String, JSONValue?)]) -> JSONValue {
        .object(pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    static func text(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }

    /// Compact JSON that is safe inside `<script>`: `<`, `>`, `&` and line separators are escaped.
    var serialized: String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The same, as UTF-8 bytes (for files).
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private func write(to out: inout [UInt8]) {
        switch self {
        case .string(let s):
            Self.writeString(s, to: &out)
        case .int(let n):
            out.append(contentsOf: String(n).utf8)
        case .bool(let b):
            out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null:
            out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                item.write(to: &out)
            }
            out.append(0x5D)
        case .object(let pairs):
            out.append(0x7B)
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(0x2C) }
                Self.writeString(key, to: &out)
                out.append(0x3A)
                value.write(to: &out)
            }
            out.append(0x7D)
        }
    }

    /// A quoted string. Runs of bytes that need no escape are copied whole; U+2028 and U+2029
    /// (E2 80 A8/A9) end a line in JavaScript, so they are escaped too.
    private static func writeString(_ text: String, to out: inout [UInt8]) {
        var text = text
        out.append(0x22)
        text.withUTF8 { utf8 in
            needsEscape.withUnsafeBufferPointer { needsEscape in
                var runStart = 0
                var i = 0
                while i < utf8.count {
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

    /// 1 for the bytes `writeString` looks at: controls, `"`, `\`, `<`, `>`, `&`, and 0xE2 (which may
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

    /// The complete `<script type="application/ld+json">` element.
    var scriptElement: String {
        "<script type=\"application/ld+json\">" + serialized + "</script>"
    }
}
