import BriefingCore
import Foundation

/// The site as `serve` currently serves it: the last good files and the path they are served
/// under, the errors of the last rebuild, and the browsers waiting to be told to reload.
actor ServedSite {
    /// Makes the last good site's files as they are asked for; nil before a good build.
    private var source: IncrementalBuilder?
    /// The last good site's output paths.
    private(set) var paths = OutputPaths.none
    /// The path part of the site's `base_url`, from the last good build (`/` before one).
    private(set) var basePath = "/"
    private(set) var errors: [Diagnostic] = []
    /// Whether a build ever succeeded: until one does there is no good version to show.
    var hasGoodBuild: Bool { source != nil }
    private var listeners: [UUID: AsyncStream<Void>.Continuation] = [:]
    /// Requests that arrived while the first build ran.
    private var waitingForFirstBuild: [CheckedContinuation<Void, Never>]? = []

    /// Serves the site `source` now holds.
    func replace(source: IncrementalBuilder, paths: OutputPaths, basePath: String) {
        self.source = source
        self.paths = paths
        self.basePath = basePath
        errors = []
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
    func response(for path: String) async -> (status: Int, type: String, body: [UInt8])? {
        guard paths.contains(path), let bytes = await source?.file(path) else { return nil }
        let isHTML = path.hasSuffix(".html")
        return (200, ContentTypes.type(of: path), isHTML ? inject(into: bytes) : bytes)
    }

    /// The site's 404 page; before any good build, a page that only carries the errors.
    func notFound() async -> (status: Int, body: [UInt8]) {
        guard let source else { return (503, inject(into: Array(PreviewPage.nothingBuilt.utf8))) }
        let page = await source.file("404.html")
        return (404, inject(into: page ?? Array("<!doctype html><title>Not found</title><h1>Not found</h1></body>".utf8)))
    }

    private func inject(into page: [UInt8]) -> [UInt8] {
        PreviewPage.inject(into: page, errors: errors, servingLastGood: hasGoodBuild)
    }

    /// The paths and the path they are served under, from one build.
    func routing() -> (paths: OutputPaths, basePath: String) { (paths, basePath) }

    func exists(_ path: String) -> Bool { paths.contains(path) }
}
