import Foundation
@testable import BriefingCore

/// Random damage to a site's content: byte flips, deleted or repeated lines, swapped values,
/// wrong slugs, broken YAML, bad file names, missing files. A mutant may still be valid; either
/// way a build must end in a site or in located errors, never in a crash.
struct SiteMutator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(state: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    enum Kind: String, CaseIterable {
        case flipBit, setByte, deleteLine, repeatLine, swapLines, swapValues, wrongSlug, brokenYAML, truncate,
             invalidUTF8, oddCharacter, emptyFile, deleteFile, renameFile, unknownKey
    }

    static let brokenYAML = [
        "bad: [unclosed\n", "\t- a tab\n", "key: \"never closed\n", ": : :\n", "- \n", "&anchor x\n", "*nowhere\n",
        "? complex key\n", "{\n", "title: \"a second title\"\n", "---\n", "...\n", "  indented: badly\n", "date: 2025-02-30\n",
        "people: not-a-list\n", "quotes:\n  - person: ~\n", "events:\n  - title: \"no date\"\n", "extra: [1, 2]\n",
        "status: drafty\n", "sources:\n  - url: \"javascript:alert(1)\"\n", "key_points: [[nested]]\n", "a: &a [*a]\n",
        "expected: maybe\n", "id: Not A Slug\n", "'single: quote\n", "!!binary x\n", "%YAML 1.1\n",
    ]

    static let oddCharacters = ["\u{FEFF}", "\u{0000}", "\u{0007}", "\u{202E}", "\u{2028}", "\u{0085}", "\r", "\r\n", "\t",
                                "\u{FFFD}", "😀", "\u{0301}", "\u{10FFFF}", "\u{E000}", "\"", "'", "#", ":", "- ", "[", "{", "|", ">"]

    /// One mutation of `files` (content files only; the templates stay as they are), with what it did.
    mutating func mutate(_ files: [String: [UInt8]]) -> (files: [String: [UInt8]?], what: String) {
        let paths = files.keys.filter { $0.hasPrefix("Content/") }.sorted()
        guard !paths.isEmpty else { return ([:], "nothing to mutate") }
        let texts = paths.filter { !$0.hasPrefix("Content/media/") }
        let path = texts.isEmpty ? pick(paths) : pick(texts)
        var bytes = files[path] ?? []
        let kind = pick(Kind.allCases)
        let what = "\(kind.rawValue) in \(path)"
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func joined() -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }
        switch kind {
        case .flipBit:
            guard !bytes.isEmpty else { break }
            bytes[int(0...bytes.count - 1)] ^= UInt8(1) << UInt8(int(0...7))
        case .setByte:
            guard !bytes.isEmpty else { break }
            bytes[int(0...bytes.count - 1)] = pick([0x00, 0x0A, 0x0D, 0x20, 0x22, 0x27, 0x2D, 0x3A, 0x5B, 0x7B, 0x7F, 0x80, 0xC3, 0xFF,
                                                     UInt8.random(in: 0...255, using: &rng)])
        case .deleteLine:
            guard !lines.isEmpty else { break }
            lines.remove(at: int(0...lines.count - 1))
            bytes = joined()
        case .repeatLine:
            guard !lines.isEmpty else { break }
            let at = int(0...lines.count - 1)
            lines.insert(lines[at], at: at)
            bytes = joined()
        case .swapLines:
            guard lines.count > 1 else { break }
            lines.swapAt(int(0...lines.count - 1), int(0...lines.count - 1))
            bytes = joined()
        case .swapValues:
            let keyed = lines.indices.filter { lines[$0].contains(": ") }
            guard keyed.count > 1 else { break }
            let a = pick(keyed), b = pick(keyed)
            let (keyA, valueA) = Self.split(lines[a]), (keyB, valueB) = Self.split(lines[b])
            lines[a] = keyA + valueB
            lines[b] = keyB + valueA
            bytes = joined()
        case .wrongSlug:
            // A reference or a link that names something that does not exist, or not quite.
            var text = String(decoding: bytes, as: UTF8.self)
            let slugs = files.keys.compactMap { key -> String? in
                guard key.hasSuffix(".md"), let name = key.split(separator: "/").last else { return nil }
                return String(name.dropLast(3))
            }
            if let slug = slugs.filter({ text.contains($0) }).randomElement(using: &rng) {
                let wrong = pick([slug + "x", String(slug.dropLast()), slug.uppercased(), "nobody", slug + " ", "-" + slug])
                if let range = text.range(of: slug) { text.replaceSubrange(range, with: wrong) }
            } else {
                text += pick(["\n[x](person:nobody)\n", "\n[x](briefing:nothing)\n", "\n[x](event:none)\n", "\n![x](media/missing.png)\n"])
            }
            bytes = Array(text.utf8)
        case .brokenYAML:
            lines.insert(pick(Self.brokenYAML).trimmingCharacters(in: .newlines), at: int(0...min(lines.count, 12)))
            bytes = joined()
        case .truncate:
            bytes = Array(bytes.prefix(int(0...bytes.count)))
        case .invalidUTF8:
            bytes.insert(contentsOf: pick([[0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]),
                         at: int(0...bytes.count))
        case .oddCharacter:
            var text = Array(String(decoding: bytes, as: UTF8.self))
            text.insert(contentsOf: pick(Self.oddCharacters), at: int(0...text.count))
            bytes = Array(String(text).utf8)
        case .emptyFile:
            bytes = pick([[], [0x0A], Array("---\n---\n".utf8), Array("   \n\t\n".utf8)])
        case .deleteFile:
            return ([path: nil], what)
        case .renameFile:
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            let name = pick(["Bad Name.md", "UPPER.md", "-lead.md", "x.markdown", "sub/inner.md", ".hidden.md", "ok.md.bak",
                             "ünï.md", "a..b.md", "\(String(repeating: "z", count: 210)).md"])
            return ([path: nil, folder + "/" + name: bytes], "\(what) -> \(name)")
        case .unknownKey:
            lines.insert(pick(["peopel: []", "titel: \"x\"", "summery: \"y\"", "nmae: z", "Extra: {}"]),
                         at: min(1, lines.count))
            bytes = joined()
        }
        return ([path: bytes], what)
    }

    /// `key: ` (with what comes before it) and the value of a line holding `: `.
    static func split(_ line: String) -> (String, String) {
        guard let range = line.range(of: ": ") else { return (line, "") }
        return (String(line[..<range.upperBound]), String(line[range.upperBound...]))
    }

    /// Problems with where diagnostics point: every one names a path in the site (a file, a
    /// folder, or a file the site lacks), relative and clean, and a line and column that lie
    /// inside the file when it has one.
    static func locationProblems(_ diagnostics: [Diagnostic], site: InMemorySite) -> [String] {
        var problems: [String] = []
        let files = Set(site.paths)
        let folders = Set(files.flatMap { path in
            let parts = path.split(separator: "/")
            return (1..<max(parts.count, 1)).map { parts.prefix($0).joined(separator: "/") }
        })
        let lacking: Set<String> = ["Content", "Templates", "Content/site.yaml", "--base-url"]
        for diagnostic in diagnostics {
            let location = diagnostic.location
            let path = location.path
            if diagnostic.message.isEmpty { problems.append("\(diagnostic): no message") }
            if path.isEmpty || path.hasPrefix("/") || path.split(separator: "/").contains("..") {
                problems.append("\(diagnostic): not a clean site-relative path")
                continue
            }
            guard files.contains(path), let bytes = site[path] else {
                if !folders.contains(path) && !lacking.contains(path) && !path.hasPrefix("Templates/") {
                    problems.append("\(diagnostic): a path that is not in the site")
                }
                if location.line != 1 || location.column != 1 { problems.append("\(diagnostic): a line and column in no file") }
                continue
            }
            // Lines as the YAML parser and the Markdown splitter count them (either way), and the
            // longest line in characters, plus one for a position just past its end.
            let text = String(decoding: bytes, as: UTF8.self)
            let breaks = max(bytes.filter { $0 == 0x0A }.count, bytes.filter { $0 == 0x0A || $0 == 0x0D }.count)
                + text.unicodeScalars.filter { $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }.count
            let longest = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.unicodeScalars.count }.max() ?? 0
            if location.line > breaks + 1 { problems.append("\(diagnostic): line past the end of the file (\(breaks + 1) lines)") }
            if location.column > longest + 2 { problems.append("\(diagnostic): column past every line (longest \(longest))") }
        }
        return problems
    }
}
