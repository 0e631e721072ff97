import Foundation

/// What a finished build or check reports.
public struct BuildReport: Sendable {
    /// Warnings found along the way (a build with errors throws instead).
    public var warnings: [Diagnostic]
    /// Pages (`.html`) written; 0 for a check.
    public var pages: Int
    /// All files written, pages included.
    public var files: Int
}

/// The pipeline, top to bottom: load, resolve and render Markdown (`prepare`, where `check`
/// stops), then plan the output's files and write them (`build`). Each stage is a type with one
/// verb, and hands the next one a value (docs/architecture.md).
public struct SiteBuilder: Sendable {
    public let siteRoot: String
    public let options: BuildOptions
    /// Told as files are written; nil for no reports.
    public let progress: BuildProgress?
    /// What becomes of the model once the build is done with it.
    public let disposal: ModelDisposal
    /// What becomes of the previous output once the new one is in place.
    public let oldOutput: OldOutputRemoval
    /// Where the site's files are read from.
    let source: any SiteSource
    /// Templates compiled before, used instead of reading `Templates/` again; nil reads them.
    let templates: TemplateSet?

    public init(siteRoot: String, options: BuildOptions = BuildOptions(), progress: BuildProgress? = nil,
                disposal: ModelDisposal = .free, oldOutput: OldOutputRemoval = .now) {
        self.init(source: DiskSite(root: siteRoot), options: options, progress: progress, disposal: disposal,
                  oldOutput: oldOutput)
    }

    /// A builder for a site held in memory, with no file system under it (tests, fuzzing): the same
    /// pipeline as on disk. `templates`, compiled once with `TemplateSet.load(from:)`, spares
    /// compiling them for every build; the site's files must still hold `Templates/assets/` for
    /// the assets to be copied.
    public init(site: InMemorySite, options: BuildOptions = BuildOptions(), templates: TemplateSet? = nil) {
        self.init(source: site, options: options, templates: templates)
    }

    init(source: any SiteSource, options: BuildOptions, progress: BuildProgress? = nil, disposal: ModelDisposal = .free,
         oldOutput: OldOutputRemoval = .now, templates: TemplateSet? = nil) {
        siteRoot = source.root
        self.source = source
        self.options = options
        self.progress = progress
        self.disposal = disposal
        self.oldOutput = oldOutput
        self.templates = templates
    }

    /// Load, resolve, Markdown and the site's index: the site ready to render, or every problem
    /// these stages found.
    /// `loaded` is the content already read (by `serve`), instead of reading it here; `serve` also
    /// passes what its last rebuild resolved and rendered (`memo`) and asks for this one's (`remember`).
    func prepare(loaded: RawSite? = nil, reusing memo: RebuildMemo? = nil,
                 remember: Bool = false) async throws(BuildFailure) -> PreparedSite {
        var stages = StageClock(progress)
        let raw = if let loaded { loaded } else { await ContentLoader(source: source).load() }
        stages.done("load")
        let templates = compiledTemplates()
        stages.done("templates")
        let checked = await SiteResolver(options: options).resolve(raw, reusing: memo?.resolve, remember: remember)
        stages.done("resolve")
        // The files as read are needed no more: freed now, whatever the disposal, so that their
        // memory serves the stages below (kept to the end, they added a seventh to a build's peak).
        _ = consume raw
        let site = checked.site
        // Where each event lands, which links to events need before any Markdown renders; a
        // template set without a page for a year keeps the whole timeline on one page.
        let timeline = TimelineLayout(events: site.events, splits: templates.set?.templates.has("timeline-page") ?? false)
        // The index needs only the site: made at the same time as the Markdown, so that the parts
        // of each that one thread does alone overlap the other's work.
        let (rendered, index) = await Parallel.both({
            await MarkdownStage(site: site, timeline: timeline).render(site, reusing: memo?.markdown, remember: remember)
        }, { await SiteIndex(site: site, timeline: timeline) })
        let markdown = rendered.markdown
        stages.done("markdown")

        // Every stage's problems at once: one run reports them all.
        let diagnostics = templates.problems + checked.diagnostics + markdown.diagnostics
        guard let compiled = templates.set, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw BuildFailure(diagnostics)
        }
        return PreparedSite(checked: checked, index: index, markdown: markdown, templates: compiled,
                            warnings: diagnostics.sorted(),
                            memo: remember ? RebuildMemo(resolve: checked.memo, markdown: rendered.memo) : nil)
    }

    /// The templates given, or those of `Templates/` compiled and checked; nil with their problems.
    private func compiledTemplates() -> (set: TemplateSet?, problems: [Diagnostic]) {
        if let templates { return (templates, []) }
        do { return (try TemplateSet.load(from: source), []) } catch { return (nil, error.diagnostics) }
    }

    /// Validates the whole site and writes nothing. Besides every error, it reports the newsroom's
    /// warnings (`NewsroomChecks`): `now` is the moment a "future" event is measured from (the CLI
    /// passes the clock here, and only here); with `strict`, every warning is an error.
    public func check(now: Date? = nil, strict: Bool = false) async throws(BuildFailure) -> BuildReport {
        let prepared = try await prepare()
        var stages = StageClock(progress)
        let newsroom = NewsroomChecks(site: prepared.checked.site, markdown: prepared.markdown, now: now)
        let warnings = (prepared.warnings + newsroom.warnings()).sorted()
        stages.done("newsroom checks")
        disposal.dispose(consume prepared)
        if strict && !warnings.isEmpty {
            throw BuildFailure(warnings.map { warning in
                var error = warning
                error.severity = .error
                return error
            })
        }
        return BuildReport(warnings: warnings, pages: 0, files: 0)
    }

    /// Builds the site into `output`, replacing it whole only when every file was written.
    public func build(output: String) async throws(BuildFailure) -> BuildReport {
        let writer = OutputWriter(siteRoot: siteRoot, output: output, oldOutput: oldOutput)
        // A folder the build may not replace is refused before any work.
        try writer.checkOutputChoice()
        let prepared = try await prepare()
        var stages = StageClock(progress)
        let plan = await RenderPlan(prepared, source: source)
        stages.done("page contexts")
        let written = try await writer.write(plan, progress: progress)
        let report = BuildReport(warnings: prepared.warnings, pages: plan.pageCount, files: written.files)
        disposal.dispose(consume plan)
        return report
    }

    /// Renders the whole site in memory, keyed by output path: what `serve` serves.
    public func renderInMemory() async throws(BuildFailure) -> (files: [String: [UInt8]], warnings: [Diagnostic]) {
        let prepared = try await prepare()
        let plan = await RenderPlan(prepared, source: source)
        return (try await plan.render(), prepared.warnings)
    }
}

/// The site read, checked and its Markdown rendered, with the templates to render it: where
/// `check` stops and rendering begins.
struct PreparedSite: Sendable {
    let checked: CheckedSite
    /// The lookups every page reads (`Model/SiteIndex.swift`).
    let index: SiteIndex
    let markdown: RenderedMarkdown
    let templates: TemplateSet
    /// The warnings of every stage so far, sorted (a site with errors does not get this far).
    let warnings: [Diagnostic]
    /// What this run resolved and rendered, kept for the next rebuild when asked for (`serve`).
    var memo: RebuildMemo? = nil
}
