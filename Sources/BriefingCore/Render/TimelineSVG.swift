import Foundation

/// A drawing of events along a time axis, made at build time (no script): a dot for an event known
/// to the day or the minute, a bar spanning the month or the year of one known only that far, hollow
/// when expected. Past `detailLimit` events it draws how many events fall in each month (or year)
/// instead, so its size stays bounded however large the site.
///
/// The SVG is inline markup for a page: `role="img"` with a `<title>` and a `<desc>` that say what
/// it shows, drawn in `currentColor` (so it follows the text colour, dark mode included), with a
/// `viewBox` and `width="100%"` so it scales to its column.
struct TimelineSVG: Sendable {
    /// One event as drawn.
    struct Mark: Sendable {
        var date: PartialDate
        var title: String
        var expected: Bool
    }

    /// How many events are drawn one by one; more become a histogram.
    static let detailLimit = 300

    let zone: TimeZone
    /// A smaller drawing (person pages): fewer lanes.
    var compact = false
    /// Prefix of the element ids of `<title>` and `<desc>`, unique on the page.
    var idPrefix = "timeline-drawing"

    // A compact drawing has a narrower viewBox, so its text stays legible in a narrow column.
    var width: Double { compact ? 400 : 560 }
    private var fontSize: Int { compact ? 12 : 13 }
    private var maxLanes: Int { compact ? 4 : 10 }
    private var maxTicks: Double { compact ? 5 : 8 }
    private let laneHeight = 16.0
    private let marginX = 12.0
    private let top = 10.0

    // MARK: - Entry

    /// The `<svg>` element for `marks` (in time order); nil when there is nothing to draw.
    func render(_ marks: [Mark], subject: String) -> String? {
        guard !marks.isEmpty else { return nil }
        let domain = self.domain(marks)
        let body: String
        let description: String
        var height: Double
        if marks.count > Self.detailLimit {
            (body, description, height) = histogram(marks, domain: domain)
        } else {
            (body, description, height) = detail(marks, domain: domain)
        }
        let axis = self.axis(domain: domain, y: height)
        height += 30
        let first = marks.map(\.date).min()!, last = marks.map(\.date).max()!
        // "on 2 December 2025", but "in December 2025" and "in 2022"; a span that holds all the
        // others ("December 2025" and "2 December 2025") is named alone.
        let widest = marks.map(\.date).max { end(of: $0) - $0.startSeconds < end(of: $1) - $1.startSeconds }!
        let holdsAll = marks.allSatisfy { $0.date.startSeconds >= widest.startSeconds && end(of: $0.date) <= end(of: widest) }
        let span = first.display == last.display || holdsAll
            ? "\(widest.precision >= .day ? "on" : "in") \(widest.display)"
            : "from \(first.display) to \(last.display)"
        let title = "\(subject): \(Counted.text(marks.count, "event")) \(span)"
        let h = Self.number(height)
        return "<svg class=\"timeline-svg\" role=\"img\" aria-labelledby=\"\(idPrefix)-title \(idPrefix)-desc\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(h)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" "
            + "xmlns=\"http://www.w3.org/2000/svg\" font-size=\"\(fontSize)\" fill=\"currentColor\">"
            + "<title id=\"\(idPrefix)-title\">\(HTMLText.escape(title))</title>"
            + "<desc id=\"\(idPrefix)-desc\">\(HTMLText.escape(description))</desc>"
            + body + axis + "</svg>"
    }

    // MARK: - Time scale

    /// The end of the span a date names: the next year, month or day; an instant is its own end.
    func end(of date: PartialDate) -> Int64 {
        switch date.precision {
        case .time: return date.startSeconds
        case .day: return date.startSeconds + 86_400
        case .month:
            let (y, m) = date.month == 12 ? (date.year + 1, 1) : (date.year, date.month + 1)
            return start(y, m, 1)
        case .year: return start(date.year + 1, 1, 1)
        }
    }

    /// Seconds since 1970 of the start of a day in the site's zone.
    func start(_ y: Int, _ m: Int, _ d: Int) -> Int64 {
        PartialDate.startOfDay(y, m, d, in: zone)
    }

    struct Domain {
        var from: Int64
        var to: Int64
        var length: Double { Double(to - from) }
    }

    private func domain(_ marks: [Mark]) -> Domain {
        var from = marks.map(\.date.startSeconds).min()!
        var to = marks.map { end(of: $0.date) }.max()!
        if to - from < 86_400 * 2 { from -= 86_400; to += 86_400 }
        let pad = (to - from) / 40
        return Domain(from: from - pad, to: to + pad)
    }

    private func x(_ seconds: Int64, _ domain: Domain) -> Double {
        marginX + (width - 2 * marginX) * Double(seconds - domain.from) / domain.length
    }

    // MARK: - One mark per event

