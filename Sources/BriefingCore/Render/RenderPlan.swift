import Foundation

/// One file of the output and how to make it.
struct OutputItem: Sendable {
    enum Source: Sendable {
        /// A page rendered from a template.
        case page(PageJob)
        /// Bytes made from the site model (feeds of data, indexes, calendars), written into the
        /// sink part by part as they are made.
        case generated(@Sendable (ByteSink) -> Void)
        /// A file copied as it is (template assets, `Content/media/`), by its path in the site.
        case file(sitePath: String)
    }

    let path: OutputPath
    let source: Source

    var isPage: Bool {
        if case .page(let job) = source { return job.countsAsPage }
        return false
    }
}

/// The render stage's result: every file of the output with how its bytes are made (a page job,
/// a generated file, a copy), in the order they are best made in. Nothing is rendered yet: whoever
/// takes the plan (`OutputWriter`, or `render()` for `serve`) makes each file's bytes as it goes,
/// on all cores, so only a few pages are ever in memory at once.
struct RenderPlan: Sendable {
    let renderer: PageRenderer
    let items: [OutputItem]
    /// Where copied files are read from.
    let source: any SiteSource

    /// A plan for some files only (pages and generated files: nothing to copy).
    init(renderer: PageRenderer, items: [OutputItem]) {
        self.renderer = renderer
        self.items = items
        source = InMemorySite(texts: [:])
    }

    /// The plan of a whole site, its page contexts made; copied files are read from `source`.
    init(_ prepared: PreparedSite, source: any SiteSource, making: SharedItems.Making = .upFront) async {
        self.init(renderer: await PageRenderer(prepared, making: making), source: source)
    }

    /// The plan of every file of the site `renderer` renders; copied files are read from `source`.
    init(renderer: PageRenderer, source: any SiteSource) {
        self.renderer = renderer
        self.source = source
        // Site-wide files first (the timeline, the lists, the data files): each is large and made
        // by one thread, so they start early and the per-briefing pages fill in around them.
        let jobs = renderer.jobs()
        let generated = GeneratedFiles(contexts: renderer.contexts).files()
            .map { OutputItem(path: $0.path, source: .generated($0.make)) }
        var items = jobs.filter(\.isSiteWide).map { OutputItem(path: $0.path, source: .page($0)) } + generated
        items += jobs.filter { !$0.isSiteWide }.map { OutputItem(path: $0.path, source: .page($0)) }
        for asset in renderer.templates.assets {
            guard let path = OutputPath("assets/" + asset) else { continue }
            items.append(OutputItem(path: path, source: .file(sitePath: "Templates/assets/" + asset)))
        }
        for file in renderer.contexts.site.media {
            guard let path = OutputPath("media/" + file) else { continue }
            items.append(OutputItem(path: path, source: .file(sitePath: "Content/media/" + file)))
        }
        self.items = items
    }

    /// How many of the files are pages of the site (see `PageJob.countsAsPage`).
    var pageCount: Int { items.filter(\.isPage).count }

    /// The bytes of one item.
    func bytes(of item: OutputItem) throws -> [UInt8] {
        switch item.source {
        case .page(let job): return renderer.render(job)
        case .generated(let make):
            let sink = ByteSink()
            make(sink)
            return sink.bytes
        case .file(let path):
            guard let data = source.contents(of: path) else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: source.diskPath(of: path) ?? path])
            }
            return [UInt8](data)
        }
    }

    /// Every item's bytes in memory, keyed by output path (for `serve`).
    func render() async throws(BuildFailure) -> [String: [UInt8]] {
        let plan = self
        let results = await Parallel.map(items, chunkSize: 8) { item -> (String, Result<[UInt8], Diagnostic>) in
            do {
                return (item.path.rawValue, .success(try plan.bytes(of: item)))
            } catch {
                return (item.path.rawValue, .failure(Diagnostic(SourceLocation(path: item.path.rawValue), OutputProblem.cannotReadCopiedFile(reason: "\(error)"))))
            }
        }
        var files: [String: [UInt8]] = [:]
        var failures: [Diagnostic] = []
        for (path, result) in results {
            switch result {
            case .success(let bytes): files[path] = bytes
            case .failure(let diagnostic): failures.append(diagnostic)
            }
        }
        if !failures.isEmpty { throw BuildFailure(failures) }
        return files
    }
}

