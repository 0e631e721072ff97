/// Where each page lives, relative to the site root.
public enum SiteURLs {
    public static let briefings = "briefings/"
    public static let timeline = "timeline/"
    public static let people = "people/"
    public static let topics = "topics/"
    public static func topic(_ slug: String) -> String { "topics/\(slug)/" }
    public static func briefing(_ slug: String) -> String { "briefings/\(slug)/" }
    public static func person(_ slug: String) -> String { "people/\(slug)/" }
    public static func eventAnchor(id: String) -> String { "event-\(id)" }
    /// The anchor of an event without an id: its day (as far as known) and its title, so that it
    /// stays the same when other events are added, removed or reordered, and reads as what it
    /// names (`e-2025-12-02-witkoff-meets-putin`). A title with no Latin letter or digit gives a
    /// hash of itself instead of words.
    public static func eventAnchor(date: PartialDate, title: String) -> String {
        var words = Slug.make(from: title, limit: 48)
        if words.isEmpty { words = String(SiteIndex.hash(title).prefix(8)) }
        return "e-" + date.iso.prefix(10) + "-" + words
    }
}
