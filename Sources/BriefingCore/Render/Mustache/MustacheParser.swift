/// A partial or parent tag found while compiling, with the position of its opening delimiter.
struct MustacheReference: Sendable {
    let name: String
    let line: Int
    let column: Int
}

/// Compiles one template's text into nodes. It follows swift-mustache 2.1.1's parser
/// (`Template+Parser.swift`) rule by rule, quirks of standalone lines and indentation included,
/// so that both write the same bytes; where swift-mustache accepts a broken tag silently, it reports it,
/// and where it departs from the Mustache spec (a block tag standing alone on its line), the spec wins.
struct MustacheParser {
    private var cursor: MustacheCursor
    private let lines: MustacheLineTable
    private let template: String
    /// Template indexes by name, to link partials.
    private let templateIndexes: [String: Int]
    /// Block ids by name, shared by every template of a set.
    private(set) var blockIDs: [String: Int]
    private(set) var references: [MustacheReference] = []

    init(template: String, text: String, templateIndexes: [String: Int], blockIDs: [String: Int]) {
        cursor = MustacheCursor(text)
        lines = MustacheLineTable(cursor.characters)
        self.template = template
        self.templateIndexes = templateIndexes
        self.blockIDs = blockIDs
    }

    /// Compiles the whole text.
    mutating func parse() throws(MustacheSyntaxError) -> [MustacheNode] {
        try parseBody(State()).nodes
    }

    // MARK: - State

    /// A section, inverted section, block or parent being compiled.
    private struct OpenTag {
        let sigil: Character
        let name: String
        let position: Int
    }

    /// swift-mustache's `ParserState`, plus what the messages need.
    private struct State {
        var open: OpenTag?
        var newLine = true
        /// Inside a `{{< parent}}` section, at any depth.
        var isPartialDefinition = false
        /// Directly in a `{{< parent}}` section, where `{{$name}}` defines a block.
        var isPartialDefinitionTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        /// The indentation of the first line of a block definition, taken off every line of it.
        var partialDefinitionIndent: Int?
        /// Directly in a `{{< parent}}` section whatever the delimiters: nothing but block definitions compile here.
        var isParentBody = false

        func section(_ open: OpenTag, newLine: Bool) -> State {
            var state = self
            state.open = open
            state.isPartialDefinitionTopLevel = false
            state.isParentBody = false
            if !newLine { state.newLine = false }
            return state
        }

        func parent(_ open: OpenTag) -> State {
            var state = self
            state.open = open
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            state.isParentBody = true
            return state
        }

        func delimiters(start: [Character], end: [Character]) -> State {
            var state = self
            state.start = start
            state.end = end
            // As in swift-mustache: after a set-delimiter tag, `{{$name}}` in a parent no longer defines a block.
            state.isPartialDefinitionTopLevel = false
            return state
        }

        func tag(_ sigil: String, _ name: String) -> String { String(start) + sigil + name + String(end) }
    }

    /// What a body compiles to: its nodes, and the block definitions when it is a parent's body.
    private struct Body {
        var nodes: [MustacheNode] = []
        var definitions: [(id: Int, body: [MustacheNode])] = []
        /// The whitespace starting its first line, when it starts at the start of a line (after a block
        /// definition's own indentation is taken off): a block's intrinsic indentation.
        var firstIndentation = ""
    }

    private enum TextStop {
        case newline
        case tag(at: Int)
        case end
    }

    // MARK: - Bodies

