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

    /// `+05:30` / `-05:00` / `Z`.
    var offsetText: String {
        DateText.make { $0.offset(offsetSeconds, minus: UInt8(ascii: "-")) }
    }

    /// The value for `<time datetime>`, at the date's own precision.
    public var iso: String {
        DateText.make { text in
            text.number(year, width: 4)
            guard precision >= .month else { return }
            text.byte(UInt8(ascii: "-"))
            text.number(month, width: 2)
            guard precision >= .day else { return }
            text.byte(UInt8(ascii: "-"))
            text.number(day, width: 2)
            guard precision >= .time else { return }
            text.clock(self)
        }
    }

    /// A full RFC 3339 time for feeds and sitemaps: the start of the span in the date's zone.
    public var rfc3339: String {
        DateText.make { text in
            text.number(year, width: 4)
            text.byte(UInt8(ascii: "-"))
            text.number(month, width: 2)
            text.byte(UInt8(ascii: "-"))
            text.number(day, width: 2)
            text.clock(self)
        }
    }

    /// What a reader sees: `2025`, `December 2025`, `2 December 2025`, `2 December 2025, 10:00 UTC−05:00`.
    public var display: String {
        DateText.make { text in
            if precision >= .day {
                text.number(day, width: 1)
                text.byte(UInt8(ascii: " "))
            }
            if precision >= .month {
                text.bytes(PartialDate.monthNameBytes[month - 1])
                text.byte(UInt8(ascii: " "))
            }
            text.number(year, width: 1)
            guard precision >= .time else { return }
            text.ascii(", ")
            text.number(hour, width: 2)
            text.byte(UInt8(ascii: ":"))
            text.number(minute, width: 2)
            text.ascii(" UTC")
            // A minus sign, not a hyphen, before a negative offset.
            if offsetSeconds != 0 { text.offset(offsetSeconds, minus: nil) }
        }
    }

    private static let monthNameBytes = monthNames.map { Array($0.utf8) }

    /// `December 2025`: the timeline's month heading.
    var monthHeading: String { "\(PartialDate.monthNames[month - 1]) \(year)" }
}

/// Writes a date's text byte by byte into one string: interpolating made a string for every part
/// (a year, each two-digit field, the offset), and dates are written tens of thousands of times
/// in a build (pages, feeds, data exports, calendars).
struct DateText {
    private var buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    /// Longer than any date's text: `28 September 9999, 23:59 UTC−23:59` is 37 bytes.
    private static let capacity = 48

    static func make(_ write: (inout DateText) -> Void) -> String {
        String(unsafeUninitializedCapacity: capacity) { buffer in
            var text = DateText(buffer: buffer)
            write(&text)
            return text.count
        }
    }

    mutating func byte(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    mutating func bytes(_ bytes: [UInt8]) {
        for byte in bytes { self.byte(byte) }
    }

    mutating func ascii(_ text: StaticString) {
        for byte in UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount) { self.byte(byte) }
    }

    /// `n` (not negative) in decimal, with leading zeros up to `width` digits.
    mutating func number(_ n: Int, width: Int) {
        var digits = 1, power = 10
        while power <= n { digits += 1; power *= 10 }
        for _ in digits..<max(width, digits) { byte(UInt8(ascii: "0")) }
        var place = power / 10
        while place > 0 {
            byte(UInt8(ascii: "0") + UInt8(n / place % 10))
            place /= 10
        }
    }

    /// `T10:00:00` and the offset, for a time.
    mutating func clock(_ date: PartialDate) {
        byte(UInt8(ascii: "T"))
        number(date.hour, width: 2)
        byte(UInt8(ascii: ":"))
        number(date.minute, width: 2)
        byte(UInt8(ascii: ":"))
        number(date.second, width: 2)
        offset(date.offsetSeconds, minus: UInt8(ascii: "-"))
    }

    /// `Z`, `+05:30` or `-05:00`; with `minus` nil, a negative offset takes the minus sign U+2212
    /// (for readers) and a zero offset writes nothing.
    mutating func offset(_ seconds: Int, minus: UInt8?) {
        if seconds == 0 {
            if minus != nil { byte(UInt8(ascii: "Z")) }
            return
        }
        if seconds > 0 {
            byte(UInt8(ascii: "+"))
        } else if let minus {
            byte(minus)
        } else {
            byte(0xE2)  // U+2212 in UTF-8
            byte(0x88)
            byte(0x92)
        }
        let magnitude = abs(seconds)
        number(magnitude / 3600, width: 2)
        byte(UInt8(ascii: ":"))
        number(magnitude % 3600 / 60, width: 2)
    }
}
