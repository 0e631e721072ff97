import Foundation
import Testing

/// `briefing serve` at its edges, run as an editor runs it; and the published 404 page, which a
/// static host sends for a missing address at any depth.
@Suite struct ServeCLITests {
    /// A loopback port that something else is listening on, for as long as the returned
    /// descriptor stays open.
    static func busyPort() throws -> (descriptor: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { close(fd); throw POSIXError(.EADDRINUSE) }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    @Test func aBusyPortFailsAtOnceWithAClearError() throws {
        let site = try CLITests().sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let (descriptor, port) = try Self.busyPort()
        defer { close(descriptor) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["serve", "--site", site, "--port", String(port)]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        // Should serve start anyway, it must not hold the test run.
        let watchdog = DispatchWorkItem { process.terminate() }
        let started = Date()
        try process.run()
        DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        watchdog.cancel()
        let elapsed = Date().timeIntervalSince(started)

        #expect(process.terminationReason == .exit && process.terminationStatus == 3)
        let lines = stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains("error: cannot listen on 127.0.0.1:\(port): address already in use"), "\(stderr)")
        #expect(lines.contains("    hint: stop the other server or pass --port N for another port"), "\(stderr)")
        #expect(!stderr.contains("timed out"), "\(stderr)")
        // Before, serve waited 5 s for a socket that would never listen; the bound is generous.
        #expect(elapsed < 3, "exits before the old 5 s wait would have ended (took \(elapsed) s)")
    }

    /// The `href` and `src` of every element of a page.
    static func references(in html: String) -> [String] {
        html.matches(of: #/\b(?:href|src)="([^"]*)"/#).map { String($0.output.1) }
    }

    /// A static host answers a missing address at any depth with `404.html`: every link and
    /// stylesheet of it must lead to a file of the published folder from there.
    @Test func thePublished404WorksAtAnyDepthUnderTheBasePath() throws {
        let site = try CLITests().sampleSite()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CLITests().run(["build"], in: site).status == 0)
        let output = site + "/public/"
        let html = try String(contentsOfFile: output + "404.html", encoding: .utf8)
        // The sample site's base_url is https://example.org/briefing/.
        var checked = 0
        for depth in ["no-such-page", "no/such/page/", "briefings/no-such/deeper/still.html"] {
            let missing = try #require(URL(string: "https://example.org/briefing/" + depth))
            for reference in Self.references(in: html) where !reference.hasPrefix("#") {
                let url = try #require(URL(string: reference, relativeTo: missing)?.absoluteURL)
                let path = url.path(percentEncoded: false)
                #expect(url.host() == "example.org" && path.hasPrefix("/briefing/"),
                        "\(reference) from /briefing/\(depth) leaves the site: \(url)")
                guard path.hasPrefix("/briefing/") else { continue }
                var file = output + path.dropFirst("/briefing/".count)
                if file.hasSuffix("/") { file += "index.html" }
                #expect(FileManager.default.fileExists(atPath: file), "\(reference) from /briefing/\(depth): no \(file)")
                checked += 1
            }
        }
        #expect(checked >= 3 * 8)
    }
}
