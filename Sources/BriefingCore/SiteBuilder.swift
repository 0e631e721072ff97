import Foundation
import Synchronization

/// What a finished build or check reports.
public struct BuildReport: Sendable {
    /// Warnings found along the way (a build with errors throws instead).
    public var warnings: [Diagnostic]
    /// Pages (`.html`) written; 0 for a check.
    public var pages: Int
    /// All files written, pages included.
    public var files: Int
}

/// The pipeline, top to bottom: load, resolve, render Markdown, render pages, write.
public struct SiteBuilder: Sendable {
    public let siteRoot: String
    public let options: BuildOptions
    /// Told as files are written; nil for no reports.
    public let progress: BuildProgress?
    /// False when the process ends right after the build (the CLI): the site model then stays in
    /// memory until exit instead of being freed object by object, which costs a few tenths of a
    /// second at 10,000 briefings and helps no one.
    public let freesModel: Bool
    /// Where the site's files are read from.
    let source: any SiteSource
    /// Templates compiled before, used instead of reading `Templates/` again; nil reads them.
    let templates: TemplateSet?

    public init(siteRoot: String, options: BuildOptions = BuildOptions(), progress: BuildProgress? = nil,
                freesModel: Bool = true) {
        self.init(source: DiskSite(root: siteRoot), options: options, progress: progress, freesModel: freesModel)
    }

    /// A builder for a site held in memory, with no file system under it (tests, fuzzing): the same
    /// pipeline as on disk. `templates`, compiled once with `TemplateSet.load(from:)`, spares
    /// compiling them for every build; the site's files must still hold `Templates/assets/` for
    /// the assets to be copied.
    public init(site: InMemorySite, options: BuildOptions = BuildOptions(), templates: TemplateSet? = nil) {
        self.init(source: site, options: options, templates: templates)
    }

    init(source: any SiteSource, options: BuildOptions, progress: BuildProgress? = nil, freesModel: Bool = true,
         templates: TemplateSet? = nil) {
        siteRoot = source.root
        self.source = source
        self.options = options
        self.progress = progress
        self.freesModel = freesModel
        self.templates = templates
    }

    /// Everything up to rendering pages; the problems of every stage are collected before failing.
    /// `loaded` is the content already read (by `serve`), instead of reading it here.
    func prepare(loaded: (RawSite, [Diagnostic])? = nil) async throws(BuildFailure) -> (PageRenderer, [Diagnostic]) {
        var stages = StageClock(progress)
        let (raw, loadDiagnostics): (RawSite, [Diagnostic])
        if let loaded { (raw, loadDiagnostics) = loaded } else { (raw, loadDiagnostics) = await ContentLoader(source: source).load() }
        stages.done("load")
        var diagnostics: [Diagnostic] = []
        var templates = self.templates
        if templates == nil {
            do { templates = try TemplateSet.load(from: source) } catch { diagnostics += error.diagnostics }
        }
        stages.done("templates")

        let (site, siteDiagnostics) = await SiteResolver(options: options).resolve(raw, loadDiagnostics: loadDiagnostics)
        diagnostics += siteDiagnostics
        stages.done("resolve")
        // The loaded files (texts and YAML trees) are freed by a thread of their own while the
        // stages below run: freed here, where the function ends, they kept one core busy alone for
        // about 20 ms at 10,000 briefings.
        BackgroundRelease.release(consume raw)
        // The index needs only the model: made by one thread while the others render Markdown,
        // instead of alone after it.
        async let index = SiteIndex(site: site)
        let markdown = await MarkdownStage(site: site).render(site)
        diagnostics += markdown.diagnostics
        stages.done("markdown")

        guard let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw BuildFailure(diagnostics)
        }
        let contexts = await PageContexts(site: site, index: index, markdown: markdown).sharingItems()
        stages.done("page contexts")
        return (PageRenderer(templates: templates, contexts: contexts), diagnostics.sorted())
    }

    /// Validates the whole site and writes nothing. Besides every error, it reports the newsroom's
    /// warnings (`NewsroomChecks`): `now` is the moment a "future" event is measured from (the CLI
    /// passes the clock here, and only here); with `strict`, every warning is an error.
    public func check(now: Date? = nil, strict: Bool = false) async throws(BuildFailure) -> BuildReport {
        let (renderer, found) = try await prepare()
        var stages = StageClock(progress)
        let contexts = renderer.contexts
        let warnings = (found + NewsroomChecks(site: contexts.site, markdown: contexts.markdown, now: now).warnings()).sorted()
        stages.done("newsroom checks")
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
        let writer = OutputWriter(siteRoot: siteRoot, output: output)
        try writer.checkOutputChoice()
        let (renderer, warnings) = try await prepare()
        var stages = StageClock(progress)
        let plan = OutputPlan(renderer: renderer, source: source)
        let staging = try writer.prepare()
        var failures = await plan.write(into: staging, progress: progress)
        stages.done("render and write")
        if failures.isEmpty {
            do { try staging.commit() } catch {
                failures.append(Diagnostic(SourceLocation(path: output), "cannot replace the output folder: \(error)"))
            }
            stages.done("replace the output")
        }
        if !failures.isEmpty {
            staging.discard()
            // The site is fine; the output folder could not be written.
            throw BuildFailure(failures, cause: .environment)
        }
        if !freesModel { KeptUntilExit.keep(plan) }
        return BuildReport(warnings: warnings, pages: plan.items.filter(\.isPage).count, files: plan.items.count + 1)
    }

    /// Renders the whole site in memory, keyed by output path: what `serve` serves.
    public func renderInMemory() async throws(BuildFailure) -> (files: [String: [UInt8]], warnings: [Diagnostic]) {
        let (renderer, warnings) = try await prepare()
        let files = try await OutputPlan(renderer: renderer, source: source).render()
        return (files, warnings)
    }
}

/// Frees large values on a thread of their own, off a path where a core would wait for it.
enum BackgroundRelease {
    private static let queue = DispatchQueue(label: "briefing.release", qos: .utility)

    static func release(_ value: consuming some Sendable) {
        let value = Box(value)
        queue.async { value.drop() }
    }

    /// Holds the value until `drop()`; the last reference then goes on the queue's thread.
    private final class Box<Value: Sendable>: @unchecked Sendable {
        private var value: Value?
        init(_ value: consuming Value) { self.value = value }
        func drop() { value = nil }
    }
}

/// Values left to the end of the process (see `SiteBuilder.freesModel`).
enum KeptUntilExit {
    private static let values = Mutex<[any Sendable]>([])
    static func keep(_ value: any Sendable) { values.withLock { $0.append(value) } }
}
