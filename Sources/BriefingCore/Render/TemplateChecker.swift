/// Checks every name a template uses against the views of the page kinds that render it, before
/// any page is rendered: `{{titel}}`, `{{page.titl}}` or `{{#.hasPlace}}` where no such field is
/// given is a located error, not an empty `<h1>` on every page.
///
/// Each page template is walked with its view's schema as the context stack, following sections
/// into the views and lists they open, partials and parents into their templates, and block
/// overrides to the place of their block, as Mustache renders them. A name is an error when no page
/// kind that reaches it gives it there: a layout may show `{{#briefing}}` on briefing pages alone.
/// The editor's `extra` maps are open: any name below one is allowed.
struct TemplateChecker {
    /// The compiled templates by name, and their names by index (as partial tags refer to them).
    let templates: [String: [MustacheNode]]
    let names: [String]

    init(names: [String], bodies: [[MustacheNode]]) {
        self.names = names
        templates = Dictionary(uniqueKeysWithValues: zip(names, bodies))
    }

    /// A name that resolved nowhere, with where it was looked up.
    struct UnknownName: Equatable {
        let template: String
        let line: Int
        let column: Int
        let problem: TemplateProblem
        var message: String { problem.wording.message }
        var hint: String? { problem.wording.hint }
    }

    /// What a context on the stack offers to a lookup.
    private enum Frame {
        case view(ViewSchema)
        /// A text, number or flag pushed by a section: it has no fields, lookups pass it by.
        case scalar
        /// The editor's own map: every name is there.
        case open
    }

    /// Every name used at one place of one template, over all the page kinds that reach it.
    private struct Use {
        var resolved = false
        /// Where the name was not found, and the names in reach, nearest context first.
        var problem: (name: String, place: TemplateProblem.UnknownName.Place, candidates: [[String]])?
        var pages: [String] = []
    }

    private struct Place: Hashable {
        let template: String
        let line: Int
        let column: Int
        let name: String
    }

    /// The unknown names of every page template in `pages`, in template and position order.
    func check(pages: [(template: String, schema: ViewSchema)]) -> [UnknownName] {
        var walk = Walk(templates: templates, names: names)
        for page in pages where templates[page.template] != nil {
            walk.page = page.schema.name
            walk.visit(page.template, stack: [.view(page.schema)], overrides: [:], depth: 0)
        }
        return walk.uses.compactMap { place, use -> UnknownName? in
            guard !use.resolved, let problem = use.problem else { return nil }
            // The nearest context's names first: inside `{{#briefing}}`, 'titel' means its title.
            let suggestion = problem.candidates.lazy.compactMap { Suggestion.closest(to: problem.name, in: $0) }.first
            return UnknownName(template: place.template, line: place.line, column: place.column,
                               problem: .unknownName(.init(name: problem.name, place: problem.place, suggestion: suggestion,
                                                           pages: use.pages)))
        }
        .sorted { ($0.template, $0.line, $0.column) < ($1.template, $1.line, $1.column) }
    }

    private struct Walk {
        let templates: [String: [MustacheNode]]
        let names: [String]
        var uses: [Place: Use] = [:]
        var page = ""
        /// Template and stack already walked for this page kind: partials reached again add nothing.
        private var walked: Set<String> = []

        init(templates: [String: [MustacheNode]], names: [String]) {
            self.templates = templates
            self.names = names
        }

        typealias Overrides = [Int: (body: [MustacheNode], template: String)]

        mutating func visit(_ template: String, stack: [Frame], overrides: Overrides, depth: Int) {
            guard depth < 32, let body = templates[template] else { return }
            let key = "\(page)|\(template)|\(Self.signature(stack))|\(overrides.keys.sorted())"
            guard walked.insert(key).inserted else { return }
            visit(body, in: template, stack: stack, overrides: overrides, depth: depth)
        }

