import Foundation

/// Reads `Content/` into raw documents: decoded text, parsed YAML with positions, Markdown bodies.
public struct ContentLoader: Sendable {
    /// The site folder (holding `Content/`).
    public let root: String
    /// Where the files are read from.
    let source: any SiteSource

    public init(root: String) {
        self.init(source: DiskSite(root: root))
    }

    init(source: any SiteSource) {
        root = source.root
        self.source = source
    }

    /// Reads every content file once. Problems with single files are collected in the result, not
    /// thrown, so that the resolver can report everything in one run. Documents in `cache` whose
    /// path is not in `changed` are reused as they are (for `serve`, which rereads only edited files).
    public func load(reusing cache: [String: RawDocument] = [:], changed: Set<String> = []) async -> RawSite {
        // A document that failed before is read again, so its errors are reported again.
        func cached(_ path: String) -> RawDocument? {
            guard !changed.contains(path), let document = cache[path], !document.loadFailed else { return nil }
            return document
        }
        var diagnostics: [Diagnostic] = []
        let content = "Content"
        let source = self.source
        guard source.kind(of: content) == .folder else {
            diagnostics.append(Diagnostic(SourceLocation(path: content), LoadProblem.noContentFolder))
            return RawSite(root: root, siteConfig: nil, people: [], briefings: [], timeline: nil, media: [],
                           diagnostics: diagnostics)
        }
        if let problem = source.problem(content) {
            diagnostics.append(problem)
            return RawSite(root: root, siteConfig: nil, people: [], briefings: [], timeline: nil, media: [],
                           diagnostics: diagnostics)
        }

        var siteConfig: RawDocument?
        let siteYAML = "\(content)/site.yaml"
        if let problem = source.problem(siteYAML) {
            diagnostics.append(problem)
        } else if source.kind(of: siteYAML) != nil {
            siteConfig = cached(siteYAML) ?? loadDocument(siteYAML, kind: .yaml, diagnostics: &diagnostics)
        } else {
            diagnostics.append(Diagnostic(SourceLocation(path: siteYAML), LoadProblem.missingSiteYAML))
        }
        var timeline: RawDocument?
        let timelineYAML = "\(content)/timeline.yaml"
        if let problem = source.problem(timelineYAML) {
            diagnostics.append(problem)
        } else if source.kind(of: timelineYAML) != nil {
            timeline = cached(timelineYAML) ?? loadDocument(timelineYAML, kind: .entries, diagnostics: &diagnostics)
        }

        var topics: RawDocument?
        let topicsYAML = "\(content)/topics.yaml"
        if let problem = source.problem(topicsYAML) {
            diagnostics.append(problem)
        } else if source.kind(of: topicsYAML) != nil {
            topics = cached(topicsYAML) ?? loadDocument(topicsYAML, kind: .yaml, diagnostics: &diagnostics)
        }

        let peopleFiles = markdownFiles(in: "\(content)/people", diagnostics: &diagnostics)
        let briefingFiles = markdownFiles(in: "\(content)/briefings", diagnostics: &diagnostics)
        let loader = self
        let reusable = cache.filter { !changed.contains($0.key) }
        source.prefetch((peopleFiles + briefingFiles).filter { reusable[$0] == nil })
        // Optional results, so that each is moved out below (`take()` leaves nil) rather than
        // copied: a retain and a release for each of a document's texts, on one core while the
        // other waited.
        var loaded = await Parallel.map(peopleFiles + briefingFiles) { file -> (RawDocument, [Diagnostic])? in
            if let document = reusable[file], !document.loadFailed { return (document, []) }
            var found: [Diagnostic] = []
            let document = loader.loadDocument(file, kind: .markdown, diagnostics: &found)
            return (document, found)
        }
        var people: [RawDocument] = [], briefings: [RawDocument] = []
        people.reserveCapacity(peopleFiles.count)
        briefings.reserveCapacity(briefingFiles.count)
        for index in loaded.indices {
            let (document, found) = loaded[index].take()!
            diagnostics.append(contentsOf: found)
            if index < peopleFiles.count { people.append(document) } else { briefings.append(document) }
        }

        // Anything besides the known kinds is named, so a misplaced file never vanishes silently.
        // Only the unknown top-level entries are walked (the known folders hold thousands of files).
        let known: Set<String> = ["site.yaml", "timeline.yaml", "topics.yaml", "people", "briefings", "media"]
        for (top, _) in source.entries(of: content) ?? [] where !known.contains(top) && !top.hasPrefix(".") {
            let isTopFolder = source.kind(of: "\(content)/\(top)") == .folder
            let names = isTopFolder ? source.subpaths(of: "\(content)/\(top)").map { "\(top)/\($0)" } : [top]
            for name in names {
                if name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                if source.kind(of: "\(content)/\(name)") == .folder { continue }
                diagnostics.append(Diagnostic(SourceLocation(path: "\(content)/\(name)"), LoadProblem.unknownContentFile,
                                              severity: .warning))
            }
        }

        // Symlinks leading outside the site are reported, not followed; names that differ only by
        // case are reported, as they would overwrite each other on a case-insensitive host.
        let media = source.files(under: "\(content)/media", diagnostics: &diagnostics)
        diagnostics += SiteFiles.caseCollisions(media, in: "\(content)/media")

        return RawSite(root: root, siteConfig: siteConfig, people: people, briefings: briefings,
                       timeline: timeline, topics: topics, media: media, diagnostics: diagnostics)
    }

