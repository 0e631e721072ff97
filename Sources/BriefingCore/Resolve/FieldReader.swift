import Foundation

/// Collects diagnostics for one resolver run (one task, not shared).
final class DiagnosticSink {
    var diagnostics: [Diagnostic] = []
    /// What did not resolve, to be checked all the same.
    var unresolved = Unresolved()

    func error(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(location, message, hint: hint))
    }

    func warning(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(location, message, hint: hint, severity: .warning))
    }
}

/// Reads typed fields out of one YAML map, reporting unknown keys, wrong types and bad values
/// at the place they were written.
struct FieldReader {
    let place: DocumentPlace
    let sink: DiagnosticSink
    /// The map's own position (for "missing field" when the map is not the whole document).
    let position: YAMLNode.Position?
    /// The map's known keys and their values. At most one per allowed key (a score), so a plain
    /// list searched in order beats hashing every key read (a tenth of resolving a briefing).
    private var values: [(key: String, node: YAMLNode)] = []

    /// Reads `node` as a map whose keys must be in `allowed`; `what` names it in messages ("a briefing").
    init?(_ node: YAMLNode?, place: DocumentPlace, sink: DiagnosticSink, allowed: [String], what: String) {
        self.place = place
        self.sink = sink
        switch node {
        case .none:
            position = nil
        case .some(.map(let entries, let at)):
            position = at
            values.reserveCapacity(entries.count)
            // Keys are not repeated: reading the YAML reports a repeat and keeps the first.
            for entry in entries {
                if !allowed.contains(entry.key) {
                    sink.error(place.location(entry.keyPosition), "unknown key '\(entry.key)' in \(what)",
                               hint: Suggestion.hint(for: entry.key, in: allowed)
                                   ?? "known keys: \(allowed.joined(separator: ", ")); put your own under 'extra:'")
                    continue
                }
                values.append((entry.key, entry.value))
            }
        case .some(let other):
            sink.error(place.location(other.position), "expected \(what) as a map of 'key: value' lines, found \(other.kindName)")
            return nil
        }
    }

    /// Where a missing required field is reported: the start of this map, or of the file.
    var missingLocation: SourceLocation { position.map(place.location) ?? place.start }

    private func value(_ key: String) -> YAMLNode? {
        for entry in values where entry.key == key { return entry.node }
        return nil
    }

    func has(_ key: String) -> Bool { value(key).map { !$0.isNull } ?? false }

    func location(of key: String) -> SourceLocation? { value(key).map { place.location($0.position) } }

    func node(_ key: String) -> YAMLNode? {
        guard let node = value(key), !node.isNull else { return nil }
        return node
    }

    /// A text field. A number or a boolean written plainly reads as its text.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { sink.error(missingLocation, "missing required field '\(key)'") }
            return nil
        }
        guard case .scalar(let text, _, _) = node else {
            sink.error(place.location(node.position), "'\(key)' must be text, found \(node.kindName)")
            return nil
        }
        if required && text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            sink.error(place.location(node.position), "'\(key)' must not be empty")
            return nil
        }
        return text
    }

    func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        if case .scalar(let text, _, _) = node {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        sink.error(place.location(node.position), "'\(key)' must be true or false, found \(node.kindName == "text" ? "'\(scalarText(node))'" : node.kindName)")
        return nil
    }

    /// A date at any precision; `nil` (reported) when it does not parse.
    func date(_ key: String, timeZone: TimeZone, required: Bool = false) -> PartialDate? {
        guard let text = string(key, required: required), let node = node(key) else { return nil }
        guard let date = PartialDate(parsing: text, timeZone: timeZone) else {
            sink.error(place.location(node.position), "invalid date '\(text)' in '\(key)'",
                       hint: "write 2025, 2025-12, 2025-12-02 or 2025-12-02T10:00:00-05:00")
            return nil
        }
        return date
    }

    /// A list of items; a single scalar where a list belongs is an error with a hint.
    func list(_ key: String) -> [YAMLNode] {
        guard let node = node(key) else { return [] }
        guard case .list(let items, _) = node else {
            var hint: String?
            if case .scalar(let text, _, _) = node { hint = "write a list: \(key): [\(text)]" }
            sink.error(place.location(node.position), "'\(key)' must be a list, found \(node.kindName)", hint: hint)
            return []
        }
        return items
    }

    /// A list of text items with their positions.
    func strings(_ key: String) -> [(String, SourceLocation)] {
        list(key).compactMap { item in
            guard case .scalar(let text, _, _) = item, !item.isNull else {
                sink.error(place.location(item.position), "each item of '\(key)' must be text, found \(item.kindName)")
                return nil
            }
            return (text, place.location(item.position))
        }
    }

    /// A list of slugs; invalid ones are reported.
    func slugs(_ key: String) -> [(Slug, SourceLocation)] {
        strings(key).compactMap { text, location in
            guard let slug = Slug(text) else {
                let problem = Suggestion.invalidSlug("slug", text, in: key)
                sink.error(location, problem.message, hint: problem.hint)
                return nil
            }
            return (slug, location)
        }
    }

    /// The `extra:` map, passed to templates as it is.
    func extra(_ key: String = "extra") -> [String: ExtraValue] {
        guard let node = node(key) else { return [:] }
        guard case .map = node else {
            sink.error(place.location(node.position), "'\(key)' must be a map, found \(node.kindName)")
            return [:]
        }
        if case .map(let m) = FieldReader.extraValue(node) { return m }
        return [:]
    }

    static func extraValue(_ node: YAMLNode) -> ExtraValue {
        switch node {
        case .scalar(let s, _, _): .string(node.isNull ? "" : s)
        case .list(let items, _): .list(items.map(extraValue))
        case .map(let entries, _):
            .map(Dictionary(entries.map { ($0.key, extraValue($0.value)) }, uniquingKeysWith: { a, _ in a }))
        }
    }

    private func scalarText(_ node: YAMLNode) -> String {
        if case .scalar(let s, _, _) = node { return s }
        return ""
    }
}
