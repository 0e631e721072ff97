import Foundation

/// What can be wrong with the values of the content files, found while resolving them (and, for
/// the newsroom's warnings, by `briefing check`). Each case carries what was found; `wording`
/// says it.
enum ContentProblem: Problem {
    // MARK: Fields of a map (`FieldReader`, against a `FieldSchema`)
    case unknownKey(String, in: FieldSchema)
    /// `found` is the kind of value written (`YAMLNode.kindName`), here and below.
    case notAMap(what: String, found: String)
    case missingField(String)
    case emptyField(String)
    case notText(key: String, found: String)
    /// `text` is the value when it is text.
    case notTrueOrFalse(key: String, text: String?, found: String)
    case notAChoice(key: String, text: String, choices: [String])
    /// `text` is the value when it is text, for a hint that writes it as a list.
    case notAList(key: String, found: String, text: String?)
    case listItemNotText(key: String, found: String)
    case notAMapField(key: String, found: String)
    case invalidDate(String, key: String)
    /// `what` names the slug ("event id"); `key`, the field it is in where `what` does not say;
    /// `known`, the slugs that exist, to suggest the nearest.
    case invalidSlug(what: String, text: String, key: String? = nil, known: Set<String>? = nil)

    // MARK: Files and site.yaml
    case invalidFileName(String)
    /// `option` is true for `--base-url`, false for site.yaml's `base_url`.
    case invalidBaseURL(String, option: Bool)
    case invalidLanguage(String)
    case unknownTimeZone(String)
    /// `path` is the base URL when it is a path; nil without one.
    case noBaseURL(path: String?)

    // MARK: Ids and references
    /// `what` is "source" or "event".
    case duplicateID(what: String, id: String, first: SourceLocation)
    case refusedSourceURL(String)
    case emptySource
    case unknownPerson(String, known: Set<String>)
    case unknownBriefing(String, known: Set<String>)
    case unknownSource(String, known: [String])
    case topicNotDeclared(Slug, declared: Set<String>)

    // MARK: The shape of timeline.yaml and topics.yaml
    case eventsNotAList(found: String)
    case timelineNotAList(found: String)
    case topicsNotAMap(found: String)

    // MARK: What `briefing check` asks an editor to look at
    /// `canCite`: the briefing has sources with an id to cite.
    case quoteWithoutSource(person: Slug, canCite: Bool)
    /// `draftsLeftOut`: drafts were not counted.
    case personNotNamed(Slug, draftsLeftOut: Bool)
    /// `date` and `today` as ISO dates.
    case futureEventNotExpected(title: String, date: String, today: String)

    /// The forms a date may take, as hints write them.
    static let dateForms = "write 2025, 2025-12, 2025-12-02 or 2025-12-02T10:00:00-05:00"

