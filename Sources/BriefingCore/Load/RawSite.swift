/// A text file of the site, decoded, with its YAML part parsed and its Markdown part located.
public struct RawDocument: Sendable {
    /// Path relative to the site folder, e.g. `Content/briefings/x.md`.
    public var path: String
    /// The file up to its body: the front matter with its `---` lines (the whole file for
    /// `.yaml`). The body is kept once, in `body`.
    public var head: String
    /// The YAML root (front matter, or the whole file for `.yaml`); nil when there is none.
    public var yaml: YAMLNode?
    /// Line in `text` where the YAML begins (2 for front matter after `---`).
    public var yamlLine: Int
    /// The Markdown after the front matter.
    public var body: String
    /// Line in `text` where `body` begins.
    public var bodyLine: Int
    /// True when the YAML is read by the resolver, one entry at a time (`timeline.yaml`, a list
    /// that may run to a million lines: see `YAMLReader.parse(_:firstLine:maximumNodes:problems:each:)`):
    /// `yaml` is then nil, `head` holds the text, and its YAML errors are reported when it is read.
    public var readsEntriesWhenResolved = false
    /// True when reading the file reported an error (it could not be read, decoded or parsed, or
    /// its YAML repeats a key): `serve` reads it again on its next build.
    public var loadFailed: Bool

    /// Whether the resolver reads the document: it loaded, or its errors left the YAML whole (a
    /// repeated key, whose first value is kept), so that its other errors are found in the same run.
    var isReadable: Bool { !loadFailed || yaml != nil }

    /// A document at `path` with nothing read yet (it stays so when reading fails).
    static func unread(_ path: String) -> RawDocument {
        RawDocument(path: path, head: "", yaml: nil, yamlLine: 1, body: "", bodyLine: 1, loadFailed: true)
    }
}

/// Everything read from `Content/`, before any meaning is checked.
public struct RawSite: Sendable {
    public var root: String
    public var siteConfig: RawDocument?
    public var people: [RawDocument]
    public var briefings: [RawDocument]
    public var timeline: RawDocument?
    /// `Content/topics.yaml`, when there is one.
    public var topics: RawDocument? = nil
    /// Files under `Content/media/`, relative to it, sorted.
    public var media: [String]
    /// What reading found: files that could not be read or parsed, files of no known kind.
    public var diagnostics: [Diagnostic]
}
