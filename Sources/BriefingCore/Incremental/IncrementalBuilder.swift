/// Keeps the last good rendering of a site in memory and brings it up to date after edits,
/// for `serve`. The files it holds always equal what a clean `build` of the same input writes
/// (apart from the output marker); a test applies random edits and compares.
///
/// Two ways to rebuild:
/// - **Body edits** (only the Markdown below the front matter of briefings or people changed):
///   the model is unchanged but for that text, so only its Markdown is rendered again, then its
///   own page and the generated files that carry that text (`GeneratedFiles.reading…`).
/// - **Anything else**: the whole pipeline runs again in memory, rereading only the files that
///   changed, and only files whose bytes differ are reported as changed.
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
    /// The path part of the last good build's `base_url` (`/` or `/briefing/`); nil before one.
    public var basePath: String? { renderer?.contexts.site.config.basePath }
    /// Content documents as last read, by site-relative path.
    private var documents: [String: RawDocument] = [:]
    /// The last good pipeline state, for body edits.
    private var renderer: PageRenderer?
    /// Markdown with the link table of the last full rebuild (body edits change no link target).
    private var markdownStage: MarkdownStage?
    private var warnings: [Diagnostic] = []
    /// True while the input has errors: another file may still be broken, so the next rebuild
    /// must check everything.
    private var isBroken = false

    /// Told how long each stage of a rebuild took; nil for no reports.
    private let progress: BuildProgress?

    public init(siteRoot: String, options: BuildOptions, progress: BuildProgress? = nil) {
        self.siteRoot = siteRoot
        self.options = options
        self.progress = progress
    }

    /// Rebuilds after `changedPaths` (site-relative, e.g. `Content/briefings/x.md`) changed;
    /// `nil` means anything may have changed.
    public func rebuild(changedPaths: Set<String>? = nil) async -> Outcome {
        var outcome: Outcome?
        if let changedPaths, let renderer, !isBroken {
            outcome = await rebuildBodies(changedPaths, renderer: renderer)
        }
        if outcome == nil { outcome = await rebuildAll(changedPaths) }
        if case .failed = outcome! { isBroken = true } else { isBroken = false }
        return outcome!
    }

    private func rebuildAll(_ changedPaths: Set<String>?) async -> Outcome {
        let builder = SiteBuilder(siteRoot: siteRoot, options: options, progress: progress)
        var stages = StageClock(progress)
        let loaded = await ContentLoader(root: siteRoot).load(reusing: changedPaths == nil ? [:] : documents,
                                                              changed: changedPaths ?? [])
        stages.done("read changed files")
        // What was read is current even when it does not build: later rebuilds reuse it.
        documents = Self.index(loaded)
        let prepared: PreparedSite
        do {
            prepared = try await builder.prepare(loaded: loaded)
        } catch {
            return .failed(error.diagnostics)
        }
        stages = StageClock(progress)
        let plan = await RenderPlan(prepared, source: DiskSite(root: siteRoot))
        stages.done("page contexts")
        let rendered: [String: [UInt8]]
        do {
            rendered = try await plan.render()
        } catch {
            return .failed(error.diagnostics)
        }
        stages.done("render")
        renderer = plan.renderer
        markdownStage = MarkdownStage(site: prepared.checked.site, timeline: prepared.index.timeline)
        warnings = prepared.warnings
        return replace(with: rendered, complete: true)
    }

    /// The fast path: every changed path is a briefing or person file that still exists and
    /// whose front matter is byte for byte what it was. Returns nil when it does not apply.
    private func rebuildBodies(_ changedPaths: Set<String>, renderer: PageRenderer) async -> Outcome? {
        var edits: [(path: String, document: RawDocument)] = []
        for path in changedPaths {
            guard path.hasPrefix("Content/briefings/") || path.hasPrefix("Content/people/"), path.hasSuffix(".md"),
                  let old = documents[path], !old.loadFailed else { return nil }
            var found: [Diagnostic] = []
            let new = ContentLoader(root: siteRoot).loadDocument(path, kind: .markdown, diagnostics: &found)
            guard !new.loadFailed, found.isEmpty, new.bodyLine == old.bodyLine,
                  new.head.utf8.elementsEqual(old.head.utf8)
            else { return nil }
            edits.append((path, new))
        }
        var contexts = renderer.contexts
        var site = contexts.site
        var markdown = contexts.markdown
        guard let markdownStage else { return nil }
        var jobs: [PageJob] = []
        var generatedPaths = Set<String>()
        var diagnostics: [Diagnostic] = []
        for (path, document) in edits {
            let text = MarkdownText(text: document.body, location: SourceLocation(path: path, line: document.bodyLine), isInline: false)
            if let b = site.briefings.firstIndex(where: { $0.path == path }) {
                site.briefings[b].body = text
                diagnostics += markdown.rerenderBody(of: b, in: site, stage: markdownStage)
                generatedPaths.formUnion(GeneratedFiles.reading(bodyOf: site.briefings[b]))
                jobs.append(renderer.briefingJob(b))
            } else if let p = site.people.firstIndex(where: { $0.path == path }) {
                site.people[p].bio = text
                diagnostics += markdown.rerenderBio(of: p, in: site, stage: markdownStage)
                generatedPaths.formUnion(GeneratedFiles.readingBios)
                jobs.append(renderer.personJob(p))
            }
            // A draft left out of the build: nothing shows its body.
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            // The model keeps the last good state; the next rebuild reads everything again.
            for (path, document) in edits { documents[path] = document }
            return .failed(diagnostics)
        }
        for (path, document) in edits { documents[path] = document }
        // Bodies and bios appear in no shared item, so those stay as they are.
        contexts = PageContexts(site: site, index: contexts.index, markdown: markdown, shared: contexts.shared)
        let updated = PageRenderer(templates: renderer.templates, contexts: contexts)
        self.renderer = updated
        // Only the pages and generated files the edit reaches are made; the plan of the whole
        // site is not needed for that.
        var items = jobs.map { OutputItem(path: $0.path, source: .page($0)) }
        if !generatedPaths.isEmpty {
            items += GeneratedFiles(contexts: contexts).files()
                .filter { generatedPaths.contains($0.path.rawValue) }
                .map { OutputItem(path: $0.path, source: .generated($0.make)) }
        }
        let rendered: [String: [UInt8]]
        do {
            rendered = try await RenderPlan(renderer: updated, items: items).render()
        } catch {
            return .failed(error.diagnostics)
        }
        // Body warnings of the edited files replace their old ones.
        let edited = Set(edits.map(\.path))
        warnings = warnings.filter { !edited.contains($0.location.path) } + diagnostics
        return replace(with: rendered, complete: false)
    }

    /// Takes `rendered` as the new output (all of it, or only the files it names).
    private func replace(with rendered: [String: [UInt8]], complete: Bool) -> Outcome {
        var changed: [String] = []
        for (path, bytes) in rendered where files[path] != bytes {
            changed.append(path)
            files[path] = bytes
        }
        var removed: [String] = []
        if complete {
            removed = files.keys.filter { rendered[$0] == nil }
            for path in removed { files[path] = nil }
        }
        return .updated(changed: changed.sorted(), removed: removed.sorted(), warnings: warnings)
    }

    private static func index(_ raw: RawSite) -> [String: RawDocument] {
        var documents: [String: RawDocument] = [:]
        for document in raw.people + raw.briefings + [raw.siteConfig, raw.timeline].compactMap({ $0 }) {
            documents[document.path] = document
        }
        return documents
    }
}
