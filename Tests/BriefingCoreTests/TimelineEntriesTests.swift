import Testing
@testable import BriefingCore

/// `timeline.yaml` is read one entry at a time when resolved (`YAMLReader.parse(_:…each:)`), so
/// that a file of a million lines never has its whole tree in memory. Read so, a timeline must give
/// the events and the diagnostics it gives when its whole tree is composed first.
@Suite struct TimelineEntriesTests {
    static let path = "Content/timeline.yaml"

    /// A site around `timeline`: two people and a briefing for its entries to name.
    static func site(_ timeline: String) -> InMemorySite {
        InMemorySite(texts: [
            "Content/site.yaml": "title: T\nbase_url: https://example.org/\n",
            "Content/people/ada-example.md": "---\nname: Ada Example\n---\nBio.\n",
            "Content/people/bob-example.md": "---\nname: Bob Example\n---\nBio.\n",
            "Content/briefings/b.md": "---\ntitle: B\ndate: 2025-01-01\n---\nBody.\n",
            path: timeline,
        ])
    }

    /// What resolving the site finds: each event in a line, and every diagnostic. `whole` composes the
    /// timeline's tree when it is loaded, as every other YAML file is.
    static func resolved(_ timeline: String, whole: Bool) async -> (events: [String], diagnostics: [String]) {
        let loader = ContentLoader(source: site(timeline))
        var raw = await loader.load()
        #expect(raw.timeline?.readsEntriesWhenResolved == true)
        if whole {
            var found: [Diagnostic] = []
            raw.timeline = loader.loadDocument(path, kind: .yaml, diagnostics: &found)
            raw.diagnostics += found
            #expect(raw.timeline?.readsEntriesWhenResolved == false)
        }
        let checked = await SiteResolver(options: BuildOptions()).resolve(raw)
        let events = checked.site.events.map { e in
            [e.date.iso, e.title, e.people.map(\.rawValue).joined(separator: ","), e.place ?? "-", e.summary?.text ?? "-",
             e.summary.map { "\($0.location)" } ?? "-", e.briefing?.rawValue ?? "-", e.id ?? "-", "\(e.expected)",
             "\(e.location)", e.dateLocation.map { "\($0)" } ?? "-", e.sources.map { $0.title ?? "?" }.joined(separator: ",")]
                .joined(separator: " | ")
        }
        let unresolved = checked.site.unresolved.markdown.map { "unresolved \($0.text) at \($0.location)" }
            + checked.site.unresolved.eventIDs.map { "unresolved id \($0)" }
        return (events + unresolved, checked.diagnostics.sorted().map(\.description))
    }

    /// Both ways of reading `timeline`, compared; returns what the entry-by-entry way found.
    @discardableResult
    static func same(_ timeline: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) async -> (events: [String], diagnostics: [String]) {
        let entries = await resolved(timeline, whole: false)
        let whole = await resolved(timeline, whole: true)
        #expect(entries.events == whole.events, sourceLocation: sourceLocation)
        #expect(entries.diagnostics == whole.diagnostics, sourceLocation: sourceLocation)
        return entries
    }

    static func errors(_ found: (events: [String], diagnostics: [String])) -> [String] {
        found.diagnostics.filter { $0.contains(": error: ") }
    }

    @Test func plainEntriesWithCommentsAndEveryField() async {
        let found = await Self.same("""
            # Dated events.
            - id: first-meeting   # a comment after a value
              date: 2025-12-02
              title: "Witkoff meets Putin"
              people: [ada-example, bob-example]
              place: Moscow
              summary: "With [Ada](person:ada-example)."
              briefing: b
              sources:
                - title: AP
                  url: https://example.org/ap
            # Between entries.
            - date: 2025-12-03T10:00:00-05:00
              title: Later
              expected: true

            - date: 2024
              title: Year only
            """)
        #expect(found.events.count == 3)
        #expect(Self.errors(found).isEmpty)
    }

