@testable import BriefingCore
import Foundation

/// SplitMix64: small, fast and the same on every machine, so a site is replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid sites in the content format of DESIGN.md: small and odd. Empty lists, Unicode
/// everywhere (right-to-left scripts, combining marks, emoji, CJK), long words, every date
/// precision, optional fields present or absent, drafts, expected events, `extra:` maps,
/// `person:`, `briefing:`, `event:` and `media/` links. Every site it makes must build with no
/// error: a reference always names something that exists, and every id is unique.
struct SiteGenerator {
    var rng: SplitMix64

    init(seed: UInt64) { rng = SplitMix64(state: seed) }

    /// What a site holds, to choose from.
    enum Shape: String, CaseIterable {
        /// site.yaml alone.
        case empty
        /// One person, one briefing with every optional field, one timeline event.
        case oneOfEverything
        /// Only drafts among the briefings.
        case draftsOnly
        case timelineOnly
        case peopleOnly
        /// Anything, each part present or not.
        case random
        /// A timeline past the drawing's detail limit (it then draws counts per month or year).
        case crowded
    }

    struct Site {
        /// Content files by site-relative path.
        var files: [String: [UInt8]]
        var shape: Shape
        /// Published briefings' and people's slugs: each has a page.
        var published: [String]
        var drafts: [String]
        var people: [String]
        /// Raw HTML reaches pages: only balanced inline tags are written then.
        var unsafeHTML: Bool
        /// How to build it: with drafts (`--drafts`), with another base URL (`--base-url`).
        var options: BuildOptions
        /// The briefings that get a page.
        var built: [String] { options.includeDrafts ? published + drafts : published }
    }

