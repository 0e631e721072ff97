/// Why the output folder cannot be written: a choice of folder a build could lose data in, or the
/// system refusing. Neither is the site's fault (`BuildFailure.Cause.environment`).
enum OutputProblem: Problem, Equatable {
    /// `suggested` is a folder that would do (inside the site folder).
    case outputHoldsSite(output: String, suggested: String)
    case outputInsideSite(protected: String, suggested: String)
    case outputIsAFile(String)
    case outputNotOurs(String)
    /// `reason` is the system's, here and below.
    case cannotCreateStaging(String, reason: String)
    case cannotWriteFile(reason: String)
    case cannotReplaceOutput(reason: String)
    /// A file to copy into the output (an asset, a media file) that could not be read.
    case cannotReadCopiedFile(reason: String)

    var wording: Wording {
        switch self {
        case .outputHoldsSite(let output, let suggested):
            Wording("refusing to use \(output) as the output folder: it is or contains the site folder",
                    hint: "choose a new folder such as \(suggested)")
        case .outputInsideSite(let protected, let suggested):
            Wording("refusing to write the output inside \(protected)",
                    hint: "choose a folder outside Content/ and Templates/, such as \(suggested)")
        case .outputIsAFile(let output):
            Wording("refusing to replace \(output): it is a file, not a folder")
        case .outputNotOurs(let output):
            Wording("refusing to replace \(output): the folder is not empty and was not written by briefing build",
                    hint: "choose a new or empty folder, or remove this one yourself")
        case .cannotCreateStaging(let staging, let reason):
            Wording("cannot create the staging folder \(staging): \(reason)")
        case .cannotWriteFile(let reason):
            Wording("cannot write the file: \(reason)")
        case .cannotReplaceOutput(let reason):
            Wording("cannot replace the output folder: \(reason)")
        case .cannotReadCopiedFile(let reason):
            Wording("cannot read the file: \(reason)")
        }
    }
}
