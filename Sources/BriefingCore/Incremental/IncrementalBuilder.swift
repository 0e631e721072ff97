/// Keeps the last good rendering of a site in memory and brings it up to date after edits,
/// for `serve`. The files it holds always equal what a clean `build` of the same input writes
/// (apart from the output marker).
public actor IncrementalBuilder {
    /// What one rebuild did.
    public enum Outcome: Sendable {
        /// The site rendered; these output paths changed or appeared, these disappeared.
        case updated(changed: [String], removed: [String], warnings: [Diagnostic])
        /// The input has errors: the previous files stay as they were.
        case failed([Diagnostic])
    }

    public let siteRoot: String
    public let options: BuildOptions
    /// The current output, by path.
    public private(set) var files: [String: [UInt8]] = [:]

    public init(siteRoot: String, options: BuildOptions) {
        self.siteRoot = siteRoot
        self.options = options
    }

    /// Rebuilds after `changedPaths` (site-relative, e.g. `Content/briefings/x.md`) changed;
    /// `nil` means anything may have changed.
    public func rebuild(changedPaths: Set<String>? = nil) async -> Outcome {
        let rendered: [String: [UInt8]]
        let warnings: [Diagnostic]
        do {
            (rendered, warnings) = try await SiteBuilder(siteRoot: siteRoot, options: options).renderInMemory()
        } catch {
            return .failed(error.diagnostics)
        }
        var changed: [String] = []
        for (path, bytes) in rendered where files[path] != bytes { changed.append(path) }
        let removed = files.keys.filter { rendered[$0] == nil }
        files = rendered
        return .updated(changed: changed.sorted(), removed: removed.sorted(), warnings: warnings)
    }
}
