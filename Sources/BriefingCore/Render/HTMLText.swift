/// HTML escaping for markup made outside templates (SVG labels, HTML inside data exports,
/// `serve`'s error panel), by the same rules as `{{ }}` in a template.
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        HTMLEscaping.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
