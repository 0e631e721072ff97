import BriefingCore
import Foundation
import Testing
@testable import BriefingServe

/// Starts the preview server on a free loopback port against a copy of the sample site and
/// talks HTTP to it as a browser or an attacker would.
@Suite(.serialized) struct PreviewServerTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// A raw HTTP/1.1 exchange, so that request targets reach the server exactly as written.
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// The exchange on a thread of its own: blocking socket calls must not hold one of the few
    /// threads that also run the server under test.
    static func request(_ method: String, _ target: String, port: UInt16) async throws -> Reply {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try blockingRequest(method, target, port: port) }) }.start()
        }
    }

    static func blockingRequest(_ method: String, _ target: String, port: UInt16) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(fd >= 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)  // generous: the first request waits for the first build, slow on a loaded machine
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        _ = text.withCString { send(fd, $0, strlen($0), 0) }
        // Read the head, then exactly Content-Length bytes: the server may keep the connection open.
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let separator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        var expected = Int.max
        while data.count < expected {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
            if headEnd == nil, let end = (0...max(0, data.count - 4)).first(where: { Array(data[$0..<min($0 + 4, data.count)]) == separator }) {
                headEnd = end
                let head = String(decoding: data[..<end], as: UTF8.self).lowercased()
                let length = head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                expected = end + 4 + (method == "HEAD" ? 0 : length)
            }
        }
        let response = String(decoding: data, as: UTF8.self)
        let parts = response.components(separatedBy: "\r\n\r\n")
        let head = parts[0].components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return Reply(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Runs `body` with a server on a copy of the sample site (its `base_url` is
    /// `https://example.org/briefing/`, so pages are served under `/briefing/`), after `prepare`
    /// has changed the copy.
    func withServer(prepare: (_ site: String) throws -> Void = { _ in },
                    _ body: (_ site: String, _ port: UInt16) async throws -> Void) async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("briefing-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: site) }
        for part in ["Content", "Templates"] {
            try FileManager.default.copyItem(atPath: Self.repository + "/" + part, toPath: site + "/" + part)
        }
        try prepare(site)
        let server = PreviewServer(settings: .init(siteRoot: site, port: 0, pollInterval: .milliseconds(50))) { _ in }
        let running = Task { try await server.run() }
        defer { running.cancel() }
        var port: UInt16?
        for _ in 0..<200 where port == nil {
            port = await server.listeningPort()
            if port == nil { try await Task.sleep(for: .milliseconds(25)) }
        }
        try await body(site, try #require(port))
        await server.stop()
    }

    /// Polls until `condition` holds (the watcher runs every 50 ms), up to 10 s.
    func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<200 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test func servesPagesWithTheirContentTypes() async throws {
        try await withServer { _, port in
            let home = try await Self.request("GET", "/briefing/", port: port)
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.body.contains("Moscow Talks Briefing"))
            #expect(home.body.contains("/__briefing/reload"), "served pages carry the reload script")
            #expect(try await Self.request("GET", "/briefing/assets/style.css", port: port).headers["content-type"] == "text/css; charset=utf-8")
            #expect(try await Self.request("GET", "/briefing/feed.xml", port: port).headers["content-type"] == "application/atom+xml")
            #expect(try await Self.request("GET", "/briefing/sitemap.xml", port: port).headers["content-type"] == "application/xml")
            #expect(try await Self.request("GET", "/briefing/robots.txt", port: port).headers["content-type"] == "text/plain; charset=utf-8")
            let person = try await Self.request("GET", "/briefing/people/vladimir-putin/", port: port)
            #expect(person.status == 200 && person.body.contains("Vladimir Putin"))
            let folder = try await Self.request("GET", "/briefing/people", port: port)
            #expect(folder.status == 301 && folder.headers["location"] == "/briefing/people/")
        }
    }

    @Test func theSiteIsServedUnderItsBasePath() async throws {
        try await withServer { _, port in
            let root = try await Self.request("GET", "/", port: port)
            #expect(root.status == 301 && root.headers["location"] == "/briefing/", "the root leads to the site")
            let base = try await Self.request("GET", "/briefing", port: port)
            #expect(base.status == 301 && base.headers["location"] == "/briefing/")
            // As on the published host, nothing of the site is outside its path.
            let outside = try await Self.request("GET", "/assets/style.css", port: port)
            #expect(outside.status == 404 && outside.body.contains("Page not found"))
        }
    }

    @Test func missingPagesGetTheSites404() async throws {
        try await withServer { _, port in
            let reply = try await Self.request("GET", "/briefing/no/such/page.html", port: port)
            #expect(reply.status == 404)
            #expect(reply.body.contains("Page not found") || reply.body.contains("not found"))
        }
    }

    /// The `href` of every link and `<link>` of a page, in order.
    static func links(in html: String) -> [String] {
        html.matches(of: #/<(?:a|link)\b[^>]*?\bhref="([^"]*)"/#).map { String($0.output.1) }
    }

    @Test func aMissingPageDeepUnderTheBasePathLoadsItsStylesheetAndItsLinksWork() async throws {
        try await withServer { _, port in
            let page = try #require(URL(string: "http://127.0.0.1:\(port)/briefing/no/such/page/"))
            let reply = try await Self.request("GET", page.path(percentEncoded: true), port: port)
            #expect(reply.status == 404)
            #expect(reply.body.contains("<h1>Page not found</h1>"))
            let stylesheet = try #require(reply.body.firstMatch(of: #/<link rel="stylesheet" href="([^"]*)"/#)).output.1
            let styleURL = try #require(URL(string: String(stylesheet), relativeTo: page)?.absoluteURL)
            let css = try await Self.request("GET", styleURL.path(percentEncoded: true), port: port)
            #expect(css.status == 200, "\(stylesheet) from \(page.path()) gave \(css.status)")
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            // Every link that stays on this server (canonical and feed URLs name the published host).
            var checked = 0
            for href in Self.links(in: reply.body) where !href.hasPrefix("#") {
                guard let url = URL(string: href, relativeTo: page)?.absoluteURL, url.host() == "127.0.0.1" else { continue }
                let target = try await Self.request("GET", url.path(percentEncoded: true), port: port)
                #expect(target.status == 200, "\(href) from \(page.path()) gave \(target.status)")
                checked += 1
            }
            #expect(checked >= 6, "the stylesheet, the icon, the navigation and the 404 page's own links")
        }
    }

    @Test func headHasHeadersWithoutBody() async throws {
        try await withServer { _, port in
            let get = try await Self.request("GET", "/briefing/", port: port)
            let head = try await Self.request("HEAD", "/briefing/", port: port)
            #expect(head.status == 200)
            #expect(head.headers["content-length"] == String(get.body.utf8.count))
            #expect(head.body.isEmpty)
        }
    }

    @Test(arguments: ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/people/..%2f..%2fetc/passwd", "/%2E%2E/x",
                      "//etc/passwd", "/people/%2fetc%2fpasswd", "/..\\..\\etc\\passwd"])
    func traversalIsRefused(_ target: String) async throws {
        try await withServer { _, port in
            let reply = try await Self.request("GET", target, port: port)
            #expect(reply.status == 403 || reply.status == 404 || reply.status == 400)
            #expect(!reply.body.contains("root:"))
        }
    }

    @Test func editsAreServedAndErrorsShownUntilFixed() async throws {
        try await withServer { site, port in
            let path = site + "/Content/people/john-hardie.md"
            let original = try String(contentsOfFile: path, encoding: .utf8)
            try original.replacingOccurrences(of: "name: John Hardie", with: "name: John Q. Hardie")
                .write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try await eventually { try await Self.request("GET", "/briefing/people/john-hardie/", port: port).body.contains("John Q. Hardie") })

            try "---\ntitle: Broken\ndate: 2025-13\n---\n".write(toFile: site + "/Content/briefings/broken.md", atomically: true, encoding: .utf8)
            #expect(try await eventually { try await Self.request("GET", "/briefing/", port: port).body.contains("briefing-errors") })
            let page = try await Self.request("GET", "/briefing/people/john-hardie/", port: port)
            #expect(page.status == 200 && page.body.contains("John Q. Hardie"), "the last good site is still served")
            #expect(page.body.contains("Content/briefings/broken.md:3:7: invalid date &#39;2025-13&#39; in &#39;date&#39;"))
            #expect(page.body.contains("The page shows the last good version."))

            try FileManager.default.removeItem(atPath: site + "/Content/briefings/broken.md")
            #expect(try await eventually { !(try await Self.request("GET", "/briefing/", port: port).body.contains("briefing-errors")) })
        }
    }

    @Test func aSiteBrokenFromTheStartSaysNothingWasBuiltYet() async throws {
        try await withServer(prepare: { site in
            try "---\ntitle: Broken\ndate: 2025-13\n---\n".write(toFile: site + "/Content/briefings/broken.md", atomically: true, encoding: .utf8)
        }) { site, port in
            for target in ["/", "/briefing/"] {
                let page = try await Self.request("GET", target, port: port)
                #expect(page.body.contains("id=\"briefing-errors\""), "\(target)")
                #expect(page.body.contains("briefing: the site has errors; nothing was built yet. Fix them and the page reloads."), "\(target)")
                #expect(!page.body.contains("last good version"), "there is no good version to show")
                #expect(page.body.contains("Content/briefings/broken.md:3:7: invalid date &#39;2025-13&#39; in &#39;date&#39;"))
                #expect(page.body.contains("/__briefing/reload"), "the page reloads once the site builds")
            }

            try FileManager.default.removeItem(atPath: site + "/Content/briefings/broken.md")
            #expect(try await eventually {
                let home = try await Self.request("GET", "/briefing/", port: port)
                return home.status == 200 && home.body.contains("Moscow Talks Briefing") && !home.body.contains("briefing-errors")
            })
        }
    }

    @Test func concurrentRequestsAreAllAnswered() async throws {
        try await withServer { _, port in
            let statuses = await withTaskGroup(of: Int.self) { group in
                for i in 0..<64 {
                    group.addTask { @concurrent in
                        (try? await Self.request("GET", i % 2 == 0 ? "/briefing/" : "/briefing/timeline/", port: port).status) ?? 0
                    }
                }
                var all: [Int] = []
                for await status in group { all.append(status) }
                return all
            }
            #expect(statuses.count == 64 && statuses.allSatisfy { $0 == 200 })
        }
    }

    @Test func requestPathsResolveInsideTheSite() {
        let files: Set<String> = ["index.html", "people/index.html", "assets/style.css"]
        let exists = { (path: String) in files.contains(path) }
        #expect(RequestPath.resolve("/", exists: exists) == .file("index.html"))
        #expect(RequestPath.resolve("/people/", exists: exists) == .file("people/index.html"))
        #expect(RequestPath.resolve("/people", exists: exists) == .redirect("/people/"))
        #expect(RequestPath.resolve("/assets/style.css", exists: exists) == .file("assets/style.css"))
        #expect(RequestPath.resolve("/a/../index.html", exists: exists) == .refused)
        #expect(RequestPath.resolve("/%2e%2e/x", exists: exists) == .refused)
    }

    @Test func requestPathsResolveUnderTheBasePath() {
        let files: Set<String> = ["index.html", "people/index.html", "assets/style.css"]
        let exists = { (path: String) in files.contains(path) }
        let base = "/briefing/"
        #expect(RequestPath.resolve("/", basePath: base, exists: exists) == .redirect("/briefing/"))
        #expect(RequestPath.resolve("/briefing", basePath: base, exists: exists) == .redirect("/briefing/"))
        #expect(RequestPath.resolve("/briefing/", basePath: base, exists: exists) == .file("index.html"))
        #expect(RequestPath.resolve("/briefing/people", basePath: base, exists: exists) == .redirect("/briefing/people/"))
        #expect(RequestPath.resolve("/briefing/assets/style.css", basePath: base, exists: exists) == .file("assets/style.css"))
        #expect(RequestPath.resolve("/briefing/no/such/", basePath: base, exists: exists) == .file("no/such/index.html"))
        #expect(RequestPath.resolve("/assets/style.css", basePath: base, exists: exists) == .outside)
        #expect(RequestPath.resolve("/briefingx/", basePath: base, exists: exists) == .outside)
        #expect(RequestPath.resolve("/briefing/../etc/passwd", basePath: base, exists: exists) == .refused)
        #expect(RequestPath.resolve("/my%20site/people/", basePath: "/my site/", exists: exists) == .file("people/index.html"))
        #expect(RequestPath.resolve("/", basePath: "/my site/", exists: exists) == .redirect("/my%20site/"))
    }
}
