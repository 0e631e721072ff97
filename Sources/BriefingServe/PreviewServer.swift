import BriefingCore
import FlyingFox
import FlyingSocks
import Foundation

/// `briefing serve`: builds the site in memory, serves it over HTTP, rebuilds on every change
/// of `Content/` or `Templates/`, and tells open pages to reload.
public actor PreviewServer {
    public struct Settings: Sendable {
        public var siteRoot: String
        public var host: String
        public var port: UInt16
        public var options: BuildOptions
        /// How often the site folder is checked for changes.
        public var pollInterval: Duration

        public init(siteRoot: String, host: String = "127.0.0.1", port: UInt16 = 8080,
                    options: BuildOptions = BuildOptions(), pollInterval: Duration = .milliseconds(150)) {
            self.siteRoot = siteRoot
            self.host = host
            self.port = port
            self.options = options
            self.pollInterval = pollInterval
        }
    }

    /// Where messages for the person at the terminal go.
    public typealias Log = @Sendable (String) -> Void

    /// A message for the person at the terminal, with what it is about, so that the command line
    /// can choose what to print (`--quiet`, `--verbose`) and how (colours).
    public struct Note: Sendable {
        public enum Kind: Sendable {
            /// Where the site is served, what a rebuild changed.
            case status
            /// What only `--verbose` shows: each file a rebuild wrote or removed, timings.
            case detail
            /// A problem of the site: `diagnostic` says which; or the closing count of errors.
            case problem
        }

        public var kind: Kind
        public var text: String
        /// The warning or error the note reports, when it is one.
        public var diagnostic: Diagnostic?

        /// Whether the note reports an error (not a warning).
        public var isError: Bool { kind == .problem && (diagnostic?.severity ?? .error) == .error }
    }

    let settings: Settings
    let notes: @Sendable (Note) -> Void
    let site = ServedSite()
    let builder: IncrementalBuilder
    private var server: HTTPServer?

    public init(settings: Settings, log: @escaping Log) {
        self.init(settings: settings, notes: { log($0.text) })
    }

    /// With a trailing closure, `init(settings:log:)` is meant: this one is called with its label.
    @_disfavoredOverload
    public init(settings: Settings, notes: @escaping @Sendable (Note) -> Void) {
        self.settings = settings
        self.notes = notes
        // Each rebuild's stages, for --verbose.
        let stages = BuildProgress(report: nil) { stage, took in
            notes(Note(kind: .detail, text: "  \(stage): \(took.formatted(.units(allowed: [.milliseconds])))"))
        }
        builder = IncrementalBuilder(siteRoot: settings.siteRoot, options: settings.options, progress: stages)
    }

    private func log(_ text: String, _ kind: Note.Kind = .status) {
        notes(Note(kind: kind, text: text))
    }

    private func log(_ diagnostic: Diagnostic) {
        notes(Note(kind: .problem, text: diagnostic.description, diagnostic: diagnostic))
    }

    /// Why the server could not listen, in the words the terminal shows:
    /// `cannot listen on 127.0.0.1:8080: address already in use`.
    public struct ListenFailure: Error, CustomStringConvertible {
        /// `host:port` as asked for.
        public var address: String
        public var reason: String
        public var hint: String
        /// The address given is not one (a wrong command line, not a refusal of the system).
        public var isBadAddress = false

        public var description: String { "cannot listen on \(address): \(reason)" }

        init(host: String, port: UInt16, reason: String, hint: String) {
            address = "\(host):\(port)"
            self.reason = reason
            self.hint = hint
        }

        /// From the error of a socket call; nil for anything else.
        init?(_ error: any Error, host: String, port: UInt16) {
            guard case SocketError.failed(_, let code, let message) = error else { return nil }
            switch code {
            case EADDRINUSE:
                self.init(host: host, port: port, reason: "address already in use",
                          hint: "stop the other server or pass --port N for another port")
            case EACCES where port < 1024:
                self.init(host: host, port: port, reason: "permission denied",
                          hint: "ports below 1024 need administrator rights: pass --port N with N of 1024 or more")
            case EADDRNOTAVAIL:
                self.init(host: host, port: port, reason: "\(host) is not an address of this machine",
                          hint: "leave out --host to listen on 127.0.0.1")
            default:
                let reason = message.prefix(1).lowercased() + message.dropFirst()
                self.init(host: host, port: port, reason: reason, hint: "pass another --port or --host")
            }
        }
    }

    /// Starts listening (a busy port fails here, at once), builds, then watches and rebuilds
    /// until the task is cancelled. Requests that arrive during the first build wait for it.
    public func run() async throws {
        // IPv4 loopback unless another address is asked for explicitly (FlyingFox's `.loopback` is ::1).
        let host = settings.host == "localhost" ? "127.0.0.1" : settings.host
        let address: sockaddr_in
        do {
            address = try sockaddr_in.inet(ip4: host, port: settings.port)
        } catch {
            var failure = ListenFailure(host: settings.host, port: settings.port, reason: "'\(settings.host)' is not an IPv4 address",
                                        hint: "leave out --host to listen on 127.0.0.1, or give an address such as 192.168.1.20")
            failure.isBadAddress = true
            throw failure
        }
        let server = HTTPServer(address: address, logger: .disabled)
        self.server = server
        let site = self.site
        await server.appendRoute("GET /__briefing/reload", to: WebSocketHTTPHandler(handler: MessageFrameWSHandler(handler: ReloadMessages(site: site))))
        await server.appendRoute("GET,HEAD *") { request in await PreviewServer.respond(to: request, from: site) }

        try await withThrowingTaskGroup(of: Bool.self) { group in
            // `run` fails at once when the socket cannot be bound; waiting alone would only time out.
            group.addTask { try await server.run(); return false }
            group.addTask { try await server.waitUntilListening(timeout: 3600); return true }
            do {
                // Stopped before it listened.
                guard try await group.next() == true else { group.cancelAll(); return }
            } catch {
                throw ListenFailure(error, host: settings.host, port: settings.port) ?? error
            }
            let port = await server.listeningAddress.flatMap(Self.port(of:)) ?? settings.port
            origin = "http://\(settings.host):\(port)"
            // Watching starts before the first build, so that no edit made during it is missed.
            let watcher = ChangeWatcher(siteRoot: settings.siteRoot)
            let stamps = watcher.snapshot()
            let events = FileEvents(siteRoot: settings.siteRoot, folders: watcher.folders)
            await rebuild(changed: nil, initial: true)
            log("serving \(settings.siteRoot) at \(await servedURL()) (Ctrl-C to stop)")
            group.addTask { try await self.watch(with: watcher, events: events, from: stamps); return false }
            _ = try await group.next()
            group.cancelAll()
        }
    }

    /// `http://host:port` once listening.
    private var origin = ""

    /// Where the site is, under its base path.
    private func servedURL() async -> String {
        origin + RequestPath.encoded(await site.basePath)
    }

    /// Rebuilds on every change: told by inotify where the system has it, else by comparing
    /// snapshots of the site folder.
    private func watch(with watcher: ChangeWatcher, events: FileEvents?,
                       from initial: [String: ChangeWatcher.Stamp]) async throws {
        if let events {
            // Events gather in `pending` while a rebuild runs; each wake-up rebuilds once for all.
            let (wake, wakeUp) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
            let forward = Task {
                for await batch in events.stream {
                    self.note(batch)
                    wakeUp.yield()
                }
            }
            defer { forward.cancel() }
            for await _ in wake {
                // Editors write a file in several steps: let them finish.
                try await Task.sleep(for: .milliseconds(8))
                let changed = takePending()
                if let changed, changed.isEmpty { continue }
                await rebuild(changed: changed)
            }
            return
        }
        try await poll(with: watcher, from: initial)
    }

    /// Changed paths not yet rebuilt; nil when events were lost and everything must be checked.
    private var pending: Set<String>? = []

    private func note(_ batch: Set<String>?) {
        guard let current = pending, let batch else { pending = nil; return }
        pending = current.union(batch.filter(ChangeWatcher.isContent))
    }

    private func takePending() -> Set<String>? {
        defer { pending = [] }
        return pending
    }

    private func poll(with watcher: ChangeWatcher, from initial: [String: ChangeWatcher.Stamp]) async throws {
        var stamps = initial
        while !Task.isCancelled {
            try await Task.sleep(for: settings.pollInterval)
            let next = watcher.snapshot()
            let changed = ChangeWatcher.changes(from: stamps, to: next)
            guard !changed.isEmpty else { continue }
            stamps = next
            await rebuild(changed: changed)
        }
    }

    /// The port a listening address uses.
    static func port(of address: Socket.Address) -> UInt16? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): port
        default: nil
        }
    }

    public func stop() async {
        await server?.stop(timeout: 1)
    }

    /// The port the server listens on, once it does.
    public func listeningPort() async -> UInt16? {
        guard let server, let address = await server.listeningAddress else { return nil }
        return Self.port(of: address)
    }

    func rebuild(changed: Set<String>?, initial: Bool = false) async {
        let clock = ContinuousClock()
        let start = clock.now
        switch await builder.rebuild(changedPaths: changed) {
        case .updated(let removed, let warnings):
            let basePath = await builder.basePath ?? "/"
            let (hadGoodBuild, oldBasePath) = (await site.hasGoodBuild, await site.basePath)
            let paths = await builder.paths
            await site.replace(source: builder, paths: paths, basePath: basePath)
            for warning in warnings { log(warning) }
            let elapsed = clock.now - start
            if !initial {
                log("rebuilt in \(elapsed.formatted(.units(allowed: [.milliseconds])))"
                    + (removed.isEmpty ? "" : ", \(removed.count) file(s) removed"))
                for path in removed.sorted() { log("  removed \(path)", .detail) }
            } else {
                log("built \(paths.count) files in memory in \(elapsed.formatted(.units(allowed: [.milliseconds])))"
                    + "; pages are rendered as they are asked for", .detail)
            }
            // The address printed at the start no longer leads to the site.
            if !initial, basePath != oldBasePath {
                log((hadGoodBuild ? "base_url changed: " : "") + "now serving at \(await servedURL())")
            }
        case .failed(let diagnostics):
            await site.show(errors: diagnostics)
            for diagnostic in diagnostics.sorted() { log(diagnostic) }
            let count = diagnostics.filter { $0.severity == .error }.count
            log(await site.hasGoodBuild ? "\(count) error(s); still serving the last good site"
                                        : "\(count) error(s); nothing to serve until they are fixed", .problem)
        }
    }

    static func respond(to request: HTTPRequest, from site: ServedSite) async -> HTTPResponse {
        await site.firstBuild()
        let isHead = request.method == .HEAD
        let target = request.target.path(percentEncoded: true)
        switch await resolve(target, in: site) {
        case .refused:
            let headers: HTTPHeaders = [.contentType: "text/plain; charset=utf-8"]
            return HTTPResponse(statusCode: .forbidden, headers: headers, body: Data("refused\n".utf8))
        case .redirect(let location):
            let headers: HTTPHeaders = [.location: location]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .file(let path):
            if let found = await site.response(for: path) {
                return body(found.body, status: .ok, type: found.type, head: isHead)
            }
            return await notFound(from: site, head: isHead)
        case .outside:
            return await notFound(from: site, head: isHead)
        }
    }

    static func notFound(from site: ServedSite, head: Bool) async -> HTTPResponse {
        let page = await site.notFound()
        return body(page.body, status: page.status == 404 ? .notFound : .serviceUnavailable,
                    type: "text/html; charset=utf-8", head: head)
    }

    static func resolve(_ target: String, in site: ServedSite) async -> RequestPath.Resolution {
        let (paths, basePath) = await site.routing()
        return RequestPath.resolve(target, basePath: basePath) { paths.contains($0) }
    }

    static func body(_ bytes: [UInt8], status: HTTPStatusCode, type: String, head: Bool) -> HTTPResponse {
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if head {
            headers[.contentLength] = String(bytes.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: Data(bytes))
    }
}

/// Sends `reload` to a browser each time the served site changes.
struct ReloadMessages: WSMessageHandler {
    let site: ServedSite

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let changes = await site.changes()
        return AsyncStream { continuation in
            let task = Task {
                for await _ in changes { continuation.yield(.text("reload")) }
                continuation.finish()
            }
            let drain = Task {
                for await _ in client {}
                task.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel(); drain.cancel() }
        }
    }
}