    /// `entries`: a YAML list of entries, its text kept for the resolver to read one entry at a time.
    enum Kind { case yaml, entries, markdown }

    /// Asks the kernel, from a thread of its own (`DiskWork`), to start reading `files` (absolute paths) into
    /// its cache. The workers read files one at a time each, so on a cold cache (a first build after
    /// a checkout or a reboot) they waited on the disk one file after another: loading 10,000
    /// briefings took about a second longer than warm. Advice queues the reads without waiting
    /// for them; a warm cache costs an open and a close per file on the third thread.
    static func prefetch(_ files: [String]) {
        #if os(Linux)
        guard files.count > 64 else { return }
        DiskWork.start {
            for file in files {
                let descriptor = open(file, O_RDONLY)
                guard descriptor >= 0 else { continue }
                _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
                close(descriptor)
            }
        }
        #endif
    }

    /// `.md` files of a folder, sorted; other files are reported and skipped, and so are symlinks
    /// that lead outside the site.
    private func markdownFiles(in folder: String, diagnostics: inout [Diagnostic]) -> [String] {
        if let problem = source.problem(folder) {
            diagnostics.append(problem)
            return []
        }
        guard let entries = source.entries(of: folder) else {
            if source.kind(of: folder) != nil {
                diagnostics.append(Diagnostic(SourceLocation(path: folder), LoadProblem.cannotReadFolder))
            }
            return []
        }
        var files: [String] = []
        for (name, kind) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            let relative = "\(folder)/\(name)"
            var isFolder = kind == .folder
            // Only symlinks pay for resolving their target.
            if kind == .symlink {
                if let problem = source.problem(relative) {
                    diagnostics.append(problem)
                    continue
                }
                isFolder = source.kind(of: relative) == .folder
            }
            if isFolder || !name.hasSuffix(".md") {
                diagnostics.append(Diagnostic(SourceLocation(path: relative), LoadProblem.notMarkdown, severity: .warning))
                continue
            }
            files.append(relative)
        }
        return files
    }

    /// Reads, decodes and splits one file; on failure the document is returned with no YAML.
    func loadDocument(_ relative: String, kind: Kind, diagnostics: inout [Diagnostic]) -> RawDocument {
        var document = RawDocument.unread(relative)
        let at = { (line: Int, column: Int) in SourceLocation(path: relative, line: line, column: column) }
        guard let data = source.contents(of: relative) else {
            diagnostics.append(Diagnostic(at(1, 1), LoadProblem.cannotReadFile))
            return document
        }
        let text: String
        switch SourceText.decode(data) {
        case .success(let decoded): text = decoded
        case .failure(let place):
            diagnostics.append(Diagnostic(at(place.line, place.column), LoadProblem.notUTF8))
            return document
        }
        document.head = text
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.append(Diagnostic(at(1, 1), LoadProblem.emptyFile(needsFrontMatter: kind == .markdown)))
            return document
        }
        if kind == .entries {
            document.readsEntriesWhenResolved = true
            document.loadFailed = false
            return document
        }
        var yamlText = text
        if kind == .markdown {
            do {
                let parts = try FrontMatter.split(text)
                yamlText = parts.yaml
                document.yamlLine = parts.yamlLine
                document.body = parts.body
                document.bodyLine = parts.bodyLine
                document.head = parts.head
            } catch .missing {
                diagnostics.append(Diagnostic(at(1, 1), LoadProblem.missingFrontMatter))
                return document
            } catch {
                diagnostics.append(Diagnostic(at(1, 1), LoadProblem.frontMatterNotClosed))
                return document
            }
        }
        var problems: [YAMLSyntaxError] = []
        do {
            document.yaml = try YAMLReader.parse(yamlText, firstLine: document.yamlLine, problems: &problems)
            document.loadFailed = !problems.isEmpty
        } catch {
            problems.append(error)
        }
        if !problems.isEmpty {
            let place = DocumentPlace(path: relative, text: text, yamlLine: document.yamlLine)
            for problem in problems {
                diagnostics.append(Diagnostic(place.location(problem.position), problem))
            }
        }
        return document
    }
}

extension FileManager {
    func subpathsOrEmpty(atPath path: String) -> [String] {
        (try? subpathsOfDirectory(atPath: path)) ?? []
    }
}
