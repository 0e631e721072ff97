import CYAML

/// A YAML value with the position it was written at (line and column in the YAML text, 1-based,
/// columns in Unicode scalars as libyaml counts them).
public enum YAMLNode: Sendable {
    public struct Position: Sendable, Hashable {
        public var line: Int
        public var column: Int
    }

    public struct Entry: Sendable {
        public var key: String
        public var keyPosition: Position
        public var value: YAMLNode
    }

    /// `isNull` for `~`, `null` or nothing written; `isPlain` when it was not quoted.
    case scalar(String, Position, isPlain: Bool)
    case list([YAMLNode], Position)
    case map([Entry], Position)

    public var position: Position {
        switch self {
        case .scalar(_, let p, _), .list(_, let p), .map(_, let p): p
        }
    }

    /// A plain `~`, `null`, or an empty value.
    public var isNull: Bool {
        if case .scalar(let s, _, true) = self { return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" }
        return false
    }

    /// What a reader calls this kind of value, for type errors.
    public var kindName: String {
        switch self {
        case .scalar: isNull ? "nothing" : "text"
        case .list: "a list"
        case .map: "a map"
        }
    }
}

/// Why YAML text could not be read, or what is wrong in it, with what to type when that is clear.
struct YAMLSyntaxError: Error {
    var message: String
    var hint: String?
    var position: YAMLNode.Position

    init(message: String, hint: String? = nil, position: YAMLNode.Position) {
        self.message = message
        self.hint = hint
        self.position = position
    }
}

/// Parses YAML text into `YAMLNode`s with libyaml, bounding how far aliases may expand.
enum YAMLReader {
    /// More values than this, or than the file has bytes if it is larger, is refused: it protects
    /// against alias bombs. A file without aliases never reaches it (every value takes at least
    /// a byte), so a huge but honest file (a timeline of a million lines) is read in full.
    static let maximumNodes = 2_000_000
    /// Lists and maps nested deeper than this are refused: no content file needs it, and every
    /// later stage walks values recursively (as did the YAML parser Yams bundles, at the same depth).
    static let maximumDepth = 1_000

    /// The root value of `text`. Problems that do not stop the reading (a repeated key: the first
    /// value is kept) are added to `problems`, so that the file's other errors are found too;
    /// `firstLine` is the file line the YAML starts on, for messages that name a line.
    static func parse(_ text: String, firstLine: Int = 1, maximumNodes: Int = YAMLReader.maximumNodes,
                      problems: inout [YAMLSyntaxError]) throws(YAMLSyntaxError) -> YAMLNode? {
        try compose(text, firstLine: firstLine, maximumNodes: maximumNodes, problems: &problems, each: nil)
    }

    /// The root value of `text`, read as `parse(_:firstLine:maximumNodes:problems:)` does, except
    /// that the items of its list of entries are handed to `each` one at a time, as soon as each is
    /// read, and left out of the result (which holds that list empty). The list of entries is the
    /// root when it is a list, or the value of the root map's first `events` key. A file of a
    /// million lines is so read without the tree of the whole file; when reading fails, the items
    /// handed over so far are all there will be, and the caller drops what it made of them.
    static func parse(_ text: String, firstLine: Int = 1, maximumNodes: Int = YAMLReader.maximumNodes,
                      problems: inout [YAMLSyntaxError], each: (YAMLNode) -> Void) throws(YAMLSyntaxError) -> YAMLNode? {
        try withoutActuallyEscaping(each) { each throws(YAMLSyntaxError) in
            try compose(text, firstLine: firstLine, maximumNodes: maximumNodes, problems: &problems, each: each)
        }
    }

    private static func compose(_ text: String, firstLine: Int, maximumNodes: Int, problems: inout [YAMLSyntaxError],
                                each: ((YAMLNode) -> Void)?) throws(YAMLSyntaxError) -> YAMLNode? {
        var text = text
        let limit = max(maximumNodes, text.utf8.count)
        let (result, found) = text.withUTF8 { utf8 -> (Result<YAMLNode?, YAMLSyntaxError>, [YAMLSyntaxError]) in
            var composer = YAMLComposer(utf8, limit: limit, firstLine: firstLine, each: each)
            defer { composer.close() }
            do throws(YAMLSyntaxError) {
                let root = try composer.compose()
                return (.success(root), composer.problems)
            } catch {
                return (.failure(error), composer.problems)
            }
        }
        problems += found
        return try result.get()
    }

