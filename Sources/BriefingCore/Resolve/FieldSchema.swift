/// The fields one kind of YAML map may hold, each with the type of its value, declared once:
/// `FieldReader` checks a map against it (unknown keys, types, required fields, closed sets of
/// values), and the same names are the candidates of "did you mean" and "known keys".
struct FieldSchema: Sendable {
    /// Names the map in messages: "a briefing", "site.yaml".
    let what: String
    /// In the order "known keys" lists them.
    let fields: [Field]

    init(_ what: String, _ fields: [Field]) {
        self.what = what
        self.fields = fields
    }

    /// A linear search: at most fourteen fields, compared without hashing every key read.
    func field(named name: String) -> Field? {
        for field in fields where field.name == name { return field }
        return nil
    }

    var names: [String] { fields.map(\.name) }

    /// Whether the map has an `extra:` map for fields of the editor's own.
    var takesExtra: Bool { field(named: "extra") != nil }
}

/// One field of a map: its key, the type of its value, and whether it must be given.
struct Field: Sendable, Equatable {
    let name: String
    let type: FieldType
    let required: Bool

    init(_ name: String, _ type: FieldType, required: Bool = false) {
        self.name = name
        self.type = type
        self.required = required
    }
}

/// The type of a field's value. `FieldReader` checks the shape (text, list or map) of every field
/// and the values of flags and choices when it opens a map; dates, slugs and the items of lists are
/// checked as they are read.
enum FieldType: Sendable, Equatable {
    case text
    /// A date at any precision (`PartialDate`).
    case date
    /// true or false (also yes/no, on/off).
    case flag
    /// One of a closed set of words, named in the message when another is written.
    case choice([String])
    /// A list of texts.
    case texts
    /// A list of slugs.
    case slugs
    /// A list of maps, each read with a schema of its own.
    case maps
    /// A map passed to templates as it is (`extra:`).
    case map
}

// MARK: - The kinds of map

extension FieldSchema {
    static let site = FieldSchema("site.yaml", [
        Field("title", .text, required: true), Field("description", .text), Field("base_url", .text),
        Field("language", .text), Field("time_zone", .text), Field("unsafe_html", .flag), Field("extra", .map),
    ])

    /// The front matter of a file in `Content/people/`.
    static let person = FieldSchema("a person", [
        Field("name", .text, required: true), Field("role", .text), Field("affiliation", .text), Field("country", .text),
        Field("aliases", .texts), Field("extra", .map),
    ])

    /// The front matter of a file in `Content/briefings/`.
    static let briefing = FieldSchema("a briefing", [
        Field("title", .text, required: true), Field("date", .date, required: true), Field("updated", .date),
        Field("summary", .text), Field("status", .choice(Briefing.Status.allCases.map(\.rawValue))), Field("people", .slugs),
        Field("topics", .slugs), Field("places", .texts), Field("key_points", .texts), Field("quotes", .maps),
        Field("events", .maps), Field("sources", .maps), Field("updates", .maps), Field("extra", .map),
    ])

    /// An item of a briefing's `quotes:`.
    static let quote = FieldSchema("a quote", [
        Field("person", .text, required: true), Field("text", .text, required: true), Field("context", .text),
        Field("date", .date), Field("source", .text),
    ])

    /// An item of a briefing's `events:`.
    static let event = FieldSchema("an event", eventFields)

    /// An event of `timeline.yaml`, which may name the briefing it belongs to.
    static let timelineEvent = FieldSchema("an event", eventFields + [Field("briefing", .text)])

    private static let eventFields = [
        Field("id", .text), Field("date", .date, required: true), Field("title", .text, required: true),
        Field("people", .slugs), Field("place", .text), Field("summary", .text), Field("sources", .maps),
        Field("source", .text), Field("expected", .flag),
    ]

    /// An item of `sources:` (of a briefing or an event).
    static let source = FieldSchema("a source", [
        Field("id", .text), Field("title", .text), Field("publisher", .text), Field("url", .text),
    ])

    /// A topic of `topics.yaml` written as a map.
    static let topic = FieldSchema("a topic", [Field("name", .text, required: true), Field("description", .text)])

    /// An item of a briefing's `updates:`.
    static let update = FieldSchema("an update", [Field("at", .date, required: true), Field("text", .text, required: true)])

    /// Every kind, for tests.
    static let all: [FieldSchema] = [site, person, briefing, quote, event, timelineEvent, source, topic, update]
}
