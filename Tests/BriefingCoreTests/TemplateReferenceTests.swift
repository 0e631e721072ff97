import Foundation
import Testing
@testable import BriefingCore

/// `Templates/README.md` documents what templates receive from the views themselves.
@Suite struct TemplateReferenceTests {
    static let readme = FixtureSite.repository + "/Templates/README.md"

    /// Fails when the reference in the README is not the one the views make; with
    /// `BRIEFING_UPDATE_REFERENCE=1` (`make templates-reference`) it writes it instead.
    @Test func theReadmeCarriesTheReferenceOfTheViews() throws {
        let text = try String(contentsOfFile: Self.readme, encoding: .utf8)
        let reference = TemplateSchema.reference()
        let current: String
        if let start = text.range(of: TemplateSchema.referenceStart), let end = text.range(of: TemplateSchema.referenceEnd) {
            current = String(text[start.lowerBound..<end.upperBound])
        } else if let marker = text.range(of: "@@REFERENCE@@") {
            current = String(text[marker])
        } else {
            Issue.record("Templates/README.md has no generated reference")
            return
        }
        if ProcessInfo.processInfo.environment["BRIEFING_UPDATE_REFERENCE"] == "1" {
            try text.replacingOccurrences(of: current, with: reference).write(toFile: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(current == reference, "Templates/README.md is out of date: run `make templates-reference`")
    }

    @Test func everyPageTemplateHasAView() {
        for name in TemplateSet.required { #expect(TemplateSchema.page(name) != nil, "\(name)") }
        #expect(TemplateSchema.page("search") != nil)
    }

    /// The views' maps hold exactly what their schemas say, on a site with every kind of field.
    @Test func viewsWriteOnlyWhatTheirSchemaSays() async throws {
        let site = try FixtureSite(EscapingTests.site("Plain words"), base: [:])
        defer { site.remove() }
        let builder = SiteBuilder(siteRoot: site.root)
        let contexts = await PageRenderer(try await builder.prepare()).contexts
        var seen: [String: Set<String>] = [:]
        func walk(_ map: TemplateMap, _ schema: ViewSchema) {
            for (key, value) in map.mapValues({ $0 }) {
                guard let field = schema.field(key) else {
                    Issue.record("\(schema.name) writes '\(key)', which its schema does not have")
                    continue
                }
                seen[schema.name, default: []].insert(key)
                switch (field.kind, value) {
                case (.view(let inner), .map(let m)): walk(m, inner)
                case (.list(let inner), .list(let items)):
                    for case .map(let m) in items { walk(m, inner) }
                case (.text, .string), (.html, .string), (.flag, .bool(true)), (.number, .int), (.texts, .list), (.open, .map): break
                default: Issue.record("\(schema.name).\(key) holds \(value), not \(field.kind)")
                }
            }
        }
        walk(contexts.home(), HomePage.schema)
        walk(contexts.briefing(0), BriefingPage.schema)
        walk(contexts.timeline(), TimelinePage.schema)
        walk(contexts.person(0), PersonPage.schema)
        walk(contexts.feed(), FeedPage.schema)
        // Most fields appear on this site: a field no view ever writes would be dead.
        #expect(seen["event"]?.isSuperset(of: ["anchor", "title", "date", "place", "summaryHTML", "people", "briefing"]) == true)
        #expect(seen["briefing in full"]?.isSuperset(of: ["bodyHTML", "keyPoints", "quotes", "updates", "sources"]) == true)
    }
}
