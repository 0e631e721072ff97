/// Renders Markdown to HTML through cmark, rewriting reference links and reporting broken ones
/// at their line and column.
struct MarkdownRenderer: Sendable {
    let links: LinkTable
    let unsafeHTML: Bool

    /// HTML for `markdown` on a page at `root`; problems with links are appended to `diagnostics`.
    func html(_ markdown: MarkdownText, root: String, diagnostics: inout [Diagnostic]) -> String {
        var notes = MarkdownNotes()
        return render(markdown, root: root, diagnostics: &diagnostics, notes: &notes).html
    }

    /// HTML for `markdown` on a page at `root` and, when `plainText`, its text without markup on one
    /// line (its first `textLimit` bytes or so). Problems with links go to `diagnostics`; what only
    /// `briefing check` reports goes to `notes`.
    func render(_ markdown: MarkdownText, root: String, diagnostics: inout [Diagnostic], notes: inout MarkdownNotes,
                plainText: Bool = false, textLimit: Int = .max) -> (html: String, text: String) {
        let document = CommonMarkDocument(parsing: markdown.text, unsafeHTML: unsafeHTML)
        var searchFrom: [String: (line: Int, utf8Offset: Int)] = [:]
        var imageSearch: [String: (line: Int, utf8Offset: Int)] = [:]
        for link in document.links() {
            if link.isImage && link.altText.allSatisfy(\.isWhitespace) {
                notes.imagesWithoutAlt.append(Diagnostic(
                    imageLocation(locate(link, in: markdown, searchFrom: &imageSearch), in: markdown),
                    LinkProblem.imageWithoutAlt(destination: link.destination), severity: .warning))
            }
            if let slug = link.destination.removingPrefix("person:") { notes.linkedPeople.insert(slug) }
            if let slug = link.destination.removingPrefix("briefing:") { notes.linkedBriefings.insert(slug) }
            switch links.resolve(link.destination, root: root) {
            case .keep:
                continue
            case .rewrite(let url):
                document.setDestination(of: link, to: url)
            case .unlink(let problem):
                let location = locate(link, in: markdown, searchFrom: &searchFrom)
                diagnostics.append(Diagnostic(location, problem, severity: .warning))
                document.unlink(link)
            case .unknown(let problem):
                let location = locate(link, in: markdown, searchFrom: &searchFrom)
                diagnostics.append(Diagnostic(location, problem))
            }
        }
        if !markdown.isInline { document.demoteHeadingsIfAnyIsTopLevel() }
        let html = document.html()
        let text = plainText ? document.plainText(limit: textLimit) : ""
        return (markdown.isInline ? Self.unwrapParagraph(html) : html, text)
    }

    /// Moves a location found for an image's destination back to the `![` that opens the image,
    /// when it is on the same line.
    private func imageLocation(_ location: SourceLocation, in markdown: MarkdownText) -> SourceLocation {
        guard !markdown.isInline else { return location }
        let lines = markdown.text.split(separator: "\n", omittingEmptySubsequences: false)
        let index = location.line - markdown.location.line
        guard index >= 0, index < lines.count else { return location }
        let before = lines[index].prefix(max(location.column - 1, 0))
        guard let open = before.range(of: "![", options: .backwards) else { return location }
        return SourceLocation(path: location.path, line: location.line,
                              column: before.distance(from: before.startIndex, to: open.lowerBound) + 1)
    }

    /// A one-paragraph rendering without its `<p>` wrapper, for key points and summaries.
    static func unwrapParagraph(_ html: String) -> String {
        var text = html
        while text.last == "\n" { text.removeLast() }
        guard text.hasPrefix("<p>"), text.hasSuffix("</p>") else { return text }
        // Searched byte by byte: Foundation's `contains`, and the standard library's generic `firstRange(of:)`
        // (which looks up type metadata on every call), each cost more than the rest of a summary's rendering.
        let opensAnother = text.withUTF8 { bytes in
            var index = 3
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "p"), bytes[index + 2] == UInt8(ascii: ">") {
                    return true
                }
                index += 1
            }
            return false
        }
        return opensAnother ? text : String(text.dropFirst(3).dropLast(4))
    }

    /// The place of the link's destination in the file: searched for on the lines of its block
    /// (cmark 0.30 gives reliable positions for blocks only). Inline texts from YAML point at the value.
    private func locate(_ link: CommonMarkDocument.Link, in markdown: MarkdownText,
                        searchFrom: inout [String: (line: Int, utf8Offset: Int)]) -> SourceLocation {
        if markdown.isInline { return markdown.location }
        let base = markdown.location.line - 1
        let lines = markdown.text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = searchFrom[link.destination] ?? (line: link.blockStartLine, utf8Offset: 0)
        var lineNumber = max(start.line, link.blockStartLine)
        while lineNumber <= min(link.blockEndLine, lines.count) {
            let line = lines[lineNumber - 1]
            let offset = lineNumber == start.line ? start.utf8Offset : 0
            let utf8 = line.utf8
            if offset <= utf8.count {
                let from = utf8.index(utf8.startIndex, offsetBy: offset)
                if let range = line[from...].range(of: link.destination) {
                    let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                    searchFrom[link.destination] = (lineNumber, utf8.distance(from: utf8.startIndex, to: range.upperBound))
                    return SourceLocation(path: markdown.location.path, line: base + lineNumber, column: column)
                }
            }
            lineNumber += 1
        }
        return SourceLocation(path: markdown.location.path, line: base + link.blockStartLine, column: 1)
    }
}

/// What rendering found that only `briefing check` reports: images without alt text, and the
/// people named by `person:` links (so that a person linked only from prose counts as named);
/// and the briefings named by `briefing:` links (so that `serve` knows which it can remove
/// without breaking a link).
struct MarkdownNotes: Sendable {
    var imagesWithoutAlt: [Diagnostic] = []
    var linkedPeople: Set<String> = []
    var linkedBriefings: Set<String> = []

    mutating func merge(_ other: MarkdownNotes) {
        imagesWithoutAlt += other.imagesWithoutAlt
        linkedPeople.formUnion(other.linkedPeople)
        linkedBriefings.formUnion(other.linkedBriefings)
    }
}
