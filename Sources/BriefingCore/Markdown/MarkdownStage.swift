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

    /// Renders everything on all cores, with every broken reference link reported, located.
    static func render(_ site: Site, renderer: MarkdownRenderer) async -> (RenderedMarkdown, [Diagnostic]) {
        let pageRoot = "../../"
        let briefings = await Parallel.map(site.briefings) { briefing -> (String, [String], [String], [Diagnostic]) in
            var found: [Diagnostic] = []
            let body = renderer.html(briefing.body, root: pageRoot, diagnostics: &found)
            let points = briefing.keyPoints.map { renderer.html($0, root: pageRoot, diagnostics: &found) }
            let updates = briefing.updates.map { renderer.html($0.text, root: pageRoot, diagnostics: &found) }
            return (body, points, updates, found)
        }
        let bios = await Parallel.map(site.people) { person -> (String, [Diagnostic]) in
            var found: [Diagnostic] = []
            return (renderer.html(person.bio, root: pageRoot, diagnostics: &found), found)
        }
        let summaries = await Parallel.map(site.events) { event -> (String?, String?, [Diagnostic]) in
            guard let summary = event.summary else { return (nil, nil, []) }
            var found: [Diagnostic] = []
            let onTimeline = renderer.html(summary, root: "../", diagnostics: &found)
            var ignored: [Diagnostic] = []  // the same links, already reported once
            let onPages = renderer.html(summary, root: pageRoot, diagnostics: &ignored)
            return (onTimeline, onPages, found)
        }
        var diagnostics = briefings.flatMap(\.3) + bios.flatMap(\.1) + summaries.flatMap(\.2)
        diagnostics.sort()
        let rendered = RenderedMarkdown(
            bodies: briefings.map(\.0), keyPoints: briefings.map(\.1), updates: briefings.map(\.2),
            bios: bios.map(\.0), eventSummariesOnTimeline: summaries.map(\.0), eventSummariesOnPages: summaries.map(\.1))
        return (rendered, diagnostics)
    }
}
