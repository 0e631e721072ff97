import Foundation

/// What libyaml said when it stopped reading: its problem and the context it was in, at 1-based
/// positions in the YAML text.
struct YAMLParserReport {
    var problem: String
    var mark: YAMLNode.Position
    var context: String?
    var contextMark: YAMLNode.Position?
}

/// Says why YAML could not be read in an editor's words. The common mistakes — a tab in the
/// indentation, `: ` or a quote inside a value, an unclosed `[` or quote, a line that does not line
/// up, a value starting with a character YAML reserves, no space after a key's colon — are located
/// at their culprit with a hint that says what to type; anything else keeps libyaml's words,
/// cleaned up where they mean little to an editor.
///
/// It runs only when reading failed, so it takes its time: each line it looks at is decoded into
/// Unicode scalars, as libyaml counts columns.
struct YAMLMistakes {
    typealias Position = YAMLNode.Position

    /// The YAML text, as the composer reads it (valid while it reads).
    private let text: UnsafeBufferPointer<UInt8>
    /// Where each line starts and ends, in bytes (index 0 is line 1), its line break left out.
    private let lineBounds: [Range<Int>]
    /// File line of the YAML's first line, for messages that name another line.
    private let firstLine: Int

    init(_ text: UnsafeBufferPointer<UInt8>, firstLine: Int) {
        self.text = text
        // Lines end where libyaml ends them, so that its positions name the same lines: at LF,
        // CR LF, a CR alone, NEL (U+0085), and the line and paragraph separators (U+2028, U+2029).
        var bounds: [Range<Int>] = []
        var start = 0, offset = 0
        while offset < text.count {
            var length = 0
            switch text[offset] {
            case 0x0A: length = 1
            case 0x0D: length = offset + 1 < text.count && text[offset + 1] == 0x0A ? 2 : 1
            case 0xC2 where offset + 1 < text.count && text[offset + 1] == 0x85: length = 2
            case 0xE2 where offset + 2 < text.count && text[offset + 1] == 0x80 && (text[offset + 2] == 0xA8 || text[offset + 2] == 0xA9):
                length = 3
            default: break
            }
            if length > 0 {
                bounds.append(start..<offset)
                start = offset + length
                offset = start
            } else {
                offset += 1
            }
        }
        bounds.append(start..<text.count)
        lineBounds = bounds
        self.firstLine = firstLine
    }

    /// The explained error for `report`. `last` is where the last value read before the problem
    /// starts and ends (a quoted text or a `[ ]` list ends early when a quote or bracket is misplaced).
    func explain(_ report: YAMLParserReport, last: (start: Position, end: Position)?) -> YAMLSyntaxError {
        tabIndent(report) ?? unclosedQuote(report) ?? textAfterClosing(report, last: last) ?? unknownEscape(report)
            ?? unclosedBracket(report) ?? noSpaceAfterColon(report, last: last) ?? missingColon(report) ?? reservedStart(report)
            ?? colonInValue(report) ?? misaligned(report) ?? plain(report)
    }

    /// The error for a byte of the text that YAML does not allow (a control character).
    func badCharacter(atByte offset: Int, problem: String) -> YAMLSyntaxError {
        let offset = min(max(offset, 0), text.count)
        let index = lineBounds.lastIndex { $0.lowerBound <= offset } ?? 0
        let start = lineBounds[index].lowerBound
        let before = UnsafeBufferPointer(rebasing: text[start..<max(start, min(offset, lineBounds[index].upperBound))])
        let position = Position(line: index + 1, column: String(decoding: before, as: UTF8.self).unicodeScalars.count + 1)
        guard problem == "control characters are not allowed", let scalar = character(at: position) else {
            return error(problem, at: position)
        }
        let code = String(scalar.value, radix: 16, uppercase: true)
        return error("a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)) is not allowed",
                     hint: "delete it: it often comes with pasted text", at: position)
    }

    /// The error for a second `---` document in a file.
    func secondDocument(at position: Position) -> YAMLSyntaxError {
        error("a second YAML document starts here", hint: "a file holds one document: remove this '---' line", at: position)
    }

    // MARK: - The mistakes

    /// A tab in the indentation of the line libyaml stopped at.
    private func tabIndent(_ report: YAMLParserReport) -> YAMLSyntaxError? {
        let line = line(report.mark.line)
        for (index, scalar) in line.enumerated() {
            if scalar == "\t" {
                return error("a tab in the indentation", hint: "indent with spaces, not a tab",
                             at: Position(line: report.mark.line, column: index + 1))
            }
            if scalar != " " { break }
        }
        return nil
    }

