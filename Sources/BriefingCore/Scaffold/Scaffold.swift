import Foundation

/// Creates new content files (or event entries) with valid front matter, for `briefing new`.
/// Never overwrites: an existing file is an error.
public struct Scaffold: Sendable {
    public let siteRoot: String

    public init(siteRoot: String) {
        self.siteRoot = siteRoot
    }

    /// `Content/briefings/<slug>.md`, the slug made from the title in any script unless given;
    /// returns the site-relative path written.
    public func newBriefing(title: String, date: String, slug given: String? = nil) throws(BuildFailure) -> String {
        let slug = try slug(given, from: title, what: "title", example: "talks-resume")
        try check(date: date)
        let path = "Content/briefings/\(slug).md"
        let text = """
            ---
            title: \(Self.quoted(title))
            date: \(date)
            summary: ""
            status: published   # or draft: built only with --drafts
            people: []
            ---
            Write the briefing here. Link a person with `[Name](person:their-slug)`.

            """
        try create(path, text)
        return path
    }

    /// `Content/people/<slug>.md`, the slug made from the name in any script unless given.
    public func newPerson(name: String, slug given: String? = nil) throws(BuildFailure) -> String {
        let slug = try slug(given, from: name, what: "name", example: "first-last")
        let path = "Content/people/\(slug).md"
        let text = """
            ---
            name: \(Self.quoted(name))
            role: ""
            ---
            A short bio.

            """
        try create(path, text)
        return path
    }

    /// Adds an event to a briefing's `events:` list, or to `Content/timeline.yaml` when no
    /// briefing is given, with an `id` (from the title unless given) so that links to it, and its
    /// anchor on the timeline, never move. Returns the path of the file changed.
    public func newEvent(title: String, date: String, briefing: String?, id: String? = nil) throws(BuildFailure) -> String {
        try check(date: date)
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty else { throw failure("new", .eventWithoutTitle, cause: .usage) }
        let id = try eventID(id, title: title)
        if let briefing {
            let path = "Content/briefings/\(briefing).md"
            guard let text = read(path) else {
                throw failure(path, .noBriefing(briefing), cause: .usage)
            }
            let updated = try EventInsertion.insert(id: id, title: title, date: date, intoBriefing: text, path: path)
            try replace(path, updated)
            return path
        }
        let path = "Content/timeline.yaml"
        var text = read(path) ?? ""
        if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
        text += "- id: \(id)\n  date: \(date)\n  title: \(Self.quoted(title))\n"
        let root: YAMLNode?
        do { root = try YAMLReader.parse(text) } catch {
            throw failure(path, .cannotAddEvent(reason: error.message))
        }
        guard let root, case .list = root else { throw failure(path, .cannotAddEvent(reason: "timeline.yaml is not a list of events")) }
        try replace(path, text)
        return path
    }

    // MARK: - Helpers

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// The slug given (checked), or one made from `text`.
    private func slug(_ given: String?, from text: String, what: String, example: String) throws(BuildFailure) -> String {
        if let given {
            guard Slug.isValid(given) else {
                throw failure("--slug", .invalidSlugOption(given, example: example), cause: .usage)
            }
            return given
        }
        let slug = Slug.make(from: text)
        guard !slug.isEmpty else {
            throw failure("new", .noSlugFrom(what: what, text: text, example: example), cause: .usage)
        }
        return slug
    }

    /// The id given (checked), or one made from the title that no event of the site uses yet.
    private func eventID(_ given: String?, title: String) throws(BuildFailure) -> String {
        let used = usedIDs()
        if let given {
            guard Slug.isValid(given) else {
                throw failure("--id", .invalidEventIDOption(given), cause: .usage)
            }
            guard !used.contains(given) else {
                throw failure("--id", .eventIDUsed(given), cause: .usage)
            }
            return given
        }
        let base = Slug.make(from: title, limit: 48)
        guard !base.isEmpty else {
            throw failure("new", .noEventIDFrom(title: title), cause: .usage)
        }
        var id = base
        var n = 1
        while used.contains(id) {
            n += 1
            id = base + "-\(n)"
        }
        return id
    }

