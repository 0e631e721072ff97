import Foundation
import Testing
@testable import BriefingCore

/// Every output context escapes per byte, so a special character glued to a combining mark (or
/// following a prepended concatenation mark) is escaped as browsers and parsers read it: as itself.
@Suite struct EscapingTests {
    static let specials: [Character] = ["\"", "'", "<", ">", "&"]
    /// Marks that join the character before them into one grapheme cluster.
    static let followers: [Unicode.Scalar] = ["\u{301}", "\u{338}", "\u{20DD}"]
    /// Prepended concatenation marks: they join the character after them.
    static let leaders: [Unicode.Scalar] = ["\u{600}", "\u{601}", "\u{602}", "\u{603}", "\u{604}", "\u{605}", "\u{6DD}", "\u{110BD}"]

    /// Every special character, each with every mark on its side, as (text, special) pairs.
    static var joinedCases: [(text: String, special: Character)] {
        specials.flatMap { special in
            followers.map { (String(special) + String($0), special) } + leaders.map { (String($0) + String(special), special) }
        }
    }

    /// `text` with each run of scalars `target` replaced. Not `replacingOccurrences`: it compares
    /// grapheme clusters, so it too would miss a special character joined to a mark.
    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let scalars = Array(text.unicodeScalars), pattern = Array(target.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            if i + pattern.count <= scalars.count, Array(scalars[i..<i + pattern.count]) == pattern {
                out.append(contentsOf: replacement.unicodeScalars)
                i += pattern.count
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    static let htmlEntities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]

    // MARK: - Each escaper

    @Test func htmlAndXMLEscapeEverySpecialWhateverJoinsIt() throws {
        let templates = try MustacheTemplates(sources: ["text": "<p>{{x}}</p>", "attribute": "<a title=\"{{x}}\">"])
        for (text, special) in Self.joinedCases {
            let expected = Self.replacing(String(special), with: Self.htmlEntities[special]!, in: text)
            #expect(HTMLText.escape(text) == expected, "\(text.unicodeScalars.map(\.value))")
            var output: [UInt8] = []
            templates.render("text", ["x": .string(text)], into: &output)
            #expect(String(decoding: output, as: UTF8.self) == "<p>\(expected)</p>")
            output = []
            templates.render("attribute", ["x": .string(text)], into: &output)
            #expect(String(decoding: output, as: UTF8.self) == "<a title=\"\(expected)\">")
        }
    }

    @Test func jsonEscapesWhatCouldEndAScriptOrAStringWhateverJoinsIt() throws {
        let escapes: [Character: String] = ["<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\"": "\\\"", "'": "'"]
        for (text, special) in Self.joinedCases {
            var out: [UInt8] = []
            JSONWriter.appendQuoted(text, to: &out)
            let json = String(decoding: out, as: UTF8.self)
            #expect(json == "\"" + Self.replacing(String(special), with: escapes[special]!, in: text) + "\"")
            // And it reads back as the same scalars.
            let decoded = try JSONSerialization.jsonObject(with: Data(out), options: [.fragmentsAllowed]) as? String
            #expect(decoded?.unicodeScalars.elementsEqual(text.unicodeScalars) == true)
        }
    }

    @Test func iCalendarTextKeepsEveryScalarAndEscapesItsOwnSpecials() {
        for (text, _) in Self.joinedCases {
            for icalSpecial in [",", ";", "\\"] {
                var out: [UInt8] = []
                ICalendarWriter.escape(text + icalSpecial + "\u{301}", into: &out)
                #expect(String(decoding: out, as: UTF8.self) == text + "\\" + icalSpecial + "\u{301}")
            }
        }
    }

    // MARK: - A whole site: markup in every text field changes no element

    /// Markup meant to break out of text, attributes, scripts and comments, glued to marks that make
    /// one grapheme cluster of it with its neighbours.
    static let hostile: String = {
        var text = "\u{600}<img src=x onerror=alert(1)> \u{301} onmouseover=alert(2) x=\" \u{301}' onfocus=alert(3) x='"
        text += " \u{6DD}<script>alert(4)</script\u{338}> \u{110BD}<svg onload=alert(5)> --\u{20DD}> &\u{301}amp;"
        for (joined, _) in joinedCases { text += " " + joined }
        return text
    }()

    /// A site where every free-text field holds `text`: slugs, dates and URLs stay valid, and the
    /// people's names sort the same way whatever the text.
    static func site(_ text: String) -> [String: String?] {
        let q = yamlQuoted(text)
        return [
            "Content/site.yaml": """
                title: \(q)
                description: \(q)
                base_url: "https://example.org/news/"
                language: en
                time_zone: America/New_York
                """,
            "Content/people/steve-witkoff.md": """
                ---
                name: \(yamlQuoted("A " + text))
                role: \(q)
                affiliation: \(q)
                country: \(q)
                aliases: [\(q)]
                ---
                \(markdown(text))
                """,
            "Content/people/vladimir-putin.md": """
                ---
                name: \(yamlQuoted("B " + text))
                role: \(q)
                ---
                \(markdown(text))
                """,
            "Content/briefings/moscow-meeting.md": """
                ---
                title: \(q)
                date: 2025-12-03T10:00:00-05:00
                updated: 2025-12-03T18:00:00-05:00
                summary: \(q)
                people: [steve-witkoff, vladimir-putin]
                topics: [peace-talks]
                places: [\(q)]
                key_points:
                  - \(yamlQuoted(markdown(text)))
                quotes:
                  - person: vladimir-putin
                    text: \(q)
                    context: \(q)
                    date: 2025-12-02
                    source: one
                events:
                  - date: 2025-12-02
                    title: \(q)
                    people: [steve-witkoff, vladimir-putin]
                    place: \(q)
                sources:
                  - id: one
                    title: \(q)
                    publisher: \(q)
                    url: "https://example.org/story"
                updates:
                  - at: 2025-12-03T18:00:00-05:00
                    text: \(yamlQuoted(markdown(text)))
                ---
                \(markdown(text))

                [Witkoff](person:steve-witkoff) and [the talks](event:talks).
                """,
            "Content/timeline.yaml": """
                - id: talks
                  date: 2025-12
                  title: \(q)
                  summary: \(yamlQuoted(markdown(text)))
                  place: \(q)
                  people: [steve-witkoff]
                  briefing: moscow-meeting
                - date: 2026
                  title: \(q)
                  expected: true
                """,
        ]
    }

    /// Markdown that cmark reads as plain text (its own escaping is cmark's): backslashes before the
    /// characters Markdown gives a meaning, so the markup stays text in both sites.
    static func markdown(_ text: String) -> String {
        replacing("&", with: "\\&", in: replacing("<", with: "\\<", in: text))
    }

    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.isASCII: out.unicodeScalars.append(scalar)
            default: out += scalar.value > 0xFFFF ? String(format: "\\U%08X", scalar.value) : String(format: "\\u%04X", scalar.value)
            }
        }
        return out + "\""
    }

    @Test func markupInEveryFieldAddsNoElementOrAttributeToAnyPage() async throws {
        let hostile = try FixtureSite(Self.site(Self.hostile), base: [:])
        let plain = try FixtureSite(Self.site("Plain words"), base: [:])
        defer { hostile.remove(); plain.remove() }
        try await hostile.build()
        try await plain.build()
        let paths = try FileManager.default.subpathsOfDirectory(atPath: plain.output).sorted()
        #expect(try FileManager.default.subpathsOfDirectory(atPath: hostile.output).sorted() == paths)
        var compared = 0
        for path in paths where [".html", ".xml", ".svg"].contains(where: path.hasSuffix) {
            let markup = MarkupShape(try hostile.page(path)), words = MarkupShape(try plain.page(path))
            #expect(markup.tags == words.tags, "\(path): \(markup.tags.difference(from: words.tags))")
            #expect(markup.scriptTexts.allSatisfy { !$0.contains("<") }, "\(path): a script holds a raw '<'")
            compared += 1
        }
        #expect(compared >= 12)
        // The hostile text is there, escaped: on the briefing page as text, in the feed as XML text.
        let page = try hostile.page("briefings/moscow-meeting/index.html")
        #expect(page.contains("\u{600}&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.contains("\u{301} onmouseover=alert(2) x=&quot;"))
        #expect(try hostile.page("feed.xml").contains("\u{600}&lt;img"))
        // JSON files read back with the text whole.
        for path in paths where path.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: hostile.output + "/" + path))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(path) does not parse")
            #expect(!String(decoding: data, as: UTF8.self).contains("<"), "\(path) holds a raw '<'")
        }
        // The calendar's summary is the title, scalar for scalar, once unfolded and unescaped.
        let calendar = Self.replacing("\r\n ", with: "", in: try hostile.page("timeline.ics"))
        let summary = try #require(calendar.split(separator: "\r\n").first { $0.hasPrefix("SUMMARY:") })
        let unescaped = Self.replacing("\\;", with: ";", in: String(summary.dropFirst("SUMMARY:".count)))
        #expect(unescaped.unicodeScalars.elementsEqual(Self.hostile.unicodeScalars))
    }
}

