import Foundation
import Testing
@testable import BriefingCore

/// `serve` rebuilds incrementally; after any sequence of edits its files must equal a clean build.
@Suite struct IncrementalTests {
    /// A deterministic generator, so a failing sequence can be replayed from its seed.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let people = ["steve-witkoff", "vladimir-putin", "jared-kushner"]

    static func briefing(title: String, date: String, people: [String], body: String) -> String {
        """
        ---
        title: "\(title)"
        date: \(date)\(title.count % 2 == 0 ? "\nsummary: \"About \(title).\"" : "")
        people: [\(people.joined(separator: ", "))]
        topics: [\(["talks", "talks, economy", "economy"][title.count % 3])]
        quotes:
          - person: \(people.first ?? "steve-witkoff")
            text: "Words about \(title)."
        events:
          - date: \(date)
            title: "Event of \(title)"
            people: [\(people.joined(separator: ", "))]
        ---
        \(body)
        """
    }

    /// One random edit of the site; returns the site-relative paths it touched.
    static func edit(_ site: FixtureSite, _ rng: inout SeededRandom, step: Int) throws -> Set<String> {
        let fm = FileManager.default
        let briefings = try fm.contentsOfDirectory(atPath: site.root + "/Content/briefings").filter { $0.hasSuffix(".md") }.sorted()
        let pick = briefings.randomElement(using: &rng).map { "Content/briefings/" + $0 }
        switch Int.random(in: 0..<17, using: &rng) {
        case 0, 1:  // body edit, sometimes with a link
            guard let pick else { return [] }
            var text = try String(contentsOfFile: site.root + "/" + pick, encoding: .utf8)
            text += "\nMore news \(step), with [Putin](person:vladimir-putin).\n"
            // Sometimes a link to another briefing, which a later deletion or rename breaks.
            if let other = briefings.randomElement(using: &rng), step % 2 == 0 {
                text += "\nSee [another](briefing:\(other.dropLast(3))).\n"
            }
            try site.write(text, to: pick)
            return [pick]
        case 2:  // front matter edit: title and people
            guard let pick else { return [] }
            let people = Array(people.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
            try site.write(briefing(title: "Retitled \(step)", date: "2025-12-0\(Int.random(in: 1...9, using: &rng))",
                                    people: people, body: "Body \(step)."), to: pick)
            return [pick]
        case 3:  // a new briefing
            let path = "Content/briefings/added-\(step).md"
            try site.write(briefing(title: "Added \(step)", date: "2025-11-\(10 + step % 18)",
                                    people: [people.randomElement(using: &rng)!], body: "New \(step)."), to: path)
            return [path]
        case 4:  // delete a briefing (keep one)
            guard briefings.count > 1, let pick else { return [] }
            try fm.removeItem(atPath: site.root + "/" + pick)
            return [pick]
        case 5:  // rename
            guard let pick else { return [] }
            let target = "Content/briefings/renamed-\(step).md"
            try fm.moveItem(atPath: site.root + "/" + pick, toPath: site.root + "/" + target)
            return [pick, target]
        case 6:  // person edit: bio only, role, or name (kept in its place by name, or moved to the front)
            let path = "Content/people/\(people.randomElement(using: &rng)!).md"
            var text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: text += "\nMore about them \(step).\n"
            case 1: text = text.replacingOccurrences(of: "role: ", with: "role: Acting ")
            case 2: text = text.replacingOccurrences(of: "\nrole: ", with: " \(step)\nrole: ")
            default: text = text.replacingOccurrences(of: "\nname: ", with: "\nname: Aa \(step) ")
            }
            try site.write(text, to: path)
            return [path]
        case 7:  // timeline edit
            let path = "Content/timeline.yaml"
            let old = (try? String(contentsOfFile: site.root + "/" + path, encoding: .utf8)) ?? ""
            let id = step % 3 == 0 ? "" : "  id: t\(step)\n"
            try site.write(old + "- date: 2024-0\(1 + step % 9)\n\(id)  title: \"Timeline \(step)\"\n  people: [jared-kushner]\n", to: path)
            return [path]
        case 8:  // topics.yaml: a topic renamed, or the file removed
            let path = "Content/topics.yaml"
            if step % 3 == 2 {
                try? fm.removeItem(atPath: site.root + "/" + path)
            } else {
                try site.write("talks:\n  name: \"Talks \(step)\"\neconomy: \"Economy\"\n", to: path)
            }
            return [path]
        case 9:  // a template: the briefing page gains a line
            let path = "Templates/briefing.mustache"
            let text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
            try site.write(text.replacingOccurrences(of: "{{/briefing}}", with: "<p>Edit \(step)</p>{{/briefing}}"), to: path)
            return [path]
        case 10:  // site.yaml: the title, the address (or a path only: no feeds), the time zone
            let path = "Content/site.yaml"
            var lines = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8).components(separatedBy: "\n")
            func change(_ key: String, _ value: (String) -> String) {
                if let i = lines.firstIndex(where: { $0.hasPrefix(key + ": ") }) { lines[i] = key + ": " + value(String(lines[i].dropFirst(key.count + 2))) }
            }
            switch step % 4 {
            case 0: change("title") { _ in "\"Test Briefing \(step)\"" }
            case 1: change("base_url") { _ in "\"https://example.org/news-\(step)/\"" }
            case 2: change("base_url") { $0.contains("https:") ? "\"/news/\"" : "\"https://example.org/news/\"" }
            default: change("time_zone") { $0 == "America/New_York" ? "Europe/Kyiv" : "America/New_York" }
            }
            try site.write(lines.joined(separator: "\n"), to: path)
            return [path]
        case 11, 12:  // front matter words only: the title, a quote's words, an event's summary
            guard let pick else { return [] }
            var text = try String(contentsOfFile: site.root + "/" + pick, encoding: .utf8)
            // The briefing's title (the first), not its events' (their anchors come from their titles).
            if let title = text.range(of: "title: \"") { text.replaceSubrange(title, with: "title: \"Reworded \(step) ") }
            text = text.replacingOccurrences(of: "text: \"", with: "text: \"Again \(step): ")
            text = text.replacingOccurrences(of: "    people: [", with: "    summary: \"Seen by [someone](person:steve-witkoff) \(step).\"\n    people: [")
            try site.write(text, to: pick)
            return [pick]
        case 13:  // timeline.yaml's words: its events' titles (anchors of events with an id stay)
            let path = "Content/timeline.yaml"
            guard let old = try? String(contentsOfFile: site.root + "/" + path, encoding: .utf8) else { return [] }
            // Only those with an id, unless the file has none without.
            var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for i in lines.indices.dropFirst() where lines[i - 1].hasPrefix("  id: ") {
                lines[i] = lines[i].replacingOccurrences(of: "title: \"Timeline", with: "title: \"Timeline \(step)")
            }
            try site.write(lines.joined(separator: "\n"), to: path)
            return [path]
        case 14:  // the date alone: the briefing moves among the others, with the same company
            guard let pick else { return [] }
            var lines = try String(contentsOfFile: site.root + "/" + pick, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let d = lines.firstIndex(where: { $0.hasPrefix("date: ") }) else { return [] }
            lines[d] = "date: 2025-1\(Int.random(in: 0...1, using: &rng))-\(10 + step % 18)"
            try site.write(lines.joined(separator: "\n"), to: pick)
            return [pick]
        case 15:  // a person's file that nothing names added, removed or renamed
            let newcomers = try fm.contentsOfDirectory(atPath: site.root + "/Content/people").filter { $0.hasPrefix("newcomer-") }.sorted()
            if let one = newcomers.randomElement(using: &rng).map({ "Content/people/" + $0 }), Bool.random(using: &rng) {
                if Bool.random(using: &rng) {
                    try fm.removeItem(atPath: site.root + "/" + one)
                    return [one]
                }
                let target = "Content/people/newcomer-\(step)-renamed.md"
                try fm.moveItem(atPath: site.root + "/" + one, toPath: site.root + "/" + target)
                return [one, target]
            }
            let path = "Content/people/newcomer-\(step).md"
            let name = ["Zoe Adams", "Abel Zorn", "Mia Novak"][step % 3]
            try site.write("---\nname: \(name) \(step)\nrole: Observer\n---\nSeen with [Putin](person:vladimir-putin).\n", to: path)
            return [path]
        default:  // a broken edit, fixed by the next one of this kind or left for the next steps to fix
            guard let pick else { return [] }
            var text = try String(contentsOfFile: site.root + "/" + pick, encoding: .utf8)
            if text.contains("person:nobody") {
                text = text.replacingOccurrences(of: "[x](person:nobody)", with: "")
            } else {
                text += "\n[x](person:nobody)\n"
            }
            try site.write(text, to: pick)
            return [pick]
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomEditsEndInACleanBuildsFiles(seed: UInt64) async throws {
        let site = try FixtureSite(["Content/people/jared-kushner.md": "---\nname: Jared Kushner\nrole: Adviser\n---\nAdviser.\n"])
        defer { site.remove() }
        let incremental = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        guard case .updated = await incremental.rebuild() else { Issue.record("the fixture must build"); return }
        var rng = SeededRandom(state: seed)
        for step in 0..<30 {
            let touched = try Self.edit(site, &rng, step: step)
            let outcome = await incremental.rebuild(changedPaths: touched)
            let clean: [String: [UInt8]]?
            do { clean = try await SiteBuilder(siteRoot: site.root).renderInMemory().files } catch { clean = nil }
            switch outcome {
            case .updated:
                let files = await incremental.files
                #expect(clean != nil, "step \(step): serve built what a clean build refuses")
                guard let clean else { continue }
                #expect(Set(files.keys) == Set(clean.keys), "step \(step) (seed \(seed)): different files")
                for (path, bytes) in clean where files[path] != bytes {
                    let ours = String(decoding: files[path] ?? [], as: UTF8.self).split(separator: "\n")
                    let theirs = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
                    let line = (0..<min(ours.count, theirs.count)).first { ours[$0] != theirs[$0] } ?? min(ours.count, theirs.count)
                    Issue.record("""
                        step \(step) (seed \(seed)): \(path) differs from a clean build at line \(line + 1):
                        serve: \(line < ours.count ? ours[line] : "")
                        clean: \(line < theirs.count ? theirs[line] : "")
                        """)
                }
            case .failed:
                #expect(clean == nil, "step \(step): serve refused what a clean build accepts")
            }
        }
    }

    /// A body edit makes again only its page (and the generated files that carry the text): every
    /// other page made before is kept as it was, and the edited page shows the new text.
    @Test func bodyEditRendersOnlyItsPageAndGeneratedFiles() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let incremental = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        _ = await incremental.rebuild()
        let before = await incremental.files
        let path = "Content/briefings/moscow-meeting.md"
        try site.write(try String(contentsOfFile: site.root + "/" + path, encoding: .utf8) + "\nA new paragraph.\n", to: path)
        guard case .updated(let removed, _) = await incremental.rebuild(changedPaths: [path]) else {
            Issue.record("the edit must build"); return
        }
        #expect(removed.isEmpty)
        #expect(!(await incremental.isKept("briefings/moscow-meeting/index.html")))
        let kept = before.keys.filter { $0 != "briefings/moscow-meeting/index.html" && $0 != SearchIndex.path }
        for path in kept { #expect(await incremental.isKept(path), "\(path) is made again") }
        let page = String(decoding: await incremental.file("briefings/moscow-meeting/index.html") ?? [], as: UTF8.self)
        #expect(page.contains("A new paragraph."))
    }

    /// Texts rendered before are taken again only while the targets of their links are there:
    /// a new file leaves them as they were; removing the target of a link is the error a clean
    /// build reports; bringing it back mends it.
    @Test func linksFollowTheirTargetsAsFilesComeAndGo() async throws {
        let site = try FixtureSite(["Content/briefings/follow-up.md": Self.briefing(
            title: "Follow-up", date: "2025-12-05", people: ["steve-witkoff"], body: "After [the meeting](briefing:moscow-meeting).")])
        defer { site.remove() }
        let incremental = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        guard case .updated = await incremental.rebuild() else { Issue.record("the fixture must build"); return }
        _ = await incremental.files
        func matchesACleanBuild(_ step: String) async throws { try await Self.expectCleanBuild(of: site, from: incremental, step) }
        let added = "Content/briefings/added.md"
        try site.write(Self.briefing(title: "Added one", date: "2025-12-06", people: ["vladimir-putin"], body: "New."), to: added)
        guard case .updated = await incremental.rebuild(changedPaths: [added]) else { Issue.record("a new file must build"); return }
        try await matchesACleanBuild("a file added")
        // A body edit linking to the new briefing: the new file is a target at once.
        let follow = "Content/briefings/follow-up.md"
        try site.write(try String(contentsOfFile: site.root + "/" + follow, encoding: .utf8) + "\nSee [the new one](briefing:added).\n",
                       to: follow)
        guard case .updated = await incremental.rebuild(changedPaths: [follow]) else { Issue.record("a link to the new file must build"); return }
        try await matchesACleanBuild("a link to the file added")

        let target = "Content/briefings/moscow-meeting.md"
        let text = try String(contentsOfFile: site.root + "/" + target, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site.root + "/" + target)
        guard case .failed(let problems) = await incremental.rebuild(changedPaths: [target]) else {
            Issue.record("a link to a removed briefing must be an error"); return
        }
        #expect(problems.contains { $0.location.path == "Content/briefings/follow-up.md" && $0.message.contains("moscow-meeting") })

        try site.write(text, to: target)
        guard case .updated = await incremental.rebuild(changedPaths: [target]) else { Issue.record("bringing it back mends it"); return }
        try await matchesACleanBuild("the target back")
    }

    /// Expects `incremental` to serve exactly the files a clean build of `site` writes.
    static func expectCleanBuild(of site: FixtureSite, from incremental: IncrementalBuilder, _ step: String) async throws {
        let clean = try await SiteBuilder(siteRoot: site.root).renderInMemory().files
        let files = await incremental.files
        #expect(Set(files.keys) == Set(clean.keys), "\(step)")
        for (path, bytes) in clean where files[path] != bytes { Issue.record("\(step): \(path) differs from a clean build") }
    }

    /// People's files come and go in `serve` as in a clean build: one that something names
    /// cannot go (an error, mended by bringing it back), one that nothing names can.
    @Test func removedPeopleAreErrorsOnlyWhereSomethingNamesThem() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let incremental = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        guard case .updated = await incremental.rebuild() else { Issue.record("the fixture must build"); return }
        func matchesACleanBuild(_ step: String) async throws { try await Self.expectCleanBuild(of: site, from: incremental, step) }
        func rebuilds(_ changed: [String], _ step: String) async throws {
            guard case .updated = await incremental.rebuild(changedPaths: Set(changed)) else { Issue.record("\(step) must build"); return }
            try await matchesACleanBuild(step)
        }
        let newcomer = "Content/people/ada-zimmer.md", text = "---\nname: Ada Zimmer\nrole: Observer\n---\nObserver.\n"
        try site.write(text, to: newcomer)
        try await rebuilds([newcomer], "a new person")
        // Their name moves them from the end of the directory to its start.
        try site.write(text.replacingOccurrences(of: "Ada Zimmer", with: "Ada Abel"), to: newcomer)
        try await rebuilds([newcomer], "a name that moves them")
        let renamed = "Content/people/ada-abel.md"
        try FileManager.default.moveItem(atPath: site.root + "/" + newcomer, toPath: site.root + "/" + renamed)
        try await rebuilds([newcomer, renamed], "their file renamed")
        // Named by a text: removing them is an error until they are back.
        let meeting = "Content/briefings/moscow-meeting.md"
        let body = try String(contentsOfFile: site.root + "/" + meeting, encoding: .utf8)
        try site.write(body + "\nWatched by [Ada](person:ada-abel).\n", to: meeting)
        try await rebuilds([meeting], "a link to them")
        let saved = try String(contentsOfFile: site.root + "/" + renamed, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site.root + "/" + renamed)
        if case .failed(let problems) = await incremental.rebuild(changedPaths: [renamed]) {
            #expect(problems.contains { $0.location.path == meeting && $0.message.contains("ada-abel") })
        } else {
            Issue.record("removing a person a text links to must be an error")
        }
        try site.write(saved, to: renamed)
        try await rebuilds([renamed], "brought back")
        try site.write(body, to: meeting)
        try await rebuilds([meeting], "the link gone")
        try FileManager.default.removeItem(atPath: site.root + "/" + renamed)
        try await rebuilds([renamed], "a person nothing names removed")
        // Named by a briefing's people.
        let witkoff = "Content/people/steve-witkoff.md"
        let envoy = try String(contentsOfFile: site.root + "/" + witkoff, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site.root + "/" + witkoff)
        if case .updated = await incremental.rebuild(changedPaths: [witkoff]) { Issue.record("removing a person a briefing names must be an error") }
        try site.write(envoy, to: witkoff)
        try await rebuilds([witkoff], "the envoy back")
    }

    /// A briefing's file removed or renamed is taken out of the last site when nothing names it;
    /// one that a text links to (even from a body edited alone) or a timeline entry reports is
    /// the error a clean build gives, and bringing it back mends it.
    @Test func removedBriefingsAreErrorsOnlyWhereSomethingNamesThem() async throws {
        var files: [String: String?] = ["Content/timeline.yaml": "- date: 2025-11-01\n  title: \"Reported\"\n  briefing: c\n"]
        for (n, slug) in ["a", "b", "c"].enumerated() {
            files["Content/briefings/\(slug).md"] = Self.briefing(title: "Briefing \(slug)", date: "2025-12-1\(n)",
                                                                 people: ["steve-witkoff"], body: "About \(slug).")
        }
        let site = try FixtureSite(files)
        defer { site.remove() }
        let incremental = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        guard case .updated = await incremental.rebuild() else { Issue.record("the fixture must build"); return }
        func matchesACleanBuild(_ step: String) async throws { try await Self.expectCleanBuild(of: site, from: incremental, step) }
        /// Removes (or renames) briefing `slug`, which must be an error in `path`, then brings it back.
        func removing(_ slug: String, renamingTo other: String? = nil, failsIn path: String) async throws {
            let target = "Content/briefings/\(slug).md"
            let text = try String(contentsOfFile: site.root + "/" + target, encoding: .utf8)
            var changed = [target]
            if let other {
                changed.append("Content/briefings/\(other).md")
                try FileManager.default.moveItem(atPath: site.root + "/" + target, toPath: site.root + "/" + changed[1])
            } else {
                try FileManager.default.removeItem(atPath: site.root + "/" + target)
            }
            if case .failed(let problems) = await incremental.rebuild(changedPaths: Set(changed)) {
                #expect(problems.contains { $0.location.path == path && $0.message.contains(slug) }, "\(slug)")
            } else {
                Issue.record("removing or renaming \(slug), named in \(path), must be an error")
            }
            if changed.count > 1 { try FileManager.default.removeItem(atPath: site.root + "/" + changed[1]) }
            try site.write(text, to: target)
            guard case .updated = await incremental.rebuild(changedPaths: Set(changed)) else { Issue.record("bringing \(slug) back mends it"); return }
            try await matchesACleanBuild("\(slug) back")
        }
        // A link from a body edited alone.
        let meeting = "Content/briefings/moscow-meeting.md"
        try site.write(try String(contentsOfFile: site.root + "/" + meeting, encoding: .utf8) + "\nSee [a](briefing:a).\n", to: meeting)
        guard case .updated = await incremental.rebuild(changedPaths: [meeting]) else { Issue.record("the body edit must build"); return }
        try await removing("a", failsIn: meeting)
        try await removing("a", renamingTo: "a-renamed", failsIn: meeting)
        try await removing("c", failsIn: "Content/timeline.yaml")
        try await removing("c", renamingTo: "c-renamed", failsIn: "Content/timeline.yaml")

        let b = "Content/briefings/b.md"
        try FileManager.default.removeItem(atPath: site.root + "/" + b)
        guard case .updated = await incremental.rebuild(changedPaths: [b]) else { Issue.record("removing b must build"); return }
        try await matchesACleanBuild("b removed")
        let renamed = "Content/briefings/the-meeting.md"
        try FileManager.default.moveItem(atPath: site.root + "/" + meeting, toPath: site.root + "/" + renamed)
        guard case .updated = await incremental.rebuild(changedPaths: [meeting, renamed]) else { Issue.record("a rename must build"); return }
        try await matchesACleanBuild("a file renamed")
    }

    /// Any other edit makes every page again, but only when it is asked for: a page asked for
    /// shows the edit at once, and nothing else is made until asked for.
    @Test func frontMatterEditMakesPagesWhenAskedFor() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let incremental = IncrementalBuilder(siteRoot: site.root, options: BuildOptions())
        _ = await incremental.rebuild()
        _ = await incremental.files
        let path = "Content/briefings/moscow-meeting.md"
        let text = try String(contentsOfFile: site.root + "/" + path, encoding: .utf8)
        try site.write(text.replacingOccurrences(of: "title: ", with: "title: Retitled "), to: path)
        guard case .updated = await incremental.rebuild(changedPaths: [path]) else { Issue.record("the edit must build"); return }
        #expect(!(await incremental.isKept("index.html")))
        let home = String(decoding: await incremental.file("index.html") ?? [], as: UTF8.self)
        #expect(home.contains("Retitled"))
        #expect(await incremental.isKept("index.html"))
        #expect(!(await incremental.isKept("briefings/index.html")))
        #expect(await incremental.file("no/such/page.html") == nil)
    }
}
