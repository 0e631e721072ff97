import ArgumentParser
import BriefingCore
import BriefingServe
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1, rebuild on every change and reload the browser.")

    @OptionGroup var siteOptions: SiteOptions

    @Option(name: .long, help: "The port to listen on.")
    var port: UInt16 = 8080

    @Option(name: .long, help: "The address to listen on. Anything but 127.0.0.1 exposes your drafts to the network.")
    var host: String = "127.0.0.1"

    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let settings = PreviewServer.Settings(siteRoot: siteOptions.site, host: host, port: port,
                                              options: BuildOptions(includeDrafts: siteOptions.drafts))
        let (quiet, verbose) = (outputOptions.quiet, outputOptions.verbose)
        let server = PreviewServer(settings: settings, notes: { note in
            switch note.kind {
            case .status: if quiet { return }
            case .detail: if !verbose { return }
            case .problem: if quiet && !note.isError { return }
            }
            DiagnosticPrinter.writeError((note.diagnostic.map { DiagnosticPrinter.format($0) } ?? note.text) + "\n")
        })
        // Ctrl-C stops the server and ends the process cleanly.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
        let serving = Task { try await server.run() }
        interrupt.setEventHandler { serving.cancel() }
        interrupt.resume()
        let stopped = { if !quiet { DiagnosticPrinter.writeError("stopped\n") } }
        do {
            try await serving.value
        } catch is CancellationError {
        } catch let failure as PreviewServer.ListenFailure {
            DiagnosticPrinter.writeError("\(DiagnosticPrinter.errorWord): \(failure)\n" + DiagnosticPrinter.hintLine(failure.hint) + "\n")
            throw failure.isBadAddress ? ExitStatus.usage : ExitStatus.environment
        } catch {
            if Task.isCancelled || serving.isCancelled {
                stopped()
                return
            }
            DiagnosticPrinter.writeError("\(DiagnosticPrinter.errorWord): serving \(host):\(port) stopped: \(error.localizedDescription)\n")
            throw ExitStatus.environment
        }
        stopped()
    }
}
