/// The sitemap, within the protocol's limits (sitemaps.org: at most 50,000 URLs and 50 MB a file):
/// one `sitemap.xml`, or past them parts `sitemap-1.xml`, `sitemap-2.xml`… listed by a sitemap
/// index at `sitemap.xml`, so crawlers find it where they look.
struct SitemapPlan: Sendable {
    static let maxURLs = 50_000
    /// Below the protocol's 50 MB, with room for the XML around the URLs.
    static let maxBytes = 45_000_000

    struct Entry: Sendable, Equatable {
        /// From the site root.
        let path: String
        let lastmod: String?
    }

    let entries: [Entry]
    /// Positions in `entries` of each part, in order; one part when the limits are not reached.
    let parts: [Range<Int>]

    init(entries: [Entry], maxURLs: Int = SitemapPlan.maxURLs, maxBytes: Int = SitemapPlan.maxBytes, baseURLBytes: Int = 64) {
        self.entries = entries
        var parts: [Range<Int>] = []
        var start = 0, bytes = 0
        for (i, entry) in entries.enumerated() {
            // `<url><loc>…</loc><lastmod>…</lastmod></url>` and line breaks: the XML is escaped, so
            // allow for a few entities too.
            let size = 64 + baseURLBytes + entry.path.utf8.count * 2 + (entry.lastmod?.utf8.count ?? 0)
            if i > start, i - start == maxURLs || bytes + size > maxBytes {
                parts.append(start..<i)
                start = i
                bytes = 0
            }
            bytes += size
        }
        parts.append(start..<entries.count)
        self.parts = parts
    }

    /// Whether pages at paths of these lengths (in bytes) fit one part, however long their
    /// `lastmod`: a bound of `init`'s sizes, each entry's path being at most its page's.
    static func fitsOnePart(_ pathLengths: some Sequence<Int>, baseURLBytes: Int = 64) -> Bool {
        var count = 0, bytes = 0
        for length in pathLengths {
            count += 1
            // The longest `lastmod` is a date-time with fractions of a second and an offset.
            bytes += 64 + baseURLBytes + length * 2 + 40
        }
        return count <= maxURLs && bytes <= maxBytes
    }

    static func partPath(_ part: Int) -> String { "sitemap-\(part + 1).xml" }

    /// The sitemap index listing every part.
    func index(baseURL: String) -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for part in parts.indices {
            xml += "<sitemap>\n<loc>" + HTMLText.escape(baseURL + Self.partPath(part)) + "</loc>\n</sitemap>\n"
        }
        return Array((xml + "</sitemapindex>\n").utf8)
    }
}
