import ArgumentParser
import BriefingCore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new site that builds: example content and the default templates.",
        discussion: """
            Writes Content/ (site.yaml, an example briefing, person, timeline and topics) and \
            Templates/ into <dir>. The folder must be new or empty (hidden entries such \
            as .git aside); with --force, the site is added beside what is there, and init still \
            refuses, writing nothing, if any of its files already exists.
            """)

    @Argument(help: ArgumentHelp("The folder of the new site, made if missing.", valueName: "dir"))
    var folder: String = "."

    @Flag(name: .long, help: "Add the site to a folder that is not empty, as long as no file would be overwritten.")
    var force = false

    func run() throws {
        let site = NewSite(folder: folder)
        let written: [String]
        do {
            written = try site.create(force: force)
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitStatus.code(for: error)
        }
        let content = written.filter { $0.hasPrefix("Content/") }.count
        print("created a new site in \(site.folder == "." ? "this folder" : site.folder): "
              + "\(content) files in Content/, \(written.count - content) in Templates/")
        print("")
        print("next:")
        if site.folder != "." { print("  cd \(Self.shellQuoted(site.folder))") }
        print("  briefing serve    preview the site at http://127.0.0.1:8080, rebuilt on every change")
        print("  briefing build    write it into public/, ready to publish")
    }

    /// `text` as a shell reads it back.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) || "-_./~+,:@".unicodeScalars.contains($0)
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
