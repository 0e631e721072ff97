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

    func run() async throws {
        let settings = PreviewServer.Settings(siteRoot: siteOptions.site, host: host, port: port,
                                              options: BuildOptions(includeDrafts: siteOptions.drafts))
        let server = PreviewServer(settings: settings) { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        // Ctrl-C stops the server and ends the process cleanly.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .main)
        let serving = Task { try await server.run() }
        interrupt.setEventHandler { serving.cancel() }
        interrupt.resume()
        do {
            try await serving.value
        } catch is CancellationError {
        } catch let failure as PreviewServer.ListenFailure {
            FileHandle.standardError.write(Data("error: \(failure)\n    hint: \(failure.hint)\n".utf8))
            throw ExitCode(1)
        } catch {
            if Task.isCancelled || serving.isCancelled {
                FileHandle.standardError.write(Data("stopped\n".utf8))
                return
            }
            FileHandle.standardError.write(Data("error: serving \(host):\(port) stopped: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        FileHandle.standardError.write(Data("stopped\n".utf8))
    }
}
