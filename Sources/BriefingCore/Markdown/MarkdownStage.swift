import Foundation

/// A Markdown text rendered: its HTML, and its text without markup on one line (for JSON-LD,
/// data exports and search).
struct RenderedText: Sendable {
    var html: String
    var text: String
}

/// A briefing's texts, rendered for its page: links start from `../../`.
struct BriefingMarkdown: Sendable {
    var bodyHTML: String
    /// The start of the body's text (`RenderedMarkdown.lead`), for search snippets and data exports.
    var lead: String
    var keyPoints: [RenderedText]
    /// One per entry of its update log, in the log's order.
    var updates: [RenderedText]
}

/// A person's bio, rendered for their page: links start from `../../`.
struct PersonMarkdown: Sendable {
    var bio: RenderedText
}

/// An event's summary (all nil when it has none). It is shown at two depths, and a link's path
/// depends on the page it is on, so it is rendered for each.
struct EventMarkdown: Sendable {
    /// For the timeline: links start from `../`.
    var onTimeline: String?
    /// For briefing and person pages: links start from `../../`.
    var onPages: String?
    var text: String?
}

/// The HTML of every Markdown text of the site, rendered once, kept per briefing, person and event.
struct RenderedMarkdown: Sendable {
    /// In the order of `site.briefings`.
    var briefings: [BriefingMarkdown]
    /// In the order of `site.people`.
    var people: [PersonMarkdown]
    /// In the order of `site.events`.
    var events: [EventMarkdown]
    /// The updates shown on the home page (`Site.latestUpdates(limit: homeUpdateLimit)`, in that
    /// order), rendered for the site root (`./`): their links differ from the briefing page's.
    var updatesOnHome: [String]
    /// Broken reference links, located: errors of the files they are in.
    var diagnostics: [Diagnostic]
    /// What only `briefing check` reports (images without alt text) and the people linked from prose.
    var notes: MarkdownNotes

    /// How many updates the home page lists.
    static let homeUpdateLimit = 5
    /// How much of a briefing's body text is kept for search snippets and data exports.
    static let leadLength = 300

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

/// The Markdown stage: renders every Markdown text of the site through cmark, with `person:`,
/// `briefing:` and `event:` links rewritten and every broken one reported, located.
struct MarkdownStage: Sendable {
    let renderer: MarkdownRenderer

    /// The stage for `site`: its links are checked against what the site holds, links to events
    /// made to the timeline page that holds each.
    init(site: Site, timeline: TimelineLayout) {
        renderer = MarkdownRenderer(links: LinkTable(site: site, timeline: timeline), unsafeHTML: site.config.unsafeHTML)
    }

    /// Every text of `site`, rendered on all cores.
    func render(_ site: Site) async -> RenderedMarkdown {
        await render(site, reusing: nil, remember: false).markdown
    }

    /// Every text of `site`, rendered on all cores, those unchanged since `memo` was made taken
    /// from it; with `remember`, the memo of this run for the next one (`serve`).
    func render(_ site: Site, reusing memo: MarkdownMemo?, remember: Bool) async -> (markdown: RenderedMarkdown, memo: MarkdownMemo?) {
        let stage = self
        // What a text renders to depends on its words, its place (for problems) and the link
        // targets it names: with the same targets, an unchanged text renders as before. With
        // targets added and none changed (a new file), so does an unchanged text whose links all
        // resolved (a broken one may resolve now, and its suggestions name the targets there are).
        let sameLinks = memo.map { $0.links == renderer.links && $0.unsafeHTML == renderer.unsafeHTML } ?? false
        let widerLinks = !sameLinks && memo.map { $0.unsafeHTML == renderer.unsafeHTML && renderer.links.keepsEveryTarget(of: $0.links) } ?? false
        let reusable = sameLinks || widerLinks ? memo : nil
        @Sendable func usable(_ found: Found) -> Bool { sameLinks || found.diagnostics.isEmpty }
        // Briefings at the same time as bios and summaries: each map alone leaves a core idle
        // while its last chunk finishes.
        let (briefingResults, (personResults, eventResults)) = await Parallel.both({
            await Parallel.map(site.briefings) { briefing -> (BriefingMarkdown, Found, isNew: Bool) in
                if let old = reusable?.briefings[briefing.path], usable(old.found), old.texts == MarkdownMemo.Texts(briefing) {
                    return (old.rendered, old.found, false)
                }
                var found = Found()
                return (stage.briefing(briefing, found: &found), found, true)
            }
        }, {
            let people = await Parallel.map(site.people) { person -> (PersonMarkdown, Found, isNew: Bool) in
                if let old = reusable?.people[person.path], usable(old.found), old.text == person.bio { return (old.rendered, old.found, false) }
                var found = Found()
                return (PersonMarkdown(bio: stage.bio(person.bio, found: &found)), found, true)
            }
            let events = await Parallel.map(site.events) { event -> (EventMarkdown, Found, isNew: Bool) in
                if let old = reusable?.events[event.location], usable(old.found), old.text == event.summary {
                    return (old.rendered, old.found, false)
                }
                var found = Found()
                return (stage.event(event, found: &found), found, true)
            }
            return (people, events)
        })
        var found = Found()
        for result in briefingResults { found.merge(result.1) }
        for result in personResults { found.merge(result.1) }
        for result in eventResults { found.merge(result.1) }
        // What did not resolve is not rendered, but its broken links are errors of its file all the same.
        for text in site.unresolved.markdown {
            var ignoredNotes = MarkdownNotes()
            _ = renderer.render(text, root: Self.itemPageRoot, diagnostics: &found.diagnostics, notes: &ignoredNotes)
        }
        found.diagnostics.sort()
        found.notes.imagesWithoutAlt.sort()
        let markdown = RenderedMarkdown(briefings: briefingResults.map(\.0), people: personResults.map(\.0),
                                        events: eventResults.map(\.0), updatesOnHome: updatesOnHome(site),
                                        diagnostics: found.diagnostics, notes: found.notes)
        guard remember else { return (markdown, nil) }
        // The next memo is this one with what was rendered again (entries of files gone stay, and
        // are never taken: their place in the site is another's or none), while the targets are
        // the same; otherwise a fresh one of this run's texts.
        let keepsEntries = sameLinks
        var next = keepsEntries ? memo! : MarkdownMemo(links: renderer.links, unsafeHTML: renderer.unsafeHTML)
        for b in site.briefings.indices where briefingResults[b].isNew || !keepsEntries {
            next.briefings[site.briefings[b].path] = (MarkdownMemo.Texts(site.briefings[b]), briefingResults[b].0, briefingResults[b].1)
        }
        for p in site.people.indices where personResults[p].isNew || !keepsEntries {
            next.people[site.people[p].path] = (site.people[p].bio, personResults[p].0, personResults[p].1)
        }
        for e in site.events.indices where eventResults[e].isNew || !keepsEntries {
            next.events[site.events[e].location] = (site.events[e].summary, eventResults[e].0, eventResults[e].1)
        }
        return (markdown, next)
    }

