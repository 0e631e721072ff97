import ArgumentParser
import BriefingCore
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site into an output folder, replacing it only when every page was written.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "The output folder (default: public/ in the site folder).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Override base_url from site.yaml (e.g. https://example.org/briefing/).")
    var baseURL: String?

    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let outputFolder = output ?? (siteOptions.site as NSString).appendingPathComponent("public")
        // A counter on the terminal for long builds; nothing when output goes to a file or CI, or with --quiet.
        var counter: (@Sendable (Int, Int) -> Void)?
        if isatty(STDERR_FILENO) == 1 && !outputOptions.quiet {
            counter = { done, total in
                DiagnosticPrinter.writeError("\rwriting \(done)/\(total) files" + (done == total ? "\r\u{1B}[K" : ""))
            }
        }
        let progress: BuildProgress?
        if let stages = outputOptions.stageReporter() {
            progress = BuildProgress(report: counter, stages: stages)
        } else {
            progress = counter.map { BuildProgress(report: $0) }
        }
        let builder = SiteBuilder(siteRoot: siteOptions.site,
                                  options: BuildOptions(includeDrafts: siteOptions.drafts, baseURL: baseURL),
                                  progress: progress, disposal: .keepUntilExit,
                                  oldOutput: .detached(command: RemoveOldOutput.command))
        do {
            let report = try await builder.build(output: outputFolder)
            DiagnosticPrinter.print(report.warnings, quiet: outputOptions.quiet)
            let seconds = (clock.now - start).components
            let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18
            if !outputOptions.quiet {
                print("built \(report.pages) pages (\(report.files) files) into \(outputFolder) in \(String(format: "%.2f", elapsed)) s")
            }
        } catch {
            DiagnosticPrinter.print(error.diagnostics, quiet: outputOptions.quiet)
            DiagnosticPrinter.printSummary(error, action: "build", quiet: outputOptions.quiet)
            throw ExitStatus.code(for: error)
        }
    }
}
