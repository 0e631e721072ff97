import Foundation
import Testing
@testable import BriefingCore

/// Readers at scale: lists in pages, a timeline by year and month, people by letter, a sitemap
/// within the protocol's limits; and small sites as simple as ever.
@Suite struct ScaleTests {
    static let budget = 300 * 1024

    /// A site past every page's budget: 130 briefings in one topic, 620 people, 230 events in
    /// 2024 (some known only to the year or the month), a few in 2023, and 200 in 2022 that name
    /// the same briefing.
    static func largeSite() -> [String: String?] {
        var files: [String: String?] = ["Content/briefings/moscow-meeting.md": nil, "Content/people/steve-witkoff.md": nil,
                                        "Content/people/vladimir-putin.md": nil]
        let names = ["Abara", "Bianchi", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Hoang", "Ivanova", "Jensen",
                     "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Olsen", "Петренко", "Quinn", "Rossi", "Sato", "Tanaka"]
        for p in 0..<620 {
            let name = "\(names[p % names.count]) \(p)"
            files["Content/people/person-\(p).md"] = "---\nname: \"\(name)\"\nrole: \"Envoy\"\n---\nBio of \(name).\n"
        }
        for b in 0..<130 {
            let day = 1 + b % 28, month = 1 + b % 12
            files["Content/briefings/briefing-\(b).md"] = """
                ---
                title: "Briefing number \(b)"
                date: 2024-\(String(format: "%02d", month))-\(String(format: "%02d", day))T\(String(format: "%02d", b % 24)):00:00Z
                people: [person-\(b), person-\(b + 1), person-0]
                topics: [talks]
                quotes:
                  - person: person-\(b)
                    text: "Words of briefing \(b)."
                events:
                  - id: event-\(b)
                    date: 2024-\(String(format: "%02d", month))-\(String(format: "%02d", day))
                    title: "Event of briefing \(b)"
                    people: [person-\(b), person-0]
                ---
                See [the event of the first briefing](event:event-0) and [person](person:person-\(b + 2)).
                """
        }
        var timeline = ""
        for e in 0..<100 {
            let date = e % 10 == 0 ? "2024" : e % 10 == 1 ? "2024-\(String(format: "%02d", 1 + e % 12))" : "2024-\(String(format: "%02d", 1 + e % 12))-\(String(format: "%02d", 1 + e % 28))"
            timeline += "- date: \(date)\n  title: \"Timeline event \(e)\"\n  summary: \"With [a person](person:person-\(e)).\"\n"
        }
        for e in 0..<5 { timeline += "- date: 2023-0\(e + 1)-10\n  title: \"Earlier event \(e)\"\n" }
        // More events naming one briefing than a page lists.
        for e in 0..<200 {
            timeline += "- date: 2022-\(String(format: "%02d", 1 + e % 12))-\(String(format: "%02d", 1 + e % 28))\n"
                + "  title: \"Background \(e)\"\n  briefing: briefing-0\n"
        }
        files["Content/timeline.yaml"] = timeline
        return files
    }

    /// The values of every `name="…"` attribute in `page` (a plain scan: Swift's Regex is slow on
    /// hundreds of large pages).
    static func attributes(_ name: String, in page: String) -> [String] {
        var values: [String] = []
        let bytes = Array(page.utf8), marker = Array(" \(name)=\"".utf8)
        var i = 0
        while i + marker.count <= bytes.count {
            if bytes[i] == marker[0], Array(bytes[i..<i + marker.count]) == marker {
                let start = i + marker.count
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                values.append(String(decoding: bytes[start..<end], as: UTF8.self))
                i = end
            }
            i += 1
        }
        return values
    }

    /// Every page reachable from the home page by following links, with the ids each holds.
    static func crawl(_ output: String) throws -> [String: Set<String>] {
        var seen: [String: Set<String>] = [:]
        var queue = ["index.html"]
        while let path = queue.popLast() {
            guard seen[path] == nil, let page = try? String(contentsOfFile: output + "/" + path, encoding: .utf8) else { continue }
            seen[path] = Set(attributes("id", in: page))
            let folder = path.split(separator: "/").dropLast().joined(separator: "/")
            for href in attributes("href", in: page) {
                let target = String(href.prefix { $0 != "#" })
                guard !target.isEmpty, !target.hasPrefix("/"), !target.contains(":") else { continue }
                // `..` folded by hand: NSString's standardizingPath looks for symlinks, throwing (and
                // capturing a backtrace) at every step.
                var parts: [Substring] = folder.isEmpty ? [] : folder.split(separator: "/")
                for part in target.split(separator: "/") {
                    if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
                }
                var resolved = parts.joined(separator: "/")
                if resolved.isEmpty { resolved = "index.html" } else if target.hasSuffix("/") { resolved += "/index.html" }
                if resolved.hasSuffix(".html"), seen[resolved] == nil { queue.append(resolved) }
            }
        }
        return seen
    }

