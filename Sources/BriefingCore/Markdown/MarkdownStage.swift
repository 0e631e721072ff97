import Foundation

/// The HTML of every Markdown text of the site, rendered once, for the page depth it appears at.
struct RenderedMarkdown: Sendable {
    /// Per briefing: body, key points and update texts, for the briefing page (`../../`).
    var bodies: [String]
    var keyPoints: [[String]]
    var updates: [[String]]
    /// Per person: bio, for the person page (`../../`).
    var bios: [String]
    /// Per event: summary for the timeline (`../`) and for briefing and person pages (`../../`).
    var eventSummariesOnTimeline: [String?]
    var eventSummariesOnPages: [String?]
    /// The updates shown on the home page (`Site.latestUpdates(limit: homeUpdateLimit)`, in that
    /// order), rendered for the site root (`./`): their links differ from the briefing page's.
    var updatesOnHome: [String] = []

    /// The same texts without markup, on one line each, for JSON-LD, data exports and search.
    var bodyLeads: [String] = []
    var keyPointTexts: [[String]] = []
    var updateTexts: [[String]] = []
    var bioTexts: [String] = []
    var eventSummaryTexts: [String?] = []

    /// What only `briefing check` reports (images without alt text) and the people linked from prose.
    var notes = MarkdownNotes()

    /// How many updates the home page lists.
    static let homeUpdateLimit = 5
    /// How much of a briefing's body text is kept for search snippets and data exports.
    static let leadLength = 300

    /// Renders everything on all cores, with every broken reference link reported, located.
    static func render(_ site: Site, renderer: MarkdownRenderer) async -> (RenderedMarkdown, [Diagnostic]) {
        let pageRoot = "../../"
        struct BriefingTexts: Sendable {
            var body = "", lead = ""
            var points: [String] = [], pointTexts: [String] = []
            var updates: [String] = [], updateTexts: [String] = []
            var diagnostics: [Diagnostic] = []
            var notes = MarkdownNotes()
        }
        // The three maps run at once: each alone left a core idle while its last chunk finished.
        async let briefingTexts = Parallel.map(site.briefings) { briefing -> BriefingTexts in
            var out = BriefingTexts()
            (out.body, out.lead) = renderBody(briefing.body, renderer: renderer, diagnostics: &out.diagnostics, notes: &out.notes)
            for point in briefing.keyPoints {
                let rendered = renderer.render(point, root: pageRoot, diagnostics: &out.diagnostics, notes: &out.notes,
                                               plainText: true)
                out.points.append(rendered.html)
                out.pointTexts.append(rendered.text)
            }
            for update in briefing.updates {
                let rendered = renderer.render(update.text, root: pageRoot, diagnostics: &out.diagnostics,
                                               notes: &out.notes, plainText: true)
                out.updates.append(rendered.html)
                out.updateTexts.append(rendered.text)
            }
            return out
        }
        async let bioTexts = Parallel.map(site.people) { person -> (String, String, [Diagnostic], MarkdownNotes) in
            var found: [Diagnostic] = []
            var notes = MarkdownNotes()
            let bio = renderBio(person.bio, renderer: renderer, diagnostics: &found, notes: &notes)
            return (bio.html, bio.text, found, notes)
        }
        async let summaryTexts = Parallel.map(site.events) { event -> (String?, String?, String?, [Diagnostic], MarkdownNotes) in
            guard let summary = event.summary else { return (nil, nil, nil, [], MarkdownNotes()) }
            var found: [Diagnostic] = []
            var notes = MarkdownNotes()
            let onTimeline = renderer.render(summary, root: "../", diagnostics: &found, notes: &notes, plainText: true)
            var ignored: [Diagnostic] = []  // the same links, already reported once
            var ignoredNotes = MarkdownNotes()
            let onPages = renderer.render(summary, root: pageRoot, diagnostics: &ignored, notes: &ignoredNotes).html
            return (onTimeline.html, onPages, onTimeline.text, found, notes)
        }
        let (briefings, bios, summaries) = await (briefingTexts, bioTexts, summaryTexts)
        // Home-page updates: a few, rendered again for the root; their problems were reported above.
        let updatesOnHome = site.latestUpdates(limit: homeUpdateLimit).map { ref in
            var ignored: [Diagnostic] = []
            var ignoredNotes = MarkdownNotes()
            return renderer.render(site.briefings[ref.briefing].updates[ref.update].text, root: "./",
                                   diagnostics: &ignored, notes: &ignoredNotes).html
        }
        var diagnostics = briefings.flatMap(\.diagnostics) + bios.flatMap(\.2) + summaries.flatMap(\.3)
        // What did not resolve is not rendered, but its broken links are errors of its file all the same.
        for text in site.unresolved.markdown {
            var ignoredNotes = MarkdownNotes()
            _ = renderer.render(text, root: pageRoot, diagnostics: &diagnostics, notes: &ignoredNotes)
        }
        diagnostics.sort()
        var notes = MarkdownNotes()
        for found in briefings.map(\.notes) + bios.map(\.3) + summaries.map(\.4) { notes.merge(found) }
        notes.imagesWithoutAlt.sort()
        var rendered = RenderedMarkdown(
            bodies: briefings.map(\.body), keyPoints: briefings.map(\.points), updates: briefings.map(\.updates),
            bios: bios.map(\.0), eventSummariesOnTimeline: summaries.map(\.0), eventSummariesOnPages: summaries.map(\.1))
        rendered.updatesOnHome = updatesOnHome
        rendered.bodyLeads = briefings.map(\.lead)
        rendered.keyPointTexts = briefings.map(\.pointTexts)
        rendered.updateTexts = briefings.map(\.updateTexts)
        rendered.bioTexts = bios.map(\.1)
        rendered.eventSummaryTexts = summaries.map(\.2)
        rendered.notes = notes
        return (rendered, diagnostics)
    }

