import Foundation
import Synchronization

/// One file of the output and how to make it.
struct OutputItem: Sendable {
    enum Source: Sendable {
        /// A page rendered from a template.
        case page(PageJob)
        /// Bytes made from the site model (feeds of data, indexes).
        case generated(@Sendable () -> [UInt8])
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

/// Every file a build writes, in a fixed order, and the one place that makes their bytes.
struct OutputPlan: Sendable {
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

    init(renderer: PageRenderer, siteRoot: String) {
        self.init(renderer: renderer, source: DiskSite(root: siteRoot))
    }

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

    /// The bytes of one item.
    func bytes(of item: OutputItem) throws -> [UInt8] {
        switch item.source {
        case .page(let job): return renderer.render(job)
        case .generated(let make): return make()
        case .file(let path):
            guard let data = source.contents(of: path) else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: source.diskPath(of: path) ?? path])
            }
            return [UInt8](data)
        }
    }

    /// Writes every item into `staging`, on all cores; returns what could not be written.
    func write(into staging: Staging, progress: BuildProgress? = nil) async -> [Diagnostic] {
        let plan = self
        let opensFolder = opensFolder
        // Small chunks: a site-wide file costs a thousand briefing pages.
        return await Parallel.map(Array(items.indices), chunkSize: 8) { index -> Diagnostic? in
            let item = plan.items[index]
            defer { progress?.fileDone(of: plan.items.count) }
            do {
                if case .file(let path) = item.source, let file = plan.source.diskPath(of: path) {
                    try staging.copy(from: file, to: item.path)
                } else {
                    try staging.write(plan.bytes(of: item), to: item.path, opensFolder: opensFolder[index])
                }
                return nil
            } catch {
                return Diagnostic(SourceLocation(path: item.path.rawValue), "cannot write the file: \(error)")
            }
        }.compactMap { $0 }
    }

    /// For each item, whether it is the first of the plan to go into its folder (below the top):
    /// its folder is made before it is written, where others try the file first.
    var opensFolder: [Bool] {
        var seen = Set<String>(minimumCapacity: items.count)
        return items.map { item in
            let folder = item.path.folder
            return !folder.isEmpty && seen.insert(folder).inserted
        }
    }

    /// Every item's bytes in memory, keyed by output path (for `serve`).
    func render() async throws(BuildFailure) -> [String: [UInt8]] {
        let plan = self
        let results = await Parallel.map(items, chunkSize: 8) { item -> (String, Result<[UInt8], Diagnostic>) in
            do {
                return (item.path.rawValue, .success(try plan.bytes(of: item)))
            } catch {
                return (item.path.rawValue, .failure(Diagnostic(SourceLocation(path: item.path.rawValue), "cannot read the file: \(error)")))
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

/// Reports files written as a build goes (the CLI shows a counter on a terminal), and how long
/// each stage took (`--verbose`).
public final class BuildProgress: Sendable {
    private let written = Atomic<Int>(0)
    private let report: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    private let stages: (@Sendable (_ stage: String, _ took: Duration) -> Void)?

    public init(report: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) {
        self.report = report
        stages = nil
    }

    /// `report` as files are written (nil for no counter), `stages` as each stage ends.
    public init(report: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                stages: @escaping @Sendable (_ stage: String, _ took: Duration) -> Void) {
        self.report = report
        self.stages = stages
    }

    func fileDone(of total: Int) {
        guard let report else { return }
        let done = written.add(1, ordering: .relaxed).newValue
        // Every 256th file and the last: a counter, not a flood.
        if done % 256 == 0 || done == total { report(done, total) }
    }

    /// Whether anyone is told of stages.
    var timesStages: Bool { stages != nil }

    func stageDone(_ stage: String, took: Duration) {
        stages?(stage, took)
    }
}

/// Measures the stages of a build, one after the other, for `BuildProgress`.
struct StageClock {
    let progress: BuildProgress?
    private var last: ContinuousClock.Instant

    init(_ progress: BuildProgress?) {
        self.progress = progress
        last = ContinuousClock.now
    }

    /// The stage that ends now began where the last one ended.
    mutating func done(_ stage: String) {
        guard let progress, progress.timesStages else { return }
        let now = ContinuousClock.now
        progress.stageDone(stage, took: now - last)
        last = now
    }
}
