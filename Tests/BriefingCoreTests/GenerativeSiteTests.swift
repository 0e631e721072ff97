import Foundation
import Testing
@testable import BriefingCore

/// Random valid sites (`SiteGenerator`) build with no error into pages that parse; random damage
/// to them (`SiteMutator`) ends in a site or in located errors, never in a crash. Every site is
/// built in memory (`InMemorySite`) with the repository's templates, compiled once.
///
/// The run prints its seed; `BRIEFING_SEED=<seed>` replays it, `BRIEFING_SITES=<n>` sets how many
/// sites (300 by default; each brings two mutants). A site that fails is written to a temporary
/// folder, named in the failure, so that `briefing build --site <folder>` shows it.
@Suite struct GenerativeSiteTests {
    static let seed: UInt64 = {
        if let text = ProcessInfo.processInfo.environment["BRIEFING_SEED"], let seed = UInt64(text) { return seed }
        return UInt64.random(in: 0...UInt64(UInt32.max))
    }()

    static let siteCount = ProcessInfo.processInfo.environment["BRIEFING_SITES"].flatMap { Int($0) } ?? 300
    static let mutantsPerSite = 2

    /// The repository's templates and assets, as a site in memory, and compiled.
    static let base: (site: InMemorySite, templates: TemplateSet) = {
        let site = InMemorySite(InMemorySiteTests.read(FixtureSite.repository, folders: ["Templates"])
            .filter { !$0.key.hasPrefix("Templates/screenshots/") })
        return (site, try! TemplateSet.load(from: site))
    }()

    /// The seed of site `index` of a run: every site can be made again on its own.
    static func siteSeed(_ index: Int) -> UInt64 {
        var mix = SplitMix64(state: seed ^ (UInt64(index) &* 0xD6E8_FEB8_6659_FD93))
        return mix.next()
    }

    /// Writes `files` (and the templates) to a temporary folder for a reader to build by hand.
    static func keep(_ files: [String: [UInt8]?], label: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-generative-\(seed)-\(label)").path
        try? FileManager.default.removeItem(atPath: folder)
        for (path, bytes) in files {
            guard let bytes else { continue }
            let url = URL(fileURLWithPath: folder + "/" + path)
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(bytes).write(to: url)
        }
        try? FileManager.default.copyItem(atPath: FixtureSite.repository + "/Templates", toPath: folder + "/Templates")
        return folder
    }

