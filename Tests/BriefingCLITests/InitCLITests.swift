import Foundation
import Testing

/// `briefing init`: a new site, far from this repository, that builds and passes `check --strict`.
@Suite struct InitCLITests {
    func temporaryFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-init-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Every file under `folder`, by relative path.
    func listing(_ folder: String) -> [String] {
        (FileManager.default.subpaths(atPath: folder) ?? []).sorted()
    }

    @Test func newSiteBuildsAndPassesStrictCheck() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let result = try BinaryRunner.run(["init", "my site"], in: parent)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("created a new site in my site"))
        #expect(result.stdout.contains("  cd 'my site'\n"))
        #expect(result.stdout.contains("  briefing serve") && result.stdout.contains("  briefing build"))
        let site = parent + "/my site"
        let files = listing(site)
        for path in ["Content/site.yaml", "Content/topics.yaml", "Content/timeline.yaml", "Content/briefings/welcome.md",
                     "Content/people/ada-example.md", "Templates/layout.mustache", "Templates/assets/favicon.svg",
                     "Templates/assets/style.css", "Templates/partials/quote.mustache"] {
            #expect(files.contains(path), "\(path) missing")
        }
        #expect(!files.contains { $0.contains("screenshots") || $0 == "Templates/README.md" })
        // The templates are the repository's, byte for byte.
        for path in ["Templates/layout.mustache", "Templates/assets/favicon.svg", "Templates/assets/style.css"] {
            #expect(FileManager.default.contents(atPath: site + "/" + path) == FileManager.default.contents(atPath: CLITests.repository + "/" + path))
        }
        let siteYAML = try String(contentsOfFile: site + "/Content/site.yaml", encoding: .utf8)
        #expect(siteYAML.contains("# The address the site will be published at."))

        let check = try BinaryRunner.run(["check", "--strict"], in: site)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "no errors\n")
        #expect(check.stderr.isEmpty, "\(check.stderr)")
        let build = try BinaryRunner.run(["build", "--site", site], in: parent)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.isEmpty, "\(build.stderr)")
        let home = try String(contentsOfFile: site + "/public/index.html", encoding: .utf8)
        #expect(home.contains("Welcome to your briefing site"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/people/ada-example/index.html"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/feed.xml"))
        // The example's links resolve: the person and the event of the briefing.
        let briefing = try String(contentsOfFile: site + "/public/briefings/welcome/index.html", encoding: .utf8)
        #expect(briefing.contains("href=\"../../people/ada-example/\""))
        #expect(briefing.contains("#event-site-created"))
    }

    @Test func currentFolderByDefaultAndHiddenEntriesAllowed() throws {
        let site = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/.git", withIntermediateDirectories: true)
        let result = try BinaryRunner.run(["init"], in: site)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("created a new site in this folder"))
        #expect(!result.stdout.contains("cd "))
        #expect(FileManager.default.fileExists(atPath: site + "/Content/site.yaml"))
    }

    @Test func refusesAFolderThatIsNotEmpty() throws {
        let site = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: site + "/notes.txt"))
        let before = listing(site)
        let result = try BinaryRunner.run(["init", site], in: "/")
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("\(site):1:1: error: the folder is not empty (notes.txt); nothing was written\n"), "\(result.stderr)")
        #expect(result.stderr.contains("hint: choose a new or empty folder, or pass --force"))
        #expect(result.stdout.isEmpty)
        #expect(listing(site) == before)
    }

    @Test func forceAddsBesideWhatIsThereButNeverOverwrites() throws {
        let site = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/Content", withIntermediateDirectories: true)
        try Data("notes\n".utf8).write(to: URL(fileURLWithPath: site + "/notes.txt"))
        let result = try BinaryRunner.run(["init", "--force"], in: site)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: site + "/Content/briefings/welcome.md"))
        #expect(try String(contentsOfFile: site + "/notes.txt", encoding: .utf8) == "notes\n")

        // A second time, every file collides: each is named, nothing changes.
        let mine = "title: \"Mine\"\n"
        try Data(mine.utf8).write(to: URL(fileURLWithPath: site + "/Content/site.yaml"))
        let before = listing(site)
        let again = try BinaryRunner.run(["init", "--force", "."], in: site)
        #expect(again.status == 3)
        #expect(again.stderr.contains("Content/site.yaml:1:1: error: the file already exists\n"), "\(again.stderr)")
        #expect(again.stderr.contains("Templates/layout.mustache:1:1: error: the file already exists\n"))
        #expect(again.stderr.contains("hint: nothing was written"))
        #expect(try String(contentsOfFile: site + "/Content/site.yaml", encoding: .utf8) == mine)
        #expect(listing(site) == before)
    }

    @Test func oneCollisionUnderForceWritesNothing() throws {
        let site = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/Templates", withIntermediateDirectories: true)
        try Data("my layout\n".utf8).write(to: URL(fileURLWithPath: site + "/Templates/layout.mustache"))
        let result = try BinaryRunner.run(["init", "--force", site], in: "/")
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("\(site)/Templates/layout.mustache:1:1: error: the file already exists\n"), "\(result.stderr)")
        #expect(listing(site) == ["Templates", "Templates/layout.mustache"])
    }

    @Test func aFileInTheWayOfTheFolder() throws {
        let parent = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try Data().write(to: URL(fileURLWithPath: parent + "/site"))
        let result = try BinaryRunner.run(["init", "site"], in: parent)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("site:1:1: error: not a folder; nothing was written\n"), "\(result.stderr)")
    }

    @Test func cannotWriteIsAnEnvironmentFailureAndLeavesNothing() throws {
        guard getuid() != 0 else { return }  // root writes anywhere
        let parent = try temporaryFolder()
        defer {
            chmod(parent, 0o755)
            try? FileManager.default.removeItem(atPath: parent)
        }
        chmod(parent, 0o555)
        let result = try BinaryRunner.run(["init", "site"], in: parent)
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: cannot make the folder"), "\(result.stderr)")
        #expect(listing(parent).isEmpty)
    }
}
