/// Which view each page template receives, and the reference of every view that
/// `Templates/README.md` carries (generated from the views, so it is never out of date).
enum TemplateSchema {
    /// Each page template by name, with the view it renders.
    static let pages: [(template: String, schema: ViewSchema)] = [
        ("home", HomePage.schema),
        ("briefings", BriefingListPage.schema),
        ("briefing", BriefingPage.schema),
        ("timeline", TimelinePage.schema),
        ("timeline-page", TimelineEventsPage.schema),
        ("people", PeopleListPage.schema),
        ("person", PersonPage.schema),
        ("topics", TopicListPage.schema),
        ("topic", TopicPage.schema),
        ("search", SearchPage.schema),
        ("404", NotFoundPage.schema),
        ("feed", FeedPage.schema),
        ("sitemap", SitemapPage.schema),
        ("robots", RobotsPage.schema),
    ]

    static func page(_ template: String) -> ViewSchema? { pages.first { $0.template == template }?.schema }

    /// Every view templates can meet, pages first, then the items in the order they are first met.
    static var allViews: [ViewSchema] {
        var seen: [ViewSchema] = []
        func visit(_ schema: ViewSchema) {
            guard !seen.contains(where: { $0.name == schema.name }) else { return }
            seen.append(schema)
            for field in schema.fields {
                switch field.kind {
                case .view(let inner), .list(let inner): visit(inner)
                default: break
                }
            }
        }
        visit(PageFrameView.schema)
        for page in pages { visit(page.schema) }
        return seen
    }

    static let referenceStart = "<!-- The reference below is generated from Sources/BriefingCore/Render/Views/: run `make templates-reference` after changing a view. -->"
    static let referenceEnd = "<!-- End of the generated reference. -->"

    /// The reference of every view, in Markdown: one table per view.
    static func reference() -> String {
        var out = referenceStart + "\n\n"
        let pageNames = Set(pages.map(\.schema.name))
        for schema in allViews {
            let template = pages.first { $0.schema.name == schema.name }?.template
            out += "### \(schema.name)\n\n"
            out += template.map { "`\($0).mustache`: \(schema.summary)." } ?? "\(schema.summary.prefix(1).uppercased() + schema.summary.dropFirst())."
            // HTML pages start from every page's fields (`root` is one): listed once, above.
            let framed = pageNames.contains(schema.name) && schema.field("root") != nil
            if framed { out += " Besides the fields of **every page**:" }
            out += "\n\n| field | holds | |\n|---|---|---|\n"
            let inherited = framed ? Set(PageFrameView.schema.fields.map(\.name)) : []
            for field in schema.fields where !inherited.contains(field.name) {
                out += "| `\(field.name)` | \(describe(field.kind)) | \(field.note) |\n"
            }
            out += "\n"
        }
        return out + referenceEnd
    }

    static func describe(_ kind: FieldKind) -> String {
        switch kind {
        case .text: "text"
        case .html: "HTML: `{{{ }}}`"
        case .flag: "true, or absent"
        case .number: "number"
        case .texts: "list of texts"
        case .view(let schema): "a **\(schema.name)**"
        case .list(let schema): "list of **\(schema.name)**"
        case .open: "map of your own"
        }
    }
}
