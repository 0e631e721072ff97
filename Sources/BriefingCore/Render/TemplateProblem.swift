/// What can be wrong with a site's templates, found before anything renders (`TemplateSet.load`).
enum TemplateProblem: Problem, Equatable {
    case noTemplatesFolder
    case cannotRead
    case notUTF8
    /// `message` is the Mustache parser's (`MustacheSyntaxError`).
    case syntax(String)
    /// A partial `{{> name}}` that no template provides; `known` are the templates there are.
    case missingPartial(String, known: [String])
    /// A template every site needs; `required` lists them all.
    case missingTemplate(String, required: [String])
    /// A name no page kind that reaches this place gives (`TemplateChecker`).
    case unknownName(UnknownName)

    /// Where a name was not found, and what could have been meant.
    struct UnknownName: Equatable {
        enum Place: Equatable {
            /// Not in any context in reach.
            case here
            /// Not a field of `owner`, a view.
            case inView(owner: String)
            /// `owner` is a text, a number or a flag: it has no fields at all.
            case inScalar(owner: String)
        }

        let name: String
        let place: Place
        /// The nearest name in reach, if one is close.
        let suggestion: String?
        /// The page kinds whose templates reach this place.
        let pages: [String]

        /// Where the name was not found, in words.
        var notFound: String {
            switch place {
            case .here: "no field '\(name)' here"
            case .inView(let owner): "no field '\(name)' in '\(owner)'"
            case .inScalar(let owner): "'\(owner)' has no fields: '\(name)' is not there"
            }
        }
    }

    var wording: Wording {
        switch self {
        case .noTemplatesFolder:
            Wording("no Templates/ folder in the site folder", hint: "copy the Templates/ folder of the Briefing repository next to Content/")
        case .cannotRead:
            Wording("cannot read the template")
        case .notUTF8:
            Wording("the template is not UTF-8 text")
        case .syntax(let message):
            Wording("template syntax error: \(message)")
        case .missingPartial(let name, let known):
            Wording("template names a missing partial '\(name)'",
                    hint: Suggestion.hint(for: name, in: known) ?? "create Templates/\(name).mustache")
        case .missingTemplate(let name, let required):
            Wording("missing template '\(name)'", hint: "every site needs \(required.map { $0 + ".mustache" }.joined(separator: ", "))")
        case .unknownName(let unknown):
            Wording(unknown.notFound + (unknown.suggestion.map { " — " + Suggestion.hint($0) } ?? ""),
                    hint: "looked up in the \(unknown.pages.joined(separator: ", ")) page\(unknown.pages.count == 1 ? "" : "s"); "
                        + "Templates/README.md lists every field")
        }
    }
}
