/// What can be wrong with a link or an image in Markdown: a `person:`, `briefing:` or `event:`
/// destination that names nothing, a `media/` file that is not there, a link to a draft, an image
/// without alt text. `known` holds the names that exist, to suggest the nearest.
enum LinkProblem: Problem {
    case unknownPerson(String, known: Set<String>)
    case unknownBriefing(String, known: Set<String>)
    /// `known` is the link table's own keys (event id to anchor), not copied into a set.
    case unknownEvent(String, known: Dictionary<String, String>.Keys)
    /// `name` is the file's path under `Content/media/`.
    case missingMedia(String, known: Set<String>)
    /// The briefing exists but is a draft, not built: the link is dropped.
    case draftBriefing(String)
    case imageWithoutAlt(destination: String)

    var wording: Wording {
        switch self {
        case .unknownPerson(let slug, let known):
            Wording("unknown person '\(slug)' in link", hint: Suggestion.hint(for: slug, in: known))
        case .unknownBriefing(let slug, let known):
            Wording("unknown briefing '\(slug)' in link", hint: Suggestion.hint(for: slug, in: known))
        case .unknownEvent(let id, let known):
            Wording("unknown event '\(id)' in link", hint: Suggestion.hint(for: id, in: known))
        case .missingMedia(let name, let known):
            Wording("no file 'media/\(name)' in Content/media/",
                    hint: Suggestion.hint(for: name, in: known, shownAs: "media/") ?? "put the file in Content/media/ or correct the name")
        case .draftBriefing(let slug):
            Wording("link to briefing '\(slug)', a draft not built: the link is dropped (build with --drafts to keep it)")
        case .imageWithoutAlt(let destination):
            Wording("image '\(destination)' has no alt text",
                    hint: "describe it for readers who cannot see it: ![what it shows](\(destination))")
        }
    }
}
