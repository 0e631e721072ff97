/// Turns a request target into a path of the served site, refusing anything that could name a
/// file outside it. The site is served from memory, so a refused path is never looked up.
enum RequestPath {
    enum Resolution: Equatable {
        /// A path in the site (no leading `/`), e.g. `people/x/index.html`.
        case file(String)
        /// A folder asked for without its trailing slash: redirect so relative links work.
        case redirect(String)
        case refused
    }

    /// `target` is the raw, still percent-encoded path of the request (no query).
    static func resolve(_ target: String, exists: (String) -> Bool) -> Resolution {
        guard target.hasPrefix("/"), !target.hasPrefix("//") else { return .refused }
        let lower = target.lowercased()
        // Encoded dots and slashes are how traversal hides; no page of ours needs them.
        if lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\") || lower.contains("%00") {
            return .refused
        }
        guard let decoded = target.removingPercentEncoding else { return .refused }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if parts.contains(where: { $0 == ".." || $0 == "." || $0.contains("\0") }) { return .refused }
        var path = parts.joined(separator: "/")
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        if !exists(path), exists(path + "/index.html") { return .redirect(target + "/") }
        return .file(path)
    }
}

import Foundation