    /// The root value of `text`; any problem, a repeated key too, is thrown.
    static func parse(_ text: String, maximumNodes: Int = YAMLReader.maximumNodes) throws(YAMLSyntaxError) -> YAMLNode? {
        var problems: [YAMLSyntaxError] = []
        let root = try parse(text, maximumNodes: maximumNodes, problems: &problems)
        if let first = problems.first { throw first }
        return root
    }
}

/// Builds one document's `YAMLNode`s from libyaml's events, without recursion (nesting depth is
/// the file's to choose). Every scalar is kept as text: types are read by the resolver. Aliases
/// take their anchor's value; each value of an alias's expansion counts against the limit.
///
/// A struct used as one local variable: the state of a class was checked for exclusive access at
/// run time on every change (a percent of a 10,000-briefing build).
private struct YAMLComposer {
    /// libyaml's parser, where libyaml may keep pointers to it; freed by `close()`.
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let text: UnsafeBufferPointer<UInt8>
    private let limit: Int
    /// File line of the text's first line, for messages that name a line.
    private let firstLine: Int
    /// Problems found that did not stop the reading (repeated keys).
    private(set) var problems: [YAMLSyntaxError] = []
    /// Where the last value read starts and ends: a scalar, or a list or map at its end. A quote or
    /// bracket in the wrong place shows as text right after it.
    private var last: (start: YAMLNode.Position, end: YAMLNode.Position)?
    /// Values so far, aliases counted expanded (mapping keys are not counted).
    private var spent = 0
    private var anchors: [String: (node: YAMLNode, count: Int)] = [:]
    /// Takes the items of the list of entries as they are read, when the caller reads them so.
    private let each: ((YAMLNode) -> Void)?

    /// A list or map whose end has not been read yet.
    private struct Open {
        var position: YAMLNode.Position
        var anchor: String?
        var isMap: Bool
        var items: [YAMLNode] = []
        var entries: [YAMLNode.Entry] = []
        var key: (text: String, position: YAMLNode.Position)?
        /// Values inside, itself included, aliases expanded.
        var count = 1
        /// Whether its items go to `each` instead of `items` (the list of entries).
        var handsOver = false
    }
    private var open: [Open] = []

    init(_ text: UnsafeBufferPointer<UInt8>, limit: Int, firstLine: Int, each: ((YAMLNode) -> Void)? = nil) {
        self.text = text
        self.limit = limit
        self.firstLine = firstLine
        self.each = each
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, text.baseAddress, text.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    func close() {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    mutating func compose() throws(YAMLSyntaxError) -> YAMLNode? {
        var root: YAMLNode?
        var documents = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else { throw parserError() }
            defer { yaml_event_delete(&event) }
            let position = YAMLNode.Position(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
            let end = YAMLNode.Position(line: event.end_mark.line + 1, column: event.end_mark.column + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw mistakes().secondDocument(at: position) }
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE || scalar.style == YAML_ANY_SCALAR_STYLE
                last = (position, end)
                try add(.scalar(value, position, isPlain: isPlain), count: 1, anchor: Self.name(scalar.anchor),
                        root: &root)
            case YAML_ALIAS_EVENT:
                guard let name = Self.name(event.data.alias.anchor), let anchored = anchors[name] else {
                    throw mistakes().explain(YAMLParserReport(problem: "found undefined alias", mark: position), last: nil)
                }
                try add(anchored.node, count: anchored.count, anchor: nil, root: &root)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard open.count < YAMLReader.maximumDepth else {
                    throw YAMLSyntaxError(message: "YAML nested deeper than \(YAMLReader.maximumDepth) levels", position: position)
                }
                let isMap = event.type == YAML_MAPPING_START_EVENT
                let anchor = isMap ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
                var opened = Open(position: position, anchor: Self.name(anchor), isMap: isMap)
                opened.handsOver = !isMap && each != nil && isListOfEntries
                open.append(opened)
                try spend(1, in: position)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let done = open.removeLast()
                last = (done.position, end)
                let node: YAMLNode = done.isMap ? .map(withoutRepeatedKeys(done.entries), done.position)
                                                : .list(done.items, done.position)
                try add(node, count: done.count, anchor: done.anchor, root: &root, spent: true)
            default:
                break
            }
        }
    }

    /// Whether a list starting now is the list of entries: the root, or the value of the root
    /// map's first `events` key.
    private var isListOfEntries: Bool {
        if open.isEmpty { return true }
        guard open.count == 1, open[0].isMap, open[0].key?.text == "events" else { return false }
        return !open[0].entries.contains { $0.key == "events" }
    }

    /// Puts a finished value in the open list or map (or makes it the root) and records its anchor.
    /// `spent` says whether its values were counted already (a list or map, counted as read).
    private mutating func add(_ node: YAMLNode, count: Int, anchor: String?, root: inout YAMLNode?, spent: Bool = false) throws(YAMLSyntaxError) {
        if let anchor { anchors[anchor] = (node, count) }
        guard let top = open.indices.last else {
            if !spent { try spend(count, in: nil) }
            root = node
            return
        }
        if open[top].isMap, open[top].key == nil {
            open[top].key = (Self.keyText(node), node.position)
            return
        }
        if !spent { try spend(count, in: open[top].position) }
        open[top].count += count
        if open[top].isMap, let key = open[top].key {
            open[top].entries.append(.init(key: key.text, keyPosition: key.position, value: node))
            open[top].key = nil
        } else if open[top].handsOver, let each {
            each(node)
        } else {
            open[top].items.append(node)
        }
    }

    /// Counts `count` values; past the limit, the error points at `holder`, the list or map being
    /// read (the one holding the alias that overflowed), not at the anchor.
    private mutating func spend(_ count: Int, in holder: YAMLNode.Position?) throws(YAMLSyntaxError) {
        spent += count
        guard spent > limit else { return }
        throw YAMLSyntaxError(
            message: "YAML expands to more than \(limit) values through aliases (aliases of aliases nested too deep?)",
            position: holder ?? .init(line: 1, column: 1))
    }

    /// A key that is not text (`? [a, b]`) is named by its flow form.
    private static func keyText(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let text, _, _): text
        case .list(let items, _): "[" + items.map(keyText).joined(separator: ", ") + "]"
        case .map(let entries, _): "{" + entries.map { "\($0.key): \(keyText($0.value))" }.joined(separator: ", ") + "}"
        }
    }

