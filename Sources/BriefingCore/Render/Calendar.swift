import Synchronization

/// Writes iCalendar text (RFC 5545): CRLF line ends, content lines folded at 75 octets without
/// splitting a UTF-8 sequence, TEXT values escaped.
struct ICalendarWriter {
    private(set) var bytes: [UInt8] = []

    /// Writes `NAME:value` with `value` already in its property's format (a date, a URI, a number).
    mutating func raw(_ name: String, _ value: String) {
        var line: [UInt8] = []
        line.reserveCapacity(name.utf8.count + 1 + value.utf8.count)
        line.append(contentsOf: name.utf8)
        line.append(UInt8(ascii: ":"))
        line.append(contentsOf: value.utf8)
        fold(line)
    }

    /// Writes `NAME:value` with `value` escaped as TEXT.
    mutating func text(_ name: String, _ value: String) {
        var line: [UInt8] = []
        line.reserveCapacity(name.utf8.count + 1 + value.utf8.count + 8)
        line.append(contentsOf: name.utf8)
        line.append(UInt8(ascii: ":"))
        Self.escape(value, into: &line)
        fold(line)
    }

    /// Hands what is written to `sink`, keeping the room for what comes next.
    mutating func flush(into sink: ByteSink) {
        sink.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Room for `count` more bytes.
    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(bytes.count + count)
    }

    /// Appends content lines written before (an event's, shared by several calendars).
    mutating func append(_ lines: [UInt8]) {
        bytes += lines
    }

    /// TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; other control
    /// characters, which TEXT may not hold, are dropped. Every character it changes is ASCII, so
    /// bytes of other characters pass through as they are. Escapes are appended byte by byte: an
    /// array literal per escape was an allocation for every comma of every event's text.
    static func escape(_ text: String, into out: inout [UInt8]) {
        out.reserveCapacity(out.count + text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            defer { previousWasCR = byte == 0x0D }
            switch byte {
            case UInt8(ascii: "\\"), UInt8(ascii: ";"), UInt8(ascii: ","):
                out.append(0x5C)
                out.append(byte)
            case 0x0D:
                out.append(0x5C)
                out.append(UInt8(ascii: "n"))
            case 0x0A:
                if !previousWasCR {
                    out.append(0x5C)
                    out.append(UInt8(ascii: "n"))
                }
            case 0x09: out.append(0x20)
            case ..<0x20, 0x7F: continue
            default: out.append(byte)
            }
        }
    }

    /// Appends one content line, folded: at most 75 octets a line, continuation lines starting
    /// with a space (which counts), never cutting inside a UTF-8 sequence.
    private mutating func fold(_ line: [UInt8]) {
        var start = 0
        var limit = 75
        while line.count - start > limit {
            var end = start + limit
            // Back up to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
            while end > start + 1, line[end] & 0xC0 == 0x80 { end -= 1 }
            bytes += line[start..<end]
            bytes.append(0x0D)
            bytes.append(0x0A)
            bytes.append(0x20)
            start = end
            limit = 74
        }
        bytes += line[start...]
        bytes.append(0x0D)
        bytes.append(0x0A)
    }
}

/// The calendars of a site: `timeline.ics` with every event known to the day or the minute, and
/// `people/<slug>/calendar.ics` with each person's.
struct CalendarFiles: Sendable {
    let contexts: PageContexts
    /// DTSTAMP of every entry (see `dtstamp`).
    let stamp: String
    /// The host and path every UID ends with (see `domain(of:)`), found once rather than per event.
    private let uidDomain: String
    /// Each event's VEVENT lines, written once: an event sits in the timeline's calendar and in
    /// the calendar of each of its people.
    private let entries: EntryCache

    /// Calendars of `contexts`' site; once `calendars` of them are made, the entries kept for
    /// them are freed (a timeline of a million lines has a hundred megabytes of them).
    init(contexts: PageContexts, calendars: Int = 0) {
        self.contexts = contexts
        stamp = Self.utc(Self.dtstamp(contexts.site))
        uidDomain = Self.domain(of: contexts.site.config.baseURL)
        entries = EntryCache(count: contexts.site.events.count, calendars: calendars)
    }

    var site: Site { contexts.site }
    var index: SiteIndex { contexts.index }

    private final class EntryCache: Sendable {
        private struct State {
            /// Empty once every calendar is made: entries are then written again when asked for.
            var lines: [[UInt8]?]
            var calendarsLeft: Int
        }
        private let state: Mutex<State>

        init(count: Int, calendars: Int) {
            state = Mutex(State(lines: Array(repeating: nil, count: count), calendarsLeft: calendars))
        }

        func lines(of e: Int) -> [UInt8]? {
            state.withLock { $0.lines.indices.contains(e) ? $0.lines[e] : nil }
        }

        func keep(_ lines: [UInt8], of e: Int) {
            state.withLock { if $0.lines.indices.contains(e) { $0.lines[e] = lines } }
        }

        func calendarDone() {
            state.withLock { state in
                state.calendarsLeft -= 1
                if state.calendarsLeft == 0 { state.lines = [] }
            }
        }
    }

    /// Where a person's calendar is written, relative to the site root.
    static func personPath(_ slug: String) -> String { SiteURLs.person(slug) + "calendar.ics" }
    static let timelinePath = "timeline.ics"

    /// Whether an event can be a calendar entry: it is known at least to the day.
    static func isDated(_ event: Event) -> Bool { event.date.precision >= .day }


    /// The whole site's calendar.
    func timeline(into sink: ByteSink) {
        calendar(name: "\(site.config.title): timeline", about: "Events of \(site.config.title) from its timeline.",
                 events: Array(site.events.indices), into: sink)
    }

