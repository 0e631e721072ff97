import Foundation
import Testing
@testable import BriefingCore

/// File names and anchors from titles and names in any language.
@Suite struct SlugTests {
    @Test(arguments: [
        ("Шойгу прибыл в Пекин", "shoygu-pribyl-v-pekin"),                       // Russian (BGN/PCGN)
        ("Объявлен новый раунд переговоров", "obyavlen-novyy-raund-peregovorov"), // hard sign dropped
        ("Зеленський прибув до Києва", "zelenskyy-prybuv-do-kyyeva"),              // Ukrainian (BGN/PCGN)
        ("Τσίπρας στην Αθήνα", "tsipras-stin-athina"),                             // Greek (UNGEGN)
        ("وصل المبعوث إلى موسكو", "wsl-almbwth-aly-mwskw"),                        // Arabic
        ("习近平会见普京", "xi-jin-ping-hui-jian-pu-jing"),                          // Chinese, in pinyin
        ("Hà Nội đón phái đoàn", "ha-noi-don-phai-doan"),                          // Vietnamese
        ("Straße nach Łódź", "strasse-nach-lodz"),
        ("Zoë Ångström", "zoe-angstrom"),
        ("🕊️ Talks resume 🤝", "talks-resume"),
        ("Talks in Moscow: «day one»", "talks-in-moscow-day-one"),
    ])
    func anyScript(text: String, slug: String) {
        #expect(Slug.make(from: text) == slug)
        #expect(Slug.isValid(slug))
    }

    @Test func nothingToSpell() {
        for text in ["🕊️🤝", "!!! ???", "—", ""] {
            #expect(Slug.make(from: text) == "", "\(text)")
        }
    }

    /// ASCII text keeps its fast path and gives what it always gave (anchors never move).
    @Test func asciiUnchanged() {
        #expect(Slug.make(from: "Trump's \"reasonably good\" meeting, 2025") == "trump-s-reasonably-good-meeting-2025")
        #expect(Slug.make(from: "  --Witkoff--  ") == "witkoff")
    }

    @Test func newWithTitlesInAnyScript() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let scaffold = Scaffold(siteRoot: site.root)
        #expect(try scaffold.newBriefing(title: "Шойгу прибыл в Пекин", date: "2025-12-10")
            == "Content/briefings/shoygu-pribyl-v-pekin.md")
        #expect(try scaffold.newPerson(name: "Сергей Шойгу") == "Content/people/sergey-shoygu.md")
        #expect(try scaffold.newPerson(name: "Ван И", slug: "wang-yi") == "Content/people/wang-yi.md")
        #expect(try scaffold.newBriefing(title: "🕊️🤝", date: "2025-12-11", slug: "handshake") == "Content/briefings/handshake.md")
        try await site.build()
        #expect(try site.page("briefings/shoygu-pribyl-v-pekin/index.html").contains("Шойгу прибыл в Пекин"))
        #expect(try site.page("people/wang-yi/index.html").contains("Ван И"))
    }

    @Test func aTitleWithoutLettersAsksForASlug() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let scaffold = Scaffold(siteRoot: site.root)
        let failure = try #require(throws: BuildFailure.self) { try scaffold.newBriefing(title: "🕊️🤝!", date: "2025") }
        #expect(failure.cause == .usage)
        #expect(failure.diagnostics.first?.hint?.contains("--slug") == true)
        let invalid = try #require(throws: BuildFailure.self) { try scaffold.newPerson(name: "X", slug: "Not A Slug") }
        #expect(invalid.cause == .usage)
        #expect(invalid.description.contains("invalid slug 'Not A Slug'"))
        let exists = try #require(throws: BuildFailure.self) { try scaffold.newPerson(name: "Someone", slug: "steve-witkoff") }
        #expect(exists.cause == .environment)
    }
}