    /// Problems of a built site: files that do not parse, pages that should be there and are not.
    static func pageProblems(_ files: [String: [UInt8]], site: SiteGenerator.Site) -> [String] {
        var problems: [String] = []
        for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
            if site.unsafeHTML && path.hasSuffix(".html") { continue }
            problems += WellFormed.problems(path: path, bytes: bytes)
        }
        var expected = ["index.html", "briefings/index.html", "timeline/index.html", "people/index.html", "404.html",
                        "robots.txt", "search/index.html", "search/index.json", "data/briefings.json"]
        // A feed and a sitemap need a base URL that is an address; robots.txt names the sitemap exactly then.
        let hasAddress = files["robots.txt"].map { String(decoding: $0, as: UTF8.self).contains("Sitemap: http") } ?? false
        if hasAddress {
            expected += ["feed.xml", "sitemap.xml"]
        } else {
            for path in ["feed.xml", "sitemap.xml"] where files[path] != nil { problems.append("\(path): written without a base URL that is an address") }
        }
        expected += site.built.map { "briefings/\($0)/index.html" } + site.people.map { "people/\($0)/index.html" }
        for path in expected where files[path] == nil { problems.append("\(path): missing") }
        for slug in site.drafts where !site.options.includeDrafts && files["briefings/\(slug)/index.html"] != nil {
            problems.append("draft \(slug) was built")
        }
        if site.built.isEmpty, let home = files["index.html"],
           !String(decoding: home, as: UTF8.self).contains("No briefings have been published yet.") {
            problems.append("index.html: a site without briefings does not say so")
        }
        return problems
    }

    @Test func randomValidSitesBuildAndTheirMutantsEndInSitesOrLocatedErrors() async throws {
        print("GenerativeSiteTests: seed \(Self.seed), \(Self.siteCount) sites "
            + "(replay: BRIEFING_SEED=\(Self.seed) swift test --filter GenerativeSiteTests)")
        let (base, templates) = Self.base
        let clock = ContinuousClock()
        let start = clock.now
        var builds = 0, mutantsBuilt = 0, mutantsFailed = 0
        var shapes: [String: Int] = [:]
        for index in 0..<Self.siteCount {
            var generator = SiteGenerator(seed: Self.siteSeed(index))
            // The first sites take each shape once, in order.
            let all = SiteGenerator.Shape.allCases
            let site = generator.site(shape: index < all.count ? all[index] : nil)
            shapes[site.shape.rawValue, default: 0] += 1
            let label = "site \(index) (\(site.shape.rawValue)) of seed \(Self.seed)"
            let memory = base.replacing(site.files)
            builds += 1
            do {
                let (files, warnings) = try await SiteBuilder(site: memory, options: site.options, templates: templates).renderInMemory()
                for problem in Self.pageProblems(files, site: site) + SiteMutator.locationProblems(warnings, site: memory) {
                    Issue.record("\(label): \(problem)\n  the site: \(Self.keep(site.files, label: "\(index)"))")
                }
                // The same input gives the same bytes.
                if index % 10 == 0 {
                    builds += 1
                    let again = try await SiteBuilder(site: memory, options: site.options, templates: templates).renderInMemory().files
                    if again != files { Issue.record("\(label): a second build differs\n  the site: \(Self.keep(site.files, label: "\(index)"))") }
                }
            } catch {
                Issue.record("""
                    \(label): a valid site failed to build:
                    \(error.diagnostics.prefix(10).map(\.description).joined(separator: "\n"))
                      the site: \(Self.keep(site.files, label: "\(index)"))
                    """)
                continue
            }

            var mutator = SiteMutator(seed: Self.siteSeed(index) ^ 0x5EED)
            for m in 0..<Self.mutantsPerSite {
                let (changes, what) = mutator.mutate(site.files)
                let mutant = memory.replacing(changes)
                var files = site.files
                for (path, bytes) in changes { files[path] = bytes }
                let mutantLabel = "\(label), mutant \(m) (\(what))"
                builds += 1
                let diagnostics: [Diagnostic]
                do {
                    let (output, warnings) = try await SiteBuilder(site: mutant, options: site.options, templates: templates).renderInMemory()
                    mutantsBuilt += 1
                    diagnostics = warnings
                    // Still a site: its pages parse (raw HTML, when allowed, is the editor's).
                    let config = String(decoding: files["Content/site.yaml"] ?? [], as: UTF8.self)
                    if !site.unsafeHTML && !config.contains("unsafe_html") {
                        for (path, bytes) in output {
                            for problem in WellFormed.problems(path: path, bytes: bytes) {
                                Issue.record("\(mutantLabel): \(problem)\n  the site: \(Self.keep(files, label: "\(index)-\(m)"))")
                            }
                        }
                    }
                } catch {
                    mutantsFailed += 1
                    diagnostics = error.diagnostics
                    if !diagnostics.contains(where: { $0.severity == .error }) {
                        Issue.record("\(mutantLabel): failed without an error\n  the site: \(Self.keep(files, label: "\(index)-\(m)"))")
                    }
                }
                for problem in SiteMutator.locationProblems(diagnostics, site: mutant) {
                    Issue.record("\(mutantLabel): \(problem)\n  the site: \(Self.keep(files, label: "\(index)-\(m)"))")
                }
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("GenerativeSiteTests: \(Self.siteCount) sites and \(Self.siteCount * Self.mutantsPerSite) mutants "
            + "(\(mutantsBuilt) built, \(mutantsFailed) refused with located errors) in \(String(format: "%.1f", seconds)) s, "
            + "\(Int(Double(builds) / seconds)) builds a second; shapes \(shapes.sorted { $0.key < $1.key })")
    }
}

extension GenerativeSiteTests {
    /// Found by the run above: libyaml puts an error at the end of a file without a final line
    /// break on a line after the file's last.
    @Test func yamlErrorAtTheEndOfAFileWithoutALineBreakPointsInsideTheFile() async throws {
        let site = Self.base.site.replacing([
            "Content/site.yaml": Array("title: x\n".utf8),
            "Content/timeline.yaml": Array("events: [".utf8),
        ])
        do {
            _ = try await SiteBuilder(site: site, templates: Self.base.templates).renderInMemory()
            Issue.record("the build must fail")
        } catch {
            #expect(error.diagnostics.filter { $0.severity == .error }.map(\.location.description) == ["Content/timeline.yaml:1:10"])
            #expect(SiteMutator.locationProblems(error.diagnostics, site: site) == [])
        }
    }
}

extension GenerativeSiteTests {
    /// The checks above catch what they are for (FoundationXML's parser included).
    @Test func wellFormedChecksCatchBrokenFiles() {
        let page = "<!doctype html>\n<html><head><script>if (a < b) {}</script></head><body><p>x<br><img src=\"a>b\"></p>"
        #expect(WellFormed.problems(path: "a.html", bytes: Array((page + "</body></html>").utf8)) == [])
        #expect(WellFormed.problems(path: "a.html", bytes: Array((page + "</div></body></html>").utf8)).count == 1)
        #expect(WellFormed.problems(path: "a.html", bytes: Array((page + "</body>").utf8)) == ["a.html: elements never closed: <html>"])
        #expect(WellFormed.problems(path: "a.html", bytes: Array("<html></html>".utf8)) == ["a.html: does not start with <!DOCTYPE html>"])
        #expect(WellFormed.problems(path: "a.html", bytes: Array("<!DOCTYPE html><p>a < b</p>".utf8)).count == 1)
        #expect(WellFormed.problems(path: "feed.xml", bytes: Array("<feed><title>a &amp; b</title></feed>".utf8)) == [])
        #expect(WellFormed.problems(path: "feed.xml", bytes: Array("<feed><title>a & b</title></feed>".utf8)).count == 1)
        #expect(!WellFormed.problems(path: "sitemap.xml", bytes: Array("<urlset><url></urlset>".utf8)).isEmpty)
        #expect(!WellFormed.problems(path: "sitemap.xml", bytes: Array("<urlset>".utf8)).isEmpty)
        #expect(!WellFormed.problems(path: "sitemap.xml", bytes: Array("<a>x</a><b/>".utf8)).isEmpty)
        #expect(WellFormed.problems(path: "d.json", bytes: Array("{\"a\": [1, 2]}".utf8)) == [])
        #expect(WellFormed.problems(path: "d.json", bytes: Array("{\"a\": [1, 2}".utf8)).count == 1)
        let calendar = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        #expect(WellFormed.problems(path: "t.ics", bytes: Array(calendar.utf8)) == [])
        #expect(!WellFormed.problems(path: "t.ics", bytes: Array(calendar.replacingOccurrences(of: "END:VEVENT\r\n", with: "").utf8)).isEmpty)
        #expect(!WellFormed.problems(path: "t.ics", bytes: Array(calendar.replacingOccurrences(of: "\r\n", with: "\n").utf8)).isEmpty)
    }
}
