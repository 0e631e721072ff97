import Foundation

/// Turns a request target into a path of the served site, refusing anything that could name a
/// file outside it. The site is served from memory, so a refused path is never looked up.
///
/// The site is served under the path of its `base_url` (`/briefing/` for
/// `https://example.org/briefing/`), as it will be published: pages that link from the base
/// path (the 404 page, served at any depth) work in the preview as they will on the host.
enum RequestPath {
    enum Resolution: Equatable {
        /// A path in the site (no leading `/`), e.g. `people/x/index.html`.
        case file(String)
        /// A folder asked for without its trailing slash, or the server's root when the site
        /// lives under a base path: redirect so relative links work.
        case redirect(String)
        /// Outside the base path: nothing of the site is there, as on the published host.
        case outside
        case refused
    }

    /// `target` is the raw, still percent-encoded path of the request (no query); `basePath`
    /// starts and ends with `/`.
    static func resolve(_ target: String, basePath: String = "/", exists: (String) -> Bool) -> Resolution {
        guard target.hasPrefix("/"), !target.hasPrefix("//") else { return .refused }
        let lower = target.lowercased()
        // Encoded dots and slashes are how traversal hides; no page of ours needs them.
        if lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\") || lower.contains("%00") {
            return .refused
        }
        guard var decoded = target.removingPercentEncoding else { return .refused }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) { return .refused }
        if basePath != "/" {
            if decoded == "/" || decoded + "/" == basePath { return .redirect(encoded(basePath)) }
            guard decoded.hasPrefix(basePath) else { return .outside }
            decoded.removeFirst(basePath.count - 1)
        }
        var path = String(decoded.dropFirst())
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if !exists(path), exists(path + "/index.html") { return .redirect(target + "/") }
        return .file(path)
    }

    /// A path as it goes into a `Location` header.
    static func encoded(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }
}
