/// One compiled piece of a template: text already in UTF-8, names already split at their dots.
enum MustacheNode: Sendable {
    /// Literal template text; adjacent pieces are merged at compile time.
    case text([UInt8])
    /// `{{name}}` (escapes) or `{{{name}}}` / `{{& name}}` (does not).
    case variable(MustacheName, escapes: Bool)
    /// `{{#name}}…{{/name}}`.
    case section(MustacheName, [MustacheNode])
    /// `{{^name}}…{{/name}}`.
    case invertedSection(MustacheName, [MustacheNode])
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with its block overrides; `{{>*name}}`, `{{<*name}}` name
    /// the template by a value.
    case partial(MustachePartial)
    /// `{{$name}}default{{/name}}` outside a parent: the override in force, else the default.
    case block(MustacheBlock)
    /// `{{% CONTENT_TYPE: TEXT}}` or `HTML`: whether `{{name}}` escapes from here to the end of the body.
    case contentType(escapesHTML: Bool)
}

/// A name in a tag, split when the template is compiled.
struct MustacheName: Sendable, Equatable {
    /// The dotted parts; empty for `{{.}}` (and `{{}}`), which mean the top of the context stack.
    let parts: [String]
    /// Whether the first part is searched for down the whole context stack; a leading `.` keeps it to the top.
    let climbs: Bool
    /// Where its tag starts (1-based line, column in characters), for the template check; 0 when unknown.
    var line = 0
    var column = 0

    init(_ text: String) {
        // swift-mustache splits on "." dropping empty pieces, so "a..b" is "a.b" and ".." is ".".
        parts = text.split(separator: ".").map(String.init)
        climbs = text.first != "."
    }

    init(_ text: String, at position: (line: Int, column: Int)) {
        self.init(text)
        (line, column) = position
    }

    /// The same name wherever it is written.
    static func == (a: MustacheName, b: MustacheName) -> Bool { a.parts == b.parts && a.climbs == b.climbs }
}

/// A partial or parent tag, linked to its template when the set is compiled.
struct MustachePartial: Sendable {
    /// Index of the named template, nil when the set has no template of that name (it renders nothing),
    /// and for a dynamic name.
    let template: Int?
    /// `{{>*name}}`, `{{<*name}}`: the name whose value, looked up when rendering, names the template.
    let dynamicName: MustacheName?
    /// Whitespace before a standalone tag, added to every line the partial writes.
    let indentation: [UInt8]
    /// Block bodies given in a `{{< parent}}` section, by block id; nil for `{{> name}}`.
    let overrides: MustacheOverrides?

    init(_ target: MustachePartialTarget, indentation: [UInt8], overrides: MustacheOverrides?) {
        template = target.template
        // The spec resolves a dynamic name once: `{{>**name}}` and `{{>*a.*b}}` name no template.
        dynamicName = target.isDynamic && !target.name.contains("*") ? MustacheName(target.name) : nil
        self.indentation = indentation
        self.overrides = overrides
    }
}

/// What a partial or parent tag names: a template, or (dynamic) a name whose value names one.
struct MustachePartialTarget: Sendable {
    let name: String
    let template: Int?
    let isDynamic: Bool
}

/// A block expansion `{{$name}}default{{/name}}`.
struct MustacheBlock: Sendable {
    /// The block's name, interned across the whole template set.
    let id: Int
    let defaultBody: [MustacheNode]
    /// Not standalone: the whitespace before the tag, which indents the lines after the first, of the default
    /// content or of an override. Standalone: the default content's own (intrinsic) indentation, which indents
    /// every line of an override.
    let indentation: [UInt8]
    /// Whether the opening tag stands alone on its line: the default content is then written as it stands.
    let standalone: Bool
}

/// Block bodies by block id.
typealias MustacheOverrides = [Int: [MustacheNode]]
