import Foundation
import Testing
@testable import BriefingCore

/// The newsroom features of issue 6: update log, calendar, data exports, search, drawn timeline
/// and `briefing check`'s newsroom warnings — asserted as a reader, a calendar app or a script sees them.
@Suite struct NewsroomTests {
    /// A briefing with an update log whose newest entry links to a person.
    static let developing: [String: String?] = [
        "Content/briefings/developing.md": """
            ---
            title: "Talks continue"
            date: 2025-12-04T09:00:00-05:00
            summary: "A developing story."
            people: [steve-witkoff]
            updates:
              - at: 2025-12-04T12:00:00-05:00
                text: "First update: delegations arrive."
              - at: 2025-12-05T18:30:00-05:00
                text: "[Witkoff](person:steve-witkoff) says talks will go on. More tomorrow."
            ---
            Body.
            """,
    ]

    // MARK: - 1. Update log

    @Test func briefingPageShowsItsUpdateLogNewestFirst() async throws {
        let site = try FixtureSite(Self.developing)
        defer { site.remove() }
        try await site.build()
        let page = try site.page("briefings/developing/index.html")
        let text = page.visibleText
        #expect(text.contains("Latest updates"))
        let newest = try #require(text.range(of: "says talks will go on"))
        let oldest = try #require(text.range(of: "First update: delegations arrive."))
        #expect(newest.lowerBound < oldest.lowerBound)
        #expect(page.contains("<li id=\"update-2\">"))
        #expect(page.contains("<a href=\"../../people/steve-witkoff/\">Witkoff</a> says talks will go on."))
        #expect(page.contains("datetime=\"2025-12-05T18:30:00-05:00\""))
    }

    @Test func homePageListsLatestUpdatesWithLinksForTheRoot() async throws {
        let site = try FixtureSite(Self.developing)
        defer { site.remove() }
        try await site.build()
        let home = try site.page("index.html")
        #expect(home.visibleText.contains("Latest updates"))
        // Rendered for the home page's root, not the briefing page's ../../
        #expect(home.contains("<a href=\"./people/steve-witkoff/\">Witkoff</a> says talks will go on."))
        #expect(!home.contains("../../people/"))
        #expect(home.contains("href=\"./briefings/developing/#update-2\">Talks continue</a>"))
        let newest = try #require(home.range(of: "says talks will go on"))
        let oldest = try #require(home.range(of: "First update"))
        #expect(newest.lowerBound < oldest.lowerBound)
    }