    /// A quote opened and never closed before the end of the text.
    private func unclosedQuote(_ report: YAMLParserReport) -> YAMLSyntaxError? {
        guard report.problem == "found unexpected end of stream", report.context == "while scanning a quoted scalar",
              let open = report.contextMark, let quote = character(at: open) else { return nil }
        return error("the quote opened here is never closed",
                     hint: "close it with \(quote) at the end of the \(owner(of: open).name)", at: open)
    }

    /// Text on the line after a quoted value or a `[ ]` list closed: a quote inside quotes closed
    /// them early, or the value goes on after its closing quote or bracket. A quoted value that ran
    /// on over lines before closing was not closed on its own line.
    private func textAfterClosing(_ report: YAMLParserReport, last: (start: Position, end: Position)?) -> YAMLSyntaxError? {
        guard let last, report.problem.hasPrefix("did not find expected"), report.mark.line == last.end.line,
              report.mark.column >= last.end.column, let opener = character(at: last.start) else { return nil }
        let owner = owner(of: last.start)
        switch opener {
        case "\"", "'":
            if last.start.line < last.end.line {
                return error("the quote opened here is not closed on its line",
                             hint: "close it with \(opener) at the end of the \(owner.name)", at: last.start)
            }
            let raw = Array(rawValue(from: last.start, after: report.mark.column).unicodeScalars)
            guard raw.count >= 2, raw.last == opener else {
                return error("text after the closing quote of \(owner.what)",
                             hint: "put the whole \(owner.name) in quotes: \(owner.prefix)\(Self.quoted(Self.string(raw)))",
                             at: report.mark)
            }
            let inner = Array(raw.dropFirst().dropLast())
            let kind = opener == "\"" ? "double" : "single"
            return error("a \(opener) inside the \(kind) quotes of \(owner.what) ends them early",
                         hint: Self.innerQuoteHint(inner, quote: opener, prefix: owner.prefix),
                         at: Position(line: last.end.line, column: last.end.column - 1))
        case "[", "{":
            let raw = rawValue(from: last.start, after: report.mark.column)
            return error("text after the closing '\(opener == "[" ? "]" : "}")' of \(owner.what)",
                         hint: "put the \(owner.name) in quotes: \(owner.prefix)\(Self.quoted(raw))", at: report.mark)
        default:
            return nil
        }
    }

    /// What to type for a quoted value with its own quote inside: the other quotes outside when the
    /// text holds none of them (and no backslash, which double quotes would read as an escape),
    /// else the inside quote escaped.
    private static func innerQuoteHint(_ inner: [Unicode.Scalar], quote: Unicode.Scalar, prefix: String) -> String {
        let text = string(inner)
        if quote == "\"" {
            if !inner.contains("'") {
                return "use single quotes outside: \(prefix)'\(text)' (or type \\\" for each \" inside)"
            }
            var escaped = String.UnicodeScalarView()
            for (index, scalar) in inner.enumerated() {
                if scalar == "\"" && (index == 0 || inner[index - 1] != "\\") { escaped.append("\\") }
                escaped.append(scalar)
            }
            return "type \\\" for each \" inside: \(prefix)\"\(String(escaped))\""
        }
        if !inner.contains("\"") && !inner.contains("\\") {
            return "use double quotes outside: \(prefix)\"\(text)\" (or type '' for each ' inside)"
        }
        var doubled = String.UnicodeScalarView()
        var index = 0
        while index < inner.count {
            doubled.append(inner[index])
            if inner[index] == "'" {
                doubled.append("'")
                if index + 1 < inner.count, inner[index + 1] == "'" { index += 1 }
            }
            index += 1
        }
        return "type '' for each ' inside: \(prefix)'\(String(doubled))'"
    }

    /// A backslash in double quotes that starts no escape YAML knows (`"C:\Users"`).
    private func unknownEscape(_ report: YAMLParserReport) -> YAMLSyntaxError? {
        guard report.context == "while parsing a quoted scalar", let open = report.contextMark,
              report.problem == "found unknown escape character" || report.problem.hasPrefix("did not find expected hex")
        else { return nil }
        let line = line(report.mark.line)
        var backslash = min(report.mark.column - 1, line.count - 1)
        while backslash >= 0, line[backslash] != "\\" { backslash -= 1 }
        guard backslash >= 0 else { return nil }
        let escape = Self.string(line[backslash..<min(backslash + 2, line.count)])
        var hint = "type \\\\ for a backslash"
        let owner = owner(of: open)
        if open.line == report.mark.line, let close = line.lastIndex(of: "\""), close > open.column - 1 {
            let inner = Array(line[open.column..<close])
            if !inner.contains("'") && !inner.contains("\"") {
                hint += ", or use single quotes outside: \(owner.prefix)'\(Self.string(inner))'"
            }
        }
        return error("'\(escape)' is not an escape YAML knows in double quotes", hint: hint,
                     at: Position(line: report.mark.line, column: backslash + 1))
    }

    /// A `[` or `{` never closed; or one closed later, with something else than `,` between items.
    private func unclosedBracket(_ report: YAMLParserReport) -> YAMLSyntaxError? {
        guard report.context == "while parsing a flow sequence" || report.context == "while parsing a flow mapping",
              let open = report.contextMark, let opener = character(at: open), opener == "[" || opener == "{"
        else { return nil }
        let closer: Unicode.Scalar = opener == "[" ? "]" : "}"
        let kind = opener == "[" ? "list" : "map"
        guard open.line <= lineCount else { return nil }
        // Brackets counted from the opening one to the end of the text (quotes aside: an item of a
        // one-line list rarely holds a bracket).
        var depth = 0
        for number in open.line...lineCount {
            let line = line(number)
            for index in (number == open.line ? open.column - 1 : 0)..<line.count {
                if line[index] == opener { depth += 1 } else if line[index] == closer { depth -= 1 }
                if depth == 0 {
                    return error("expected ',' or '\(closer)' after an item of the \(kind) opened on line \(fileLine(open.line))",
                                 hint: "separate the items with ', ' and put an item that holds ', ', ': ' or a quote in quotes",
                                 at: report.mark)
                }
            }
        }
        return error("the \(kind) opened here is never closed", hint: "close the \(kind) with \(closer)", at: open)
    }

    /// `date:2025`: a key whose colon has no space after it (YAML reads it as text, and the next
    /// line then makes no sense). Looked for from the line of the problem up to where the value
    /// being read began.
    private func noSpaceAfterColon(_ report: YAMLParserReport, last: (start: Position, end: Position)?) -> YAMLSyntaxError? {
        let top = max(1, min(report.mark.line, report.contextMark?.line ?? .max, last?.start.line ?? .max), report.mark.line - 20)
        for number in stride(from: report.mark.line, through: top, by: -1) {
            let shape = shape(number)
            guard shape.key == nil, !shape.isBlank else { continue }
            let line = line(number)
            var index = shape.content - 1
            guard index < line.count, Self.isKeyStart(line[index]) else { continue }
            while index < line.count, Self.isKeyStart(line[index]) || line[index] == "-" || ("0"..."9").contains(line[index]) {
                index += 1
            }
            guard index + 1 < line.count, line[index] == ":", line[index + 1] != "/", line[index + 1] != ":" else { continue }
            let key = Self.string(line[(shape.content - 1)..<index])
            let value = rawValue(from: Position(line: number, column: index + 2), after: index + 2)
            return error("no space after '\(key):'", hint: "type a space after the colon: \(key): \(value)",
                         at: Position(line: number, column: index + 2))
        }
        return nil
    }

    /// A line without `key: ` where a map wants one: a key whose colon is missing (`people [a, b]`),
    /// or a long value wrapped onto a line of its own, not indented.
    private func missingColon(_ report: YAMLParserReport) -> YAMLSyntaxError? {
        guard report.problem == "could not find expected ':'", let start = report.contextMark else { return nil }
        let line = line(start.line)
        var end = min(start.column - 1, line.count)
        while end < line.count, Self.isKeyStart(line[end]) || line[end] == "-" || ("0"..."9").contains(line[end]) { end += 1 }
        let word = Self.string(line[min(start.column - 1, end)..<end])
        var rest = Array(rawValue(from: Position(line: start.line, column: end + 1), after: end + 1).unicodeScalars)
        while rest.first == " " || rest.first == "\t" { rest.removeFirst() }
        if !word.isEmpty, rest.isEmpty || "[{\"'".unicodeScalars.contains(rest[0]) {
            let value = rest.isEmpty ? "" : " " + Self.string(rest)
            return error("no ':' after '\(word)'", hint: "type a colon after the key: \(word):\(value)",
                         at: Position(line: start.line, column: end + 1))
        }
        for number in stride(from: start.line - 1, through: 1, by: -1) {
            let above = shape(number)
            if above.isBlank { continue }
            guard let key = above.key, let value = above.value, above.content >= start.column,
                  let first = character(at: Position(line: number, column: value)),
                  !"\"'[{|>".unicodeScalars.contains(first) else { break }
            return error("this line goes on with the value of '\(key)' on line \(fileLine(number)), but is not indented",
                         hint: "indent it more than '\(key)', or write the \(key) on one line", at: start)
        }
        return error("a line without 'key: ' in a map",
                     hint: "write 'key: value'; text that goes on from the line above is indented under it", at: start)
    }

    /// A value that starts with a character YAML reserves: `@` and `` ` `` (kept for later use),
    /// `*` and `&` (aliases and anchors: Markdown's `*emphasis*`), `%`, `!`, `?`, `,`, `]`, `}`,
    /// `|` and `>` (a Markdown quote), or `- ` after a key.
    private func reservedStart(_ report: YAMLParserReport) -> YAMLSyntaxError? {
        for position in [report.mark, report.contextMark].compactMap({ $0 }) {
            guard let scalar = character(at: position), "@`*&%!?,|>-]}".unicodeScalars.contains(scalar) else { continue }
            let shape = shape(position.line)
            let afterKey = shape.value == position.column
            let startsItem = !shape.dashes.isEmpty && shape.content == position.column && shape.key == nil
            guard afterKey || (scalar != "-" && (startsItem || isInFlow(position))) else { continue }
            let owner = owner(of: position)
            let raw = rawValue(from: position, after: position.column)
            return error("a value cannot start with '\(scalar)'",
                         hint: "put the \(owner.name) in quotes: \(owner.prefix)\(Self.quoted(raw))", at: position)
        }
        return nil
    }

    /// `title: Trump: talks`: a second `: ` on a `key: value` line. On a line that goes on with the
    /// value above (prose with a colon), the value above is named.
    private func colonInValue(_ report: YAMLParserReport) -> YAMLSyntaxError? {
        guard report.problem == "mapping values are not allowed in this context" else { return nil }
        let shape = shape(report.mark.line)
        if let colon = shape.colon, colon < report.mark.column, let value = shape.value, let key = shape.key {
            let start = Position(line: report.mark.line, column: value)
            let owner = owner(of: start)
            return error("unquoted ': ' in the value of '\(key)'",
                         hint: "put the \(owner.name) in quotes: \(owner.prefix)\(Self.quoted(rawValue(from: start, after: value)))",
                         at: start)
        }
        guard let key = shape.key, key.unicodeScalars.contains(" "), shape.colon == report.mark.column else { return nil }
        for number in stride(from: report.mark.line - 1, through: 1, by: -1) {
            let above = self.shape(number)
            guard let owner = above.key, above.value != nil else { continue }
            return error("unquoted ': ' in the value of '\(owner)', which starts on line \(fileLine(number))",
                         hint: "put the whole \(owner) in quotes", at: report.mark)
        }
        return nil
    }

    /// A `key:` or `- ` line that does not line up with the lines above it.
    private func misaligned(_ report: YAMLParserReport) -> YAMLSyntaxError? {
        let shape = shape(report.mark.line)
        guard !shape.isBlank else { return nil }
        if let dash = shape.dashes.first, report.mark.column == dash {
            for number in stride(from: report.mark.line - 1, through: 1, by: -1) {
                let above = self.shape(number)
                if above.isBlank { continue }
                if let other = above.dashes.first {
                    guard other != dash else { return nil }
                    return error("this list item is not lined up with the one on line \(fileLine(number))",
                                 hint: "start the '-' in column \(other), under the one on line \(fileLine(number))",
                                 at: Position(line: report.mark.line, column: dash))
                }
                if above.indent < dash - 1 { break }
            }
            return error("a list item where a 'key: value' line belongs",
                         hint: "a list goes on the lines after a key that has nothing after its ':'",
                         at: Position(line: report.mark.line, column: dash))
        }
        guard let key = shape.key, !key.unicodeScalars.contains(" "),
              report.mark.column == shape.content || report.mark.column == shape.colon else { return nil }
        let candidates = ancestors(above: report.mark.line)
        guard !candidates.contains(where: { $0.column == shape.content }),
              let best = candidates.min(by: { a, b in
                  let (da, db) = (abs(a.column - shape.content), abs(b.column - shape.content))
                  return da != db ? da < db : a.column < b.column
              })
        else { return nil }
        return error("'\(key)' is not lined up with '\(best.key)' on line \(fileLine(best.line))",
                     hint: "start '\(key)' in column \(best.column), under '\(best.key)'",
                     at: Position(line: report.mark.line, column: shape.content))
    }

    /// The keys a line could line up with: the nearest key line above, then each less indented one
    /// above that (the keys of the maps it could belong to), nearest first for each column.
    private func ancestors(above number: Int) -> [(column: Int, key: String, line: Int)] {
        var found: [(column: Int, key: String, line: Int)] = []
        var limit = Int.max
        for line in stride(from: number - 1, through: 1, by: -1) where limit > 0 {
            let shape = shape(line)
            guard !shape.isBlank, shape.indent < limit else { continue }
            limit = shape.indent
            if let key = shape.key, !found.contains(where: { $0.column == shape.content }) {
                found.append((shape.content, key, line))
            }
        }
        return found
    }

    /// libyaml's words, cleaned up where they mean little to an editor.
    private func plain(_ report: YAMLParserReport) -> YAMLSyntaxError {
        let again = "check its indentation against the lines above, and put a value that holds ': ' or a quote in quotes"
        /// A character that starts something an editor does not mean (an anchor, an alias, a block of text).
        func cannotStart(at position: YAMLNode.Position) -> YAMLSyntaxError {
            let what = character(at: position).map { "'\($0)'" } ?? "this character"
            return error("\(what) cannot start a key or a value", hint: "put the text in quotes", at: position)
        }
        let startsSomething = ["while scanning an anchor", "while scanning an alias", "while scanning a block scalar"]
        switch report.problem {
        case "found character that cannot start any token", "did not find expected node content",
             "mapping keys are not allowed in this context":
            return cannotStart(at: report.mark)
        case _ where report.context.map(startsSomething.contains) == true:
            return cannotStart(at: report.contextMark ?? report.mark)
        case "block sequence entries are not allowed in this context":
            return error("a '- ' list item must start a line",
                         hint: "put each '- ' item on a line of its own, or the value in quotes", at: report.mark)
        case "found unexpected ':'":
            return error("':' inside an item of a [ ] list", hint: "put the item in quotes", at: report.mark)
        case "mapping values are not allowed in this context":
            return error("': ' is not allowed here", hint: again, at: report.mark)
        case "did not find expected key", "did not find expected <document start>":
            return error("expected a 'key: value' line here", hint: again, at: report.mark)
        case "did not find expected '-' indicator":
            return error("expected a '- ' list item here", hint: again, at: report.mark)
        case _ where report.context == "while scanning a directive":
            return error("a line cannot start with '%'", hint: "put the text in quotes", at: report.contextMark ?? report.mark)
        case "found undefined alias":
            return error("'*' starts an alias, and no anchor '&' of that name comes before it",
                         hint: "put the value in quotes", at: report.mark)
        default:
            var message = report.problem
            var position = report.mark
            if let context = report.context, let mark = report.contextMark {
                message += " (\(context))"
                // A problem found only at the end of the text is best shown where the unfinished
                // value starts.
                if report.mark.line >= lineCount, mark.line < report.mark.line { position = mark }
            }
            return error(message, at: position)
        }
    }

    // MARK: - Lines

    /// How a line starts: its indentation, its `- ` markers, and its key when it is a `key: value` line.
    private struct Shape {
        /// Spaces and tabs before anything else.
        var indent: Int
        /// Columns of its `- ` markers.
        var dashes: [Int]
        /// Column after them.
        var content: Int
        /// Nothing but spaces or a comment.
        var isBlank: Bool
        var key: String?
        /// Column of the key's `:`.
        var colon: Int?
        /// Column where the key's value starts, when it has one on the line.
        var value: Int?
    }

    private func shape(_ number: Int) -> Shape {
        let line = line(number)
        func isSpace(_ index: Int) -> Bool { index < line.count && (line[index] == " " || line[index] == "\t") }
        var index = 0
        while isSpace(index) { index += 1 }
        var shape = Shape(indent: index, dashes: [], content: index + 1, isBlank: false)
        while index < line.count, line[index] == "-", index + 1 == line.count || isSpace(index + 1) {
            shape.dashes.append(index + 1)
            index += 1
            while isSpace(index) { index += 1 }
        }
        shape.content = index + 1
        shape.isBlank = shape.dashes.isEmpty && (index == line.count || line[index] == "#")
        guard index < line.count, !"\"'[{#&*!|>%@`".unicodeScalars.contains(line[index]) else { return shape }
        // A plain key: the text up to the first ':' followed by a space or the line's end, before any comment.
        var end = index
        while end < line.count {
            if line[end] == "#", end > index, isSpace(end - 1) { break }
            if line[end] == ":", end + 1 == line.count || isSpace(end + 1) {
                shape.key = Self.string(line[index..<end]).trimmingTrailingSpaces
                shape.colon = end + 1
                var value = end + 1
                while isSpace(value) { value += 1 }
                if value < line.count, line[value] != "#" { shape.value = value + 1 }
                break
            }
            end += 1
        }
        return shape
    }

    /// What a value starting at `start` is called in messages (`'title'`, `a list item`) and in
    /// hints (`title`, `item`), and what is written before it on its line (`title: `, `- `).
    private func owner(of start: Position) -> (what: String, name: String, prefix: String) {
        if isInFlow(start) { return ("a list item", "item", "") }
        let shape = shape(start.line)
        let line = line(start.line)
        let end = min(max(start.column - 1, 0), line.count)
        let prefix = Self.string(line[min((shape.dashes.first ?? shape.content) - 1, end)..<end])
        if let key = shape.key, shape.value == start.column { return ("'\(key)'", key, prefix) }
        if !shape.dashes.isEmpty, shape.content == start.column { return ("a list item", "item", prefix) }
        return ("the value", "value", "")
    }

    /// The value as written from `start`: to the end of its line, without a comment after column
    /// `after`; inside `[ ]` or `{ }`, to the first `,` or closing bracket after `after`.
    private func rawValue(from start: Position, after: Int) -> String {
        let line = line(start.line)
        let inFlow = isInFlow(start)
        var end = line.count
        var index = max(after - 1, start.column - 1)
        while index < line.count {
            if inFlow && (line[index] == "," || line[index] == "]" || line[index] == "}") { end = index; break }
            if line[index] == "#", index > 0, line[index - 1] == " " || line[index - 1] == "\t" { end = index; break }
            index += 1
        }
        return Self.string(line[min(start.column - 1, end)..<end]).trimmingTrailingSpaces
    }

    /// Whether a value at `position` is an item of a `[ ]` list or `{ }` map (it follows `[`, `{` or `,`).
    private func isInFlow(_ position: Position) -> Bool {
        let line = line(position.line)
        var index = min(position.column - 2, line.count - 1)
        while index >= 0, line[index] == " " || line[index] == "\t" { index -= 1 }
        return index >= 0 && (line[index] == "[" || line[index] == "{" || line[index] == ",")
    }

    private var lineCount: Int { lineBounds.count }

    /// Line `number` without its line break, as Unicode scalars (empty past the text).
    private func line(_ number: Int) -> [Unicode.Scalar] {
        guard number >= 1 && number <= lineCount else { return [] }
        return Array(String(decoding: UnsafeBufferPointer(rebasing: text[lineBounds[number - 1]]), as: UTF8.self).unicodeScalars)
    }

    private func character(at position: Position) -> Unicode.Scalar? {
        let line = line(position.line)
        return position.column >= 1 && position.column <= line.count ? line[position.column - 1] : nil
    }

    private func fileLine(_ line: Int) -> Int { firstLine + line - 1 }

    private func error(_ message: String, hint: String? = nil, at position: Position) -> YAMLSyntaxError {
        YAMLSyntaxError(message: "invalid YAML: \(message)", hint: hint, position: position)
    }

    private static func isKeyStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    static func string<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// `text` in quotes that YAML reads back as `text`: double quotes, or single quotes when the
    /// text holds `"` or `\` (an escape in double quotes), or double quotes with both escaped.
    static func quoted(_ text: String) -> String {
        let hasDouble = text.contains("\""), hasBackslash = text.contains("\\")
        if !hasDouble && !hasBackslash { return "\"\(text)\"" }
        if !text.contains("'") { return "'\(text)'" }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
