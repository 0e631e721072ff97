/// Why `briefing new` or `briefing init` wrote nothing: a value given on the command line that
/// cannot be used, a file in the way, a file it cannot add to, or the system refusing.
enum ScaffoldProblem: Problem, Equatable {
    // MARK: briefing new
    /// `example` is a slug that would do.
    case invalidSlugOption(String, example: String)
    /// `what` names the text the slug is made from ("title").
    case noSlugFrom(what: String, text: String, example: String)
    case invalidEventIDOption(String)
    case eventIDUsed(String)
    case noEventIDFrom(title: String)
    case invalidDateOption(String)
    case eventWithoutTitle
    case noBriefing(String)
    case briefingWithoutFrontMatter
    case eventsOnOneLine
    /// `reason` says why the entry would not read back (a YAML error, or the file's shape).
    case cannotAddEvent(reason: String)
    case fileExists
    /// `reason` is the system's, here and below.
    case cannotWriteFile(reason: String)

    // MARK: briefing init
    case siteFolderIsAFile
    case cannotReadSiteFolder(reason: String)
    /// `shown` names the first few entries.
    case siteFolderNotEmpty(shown: String)
    /// A starter file or folder in the way; the first of them carries the hint.
    case starterCollision(isFolder: Bool, first: Bool)
    case cannotMakeStarterFolder(reason: String)
    case cannotWriteStarterFile(reason: String)

    var wording: Wording {
        switch self {
        case .invalidSlugOption(let given, let example):
            Wording("invalid slug '\(given)'", hint: "\(Slug.rule), e.g. --slug \(example)")
        case .noSlugFrom(let what, let text, let example):
            Wording("cannot make a file name from the \(what) '\(text)': it has no letter or digit",
                    hint: "give one with --slug, e.g. --slug \(example)")
        case .invalidEventIDOption(let given):
            Wording("invalid event id '\(given)'", hint: Slug.rule)
        case .eventIDUsed(let given):
            Wording("the event id '\(given)' is already used", hint: "choose another --id")
        case .noEventIDFrom(let title):
            Wording("cannot make an event id from the title '\(title)'", hint: "give one with --id, e.g. --id moscow-meeting")
        case .invalidDateOption(let date):
            Wording("invalid date '\(date)'", hint: ContentProblem.dateForms)
        case .eventWithoutTitle:
            Wording("the event needs a title")
        case .noBriefing(let slug):
            Wording("no briefing '\(slug)'", hint: "create it with: briefing new briefing \"Title\"")
        case .briefingWithoutFrontMatter:
            Wording("the briefing has no front matter to add the event to")
        case .eventsOnOneLine:
            Wording("'events:' is written on one line; write it as a block list to add events with 'briefing new event'")
        case .cannotAddEvent(let reason):
            Wording("cannot add the event: \(reason)")
        case .fileExists:
            Wording("the file already exists; nothing was written", hint: "edit it, or choose another title or --slug")
        case .cannotWriteFile(let reason):
            Wording("cannot write the file: \(reason)")

        case .siteFolderIsAFile:
            Wording("not a folder; nothing was written", hint: "choose a new folder for the site")
        case .cannotReadSiteFolder(let reason):
            Wording("cannot read the folder: \(reason)")
        case .siteFolderNotEmpty(let shown):
            Wording("the folder is not empty (\(shown)); nothing was written",
                    hint: "choose a new or empty folder, or pass --force to add the site beside what is there (no file is ever overwritten)")
        case .starterCollision(let isFolder, let first):
            Wording(isFolder ? "exists and is not a folder" : "the file already exists",
                    hint: first ? "nothing was written: init never overwrites a file; choose a new or empty folder" : nil)
        case .cannotMakeStarterFolder(let reason):
            Wording("cannot make the folder: \(reason); nothing was written")
        case .cannotWriteStarterFile(let reason):
            Wording("cannot write the file: \(reason); nothing was written")
        }
    }
}