    // MARK: - Random pieces

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }
    mutating func some<T>(_ items: [T], max: Int) -> [T] {
        Array(items.shuffled(using: &rng).prefix(int(0...Swift.min(max, items.count))))
    }

    static let words: [[String]] = [
        ["talks", "envoy", "ceasefire", "Moscow", "Kyiv", "summit", "draft", "plan", "meeting", "border"],
        ["Zoë", "Zoe\u{0308}", "cafe\u{0301}", "Ångström", "naïve", "Đorđe", "Łódź", "ğüşiöç", "ﬁnance", "straße"],
        ["مفاوضات", "السلام", "שלום", "ירושלים", "\u{200F}مرحبا\u{200F}", "گفتگو", "اردو", "\u{202B}עברית\u{202C}"],
        ["👩🏽‍💻", "🇺🇦", "❤️", "🕊️", "👨‍👩‍👧‍👦", "🏳️‍🌈", "1️⃣", "🤝🏾"],
        ["北京", "会談", "和平", "회담", "평화", "東京都", "交渉の行方", "𠜎𠜱"],
        ["Привет", "переговоры", "Україна", "Ελλάδα", "ქართული", "हिन्दी", "தமிழ்", "ไทย"],
        ["<b>", "</p>", "&amp;", "&", "\"quoted\"", "'single'", "`tick`", "*star*", "_under_", "\\", "{{site.title}}",
         "</script>", "<!--", "javascript:alert(1)", "a<b>c", "x > y", "#hash", "[bracket]", "%20", "|pipe|"],
        ["e\u{0301}\u{0302}\u{0303}", "a\u{0300}\u{0301}\u{0302}\u{0303}\u{0304}", "\u{00A0}nbsp", "soft\u{00AD}hyphen",
         "zero\u{200B}width", "ZWJ\u{200D}", "x\u{FE0F}"],
    ]

    mutating func word() -> String {
        if chance(0.03) { return String(repeating: pick(["Donaudampfschiff", "переговоры", "会談", "ab"]), count: int(5...40)) }
        return pick(pick(Self.words))
    }

    /// Words joined by spaces (CJK sometimes without).
    mutating func text(_ count: ClosedRange<Int>) -> String {
        var parts: [String] = []
        for _ in 0..<int(count) { parts.append(word()) }
        return parts.joined(separator: chance(0.1) ? "" : " ")
    }

    /// Text a title can be: something other than white space.
    mutating func title() -> String { "\(pick(["", "The ", "#", "“"]))\(text(1...6))" }

    static let reservedPlain: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    mutating func slug(_ taken: inout Set<String>) -> String {
        while true {
            var parts: [String] = [pick(["a", "ann", "bo", "x", "z9", "0", "q", "olena", "wang-li", "o-brien"])]
            for _ in 0..<int(0...3) { parts.append(pick(["2", "x", "talks", "b", "long-long-long", "9z", "e"])) }
            if chance(0.03) { parts.append(String(repeating: "a", count: int(60...150))) }
            let slug = parts.joined(separator: chance(0.8) ? "-" : "")
            if !Self.reservedPlain.contains(slug), Slug.isValid(slug), taken.insert(slug).inserted { return slug }
        }
    }

    /// A YAML scalar for `text`: double-quoted mostly, single-quoted sometimes.
    mutating func quoted(_ text: String) -> String {
        if chance(0.2) { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A slug as YAML: plain or quoted.
    mutating func slugValue(_ slug: String) -> String { chance(0.7) ? slug : quoted(slug) }

    /// A list of already-formatted YAML values at `indent`: flow, block, or `[]` when empty.
    mutating func list(_ key: String, _ values: [String], indent: String) -> String {
        if values.isEmpty { return chance(0.5) ? "\(indent)\(key): []\n" : "" }
        if chance(0.5) { return "\(indent)\(key): [\(values.joined(separator: ", "))]\n" }
        return "\(indent)\(key):\n" + values.map { "\(indent)  - \($0)\n" }.joined()
    }

    /// A list of maps, each given as its `key: value` lines (without indentation).
    func mapList(_ key: String, _ items: [[String]], indent: String) -> String {
        guard !items.isEmpty else { return "" }
        var out = "\(indent)\(key):\n"
        for item in items {
            for (i, line) in item.enumerated() {
                out += indent + (i == 0 ? "  - " : "    ") + line.replacingOccurrences(of: "\n", with: "\n" + indent + "    ") + "\n"
            }
        }
        return out
    }

    static let zones = ["UTC", "Europe/Kyiv", "America/New_York", "Asia/Tokyo", "Asia/Kolkata", "Pacific/Chatham",
                        "America/St_Johns", "Australia/Lord_Howe", "Pacific/Kiritimati"]

    /// A date at any precision, as YAML (plain or quoted).
    mutating func date() -> String {
        let year = chance(0.03) ? pick([1, 999, 1000, 9999]) : int(1900...2100)
        let y = String(format: "%04d", year)
        let month = int(1...12)
        let days = [31, 28 + ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 1 : 0), 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let day = chance(0.2) ? days[month - 1] : int(1...days[month - 1])
        var text: String
        switch int(0...3) {
        case 0: text = y
        case 1: text = "\(y)-\(String(format: "%02d", month))"
        case 2: text = "\(y)-\(String(format: "%02d-%02d", month, day))"
        default:
            text = "\(y)-\(String(format: "%02d-%02dT%02d:%02d", month, day, int(0...23), int(0...59)))"
            if chance(0.5) { text += String(format: ":%02d", int(0...59)) }
            switch int(0...3) {
            case 0: break
            case 1: text += "Z"
            default: text += String(format: "%@%02d:%02d", chance(0.5) ? "+" : "-", int(0...14), pick([0, 30, 45]))
            }
        }
        return chance(0.7) ? text : quoted(text)
    }

    /// Free text for `extra:`, as YAML lines at `indent`, nested a little.
    mutating func extra(indent: String, depth: Int = 0) -> String {
        var out = ""
        var keys = Set<String>()
        for _ in 0..<int(0...3) {
            let key = pick(["image", "caption", "k", "ключ", "鍵", "emoji_🔑", "nested", "list", "n", "flag"])
            guard keys.insert(key).inserted else { continue }
            let keyText = key.allSatisfy { $0.isASCII } ? key : quoted(key)
            switch int(0...4) {
            case 0 where depth < 2: out += "\(indent)\(keyText):\n" + extra(indent: indent + "  ", depth: depth + 1)
            case 1: out += "\(indent)\(keyText): [\(quoted(text(1...2))), \(int(0...99)), true]\n"
            case 2: out += "\(indent)\(keyText): \(int(-5...1000))\n"
            case 3: out += "\(indent)\(keyText): \(chance(0.5) ? "~" : "")\n"
            default: out += "\(indent)\(keyText): \(quoted(text(0...4)))\n"
            }
        }
        return out.isEmpty ? "\(indent){}\n" : out
    }

    /// The `extra:` field, or nothing.
    mutating func extraField(indent: String = "", p: Double = 0.3) -> String {
        guard chance(p) else { return "" }
        let body = extra(indent: indent + "  ")
        return body == indent + "  {}\n" ? "\(indent)extra: {}\n" : "\(indent)extra:\n" + body
    }

    // MARK: - Markdown

    /// What Markdown may link to.
    struct Targets {
        var people: [String] = []
        /// Every briefing slug, drafts included (a link to a draft is dropped with a warning).
        var briefings: [String] = []
        /// Ids of events that are built.
        var events: [String] = []
        var media: [String] = []
        var unsafeHTML = false
    }

    /// Inline Markdown: words, emphasis, code, links of every kind.
    mutating func inline(_ targets: Targets, words: ClosedRange<Int> = 1...12) -> String {
        var parts: [String] = []
        for _ in 0..<int(words) {
            switch int(0...14) {
            case 0: parts.append("*\(word())*")
            case 1: parts.append("**\(text(1...2))**")
            case 2: parts.append("`\(word().replacingOccurrences(of: "`", with: ""))`")
            case 3 where !targets.people.isEmpty: parts.append("[\(text(1...2))](person:\(pick(targets.people)))")
            case 4 where !targets.briefings.isEmpty: parts.append("[\(text(1...2))](briefing:\(pick(targets.briefings)))")
            case 5 where !targets.events.isEmpty: parts.append("[\(text(1...2))](event:\(pick(targets.events)))")
            case 6 where !targets.media.isEmpty: parts.append("![\(chance(0.7) ? text(1...2) : "")](media/\(pick(targets.media)))")
            case 7: parts.append("[\(word())](https://example.org/\(pick(["a?b=1&c=2", "ü", "x y", "%3Cscript%3E", ""])))")
            case 8: parts.append(pick(["<https://example.org/auto>", "&copy;", "&#x1F600;", "&#0;", "\\*", "<b>raw</b>",
                                       "<script>alert(1)</script>", "[x](javascript:alert(1))", "<!-- c -->"]))
            case 9 where targets.unsafeHTML: parts.append("<em>\(text(1...2).replacingOccurrences(of: "<", with: "").replacingOccurrences(of: "&", with: ""))</em>")
            default: parts.append(word())
            }
        }
        // Raw HTML kept by unsafe_html is only ever balanced.
        var line = parts.joined(separator: " ")
        if targets.unsafeHTML { line = line.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "&lt;em>", with: "<em>").replacingOccurrences(of: "&lt;/em>", with: "</em>") }
        return line
    }

    /// A Markdown body: paragraphs, headings, lists, quotes, code, rules; sometimes nothing.
    mutating func body(_ targets: Targets) -> String {
        var blocks: [String] = []
        for _ in 0..<int(0...6) {
            switch int(0...9) {
            case 0: blocks.append("\(String(repeating: "#", count: int(1...6))) \(inline(targets, words: 1...4))")
            case 1: blocks.append((0..<int(1...4)).map { _ in "- \(inline(targets, words: 1...5))" }.joined(separator: "\n"))
            case 2: blocks.append((1...int(1...3)).map { "\($0). \(inline(targets, words: 1...5))" }.joined(separator: "\n"))
            case 3: blocks.append("> \(inline(targets))\n>\n> > \(inline(targets, words: 1...3))")
            case 4: blocks.append("```\(pick(["", "swift", "<x>"]))\n\(text(1...5))\n<div>\n```")
            case 5: blocks.append(pick(["---", "***", "- - - -"]))
            case 6: blocks.append("\(inline(targets))\\\n\(inline(targets, words: 1...3))")
            case 7: blocks.append("    indented code \(word())")
            default: blocks.append(inline(targets))
            }
        }
        return blocks.joined(separator: "\n\n") + (chance(0.8) ? "\n" : "")
    }

    // MARK: - Files

    mutating func siteYAML(unsafeHTML: Bool) -> String {
        var out = "title: \(quoted(title()))\n"
        if chance(0.6) { out += "description: \(quoted(text(0...12)))\n" }
        if chance(0.7) {
            out += "base_url: \(quoted(pick(["https://example.org/", "https://example.org/a/b", "/", "/sub/path/", "http://localhost:8080/x/", "https://xn--r8jz45g.jp/%E3%83%8B/"])))\n"
        }
        if chance(0.5) { out += "language: \(pick(["en", "uk", "ar", "zh-Hans", "he", "en-GB", "ja"]))\n" }
        if chance(0.6) { out += "time_zone: \(pick(Self.zones))\n" }
        if unsafeHTML { out += "unsafe_html: true\n" } else if chance(0.2) { out += "unsafe_html: false\n" }
        out += extraField()
        return out
    }

    mutating func person(name: String, targets: Targets) -> String {
        var out = "---\nname: \(quoted(name))\n"
        if chance(0.6) { out += "role: \(quoted(text(1...5)))\n" }
        if chance(0.4) { out += "affiliation: \(quoted(text(1...4)))\n" }
        if chance(0.4) { out += "country: \(quoted(text(1...2)))\n" }
        if chance(0.4) { var aliases: [String] = []; for _ in 0..<int(0...3) { aliases.append(quoted(text(1...2))) }; out += list("aliases", aliases, indent: "") }
        out += extraField()
        return out + "---\n" + body(targets)
    }

    /// A source as `key: value` lines; `id` when given.
    mutating func source(id: String?) -> [String] {
        var lines: [String] = []
        if let id { lines.append("id: \(slugValue(id))") }
        if chance(0.7) { lines.append("title: \(quoted(text(1...6)))") }
        if chance(0.5) { lines.append("publisher: \(quoted(text(1...3)))") }
        if chance(0.6) || lines.count == (id == nil ? 0 : 1) {
            lines.append("url: \(quoted(pick(["https://example.com/story", "http://example.org/ü?x=1&y=<2>", "mailto:desk@example.org", "HTTPS://EXAMPLE.ORG/CAPS"])))")
        }
        return lines
    }

    /// An event as `key: value` lines.
    mutating func event(id: String?, people: [String], sourceIDs: [String], briefings: [String], targets: Targets,
                        inTimeline: Bool, everything: Bool = false) -> [String] {
        var lines = ["date: \(date())", "title: \(quoted(title()))"]
        if let id { lines.insert("id: \(slugValue(id))", at: chance(0.5) ? 0 : 2) }
        if everything || chance(0.5) {
            let chosen = everything ? Array(people.prefix(1)) : some(people, max: 3)
            if !chosen.isEmpty || chance(0.3) { lines.append("people: [\(chosen.map { slugValue($0) }.joined(separator: ", "))]") }
        }
        if everything || chance(0.4) { lines.append("place: \(quoted(text(1...3)))") }
        if everything || chance(0.4) { lines.append("summary: \(quoted(inline(targets, words: 1...8)))") }
        if everything || chance(0.3) { lines.append("expected: \(pick(["true", "false", "yes", "True"]))") }
        var ownIDs: [String] = []
        if everything || chance(0.2) {
            let id = "own-\(int(0...9))"
            ownIDs.append(id)
            let source = source(id: id)
            lines.append("sources:\n  - " + source.joined(separator: "\n    "))
        }
        let citable = sourceIDs + ownIDs
        if !citable.isEmpty, everything || chance(0.3) { lines.append("source: \(slugValue(pick(citable)))") }
        if inTimeline, !briefings.isEmpty, everything || chance(0.4) { lines.append("briefing: \(slugValue(pick(briefings)))") }
        return lines
    }

    /// A briefing file.
    mutating func briefing(draft: Bool, people: [String], targets: Targets, eventIDs: [String], everything: Bool) -> String {
        var out = "---\ntitle: \(quoted(title()))\ndate: \(date())\n"
        if everything || chance(0.3) { out += "updated: \(date())\n" }
        if everything || chance(0.6) { out += "summary: \(quoted(text(0...20)))\n" }
        if draft { out += "status: draft\n" } else if everything || chance(0.2) { out += "status: published\n" }
        let chosen = everything ? people : some(people, max: 4)
        out += list("people", chosen.map { slugValue($0) }, indent: "")
        var topics: [String] = []
        for _ in 0..<int(everything ? 1...3 : 0...3) { topics.append(pick(["peace-talks", "territory", "x", "a1", "long-topic-name-here"])) }
        out += list("topics", Array(Set(topics)).sorted().map { slugValue($0) }, indent: "")
        var places: [String] = []
        for _ in 0..<int(everything ? 1...2 : 0...2) { places.append(quoted(text(1...2))) }
        out += list("places", places, indent: "")
        var points: [String] = []
        for _ in 0..<int(everything ? 1...3 : 0...3) { points.append(quoted(inline(targets, words: 1...8))) }
        out += list("key_points", points, indent: "")
        // Sources first: quotes and events cite their ids.
        var sources: [[String]] = []
        var sourceIDs: [String] = []
        for n in 0..<int(everything ? 2...3 : 0...3) {
            let id: String? = everything || chance(0.6) ? "s\(n)-\(pick(["ap", "x", "0"]))" : nil
            if let id { sourceIDs.append(id) }
            sources.append(source(id: id))
        }
        var quotes: [[String]] = []
        if !people.isEmpty {
            for _ in 0..<int(everything ? 1...2 : 0...3) {
                var lines = ["person: \(slugValue(pick(people)))", "text: \(quoted(text(1...15)))"]
                if everything || chance(0.4) { lines.append("context: \(quoted(text(1...5)))") }
                if everything || chance(0.3) { lines.append("date: \(date())") }
                if !sourceIDs.isEmpty, everything || chance(0.5) { lines.append("source: \(slugValue(pick(sourceIDs)))") }
                quotes.append(chance(0.5) ? lines.reversed() : lines)
            }
        }
        out += mapList("quotes", quotes, indent: "")
        var events: [[String]] = []
        var ids = eventIDs
        for _ in 0..<int(everything ? 1...2 : 0...3) {
            let id = ids.isEmpty || !(everything || chance(0.5)) ? nil : ids.removeFirst()
            events.append(event(id: id, people: people, sourceIDs: sourceIDs, briefings: [], targets: targets,
                                inTimeline: false, everything: everything))
        }
        out += mapList("events", events, indent: "")
        out += mapList("sources", sources, indent: "")
        var updates: [[String]] = []
        for _ in 0..<int(everything ? 1...2 : 0...3) {
            updates.append(["at: \(date())", "text: \(quoted(inline(targets, words: 1...10)))"])
        }
        out += mapList("updates", updates, indent: "")
        out += extraField(p: everything ? 1 : 0.3)
        if chance(0.1) { out += "# a comment\n" }
        return out + "---\n" + body(targets)
    }

    // MARK: - Sites

    mutating func site(shape requested: Shape? = nil) -> Site {
        let shape = requested ?? (chance(0.01) ? .crowded : pick(Shape.allCases.filter { $0 != .crowded } + [.random, .random, .random]))
        let everything = shape == .oneOfEverything
        let unsafeHTML = shape == .random && chance(0.15)
        var files: [String: [UInt8]] = [:]
        func put(_ path: String, _ text: String) { files[path] = Array(text.utf8) }
        put("Content/site.yaml", siteYAML(unsafeHTML: unsafeHTML))

        var taken = Set<String>()
        let personCount: Int, briefingCount: Int, draftCount: Int
        let hasTimeline: Bool
        switch shape {
        case .empty: (personCount, briefingCount, draftCount, hasTimeline) = (0, 0, 0, false)
        case .oneOfEverything: (personCount, briefingCount, draftCount, hasTimeline) = (1, 1, 0, true)
        case .draftsOnly: (personCount, briefingCount, draftCount, hasTimeline) = (int(0...2), 0, int(1...2), chance(0.3))
        case .timelineOnly: (personCount, briefingCount, draftCount, hasTimeline) = (0, 0, 0, true)
        case .peopleOnly: (personCount, briefingCount, draftCount, hasTimeline) = (int(1...3), 0, 0, false)
        case .random: (personCount, briefingCount, draftCount, hasTimeline) = (int(0...4), int(0...4), int(0...2), chance(0.6))
        case .crowded: (personCount, briefingCount, draftCount, hasTimeline) = (int(0...2), int(0...1), 0, true)
        }
        let people = (0..<personCount).map { _ in slug(&taken) }
        let published = (0..<briefingCount).map { _ in slug(&taken) }
        let drafts = (0..<draftCount).map { _ in slug(&taken) }
        var media: [String] = []
        if shape == .random || everything, everything || chance(0.3) {
            for name in some(["photo.jpg", "map.svg", "doc.pdf", "a b.png", "ünï.txt", "deep/er/file.bin"], max: 2) + (everything ? ["photo.jpg"] : []) {
                guard !media.contains(name) else { continue }
                media.append(name)
                var bytes: [UInt8] = []
                for _ in 0..<int(0...64) { bytes.append(UInt8.random(in: 0...255, using: &rng)) }
                files["Content/media/\(name)"] = bytes
            }
        }
        // Event ids, unique across the site; those of drafts' events are not built, so no link names them.
        var eventIDs: [String] = []
        var idTaken = Set<String>()
        for _ in 0..<(briefingCount + draftCount + 2) * 2 { eventIDs.append(slug(&idTaken)) }
        let briefingIDs = Dictionary(uniqueKeysWithValues: (published + drafts).enumerated().map { i, slug in
            (slug, Array(eventIDs[(i * 2)..<(i * 2 + 2)]))
        })
        let timelineIDs = (0..<6).map { _ in slug(&idTaken) }
        let timelineCount = !hasTimeline ? 0 : everything ? 1 : shape == .crowded ? TimelineSVG.detailLimit + int(1...20) : int(0...5)

        // Only ids certainly built may be linked: the timeline's first event always has one.
        var targets = Targets(people: people, briefings: published + drafts, events: [], media: media.filter { !$0.contains(" ") },
                              unsafeHTML: unsafeHTML)
        if timelineCount > 0 { targets.events.append(timelineIDs[0]) }

        for slug in people {
            put("Content/people/\(slug).md", person(name: title(), targets: targets))
        }
        for slug in published + drafts {
            // A briefing's own first event id is always written too, so links may name it, but only once built.
            put("Content/briefings/\(slug).md", briefing(draft: drafts.contains(slug), people: people, targets: targets,
                                                         eventIDs: briefingIDs[slug] ?? [], everything: everything))
        }
        if hasTimeline {
            var events: [[String]] = []
            for n in 0..<timelineCount {
                events.append(event(id: n == 0 || (n < timelineIDs.count && chance(0.4)) ? timelineIDs[n] : nil,
                                    people: people, sourceIDs: [], briefings: published + drafts, targets: targets,
                                    inTimeline: true, everything: everything))
            }
            if events.isEmpty {
                put("Content/timeline.yaml", chance(0.5) ? "[]\n" : "events: []\n")
            } else if chance(0.2) {
                put("Content/timeline.yaml", mapList("events", events, indent: ""))
            } else {
                put("Content/timeline.yaml", mapList("events", events, indent: "").split(separator: "\n", omittingEmptySubsequences: false)
                    .dropFirst().map { $0.hasPrefix("  ") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n"))
            }
        }
        let options = BuildOptions(includeDrafts: chance(0.2),
                                   baseURL: chance(0.1) ? pick(["https://other.example/", "/preview/", "http://127.0.0.1:8080"]) : nil)
        return Site(files: files, shape: shape, published: published, drafts: drafts, people: people, unsafeHTML: unsafeHTML,
                    options: options)
    }
}
