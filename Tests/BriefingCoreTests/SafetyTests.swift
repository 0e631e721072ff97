import Foundation
import Synchronization
import Testing
@testable import BriefingCore

/// Hostile input must never produce script, and a build never loses files it did not write.
@Suite struct SafetyTests {
    static let hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'"

    @Test func hostileMetadataIsEscapedEverywhere() async throws {
        let site = try FixtureSite([
            "Content/site.yaml": "title: \"\(Self.hostile.replacingOccurrences(of: "\"", with: "\\\""))\"\nbase_url: https://example.org/\n",
            "Content/briefings/moscow-meeting.md": """
                ---
                title: "\(Self.hostile.replacingOccurrences(of: "\"", with: "\\\""))"
                date: 2025-12-03
                summary: "<b onmouseover=alert(3)>hi</b>"
                places: ["<script>alert(4)</script>"]
                people: [steve-witkoff]
                quotes:
                  - person: steve-witkoff
                    text: "</blockquote><script>alert(5)</script>"
                ---
                Raw <script>alert(6)</script> and <img src=x onerror=alert(7)>.

                [click](javascript:alert(8)) [data](data:text/html;base64,PHNjcmlwdD4=)
                """,
        ])
        defer { site.remove() }
        try await site.build()
        for path in try FileManager.default.subpathsOfDirectory(atPath: site.output) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let page = try site.page(path)
            #expect(!page.contains("<script>alert"), "\(path) has an injected script")
            #expect(!page.contains("<img src=x onerror"), "\(path) has an injected handler")
            #expect(!page.contains("<b onmouseover"), "\(path) has injected markup")
            #expect(!page.contains("javascript:"), "\(path) has a javascript: URL")
            #expect(!page.contains("data:text/html"), "\(path) has a data: URL")
            // JSON-LD blocks contain no raw '<' that could close them.
            var rest = page[...]
            while let open = rest.range(of: "<script type=\"application/ld+json\">") {
                let close = rest[open.upperBound...].range(of: "</script>")!
                #expect(!rest[open.upperBound..<close.lowerBound].contains("<"))
                rest = rest[close.upperBound...]
            }
        }
        #expect(try site.page("briefings/moscow-meeting/index.html").contains("&lt;/script&gt;&lt;script&gt;alert(1)"))
    }

    @Test func rawHTMLIsKeptOnlyWithUnsafeHTML() async throws {
        let body = """
            ---
            title: T
            date: 2025
            ---
            <div class="note">Kept</div>
            """
        let safe = try FixtureSite(["Content/briefings/b.md": body])
        defer { safe.remove() }
        try await safe.build()
        #expect(!(try safe.page("briefings/b/index.html")).contains("<div class=\"note\">"))
        let unsafe = try FixtureSite([
            "Content/briefings/b.md": body,
            "Content/site.yaml": "title: T\nunsafe_html: true\n",
        ])
        defer { unsafe.remove() }
        try await unsafe.build()
        #expect(try unsafe.page("briefings/b/index.html").contains("<div class=\"note\">Kept</div>"))
    }

    /// Only web and mail links pass, read as a browser reads a scheme: case-insensitive, with
    /// whitespace and control characters inside it skipped.
    @Test(arguments: [
        ("https://example.org/a", true), ("HTTP://EXAMPLE.ORG", true), ("  mailto:desk@example.org", true),
        ("ht\ttp://example.org", true), ("https:", false), ("http:/example.org", false),
        ("javascript:alert(1)", false), ("java\tscript:alert(1)", false), ("JaVaScRiPt:alert(1)", false),
        ("\u{7F}javascript:alert(1)", false), ("data:text/html,x", false), ("\u{FF48}ttp://example.org", false),
        ("//example.org", false), ("", false),
    ])
    func onlyWebAndMailURLsAreAllowed(url: String, allowed: Bool) {
        #expect(SafeURL.isAllowed(url) == allowed)
    }

    @Test func failedBuildLeavesOutputUntouched() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build()
        let before = try snapshot(site.output)
        try site.write("---\ntitle: Broken\ndate: 2025-99\n---\n", to: "Content/briefings/broken.md")
        await #expect(throws: BuildFailure.self) { try await site.build() }
        #expect(try snapshot(site.output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.hasPrefix(".public") }
        #expect(siblings.isEmpty, "no staging folder is left behind")
    }

    @Test(arguments: ["", "Content", "Templates", "..", "Content/out", "Templates/assets"])
    func refusesOutputThatHoldsOrIsInsideTheSite(_ relative: String) async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let before = try snapshot(site.root)
        let output = relative.isEmpty ? site.root : site.root + "/" + relative
        await #expect(throws: BuildFailure.self) { try await site.build(output: output) }
        #expect(try snapshot(site.root) == before)
    }

    @Test func refusesNonEmptyFolderItDidNotWrite() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("my notes", to: "notes/keep.txt")
        do {
            try await site.build(output: site.root + "/notes")
            Issue.record("the build should refuse")
        } catch let failure as BuildFailure {
            #expect(failure.diagnostics.first?.message.contains("not empty and was not written by briefing build") == true)
        }
        #expect(try String(contentsOfFile: site.root + "/notes/keep.txt", encoding: .utf8) == "my notes")
    }

    /// Folders beside the output that builds and removers leave: a remover still at work keeps
    /// its folder; what a killed build or remover left (marked as ours) is removed; an old output
    /// whose swap was cut short is put back; a folder of someone else's is never touched.
    @Test func leftoversBesideTheOutputAreTidiedButARunningRemoverIsLeftAlone() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        let dead = pid_t(Int32.max)
        func leftover(_ name: String, marked: Bool = true) throws {
            try site.write("old page", to: "\(name)/page/index.html")
            if marked { try site.write("", to: "\(name)/\(OutputWriter.markerName)") }
        }
        try leftover(".public.removing-\(getpid())")
        try leftover(".public.removing-\(dead)")
        try leftover(".public.staging-\(dead)")
        try leftover(".public.old-\(dead)-done")
        try leftover(".public.staging-\(dead - 1)", marked: false)
        try leftover(".other.staging-\(dead)")
        try await site.build()
        let siblings = Set(try FileManager.default.contentsOfDirectory(atPath: site.root).filter { $0.hasPrefix(".") })
        #expect(siblings == [".public.removing-\(getpid())", ".public.staging-\(dead - 1)", ".other.staging-\(dead)"])

        // An old output whose swap was cut short, and no output: it is put back, then replaced.
        try FileManager.default.moveItem(atPath: site.output, toPath: site.root + "/.public.old-\(dead)")
        try site.write("stale", to: ".public.old-\(dead)/stale.html")
        try await site.build()
        #expect(FileManager.default.fileExists(atPath: site.output + "/index.html"))
        #expect(!FileManager.default.fileExists(atPath: site.output + "/stale.html"))
        #expect(!FileManager.default.fileExists(atPath: site.root + "/.public.old-\(dead)"))
    }

    @Test func leftoverNamesAreRead() {
        #expect(LeftoverName(".public.staging-42") == LeftoverName(output: "public", kind: .staging, pid: 42))
        #expect(LeftoverName(".my.site.old-42-done") == LeftoverName(output: "my.site", kind: .handedOver, pid: 42))
        #expect(LeftoverName(".public.old-42") == LeftoverName(output: "public", kind: .old, pid: 42))
        #expect(LeftoverName(".public.removing-7") == LeftoverName(output: "public", kind: .removing, pid: 7))
        for name in ["public", ".public.old-", ".public.old-x", ".public.staging--3", "public.staging-3"] {
            #expect(LeftoverName(name) == nil, "\(name)")
        }
    }

    @Test func replacesFolderItWroteBefore() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try await site.build()
        try site.write("stale", to: "public/old.html")
        try await site.build()
        #expect(!FileManager.default.fileExists(atPath: site.output + "/old.html"))
        #expect(FileManager.default.fileExists(atPath: site.output + "/" + OutputWriter.markerName))
    }

    /// Page folders, made through the spreader's bins where the file system has them, all land in
    /// place, folders nested deeper than a page folder too; nothing of the bins or the staging is left.
    @Test func everyFolderLandsInPlaceAndNoBinIsLeft() async throws {
        let site = try FixtureSite()
        defer { site.remove() }
        try site.write("PNG", to: "Content/media/maps/2025/moscow.png")
        try await site.build()
        let top = try FileManager.default.contentsOfDirectory(atPath: site.output)
        #expect(top.contains("briefings") && top.contains("people") && top.contains("timeline"))
        #expect(!top.contains(FolderSpreader.rootName), "\(top)")
        #expect(try site.page("briefings/moscow-meeting/index.html").contains("Meeting in Moscow"))
        #expect(try site.page("people/steve-witkoff/index.html").contains("Steve Witkoff"))
        #expect(try site.page("people/steve-witkoff/calendar.ics").contains("BEGIN:VCALENDAR"))
        #expect(try site.page("media/maps/2025/moscow.png") == "PNG")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: site.root)
        #expect(!siblings.contains { $0.contains(".staging-") || $0.contains(".old-") }, "\(siblings)")
    }

    /// The spreader on this machine's temporary folder (ext4 here; elsewhere it may not exist).
    @Test func spreaderPlacesFoldersThroughBinsAndRemovesThem() async throws {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-spread-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: staging + "/people", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        guard let spreader = FolderSpreader(staging: staging) else { return }
        #expect(FolderSpreader.isTopFolder(spreader.root) == true)
        for number in 0..<40 { #expect(try spreader.place("\(staging)/people/p\(number)") == .placed) }
        #expect(try spreader.place("\(staging)/people/p7") == .placed)
        #expect(try spreader.place("\(staging)/missing/p") == .noParent)
        await spreader.waitForRemovals()
        let bins = try FileManager.default.contentsOfDirectory(atPath: spreader.root).filter { !$0.hasPrefix(".") }
        #expect(bins.count == 1, "40 folders, then 2 more tries, 16 a bin, full bins removed as they fill: \(bins)")
        await spreader.finish()
        #expect(!FileManager.default.fileExists(atPath: spreader.root))
        let people = try FileManager.default.contentsOfDirectory(atPath: staging + "/people")
        #expect(people.count == 40)
        #expect(FolderSpreader.isTopFolder(staging + "/people/p0") == false)
    }

    /// Two threads never make folders in one bin (they would wait on its lock): 8 folders from each
    /// of two threads fill two bins, where one would hold all 16 from a single thread.
    @Test func eachThreadFillsBinsOfItsOwn() async throws {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-spread-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: staging + "/people", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        guard let spreader = FolderSpreader(staging: staging) else { return }
        #expect(Self.placeFromTwoThreads(spreader, staging: staging) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spreader.root).filter { !$0.hasPrefix(".") }.count == 2)
        await spreader.finish()
        #expect(try FileManager.default.contentsOfDirectory(atPath: staging + "/people").count == 16)
    }

    /// Places 8 folders from each of two threads; returns how many failed.
    static func placeFromTwoThreads(_ spreader: FolderSpreader, staging: String) -> Int {
        let done = DispatchSemaphore(value: 0)
        // Both threads live until both are done: a thread that ended could give its id to the next.
        let release = DispatchSemaphore(value: 0)
        let failures = Mutex(0)
        for thread in 0..<2 {
            Thread {
                for number in 0..<8 where (try? spreader.place("\(staging)/people/t\(thread)-\(number)")) != .placed {
                    failures.withLock { $0 += 1 }
                }
                done.signal()
                release.wait()
            }.start()
        }
        done.wait()
        done.wait()
        release.signal()
        release.signal()
        return failures.withLock { $0 }
    }

    /// Removing an old output takes files and folders at every depth, keeps the named entry for
    /// last, and removes a symlink without following it.
    @Test func folderRemovalTakesEverythingButTheKeptEntryAndFollowsNoLink() async throws {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.appendingPathComponent("briefing-removal-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: base) }
        let folder = base + "/old", outside = base + "/outside"
        try fm.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/precious.txt"))
        for page in 0..<40 {
            try fm.createDirectory(atPath: "\(folder)/briefings/b\(page)", withIntermediateDirectories: true)
            try Data("page".utf8).write(to: URL(fileURLWithPath: "\(folder)/briefings/b\(page)/index.html"))
        }
        try fm.createDirectory(atPath: folder + "/media/maps/2025", withIntermediateDirectories: true)
        try Data("png".utf8).write(to: URL(fileURLWithPath: folder + "/media/maps/2025/a.png"))
        try Data("top".utf8).write(to: URL(fileURLWithPath: folder + "/index.html"))
        try Data("marker".utf8).write(to: URL(fileURLWithPath: folder + "/" + OutputWriter.markerName))
        try fm.createSymbolicLink(atPath: folder + "/media/link", withDestinationPath: outside)

        await FolderRemoval.removeContents(of: folder, keeping: OutputWriter.markerName)
        #expect(try fm.contentsOfDirectory(atPath: folder) == [OutputWriter.markerName])
        #expect(try String(contentsOfFile: outside + "/precious.txt", encoding: .utf8) == "keep")
    }

    @Test func outputPathsCannotLeaveTheOutput() {
        #expect(OutputPath("../x") == nil)
        #expect(OutputPath("/etc/passwd") == nil)
        #expect(OutputPath("a/../../b") == nil)
        #expect(OutputPath("a//b") == nil)
        #expect(OutputPath("people/x/index.html") != nil)
        #expect(OutputPath("a/./b") == nil && OutputPath("a/..") == nil && OutputPath("a/") == nil && OutputPath(".") == nil)
        #expect(OutputPath("a\\b") == nil && OutputPath("a\u{0}b") == nil)
        #expect(OutputPath("media/...") != nil && OutputPath(".well-known/x") != nil && OutputPath("a/.b") != nil)
    }

    /// Every file under `folder` with its bytes.
    func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder) {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDir)
            if !isDir.boolValue { files[path] = FileManager.default.contents(atPath: folder + "/" + path) }
        }
        return files
    }
}
