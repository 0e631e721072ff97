import Foundation

/// Collects diagnostics for one resolver run (one task, not shared).
final class DiagnosticSink {
    var diagnostics: [Diagnostic] = []
    /// What did not resolve, to be checked all the same.
    var unresolved = Unresolved()

    func error(_ location: SourceLocation, _ problem: ContentProblem) {
        diagnostics.append(Diagnostic(location, problem))
    }

    func warning(_ location: SourceLocation, _ problem: ContentProblem) {
        diagnostics.append(Diagnostic(location, problem, severity: .warning))
    }
}

/// Reads typed fields out of one YAML map, checked against the `FieldSchema` of its kind: unknown
/// keys, wrong types, missing required fields and bad values are reported at the place they were
/// written, once, when the map is opened; the accessors then read what is there.
struct FieldReader {
    let place: DocumentPlace
    let sink: DiagnosticSink
    let schema: FieldSchema
    /// The map's own position (for "missing field" when the map is not the whole document).
    let position: YAMLNode.Position?
    /// The map's known keys and their values, each with whether it fits its field (one that does
    /// not was reported, and reads as absent). At most one per allowed key (a score), so a plain
    /// list searched in order beats hashing every key read (a tenth of resolving a briefing).
    private var values: [(key: String, node: YAMLNode, fits: Bool)] = []

    /// Reads `node` as a map of `schema`'s kind, reporting what does not fit the schema.
    init?(_ node: YAMLNode?, place: DocumentPlace, sink: DiagnosticSink, schema: FieldSchema) {
        self.place = place
        self.sink = sink
        self.schema = schema
        switch node {
        case .none:
            position = nil
        case .some(.map(let entries, let at)):
            position = at
            values.reserveCapacity(entries.count)
            // Keys are not repeated: reading the YAML reports a repeat and keeps the first.
            for entry in entries {
                guard let field = schema.field(named: entry.key) else {
                    sink.error(place.location(entry.keyPosition), .unknownKey(entry.key, in: schema))
                    continue
                }
                values.append((entry.key, entry.value, entry.value.isNull || fits(entry.value, field)))
            }
        case .some(let other):
            sink.error(place.location(other.position), .notAMap(what: schema.what, found: other.kindName))
            return nil
        }
        for field in schema.fields where field.required && !values.contains(where: { $0.key == field.name && !$0.node.isNull }) {
            sink.error(missingLocation, .missingField(field.name))
        }
    }

    /// Whether a value (not null) has the shape `field` declares and, for a flag or a choice, is one
    /// of its words; reports it when not.
    private func fits(_ node: YAMLNode, _ field: Field) -> Bool {
        let text: String? = if case .scalar(let text, _, _) = node { text } else { nil }
        let problem: ContentProblem
        switch field.type {
        case .text, .date:
            guard let text else { problem = .notText(key: field.name, found: node.kindName); break }
            guard field.required && Self.isBlank(text) else { return true }
            problem = .emptyField(field.name)
        case .flag:
            guard Self.flag(text) == nil else { return true }
            problem = .notTrueOrFalse(key: field.name, text: text, found: node.kindName)
        case .choice(let choices):
            guard let text else { problem = .notText(key: field.name, found: node.kindName); break }
            guard !choices.contains(text) else { return true }
            problem = .notAChoice(key: field.name, text: text, choices: choices)
        case .texts, .slugs, .maps:
            if case .list = node { return true }
            problem = .notAList(key: field.name, found: node.kindName, text: text)
        case .map:
            if case .map = node { return true }
            problem = .notAMapField(key: field.name, found: node.kindName)
        }
        sink.error(place.location(node.position), problem)
        return false
    }

    /// Only spaces, tabs and line breaks (or nothing): a required text written so is missing.
    private static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// The value of a flag written as text; nil for any other word.
    private static func flag(_ text: String?) -> Bool? {
        switch text?.lowercased() {
        case "true", "yes", "on": true
        case "false", "no", "off": false
        default: nil
        }
    }

    /// Whether `key` is declared with a type `accepted` takes: reading a field the schema does not
    /// declare, or as another type, is a mistake in the resolver (asserted in debug builds only).
    private func declares(_ key: String, _ accepted: (FieldType) -> Bool) -> Bool {
        schema.field(named: key).map { accepted($0.type) } ?? false
    }

    /// Where a missing required field is reported: the start of this map, or of the file.
    var missingLocation: SourceLocation { position.map(place.location) ?? place.start }

    /// Where `key`'s value is written, whether or not it fits.
    func location(of key: String) -> SourceLocation? {
        for entry in values where entry.key == key { return place.location(entry.node.position) }
        return nil
    }

    /// `key`'s value when it is given and fits its field.
    private func node(_ key: String) -> YAMLNode? {
        for entry in values where entry.key == key { return entry.fits && !entry.node.isNull ? entry.node : nil }
        return nil
    }

    /// A text field (a choice too). A number or a boolean written plainly reads as its text; a
    /// value of another shape was reported and reads as nil.
    func string(_ key: String) -> String? {
        assert(declares(key) { if case .choice = $0 { true } else { $0 == .text } }, "'\(key)' is not a text field of \(schema.what)")
        guard let node = node(key), case .scalar(let text, _, _) = node else { return nil }
        return text
    }

    func bool(_ key: String) -> Bool? {
        assert(declares(key) { $0 == .flag }, "'\(key)' is not a flag of \(schema.what)")
        guard let node = node(key), case .scalar(let text, _, _) = node else { return nil }
        return Self.flag(text)
    }

    /// A date at any precision; `nil` (reported) when it does not parse.
    func date(_ key: String, timeZone: TimeZone) -> PartialDate? {
        assert(declares(key) { $0 == .date }, "'\(key)' is not a date of \(schema.what)")
        guard let node = node(key), case .scalar(let text, _, _) = node else { return nil }
        guard let date = PartialDate(parsing: text, timeZone: timeZone) else {
            sink.error(place.location(node.position), .invalidDate(text, key: key))
            return nil
        }
        return date
    }

    /// The items of a list field; a value of another shape was reported and reads as no items.
    func list(_ key: String) -> [YAMLNode] {
        assert(declares(key) { $0 == .texts || $0 == .slugs || $0 == .maps }, "'\(key)' is not a list of \(schema.what)")
        guard let node = node(key), case .list(let items, _) = node else { return [] }
        return items
    }

    /// A list of text items with their positions.
    func strings(_ key: String) -> [(String, SourceLocation)] {
        list(key).compactMap { item in
            guard case .scalar(let text, _, _) = item, !item.isNull else {
                sink.error(place.location(item.position), .listItemNotText(key: key, found: item.kindName))
                return nil
            }
            return (text, place.location(item.position))
        }
    }

    /// A list of slugs; invalid ones are reported.
    func slugs(_ key: String) -> [(Slug, SourceLocation)] {
        strings(key).compactMap { text, location in
            guard let slug = Slug(text) else {
                sink.error(location, .invalidSlug(what: "slug", text: text, key: key))
                return nil
            }
            return (slug, location)
        }
    }

    /// The `extra:` map, passed to templates as it is.
    func extra(_ key: String = "extra") -> [String: ExtraValue] {
        guard let node = node(key), case .map = node else { return [:] }
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
}
