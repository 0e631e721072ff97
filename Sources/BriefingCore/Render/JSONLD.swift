/// A JSON value for the schema.org JSON-LD of pages (small; large files stream through `JSONWriter`),
/// written with keys in the order given (deterministic output).
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
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }

    func write(to writer: inout JSONWriter) {
        switch self {
        case .string(let s): writer.string(s)
        case .int(let n): writer.int(n)
        case .bool(let b): writer.bool(b)
        case .null: writer.null()
        case .array(let items):
            writer.array { writer in
                for item in items { item.write(to: &writer) }
            }
        case .object(let pairs):
            writer.object { writer in
                for (key, value) in pairs {
                    writer.key(key)
                    value.write(to: &writer)
                }
            }
        }
    }

    /// The complete `<script type="application/ld+json">` element.
    var scriptElement: String {
        "<script type=\"application/ld+json\">" + serialized + "</script>"
    }
}
