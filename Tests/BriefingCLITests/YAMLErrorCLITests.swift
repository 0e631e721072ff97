import Foundation
import Testing

/// YAML mistakes as an editor sees them from `briefing build`: located, explained, all at once.
extension CLITests {
    @Test func yamlMistakesAreLocatedAndExplained() throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try run(["build"], in: site).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: site + "/public/index.html"))
        let files = [
            "tab.md": "---\ntitle: T\ndate: 2025\npeople:\n\t- steve-witkoff\n---\nBody.\n",
            "colon.md": "---\ntitle: Trump: talks\ndate: 2025\n---\nBody.\n",
            "quotes.md": "---\ntitle: \"He said \"no\" today\"\ndate: 2025\n---\nBody.\n",
            "list.md": "---\ntitle: T\ndate: 2025\npeople: [steve-witkoff, vladimir-putin\n---\nBody.\n",
            // A repeated key and a bad date hide none of the file's other errors.
            "many.md": "---\ntitle: T\ndate: 2025-13\nsummary: S\ntitle: U\n---\nSee [x](person:nobody).\n",
        ]
        for (name, text) in files {
            try text.write(toFile: site + "/Content/briefings/" + name, atomically: true, encoding: .utf8)
        }
        let result = try run(["build"], in: site)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Content/briefings/colon.md:2:8: error: invalid YAML: unquoted ': ' in the value of 'title'",
            "    hint: put the title in quotes: title: \"Trump: talks\"",
            "Content/briefings/list.md:4:9: error: invalid YAML: the list opened here is never closed",
            "    hint: close the list with ]",
            "Content/briefings/many.md:3:7: error: invalid date '2025-13' in 'date'",
            "    hint: write 2025, 2025-12, 2025-12-02 or 2025-12-02T10:00:00-05:00",
            "Content/briefings/many.md:5:1: error: duplicate key 'title' (first on line 2)",
            "Content/briefings/many.md:7:9: error: unknown person 'nobody' in link",
            "Content/briefings/quotes.md:2:17: error: invalid YAML: a \" inside the double quotes of 'title' ends them early",
            "    hint: use single quotes outside: title: 'He said \"no\" today' (or type \\\" for each \" inside)",
            "Content/briefings/tab.md:5:1: error: invalid YAML: a tab in the indentation",
            "    hint: indent with spaces, not a tab",
            "7 errors; the output folder was left as it was",
        ])
        #expect(try Data(contentsOf: URL(fileURLWithPath: site + "/public/index.html")) == before)
    }
}
