import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Checks that an output file is well formed enough for its kind: pages start with a doctype
/// and their non-void elements balance, XML files parse, JSON files parse, calendars keep
/// RFC 5545's shape. Each problem is one line naming the file.
enum WellFormed {
    /// Elements that have no end tag.
    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                                            "param", "source", "track", "wbr"]
    /// Elements whose content is raw text, skipped up to their end tag.
    static let rawTextElements: Set<String> = ["script", "style"]

    /// Every problem of the file at output path `path`; none for kinds it does not check (assets).
    static func problems(path: String, bytes: [UInt8]) -> [String] {
        if path.hasPrefix("assets/") || path.hasPrefix("media/") { return [] }
        let found: [String]
        switch (path as NSString).pathExtension {
        case "html": found = html(String(decoding: bytes, as: UTF8.self))
        case "xml": found = xml(bytes)
        case "json": found = json(bytes)
        case "ics": found = calendar(bytes)
        default: found = []
        }
        return found.map { "\(path): \($0)" }
    }

    /// A page: `<!doctype html>` first, then balanced tags outside comments and raw text.
    static func html(_ text: String) -> [String] {
        var problems: [String] = []
        if !text.lowercased().hasPrefix("<!doctype html>") { problems.append("does not start with <!DOCTYPE html>") }
        let bytes = Array(text.utf8)
        var open: [String] = []
        var i = 0
        func starts(_ prefix: String, at index: Int) -> Bool {
            let p = Array(prefix.utf8)
            guard index + p.count <= bytes.count else { return false }
            for k in p.indices where lower(bytes[index + k]) != p[k] { return false }
            return true
        }
        func find(_ needle: String, from index: Int) -> Int? {
            var j = index
            while j < bytes.count {
                if starts(needle, at: j) { return j }
                j += 1
            }
            return nil
        }
        func line(_ index: Int) -> Int { bytes[..<min(index, bytes.count)].filter { $0 == 0x0A }.count + 1 }
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
            if starts("<!--", at: i) {
                guard let end = find("-->", from: i + 4) else { problems.append("line \(line(i)): comment never closed"); break }
                i = end + 3
                continue
            }
            if starts("<!", at: i) || starts("<?", at: i) {
                guard let end = find(">", from: i) else { problems.append("line \(line(i)): declaration never closed"); break }
                i = end + 1
                continue
            }
            let closing = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/")
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < bytes.count, isNameByte(bytes[j]) { j += 1 }
            guard j > nameStart, isLetter(bytes[nameStart]) else {
                problems.append("line \(line(i)): '<' that starts no tag (text not escaped?)")
                i += 1
                continue
            }
            let name = String(decoding: bytes[nameStart..<j].map(lower), as: UTF8.self)
            // The rest of the tag, with quoted attribute values that may hold '>'.
            var quote: UInt8?
            var selfClosing = false
            while j < bytes.count {
                let byte = bytes[j]
                if let q = quote {
                    if byte == q { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "<") {
                    problems.append("line \(line(j)): '<' inside the tag <\(name)>")
                } else if byte == UInt8(ascii: ">") {
                    selfClosing = j > 0 && bytes[j - 1] == UInt8(ascii: "/")
                    break
                }
                j += 1
            }
            guard j < bytes.count else { problems.append("line \(line(i)): tag <\(name)> never closed"); break }
            i = j + 1
            if closing {
                if let last = open.last, last == name {
                    open.removeLast()
                } else {
                    problems.append("line \(line(nameStart)): </\(name)> closes \(open.last.map { "<\($0)>" } ?? "nothing")")
                    if let at = open.lastIndex(of: name) { open.removeSubrange(at...) }
                }
                continue
            }
            if voidElements.contains(name) || selfClosing { continue }
            if rawTextElements.contains(name) {
                guard let end = find("</\(name)", from: i) else { problems.append("line \(line(i)): <\(name)> never closed"); break }
                // Up to its end tag, which the next turn reads.
                open.append(name)
                i = end
                continue
            }
            open.append(name)
        }
        if !open.isEmpty { problems.append("elements never closed: \(open.map { "<\($0)>" }.joined(separator: " "))") }
        return problems
    }

    /// An XML file: FoundationXML's parser (libxml2) reports no error, and every element it
    /// started it ended. On Linux `parse()` alone returns true for a document cut short (`<a>`,
    /// or `<a><b></a>` at the end): the delegate's errors and counts tell.
    static func xml(_ bytes: [UInt8]) -> [String] {
        final class Watcher: NSObject, XMLParserDelegate {
            var errors: [String] = []
            var started = 0, ended = 0
            func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
                errors.append("line \(parser.lineNumber), column \(parser.columnNumber): \(parseError)")
            }
            func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) { started += 1 }
            func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                        qualifiedName: String?) { ended += 1 }
        }
        let parser = XMLParser(data: Data(bytes))
        let watcher = Watcher()
        parser.delegate = watcher
        let parsed = parser.parse()
        var problems = watcher.errors.map { "does not parse as XML: \($0)" }
        if problems.isEmpty && (!parsed || parser.parserError != nil) {
            problems.append("does not parse as XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
        }
        if problems.isEmpty && (watcher.started == 0 || watcher.started != watcher.ended) {
            problems.append("XML elements do not balance: \(watcher.started) started, \(watcher.ended) ended")
        }
        return problems
    }

    static func json(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes))
            return []
        } catch {
            return ["does not parse as JSON: \(error)"]
        }
    }

    /// A calendar: CRLF line ends, lines of at most 75 octets, BEGIN and END balanced.
    static func calendar(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.suffix(2) == [0x0D, 0x0A] else { return ["does not end with CRLF"] }
        var open: [String] = []
        // Split on bytes: "\r\n" is one Character to a String.
        for (n, line) in String(decoding: bytes.dropLast(2), as: UTF8.self).components(separatedBy: "\r\n").enumerated() {
            if line.contains("\n") || line.contains("\r") { problems.append("line \(n + 1): a bare line break") }
            if line.utf8.count > 75 { problems.append("line \(n + 1): longer than 75 octets") }
            if line.hasPrefix("BEGIN:") { open.append(String(line.dropFirst(6))) }
            if line.hasPrefix("END:") {
                if open.last == String(line.dropFirst(4)) { open.removeLast() } else { problems.append("line \(n + 1): unbalanced \(line)") }
            }
        }
        if !text.hasPrefix("BEGIN:VCALENDAR\r\n") { problems.append("does not start with BEGIN:VCALENDAR") }
        if !open.isEmpty { problems.append("never ended: \(open.joined(separator: ", "))") }
        return problems
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    private static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
    }
}