    private func detail(_ marks: [Mark], domain: Domain) -> (String, String, Double) {
        let radius = 4.5
        let minBar = 4.0
        var laneEnds: [Double] = []
        var shapes = ""
        for mark in marks {
            let x0 = x(mark.date.startSeconds, domain)
            let isSpan = mark.date.precision <= .month
            let x1 = isSpan ? max(x(end(of: mark.date), domain), x0 + minBar) : x0
            let (left, right) = isSpan ? (x0, x1) : (x0 - radius, x0 + radius)
            // The first lane free at this point; when all are taken, the one that frees first.
            var lane = laneEnds.firstIndex { $0 + 2 < left }
            if lane == nil {
                if laneEnds.count < maxLanes {
                    laneEnds.append(-.infinity)
                    lane = laneEnds.count - 1
                } else {
                    lane = laneEnds.indices.min { laneEnds[$0] < laneEnds[$1] }
                }
            }
            let l = lane!
            laneEnds[l] = max(laneEnds[l], right)
            let cy = top + laneHeight * (Double(l) + 0.5)
            // Appended piece by piece: joining the pieces with `+` made a string for each join,
            // for every event on every person page.
            let paint = "fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\""
            shapes += isSpan ? "<rect class=\"tl-mark tl-" : "<circle class=\"tl-mark tl-"
            shapes += mark.date.precision.name
            if mark.expected { shapes += " tl-expected" }
            if isSpan {
                shapes += "\" x=\""
                shapes += Self.number(x0)
                shapes += "\" y=\""
                shapes += Self.number(cy - 4)
                shapes += "\" width=\""
                shapes += Self.number(x1 - x0)
                shapes += "\" height=\"8\" rx=\"2\" "
                if mark.expected {
                    shapes += paint
                } else {
                    shapes += mark.date.precision == .year ? "fill-opacity=\"0.35\"" : "fill-opacity=\"0.6\""
                }
            } else {
                shapes += "\" cx=\""
                shapes += Self.number(x0)
                shapes += "\" cy=\""
                shapes += Self.number(cy)
                shapes += "\" r=\""
                shapes += Self.number(radius)
                shapes += "\""
                if mark.expected {
                    shapes += " "
                    shapes += paint
                }
            }
            shapes += "><title>"
            var tooltip = mark.date.display
            tooltip += ": "
            tooltip += mark.title
            if mark.expected { tooltip += " (expected)" }
            shapes += HTMLText.escape(tooltip)
            shapes += isSpan ? "</title></rect>" : "</title></circle>"
        }
        let counts = Dictionary(grouping: marks, by: \.date.precision).mapValues(\.count)
        var parts: [String] = []
        let fine = (counts[.day] ?? 0) + (counts[.time] ?? 0)
        if fine > 0 { parts.append("\(fine) known to the day or the minute, drawn as dots") }
        if let months = counts[.month] { parts.append("\(months) known only to the month, drawn as bars spanning their month") }
        if let years = counts[.year] { parts.append("\(years) known only to the year, drawn as wider bars spanning their year") }
        var description = "Events along a time axis, oldest on the left: " + parts.joined(separator: "; ") + "."
        let expected = marks.filter(\.expected).count
        if expected > 0 { description += " \(expected) expected event\(expected == 1 ? " is" : "s are") drawn hollow." }
        description += " The list below gives every event."
        return (shapes, description, top + laneHeight * Double(max(laneEnds.count, 1)) + 4)
    }

    // MARK: - Counts per month or year

