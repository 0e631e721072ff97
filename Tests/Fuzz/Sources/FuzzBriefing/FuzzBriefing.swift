import BriefingCore
import Dispatch
import Foundation
import FuzzerDriver

/// One fuzz input is the whole text of the only briefing of a small site (front matter, YAML and
/// Markdown body); the site is loaded, resolved and rendered in memory, as a build would render
/// it, with no file system under it. Any crash, hang or sanitizer report is a finding; build
/// errors are expected and fine.
struct FuzzSite: Sendable {
    /// The site without its briefing: site.yaml, two people, the repository's templates.
    let base: InMemorySite
    /// The templates, compiled once for every input.
    let templates: TemplateSet

    static let shared: FuzzSite = {
        var files: [String: [UInt8]] = [
            "Content/site.yaml": Array("""
                title: "Fuzz"
                base_url: "https://example.org/"
                time_zone: Europe/Kyiv
                """.utf8),
        ]
        for (slug, name) in [("steve-witkoff", "Steve Witkoff"), ("vladimir-putin", "Vladimir Putin")] {
            files["Content/people/\(slug).md"] = Array("---\nname: \(name)\n---\nBio.\n".utf8)
        }
        // The repository's templates, found from this file's place (Tests/Fuzz/Sources/FuzzBriefing/).
        var repository = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { repository.deleteLastPathComponent() }
        let templates = repository.path + "/Templates"
        let fm = FileManager.default
        for path in (try? fm.subpathsOfDirectory(atPath: templates)) ?? [] {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: templates + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
                  !path.hasPrefix("screenshots/"), let data = fm.contents(atPath: templates + "/" + path) else { continue }
            files["Templates/" + path] = [UInt8](data)
        }
        let base = InMemorySite(files)
        return FuzzSite(base: base, templates: try! TemplateSet.load(from: base))
    }()

    /// Renders the site with `briefing` as its one briefing; build errors are dropped.
    func render(_ briefing: [UInt8]) async {
        let site = base.replacing(["Content/briefings/fuzzed.md": briefing])
        _ = try? await SiteBuilder(site: site, templates: templates).renderInMemory()
    }
}

/// The entry point SwiftPM links `main` to (the module is built with -parse-as-library).
@_cdecl("FuzzBriefing_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    _ = FuzzSite.shared
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzBriefing)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBriefing(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        await FuzzSite.shared.render(input)
        done.signal()
    }
    done.wait()
    return 0
}
