/// Which timeline page holds each event, so that every link to an event lands on the page and
/// anchor that hold it.
///
/// A timeline of up to `budget` events is one page, `timeline/`, as it always was. Past that,
/// `timeline/` becomes an overview and each year gets `timeline/<year>/`; a year of more than
/// `budget` events is split by month (`timeline/<year>/<mm>/`), its year page then listing its
/// months and the events known only to the year ("During 2022"). A list still past the budget
/// (a busy month, many year-only events) continues on `page/2/`, `page/3/`…
struct TimelineLayout: Sendable {
    /// Events on one page: about 300 KB of HTML at their longest, within a phone's budget.
    static let budget = 150

    enum Kind: Sendable, Equatable {
        /// The whole timeline on `timeline/`.
        case all
        /// A year that fits one page.
        case year(Int)
        /// A year split by month: its month index and its events known only to the year.
        case splitYear(Int)
        case month(year: Int, month: Int)
    }

    /// One page of events.
    struct Page: Sendable {
        let kind: Kind
        /// Its folder from the site root (`timeline/2023/05/page/2/`).
        let path: String
        /// Positions in `site.events`, in time order.
        let events: [Int]
        /// The pages of the list it belongs to, and its number among them.
        let pagination: Pagination
        let number: Int
    }

    /// Whether `timeline/` is an overview with pages of years and months under it.
    let isSplit: Bool
    /// Whether the templates can make pages of events (`timeline-page.mustache`).
    let hasPages: Bool
    let pages: [Page]
    /// Per event: the position in `pages` of the page that holds it.
    let pageOfEvent: [Int]

    /// `splits` is false where the templates have no page for a year (`timeline-page.mustache`):
    /// everything then stays on `timeline/`.
    init(events: [Event], splits: Bool) {
        var pages: [Page] = []
        var pageOfEvent = [Int](repeating: 0, count: events.count)
        hasPages = splits
        isSplit = splits && events.count > Self.budget
        func add(_ kind: Kind, base: String, _ list: [Int]) {
            let pagination = Pagination(base: base, itemCount: list.count, perPage: Self.budget)
            for number in 1...pagination.count {
                let slice = Array(list[pagination.items(number)])
                for e in slice { pageOfEvent[e] = pages.count }
                pages.append(Page(kind: kind, path: pagination.url(number), events: slice, pagination: pagination, number: number))
            }
        }
        if !isSplit {
            pages.append(Page(kind: .all, path: SiteURLs.timeline, events: Array(events.indices),
                              pagination: Pagination(base: SiteURLs.timeline, itemCount: 0), number: 1))
        } else {
            // Grouped by the year and month each event names, in time order within each (an
            // instant with an offset may sort among the neighbouring year's events in UTC).
            var years: [Int: [Int]] = [:]
            for e in events.indices { years[events[e].date.year, default: []].append(e) }
            for year in years.keys.sorted() {
                let inYear = years[year]!
                let folder = SiteURLs.timeline + "\(year)/"
                if inYear.count <= Self.budget {
                    add(.year(year), base: folder, inYear)
                    continue
                }
                add(.splitYear(year), base: folder, inYear.filter { events[$0].date.precision == .year })
                var months: [Int: [Int]] = [:]
                for e in inYear where events[e].date.precision > .year { months[events[e].date.month, default: []].append(e) }
                for month in months.keys.sorted() {
                    add(.month(year: year, month: month), base: folder + Self.twoDigits(month) + "/", months[month]!)
                }
            }
        }
        self.pages = pages
        self.pageOfEvent = pageOfEvent
    }

    /// The URL of event `e` from the site root: its page and its anchor.
    func url(of e: Int, anchor: String) -> String {
        (pageOfEvent.indices.contains(e) ? pages[pageOfEvent[e]].path : SiteURLs.timeline) + "#" + anchor
    }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