    /// A person's calendar.
    func person(_ p: Int, into sink: ByteSink) {
        let person = site.people[p]
        calendar(name: "\(person.name) · \(site.config.title)",
                 about: "Events with \(person.name) from the timeline of \(site.config.title).",
                 events: index.eventsOfPerson[p], into: sink)
    }

    /// `2 events known only to the month or the year are left out: a calendar entry needs a day.`
    static func leftOutNote(_ count: Int) -> String? {
        guard count > 0 else { return nil }
        return Counted.text(count, "event") + " known only to the month or the year \(count == 1 ? "is" : "are") "
            + "left out: a calendar entry needs a day."
    }

    private func calendar(name: String, about: String, events: [Int], into sink: ByteSink) {
        var out = ICalendarWriter()
        let dated = events.filter { Self.isDated(site.events[$0]) }
        out.raw("BEGIN", "VCALENDAR")
        out.raw("VERSION", "2.0")
        out.text("PRODID", "-//Briefing//Briefing static site generator//EN")
        out.raw("CALSCALE", "GREGORIAN")
        out.raw("METHOD", "PUBLISH")
        out.text("X-WR-CALNAME", name)
        out.text("X-WR-CALDESC", [about, Self.leftOutNote(events.count - dated.count)].compactMap { $0 }.joined(separator: " "))
        out.raw("X-PUBLISHED-TTL", "PT1H")
        // Handed to the sink a part at a time: the site's calendar holds every dated event,
        // megabytes at 10,000 briefings and a hundred at a timeline of a million lines.
        out.reserve(Self.partSize + 4_096)
        for e in dated {
            out.append(entry(e))
            if out.bytes.count >= Self.partSize { out.flush(into: sink) }
        }
        out.raw("END", "VCALENDAR")
        out.flush(into: sink)
        entries.calendarDone()
    }

    /// About how much of a calendar is made before it goes to the file.
    private static let partSize = 1 << 19

    /// DTSTAMP comes from the input, never the clock: the newest change of any briefing (or the
    /// newest event when there are no briefings), so that two builds of the same input are identical.
    static func dtstamp(_ site: Site) -> Int64 {
        site.briefings.map(\.lastModified.startSeconds).max() ?? site.events.map(\.date.startSeconds).max() ?? 0
    }

    /// Event `e`'s VEVENT lines, from the cache or written now.
    private func entry(_ e: Int) -> [UInt8] {
        if let lines = entries.lines(of: e) { return lines }
        var out = ICalendarWriter()
        write(e, into: &out)
        let lines = out.bytes
        entries.keep(lines, of: e)
        return lines
    }

    private func write(_ e: Int, into out: inout ICalendarWriter) {
        let event = site.events[e]
        out.raw("BEGIN", "VEVENT")
        out.text("UID", uid(e))
        out.raw("DTSTAMP", stamp)
        if event.date.precision == .time {
            out.raw("DTSTART", Self.utc(event.date.startSeconds))
        } else {
            let day = PartialDate.daysFromCivil(event.date.year, event.date.month, event.date.day)
            out.raw("DTSTART;VALUE=DATE", Self.date(day))
            out.raw("DTEND;VALUE=DATE", Self.date(day + 1))
        }
        out.text("SUMMARY", event.title)
        if let place = event.place { out.text("LOCATION", place) }
        var description: [String] = []
        if let summary = contexts.markdown.events[e].text, !summary.isEmpty { description.append(summary) }
        let people = index.peopleOfEvent[e].map { site.people[$0].name }
        if !people.isEmpty { description.append("People: " + people.joined(separator: ", ")) }
        if let slug = event.briefing, let b = index.briefingIndex[slug] {
            let url = contexts.site.config.hasAbsoluteBaseURL ? " " + contexts.absoluteURL(SiteURLs.briefing(slug.rawValue)) : ""
            description.append("Briefing: \(site.briefings[b].title)" + url)
        }
        if event.expected { description.append("Expected: announced, not yet happened.") }
        if !description.isEmpty { out.text("DESCRIPTION", description.joined(separator: "\n")) }
        // URL is a URI (RFC 5545 3.3.13): left out where the base URL is only a path.
        if contexts.site.config.hasAbsoluteBaseURL {
            out.raw("URL", contexts.absoluteURL(index.eventURL(e)))
        }
        out.raw("STATUS", event.expected ? "TENTATIVE" : "CONFIRMED")
        out.raw("TRANSP", "TRANSPARENT")
        out.raw("END", "VEVENT")
    }

    /// A UID that stays the same from build to build: the event's key (its `id`, or a hash of where
    /// and what it is) at the site's host and path.
    func uid(_ e: Int) -> String {
        index.eventKeys[e] + "@" + uidDomain
    }

    /// `example.org/briefing` for `https://example.org/briefing/`; `briefing.invalid` for a bare path.
    static func domain(of baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] } else { rest = "briefing.invalid" + rest }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        return String(rest)
    }

    // MARK: - Date formats

    /// `20251202T150000Z`.
    static func utc(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = Int(seconds - days * 86_400)
        return date(days) + "T" + two(rest / 3600) + two(rest % 3600 / 60) + two(rest % 60) + "Z"
    }

    /// `20251202` for a day counted from 1970-01-01.
    static func date(_ days: Int64) -> String {
        let (y, m, d) = civil(fromDays: days)
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + two(m) + two(d)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Year, month, day of a day counted from 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (Int(y), Int(m), Int(d))
    }
}
