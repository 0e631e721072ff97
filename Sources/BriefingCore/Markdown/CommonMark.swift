import CCmark
import Foundation

/// The only file that talks to cmark: parse, walk and rewrite links, render HTML, free.
struct CommonMarkDocument: ~Copyable {
    /// A link or image in the document, as cmark parsed it.
    struct Link {
        let destination: String
        /// True for an image (`![alt](src)`), false for a link.
        let isImage: Bool
        /// For an image, its alternative text (the text of its children); empty for a link.
        let altText: String
        /// Lines of the innermost block holding the link (1-based, relative to the parsed text).
        let blockStartLine: Int
        let blockEndLine: Int
        fileprivate let node: OpaquePointer
    }

    private let root: OpaquePointer
    private let options: Int32

    /// Parses `text`. Raw HTML is kept only when `unsafeHTML`; otherwise cmark's safe mode drops it
    /// and neutralises `javascript:`, `vbscript:`, `file:` and `data:` links.
    init(parsing text: String, unsafeHTML: Bool) {
        let flags = CMARK_OPT_DEFAULT | (unsafeHTML ? CMARK_OPT_UNSAFE : 0)
        options = flags
        var text = text
        root = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, flags)!
            }
        }
    }

    deinit {
        cmark_node_free(root)
    }

    /// Every link and image, in document order.
    func links() -> [Link] {
        var found: [Link] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            var block: OpaquePointer? = node
            while let current = block, !Self.isBlock(current) { block = cmark_node_parent(current) }
            let start = block.map { Int(cmark_node_get_start_line($0)) } ?? 1
            let end = block.map { Int(cmark_node_get_end_line($0)) } ?? start
            let isImage = type == CMARK_NODE_IMAGE
            found.append(Link(destination: String(cString: url), isImage: isImage,
                              altText: isImage ? Self.text(of: node) : "", blockStartLine: max(start, 1),
                              blockEndLine: max(end, start, 1), node: node))
        }
        return found
    }

    /// Points a link at a new destination.
    func setDestination(of link: Link, to url: String) {
        _ = cmark_node_set_url(link.node, url)
    }

    /// Replaces a link by its text (its children move up in its place).
    func unlink(_ link: Link) {
        while let child = cmark_node_first_child(link.node) {
            cmark_node_insert_before(link.node, child)
        }
        cmark_node_unlink(link.node)
        cmark_node_free(link.node)
    }

    /// Moves every heading one level down when the document uses level 1, which belongs to
    /// the page title (one `<h1>` per page).
    func demoteHeadingsIfAnyIsTopLevel() {
        var headings: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_HEADING {
                headings.append(node)
            }
        }
        guard headings.contains(where: { cmark_node_get_heading_level($0) == 1 }) else { return }
        for heading in headings {
            _ = cmark_node_set_heading_level(heading, min(cmark_node_get_heading_level(heading) + 1, 6))
        }
    }

    /// The document as HTML.
    func html() -> String {
        guard let rendered = cmark_render_html(root, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// The document as plain text on one line (blocks, line breaks and runs of spaces become one
    /// space), for JSON-LD, data exports and search; stops after about `limit` bytes. Debian's
    /// cmark 0.30 has no plain-text renderer, so this walks the tree.
    func plainText(limit: Int = .max) -> String {
        Self.text(of: root, limit: limit)
    }

    /// The literal text under `node` (text and code; breaks and blocks as spaces), as an image's
    /// alt attribute gets it, with whitespace collapsed.
    private static func text(of node: OpaquePointer, limit: Int = .max) -> String {
        var bytes: [UInt8] = []
        var pendingSpace = false
        func space() { if !bytes.isEmpty { pendingSpace = true } }
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while bytes.count < limit {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let child = cmark_iter_get_node(iterator) else { continue }
            if event == CMARK_EVENT_EXIT {
                if Self.isBlock(child) { space() }
                continue
            }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                guard let literal = cmark_node_get_literal(child) else { continue }
                // Runs between whitespace are appended whole: appending byte by byte checked the
                // array's storage on every byte (a third of the time spent on plain texts).
                let text = UnsafeRawBufferPointer(start: literal, count: strlen(literal)).assumingMemoryBound(to: UInt8.self)
                var runStart = 0
                for index in 0...text.count {
                    guard index == text.count || text[index] == 0x20 || text[index] == 0x09 || text[index] == 0x0A
                        || text[index] == 0x0D else { continue }
                    if index > runStart {
                        if pendingSpace { bytes.append(0x20); pendingSpace = false }
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
                    }
                    if index < text.count { space() }
                    runStart = index + 1
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                space()
            default:
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isBlock(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node).rawValue
        return type >= CMARK_NODE_FIRST_BLOCK.rawValue && type <= CMARK_NODE_LAST_BLOCK.rawValue
    }
}
