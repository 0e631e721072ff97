extension RenderedMarkdown {
    /// Renders briefing `b`'s body again after an edit of its text only; returns its diagnostics.
    mutating func rerenderBody(of b: Int, in site: Site, renderer: MarkdownRenderer) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var notes = MarkdownNotes()
        let body = renderer.render(site.briefings[b].body, root: "../../", diagnostics: &diagnostics, notes: &notes,
                                   plainText: true, textLimit: Self.leadLength * 4)
        bodies[b] = body.html
        bodyLeads[b] = Self.lead(body.text)
        return diagnostics
    }

    /// Renders person `p`'s bio again after an edit of its text only.
    mutating func rerenderBio(of p: Int, in site: Site, renderer: MarkdownRenderer) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var notes = MarkdownNotes()
        let bio = renderer.render(site.people[p].bio, root: "../../", diagnostics: &diagnostics, notes: &notes, plainText: true)
        bios[p] = bio.html
        bioTexts[p] = bio.text
        return diagnostics
    }
}