    /// Where a text's links start from: the way back to the site root from the page it is on.
    static let itemPageRoot = "../../", timelineRoot = "../", homeRoot = "./"

    /// What rendering some texts found.
    struct Found: Sendable {
        var diagnostics: [Diagnostic] = []
        var notes = MarkdownNotes()

        mutating func merge(_ other: Found) {
            diagnostics += other.diagnostics
            notes.merge(other.notes)
        }
    }

    /// A briefing's texts for its page.
    func briefing(_ briefing: Briefing, found: inout Found) -> BriefingMarkdown {
        let (bodyHTML, lead) = body(briefing.body, found: &found)
        return BriefingMarkdown(
            bodyHTML: bodyHTML, lead: lead,
            keyPoints: briefing.keyPoints.map { text($0, root: Self.itemPageRoot, found: &found) },
            updates: briefing.updates.map { text($0.text, root: Self.itemPageRoot, found: &found) })
    }

    /// A briefing body for its page, and the lead kept for search and data exports.
    /// (`serve` renders one body again with this after an edit.)
    func body(_ body: MarkdownText, found: inout Found) -> (html: String, lead: String) {
        let rendered = renderer.render(body, root: Self.itemPageRoot, diagnostics: &found.diagnostics, notes: &found.notes,
                                       plainText: true, textLimit: RenderedMarkdown.leadLength * 4)
        return (rendered.html, RenderedMarkdown.lead(rendered.text))
    }

    /// A person's bio for their page, with its text for data exports.
    func bio(_ bio: MarkdownText, found: inout Found) -> RenderedText {
        text(bio, root: Self.itemPageRoot, found: &found)
    }

    /// An event's summary for the timeline and for briefing and person pages.
    func event(_ event: Event, found: inout Found) -> EventMarkdown {
        guard let summary = event.summary else { return EventMarkdown() }
        let onTimeline = text(summary, root: Self.timelineRoot, found: &found)
        var ignored = Found()  // the same links, already reported once
        let onPages = renderer.render(summary, root: Self.itemPageRoot, diagnostics: &ignored.diagnostics,
                                      notes: &ignored.notes).html
        return EventMarkdown(onTimeline: onTimeline.html, onPages: onPages, text: onTimeline.text)
    }

    /// Home-page updates: a few, rendered again for the root; their problems were reported with
    /// their briefing's.
    func updatesOnHome(_ site: Site) -> [String] {
        site.latestUpdates(limit: RenderedMarkdown.homeUpdateLimit).map { ref in
            var ignored = Found()
            return renderer.render(site.briefings[ref.briefing].updates[ref.update].text, root: Self.homeRoot,
                                   diagnostics: &ignored.diagnostics, notes: &ignored.notes).html
        }
    }

    private func text(_ markdown: MarkdownText, root: String, found: inout Found) -> RenderedText {
        let rendered = renderer.render(markdown, root: root, diagnostics: &found.diagnostics, notes: &found.notes,
                                       plainText: true)
        return RenderedText(html: rendered.html, text: rendered.text)
    }
}

/// The Markdown an earlier run rendered, kept by `serve` for the next rebuild: a text whose words
/// and place are unchanged, while every link target is the same, renders to the same HTML and the
/// same problems, so it is taken from here instead of being rendered again. Kept per briefing and
/// person file and per event.
struct MarkdownMemo: Sendable {
    let links: LinkTable
    let unsafeHTML: Bool
    var briefings: [String: (texts: Texts, rendered: BriefingMarkdown, found: MarkdownStage.Found)] = [:]
    var people: [String: (text: MarkdownText, rendered: PersonMarkdown, found: MarkdownStage.Found)] = [:]
    var events: [SourceLocation: (text: MarkdownText?, rendered: EventMarkdown, found: MarkdownStage.Found)] = [:]

    init(links: LinkTable, unsafeHTML: Bool) {
        self.links = links
        self.unsafeHTML = unsafeHTML
    }

    /// Every Markdown text of a briefing. Compared field by field: the texts of a file that did
    /// not change are the very same strings and arrays, which compare equal at once.
    struct Texts: Equatable, Sendable {
        let body: MarkdownText
        let keyPoints: [MarkdownText]
        let updates: [Update]

        init(_ briefing: Briefing) {
            body = briefing.body
            keyPoints = briefing.keyPoints
            updates = briefing.updates
        }
    }
}