    @Test func homePageHasNoUpdatesSectionWithoutUpdates() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build()
        #expect(!(try site.page("index.html")).visibleText.contains("Latest updates"))
    }

    @Test func briefingWithUpdatesIsALiveBlogPosting() async throws {
        let site = try FixtureSite(Self.developing)
        defer { site.remove() }
        try await site.build()
        let json = try Self.jsonLD(in: site.page("briefings/developing/index.html"))
        #expect(json["@type"] as? String == "LiveBlogPosting")
        #expect(json["coverageStartTime"] as? String == "2025-12-04T09:00:00-05:00")
        #expect(json["dateModified"] as? String == "2025-12-05T18:30:00-05:00")
        let updates = try #require(json["liveBlogUpdate"] as? [[String: Any]])
        #expect(updates.count == 2)
        #expect(updates[0]["@type"] as? String == "BlogPosting")
        #expect(updates[0]["headline"] as? String == "Witkoff says talks will go on.")
        #expect(updates[0]["articleBody"] as? String == "Witkoff says talks will go on. More tomorrow.")
        #expect(updates[0]["datePublished"] as? String == "2025-12-05T18:30:00-05:00")
        #expect(updates[0]["url"] as? String == "https://example.org/news/briefings/developing/#update-2")
        #expect(updates[1]["articleBody"] as? String == "First update: delegations arrive.")

        // Without updates it stays a NewsArticle.
        let plain = try Self.jsonLD(in: site.page("briefings/moscow-meeting/index.html"))
        #expect(plain["@type"] as? String == "NewsArticle")
        #expect(plain["liveBlogUpdate"] == nil)
    }

    @Test func coverageStartsAtAnUpdateOlderThanTheBriefingDate() async throws {
        let site = try FixtureSite(["Content/briefings/early.md": """
            ---
            title: "Early"
            date: 2025-12-10
            updates:
              - at: 2025-12-09T08:00:00Z
                text: "Before the write-up."
            ---
            Body.
            """])
        defer { site.remove() }
        try await site.build()
        let json = try Self.jsonLD(in: site.page("briefings/early/index.html"))
        #expect(json["coverageStartTime"] as? String == "2025-12-09T08:00:00Z")
    }

    @Test func atomEntryUpdatedFollowsTheNewestUpdate() async throws {
        let site = try FixtureSite(Self.developing)
        defer { site.remove() }
        try await site.build()
        let feed = try site.page("feed.xml")
        let entry = try #require(feed.range(of: "<id>https://example.org/news/briefings/developing/</id>"))
        let rest = feed[entry.upperBound...]
        let end = try #require(rest.range(of: "</entry>"))
        let body = String(rest[..<end.lowerBound])
        #expect(body.contains("<published>2025-12-04T09:00:00-05:00</published>"))
        #expect(body.contains("<updated>2025-12-05T18:30:00-05:00</updated>"))
        // The feed's own <updated> is the newest change of any briefing.
        #expect(feed.contains("<updated>2025-12-05T18:30:00-05:00</updated>\n<link rel=\"self\""))
    }

    // MARK: - 2. Calendar

    /// Events at every precision, with text that needs escaping and a long non-ASCII title.
    static let calendarEvents: [String: String?] = [
        "Content/timeline.yaml": """
            - id: summit
              date: 2025-12-10T14:30:00+03:00
              title: 'Summit; talks, day one \\ more'
              summary: "Line one.\\nLine two"
              place: "Geneva, Switzerland"
              people: [vladimir-putin]
            - date: 2025-12
              title: "Month event"
              people: [vladimir-putin]
            - date: 2022
              title: "Year event"
            - date: 2025-12-31
              title: "Ўладзімір Пуцін і Стыў Уіткаф сустракаюцца ў Маскве зноў — ізноў і ізноў 🇷🇺🇺🇸"
            """,
    ]

    @Test func timelineCalendarIsValidICalendar() async throws {
        let site = try FixtureSite(Self.calendarEvents)
        defer { site.remove() }
        try await site.build()
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: site.output + "/timeline.ics")))
        let lines = try Self.physicalLines(bytes)
        for line in lines {
            #expect(line.count <= 75, "a line longer than 75 octets: \(String(decoding: line, as: UTF8.self))")
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold split a UTF-8 sequence")
        }
        let content = Self.unfold(lines)
        #expect(content.first == "BEGIN:VCALENDAR")
        #expect(content.last == "END:VCALENDAR")
        #expect(content.contains("VERSION:2.0"))
        #expect(content.contains { $0.hasPrefix("PRODID:") })
        #expect(content.filter { $0 == "BEGIN:VEVENT" }.count == 3)  // day, instant, day; not month or year
        #expect(!content.contains { $0.contains("Month event") || $0.contains("Year event") })
        let description = try #require(content.first { $0.hasPrefix("X-WR-CALDESC:") })
        #expect(description.contains("2 events known only to the month or the year are left out"))

        let summit = Self.event(containing: "UID:event-summit@example.org/news", in: content)
        #expect(summit.contains("DTSTART:20251210T113000Z"))
        #expect(summit.contains(#"SUMMARY:Summit\; talks\, day one \\ more"#))
        #expect(summit.contains(#"LOCATION:Geneva\, Switzerland"#))
        // The summary's soft line break is a space in text; the description's own lines are escaped.
        #expect(summit.contains(#"DESCRIPTION:Line one. Line two\nPeople: Vladimir Putin"#))
        #expect(summit.contains("URL:https://example.org/news/timeline/#event-summit"))

        let meeting = Self.event(containing: "SUMMARY:Witkoff meets Putin", in: content)
        #expect(meeting.contains("DTSTART;VALUE=DATE:20251202"))
        #expect(meeting.contains("DTEND;VALUE=DATE:20251203"))
        let yearEnd = Self.event(containing: "DTSTART;VALUE=DATE:20251231", in: content)
        #expect(yearEnd.contains("DTEND;VALUE=DATE:20260101"))
        #expect(yearEnd.contains { $0.hasPrefix("SUMMARY:Ўладзімір") && $0.hasSuffix("🇷🇺🇺🇸") })

        // DTSTAMP comes from the input (the newest briefing, 2025-12-03 in New York), never the clock.
        #expect(content.filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0 == "DTSTAMP:20251203T050000Z" })
    }

    @Test func calendarUIDsAreStableAndUnique() async throws {
        let site = try FixtureSite(Self.calendarEvents)
        defer { site.remove() }
        try await site.build()
        let first = try site.page("timeline.ics")
        // Another build, after an unrelated edit above the events, gives the same UIDs.
        try site.write("# a comment that moves every event down a line\n" + (Self.calendarEvents["Content/timeline.yaml"]!! as String),
                       to: "Content/timeline.yaml")
        try await site.build()
        let second = try site.page("timeline.ics")
        func uids(_ text: String) -> [String] {
            Self.unfold(try! Self.physicalLines(Array(text.utf8))).filter { $0.hasPrefix("UID:") }
        }
        #expect(uids(first) == uids(second))
        #expect(Set(uids(first)).count == uids(first).count)
        #expect(first == second)
    }

    @Test func personCalendarHoldsTheirEventsAndIsLinked() async throws {
        let site = try FixtureSite(Self.calendarEvents)
        defer { site.remove() }
        try await site.build()
        let putin = Self.unfold(try Self.physicalLines(Array(try site.page("people/vladimir-putin/calendar.ics").utf8)))
        #expect(putin.filter { $0 == "BEGIN:VEVENT" }.count == 2)  // the Moscow meeting and the summit
        #expect(putin.contains { $0.hasPrefix("X-WR-CALNAME:Vladimir Putin") })
        #expect(putin.contains { $0.contains("1 event known only to the month or the year is left out") })
        let page = try site.page("people/vladimir-putin/index.html")
        #expect(page.contains("<a href=\"../../people/vladimir-putin/calendar.ics\" type=\"text/calendar\">"))
        let timeline = try site.page("timeline/index.html")
        #expect(timeline.contains("<a href=\"../timeline.ics\" type=\"text/calendar\">"))
        #expect(timeline.visibleText.contains("2 events known only to the month or the year are left out"))
    }

    @Test func noCalendarWithoutADatedEvent() async throws {
        let site = try FixtureSite(["Content/briefings/moscow-meeting.md": """
            ---
            title: "Meeting in Moscow"
            date: 2025-12-03
            people: [steve-witkoff]
            events:
              - date: 2025-12
                title: "Sometime in December"
                people: [steve-witkoff]
            ---
            Body.
            """])
        defer { site.remove() }
        try await site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output + "/timeline.ics"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/people/steve-witkoff/calendar.ics"))
        #expect(!(try site.page("timeline/index.html")).contains(".ics"))
        #expect(!(try site.page("people/steve-witkoff/index.html")).contains(".ics"))
    }

    @Test func icalendarFoldingNeverSplitsACharacter() {
        var writer = ICalendarWriter()
        let long = String(repeating: "é", count: 100) + String(repeating: "€", count: 60) + String(repeating: "🇺🇦", count: 30)
        writer.text("SUMMARY", long)
        let lines = try! Self.physicalLines(writer.bytes)
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.count <= 75 && String(validating: $0, as: UTF8.self) != nil })
        #expect(Self.unfold(lines) == ["SUMMARY:" + long])
        var escaped: [UInt8] = []
        ICalendarWriter.escape("a\\b;c,d\r\ne\nf", into: &escaped)
        #expect(String(decoding: escaped, as: UTF8.self) == #"a\\b\;c\,d\ne\nf"#)
        escaped = []
        ICalendarWriter.escape("g\th\u{1}i\u{7F}j\rk", into: &escaped)
        #expect(String(decoding: escaped, as: UTF8.self) == #"g hij\nk"#)
    }

    // MARK: - 3. Data exports

    func json(_ site: FixtureSite, _ path: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: site.output + "/" + path))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func briefingsJSONHasEveryDocumentedField() async throws {
        let site = try FixtureSite(Self.developing)
        defer { site.remove() }
        try await site.build()
        let root = try json(site, "data/briefings.json")
        #expect(root["version"] as? Int == 1)
        #expect((root["site"] as? [String: Any])?["url"] as? String == "https://example.org/news/")
        let briefings = try #require(root["briefings"] as? [[String: Any]])
        #expect(briefings.map { $0["slug"] as? String } == ["developing", "moscow-meeting"])  // newest first
        let keys = ["slug", "url", "title", "summary", "status", "date", "updated", "lastModified", "people", "topics",
                    "places", "keyPoints", "quotes", "sources", "updates", "events"]
        for briefing in briefings { #expect(Set(briefing.keys) == Set(keys)) }
        let developing = briefings[0]
        #expect(developing["url"] as? String == "https://example.org/news/briefings/developing/")
        #expect(developing["date"] as? [String: String] == ["value": "2025-12-04T09:00:00-05:00", "precision": "time"])
        #expect(developing["updated"] is NSNull)
        #expect(developing["lastModified"] as? [String: String] == ["value": "2025-12-05T18:30:00-05:00", "precision": "time"])
        let updates = try #require(developing["updates"] as? [[String: Any]])
        #expect(updates.first?["text"] as? String == "Witkoff says talks will go on. More tomorrow.")
        #expect(updates.first?["url"] as? String == "https://example.org/news/briefings/developing/#update-2")
        let moscow = briefings[1]
        #expect(moscow["date"] as? [String: String] == ["value": "2025-12-03", "precision": "day"])
        let quote = try #require((moscow["quotes"] as? [[String: Any]])?.first)
        #expect(quote["person"] as? String == "vladimir-putin")
        #expect(quote["source"] is NSNull)
        #expect((moscow["events"] as? [String])?.count == 1)
    }

    @Test func peopleAndTimelineJSONAreInSiteOrderWithKeysThatMatch() async throws {
        let site = try FixtureSite(Self.calendarEvents)
        defer { site.remove() }
        try await site.build()
        let people = try #require(try json(site, "data/people.json")["people"] as? [[String: Any]])
        #expect(people.map { $0["name"] as? String } == ["Steve Witkoff", "Vladimir Putin"])
        let putin = people[1]
        #expect(putin["role"] as? String == "Russian President")
        #expect(putin["affiliation"] is NSNull)
        #expect(putin["bio"] as? String == "President.")
        #expect(putin["briefings"] as? [String] == ["moscow-meeting"])
        #expect(putin["seenWith"] as? [String] == ["steve-witkoff"])
        #expect(putin["quoteCount"] as? Int == 1)

        let events = try #require(try json(site, "data/timeline.json")["events"] as? [[String: Any]])
        #expect(events.map { $0["title"] as? String }.prefix(3) == ["Year event", "Month event", "Witkoff meets Putin"])
        let month = events[1]
        #expect(month["date"] as? [String: String] == ["value": "2025-12", "precision": "month"])
        #expect(month["id"] is NSNull)
        #expect(month["expected"] as? Bool == false)
        let summit = try #require(events.first { $0["id"] as? String == "summit" })
        #expect(summit["key"] as? String == "event-summit")
        #expect(summit["uid"] as? String == "event-summit@example.org/news")
        #expect(summit["date"] as? [String: String] == ["value": "2025-12-10T14:30:00+03:00", "precision": "time"])
        #expect(summit["summary"] as? String == "Line one. Line two")
        #expect(summit["url"] as? String == "https://example.org/news/timeline/#event-summit")
        // Person records name events by the same keys.
        #expect(Set(putin["events"] as? [String] ?? []).isSubset(of: Set(events.compactMap { $0["key"] as? String })))
        #expect((putin["events"] as? [String])?.contains("event-summit") == true)
    }

    @Test func timelineJSGivesEachDateOnlyItsOwnPrecision() async throws {
        let site = try FixtureSite(Self.calendarEvents)
        defer { site.remove() }
        try await site.build()
        let root = try json(site, "data/timelinejs.json")
        let title = try #require((root["title"] as? [String: Any])?["text"] as? [String: String])
        #expect(title["headline"] == "Test Briefing")
        let events = try #require(root["events"] as? [[String: Any]])
        #expect(events.count == 5)
        func start(_ headline: String) -> [String: Any]? {
            events.first { ($0["text"] as? [String: String])?["headline"] == headline }?["start_date"] as? [String: Any]
        }
        #expect(Set(start("Year event")?.keys ?? [:].keys) == ["year", "display_date"])
        #expect(start("Month event")?["month"] as? Int == 12)
        #expect(start("Month event")?["day"] == nil)
        #expect(start("Witkoff meets Putin")?["day"] as? Int == 2)
        #expect(start("Witkoff meets Putin")?["hour"] == nil)
        let summit = try #require(start(#"Summit; talks, day one \ more"#))
        #expect(summit["hour"] as? Int == 14 && summit["minute"] as? Int == 30)
        let ids = events.compactMap { $0["unique_id"] as? String }
        #expect(ids.count == events.count && Set(ids).count == ids.count)
        let text = try #require(events.first { $0["unique_id"] as? String == "event-summit" }?["text"] as? [String: String])
        #expect(text["text"] == "<p>Line one. Line two</p><p>Geneva, Switzerland · Vladimir Putin</p>")
    }

    /// Strings are scanned eight bytes at a time: every escape is found at every offset.
    @Test func jsonEscapesAtEveryOffset() throws {
        let escapes = ["\"": #"\""#, "\\": #"\\"#, "\n": #"\n"#, "\u{1}": #"\u0001"#, "\u{1F}": #"\u001f"#,
                       "<": #"\u003c"#, ">": #"\u003e"#, "&": #"\u0026"#, "\u{2028}": #"\u2028"#, "é": "é"]
        for offset in 0..<40 {
            for (character, escaped) in escapes {
                let before = String(repeating: "a", count: offset), after = String(repeating: "b", count: 40 - offset)
                let text = before + character + after
                #expect(JSONValue.string(text).serialized == "\"" + before + escaped + after + "\"")
                let parsed = try JSONSerialization.jsonObject(with: Data(JSONValue.array([.string(text)]).bytes)) as? [String]
                #expect(parsed == [text])
            }
        }
    }

    /// A large file is written in parts and joined: nothing is lost or repeated at a part's edge.
    @Test func largeJSONIsJoinedWhole() throws {
        let texts = (0..<3_000).map { "item \($0) " + String(repeating: "x<", count: $0 % 700) }
        let value = JSONValue.array(texts.map(JSONValue.string))
        let bytes = value.bytes
        #expect(bytes.count > 3 * (1 << 19))
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String]
        #expect(parsed == texts)
    }

    @Test func jsonEscapesWhatScriptsAndParsersNeed() throws {
        let value = JSONValue.object([("k\"", .string("a\"b\\c\n\t</script>&\u{2028}\u{2029}\u{1}é🇺🇦")),
                                      ("n", .int(-3)), ("b", .bool(true)), ("z", .null)])
        #expect(value.serialized
            == #"{"k\"":"a\"b\\c\n\t\u003c/script\u003e\u0026\u2028\u2029\u0001é🇺🇦","n":-3,"b":true,"z":null}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(value.bytes)) as? [String: Any]
        #expect(parsed?["k\""] as? String == "a\"b\\c\n\t</script>&\u{2028}\u{2029}\u{1}é🇺🇦")
    }

    @Test func dataExportsEscapeMarkupInTimelineJS() async throws {
        let site = try FixtureSite(["Content/timeline.yaml": """
            - date: 2025-12-01
              title: "<script>alert(1)</script> & more"
            """])
        defer { site.remove() }
        try await site.build()
        let raw = try site.page("data/timelinejs.json")
        #expect(!raw.contains("<script>"))
        let events = try #require(try json(site, "data/timelinejs.json")["events"] as? [[String: Any]])
        let headlines = events.compactMap { ($0["text"] as? [String: String])?["headline"] }
        #expect(headlines.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
    }

    // MARK: - 4. Search

    @Test func searchIndexHoldsBriefingsPeopleQuotesAndEvents() async throws {
        let site = try FixtureSite(Self.developing)
        defer { site.remove() }
        try await site.build()
        let index = try json(site, "search/index.json")
        #expect(index["v"] as? Int == 2)
        let briefings = try #require(index["b"] as? [[Any]])
        #expect(briefings.map { $0[0] as? String } == ["developing", "moscow-meeting"])
        #expect(briefings[1][1] as? String == "Meeting in Moscow")
        #expect(briefings[1][2] as? String == "3 December 2025")
        #expect(briefings[1][3] as? String == "Envoys met the president.")
        let people = try #require(index["p"] as? [[Any]])
        #expect(people.map { $0[0] as? String } == ["steve-witkoff", "vladimir-putin"])
        #expect(people[1][2] as? String == "Russian President")
        let quotes = try #require(index["q"] as? [[Any]])
        #expect(quotes.count == 1)
        #expect(quotes[0][0] as? String == "So far no compromise option has been found.")
        #expect(quotes[0][1] as? Int == 1 && quotes[0][2] as? Int == 1)  // Putin, in the Moscow briefing
        let events = try #require(index["e"] as? [[Any]])
        #expect(events.count == 1)
        #expect(events[0][0] as? String == "timeline/#e-2025-12-02-witkoff-meets-putin")
        #expect(events[0][1] as? String == "Witkoff meets Putin")
        #expect(events[0][3] as? String == "Moscow")
        #expect(events[0][4] as? Int == 1)
        #expect(events[0][5] as? [Int] == [0, 1])
    }

    @Test func searchPageIsAccessibleAndReadsWithoutScript() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build()
        let page = try site.page("search/index.html")
        #expect(page.contains("<title>Search · Test Briefing</title>"))
        #expect(page.contains("<script src=\"../assets/search.js\" defer></script>"))
        #expect(page.contains("<form class=\"search-form\" role=\"search\" action=\"./\" method=\"get\" data-search-index=\"../search/index.json\""))
        #expect(page.contains("<label for=\"search-q\">"))
        #expect(page.contains("<input type=\"search\" id=\"search-q\" name=\"q\""))
        #expect(page.contains("aria-live=\"polite\""))
        #expect(page.contains("<noscript>"))
        #expect(page.visibleText.contains("1 briefing, 2 people, 1 quote and 1 event."))
        // The home page's form sends a plain GET to the search page.
        let home = try site.page("index.html")
        #expect(home.contains("<form class=\"search-form home-search\" role=\"search\" action=\"./search/\" method=\"get\">"))
        #expect(home.contains("<label for=\"home-search-q\">"))
        let script = try Data(contentsOf: URL(fileURLWithPath: site.output + "/assets/search.js"))
        #expect(script.count < 5 * 1024, "search.js stays small")
    }

    @Test func siteWithoutASearchTemplateHasNoSearchPage() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.root + "/Templates/search.mustache")
        try await site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output + "/search/index.html"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/search/index.json"))
    }

    /// Runs `assets/search.js` under node against a built index (skipped where node is missing).
    @Test func searchScriptFindsWhatAReaderTypes() async throws {
        let node = ["/usr/bin/node", "/usr/local/bin/node"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let node else { return }
        let site = try FixtureSite(Self.developing)
        defer { site.remove() }
        try await site.build()
        let program = """
            const s = require(process.argv[1] + "/assets/search.js");
            const items = s.expand(require(process.argv[1] + "/search/index.json"));
            const show = q => s.search(items, q).map(i => i.k + ": " + i.t + " -> " + i.u);
            console.log(JSON.stringify([show("putin"), show("PÚTIN compromise"), show("talks go on"), show("zzz")]));
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments = ["-e", program, site.output]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let results = try #require(try JSONSerialization.jsonObject(with: data) as? [[String]])
        #expect(results[0].first == "Person: Vladimir Putin -> people/vladimir-putin/")
        #expect(results[0].contains("Event: Witkoff meets Putin -> timeline/#e-2025-12-02-witkoff-meets-putin"))
        #expect(results[0].contains("Quote: “So far no compromise option has been found.” -> briefings/moscow-meeting/"))
        #expect(results[1] == ["Quote: “So far no compromise option has been found.” -> briefings/moscow-meeting/"])
        #expect(results[2].isEmpty, "every word must match")
        #expect(results[3].isEmpty)
    }

    // MARK: - 5. Drawn timeline

    /// The first `<svg …>…</svg>` element of a page.
    static func svg(in page: String) throws -> String {
        let start = try #require(page.range(of: "<svg"))
        let end = try #require(page.range(of: "</svg>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    @Test func timelinePageDrawsEventsAtTheirPrecisionWithATextAlternative() async throws {
        let site = try FixtureSite(Self.calendarEvents)
        defer { site.remove() }
        try await site.build()
        let svg = try Self.svg(in: site.page("timeline/index.html"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"timeline-drawing-title timeline-drawing-desc\""))
        #expect(svg.contains("<title id=\"timeline-drawing-title\">Timeline: 5 events from 2022 to 31 December 2025</title>"))
        let desc = try #require(svg.range(of: "<desc id=\"timeline-drawing-desc\">").map { svg[$0.upperBound...] })
        #expect(desc.hasPrefix("Events along a time axis, oldest on the left: 3 known to the day or the minute, drawn as dots; "
            + "1 known only to the month, drawn as bars spanning their month; 1 known only to the year"))
        #expect(svg.contains("viewBox=\"0 0 560 "))
        #expect(svg.contains("width=\"100%\""))
        #expect(svg.contains("fill=\"currentColor\""))
        #expect(!svg.contains("#"), "no fixed colours: the drawing follows the text colour, dark mode included")
        // A dot per day or instant, a bar per month or year, each with a tooltip.
        #expect(svg.components(separatedBy: "<circle class=\"tl-mark").count - 1 == 3)
        #expect(svg.components(separatedBy: "<rect class=\"tl-mark tl-month").count - 1 == 1)
        #expect(svg.components(separatedBy: "<rect class=\"tl-mark tl-year").count - 1 == 1)
        #expect(svg.contains("<title>December 2025: Month event</title>"))
        #expect(svg.contains("<text") && svg.contains(">2025</text>"))
    }

    @Test func expectedEventsAreDrawnHollowWithTheirTitles() {
        let zone = TimeZone(identifier: "UTC")!
        let marks = [("2025-03-10", true), ("2025-04", true), ("2025-05-01T10:00Z", false), ("2025", false)].map {
            TimelineSVG.Mark(date: PartialDate(parsing: $0.0, timeZone: zone)!, title: "Talks <A & B>", expected: $0.1)
        }
        let svg = TimelineSVG(zone: zone).render(marks, subject: "T")!
        let hollow = "fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\""
        #expect(svg.contains("<circle class=\"tl-mark tl-day tl-expected\" cx=\""))
        #expect(svg.contains("r=\"4.5\" \(hollow)><title>10 March 2025: Talks &lt;A &amp; B&gt; (expected)</title></circle>"))
        #expect(svg.contains("<rect class=\"tl-mark tl-month tl-expected\" x=\""))
        #expect(svg.contains("height=\"8\" rx=\"2\" \(hollow)><title>April 2025: Talks &lt;A &amp; B&gt; (expected)</title></rect>"))
        #expect(svg.contains("<circle class=\"tl-mark tl-time\" cx=\""))
        #expect(svg.contains("r=\"4.5\"><title>1 May 2025, 10:00 UTC: Talks &lt;A &amp; B&gt;</title></circle>"))
        #expect(svg.contains("height=\"8\" rx=\"2\" fill-opacity=\"0.35\"><title>2025: Talks &lt;A &amp; B&gt;</title></rect>"))
    }

    @Test func monthBarSpansItsMonth() {
        let zone = TimeZone(identifier: "UTC")!
        let drawing = TimelineSVG(zone: zone)
        let marks = ["2025-01-01", "2025-06", "2025-12-31"].map {
            TimelineSVG.Mark(date: PartialDate(parsing: $0, timeZone: zone)!, title: $0, expected: false)
        }
        let svg = drawing.render(marks, subject: "T")!
        func number(after key: String, in text: Substring) -> Double? {
            guard let r = text.range(of: key + "=\"") else { return nil }
            return Double(text[r.upperBound...].prefix { $0 != "\"" })
        }
        let bar = try! #require(svg.range(of: "tl-month").map { svg[$0.upperBound...] })
        let first = try! #require(svg.range(of: "<circle").map { svg[$0.upperBound...] })
        let last = try! #require(svg.range(of: "<circle", options: .backwards).map { svg[$0.upperBound...] })
        let x0 = number(after: "x", in: bar)!, w = number(after: "width", in: bar)!
        let a = number(after: "cx", in: first)!, b = number(after: "cx", in: last)!
        // June is 30 of the year's 364 days between the two dots, starting 151 days in.
        #expect(abs(w - (b - a) * 30 / 364) < 0.5)
        #expect(abs(x0 - (a + (b - a) * 151 / 364)) < 0.5)
    }

    @Test func personPageHasASmallDrawingOfTheirEvents() async throws {
        let site = try FixtureSite(Self.calendarEvents)
        defer { site.remove() }
        try await site.build()
        let svg = try Self.svg(in: site.page("people/vladimir-putin/index.html"))
        #expect(svg.contains("<title id=\"timeline-drawing-title\">Events with Vladimir Putin: 3 events"))
        #expect(svg.contains("viewBox=\"0 0 400 "))
        #expect(svg.components(separatedBy: "class=\"tl-mark").count - 1 == 3)
        // Someone with no events gets no drawing.
        let fixture = try FixtureSite()
        defer { fixture.remove() }
        try fixture.write("---\nname: Nobody\n---\n", to: "Content/people/nobody.md")
        try await fixture.build()
        #expect(!(try fixture.page("people/nobody/index.html")).contains("<svg class=\"timeline-svg\""))
    }

    @Test func manyEventsBecomeAHistogramOfBoundedSize() {
        let zone = TimeZone(identifier: "UTC")!
        var marks: [TimelineSVG.Mark] = []
        for i in 0..<10_000 {
            let text = String(format: "%04d-%02d-%02d", 2000 + i % 25, 1 + i % 12, 1 + i % 28)
            marks.append(TimelineSVG.Mark(date: PartialDate(parsing: text, timeZone: zone)!, title: "Event \(i)", expected: false))
        }
        for year in 1990..<2000 { marks.append(.init(date: PartialDate(parsing: "\(year)", timeZone: zone)!, title: "Y", expected: false)) }
        let svg = TimelineSVG(zone: zone).render(marks, subject: "Timeline")!
        #expect(svg.utf8.count < 100_000)
        #expect(!svg.contains("<circle"))
        #expect(svg.contains("10010 events, too many to draw one by one: each bar shows how many events fall in its month"))
        #expect(svg.contains("A band below spans each year with events known only to the year (10 in all)."))
        #expect(svg.contains("class=\"tl-bin\""))
    }

    // MARK: - 6. Newsroom checks

    static let checks: [String: String?] = [
        "Content/briefings/checks.md": """
            ---
            title: "Checks"
            date: 2025-12-05
            people: [steve-witkoff]
            sources:
              - id: ap
                title: "AP"
            quotes:
              - person: steve-witkoff
                text: "Sourced."
                source: ap
              - person: steve-witkoff
                text: "Unsourced."
            events:
              - date: 2030-01-02
                title: "Far future talks"
              - date: 2030-02
                title: "Planned summit"
                expected: true
              - date: 2020-01-01
                title: "Past event"
            ---
            Text with an image ![](media/a.png) and one with alt ![A map](media/b.png).

            ![ ](media/c.png)
            """,
        "Content/people/nobody.md": """
            ---
            name: Nobody Named
            ---
            Not in any briefing.
            """,
        "Content/media/a.png": "PNG", "Content/media/b.png": "PNG", "Content/media/c.png": "PNG",
    ]

    /// 29 November 2026, 12:00 UTC: after every date in the fixtures but the 2030 events.
    static let now = Date(timeIntervalSince1970: 1_795_953_600)

    @Test func checkWarnsAboutWhatAnEditorShouldFix() async throws {
        let site = try FixtureSite(Self.checks)
        defer { site.remove() }
        let report = try await SiteBuilder(siteRoot: site.root).check(now: Self.now)
        #expect(report.warnings.map(\.description) == [
            "Content/briefings/checks.md:13:11: warning: quote by 'steve-witkoff' has no source\n"
                + "    hint: cite one of the briefing's sources: source: <id>",
            "Content/briefings/checks.md:15:11: warning: event 'Far future talks' is dated 2030-01-02, after today "
                + "(2026-11-29), but not marked expected\n"
                + "    hint: add 'expected: true' if it is announced but has not happened, or correct the date",
            "Content/briefings/checks.md:23:20: warning: image 'media/a.png' has no alt text\n"
                + "    hint: describe it for readers who cannot see it: ![what it shows](media/a.png)",
            "Content/briefings/checks.md:25:1: warning: image 'media/c.png' has no alt text\n"
                + "    hint: describe it for readers who cannot see it: ![what it shows](media/c.png)",
            "Content/briefings/moscow-meeting.md:8:11: warning: quote by 'vladimir-putin' has no source\n"
                + "    hint: add the source under 'sources:' with an 'id', and cite it: source: <id>",
            "Content/people/nobody.md:1:1: warning: person 'nobody' is not named by any briefing, quote or event\n"
                + "    hint: list them in a briefing's 'people:', or remove the file",
        ])
    }

    @Test func strictCheckTurnsWarningsIntoErrors() async throws {
        let site = try FixtureSite(Self.checks)
        defer { site.remove() }
        let diagnostics: [Diagnostic]
        do {
            _ = try await SiteBuilder(siteRoot: site.root).check(now: Self.now, strict: true)
            diagnostics = []
        } catch {
            diagnostics = error.diagnostics
        }
        #expect(diagnostics.count == 6)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics.first?.description.hasPrefix("Content/briefings/checks.md:13:11: error: quote by") == true)
    }

    @Test func strictCheckPassesASiteWithNothingToWarnAbout() async throws {
        let clean = try FixtureSite(["Content/briefings/moscow-meeting.md": """
            ---
            title: "Meeting in Moscow"
            date: 2025-12-03
            people: [steve-witkoff, vladimir-putin]
            ---
            Body.
            """])
        defer { clean.remove() }
        let report = try await SiteBuilder(siteRoot: clean.root).check(now: Self.now, strict: true)
        #expect(report.warnings.isEmpty)
    }

    @Test func buildNeitherWarnsNorReadsTheClock() async throws {
        let site = try FixtureSite(Self.checks)
        defer { site.remove() }
        let report = try await site.build()
        #expect(report.warnings.isEmpty, "newsroom warnings are for check, not build")
        #expect(try site.page("timeline/index.html").contains("Far future talks"))
        // Without a clock, check cannot call anything future.
        let unclocked = try await SiteBuilder(siteRoot: site.root).check()
        #expect(!unclocked.warnings.contains { $0.message.contains("after today") })
        #expect(unclocked.warnings.count == 5)
    }

    @Test func personNamedOnlyInProseOrAnEventCounts() async throws {
        let site = try FixtureSite([
            "Content/people/linked.md": "---\nname: Linked\n---\n",
            "Content/people/at-event.md": "---\nname: At Event\n---\n",
            "Content/timeline.yaml": "- date: 2025-01-01\n  title: \"E\"\n  people: [at-event]\n",
            "Content/briefings/moscow-meeting.md": """
                ---
                title: "Meeting in Moscow"
                date: 2025-12-03
                people: [steve-witkoff, vladimir-putin]
                ---
                See [Linked](person:linked).
                """,
        ])
        defer { site.remove() }
        let report = try await SiteBuilder(siteRoot: site.root).check(now: Self.now)
        #expect(report.warnings.isEmpty)
    }

    // MARK: - Helpers

    /// The lines of an iCalendar file, each without its CRLF; fails on a bare LF or CR.
    static func physicalLines(_ bytes: [UInt8]) throws -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                try #require(i + 1 < bytes.count && bytes[i + 1] == 0x0A, "a CR without LF")
                lines.append(current)
                current = []
                i += 2
                continue
            }
            try #require(bytes[i] != 0x0A, "a line ends with LF alone")
            current.append(bytes[i])
            i += 1
        }
        try #require(current.isEmpty, "the last line has no CRLF")
        return lines
    }

    /// Content lines: continuation lines (starting with a space) joined to the line before.
    static func unfold(_ lines: [[UInt8]]) -> [String] {
        var out: [[UInt8]] = []
        for line in lines {
            if line.first == 0x20, !out.isEmpty { out[out.count - 1] += line.dropFirst() } else { out.append(line) }
        }
        return out.map { String(decoding: $0, as: UTF8.self) }
    }

    /// The content lines of the VEVENT holding `line`.
    static func event(containing line: String, in content: [String]) -> [String] {
        var current: [String] = []
        for item in content {
            if item == "BEGIN:VEVENT" { current = [] }
            current.append(item)
            if item == "END:VEVENT", current.contains(line) { return current }
        }
        return []
    }

    /// The page's JSON-LD object.
    static func jsonLD(in page: String) throws -> [String: Any] {
        let open = "<script type=\"application/ld+json\">"
        let start = try #require(page.range(of: open))
        let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
        let data = Data(page[start.upperBound..<end.lowerBound].utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