        mutating func visit(_ nodes: [MustacheNode], in template: String, stack: [Frame], overrides: Overrides, depth: Int) {
            for node in nodes {
                switch node {
                case .text, .contentType:
                    break
                case .variable(let name, _):
                    _ = lookup(name, in: template, stack: stack)
                case .section(let name, let body):
                    // As the renderer: true shows the body in the same context; a list pushes each
                    // item; any other value pushes itself.
                    let pushed: [Frame] = switch lookup(name, in: template, stack: stack) {
                    case nil: [.open]
                    case .flag?: []
                    case .view(let schema)?, .list(let schema)?: [.view(schema)]
                    case .open?: [.open]
                    case .text?, .html?, .number?, .texts?: [.scalar]
                    }
                    visit(body, in: template, stack: stack + pushed, overrides: overrides, depth: depth)
                case .invertedSection(let name, let body):
                    // An empty list is pushed (so `{{.name}}` inside finds nothing); nothing else is.
                    let pushed: [Frame] = switch lookup(name, in: template, stack: stack) {
                    case .list?, .texts?: [.scalar]
                    default: []
                    }
                    visit(body, in: template, stack: stack + pushed, overrides: overrides, depth: depth)
                case .partial(let partial):
                    var inner = overrides
                    for (id, body) in partial.overrides ?? [:] where inner[id] == nil {
                        inner[id] = (body, template)
                    }
                    if let index = partial.template, names.indices.contains(index) {
                        visit(names[index], stack: stack, overrides: partial.overrides == nil ? overrides : inner, depth: depth + 1)
                    }
                case .block(let block):
                    if let override = overrides[block.id] {
                        var rest = overrides
                        rest[block.id] = nil
                        visit(override.body, in: override.template, stack: stack, overrides: rest, depth: depth)
                    } else {
                        visit(block.defaultBody, in: template, stack: stack, overrides: overrides, depth: depth)
                    }
                }
            }
        }

        /// Resolves `name` on `stack` as the renderer does, records the outcome, and returns the
        /// kind of what it names: nil when it names nothing.
        mutating func lookup(_ name: MustacheName, in template: String, stack: [Frame]) -> FieldKind? {
            // `{{.}}`: the top of the stack, whatever it is.
            guard let first = name.parts.first else { return .open }
            let place = Place(template: template, line: name.line, column: name.column, name: name.parts.joined(separator: "."))
            var use = uses[place] ?? Use()
            if !use.pages.contains(page) { use.pages.append(page) }
            defer { uses[place] = use }
            var kind: FieldKind?
            var visible: [[String]] = []
            for frame in (name.climbs ? Array(stack.reversed()) : stack.suffix(1)) {
                switch frame {
                case .view(let schema):
                    visible.append(schema.fields.map(\.name))
                    if let field = schema.field(first) { kind = field.kind }
                case .open: kind = .open
                case .scalar: continue
                }
                if kind != nil { break }
            }
            guard var found = kind else {
                use.problem = use.problem ?? (first, .here, visible)
                return nil
            }
            for (i, part) in name.parts.enumerated().dropFirst() {
                switch found {
                case .open:
                    use.resolved = true
                    return .open
                case .view(let schema):
                    guard let field = schema.field(part) else {
                        let owner = name.parts[..<i].joined(separator: ".")
                        use.problem = use.problem ?? (part, .inView(owner: owner), [schema.fields.map(\.name)])
                        return nil
                    }
                    found = field.kind
                default:
                    let owner = name.parts[..<i].joined(separator: ".")
                    use.problem = use.problem ?? (part, .inScalar(owner: owner), [])
                    return nil
                }
            }
            use.resolved = true
            return found
        }

        /// The view names on a stack, enough to tell two walks of one template apart.
        static func signature(_ stack: [Frame]) -> String {
            stack.map { frame in
                switch frame {
                case .view(let schema): schema.name
                case .scalar: "·"
                case .open: "*"
                }
            }.joined(separator: "/")
        }
    }
}

