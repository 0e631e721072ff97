import Foundation
import Testing
@testable import BriefingCore

/// One test per kind of bad input: each asserts the exact line an editor sees.
@Suite struct DiagnosticsTests {
    func errors(_ files: [String: String?]) async throws -> [String] {
        let site = try FixtureSite(files)
        defer { site.remove() }
        return await site.errors()
    }

    @Test func unknownPersonInPeopleList() async throws {
        let lines = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025-12-03
            people: [steve-witkof]
            ---
            Body.
            """])
        #expect(lines == ["Content/briefings/b.md:4:10: error: unknown person 'steve-witkof'\n    hint: did you mean 'steve-witkoff'?"])
    }

    /// A key written twice in one map is an error at its second occurrence, naming the line of the
    /// first, in small maps and large.
    @Test func duplicateKeysInAMap() async throws {
        let small = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025-12-03
            title: U
            ---
            Body.
            """])
        #expect(small == ["Content/briefings/b.md:4:1: error: duplicate key 'title' (first on line 2)"])
        let keys = (1...20).map { "k\($0): v" } + ["k7: again", "k3: again"]
        let large = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025-12-03
            extra:
            \(keys.map { "  " + $0 }.joined(separator: "\n"))
            ---
            Body.
            """])
        #expect(large == [
            "Content/briefings/b.md:25:3: error: duplicate key 'k7' (first on line 11)",
            "Content/briefings/b.md:26:3: error: duplicate key 'k3' (first on line 7)",
        ])
    }

    @Test func unknownPersonInQuote() async throws {
        let lines = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025-12-03
            quotes:
              - person: donald-trump
                text: "It does take two to tango."
            ---
            """])
        #expect(lines == ["Content/briefings/b.md:5:13: error: unknown person 'donald-trump'\n    hint: create Content/people/donald-trump.md"])
    }

    @Test func unknownPersonInEvent() async throws {
        let lines = try await errors(["Content/timeline.yaml": """
            - date: 2025-12
              title: "Talks"
              people: [vladimir-putin, vladimir-putn]
            """])
        #expect(lines == ["Content/timeline.yaml:3:28: error: unknown person 'vladimir-putn'\n    hint: did you mean 'vladimir-putin'?"])
    }

    @Test func unknownPersonInBodyLink() async throws {
        let lines = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025-12-03
            ---
            First paragraph.

            Then [Witkoff](person:steve-witkof) and [Putin](person:vladimir-putin) met.
            """])
        #expect(lines == ["Content/briefings/b.md:7:16: error: unknown person 'steve-witkof' in link\n    hint: did you mean 'steve-witkoff'?"])
    }

    @Test func unknownBriefingAndEventLinks() async throws {
        let lines = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025-12-03
            ---
            See [this](briefing:moscow-meting) and [that](event:nowhere).
            """])
        #expect(lines == [
            "Content/briefings/b.md:5:12: error: unknown briefing 'moscow-meting' in link\n    hint: did you mean 'moscow-meeting'?",
            "Content/briefings/b.md:5:47: error: unknown event 'nowhere' in link",
        ])
    }

    @Test func yamlSyntaxError() async throws {
        let lines = try await errors(["Content/briefings/b.md": """
            ---
            title: "Unclosed
            date: 2025-12-03
            ---
            """])
        // Pointed at where the unclosed value starts, not at the end where libyaml noticed.
        #expect(lines == ["Content/briefings/b.md:2:8: error: invalid YAML: the quote opened here is never closed\n    hint: close it with \" at the end of the title"])
    }

    @Test func missingClosingFence() async throws {
        let lines = try await errors(["Content/briefings/b.md": "---\ntitle: T\ndate: 2025-12-03\nBody.\n"])
        #expect(lines == ["Content/briefings/b.md:1:1: error: front matter is not closed: no '---' line after the opening one\n    hint: add a '---' line after the last YAML field"])
    }

    @Test func missingRequiredFields() async throws {
        let lines = try await errors([
            "Content/briefings/b.md": "---\nsummary: S\n---\n",
            "Content/people/nobody.md": "---\nrole: R\n---\n",
        ])
        #expect(lines == [
            "Content/briefings/b.md:2:1: error: missing required field 'date'",
            "Content/briefings/b.md:2:1: error: missing required field 'title'",
            "Content/people/nobody.md:2:1: error: missing required field 'name'",
        ])
    }

    @Test func wrongType() async throws {
        let lines = try await errors(["Content/briefings/b.md": "---\ntitle: T\ndate: 2025-12-03\npeople: steve-witkoff\n---\n"])
        #expect(lines == ["Content/briefings/b.md:4:9: error: 'people' must be a list, found text\n    hint: write a list: people: [steve-witkoff]"])
    }

    @Test func invalidDate() async throws {
        let lines = try await errors(["Content/briefings/b.md": "---\ntitle: T\ndate: 2025-02-30\n---\n"])
        #expect(lines == ["Content/briefings/b.md:3:7: error: invalid date '2025-02-30' in 'date'\n    hint: write 2025, 2025-12, 2025-12-02 or 2025-12-02T10:00:00-05:00"])
    }

    @Test func invalidSlugAndFileName() async throws {
        let lines = try await errors([
            "Content/briefings/b.md": "---\ntitle: T\ndate: 2025\ntopics: [Peace Talks]\n---\n",
            "Content/people/Steve Witkoff.md": "---\nname: S\n---\n",
        ])
        #expect(lines == [
            "Content/briefings/b.md:4:10: error: invalid slug 'Peace Talks' in 'topics': use lowercase a-z, 0-9 and '-'\n    hint: did you mean 'peace-talks'?",
            "Content/people/Steve Witkoff.md:1:1: error: invalid file name 'Steve Witkoff.md': use lowercase a-z, 0-9 and '-'\n    hint: rename it to 'steve-witkoff.md'",
        ])
    }

    @Test func emptyFileAndNotUTF8() async throws {
        let site = try FixtureSite(["Content/briefings/empty.md": ""])
        defer { site.remove() }
        try site.write(Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xE9, 0x0A]), to: "Content/briefings/latin1.md")
        let lines = await site.errors()
        #expect(lines == [
            "Content/briefings/empty.md:1:1: error: the file is empty: a front matter block is required",
            "Content/briefings/latin1.md:2:8: error: the file is not UTF-8 text\n    hint: save it with UTF-8 encoding",
        ])
    }

    @Test func duplicateEventID() async throws {
        let lines = try await errors(["Content/timeline.yaml": """
            - id: talks
              date: 2025
              title: "A"
            - id: talks
              date: 2025-12
              title: "B"
            """])
        #expect(lines == ["Content/timeline.yaml:4:3: error: duplicate event id 'talks'\n    hint: first used at Content/timeline.yaml:1:3"])
    }

    @Test func unknownKeyWithSuggestion() async throws {
        let lines = try await errors(["Content/briefings/b.md": "---\ntitle: T\ndate: 2025\npeopel: [steve-witkoff]\n---\n"])
        #expect(lines == ["Content/briefings/b.md:4:1: error: unknown key 'peopel' in a briefing\n    hint: did you mean 'people'?"])
    }

    @Test func unsafeSourceURLRefused() async throws {
        let lines = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025
            sources:
              - title: Evil
                url: "javascript:alert(1)"
            ---
            """])
        #expect(lines == ["Content/briefings/b.md:6:10: error: refused URL 'javascript:alert(1)': a source URL must start with http://, https:// or mailto:"])
    }

    @Test func templateSyntaxError() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("<p>\n{{#people}}{{name}}\n</p>\n", to: "Templates/people.mustache")
        let lines = await site.errors()
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Templates/people.mustache:"))
        #expect(lines[0].contains("error: template syntax error: a section is opened but never closed"))
    }

    @Test func templateNamesMissingPartial() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("<ul>\n  {{#people}}{{> partials/persn-card}}{{/people}}\n</ul>\n", to: "Templates/people.mustache")
        let lines = await site.errors()
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("Templates/people.mustache:2:14: error: template names a missing partial 'partials/persn-card'"))
    }

    @Test func allErrorsOfARunAreListed() async throws {
        let lines = try await errors([
            "Content/briefings/a.md": "---\ntitle: A\ndate: 2025-13\n---\n",
            "Content/briefings/b.md": "---\ntitle: B\ndate: 2025\npeople: [nobody]\n---\n[x](person:ghost)\n",
        ])
        #expect(lines.count == 3)
    }
}