    private mutating func parseBody(_ initial: State) throws(MustacheSyntaxError) -> Body {
        var body = Body()
        var state = initial
        var whiteSpaceBefore = ""
        var firstLine = initial.newLine
        while !cursor.reachedEnd {
            if state.newLine {
                let whiteSpace = cursor.text(cursor.skip(while: { $0 == " " || $0 == "\t" }))
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Lines of a block definition lose the indentation of its first line.
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
                if firstLine { body.firstIndentation = whiteSpaceBefore }
            }
            firstLine = false
            let (text, stop) = readText(state)
            if case .newline = stop {
                let newline = cursor.current
                cursor.advance()
                try append(.text(bytes(whiteSpaceBefore + text + String(newline))), to: &body, state, at: cursor.position)
                state.newLine = true
                continue
            }
            if !text.isEmpty {
                try append(.text(bytes(whiteSpaceBefore + text)), to: &body, state, at: cursor.position)
                whiteSpaceBefore = ""
                state.newLine = false
            }
            guard case .tag(let tagStart) = stop else { break }
            // swift-mustache silently drops a start delimiter that ends the text or its line.
            guard !cursor.reachedEnd, !cursor.current.isNewline else {
                throw error(.unclosedTag(end: String(state.end)), at: tagStart)
            }
            var setNewLine = false
            switch cursor.current {
            case "#", "^":
                let sigil = cursor.current
                cursor.advance()
                let name = try parseName(state, tagStart: tagStart)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    try append(.text(bytes(whiteSpaceBefore)), to: &body, state, at: tagStart)
                    whiteSpaceBefore = ""
                }
                let open = OpenTag(sigil: sigil, name: name, position: tagStart)
                let inner = try parseBody(state.section(open, newLine: setNewLine))
                let node: MustacheNode = sigil == "#"
                    ? .section(MustacheName(name, at: lines.position(of: tagStart)), inner.nodes)
                    : .invertedSection(MustacheName(name, at: lines.position(of: tagStart)), inner.nodes)
                try append(node, to: &body, state, at: tagStart)

            case "/":
                cursor.advance()
                // Unlike swift-mustache, a closing name may hold "/", so that `{{< partials/x}}` can be closed.
                let name = try parseName(state, tagStart: tagStart, allowingSlash: true)
                guard let open = state.open else {
                    throw error(.closeWithoutOpen(close: state.tag("/", name)), at: tagStart)
                }
                guard name == open.name else {
                    throw error(.mismatchedClose(close: state.tag("/", name), open: state.tag(String(open.sigil), open.name)),
                                at: tagStart)
                }
                // A standalone closing tag takes its line with it; the caller then goes on with the newline state
                // of the opening tag, as swift-mustache does.
                if !isStandalone(state), !whiteSpaceBefore.isEmpty {
                    try append(.text(bytes(whiteSpaceBefore)), to: &body, state, at: tagStart)
                }
                return body

            case "!":
                cursor.advance()
                guard cursor.read(past: state.end) != nil else {
                    throw error(.unclosedComment(end: String(state.end)), at: tagStart)
                }
                setNewLine = isStandalone(state)

            case "{":
                if !whiteSpaceBefore.isEmpty {
                    try append(.text(bytes(whiteSpaceBefore)), to: &body, state, at: tagStart)
                    whiteSpaceBefore = ""
                }
                cursor.advance()
                let name = try parseName(state, tagStart: tagStart)
                guard !cursor.reachedEnd, cursor.current == "}" else {
                    throw error(.unclosedTag(end: String(state.end) + "}"), at: tagStart)
                }
                cursor.advance()
                try append(.variable(MustacheName(name, at: lines.position(of: tagStart)), escapes: false), to: &body, state, at: tagStart)

            case "&":
                if !whiteSpaceBefore.isEmpty {
                    try append(.text(bytes(whiteSpaceBefore)), to: &body, state, at: tagStart)
                    whiteSpaceBefore = ""
                }
                cursor.advance()
                let name = try parseName(state, tagStart: tagStart)
                try append(.variable(MustacheName(name, at: lines.position(of: tagStart)), escapes: false), to: &body, state, at: tagStart)

            case ">":
                cursor.advance()
                cursor.skip(while: \.isWhitespace)
                let target = try parsePartialTarget(state, tagStart: tagStart)
                if !whiteSpaceBefore.isEmpty {
                    try append(.text(bytes(whiteSpaceBefore)), to: &body, state, at: tagStart)
                }
                var indentation = ""
                if isStandalone(state) {
                    setNewLine = true
                    indentation = whiteSpaceBefore
                }
                let partial = MustachePartial(target, indentation: bytes(indentation), overrides: nil)
                try append(.partial(partial), to: &body, state, at: tagStart)
                whiteSpaceBefore = ""

            case "<":
                cursor.advance()
                cursor.skip(while: \.isWhitespace)
                let target = try parsePartialTarget(state, tagStart: tagStart)
                // A dynamic parent `{{<*name}}` closes with `{{/*name}}`.
                let name = target.isDynamic ? "*" + target.name : target.name
                if !whiteSpaceBefore.isEmpty {
                    try append(.text(bytes(whiteSpaceBefore)), to: &body, state, at: tagStart)
                }
                if isStandalone(state) { setNewLine = true }
                let inner = try parseBody(state.parent(OpenTag(sigil: "<", name: name, position: tagStart)))
                var overrides: MustacheOverrides = [:]
                for definition in inner.definitions { overrides[definition.id] = definition.body }
                let partial = MustachePartial(target, indentation: bytes(whiteSpaceBefore), overrides: overrides)
                try append(.partial(partial), to: &body, state, at: tagStart)
                whiteSpaceBefore = ""

            case "$":
                cursor.advance()
                let name = try parseName(state, tagStart: tagStart)
                let id = blockID(name)
                let open = OpenTag(sigil: "$", name: name, position: tagStart)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let inner = try parseBody(state.section(open, newLine: setNewLine))
                    body.definitions.append((id, inner.nodes))
                } else if isStandalone(state) {
                    // The spec's block re-indentation, where swift-mustache writes the whitespace before the tag
                    // and indents by it: the tag's line goes, the default content is written as it stands, and
                    // an override is indented as the default content's first line is (its intrinsic indentation).
                    setNewLine = true
                    let inner = try parseBody(state.section(open, newLine: setNewLine))
                    let block = MustacheBlock(id: id, defaultBody: inner.nodes, indentation: bytes(inner.firstIndentation),
                                              standalone: true)
                    try append(.block(block), to: &body, state, at: tagStart)
                    whiteSpaceBefore = ""
                } else {
                    if !whiteSpaceBefore.isEmpty {
                        try append(.text(bytes(whiteSpaceBefore)), to: &body, state, at: tagStart)
                    }
                    let inner = try parseBody(state.section(open, newLine: setNewLine))
                    let block = MustacheBlock(id: id, defaultBody: inner.nodes, indentation: bytes(whiteSpaceBefore),
                                              standalone: false)
                    try append(.block(block), to: &body, state, at: tagStart)
                    whiteSpaceBefore = ""
                }

            case "=":
                cursor.advance()
                state = try parseDelimiters(state, tagStart: tagStart)
                setNewLine = isStandalone(state)

            case "%":
                cursor.advance()
                let escapes = try parseContentType(state, tagStart: tagStart)
                try append(.contentType(escapesHTML: escapes), to: &body, state, at: tagStart)
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    try append(.text(bytes(whiteSpaceBefore)), to: &body, state, at: tagStart)
                    whiteSpaceBefore = ""
                }
                let name = try parseName(state, tagStart: tagStart)
                try append(.variable(MustacheName(name, at: lines.position(of: tagStart)), escapes: true), to: &body, state, at: tagStart)
            }
            state.newLine = setNewLine
        }
        if let open = state.open {
            throw error(.unclosedSection(open: state.tag(String(open.sigil), open.name), close: state.tag("/", open.name)),
                        at: open.position)
        }
        return body
    }

    /// Adds a node; text next to text is merged (the renderer keeps swift-mustache's per-line indentation).
    /// In a parent's body text is dropped and anything but a block definition is an error.
    private func append(_ node: MustacheNode, to body: inout Body, _ state: State, at position: Int) throws(MustacheSyntaxError) {
        if state.isParentBody {
            if case .text = node { return }
            throw error(.notABlockInsideParent, at: position)
        }
        if case .text(let text) = node, case .text(let previous)? = body.nodes.last {
            body.nodes[body.nodes.count - 1] = .text(previous + text)
        } else {
            body.nodes.append(node)
        }
    }

    // MARK: - Pieces of tags

    /// Text up to the next start delimiter (moving past it), the next "\n" or "\r\n" (not past it), or the end.
    private mutating func readText(_ state: State) -> (String, TextStop) {
        let first = state.start[0]
        let start = cursor.position
        while true {
            cursor.skip(while: { $0 != "\n" && $0 != "\r\n" && $0 != first })
            if cursor.reachedEnd { return (cursor.text(start..<cursor.position), .end) }
            if cursor.current == "\n" || cursor.current == "\r\n" { return (cursor.text(start..<cursor.position), .newline) }
            let tagStart = cursor.position
            if cursor.read(state.start) { return (cursor.text(start..<tagStart), .tag(at: tagStart)) }
            // swift-mustache throws when the text ends within the length of a delimiter; this keeps it as text.
            cursor.advance()
        }
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
    private static let configCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    /// A name and the end delimiter, as swift-mustache's `parseName` reads them.
    private mutating func parseName(_ state: State, tagStart: Int, allowingSlash: Bool = false) throws(MustacheSyntaxError) -> String {
        cursor.skip(while: \.isWhitespace)
        let range = cursor.skip(while: { Self.nameCharacters.contains($0) || (allowingSlash && $0 == "/") })
        cursor.skip(while: \.isWhitespace)
        guard cursor.read(state.end) else { throw tagError(state, tagStart: tagStart) }
        let name = cursor.text(range)
        if name.contains("(") || name.contains(")") {
            throw error(.transform(tag: cursor.text(tagStart..<cursor.position)), at: tagStart)
        }
        return name
    }

    /// What a partial or parent tag names after its sigil: a template, or with `*` a dotted name whose
    /// value names it when rendering (`{{>*name}}`, `{{<*name}}`). Records the names of templates.
    private mutating func parsePartialTarget(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> MustachePartialTarget {
        guard !cursor.reachedEnd, cursor.current == "*" else {
            let name = try parsePartialName(state, tagStart: tagStart)
            record(name, at: tagStart)
            return MustachePartialTarget(name: name, template: templateIndexes[name], isDynamic: false)
        }
        cursor.advance()
        let name = try parseName(state, tagStart: tagStart)
        return MustachePartialTarget(name: name, template: nil, isDynamic: true)
    }

    private mutating func parsePartialName(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> String {
        cursor.skip(while: \.isWhitespace)
        let range = cursor.skip(while: { Self.partialNameCharacters.contains($0) })
        cursor.skip(while: \.isWhitespace)
        guard cursor.read(state.end) else { throw tagError(state, tagStart: tagStart) }
        return cursor.text(range)
    }

    /// A tag whose name is not followed by the end delimiter: an odd character in the name when the
    /// delimiter comes later on the line, else a tag that is never closed.
    private func tagError(_ state: State, tagStart: Int) -> MustacheSyntaxError {
        var probe = cursor
        if let range = probe.read(past: state.end), !probe.characters[range].contains(where: \.isNewline) {
            return error(.invalidName(tag: probe.text(tagStart..<probe.position)), at: tagStart)
        }
        return error(.unclosedTag(end: String(state.end)), at: tagStart)
    }

    /// `{{=<% %>=}}`: returns the state with the new delimiters.
    private mutating func parseDelimiters(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> State {
        let invalid = error(.invalidSetDelimiter(example: state.tag("=", "<% %>=")), at: tagStart)
        cursor.skip(while: \.isWhitespace)
        guard let start = cursor.read(until: \.isWhitespace) else { throw invalid }
        cursor.skip(while: \.isWhitespace)
        guard let end = cursor.read(until: { $0 == "=" || $0.isWhitespace }) else { throw invalid }
        cursor.skip(while: \.isWhitespace)
        guard cursor.read(["="]), cursor.read(state.end), !start.isEmpty, !end.isEmpty else { throw invalid }
        return state.delimiters(start: Array(cursor.characters[start]), end: Array(cursor.characters[end]))
    }

    /// `{{% CONTENT_TYPE: TEXT}}` (no escaping from here) or `HTML`; returns whether `{{name}}` escapes.
    private mutating func parseContentType(_ state: State, tagStart: Int) throws(MustacheSyntaxError) -> Bool {
        cursor.skip(while: \.isWhitespace)
        let variable = cursor.text(cursor.skip(while: { Self.configCharacters.contains($0) }))
        cursor.skip(while: \.isWhitespace)
        let hasColon = cursor.read([":"])
        cursor.skip(while: \.isWhitespace)
        let value = cursor.text(cursor.skip(while: { Self.configCharacters.contains($0) }))
        cursor.skip(while: \.isWhitespace)
        guard hasColon, cursor.read(state.end), variable == "CONTENT_TYPE", value == "HTML" || value == "TEXT" else {
            var probe = cursor
            let tagEnd = probe.read(past: state.end) != nil ? probe.position : cursor.position
            throw error(.invalidContentType(tag: cursor.text(tagStart..<tagEnd)), at: tagStart)
        }
        return value == "HTML"
    }

    private mutating func isStandalone(_ state: State) -> Bool {
        state.newLine && cursor.finishesLine()
    }

    // MARK: - Helpers

    private mutating func blockID(_ name: String) -> Int {
        if let id = blockIDs[name] { return id }
        let id = blockIDs.count
        blockIDs[name] = id
        return id
    }

    private mutating func record(_ name: String, at position: Int) {
        let (line, column) = lines.position(of: position)
        references.append(MustacheReference(name: name, line: line, column: column))
    }

    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    private func error(_ problem: MustacheProblem, at position: Int) -> MustacheSyntaxError {
        let (line, column) = lines.position(of: position)
        return MustacheSyntaxError(template: template, line: line, column: column, message: problem.message)
    }
}
