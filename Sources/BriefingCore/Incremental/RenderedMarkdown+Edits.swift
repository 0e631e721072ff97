extension RenderedMarkdown {
    /// Renders briefing `b`'s body again after an edit of its text only; returns its diagnostics.
    mutating func rerenderBody(of b: Int, in site: Site, renderer: MarkdownRenderer) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var notes = MarkdownNotes()
        (bodies[b], bodyLeads[b]) = Self.renderBody(site.briefings[b].body, renderer: renderer,
                                                    diagnostics: &diagnostics, notes: &notes)
        return diagnostics
    }

    /// Renders person `p`'s bio again after an edit of its text only.
    mutating func rerenderBio(of p: Int, in site: Site, renderer: MarkdownRenderer) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var notes = MarkdownNotes()
        (bios[p], bioTexts[p]) = Self.renderBio(site.people[p].bio, renderer: renderer, diagnostics: &diagnostics, notes: &notes)
        return diagnostics
    }
}
