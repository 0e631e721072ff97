/// A template that does not compile, with the position of the offending tag (1-based; column in Characters).
struct MustacheSyntaxError: Error, Sendable, Equatable {
    let template: String
    let line: Int
    let column: Int
    let message: String
}

/// Every syntax error of a template set, at most one per template, sorted by template name.
struct MustacheSyntaxErrors: Error, Sendable {
    let errors: [MustacheSyntaxError]
}

/// Why a tag does not compile. Tags are quoted with the delimiters in force where the problem is.
enum MustacheProblem: Equatable {
    case unclosedTag(end: String)
    case invalidName(tag: String)
    case unclosedSection(open: String, close: String)
    case mismatchedClose(close: String, open: String)
    case closeWithoutOpen(close: String)
    case unclosedComment(end: String)
    case invalidSetDelimiter(example: String)
    case notABlockInsideParent
    case transform(tag: String)
    case invalidContentType(tag: String)

    /// Plain words for whoever edits the template.
    var message: String {
        switch self {
        case .unclosedTag(let end):
            "a tag is not closed with '\(end)'"
        case .invalidName(let tag):
            "'\(tag)' is not a valid tag: a name may contain only letters, digits, '.', '-', '_' and '?'"
        case .unclosedSection(let open, let close):
            "a section is opened but never closed: '\(open)' has no '\(close)'"
        case .mismatchedClose(let close, let open):
            "a closing tag does not match the open section: '\(close)' closes '\(open)'"
        case .closeWithoutOpen(let close):
            "a closing tag has no open section: '\(close)' closes nothing"
        case .unclosedComment(let end):
            "a comment is not closed with '\(end)'"
        case .invalidSetDelimiter(let example):
            "invalid set-delimiter tag: write it as \(example)"
        case .notABlockInsideParent:
            "only block definitions ({{$name}}) may appear inside {{<parent}}"
        case .transform(let tag):
            "'\(tag)': transforms such as {{f(x)}} are not supported"
        case .invalidContentType(let tag):
            "'\(tag)' is not supported: the only {{% }} tags are {{% CONTENT_TYPE: HTML}} and {{% CONTENT_TYPE: TEXT}}"
        }
    }
}