    var wording: Wording {
        switch self {
        case .unknownKey(let key, let schema):
            let known = "known keys: \(schema.names.joined(separator: ", "))"
            return Wording("unknown key '\(key)' in \(schema.what)",
                           hint: Suggestion.hint(for: key, in: schema.names)
                               ?? (schema.takesExtra ? known + "; put your own under 'extra:'" : known))
        case .notAMap(let what, let found):
            return Wording("expected \(what) as a map of 'key: value' lines, found \(found)")
        case .missingField(let key):
            return Wording("missing required field '\(key)'")
        case .emptyField(let key):
            return Wording("'\(key)' must not be empty")
        case .notText(let key, let found):
            return Wording("'\(key)' must be text, found \(found)")
        case .notTrueOrFalse(let key, let text, let found):
            return Wording("'\(key)' must be true or false, found \(text.map { "'\($0)'" } ?? found)")
        case .notAChoice(let key, let text, let choices):
            return Wording("invalid \(key) '\(text)': use \(choices.joined(separator: " or "))",
                           hint: Suggestion.hint(for: text, in: choices))
        case .notAList(let key, let found, let text):
            return Wording("'\(key)' must be a list, found \(found)", hint: text.map { "write a list: \(key): [\($0)]" })
        case .listItemNotText(let key, let found):
            return Wording("each item of '\(key)' must be text, found \(found)")
        case .notAMapField(let key, let found):
            return Wording("'\(key)' must be a map, found \(found)")
        case .invalidDate(let text, let key):
            return Wording("invalid date '\(text)' in '\(key)'", hint: Self.dateForms)
        case .invalidSlug(let what, let text, let key, let known):
            // The suggestion is the slug the text would make (the nearest of `known`, when given).
            let made = Slug.make(from: text)
            let hint = made.isEmpty ? nil : known.map { Suggestion.hint(for: made, in: $0) } ?? Suggestion.hint(made)
            return Wording("invalid \(what) '\(text)'\(key.map { " in '\($0)'" } ?? ""): \(Slug.rule)", hint: hint)

        case .invalidFileName(let name):
            let made = Slug.make(from: String(name.dropLast(3)))
            return Wording("invalid file name '\(name)': \(Slug.rule)", hint: made.isEmpty ? nil : "rename it to '\(made).md'")
        case .invalidBaseURL(let text, let option):
            return Wording("invalid \(option ? "--base-url" : "base_url") '\(text)': use an absolute http(s) URL or a path starting with '/'",
                           hint: "e.g. https://example.org/briefing/")
        case .invalidLanguage(let text):
            return Wording("invalid language '\(text)': use a language tag like en or en-GB")
        case .unknownTimeZone(let zone):
            return Wording("unknown time zone '\(zone)'",
                           hint: Suggestion.hint(for: zone, in: TimeZone.knownTimeZoneIdentifiers)
                               ?? "use an IANA name like America/New_York or UTC")
        case .noBaseURL(let path):
            let what = path.map { "base_url '\($0)' is a path, not an address" } ?? "no base_url"
            return Wording("\(what): the feed and the sitemap are left out, and pages have no canonical URL",
                           hint: "set base_url to the address the site will live at, e.g. base_url: \"https://example.org/briefing/\", or build with --base-url")

        case .duplicateID(let what, let id, let first):
            return Wording("duplicate \(what) id '\(id)'", hint: "first used at \(first)")
        case .refusedSourceURL(let url):
            return Wording("refused URL '\(url)': a source URL must start with http://, https:// or mailto:")
        case .emptySource:
            return Wording("a source needs at least a title, a publisher or a url")
        case .unknownPerson(let text, let known):
            return Wording("unknown person '\(text)'", hint: Suggestion.hint(for: text, in: known) ?? "create Content/people/\(text).md")
        case .unknownBriefing(let text, let known):
            return Wording("unknown briefing '\(text)'", hint: Suggestion.hint(for: text, in: known))
        case .unknownSource(let id, let known):
            return Wording("unknown source '\(id)'",
                           hint: Suggestion.hint(for: id, in: known) ?? "give a source 'id: \(id)' under 'sources:'")
        case .topicNotDeclared(let slug, let declared):
            return Wording("topic '\(slug)' is not in topics.yaml",
                           hint: Suggestion.hint(for: slug.rawValue, in: declared)
                               ?? "add it to Content/topics.yaml: \(slug): {name: \"\(Topic.name(from: slug))\"}")

        case .eventsNotAList(let found):
            return Wording("'events' must be a list, found \(found)")
        case .timelineNotAList(let found):
            return Wording("timeline.yaml must be a list of events, found \(found)", hint: "start each event with '- date: …'")
        case .topicsNotAMap(let found):
            return Wording("topics.yaml must map each topic's slug to its name, found \(found)",
                           hint: "write one topic a line: peace-talks: {name: \"Peace talks\", description: \"…\"}")

        case .quoteWithoutSource(let person, let canCite):
            return Wording("quote by '\(person)' has no source",
                           hint: canCite ? "cite one of the briefing's sources: source: <id>"
                               : "add the source under 'sources:' with an 'id', and cite it: source: <id>")
        case .personNotNamed(let slug, let draftsLeftOut):
            return Wording("person '\(slug)' is not named by any briefing, quote or event",
                           hint: draftsLeftOut ? "drafts are not counted: run check with --drafts to count them"
                               : "list them in a briefing's 'people:', or remove the file")
        case .futureEventNotExpected(let title, let date, let today):
            return Wording("event '\(title)' is dated \(date), after today (\(today)), but not marked expected",
                           hint: "add 'expected: true' if it is announced but has not happened, or correct the date")
        }
    }
}
