import Foundation
#if canImport(Glibc)
import Glibc
#endif
/// Keeps the last good site in memory and brings it up to date after edits, for `serve`. Any
/// file it gives equals what a clean `build` of the same input writes (apart from the output
/// marker); a test applies random edits and compares.
///
/// Pages are rendered when they are asked for, and kept until an edit reaches them: after an
/// edit, the browser's reload renders the page it shows, not the whole site (at 10,000
/// briefings, the difference between a few milliseconds and two seconds).
///
/// Three ways to bring the model up to date, the cheapest that applies:
/// - **Body edits** (only the Markdown below the front matter of briefings or people changed):
///   the model is unchanged but for that text, so only its Markdown is rendered again, and only
///   its own page and the generated files that carry that text (`GeneratedFiles.reading…`) are
///   made again; every other page kept stays as it is.
/// - **Edits that keep the site's shape** (`SiteSplice`), and briefings' files moved, added,
///   removed or renamed: the edited files alone are resolved and rendered, into the last good
///   model; every page is made again when next asked for.
/// - **Anything else**: the whole pipeline runs again in memory, rereading only the files that
///   changed and reusing what it resolved and rendered for the others (`RebuildMemo`); every page
///   is made again when next asked for.
public actor IncrementalBuilder {
    /// What one rebuild did.
    public enum Outcome: Sendable {
        /// The site is up to date: these output paths disappeared; every other file is current
        /// when asked for.
        case updated(removed: [String], warnings: [Diagnostic])
        /// The input has errors: the previous site stays as it was.
        case failed([Diagnostic])
    }

    public let siteRoot: String
    public let options: BuildOptions
    /// The path part of the last good build's `base_url` (`/` or `/briefing/`); nil before one.
    public var basePath: String? { plan?.renderer.contexts.site.config.basePath }
    /// Content documents as last read, by site-relative path.
    private var documents: [String: RawDocument] = [:]
    /// The content as last read, whole.
    private var lastRead: RawSite?
    /// Every file of the last good site and how to make it; nil before one.
    private var plan: RenderPlan?
    /// The model of the last good site, for edits that keep its shape (`SiteSplice`).
    private var prepared: PreparedSite?
    /// Each output path's item in `plan`.
    private var items: [String: Int] = [:]
    /// Files made since the edit that last reached them, by output path.
    private var made: [String: [UInt8]] = [:]
    /// Counts plans, so that a file made from an older plan is not kept.
    private var planNumber = 0
    /// What the last full rebuild resolved and rendered, reused for what the next finds unchanged.
    private var memo: RebuildMemo?
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
        if let changedPaths, let plan, !isBroken {
            outcome = await rebuildBodies(changedPaths, renderer: plan.renderer)
            if outcome == nil { outcome = await splice(changedPaths) }
        }
        if outcome == nil { outcome = await rebuildAll(changedPaths) }
        if case .failed = outcome! { isBroken = true } else { isBroken = false }
        return outcome!
    }

    /// The output paths of the last good site.
    public var paths: OutputPaths { OutputPaths(items: items) }

    /// The file at output path `path`, made now if no good one is kept; nil if the site has
    /// none (or a file to copy can no longer be read).
    public func file(_ path: String) async -> [UInt8]? {
        if let bytes = made[path] { return bytes }
        guard let plan, let index = items[path] else { return nil }
        let number = planNumber
        let bytes = await Self.make(plan.items[index], of: plan)
        // A rebuild while it was made: what it made may already be out of date.
        if number == planNumber, let bytes { made[path] = bytes }
        return bytes
    }

    /// Every file of the last good site, by output path, those not kept made now on all cores.
    public var files: [String: [UInt8]] {
        get async {
            guard let plan else { return [:] }
            let missing = plan.items.filter { made[$0.path.rawValue] == nil }
            let number = planNumber
            let results = await Parallel.map(missing, chunkSize: 8) { item in (item.path.rawValue, Self.makeSync(item, of: plan)) }
            var all = made
            for (path, bytes) in results { all[path] = bytes }
            if number == planNumber { made = all }
            return all.filter { items[$0.key] != nil }
        }
    }

    /// Whether the file at `path` is kept as made (not to be made again when next asked for).
    func isKept(_ path: String) -> Bool { made[path] != nil }

    @concurrent private static func make(_ item: OutputItem, of plan: RenderPlan) async -> [UInt8]? {
        makeSync(item, of: plan)
    }

    private static func makeSync(_ item: OutputItem, of plan: RenderPlan) -> [UInt8]? {
        try? plan.bytes(of: item)
    }

    private func rebuildAll(_ changedPaths: Set<String>?) async -> Outcome {
        let builder = SiteBuilder(siteRoot: siteRoot, options: options, progress: progress)
        var stages = StageClock(progress)
        let loaded: RawSite
        if let changedPaths, let edited = rereadInPlace(changedPaths) {
            loaded = edited
        } else {
            loaded = await ContentLoader(root: siteRoot).load(reusing: changedPaths == nil ? [:] : documents,
                                                              changed: changedPaths ?? [])
        }
        stages.done("read changed files")
        // What was read is current even when it does not build: later rebuilds reuse it.
        documents = Self.index(loaded)
        lastRead = loaded
        let prepared: PreparedSite
        do {
            prepared = try await builder.prepare(loaded: loaded, reusing: memo, remember: true)
        } catch {
            return .failed(error.diagnostics)
        }
        stages = StageClock(progress)
        // Shared items are made as the pages asked for show them.
        let plan = await RenderPlan(prepared, source: DiskSite(root: siteRoot), making: .whenShown)
        stages.done("page contexts")
        memo = prepared.memo
        self.prepared = prepared
        warnings = prepared.warnings
        return install(plan, keeping: [])
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
        // The link targets of the site as it is now (a body edit changes none of them).
        guard let last = prepared else { return nil }
        let markdownStage = MarkdownStage(site: last.checked.site, timeline: last.index.timeline)
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
            for (_, document) in edits { remember(document) }
            return .failed(diagnostics)
        }
        for (_, document) in edits { remember(document) }
        // Bodies and bios appear in no shared item, so those stay as they are.
        contexts = PageContexts(site: site, index: contexts.index, markdown: markdown, shared: contexts.shared)
        let updated = PageRenderer(templates: renderer.templates, contexts: contexts)
        // Body warnings of the edited files replace their old ones.
        let edited = Set(edits.map(\.path))
        warnings = warnings.filter { !edited.contains($0.location.path) } + diagnostics
        prepared = PreparedSite(checked: CheckedSite(site: site, diagnostics: warnings), index: last.index, markdown: markdown,
                                templates: last.templates, warnings: warnings.sorted(), memo: last.memo)
        // Every file not made from an edited text is kept as it was made.
        let stale = Set(jobs.map(\.path.rawValue)).union(generatedPaths)
        return install(RenderPlan(renderer: updated, source: DiskSite(root: siteRoot)),
                       keeping: made.keys.filter { !stale.contains($0) })
    }

    /// The path for edits that keep the site's shape (`SiteSplice`): only the edited files are
    /// read and resolved again. Returns nil when it does not apply.
    private func splice(_ changedPaths: Set<String>) async -> Outcome? {
        guard let prepared else { return nil }
        var changes: [SiteSplice.Change] = []
        var read: [(path: String, document: RawDocument)] = []
        var removed: [String] = []
        for path in changedPaths.sorted() {
            if path.hasPrefix("Templates/") {
                changes.append(.templates)
                continue
            }
            let kind: ContentLoader.Kind
            let change: (RawDocument) -> SiteSplice.Change
            switch path {
            case "Content/timeline.yaml": (kind, change) = (.entries, SiteSplice.Change.timeline)
            case "Content/topics.yaml": (kind, change) = (.yaml, SiteSplice.Change.topics)
            case "Content/site.yaml": (kind, change) = (.yaml, SiteSplice.Change.siteConfig)
            case _ where path.hasSuffix(".md") && path.hasPrefix("Content/briefings/"): (kind, change) = (.markdown, SiteSplice.Change.briefing)
            case _ where path.hasSuffix(".md") && path.hasPrefix("Content/people/"): (kind, change) = (.markdown, SiteSplice.Change.person)
            default: return nil
            }
            // A briefing's or a person's file that was not there: a new one, when it is a plain
            // file whose name no other file's spells with other capitals; one that is there no
            // more: removed.
            let folder = kind != .markdown ? nil : [Self.briefingsFolder, Self.peopleFolder].first { path.hasPrefix($0) }
            let isFile = folder.map { !path.dropFirst($0.count).contains("/") } ?? false
            let isPerson = folder == Self.peopleFolder
            let isNew = documents[path] == nil && isFile
            if isFile, let old = documents[path], !old.loadFailed, Self.isGone(siteRoot + "/" + path) {
                removed.append(path)
                changes.append(isPerson ? .removedPerson(path) : .removedBriefing(path))
                continue
            }
            if isNew {
                guard Self.isPlainFile(siteRoot + "/" + path),
                      !documents.keys.contains(where: { $0.lowercased() == path.lowercased() }) else { return nil }
            } else {
                guard let old = documents[path], !old.loadFailed else { return nil }
            }
            var found: [Diagnostic] = []
            let document = ContentLoader(root: siteRoot).loadDocument(path, kind: kind, diagnostics: &found)
            guard !document.loadFailed, found.isEmpty else { return nil }
            read.append((path, document))
            changes.append(isNew ? (isPerson ? .newPerson(document) : .newBriefing(document)) : change(document))
        }
        var stages = StageClock(progress)
        guard let spliced = await SiteSplice(previous: prepared, options: options, source: DiskSite(root: siteRoot)).apply(changes) else {
            return nil
        }
        stages.done("splice the edited files")
        for (_, document) in read { remember(document) }
        for path in removed { forget(path) }
        self.prepared = spliced
        warnings = spliced.warnings
        let renderer = PageRenderer(templates: spliced.templates,
                                    contexts: PageContexts(site: spliced.checked.site, index: spliced.index, markdown: spliced.markdown,
                                                           shared: .madeWhenShown(site: spliced.checked.site, index: spliced.index,
                                                                                  markdown: spliced.markdown)))
        let outcome = install(RenderPlan(renderer: renderer, source: DiskSite(root: siteRoot)), keeping: [])
        stages.done("page contexts")
        return outcome
    }

    /// Keeps `document`, read again, as the current text of its file.
    private func remember(_ document: RawDocument) {
        documents[document.path] = document
        guard lastRead?.replace(document) == false else { return }
        if document.path.hasPrefix(Self.peopleFolder) {
            lastRead?.people.append(document)
        } else {
            lastRead?.briefings.append(document)
        }
    }

    /// Drops the file at `path`, removed, from the content as last read.
    private func forget(_ path: String) {
        documents[path] = nil
        lastRead?.briefings.removeAll { $0.path == path }
        lastRead?.people.removeAll { $0.path == path }
    }

    private static let briefingsFolder = "Content/briefings/"
    private static let peopleFolder = "Content/people/"

    /// Whether nothing is at `path` any more (not even a broken symlink).
    private static func isGone(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) != 0 && errno == ENOENT
    }

    /// Whether `path` is a regular file (not a symlink, which the loader checks on its own).
    private static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The content as last read with the files at `changedPaths` read again, when each is a file
    /// it already held, edited in place (or a template), and everything reads without a problem:
    /// the folders need not be listed again (12,000 files at 10,000 briefings). Nil otherwise.
    private func rereadInPlace(_ changedPaths: Set<String>) -> RawSite? {
        guard var site = lastRead, !site.diagnostics.contains(where: \.isError) else { return nil }
        let loader = ContentLoader(root: siteRoot)
        for path in changedPaths where !path.hasPrefix("Templates/") {
            guard let old = documents[path], !old.loadFailed else { return nil }
            let kind: ContentLoader.Kind = path.hasSuffix(".md") ? .markdown : path == "Content/timeline.yaml" ? .entries : .yaml
            var found: [Diagnostic] = []
            let document = loader.loadDocument(path, kind: kind, diagnostics: &found)
            guard !document.loadFailed, found.isEmpty, site.replace(document) else { return nil }
        }
        return site
    }

    /// Takes `plan` as the site's, keeping the files already made at `kept` (which the change
    /// did not reach); every other file is made again when asked for.
    private func install(_ plan: RenderPlan, keeping kept: [String]) -> Outcome {
        var newItems: [String: Int] = [:]
        newItems.reserveCapacity(plan.items.count)
        for (index, item) in plan.items.enumerated() { newItems[item.path.rawValue] = index }
        let removed = items.keys.filter { newItems[$0] == nil }
        var keptFiles: [String: [UInt8]] = [:]
        for path in kept where newItems[path] != nil { keptFiles[path] = made[path] }
        // The old site's model and files are freed on another thread: freeing them object by
        // object took a tenth of a rebuild at 10,000 briefings.
        let old = (self.plan.take(), made)
        Task.detached(priority: .background) { withExtendedLifetime(old) {} }
        self.plan = plan
        items = newItems
        made = keptFiles
        planNumber += 1
        return .updated(removed: removed.sorted(), warnings: warnings)
    }

    private static func index(_ raw: RawSite) -> [String: RawDocument] {
        var documents: [String: RawDocument] = [:]
        for document in raw.people + raw.briefings + [raw.siteConfig, raw.timeline, raw.topics].compactMap({ $0 }) {
            documents[document.path] = document
        }
        return documents
    }
}

/// The output paths of a site `serve` holds, to route requests without asking for the files.
public struct OutputPaths: Sendable {
    fileprivate let items: [String: Int]

    public static let none = OutputPaths(items: [:])

    public func contains(_ path: String) -> Bool { items[path] != nil }

    public var count: Int { items.count }
}

extension RawSite {
    /// Puts `document` in place of the one read from the same file; false when there is none.
    @discardableResult
    mutating func replace(_ document: RawDocument) -> Bool {
        let path = document.path
        if siteConfig?.path == path {
            siteConfig = document
        } else if timeline?.path == path {
            timeline = document
        } else if topics?.path == path {
            topics = document
        } else if let b = briefings.firstIndex(where: { $0.path == path }) {
            briefings[b] = document
        } else if let p = people.firstIndex(where: { $0.path == path }) {
            people[p] = document
        } else {
            return false
        }
        return true
    }
}
