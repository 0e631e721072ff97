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

/// The pipeline, top to bottom: load, resolve, render Markdown, render pages, write.
public struct SiteBuilder: Sendable {
    public let siteRoot: String
    public let options: BuildOptions

    public init(siteRoot: String, options: BuildOptions = BuildOptions()) {
        self.siteRoot = siteRoot
        self.options = options
    }

    /// Everything up to rendering pages; the problems of every stage are collected before failing.
    func prepare() async throws(BuildFailure) -> (PageRenderer, [Diagnostic]) {
        let (raw, loadDiagnostics) = await ContentLoader(root: siteRoot).load()
        var diagnostics: [Diagnostic] = []
        var templates: TemplateSet?
        do { templates = try TemplateSet.load(siteRoot: siteRoot) } catch { diagnostics += error.diagnostics }

        let (site, siteDiagnostics) = await SiteResolver(options: options).resolve(raw, loadDiagnostics: loadDiagnostics)
        diagnostics += siteDiagnostics
        let renderer = MarkdownRenderer(links: LinkTable(site: site), unsafeHTML: site.config.unsafeHTML)
        let (markdown, markdownDiagnostics) = await RenderedMarkdown.render(site, renderer: renderer)
        diagnostics += markdownDiagnostics

        guard let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw BuildFailure(diagnostics)
        }
        let contexts = PageContexts(site: site, index: SiteIndex(site: site), markdown: markdown)
        return (PageRenderer(templates: templates, contexts: contexts), diagnostics.sorted())
    }

    /// Validates the whole site and writes nothing.
    public func check() async throws(BuildFailure) -> BuildReport {
        let (_, warnings) = try await prepare()
        return BuildReport(warnings: warnings, pages: 0, files: 0)
    }

    /// Builds the site into `output`, replacing it whole only when every page was written.
    public func build(output: String) async throws(BuildFailure) -> BuildReport {
        let writer = OutputWriter(siteRoot: siteRoot, output: output)
        try writer.checkOutputChoice()
        let (renderer, warnings) = try await prepare()
        let staging = try writer.prepare()
        let jobs = renderer.jobs()
        var failures = await renderer.renderAll(jobs, into: staging)
        let generated = GeneratedFiles(contexts: renderer.contexts).files()
        failures += await Parallel.map(generated.indices.map { $0 }) { i -> Diagnostic? in
            do {
                try staging.write(generated[i].make(), to: generated[i].path)
                return nil
            } catch {
                return Diagnostic(SourceLocation(path: generated[i].path.rawValue), "cannot write the file: \(error)")
            }
        }.compactMap { $0 }
        var files = jobs.count + generated.count + 1
        for asset in renderer.templates.assets {
            failures += copy(siteRoot + "/Templates/assets/" + asset, to: "assets/" + asset, into: staging)
            files += 1
        }
        for file in renderer.contexts.site.media {
            failures += copy(siteRoot + "/Content/media/" + file, to: "media/" + file, into: staging)
            files += 1
        }
        if failures.isEmpty {
            do { try staging.commit() } catch {
                failures.append(Diagnostic(SourceLocation(path: output), "cannot replace the output folder: \(error)"))
            }
        }
        if !failures.isEmpty {
            staging.discard()
            throw BuildFailure(failures)
        }
        return BuildReport(warnings: warnings, pages: jobs.filter(\.isHTML).count, files: files)
    }

    private func copy(_ source: String, to relative: String, into staging: Staging) -> [Diagnostic] {
        guard let path = OutputPath(relative) else {
            return [Diagnostic(SourceLocation(path: relative), "refused: the path leaves the output folder")]
        }
        do {
            try staging.copy(from: source, to: path)
            return []
        } catch {
            return [Diagnostic(SourceLocation(path: relative), "cannot copy the file: \(error.localizedDescription)")]
        }
    }
}
