import Foundation

/// The compiled templates of `Templates/`, checked for syntax errors, missing partials and
/// missing page templates before any page is rendered.
public struct TemplateSet: Sendable {
    /// The page templates a build needs.
    public static let required = ["home", "briefings", "briefing", "timeline", "people", "person", "404",
                                  "feed", "sitemap", "robots"]

    let templates: MustacheTemplates
    /// Files under `Templates/assets/`, relative to it, sorted.
    let assets: [String]

    /// Loads and compiles every `.mustache` file under `root/Templates`; throws all problems found.
    public static func load(siteRoot root: String) throws(BuildFailure) -> TemplateSet {
        try load(from: DiskSite(root: root))
    }

    /// The templates of a site held in memory (compiled once, they serve any number of builds).
    public static func load(from site: InMemorySite) throws(BuildFailure) -> TemplateSet {
        try load(from: site as any SiteSource)
    }

    static func load(from source: any SiteSource) throws(BuildFailure) -> TemplateSet {
        let folder = "Templates"
        var diagnostics: [Diagnostic] = []
        guard source.kind(of: folder) == .folder else {
            throw BuildFailure([Diagnostic(SourceLocation(path: folder), TemplateProblem.noTemplatesFolder)])
        }
        let files = source.subpaths(of: folder)
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
            .sorted()
        var texts: [String: (path: String, text: String)] = [:]
        for file in files {
            let path = "\(folder)/\(file)"
            let name = String(file.dropLast(".mustache".count))
            guard let data = source.contents(of: path) else {
                diagnostics.append(Diagnostic(SourceLocation(path: path), TemplateProblem.cannotRead))
                continue
            }
            switch SourceText.decode(data) {
            case .success(let text): texts[name] = (path, text)
            case .failure(let at):
                diagnostics.append(Diagnostic(SourceLocation(path: path, line: at.line, column: at.column), TemplateProblem.notUTF8))
            }
        }
        var templates: MustacheTemplates?
        do {
            templates = try MustacheTemplates(sources: texts.mapValues(\.text))
        } catch {
            for syntax in error.errors {
                diagnostics.append(Diagnostic(
                    SourceLocation(path: texts[syntax.template]?.path ?? "\(folder)/\(syntax.template).mustache",
                                   line: syntax.line, column: syntax.column),
                    TemplateProblem.syntax(syntax.message)))
            }
        }
        if let templates {
            for name in texts.keys.sorted() {
                for reference in templates.references(in: name) where !templates.has(reference.name) {
                    diagnostics.append(Diagnostic(
                        SourceLocation(path: texts[name]!.path, line: reference.line, column: reference.column),
                        TemplateProblem.missingPartial(reference.name, known: texts.keys.sorted())))
                }
            }
        }
        // Every name every page template uses, against what its page kind gives: before anything renders.
        if let templates {
            for unknown in templates.checker.check(pages: TemplateSchema.pages) {
                diagnostics.append(Diagnostic(
                    SourceLocation(path: texts[unknown.template]?.path ?? "\(folder)/\(unknown.template).mustache",
                                   line: unknown.line, column: unknown.column),
                    unknown.problem))
            }
        }
        for name in required where texts[name] == nil {
            diagnostics.append(Diagnostic(SourceLocation(path: "\(folder)/\(name).mustache"),
                                          TemplateProblem.missingTemplate(name, required: required)))
        }
        // Symlinks leading outside the site are errors here too: the build would copy what they point at.
        var assetProblems: [Diagnostic] = []
        let assets = source.files(under: "\(folder)/assets", diagnostics: &assetProblems)
        diagnostics += assetProblems.filter { $0.severity == .error }
        guard let templates, diagnostics.isEmpty else { throw BuildFailure(diagnostics) }
        return TemplateSet(templates: templates, assets: assets)
    }

    /// Renders the page template `name` with `context`, into room for `expectedSize` bytes (more
    /// when it needs more).
    func render(_ name: String, _ context: TemplateMap, expectedSize: Int = 32_768) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(expectedSize)
        templates.render(name, .map(context), into: &output)
        return output
    }
}
