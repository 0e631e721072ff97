extension RenderedMarkdown {
    /// Renders briefing `b`'s body again after an edit of its text only; returns its diagnostics.
    mutating func rerenderBody(of b: Int, in site: Site, stage: MarkdownStage) -> [Diagnostic] {
        var found = MarkdownStage.Found()
        (briefings[b].bodyHTML, briefings[b].lead) = stage.body(site.briefings[b].body, found: &found)
        return found.diagnostics
    }

    /// Renders person `p`'s bio again after an edit of its text only.
    mutating func rerenderBio(of p: Int, in site: Site, stage: MarkdownStage) -> [Diagnostic] {
        var found = MarkdownStage.Found()
        people[p].bio = stage.bio(site.people[p].bio, found: &found)
        return found.diagnostics
    }
}
