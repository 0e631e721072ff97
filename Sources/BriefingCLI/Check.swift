import ArgumentParser
import BriefingCore

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the whole site and write nothing.")

    @OptionGroup var siteOptions: SiteOptions

    func run() async throws {
        let builder = SiteBuilder(siteRoot: siteOptions.site, options: BuildOptions(includeDrafts: siteOptions.drafts))
        do {
            let report = try await builder.check()
            DiagnosticPrinter.print(report.warnings)
            print("no errors" + (report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning(s)"))
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.printSummary(error, action: "check")
            throw ExitCode(1)
        }
    }
}
