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
            var runStart = 0
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                let escape: Int  // bytes of input the escape replaces; 0 for none
                switch byte {
                case 0x22, 0x5C, 0x0A, 0x0D, 0x09, 0x3C, 0x3E, 0x26, ..<0x20: escape = 1
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    escape = 3
                default: escape = 0
                }
                if escape == 0 { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                out.append(0x5C)
                switch byte {
                case 0x22, 0x5C: out.append(byte)
                case 0x0A: out.append(0x6E)
                case 0x0D: out.append(0x72)
                case 0x09: out.append(0x74)
                case 0xE2: out.append(contentsOf: [0x75, 0x32, 0x30, 0x32, utf8[i + 2] == 0xA8 ? 0x38 : 0x39])
                default: out.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                i += escape
                runStart = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
        out.append(0x22)
    }

    /// The complete `<script type="application/ld+json">` element.
    var scriptElement: String {
        "<script type=\"application/ld+json\">" + serialized + "</script>"
    }
}
