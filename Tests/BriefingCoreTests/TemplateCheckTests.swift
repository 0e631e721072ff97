import Foundation
import Testing
@testable import BriefingCore

/// Every name in every template is checked against what the page kinds that use it receive,
/// before anything renders.
@Suite struct TemplateCheckTests {
    /// A fixture site whose templates are the repository's with `edits` (template path → (from, to)) applied.
    func errors(_ edits: [String: [(String, String)]], extra files: [String: String] = [:]) async throws -> [String] {
        let site = try FixtureSite()
        defer { site.remove() }
        for (path, changes) in edits {
            var text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
            for (from, to) in changes {
                #expect(text.contains(from), "\(path) has no \(from)")
                text = text.replacingOccurrences(of: from, with: to)
            }
            try site.write(text, to: path)
        }
        for (path, text) in files { try site.write(text, to: path) }
        return await site.errors()
    }

    @Test func theRepositoryTemplatesUseOnlyWhatPagesReceive() async throws {
        #expect(try await errors([:]) == [])
    }

    @Test func typosAreLocatedWithTheNearestFieldAllAtOnce() async throws {
        let lines = try await errors([
            "Templates/briefing.mustache": [("<h1>{{title}}</h1>", "<h1>{{titel}}</h1>"),
                                            ("{{#.hasPlaces}}", "{{#.hasPlace}}"), ("{{/.hasPlaces}}", "{{/.hasPlace}}")],
            "Templates/layout.mustache": [("<title>{{$title}}{{page.title}}", "<title>{{$title}}{{page.titl}}")],
        ])
        let hint = "    hint: looked up in the briefing page; Templates/README.md lists every field"
        #expect(lines == [
            "Templates/briefing.mustache:18:5: error: no field 'titel' here — did you mean 'title'?\n" + hint,
            "Templates/briefing.mustache:27:1: error: no field 'hasPlace' here — did you mean 'hasPlaces'?\n" + hint,
            "Templates/layout.mustache:7:18: error: no field 'titl' in 'page' — did you mean 'title'?\n"
                + "    hint: looked up in the briefings, briefing, timeline, timeline page, people, person, topics, topic, search, 404 pages; Templates/README.md lists every field",
        ])
    }

    /// A name some page kind gives there is fine: the layout may show a block on briefing pages only.
    /// The editor's `extra` maps are open; sections follow lists into their items.
    @Test func namesGivenBySomePageOrBelowExtraPass() async throws {
        let lines = try await errors([
            "Templates/layout.mustache": [("<main id=\"content\" class=\"wrap\" tabindex=\"-1\">",
                                           "<main id=\"content\" class=\"wrap\" tabindex=\"-1\">{{#briefing}}{{title}}{{#people}}{{name}}{{/people}}{{/briefing}}"
                                               + "{{site.extra.anything.at.all}}{{#site.extra}}{{whatever}}{{/site.extra}}")],
        ])
        #expect(lines == [])
    }

    @Test func aNameInAPartialIsCheckedWhereThePartialIsIncluded() async throws {
        let lines = try await errors(["Templates/partials/person-card.mustache": [("{{name}}", "{{nmae}}")]])
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Templates/partials/person-card.mustache:") == true)
        #expect(lines.first?.contains("error: no field 'nmae' here — did you mean 'name'?") == true)
    }

    /// A dotted name whose head is text has no fields; a list field is not a map.
    @Test func fieldsOfTextAreErrors() async throws {
        let lines = try await errors(["Templates/people.mustache": [("<h1>{{heading}}</h1>", "<h1>{{heading}}{{page.title.length}}</h1>")]])
        #expect(lines.count == 1)
        #expect(lines.first?.contains("error: 'page.title' has no fields: 'length' is not there") == true)
    }
}