    /// A map may not repeat a key: each repeat is a problem at its key that names the line of the
    /// first, and is left out (the first value is kept), so the rest of the file is still read.
    private mutating func withoutRepeatedKeys(_ entries: [YAMLNode.Entry]) -> [YAMLNode.Entry] {
        guard entries.count > 1 else { return entries }
        // A map of a file has a handful of keys: comparing each pair finds none repeated without
        // hashing every key (which took a tenth of reading the YAML).
        if entries.count <= 16 {
            var repeats = false
            for i in entries.indices where !repeats {
                for j in entries.index(after: i)..<entries.endIndex where entries[i].key == entries[j].key {
                    repeats = true
                    break
                }
            }
            guard repeats else { return entries }
        } else {
            var seen = Set<String>()
            seen.reserveCapacity(entries.count)
            guard entries.contains(where: { !seen.insert($0.key).inserted }) else { return entries }
        }
        var first: [String: YAMLNode.Position] = [:]
        var kept: [YAMLNode.Entry] = []
        for entry in entries {
            if let line = first[entry.key]?.line {
                problems.append(YAMLSyntaxError(message: "duplicate key '\(entry.key)' (first on line \(firstLine + line - 1))",
                                                position: entry.keyPosition))
            } else {
                first[entry.key] = entry.keyPosition
                kept.append(entry)
            }
        }
        return kept
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// The text's mistakes, explained (made only when reading failed).
    private func mistakes() -> YAMLMistakes { YAMLMistakes(text, firstLine: firstLine) }

    /// libyaml's error, in an editor's words.
    private func parserError() -> YAMLSyntaxError {
        let parser = parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if parser.error == YAML_READER_ERROR {
            return mistakes().badCharacter(atByte: Int(parser.problem_offset), problem: problem)
        }
        guard parser.error != YAML_MEMORY_ERROR else {
            return YAMLSyntaxError(message: "invalid YAML: \(problem)", position: .init(line: 1, column: 1))
        }
        func position(_ mark: yaml_mark_t) -> YAMLNode.Position { .init(line: mark.line + 1, column: mark.column + 1) }
        let report = YAMLParserReport(problem: problem, mark: position(parser.problem_mark),
                                      context: parser.context.map { String(cString: $0) },
                                      contextMark: parser.context == nil ? nil : position(parser.context_mark))
        return mistakes().explain(report, last: last)
    }
}
