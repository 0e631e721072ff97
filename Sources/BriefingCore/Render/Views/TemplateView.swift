/// What templates receive, as Swift types: each page kind and each item shown on pages is a
/// `TemplateView` whose fields are declared once, in `fields`. The same declaration makes the
/// template map (`made`) and the schema (`schema`) that templates are checked against and that
/// `Templates/README.md` documents, so the three cannot drift apart.
protocol TemplateView: Sendable {
    /// What the view is called in the schema and the reference ("person card").
    static var viewName: String { get }
    /// One line for the reference: what the view is.
    static var summary: String { get }
    /// Every field, in the order of the reference.
    static var fields: [ViewField<Self>] { get }
}

extension TemplateView {
    /// The template map of this view.
    var map: TemplateMap {
        var map = TemplateMap(minimumCapacity: Self.fields.count)
        for field in Self.fields { field.write(self, &map) }
        return map
    }

    /// The view as a template value, for sharing on many pages.
    var made: Made<Self> { Made(value: .map(map)) }

    /// The names and kinds of the view's fields.
    static var schema: ViewSchema {
        ViewSchema(name: viewName, summary: summary, fields: fields.flatMap(\.schemaFields))
    }
}

/// A view already made into its template value: shown on many pages, made once.
struct Made<View: TemplateView>: Sendable {
    let value: TemplateValue
}

/// What a field holds, as templates see it.
indirect enum FieldKind: Sendable, Equatable {
    /// Text, escaped by `{{name}}`.
    case text
    /// Markup, written with `{{{name}}}`.
    case html
    /// True or absent: a section shows when it is true.
    case flag
    case number
    /// A list of texts.
    case texts
    case view(ViewSchema)
    case list(ViewSchema)
    /// A map of the editor's own (`extra:`): any name is allowed below it.
    case open
}

/// The fields of a view, by name.
struct ViewSchema: Sendable, Equatable {
    let name: String
    let summary: String
    let fields: [SchemaField]

    func field(_ name: String) -> SchemaField? { fields.first { $0.name == name } }
}

/// One field of a schema: its name, kind, and one line on what it holds.
struct SchemaField: Sendable, Equatable {
    let name: String
    let kind: FieldKind
    let note: String
}

/// One field of a view: how it is written into the template map and what the schema says of it.
struct ViewField<View>: Sendable {
    /// The fields this one adds to the schema (a list adds its `hasName` too; a base adds all of its own).
    let schemaFields: [SchemaField]
    let write: @Sendable (View, inout TemplateMap) -> Void

    /// Text; left out when nil.
    static func text(_ name: String, _ note: String, _ read: @escaping @Sendable (View) -> String?) -> Self {
        Self(schemaFields: [SchemaField(name: name, kind: .text, note: note)]) { view, map in
            if let text = read(view) { map[name] = .string(text) }
        }
    }

    /// Markup made by the build (names end in `HTML`); left out when nil.
    static func html(_ name: String, _ note: String, _ read: @escaping @Sendable (View) -> String?) -> Self {
        Self(schemaFields: [SchemaField(name: name, kind: .html, note: note)]) { view, map in
            if let html = read(view) { map[name] = .string(html) }
        }
    }

    /// True, or left out.
    static func flag(_ name: String, _ note: String, _ read: @escaping @Sendable (View) -> Bool) -> Self {
        Self(schemaFields: [SchemaField(name: name, kind: .flag, note: note)]) { view, map in
            if read(view) { map[name] = .bool(true) }
        }
    }

    static func number(_ name: String, _ note: String, _ read: @escaping @Sendable (View) -> Int?) -> Self {
        Self(schemaFields: [SchemaField(name: name, kind: .number, note: note)]) { view, map in
            if let number = read(view) { map[name] = .int(number) }
        }
    }

    /// Texts, with `hasName`; both left out when there are none.
    static func texts(_ name: String, _ note: String, _ read: @escaping @Sendable (View) -> [String]) -> Self {
        Self(schemaFields: listFields(name, .texts, note)) { view, map in
            let texts = read(view)
            guard !texts.isEmpty else { return }
            map[name] = .list(texts.map(TemplateValue.string))
            map[hasName(name)] = .bool(true)
        }
    }

    /// Another view; left out when nil.
    static func view<Item>(_ name: String, _ note: String, _ read: @escaping @Sendable (View) -> Made<Item>?) -> Self {
        Self(schemaFields: [SchemaField(name: name, kind: .view(Item.schema), note: note)]) { view, map in
            if let item = read(view) { map[name] = item.value }
        }
    }

    /// A list of views, with `hasName`; both left out when the list is empty.
    static func list<Item>(_ name: String, _ note: String, _ read: @escaping @Sendable (View) -> [Made<Item>]) -> Self {
        Self(schemaFields: listFields(name, .list(Item.schema), note)) { view, map in
            let items = read(view)
            guard !items.isEmpty else { return }
            map[name] = .list(items.map(\.value))
            map[hasName(name)] = .bool(true)
        }
    }

    /// The editor's `extra:` map, as written; left out when empty.
    static func extra(_ read: @escaping @Sendable (View) -> [String: ExtraValue]) -> Self {
        Self(schemaFields: [SchemaField(name: "extra", kind: .open, note: "the file's `extra:` map, as written")]) { view, map in
            let extra = read(view)
            if !extra.isEmpty { map["extra"] = ExtraValue.map(extra).templateValue }
        }
    }

    /// Every field of another view, first: a page's briefing is its list item with more.
    static func base<Base>(_ read: @escaping @Sendable (View) -> Made<Base>) -> Self {
        Self(schemaFields: Base.schema.fields) { view, map in
            if case .map(let base) = read(view).value { map = base }
        }
    }

    private static func hasName(_ name: String) -> String { "has" + name.prefix(1).uppercased() + name.dropFirst() }

    private static func listFields(_ name: String, _ kind: FieldKind, _ note: String) -> [SchemaField] {
        [SchemaField(name: name, kind: kind, note: note),
         SchemaField(name: hasName(name), kind: .flag, note: "whether `\(name)` has any")]
    }
}
