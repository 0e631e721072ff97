import ArgumentParser
import BriefingCore
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the whole site and write nothing.")

    @OptionGroup var siteOptions: SiteOptions

    @Flag(name: .long, help: "Treat warnings (a quote without a source, an unnamed person, a future event not marked expected, an image without alt text) as errors.")
    var strict = false

    func run() async throws {
        let builder = SiteBuilder(siteRoot: siteOptions.site, options: BuildOptions(includeDrafts: siteOptions.drafts))
        do {
            // Only check reads the clock, to find future events; a build never does.
            let report = try await builder.check(now: Date(), strict: strict)
            DiagnosticPrinter.print(report.warnings)
            print("no errors" + (report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning(s)"))
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printSummary(error, action: "check")
            throw ExitCode(1)
        }
    }
}