    @Test func flowStyleListsAndMaps() async {
        let found = await Self.same("""
            [{date: 2025, title: A, people: [ada-example]}, {date: 2025-02, title: B},
             {date: 2025-02-03, title: C, people: [bob-example, ada-example]}]
            """)
        #expect(found.events.count == 3)
    }

    @Test func anchorsAndAliases() async {
        let found = await Self.same("""
            - &meeting
              date: 2025-01-02
              title: Anchored
              people: &both [ada-example, bob-example]
            - date: 2025-01-03
              title: Aliased people
              people: *both
            - *meeting
            - *nowhere
            """)
        // An undefined alias stops the reading: what the entries before it gave is dropped.
        #expect(found.events.isEmpty)
        #expect(Self.errors(found).count == 1)
        let read = await Self.same("- &m {date: 2025, title: A}\n- *m\n- date: 2026\n  title: B\n  people: [ada-example]\n")
        #expect(read.events.count == 3)
    }

    @Test func repeatedKeysAreReportedAndTheFirstValueKept() async {
        let found = await Self.same("""
            - date: 2025
              title: First title
              title: Second title
            - date: 2025
              date: 2026
              title: C
            """)
        #expect(found.events.count == 2)
        #expect(Self.errors(found).count == 2)
        #expect(Self.errors(found).allSatisfy { $0.contains("duplicate key") })
    }

    @Test func badDatesUnknownKeysAndNamesAllReported() async {
        let found = await Self.same("""
            - date: 2025-13-01
              title: Bad month
              summary: "See [nobody](person:nobody)."
              id: kept-for-links
            - date: tomorrow
              title: Worse
            - date: 2025
              titel: Typo
            - date: 2025
              title: Unknown names
              people: [ada-exampel, Not A Slug]
              briefing: nowhere
            - date: 2025
              title: Fine
            """)
        #expect(found.events.count == 2 + 2, "two events, the unresolved summary and id of the bad month")
        #expect(Self.errors(found).count >= 6)
    }

    @Test func entriesThatAreNotMaps() async {
        let found = await Self.same("- just text\n- [a, list]\n-\n- date: 2025\n  title: OK\n")
        #expect(found.events.count == 1)
        #expect(Self.errors(found).count == 3)
    }

    @Test func aSyntaxErrorAfterEntriesDropsWhatTheyGave() async {
        let found = await Self.same("""
            - date: 2025
              title: Good
              people: [nobody]
            - date: 2025
              title: "unclosed
            """)
        #expect(found.events.isEmpty)
        #expect(Self.errors(found).count == 1)
        #expect(!Self.errors(found)[0].contains("nobody"))
        #expect(Self.errors(found)[0].hasPrefix("Content/timeline.yaml:5:"))
    }

    @Test func rootsThatAreNotAListOfEntries() async {
        // The `events:` form, alone, read entry by entry too.
        #expect(await Self.same("events:\n  - date: 2025\n    title: A\n  - date: 2026\n    title: B\n").events.count == 2)
        // With another key it is not a timeline: its entries give nothing.
        let mixed = await Self.same("events:\n  - date: 2025\n    title: A\n    people: [nobody]\nother: 1\n")
        #expect(mixed.events.isEmpty)
        #expect(Self.errors(mixed).count == 1)
        #expect(Self.errors(mixed)[0].contains("must be a list of events, found a map"))
        let repeated = await Self.same("events:\n  - date: 2025\n    title: A\nevents:\n  - date: 2026\n    title: B\n")
        #expect(repeated.events.count == 1)
        #expect(await Self.same("events: 3\n").diagnostics.contains { $0.contains("'events' must be a list") })
        #expect(Self.errors(await Self.same("just a line of text\n")).count == 1)
        #expect(await Self.same("# nothing but a comment\n").events.isEmpty)
        #expect(Self.errors(await Self.same("- date: 2025\n  title: A\n---\n- date: 2026\n  title: B\n")).count == 1)
    }
}
