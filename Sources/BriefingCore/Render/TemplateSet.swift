import Foundation
import Mustache

/// The compiled templates of `Templates/`, checked for syntax errors, missing partials and
/// missing page templates before any page is rendered.
public struct TemplateSet: Sendable {
    /// The page templates a build needs.
    public static let required = ["home", "briefings", "briefing", "timeline", "people", "person", "404",
                                  "feed", "sitemap", "robots"]

    let library: MustacheLibrary
    /// Files under `Templates/assets/`, relative to it, sorted.
    let assets: [String]

    /// Loads and compiles every `.mustache` file under `root/Templates`; throws all problems found.
    public static func load(siteRoot root: String) throws(BuildFailure) -> TemplateSet {
        let folder = "Templates"
        let base = root + "/" + folder
        let fm = FileManager.default
        var diagnostics: [Diagnostic] = []
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: base, isDirectory: &isDir), isDir.boolValue else {
            throw BuildFailure([Diagnostic(SourceLocation(path: folder), "no Templates/ folder in the site folder",
                                           hint: "copy the Templates/ folder of the Briefing repository next to Content/")])
        }
        let files = fm.subpathsOrEmpty(atPath: base)
            .filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }
            .sorted()
        var library = MustacheLibrary()
        var texts: [String: (path: String, text: String)] = [:]
        for file in files {
            let path = "\(folder)/\(file)"
            let name = String(file.dropLast(".mustache".count))
            guard let data = fm.contents(atPath: base + "/" + file) else {
                diagnostics.append(Diagnostic(SourceLocation(path: path), "cannot read the template"))
                continue
            }
            let text: String
            switch SourceText.decode(data) {
            case .success(let decoded): text = decoded
            case .failure(let at):
                diagnostics.append(Diagnostic(SourceLocation(path: path, line: at.line, column: at.column), "the template is not UTF-8 text"))
                continue
            }
            texts[name] = (path, text)
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(Diagnostic(SourceLocation(path: path, line: error.context.lineNumber,
                                                              column: error.context.columnNumber),
                                              "template syntax error: \(describe(error.error))"))
            } catch {
                diagnostics.append(Diagnostic(SourceLocation(path: path), "template syntax error: \(error)"))
            }
        }
        for (_, source) in texts.sorted(by: { $0.key < $1.key }) {
            for reference in partialReferences(in: source.text) where texts[reference.name] == nil {
                diagnostics.append(Diagnostic(
                    SourceLocation(path: source.path, line: reference.line, column: reference.column),
                    "template names a missing partial '\(reference.name)'",
                    hint: Suggestion.hint(for: reference.name, in: texts.keys)
                        ?? "create Templates/\(reference.name).mustache"))
            }
        }
        for name in required where texts[name] == nil {
            diagnostics.append(Diagnostic(SourceLocation(path: "\(folder)/\(name).mustache"), "missing template '\(name)'",
                                          hint: "every site needs \(required.map { $0 + ".mustache" }.joined(separator: ", "))"))
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
        let assets = fm.subpathsOrEmpty(atPath: base + "/assets").filter { name in
            var isFolder: ObjCBool = false
            fm.fileExists(atPath: base + "/assets/" + name, isDirectory: &isFolder)
            return !isFolder.boolValue && !name.split(separator: "/").contains { $0.hasPrefix(".") }
        }.sorted()
        return TemplateSet(library: library, assets: assets)
    }

    /// Renders the page template `name` with `context`.
    func render(_ name: String, _ context: [String: TemplateValue]) -> String {
        library.render(TemplateValue.map(context).mustacheObject, withTemplate: name) ?? ""
    }

    /// `{{> name}}` and `{{< name}}` tags with their positions (1-based line, column in characters).
    static func partialReferences(in text: String) -> [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{") {
                var cursor = text.index(index, offsetBy: 2)
                while cursor < text.endIndex, text[cursor] == " " { cursor = text.index(after: cursor) }
                if cursor < text.endIndex, text[cursor] == ">" || text[cursor] == "<" {
                    cursor = text.index(after: cursor)
                    if let close = text[cursor...].range(of: "}}") {
                        let name = text[cursor..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                        if !name.isEmpty && !name.hasPrefix("*") { found.append((name, line, column)) }
                    }
                }
            }
            if text[index] == "\n" || text[index] == "\r\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return found
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a closing tag does not match the open section"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block definitions ({{$name}}) may appear inside {{<parent}}"
        case .textInsideInheritSection: return "text is not allowed inside {{<parent}}, only block definitions"
        case .invalidConfigVariableSyntax: return "invalid {{% }} configuration tag"
        case .unrecognisedConfigVariable: return "unknown {{% }} configuration variable"
        }
    }
}

extension TemplateValue {
    /// The value as swift-mustache reads it.
    var mustacheObject: Any {
        switch self {
        case .string(let s): s
        case .bool(let b): b
        case .int(let i): i
        case .list(let l): l.map(\.mustacheObject)
        case .map(let m): m.mapValues(\.mustacheObject)
        }
    }
}
