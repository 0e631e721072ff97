extension RenderedMarkdown {
    /// Renders briefing `b`'s body again after an edit of its text only; returns its diagnostics.
    mutating func rerenderBody(of b: Int, in site: Site, stage: MarkdownStage) -> [Diagnostic] {
        var found = MarkdownStage.Found()
        (briefings[b].bodyHTML, briefings[b].lead) = stage.body(site.briefings[b].body, found: &found)
        notes.addLinks(of: found.notes)
        return found.diagnostics
    }

    /// Renders person `p`'s bio again after an edit of its text only.
    mutating func rerenderBio(of p: Int, in site: Site, stage: MarkdownStage) -> [Diagnostic] {
        var found = MarkdownStage.Found()
        people[p].bio = stage.bio(site.people[p].bio, found: &found)
        notes.addLinks(of: found.notes)
        return found.diagnostics
    }
}

extension MarkdownNotes {
    /// The people and briefings `other` links to, added: kept by `serve` over its edits, a text
    /// edited or removed leaves its links here, which only ever makes it cautious.
    mutating func addLinks(of other: MarkdownNotes) {
        linkedPeople.formUnion(other.linkedPeople)
        linkedBriefings.formUnion(other.linkedBriefings)
    }
}
