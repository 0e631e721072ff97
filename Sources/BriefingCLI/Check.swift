import ArgumentParser
import BriefingCore
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validate the whole site and write nothing.")

    @OptionGroup var siteOptions: SiteOptions

    @Flag(name: .long, help: "Treat warnings (a quote without a source, an unnamed person, a future event not marked expected, an image without alt text) as errors.")
    var strict = false

    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let progress = outputOptions.stageReporter().map { BuildProgress(report: nil, stages: $0) }
        let builder = SiteBuilder(siteRoot: siteOptions.site, options: BuildOptions(includeDrafts: siteOptions.drafts),
                                  progress: progress, disposal: .keepUntilExit)
        do {
            // Only check reads the clock, to find future events; a build never does.
            let report = try await builder.check(now: Date(), strict: strict)
            DiagnosticPrinter.print(report.warnings, quiet: outputOptions.quiet)
            if !outputOptions.quiet {
                print("no errors" + (report.warnings.isEmpty ? "" : ", \(report.warnings.count) warning(s)"))
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics, quiet: outputOptions.quiet)
            DiagnosticPrinter.printSummary(error, action: "check", quiet: outputOptions.quiet)
            throw ExitStatus.code(for: error)
        }
    }
}
