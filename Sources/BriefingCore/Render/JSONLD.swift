/// A JSON value for schema.org JSON-LD and the data exports, written with keys in the order given
/// (deterministic output).
indirect enum JSONValue {
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
            out.append(0x22)
            // Bytes that need no escape are copied as they are; U+2028 and U+2029 (E2 80 A8/A9)
            // end a line in JavaScript, so they are escaped too.
            let utf8 = Array(s.utf8)
            var i = 0
            while i < utf8.count {
                let byte = utf8[i]
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x3C, 0x3E, 0x26:
                    out += [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
                case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xA8 || utf8[i + 2] == 0xA9):
                    out += Array("\\u202".utf8) + [utf8[i + 2] == 0xA8 ? 0x38 : 0x39]
                    i += 2
                default:
                    if byte < 0x20 {
                        out += [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
                    } else {
                        out.append(byte)
                    }
                }
                i += 1
            }
            out.append(0x22)
        case .int(let n):
            out += Array(String(n).utf8)
        case .bool(let b):
            out += Array((b ? "true" : "false").utf8)
        case .null:
            out += Array("null".utf8)
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
                JSONValue.string(key).write(to: &out)
                out.append(0x3A)
                value.write(to: &out)
            }
            out.append(0x7D)
        }
    }

    /// The complete `<script type="application/ld+json">` element.
    var scriptElement: String {
        "<script type=\"application/ld+json\">" + serialized + "</script>"
    }
}
