/// What resolving gives: the validated site, and what was found wrong or worth a warning.
public struct CheckedSite: Sendable {
    public var site: Site
    /// Errors and warnings of loading and resolving. With errors, `site` holds only what resolved:
    /// it is not rendered, but its Markdown is still checked, so that one run reports everything.
    public let diagnostics: [Diagnostic]
    /// The briefings resolved, kept for the next rebuild when asked for (`serve`).
    var memo: ResolveMemo? = nil
}
