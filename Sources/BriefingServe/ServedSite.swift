import BriefingCore
import Foundation

/// The site as `serve` currently serves it: the last good files and the path they are served
/// under, the errors of the last rebuild, and the browsers waiting to be told to reload.
actor ServedSite {
    private(set) var files: [String: [UInt8]] = [:]
    /// The path part of the site's `base_url`, from the last good build (`/` before one).
    private(set) var basePath = "/"
    private(set) var errors: [Diagnostic] = []
    /// Whether a build ever succeeded: until one does there is no good version to show.
    private(set) var hasGoodBuild = false
    private var listeners: [UUID: AsyncStream<Void>.Continuation] = [:]
    /// Requests that arrived while the first build ran.
    private var waitingForFirstBuild: [CheckedContinuation<Void, Never>]? = []

    func replace(files: [String: [UInt8]], basePath: String) {
        self.files = files
        self.basePath = basePath
        errors = []
        hasGoodBuild = true
        changed()
    }

    func show(errors: [Diagnostic]) {
        self.errors = errors
        changed()
    }

    private func changed() {
        for listener in listeners.values { listener.yield() }
        if let waiting = waitingForFirstBuild {
            waitingForFirstBuild = nil
            for request in waiting { request.resume() }
        }
    }

    /// Returns once the first build has finished, good or not: the server listens before it
    /// runs, so that a busy port is reported at once.
    func firstBuild() async {
        guard waitingForFirstBuild != nil else { return }
        await withCheckedContinuation { waitingForFirstBuild?.append($0) }
    }

    /// A stream that yields once per change of the site, until the browser goes away.
    func changes() -> AsyncStream<Void> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.forget(id) } }
        return stream
    }

    private func forget(_ id: UUID) {
        listeners[id] = nil
    }

    /// The response body and status for a site path.
    func response(for path: String) -> (status: Int, type: String, body: [UInt8])? {
        if let bytes = files[path] {
            let isHTML = path.hasSuffix(".html")
            return (200, ContentTypes.type(of: path), isHTML ? inject(into: bytes) : bytes)
        }
        return nil
    }

    /// The site's 404 page; before any good build, a page that only carries the errors.
    func notFound() -> (status: Int, body: [UInt8]) {
        guard hasGoodBuild else { return (503, inject(into: Array(PreviewPage.nothingBuilt.utf8))) }
        return (404, inject(into: files["404.html"] ?? Array("<!doctype html><title>Not found</title><h1>Not found</h1></body>".utf8)))
    }

    private func inject(into page: [UInt8]) -> [UInt8] {
        PreviewPage.inject(into: page, errors: errors, servingLastGood: hasGoodBuild)
    }

    /// The files and the path they are served under, from one build.
    func routing() -> (files: [String: [UInt8]], basePath: String) { (files, basePath) }

    func exists(_ path: String) -> Bool { files[path] != nil }
}
