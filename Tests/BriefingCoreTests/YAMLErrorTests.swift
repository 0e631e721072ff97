import Foundation
import Testing
@testable import BriefingCore

/// YAML mistakes editors make, each reported at its culprit in an editor's words, with a hint
/// that says what to type; and every error of a file reported in one run. Each test asserts the
/// exact lines an editor sees.
@Suite struct YAMLErrorTests {
    func errors(_ files: [String: String?]) async throws -> [String] {
        let site = try FixtureSite(files)
        defer { site.remove() }
        return await site.errors()
    }

    /// The errors of one briefing whose front matter is `yaml`.
    func briefingErrors(_ yaml: String, body: String = "Body.") async throws -> [String] {
        try await errors(["Content/briefings/b.md": "---\n\(yaml)\n---\n\(body)\n"])
    }

    // MARK: - Syntax

    @Test func tabInTheIndentation() async throws {
        #expect(try await briefingErrors("title: T\ndate: 2025\npeople:\n\t- steve-witkoff") == [
            "Content/briefings/b.md:5:1: error: invalid YAML: a tab in the indentation\n    hint: indent with spaces, not a tab",
        ])
        // After spaces, under a key of a list item.
        #expect(try await briefingErrors("title: T\ndate: 2025\nquotes:\n  - person: steve-witkoff\n  \ttext: Hi") == [
            "Content/briefings/b.md:6:3: error: invalid YAML: a tab in the indentation\n    hint: indent with spaces, not a tab",
        ])
    }

    @Test func unquotedColonInAValue() async throws {
        #expect(try await briefingErrors("title: Trump: talks\ndate: 2025") == [
            "Content/briefings/b.md:2:8: error: invalid YAML: unquoted ': ' in the value of 'title'\n    hint: put the title in quotes: title: \"Trump: talks\"",
        ])
        // In a list item's map, with a quote inside: single quotes are offered.
        #expect(try await briefingErrors("title: T\ndate: 2025\nquotes:\n  - person: steve-witkoff\n    text: He said \"no\": twice") == [
            "Content/briefings/b.md:6:11: error: invalid YAML: unquoted ': ' in the value of 'text'\n    hint: put the text in quotes: text: 'He said \"no\": twice'",
        ])
        // On a line that goes on with the value above it.
        #expect(try await briefingErrors("title: T\ndate: 2025\nsummary: The envoys met\n  and then: more talks") == [
            "Content/briefings/b.md:5:11: error: invalid YAML: unquoted ': ' in the value of 'summary', which starts on line 4\n    hint: put the whole summary in quotes",
        ])
    }

    @Test func quotesInsideQuotes() async throws {
        #expect(try await briefingErrors("title: \"He said \"no\" today\"\ndate: 2025") == [
            "Content/briefings/b.md:2:17: error: invalid YAML: a \" inside the double quotes of 'title' ends them early\n    hint: use single quotes outside: title: 'He said \"no\" today' (or type \\\" for each \" inside)",
        ])
        // With an apostrophe too, only escaping works.
        #expect(try await briefingErrors("title: \"He said \"no\", it's over\"\ndate: 2025") == [
            "Content/briefings/b.md:2:17: error: invalid YAML: a \" inside the double quotes of 'title' ends them early\n    hint: type \\\" for each \" inside: title: \"He said \\\"no\\\", it's over\"",
        ])
        #expect(try await briefingErrors("title: 'It's over'\ndate: 2025") == [
            "Content/briefings/b.md:2:11: error: invalid YAML: a ' inside the single quotes of 'title' ends them early\n    hint: use double quotes outside: title: \"It's over\" (or type '' for each ' inside)",
        ])
        // A list item, columns counted in characters.
        #expect(try await briefingErrors("title: T\ndate: 2025\nkey_points:\n  - \"Ärger \"über\" alles\"") == [
            "Content/briefings/b.md:5:12: error: invalid YAML: a \" inside the double quotes of a list item ends them early\n    hint: use single quotes outside: - 'Ärger \"über\" alles' (or type \\\" for each \" inside)",
        ])
    }

    @Test func textAfterAClosingQuoteOrBracket() async throws {
        #expect(try await briefingErrors("title: T\ndate: 2025\nsummary: \"Talks\" resume") == [
            "Content/briefings/b.md:4:18: error: invalid YAML: text after the closing quote of 'summary'\n    hint: put the whole summary in quotes: summary: '\"Talks\" resume'",
        ])
        #expect(try await briefingErrors("title: [Live] Talks in Moscow\ndate: 2025") == [
            "Content/briefings/b.md:2:15: error: invalid YAML: text after the closing ']' of 'title'\n    hint: put the title in quotes: title: \"[Live] Talks in Moscow\"",
        ])
    }

    @Test func unclosedList() async throws {
        // At the end of the front matter, and with more lines after it.
        #expect(try await briefingErrors("title: T\ndate: 2025\npeople: [steve-witkoff, vladimir-putin") == [
            "Content/briefings/b.md:4:9: error: invalid YAML: the list opened here is never closed\n    hint: close the list with ]",
        ])
        #expect(try await briefingErrors("title: T\npeople: [steve-witkoff, vladimir-putin\ndate: 2025\nsummary: S") == [
            "Content/briefings/b.md:3:9: error: invalid YAML: the list opened here is never closed\n    hint: close the list with ]",
        ])
    }

    @Test func unclosedQuote() async throws {
        #expect(try await briefingErrors("title: \"Talks in Moscow\ndate: 2025") == [
            "Content/briefings/b.md:2:8: error: invalid YAML: the quote opened here is never closed\n    hint: close it with \" at the end of the title",
        ])
        // The quote runs on until the next value's opening quote closes it.
        #expect(try await briefingErrors("title: \"Talks in Moscow\ndate: 2025\nsummary: \"Envoys met\"") == [
            "Content/briefings/b.md:2:8: error: invalid YAML: the quote opened here is not closed on its line\n    hint: close it with \" at the end of the title",
        ])
    }

    @Test func linesThatDoNotLineUp() async throws {
        #expect(try await briefingErrors("title: T\ndate: 2025\nkey_points:\n  - One\n - Two") == [
            "Content/briefings/b.md:6:2: error: invalid YAML: this list item is not lined up with the one on line 5\n    hint: start the '-' in column 3, under the one on line 5",
        ])
        #expect(try await briefingErrors("title: T\ndate: 2025\nquotes:\n  - person: steve-witkoff\n   text: Hi") == [
            "Content/briefings/b.md:6:4: error: invalid YAML: 'text' is not lined up with 'person' on line 5\n    hint: start 'text' in column 5, under 'person'",
        ])
        #expect(try await briefingErrors("title: T\n date: 2025") == [
            "Content/briefings/b.md:3:2: error: invalid YAML: 'date' is not lined up with 'title' on line 2\n    hint: start 'date' in column 1, under 'title'",
        ])
        #expect(try await briefingErrors("title: T\ndate: 2025\nsummary: S\n- Moscow") == [
            "Content/briefings/b.md:5:1: error: invalid YAML: a list item where a 'key: value' line belongs\n    hint: a list goes on the lines after a key that has nothing after its ':'",
        ])
    }

    @Test func valueStartingWithAReservedCharacter() async throws {
        #expect(try await briefingErrors("title: @witkoff on talks\ndate: 2025") == [
            "Content/briefings/b.md:2:8: error: invalid YAML: a value cannot start with '@'\n    hint: put the title in quotes: title: \"@witkoff on talks\"",
        ])
        #expect(try await briefingErrors("title: `Deal` or not\ndate: 2025") == [
            "Content/briefings/b.md:2:8: error: invalid YAML: a value cannot start with '`'\n    hint: put the title in quotes: title: \"`Deal` or not\"",
        ])
        // Markdown emphasis reads as an alias.
        #expect(try await briefingErrors("title: T\ndate: 2025\nkey_points:\n  - *No* breakthrough") == [
            "Content/briefings/b.md:5:5: error: invalid YAML: a value cannot start with '*'\n    hint: put the item in quotes: - \"*No* breakthrough\"",
        ])
        #expect(try await briefingErrors("title: T\ndate: 2025\nsummary: > Quoted") == [
            "Content/briefings/b.md:4:10: error: invalid YAML: a value cannot start with '>'\n    hint: put the summary in quotes: summary: \"> Quoted\"",
        ])
        // Elsewhere, a cleaned-up message, never libyaml's own.
        #expect(try await briefingErrors("title: T\n@date: 2025") == [
            "Content/briefings/b.md:3:1: error: invalid YAML: '@' cannot start a key or a value\n    hint: put the text in quotes",
        ])
    }

    @Test func noSpaceAfterAColon() async throws {
        #expect(try await briefingErrors("title: T\ndate:2025-12-03") == [
            "Content/briefings/b.md:3:6: error: invalid YAML: no space after 'date:'\n    hint: type a space after the colon: date: 2025-12-03",
        ])
    }

    @Test func missingColonOrUnindentedLine() async throws {
        #expect(try await briefingErrors("title: T\npeople [steve-witkoff]\ndate: 2025") == [
            "Content/briefings/b.md:3:7: error: invalid YAML: no ':' after 'people'\n    hint: type a colon after the key: people: [steve-witkoff]",
        ])
        // A long value wrapped onto a line of its own.
        #expect(try await briefingErrors("title: T\ndate: 2025\nsummary: The envoys met\nfor five hours.") == [
            "Content/briefings/b.md:5:1: error: invalid YAML: this line goes on with the value of 'summary' on line 4, but is not indented\n    hint: indent it more than 'summary', or write the summary on one line",
        ])
        #expect(try await briefingErrors("title: T\ndate: 2025\nsummary: \"The envoys met\"\nfor five hours.") == [
            "Content/briefings/b.md:5:1: error: invalid YAML: a line without 'key: ' in a map\n    hint: write 'key: value'; text that goes on from the line above is indented under it",
        ])
    }

    @Test func unknownEscapeInDoubleQuotes() async throws {
        #expect(try await briefingErrors("title: T\ndate: 2025\nsummary: \"Files in C:\\Users\"") == [
            "Content/briefings/b.md:4:22: error: invalid YAML: '\\U' is not an escape YAML knows in double quotes\n    hint: type \\\\ for a backslash, or use single quotes outside: summary: 'Files in C:\\Users'",
        ])
    }

    @Test func controlCharacter() async throws {
        #expect(try await briefingErrors("title: T\ndate: 2025\nsummary: Talks\u{1}resume") == [
            "Content/briefings/b.md:4:15: error: invalid YAML: a control character (U+0001) is not allowed\n    hint: delete it: it often comes with pasted text",
        ])
    }

    @Test func secondDocumentInTimeline() async throws {
        #expect(try await errors(["Content/timeline.yaml": "- date: 2025\n  title: A\n---\n- date: 2026\n  title: B\n"]) == [
            "Content/timeline.yaml:3:1: error: invalid YAML: a second YAML document starts here\n    hint: a file holds one document: remove this '---' line",
        ])
    }

    /// libyaml also ends lines at U+2028, U+0085 and a lone CR: its positions are read on its lines.
    @Test func positionsOnLibyamlsLines() throws {
        for separator in ["\u{2028}", "\u{85}", "\r"] {
            var problems: [YAMLSyntaxError] = []
            #expect {
                _ = try YAMLReader.parse("title: \"Talks\(separator) in Moscow\"\ndate: 2025\nsummary [a]\n", problems: &problems)
            } throws: { error in
                let error = error as! YAMLSyntaxError
                return error.message == "invalid YAML: no ':' after 'summary'" && error.position == .init(line: 4, column: 8)
            }
        }
    }

    /// No common mistake leaks libyaml's own words.
    @Test func libyamlWordsNeverLeak() async throws {
        let raw = ["cannot start any token", "mapping values are not allowed", "did not find expected",
                   "could not find expected", "found unexpected end of stream", "while scanning", "while parsing"]
        for yaml in ["title: T\ndate: 2025\nsummary: |\n  a\n b", "title: T\ndate: 2025\n%x: 1",
                     "title: T\ndate: 2025\nplaces: [Moscow Kyiv: x, y]"] {
            let lines = try await briefingErrors(yaml)
            #expect(lines.count == 1)
            #expect(!lines.contains { line in raw.contains { line.contains($0) } }, "\(lines)")
        }
    }

    // MARK: - Repeated keys

    /// A key written twice is an error at the second occurrence, naming the line of the first; the
    /// first value is kept, so the file's other errors are reported too.
    @Test func duplicateKeyAtItsSecondOccurrence() async throws {
        let lines = try await briefingErrors("""
            title: T
            date: 2025
            people: [steve-witkof]
            summary: S
            title: U
            """)
        #expect(lines == [
            "Content/briefings/b.md:4:10: error: unknown person 'steve-witkof'\n    hint: did you mean 'steve-witkoff'?",
            "Content/briefings/b.md:6:1: error: duplicate key 'title' (first on line 2)",
        ])
        let nested = try await errors(["Content/timeline.yaml": """
            - date: 2025
              title: A
              place: Moscow
              title: B
              title: C
            """])
        #expect(nested == [
            "Content/timeline.yaml:4:3: error: duplicate key 'title' (first on line 2)",
            "Content/timeline.yaml:5:3: error: duplicate key 'title' (first on line 2)",
        ])
    }

    /// `serve` reads a file with a repeated key again on every rebuild, so the error stays until it is fixed.
    @Test func duplicateKeyStaysReportedByServe() async throws {
        let site = try FixtureSite(["Content/briefings/b.md": "---\ntitle: T\ndate: 2025\ntitle: U\n---\nBody.\n"])
        defer { site.remove() }
        let builder = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        for changed in [nil, ["Content/people/steve-witkoff.md"]] as [Set<String>?] {
            guard case .failed(let diagnostics) = await builder.rebuild(changedPaths: changed) else {
                Issue.record("the rebuild did not fail")
                continue
            }
            #expect(diagnostics.filter { $0.severity == .error }.map(\.description)
                == ["Content/briefings/b.md:4:1: error: duplicate key 'title' (first on line 2)"])
        }
    }

    // MARK: - All errors of a file

    /// A briefing with a bad date is not built, but its body, key points, updates and events are
    /// still checked: every error of the file is reported in the same run. Links to its own events
    /// are not errors.
    @Test func badDateHidesNoOtherError() async throws {
        let lines = try await errors(["Content/briefings/b.md": """
            ---
            title: T
            date: 2025-13-01
            people: [nobody]
            key_points:
              - "See [x](person:ghost)"
            events:
              - id: own-event
                date: 2025-12
                title: E
                summary: "With [y](person:phantom)"
            updates:
              - at: 2025-12-04
                text: "[u](briefing:nowhere)"
            ---
            Body [x](person:nobody) and [its event](event:own-event).
            """])
        #expect(lines == [
            "Content/briefings/b.md:3:7: error: invalid date '2025-13-01' in 'date'\n    hint: write 2025, 2025-12, 2025-12-02 or 2025-12-02T10:00:00-05:00",
            "Content/briefings/b.md:4:10: error: unknown person 'nobody'\n    hint: create Content/people/nobody.md",
            "Content/briefings/b.md:6:5: error: unknown person 'ghost' in link",
            "Content/briefings/b.md:11:14: error: unknown person 'phantom' in link",
            "Content/briefings/b.md:14:11: error: unknown briefing 'nowhere' in link",
            "Content/briefings/b.md:16:10: error: unknown person 'nobody' in link",
        ])
    }

    /// An event or update with a bad date in a good briefing keeps its summary's links checked.
    @Test func badDateOfAnEntryHidesNoOtherError() async throws {
        let lines = try await briefingErrors("""
            title: T
            date: 2025-12-03
            events:
              - date: soon
                title: E
                summary: "[y](person:phantom)"
            updates:
              - at: later
                text: "[u](person:spook)"
            """)
        #expect(lines == [
            "Content/briefings/b.md:5:11: error: invalid date 'soon' in 'date'\n    hint: write 2025, 2025-12, 2025-12-02 or 2025-12-02T10:00:00-05:00",
            "Content/briefings/b.md:7:14: error: unknown person 'phantom' in link",
            "Content/briefings/b.md:9:9: error: invalid date 'later' in 'at'\n    hint: write 2025, 2025-12, 2025-12-02 or 2025-12-02T10:00:00-05:00",
            "Content/briefings/b.md:10:11: error: unknown person 'spook' in link",
        ])
    }

    /// A person without a name, or a file whose YAML cannot be read, still has its body's links checked.
    @Test func brokenFrontMatterHidesNoBodyError() async throws {
        let lines = try await errors([
            "Content/people/nameless.md": "---\nrole: Envoy\n---\nSee [him](person:ghost).\n",
            "Content/briefings/b.md": "---\ntitle: Trump: talks\ndate: 2025\n---\nSee [him](person:phantom).\n",
        ])
        #expect(lines == [
            "Content/briefings/b.md:2:8: error: invalid YAML: unquoted ': ' in the value of 'title'\n    hint: put the title in quotes: title: \"Trump: talks\"",
            "Content/briefings/b.md:5:11: error: unknown person 'phantom' in link",
            "Content/people/nameless.md:2:1: error: missing required field 'name'",
            "Content/people/nameless.md:4:11: error: unknown person 'ghost' in link",
        ])
    }
}
