/// A set of compiled templates, by name (path under Templates/ without .mustache, e.g. "partials/event").
struct MustacheTemplates: Sendable {
    private let indexes: [String: Int]
    private let program: MustacheProgram
    private let referenceLists: [[MustacheReference]]
    /// The names each template uses, checked against the views of the pages (`TemplateChecker`).
    let checker: TemplateChecker

    /// Compiles every template; throws all syntax errors at once (the first of each template).
    init(sources: [String: String]) throws(MustacheSyntaxErrors) {
        let names = sources.keys.sorted()
        let indexes = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var blockIDs: [String: Int] = [:]
        var bodies: [[MustacheNode]] = []
        var referenceLists: [[MustacheReference]] = []
        var errors: [MustacheSyntaxError] = []
        for name in names {
            var parser = MustacheParser(template: name, text: sources[name] ?? "", templateIndexes: indexes,
                                        blockIDs: blockIDs)
            do {
                bodies.append(try parser.parse())
                referenceLists.append(parser.references)
                blockIDs = parser.blockIDs
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw MustacheSyntaxErrors(errors: errors) }
        self.indexes = indexes
        program = MustacheProgram(bodies, templateIndexes: indexes)
        self.referenceLists = referenceLists
        checker = TemplateChecker(names: names, bodies: bodies)
    }

    /// Partial and parent names each template refers to, with the position of the tag (1-based line, column in Characters).
    func references(in name: String) -> [(name: String, line: Int, column: Int)] {
        guard let index = indexes[name] else { return [] }
        return referenceLists[index].map { ($0.name, $0.line, $0.column) }
    }

    func has(_ name: String) -> Bool { indexes[name] != nil }

    /// Renders template `name` with `context` appended to `output`. A missing partial renders nothing.
    func render(_ name: String, _ context: TemplateValue, into output: inout [UInt8]) {
        guard let index = indexes[name] else { return }
        var renderer = MustacheRenderer(program: program, context: context)
        swap(&renderer.output, &output)
        renderer.render(template: index)
        swap(&renderer.output, &output)
    }
}