    @Test func aLargeSiteKeepsEveryPageWithinTheBudgetAndEverythingReachable() async throws {
        let site = try FixtureSite(Self.largeSite())
        defer { site.remove() }
        try await site.build()
        let fm = FileManager.default
        let pages = try fm.subpathsOfDirectory(atPath: site.output).filter { $0.hasSuffix(".html") }
        for page in pages {
            let size = (try fm.attributesOfItem(atPath: site.output + "/" + page)[.size] as? Int) ?? 0
            #expect(size < Self.budget, "\(page) is \(size / 1024) KB")
        }
        // A briefing, and the topic page that lists it, show the latest of its 201 events.
        let crowded = try site.page("briefings/briefing-0/index.html")
        #expect(crowded.components(separatedBy: "<article class=\"event\"").count - 1 == TimelineLayout.budget)
        #expect(crowded.contains("Only the latest of its 201 events are listed here."))
        #expect(crowded.contains("Background 199") && !crowded.contains("Background 0<"))
        // A topic's first page shows the latest of all its briefings' events and their newest
        // quotes; later pages list briefings only.
        let topicFront = try site.page("topics/talks/index.html")
        #expect(topicFront.components(separatedBy: "<article class=\"event\"").count - 1 == TopicFront.eventLimit)
        #expect(topicFront.contains("The latest of 330 events;"))
        #expect(topicFront.components(separatedBy: "<figure class=\"quote\"").count - 1 == TopicFront.quoteLimit)
        #expect(topicFront.contains("Words of briefing 83.") && topicFront.contains("The newest of 130 quotes;"))
        let topicPage = try site.page("topics/talks/page/3/index.html")
        #expect(topicPage.contains("class=\"briefing-item\""))
        #expect(!topicPage.contains("<article class=\"event\"") && !topicPage.contains("<figure class=\"quote\""))
        // Lists in pages, with their navigation.
        #expect(fm.fileExists(atPath: site.output + "/briefings/page/3/index.html"))
        #expect(!fm.fileExists(atPath: site.output + "/briefings/page/4/index.html"))
        let second = try site.page("briefings/page/2/index.html")
        #expect(second.contains("<title>Briefings, page 2 of 3 · Test Briefing</title>"))
        #expect(second.contains("<link rel=\"prev\" href=\"../../../briefings/\">") && second.contains("<link rel=\"next\" href=\"../../../briefings/page/3/\">"))
        #expect(fm.fileExists(atPath: site.output + "/topics/talks/page/3/index.html"))
        // The timeline by year and month, people by letter.
        #expect(try site.page("timeline/index.html").contains("href=\"../timeline/2024/\""))
        #expect(fm.fileExists(atPath: site.output + "/timeline/2023/index.html"))
        #expect(fm.fileExists(atPath: site.output + "/timeline/2024/03/index.html"))
        #expect(try site.page("timeline/2024/index.html").contains("During 2024"))
        #expect(fm.fileExists(atPath: site.output + "/people/letter/p/index.html"), "Петренко files under P")
        #expect(fm.fileExists(atPath: site.output + "/people/letter/a/index.html"))
        // Every briefing, person and event is reached by following links from the home page.
        let reached = try Self.crawl(site.output)
        for b in 0..<130 { #expect(reached["briefings/briefing-\(b)/index.html"] != nil, "briefing \(b) unreachable") }
        for p in stride(from: 0, to: 620, by: 37) { #expect(reached["people/person-\(p)/index.html"] != nil, "person \(p) unreachable") }
        let ids = reached.values.reduce(into: Set<String>()) { $0.formUnion($1) }
        for b in 0..<130 { #expect(ids.contains("event-event-\(b)"), "event \(b) is on no reachable page") }
        // A link to an event lands on the page and anchor that hold it.
        let body = try site.page("briefings/briefing-5/index.html")
        let link = try #require(body.firstMatch(of: /href="\.\.\/\.\.\/(timeline\/[^"#]*)#(event-event-0)"/))
        #expect(reached[String(link.1) + "index.html"]?.contains(String(link.2)) == true, "\(link.0)")
        let data = try #require(try JSONSerialization.jsonObject(with: Data(site.page("data/timeline.json").utf8)) as? [String: Any])
        for event in try #require(data["events"] as? [[String: Any]]) {
            let url = try #require(event["url"] as? String).replacingOccurrences(of: "https://example.org/news/", with: "")
            let parts = url.split(separator: "#")
            #expect(reached[String(parts[0]) + "index.html"]?.contains(String(parts[1])) == true, "\(url)")
        }
        // A person in every briefing: a screenful on their page, the rest on pages of their own.
        let person = try site.page("people/person-0/index.html")
        #expect(person.components(separatedBy: "class=\"briefing-item\"").count - 1 == PersonCountsView.briefingLimit)
        #expect(person.contains("<a href=\"../../people/person-0/briefings/\">All 130 briefings</a>"))
        #expect(person.contains("<a href=\"../../people/person-0/events/\">All 130 events</a>"))
        #expect(reached["people/person-0/briefings/page/3/index.html"] != nil)
        #expect(reached["people/person-0/events/index.html"]?.contains("event-event-129") == true)
        // The sitemap lists the pages of lists too.
        let sitemap = try site.page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/news/briefings/page/2/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/news/timeline/2024/03/</loc>"))
    }

    @Test func smallSitesKeepOnePageOfEach() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build()
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: site.output + "/briefings/page"))
        #expect(!fm.fileExists(atPath: site.output + "/timeline/2025"))
        #expect(!fm.fileExists(atPath: site.output + "/people/letter"))
        for page in ["briefings/index.html", "timeline/index.html", "people/index.html"] {
            let text = try site.page(page)
            #expect(!text.contains("class=\"pagination\"") && !text.contains("page 1 of"), "\(page)")
        }
        #expect(try site.page("timeline/index.html").contains("Witkoff meets Putin"))
    }

    /// The protocol's limits: 50,000 URLs and 50 MB a file; past them, parts and an index.
    @Test func sitemapsPastTheProtocolsLimitsAreSplitAndIndexed() throws {
        let entries = (0..<50_001).map { SitemapPlan.Entry(path: "people/p\($0)/", lastmod: nil) }
        let plan = SitemapPlan(entries: entries)
        #expect(plan.parts == [0..<50_000, 50_000..<50_001])
        let index = String(decoding: plan.index(baseURL: "https://example.org/"), as: UTF8.self)
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(index.contains("<loc>https://example.org/sitemap-1.xml</loc>") && index.contains("<loc>https://example.org/sitemap-2.xml</loc>"))
        // Long URLs reach the byte limit first.
        let long = (0..<3).map { SitemapPlan.Entry(path: String(repeating: "x", count: 400) + "/\($0)/", lastmod: nil) }
        #expect(SitemapPlan(entries: long, maxBytes: 1_000).parts.count == 3)
        #expect(SitemapPlan(entries: []).parts == [0..<0])
        // The bound that spares making the entries never takes more than one part for one.
        #expect(!SitemapPlan.fitsOnePart(entries.map(\.path.utf8.count)))
        #expect(SitemapPlan.fitsOnePart(entries.prefix(40_000).map(\.path.utf8.count)))
        #expect(!SitemapPlan.fitsOnePart([SitemapPlan.maxBytes / 2]))
    }

    /// Counts read as numbers in English pages do: digits in threes, the noun agreeing.
    @Test func countsAreGroupedInThreesAndAgreeWithTheirNoun() {
        #expect(Counted.text(1, "event") == "1 event")
        #expect(Counted.text(0, "event") == "0 events")
        #expect(Counted.text(999, "briefing") == "999 briefings")
        #expect(Counted.text(20_500, "event") == "20,500 events")
        #expect(Counted.text(1_234_567, "person", "people") == "1,234,567 people")
        #expect(Counted.grouped(-1_000) == "-1,000")
    }
}