    private func histogram(_ marks: [Mark], domain: Domain) -> (String, String, Double) {
        let years = marks.map(\.date.year)
        let byYear = years.max()! - years.min()! > 50
        // Buckets: (year, month) for dates known to the month or better, year for the rest.
        var fine: [Int: Int] = [:]
        var yearOnly: [Int: Int] = [:]
        for mark in marks {
            if mark.date.precision == .year || byYear {
                if mark.date.precision == .year { yearOnly[mark.date.year, default: 0] += 1 } else { fine[mark.date.year * 100, default: 0] += 1 }
            } else {
                fine[mark.date.year * 100 + mark.date.month, default: 0] += 1
            }
        }
        let chartHeight = compact ? 60.0 : 110.0
        let peak = Double(fine.values.max() ?? 1)
        var shapes = ""
        for key in fine.keys.sorted() {
            let y = key / 100, m = key % 100
            let from = m == 0 ? start(y, 1, 1) : start(y, m, 1)
            let to = m == 0 ? start(y + 1, 1, 1) : (m == 12 ? start(y + 1, 1, 1) : start(y, m + 1, 1))
            let x0 = x(from, domain), x1 = max(x(to, domain), x0 + 1.5)
            let count = fine[key]!
            let h = max(chartHeight * Double(count) / peak, 1.5)
            let label = m == 0 ? "\(y)" : "\(PartialDate.monthNames[m - 1]) \(y)"
            shapes += "<rect class=\"tl-bin\" x=\"\(Self.number(x0))\" y=\"\(Self.number(top + chartHeight - h))\" "
                + "width=\"\(Self.number(x1 - x0))\" height=\"\(Self.number(h))\" fill-opacity=\"0.7\">"
                + "<title>\(HTMLText.escape("\(label): \(Counted.text(count, "event"))"))</title></rect>"
        }
        var height = top + chartHeight + 4
        if !yearOnly.isEmpty {
            let peakYear = Double(yearOnly.values.max()!)
            for year in yearOnly.keys.sorted() {
                let count = yearOnly[year]!
                let x0 = x(start(year, 1, 1), domain), x1 = x(start(year + 1, 1, 1), domain)
                shapes += "<rect class=\"tl-mark tl-year\" x=\"\(Self.number(x0))\" y=\"\(Self.number(height + 2))\" "
                    + "width=\"\(Self.number(max(x1 - x0, 1.5)))\" height=\"8\" rx=\"2\" "
                    + "fill-opacity=\"\(Self.number(0.2 + 0.5 * Double(count) / peakYear))\">"
                    + "<title>\(HTMLText.escape("During \(year): \(Counted.text(count, "event")) known only to the year"))</title></rect>"
            }
            height += 14
        }
        let unit = byYear ? "year" : "month"
        var description = "\(marks.count) events, too many to draw one by one: each bar shows how many events fall in its \(unit)"
        if let busiest = fine.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) {
            let y = busiest.key / 100, m = busiest.key % 100
            description += "; the busiest is \(m == 0 ? "\(y)" : "\(PartialDate.monthNames[m - 1]) \(y)") with \(busiest.value)"
        }
        description += "."
        let yearCount = yearOnly.values.reduce(0, +)
        if yearCount > 0 {
            description += " A band below spans each year with events known only to the year (\(yearCount) in all)."
        }
        description += " The list below gives every event."
        return (shapes, description, height)
    }

    // MARK: - Axis

    private func axis(domain: Domain, y: Double) -> String {
        var out = "<g class=\"tl-axis\"><line x1=\"\(Self.number(marginX))\" y1=\"\(Self.number(y))\" "
            + "x2=\"\(Self.number(width - marginX))\" y2=\"\(Self.number(y))\" stroke=\"currentColor\" stroke-opacity=\"0.5\"/>"
        for (seconds, label) in ticks(domain) {
            let tx = x(seconds, domain)
            guard tx >= marginX - 0.5, tx <= width - marginX + 0.5 else { continue }
            out += "<line x1=\"\(Self.number(tx))\" y1=\"\(Self.number(y))\" x2=\"\(Self.number(tx))\" y2=\"\(Self.number(y + 5))\" "
                + "stroke=\"currentColor\" stroke-opacity=\"0.5\"/>"
            let anchor = tx < marginX + 20 ? "start" : tx > width - marginX - 20 ? "end" : "middle"
            out += "<text x=\"\(Self.number(tx))\" y=\"\(Self.number(y + 18))\" text-anchor=\"\(anchor)\">\(HTMLText.escape(label))</text>"
        }
        return out + "</g>"
    }

    /// A few ticks (`maxTicks` or so), on round years, months or days of the site's zone.
    private func ticks(_ domain: Domain) -> [(Int64, String)] {
        let days = domain.length / 86_400
        // The domain's ends as days of the site's zone (the offset at those moments, never the clock's).
        let first = PartialDate.civil(domain.from + offset(at: domain.from))
        let last = PartialDate.civil(domain.to + offset(at: domain.to))
        var result: [(Int64, String)] = []
        if days > 3 * 365 {
            let span = Double(last.0 - first.0)
            let step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].first { span / Double($0) <= maxTicks } ?? 1000
            var year = (first.0 / step + 1) * step
            while year <= last.0 {
                result.append((start(year, 1, 1), String(year)))
                year += step
            }
        } else if days > 45 {
            let months = days / 30.44
            let step = [1, 2, 3, 6, 12].first { months / Double($0) <= maxTicks } ?? 12
            var (y, m) = first.1 == 12 ? (first.0 + 1, 1) : (first.0, first.1 + 1)
            while (y, m) <= (last.0, last.1) {
                if (m - 1) % step == 0 {
                    let name = String(PartialDate.monthNames[m - 1].prefix(3))
                    result.append((start(y, m, 1), m == 1 || result.isEmpty ? "\(name) \(y)" : name))
                }
                (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
            }
        } else {
            let step = [1, 2, 7, 14].first { days / Double($0) <= maxTicks } ?? 14
            var day = PartialDate.daysFromCivil(first.0, first.1, first.2) + 1
            let lastDay = PartialDate.daysFromCivil(last.0, last.1, last.2)
            while day <= lastDay {
                let (y, m, d) = PartialDate.civil(day * 86_400)
                if (day % Int64(step)) == 0 || step == 1 {
                    result.append((start(y, m, d), "\(d) \(PartialDate.monthNames[m - 1].prefix(3))"))
                }
                day += 1
            }
        }
        return result
    }

    private func offset(at seconds: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    // MARK: - Text

    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension PartialDate {
    /// Year, month, day (UTC) of a moment given in seconds since 1970.
    static func civil(_ seconds: Int64) -> (Int, Int, Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return CalendarFiles.civil(fromDays: days)
    }
}
