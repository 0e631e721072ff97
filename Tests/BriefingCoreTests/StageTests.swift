import Foundation
import Testing
@testable import BriefingCore

/// Each stage on its own: dates, slugs, front matter, Markdown, JSON-LD, the site index.
@Suite struct StageTests {
    let newYork = TimeZone(identifier: "America/New_York")!

    /// The resolver's in-place sort gives what a stable sort gives, for every arrangement of a few
    /// items with ties (equal keys keep their order).
    @Test func resolverSortIsAStableSort() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<9 {
            for _ in 0..<50 {
                let keys = (0..<length).map { _ in Int.random(in: 0..<4, using: &generator) }
                var items = Array(keys.enumerated())
                SiteResolver.apply(SiteResolver.order(count: items.count) { keys[$0] < keys[$1] }, to: &items)
                let expected = Array(keys.enumerated()).sorted { $0.element < $1.element }
                #expect(items.map(\.offset) == expected.map(\.offset), "\(keys)")
            }
        }
    }

    /// A lead (search snippets, data exports) is cut at a word near the length, without the
    /// space or punctuation before the cut, and marked with an ellipsis.
    @Test func leadsAreCutAtAWord() {
        #expect(RenderedMarkdown.lead("Talks resumed.", length: 40) == "Talks resumed.")
        // More bytes than the length, no more characters: kept whole.
        #expect(RenderedMarkdown.lead("Зеленський і Путін", length: 18) == "Зеленський і Путін")
        #expect(RenderedMarkdown.lead("The envoys met in Geneva, then in Riyadh, on Monday.", length: 26)
                == "The envoys met in Geneva…")
        // Quotation marks are punctuation too, at both ends.
        #expect(RenderedMarkdown.lead("«Peace», he said — «now».", length: 9) == "Peace…")
        #expect(RenderedMarkdown.lead("Sanctions—and then—talks", length: 12) == "Sanctions—an…")
        #expect(RenderedMarkdown.lead("Sanctions — talks", length: 12) == "Sanctions…")
        // ASCII text is cut by bytes, unless the byte after the cut joins the last Character.
        #expect(RenderedMarkdown.lead("one two three four", length: 9) == "one two…")
        #expect(RenderedMarkdown.lead("onetwothreefour", length: 9) == "onetwothr…")
        #expect(RenderedMarkdown.lead("abcde\u{301}fgh", length: 5) == "abcde\u{301}…")
        #expect(RenderedMarkdown.lead("ab\r\ncd efgh", length: 3) == "ab\r\n…")
    }

    @Test func datesKeepTheirPrecision() throws {
        let year = try #require(PartialDate(parsing: "2022", timeZone: newYork))
        let month = try #require(PartialDate(parsing: "2022-02", timeZone: newYork))
        let day = try #require(PartialDate(parsing: "2022-02-24", timeZone: newYork))
        let instant = try #require(PartialDate(parsing: "2022-02-24T05:30:00+03:00", timeZone: newYork))
        #expect([year.iso, month.iso, day.iso, instant.iso] == ["2022", "2022-02", "2022-02-24", "2022-02-24T05:30:00+03:00"])
        #expect([year.display, month.display, day.display] == ["2022", "February 2022", "24 February 2022"])
        #expect(instant.display == "24 February 2022, 05:30 UTC+03:00")
        #expect(year < month && month < day)
        // 05:30 in Kyiv is still 23 February in New York, the site's zone for date-only values.
        #expect(instant < day)
    }

    @Test(arguments: ["2025-13", "2025-02-29", "2025-12-32", "25-12-01", "2025-12-01T25:00", "2025/12/01", "", "soon",
                      "2025-12-01T10:00+3"])
    func invalidDatesAreRejected(_ text: String) {
        #expect(PartialDate(parsing: text, timeZone: newYork) == nil)
    }

    /// Each date written three ways, at every precision: `iso` for `datetime`, `rfc3339` for feeds,
    /// `display` for readers (a minus sign before a negative offset, no offset for UTC).
    @Test(arguments: [
        ("0987", "0987", "0987-01-01T00:00:00-04:56", "987"),
        ("2025-03", "2025-03", "2025-03-01T00:00:00-05:00", "March 2025"),
        ("2025-12-02", "2025-12-02", "2025-12-02T00:00:00-05:00", "2 December 2025"),
        ("2025-07-09T07:05:09Z", "2025-07-09T07:05:09Z", "2025-07-09T07:05:09Z", "9 July 2025, 07:05 UTC"),
        ("2022-02-24T05:30:00+03:00", "2022-02-24T05:30:00+03:00", "2022-02-24T05:30:00+03:00", "24 February 2022, 05:30 UTC+03:00"),
        ("2025-12-31T23:59-09:30", "2025-12-31T23:59:00-09:30", "2025-12-31T23:59:00-09:30", "31 December 2025, 23:59 UTC\u{2212}09:30"),
    ])
    func datesAreWrittenAtTheirPrecision(text: String, iso: String, rfc3339: String, display: String) throws {
        let date = try #require(PartialDate(parsing: text, timeZone: newYork))
        #expect(date.iso == iso)
        #expect(date.rfc3339 == rfc3339)
        #expect(date.display == display)
    }

    @Test func dateTimeWithoutOffsetIsReadInTheSiteZone() throws {
        let date = try #require(PartialDate(parsing: "2025-07-01T12:00", timeZone: newYork))
        #expect(date.iso == "2025-07-01T12:00:00-04:00")
        #expect(try #require(PartialDate(parsing: "2024-02-29", timeZone: newYork)).display == "29 February 2024")
    }

    @Test func slugs() {
        #expect(Slug("steve-witkoff") != nil)
        #expect(Slug("Steve") == nil)
        #expect(Slug("a_b") == nil)
        #expect(Slug("") == nil)
        #expect(Slug.make(from: "Volodymyr Zelenskyy!") == "volodymyr-zelenskyy")
        #expect(Slug.make(from: "Zoë Ångström") == "zoe-angstrom")
    }

    @Test func frontMatterSplitsWithPositions() throws {
        let parts = try FrontMatter.split("---\r\ntitle: T\r\n---\r\nBody\r\n")
        #expect(parts.yaml == "title: T\r\n")
        #expect(parts.body == "Body\r\n")
        #expect(parts.bodyLine == 4)
        #expect(throws: FrontMatter.Problem.missing) { try FrontMatter.split("title: T\n") }
        #expect(throws: FrontMatter.Problem.unclosed) { try FrontMatter.split("---\ntitle: T\n") }
    }

    @Test func suggestionsFindNearMisses() {
        #expect(Suggestion.closest(to: "steve-witkof", in: ["steve-witkoff", "jared-kushner"]) == "steve-witkoff")
        #expect(Suggestion.closest(to: "zzz", in: ["steve-witkoff"]) == nil)
    }

    @Test func jsonLDCannotCloseItsScript() {
        let json = JSONValue.object([("headline", .string("</script><script>alert(1)</script> & \u{2028}"))])
        #expect(json.serialized == #"{"headline":"\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u2028"}"#)
    }

    @Test func markdownRewritesReferenceLinksPerPageDepth() throws {
        let linkable = LinkTable(people: ["steve-witkoff"], briefings: ["moscow"], drafts: [], events: ["talks": "timeline/#event-talks"])
        let renderer = MarkdownRenderer(links: linkable, unsafeHTML: false)
        var diagnostics: [Diagnostic] = []
        let text = MarkdownText(text: "[W](person:steve-witkoff), [B](briefing:moscow), [E](event:talks), [X](https://x.org)",
                                location: SourceLocation(path: "f.md"), isInline: true)
        #expect(renderer.html(text, root: "../", diagnostics: &diagnostics)
            == #"<a href="../people/steve-witkoff/">W</a>, <a href="../briefings/moscow/">B</a>, <a href="../timeline/#event-talks">E</a>, <a href="https://x.org">X</a>"#)
        #expect(diagnostics.isEmpty)
    }

    @Test func personIsNotSeenWithThemselves() async throws {
        let zone = newYork
        func person(_ slug: String) -> Person {
            Person(slug: Slug(slug)!, path: "", name: slug, aliases: [],
                   bio: MarkdownText(text: "", location: SourceLocation(path: ""), isInline: false), extra: [:])
        }
        let event = Event(date: PartialDate(parsing: "2025", timeZone: zone)!, title: "E",
                          people: [Slug("a")!, Slug("b")!], sources: [], expected: false, location: SourceLocation(path: "t"))
        let site = Site(config: SiteConfig(title: "T", baseURL: "/", language: "en", timeZone: zone, unsafeHTML: false, extra: [:]),
                        people: [person("a"), person("b"), person("c")], briefings: [], events: [event], media: [])
        let index = await SiteIndex(site: site, timeline: TimelineLayout(events: site.events, splits: true))
        #expect(index.seenWith == [[1], [0], []])
        #expect(index.eventsOfPerson == [[0], [0], []])
    }
}