/// The elements and attributes of an HTML or XML text as a browser's tokenizer finds them: tag
/// names with their attribute names, in order. Comments are skipped; the text of `script` and
/// `style` is raw (kept apart, to look for a `<` that could end it).
struct MarkupShape {
    var tags: [String] = []
    var scriptTexts: [String] = []

    init(_ text: String) {
        let s = Array(text.unicodeScalars)
        var i = 0
        func isLetter(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic && c.isASCII }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else { i += 1; continue }
            if s[i + 1] == "!" || s[i + 1] == "?" {
                // A comment, doctype, CDATA or declaration: to its end.
                let rest = String(String.UnicodeScalarView(s[i...]))
                let end = rest.hasPrefix("<!--") ? "-->" : (rest.hasPrefix("<![CDATA[") ? "]]>" : ">")
                if let range = rest.range(of: end) {
                    i += rest.unicodeScalars.distance(from: rest.startIndex, to: range.upperBound)
                } else {
                    i = s.count
                }
                continue
            }
            let closing = s[i + 1] == "/"
            var j = i + (closing ? 2 : 1)
            guard j < s.count, isLetter(s[j]) else { i += 1; continue }
            var name = ""
            while j < s.count, !s[j].properties.isWhitespace, s[j] != ">", s[j] != "/" { name.unicodeScalars.append(s[j]); j += 1 }
            var attributes: [String] = []
            while j < s.count, s[j] != ">" {
                if s[j].properties.isWhitespace || s[j] == "/" { j += 1; continue }
                var attribute = ""
                while j < s.count, !s[j].properties.isWhitespace, s[j] != "=", s[j] != ">", s[j] != "/" {
                    attribute.unicodeScalars.append(s[j]); j += 1
                }
                attributes.append(attribute)
                if j < s.count, s[j] == "=" {
                    j += 1
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote { j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !s[j].properties.isWhitespace, s[j] != ">" { j += 1 }
                    }
                }
            }
            tags.append((closing ? "/" : "") + name.lowercased() + (attributes.isEmpty ? "" : " " + attributes.joined(separator: " ")))
            i = j + 1
            let lower = name.lowercased()
            if !closing, lower == "script" || lower == "style" {
                // Raw text to the first "</name".
                let rest = String(String.UnicodeScalarView(s[min(i, s.count)...]))
                let end = rest.range(of: "</" + lower) ?? rest.endIndex..<rest.endIndex
                scriptTexts.append(String(rest[..<end.lowerBound]))
                i += rest.unicodeScalars.distance(from: rest.startIndex, to: end.lowerBound)
            }
        }
    }
}