    /// A briefing body for its page, and the lead kept for search and data exports.
    /// (`serve` renders one body again with this after an edit.)
    static func renderBody(_ body: MarkdownText, renderer: MarkdownRenderer, diagnostics: inout [Diagnostic],
                           notes: inout MarkdownNotes) -> (html: String, lead: String) {
        let rendered = renderer.render(body, root: "../../", diagnostics: &diagnostics, notes: &notes,
                                       plainText: true, textLimit: leadLength * 4)
        return (rendered.html, lead(rendered.text))
    }

    /// A person's bio for their page, and its text for data exports.
    static func renderBio(_ bio: MarkdownText, renderer: MarkdownRenderer, diagnostics: inout [Diagnostic],
                          notes: inout MarkdownNotes) -> (html: String, text: String) {
        renderer.render(bio, root: "../../", diagnostics: &diagnostics, notes: &notes, plainText: true)
    }

    /// The start of a text, cut at a word boundary near `leadLength` characters, with `…` when cut.
    static func lead(_ text: String, length: Int = leadLength) -> String {
        // A text of no more bytes than `length` has no more characters either: no need to count.
        guard text.utf8.count > length else { return text }
        var cut: Substring
        // Where the first `length + 1` bytes are ASCII other than CR (which joins LF in one
        // Character), each byte is a Character: the cut is found by bytes, without walking
        // Characters (a tenth of the Markdown stage's time).
        if text.utf8.prefix(length + 1).allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            cut = text[..<text.utf8.index(text.utf8.startIndex, offsetBy: length)]
            if let space = cut.utf8.lastIndex(of: UInt8(ascii: " ")),
               cut.utf8.distance(from: cut.startIndex, to: space) > length / 2 {
                cut = cut[..<space]
            }
        } else {
            cut = text.prefix(length)
            guard cut.endIndex < text.endIndex else { return text }
            if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > length / 2 {
                cut = cut[..<space]
            }
        }
        let scalars = cut.unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, isTrimmed(scalars[lower]) { lower = scalars.index(after: lower) }
        while lower < upper {
            let before = scalars.index(before: upper)
            guard isTrimmed(scalars[before]) else { break }
            upper = before
        }
        return String(scalars[lower..<upper]) + "…"
    }

    /// What is trimmed off a lead's ends: spaces and punctuation (Foundation's `.whitespaces`
    /// and `.punctuationCharacters`).
    private static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" { return true }
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return true
        default:
            return false
        }
    }
}
