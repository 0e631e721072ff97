/// What can be wrong with the files and folders of a site, found while reading them: a folder or
/// file missing or unreadable, text that is not UTF-8, front matter not closed, a symlink leaving
/// the site, a file of no known kind. Broken YAML is explained by `YAMLMistakes`, which words
/// each mistake at its culprit (`YAMLSyntaxError`).
enum LoadProblem: Problem, Equatable {
    case noContentFolder
    case missingSiteYAML
    case symlinkOutside
    case symlinkBroken
    case symlinkToFolder
    case cannotReadFolder
    case cannotReadFile
    /// A file in `Content/` that is not of a kind Briefing reads.
    case unknownContentFile
    /// A file in `Content/people/` or `Content/briefings/` that is not a `.md` file.
    case notMarkdown
    case notUTF8
    /// `needsFrontMatter`: a Markdown file, which must have front matter.
    case emptyFile(needsFrontMatter: Bool)
    case missingFrontMatter
    case frontMatterNotClosed
    /// The path of the name it collides with.
    case caseCollision(with: String)

    var wording: Wording {
        switch self {
        case .noContentFolder:
            Wording("no Content/ folder in the site folder", hint: "run in the folder that holds Content/ and Templates/, or pass --site")
        case .missingSiteYAML:
            Wording("missing site.yaml", hint: "create Content/site.yaml with at least a title")
        case .symlinkOutside:
            Wording("symlink points outside the site", hint: "copy the file into the site folder instead of linking to it")
        case .symlinkBroken:
            Wording("symlink points to nothing", hint: "remove it or point it at a file in the site folder")
        case .symlinkToFolder:
            Wording("ignored: a symlink to a folder is not followed", hint: "link the files one by one, or move the folder here")
        case .cannotReadFolder:
            Wording("cannot read the folder", hint: "check its permissions")
        case .cannotReadFile:
            Wording("cannot read the file", hint: "check its permissions")
        case .unknownContentFile:
            Wording("ignored: not a kind of content file Briefing knows",
                    hint: "briefings go in Content/briefings/, people in Content/people/, files to copy in Content/media/")
        case .notMarkdown:
            Wording("ignored: only .md files are read here")
        case .notUTF8:
            Wording("the file is not UTF-8 text", hint: "save it with UTF-8 encoding")
        case .emptyFile(let needsFrontMatter):
            Wording(needsFrontMatter ? "the file is empty: a front matter block is required" : "the file is empty")
        case .missingFrontMatter:
            Wording("missing front matter: the file must start with a '---' line",
                    hint: "put the YAML fields between two '---' lines at the top")
        case .frontMatterNotClosed:
            Wording("front matter is not closed: no '---' line after the opening one", hint: "add a '---' line after the last YAML field")
        case .caseCollision(let other):
            Wording("name differs from '\(other)' only by case: they collide on case-insensitive hosts", hint: "rename one of them")
        }
    }
}

/// A YAML error is worded where it is explained (`YAMLMistakes`, `YAMLReader`).
extension YAMLSyntaxError: Problem {
    var wording: Wording { Wording(message, hint: hint) }
}
