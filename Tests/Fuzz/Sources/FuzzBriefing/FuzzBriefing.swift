import BriefingCore
import Dispatch
import Foundation
import FuzzerDriver

/// One fuzz input is the whole text of the only briefing of a small site (front matter, YAML and
/// Markdown body); the site is loaded, resolved and rendered in memory. Any crash, hang or
/// sanitizer report is a finding; build errors are expected and fine.
let site: String = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-fuzz-\(getpid())").path
    let fm = FileManager.default
    try? fm.removeItem(atPath: root)
    try! fm.createDirectory(atPath: root + "/Content/briefings", withIntermediateDirectories: true)
    try! fm.createDirectory(atPath: root + "/Content/people", withIntermediateDirectories: true)
    try! """
        title: "Fuzz"
        base_url: "https://example.org/"
        time_zone: Europe/Kyiv
        """.write(toFile: root + "/Content/site.yaml", atomically: false, encoding: .utf8)
    for (slug, name) in [("steve-witkoff", "Steve Witkoff"), ("vladimir-putin", "Vladimir Putin")] {
        try! "---\nname: \(name)\n---\nBio.\n".write(toFile: root + "/Content/people/\(slug).md", atomically: false, encoding: .utf8)
    }
    // The repository's templates, found from this file's place (Tests/Fuzz/Sources/FuzzBriefing/).
    var repository = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { repository.deleteLastPathComponent() }
    try! fm.copyItem(atPath: repository.path + "/Templates", toPath: root + "/Templates")
    return root
}()

/// The entry point SwiftPM links `main` to (the module is built with -parse-as-library).
@_cdecl("FuzzBriefing_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzBriefing)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBriefing(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let path = site + "/Content/briefings/fuzzed.md"
    FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size))
    let done = DispatchSemaphore(value: 0)
    let root = site
    Task.detached {
        _ = try? await SiteBuilder(siteRoot: root).renderInMemory()
        done.signal()
    }
    done.wait()
    return 0
}
