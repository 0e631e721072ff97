import Foundation

/// A date that keeps the precision it was written with: a year, a month, a day, or an instant.
///
/// Dates without a zone (everything but a full date-time with offset) are read in the site's
/// time zone, so that they sort against instants consistently and never gain an invented day.
public struct PartialDate: Sendable, Hashable, Comparable {
    public enum Precision: Int, Sendable, Comparable {
        case year = 0, month, day, time
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
        public var name: String {
            switch self {
            case .year: "year"
            case .month: "month"
            case .day: "day"
            case .time: "time"
            }
        }
    }

    public let precision: Precision
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int
    /// Offset from UTC in seconds of the wall-clock fields above.
    public let offsetSeconds: Int
    /// Seconds since 1970 (UTC) of the start of the span this date names.
    public let startSeconds: Int64

    /// Parses `2022`, `2022-02`, `2022-02-24`, `2022-02-24T05:30[:00][.000](Z|+03:00)`; `nil` if invalid.
    /// A date-time without an offset is read in `timeZone`.
    public init?(parsing raw: String, timeZone: TimeZone) {
        var bytes = Array(raw.utf8)
        while bytes.last == 0x20 || bytes.last == 0x09 { bytes.removeLast() }
        while bytes.first == 0x20 || bytes.first == 0x09 { bytes.removeFirst() }
        var index = 0
        func number(_ digits: Int) -> Int? {
            guard index + digits <= bytes.count else { return nil }
            var value = 0
            for i in index..<(index + digits) {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            index += digits
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == c else { return false }
            index += 1
            return true
        }
        guard let y = number(4), y >= 1 else { return nil }
        if index == bytes.count {
            self.init(precision: .year, y, 1, 1, 0, 0, 0, offset: nil, timeZone: timeZone)
            return
        }
        guard expect(0x2D), let m = number(2), (1...12).contains(m) else { return nil }
        if index == bytes.count {
            self.init(precision: .month, y, m, 1, 0, 0, 0, offset: nil, timeZone: timeZone)
            return
        }
        guard expect(0x2D), let d = number(2), d >= 1, d <= PartialDate.daysIn(month: m, year: y) else { return nil }
        if index == bytes.count {
            self.init(precision: .day, y, m, d, 0, 0, 0, offset: nil, timeZone: timeZone)
            return
        }
        guard expect(0x54) || expect(0x74) || expect(0x20) else { return nil }
        guard let h = number(2), h <= 23, expect(0x3A), let mi = number(2), mi <= 59 else { return nil }
        var s = 0
        if expect(0x3A) {
            guard let sec = number(2), sec <= 59 else { return nil }
            s = sec
            if expect(0x2E) {  // fractional seconds: accepted, not kept
                let start = index
                while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
                guard index > start else { return nil }
            }
        }
        var offset: Int?
        if index < bytes.count {
            if expect(0x5A) || expect(0x7A) {
                offset = 0
            } else {
                let sign: Int
                if expect(0x2B) { sign = 1 } else if expect(0x2D) { sign = -1 } else { return nil }
                guard let oh = number(2), oh <= 23 else { return nil }
                _ = expect(0x3A)
                guard let om = number(2), om <= 59 else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard index == bytes.count else { return nil }
        self.init(precision: .time, y, m, d, h, mi, s, offset: offset, timeZone: timeZone)
    }

    private init(precision: Precision, _ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int,
                 offset: Int?, timeZone: TimeZone) {
        self.precision = precision
        year = y; month = m; day = d; hour = h; minute = mi; second = s
        let wall = PartialDate.daysFromCivil(y, m, d) * 86_400 + Int64(h * 3600 + mi * 60 + s)
        let resolvedOffset = offset ?? PartialDate.offset(of: timeZone, atWallClock: wall)
        offsetSeconds = resolvedOffset
        startSeconds = wall - Int64(resolvedOffset)
    }

    /// Seconds since 1970 of the start of day `y-m-d` in `timeZone` (a valid day).
    static func startOfDay(_ y: Int, _ m: Int, _ d: Int, in timeZone: TimeZone) -> Int64 {
        PartialDate(precision: .day, y, m, d, 0, 0, 0, offset: nil, timeZone: timeZone).startSeconds
    }

    /// The zone's offset at a wall-clock time (approximated by the offset at that time read as UTC).
    private static func offset(of zone: TimeZone, atWallClock wall: Int64) -> Int {
        let guess = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall)))
        return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall - Int64(guess))))
    }

    /// Time order; within the same start, coarser dates first (a year before its January).
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        if a.startSeconds != b.startSeconds { return a.startSeconds < b.startSeconds }
        return a.precision < b.precision
    }

    // MARK: - Calendar arithmetic (proleptic Gregorian), no Foundation calendar in hot paths

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int64(era * 146_097 + doe - 719_468)
    }
}

extension PartialDate {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    private static func four(_ n: Int) -> String {
        let s = String(n)
        return s.count >= 4 ? s : String(repeating: "0", count: 4 - s.count) + s
    }

    /// `+05:30` / `-05:00` / `Z`.
    var offsetText: String {
        if offsetSeconds == 0 { return "Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let a = abs(offsetSeconds)
        return "\(sign)\(PartialDate.two(a / 3600)):\(PartialDate.two(a % 3600 / 60))"
    }

    /// The value for `<time datetime>`, at the date's own precision.
    public var iso: String {
        let y = PartialDate.four(year)
        switch precision {
        case .year: return y
        case .month: return "\(y)-\(PartialDate.two(month))"
        case .day: return "\(y)-\(PartialDate.two(month))-\(PartialDate.two(day))"
        case .time:
            return "\(y)-\(PartialDate.two(month))-\(PartialDate.two(day))T\(PartialDate.two(hour)):\(PartialDate.two(minute)):\(PartialDate.two(second))\(offsetText)"
        }
    }

    /// A full RFC 3339 time for feeds and sitemaps: the start of the span in the date's zone.
    public var rfc3339: String {
        let y = PartialDate.four(year)
        return "\(y)-\(PartialDate.two(month))-\(PartialDate.two(day))T\(PartialDate.two(hour)):\(PartialDate.two(minute)):\(PartialDate.two(second))\(offsetText)"
    }

    /// What a reader sees: `2025`, `December 2025`, `2 December 2025`, `2 December 2025, 10:00 UTC−05:00`.
    public var display: String {
        let monthName = PartialDate.monthNames[month - 1]
        switch precision {
        case .year: return "\(year)"
        case .month: return "\(monthName) \(year)"
        case .day: return "\(day) \(monthName) \(year)"
        case .time:
            // A minus sign, not a hyphen, before a negative offset.
            let zone = offsetSeconds == 0 ? "UTC" : "UTC" + (offsetSeconds < 0 ? "\u{2212}" + offsetText.dropFirst() : offsetText)
            return "\(day) \(monthName) \(year), \(PartialDate.two(hour)):\(PartialDate.two(minute)) \(zone)"
        }
    }

    /// `December 2025`: the timeline's month heading.
    var monthHeading: String { "\(PartialDate.monthNames[month - 1]) \(year)" }
}