    /// Every `id:` value written in `timeline.yaml` and the briefings. Source ids are counted too:
    /// a line scan cannot tell them apart, and avoiding them costs nothing.
    private func usedIDs() -> Set<String> {
        var texts = [read("Content/timeline.yaml") ?? ""]
        let folder = siteRoot + "/Content/briefings"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where name.hasSuffix(".md") {
            texts.append(read("Content/briefings/" + name) ?? "")
        }
        var ids = Set<String>()
        for text in texts {
            for line in text.split(separator: "\n") {
                var rest = line.drop(while: { $0 == " " || $0 == "-" })
                guard rest.hasPrefix("id:") else { continue }
                rest = rest.dropFirst(3)
                let value = rest.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                ids.insert(value)
            }
        }
        return ids
    }

    private func check(date: String) throws(BuildFailure) {
        guard PartialDate(parsing: date, timeZone: TimeZone(identifier: "UTC")!) != nil else {
            throw failure("--date", .invalidDateOption(date), cause: .usage)
        }
    }

    private func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: siteRoot + "/" + path).flatMap { String(data: $0, encoding: .utf8) }
    }

    private func create(_ path: String, _ text: String) throws(BuildFailure) {
        let full = siteRoot + "/" + path
        guard !FileManager.default.fileExists(atPath: full) else {
            throw failure(path, .fileExists, cause: .environment)
        }
        do {
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            // O_EXCL: a file created meanwhile is never overwritten.
            let fd = open(full, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            defer { close(fd) }
            let bytes = Array(text.utf8)
            guard bytes.withUnsafeBytes({ write(fd, $0.baseAddress, bytes.count) }) == bytes.count else {
                throw POSIXError(.EIO)
            }
        } catch {
            throw failure(path, .cannotWriteFile(reason: error.localizedDescription), cause: .environment)
        }
    }

    private func replace(_ path: String, _ text: String) throws(BuildFailure) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: siteRoot + "/" + path), options: .atomic)
        } catch {
            throw failure(path, .cannotWriteFile(reason: error.localizedDescription), cause: .environment)
        }
    }

    private func failure(_ path: String, _ problem: ScaffoldProblem, cause: BuildFailure.Cause = .content) -> BuildFailure {
        BuildFailure([Diagnostic(SourceLocation(path: path), problem)], cause: cause)
    }
}

/// Adds an entry to the `events:` block list of a briefing's front matter, keeping the rest of
/// the file byte for byte.
enum EventInsertion {
    static func insert(id: String, title: String, date: String, intoBriefing text: String, path: String) throws(BuildFailure) -> String {
        let parts: FrontMatter
        do { parts = try FrontMatter.split(text) } catch {
            throw BuildFailure([Diagnostic(SourceLocation(path: path), ScaffoldProblem.briefingWithoutFrontMatter)])
        }
        var lines = parts.yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let entry = ["- id: \(id)", "  date: \(date)", "  title: \(Scaffold.quoted(title))"]
        if let keyLine = lines.firstIndex(where: { $0.hasPrefix("events:") }) {
            let rest = lines[keyLine].dropFirst("events:".count).trimmingCharacters(in: .whitespaces)
            if rest == "[]" {
                lines[keyLine] = "events:"
                lines.insert(contentsOf: entry.map { "  " + $0 }, at: keyLine + 1)
            } else if rest.isEmpty || rest.hasPrefix("#") {
                // The block ends at the next line that starts a top-level key.
                var end = keyLine + 1
                var indent = "  "
                while end < lines.count, lines[end].isEmpty || lines[end].first == " " || lines[end].first == "-" || lines[end].first == "#" {
                    if let dash = lines[end].firstIndex(of: "-"), lines[end][..<dash].allSatisfy({ $0 == " " }), end == keyLine + 1 || indent == "  " {
                        indent = String(lines[end][..<dash])
                    }
                    end += 1
                }
                while end > keyLine + 1, lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty { end -= 1 }
                lines.insert(contentsOf: entry.map { indent + $0 }, at: end)
            } else {
                throw BuildFailure([Diagnostic(SourceLocation(path: path), ScaffoldProblem.eventsOnOneLine)])
            }
        } else {
            lines.append("events:")
            lines += entry.map { "  " + $0 }
        }
        let yaml = lines.joined(separator: "\n") + "\n"
        do {
            _ = try YAMLReader.parse(yaml)
        } catch {
            throw BuildFailure([Diagnostic(SourceLocation(path: path), ScaffoldProblem.cannotAddEvent(reason: error.message))])
        }
        return "---\n" + yaml + "---\n" + parts.body
    }
}
