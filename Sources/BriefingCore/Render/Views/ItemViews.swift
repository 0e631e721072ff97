/// The items pages show: made once where many pages show them (see `PageContexts.SharedItems`).

struct DateView: TemplateView {
    static let viewName = "date"
    static let summary = "a date at its own precision"
    let date: PartialDate

    static let fields: [ViewField<Self>] = [
        .text("iso", "the `datetime` attribute value at the date's precision: `2025`, `2025-12`, `2025-12-02` or a full date-time") { $0.date.iso },
        .text("display", "what a reader sees: `2025`, `December 2025`, `2 December 2025`, `2 December 2025, 10:00 UTC−05:00`") { $0.date.display },
        .text("precision", "`year`, `month`, `day` or `time`") { $0.date.precision.name },
        .flag("isCoarse", "known only to the month or the year") { $0.date.precision < .day },
    ]
}

struct BriefingItemView: TemplateView {
    static let viewName = "briefing item"
    static let summary = "a briefing in a list"
    let title: String, url: String, slug: String
    let date: Made<DateView>
    let summaryText: String?
    let updated: Made<DateView>?
    let isDraft: Bool
    let topics: [Made<TopicLinkView>]

    static let fields: [ViewField<Self>] = [
        .text("title", "the briefing's title") { $0.title },
        .text("url", "its page, from the root") { $0.url },
        .text("slug", "its file name without `.md`") { $0.slug },
        .view("date", "its publication date") { $0.date },
        .text("summary", "its summary") { $0.summaryText },
        .view("updated", "when it was last updated") { $0.updated },
        .flag("isDraft", "a draft (built with `--drafts`)") { $0.isDraft },
        .list("topics", "its topics") { $0.topics },
    ]
}

struct TopicLinkView: TemplateView {
    static let viewName = "topic link"
    static let summary = "a link to a topic's page"
    let name: String, url: String, slug: String

    static let fields: [ViewField<Self>] = [
        .text("name", "the topic's name, from `topics.yaml` or its slug") { $0.name },
        .text("url", "its page, from the root") { $0.url },
        .text("slug", "its slug") { $0.slug },
    ]
}

struct TopicCardView: TemplateView {
    static let viewName = "topic card"
    static let summary = "a topic in a list"
    let name: String, url: String, slug: String
    let description: String?
    let briefingCount: Int

    static let fields: [ViewField<Self>] = [
        .text("name", "the topic's name") { $0.name },
        .text("url", "its page, from the root") { $0.url },
        .text("slug", "its slug") { $0.slug },
        .text("description", "its description from `topics.yaml`") { $0.description },
        .number("briefingCount", "how many briefings are filed under it") { $0.briefingCount },
        .text("briefingCountText", "`1 briefing`, `3 briefings`") { Counted.text($0.briefingCount, "briefing") },
    ]
}

struct BriefingLinkView: TemplateView {
    static let viewName = "briefing link"
    static let summary = "a link to a briefing"
    let title: String, url: String

    static let fields: [ViewField<Self>] = [
        .text("title", "the briefing's title") { $0.title },
        .text("url", "its page, from the root") { $0.url },
    ]
}

struct PersonCardView: TemplateView {
    static let viewName = "person card"
    static let summary = "a person in a list"
    let name: String, url: String, slug: String, initials: String
    let briefingCount: Int
    let role: String?, affiliation: String?, country: String?

    static let fields: [ViewField<Self>] = [
        .text("name", "the person's name") { $0.name },
        .text("url", "their page, from the root") { $0.url },
        .text("slug", "their file name without `.md`") { $0.slug },
        .text("initials", "one or two letters for an avatar") { $0.initials },
        .number("briefingCount", "how many briefings name them") { $0.briefingCount },
        .text("role", "their role") { $0.role },
        .text("affiliation", "their affiliation") { $0.affiliation },
        .text("country", "their country") { $0.country },
    ]
}

struct PersonLinkView: TemplateView {
    static let viewName = "person link"
    static let summary = "a link to a person"
    let name: String, url: String, slug: String
    let role: String?

    static let fields: [ViewField<Self>] = [
        .text("name", "the person's name") { $0.name },
        .text("url", "their page, from the root") { $0.url },
        .text("slug", "their file name without `.md`") { $0.slug },
        .text("role", "their role") { $0.role },
    ]
}

struct SourceView: TemplateView {
    static let viewName = "source"
    static let summary = "a cited source"
    let anchor: String, title: String
    let publisher: String?, url: String?

    static let fields: [ViewField<Self>] = [
        .text("anchor", "its element id (`source-1`)") { $0.anchor },
        .text("title", "its title (or publisher, or URL)") { $0.title },
        .text("publisher", "its publisher") { $0.publisher },
        .text("url", "its address: http, https or mailto only") { $0.url },
    ]
}

struct EventView: TemplateView {
    static let viewName = "event"
    static let summary = "a dated event"
    let anchor: String, title: String
    let date: Made<DateView>
    let place: String?
    let summaryHTML: String?
    let expected: Bool
    let people: [Made<PersonLinkView>]
    let briefing: Made<BriefingLinkView>?
    let sources: [Made<SourceView>]

    static let fields: [ViewField<Self>] = [
        .text("anchor", "its element id on the timeline: never moves") { $0.anchor },
        .text("title", "what happened") { $0.title },
        .view("date", "when") { $0.date },
        .text("place", "where") { $0.place },
        .html("summaryHTML", "its summary, with links made for the page (absent on the home page)") { $0.summaryHTML },
        .flag("expected", "announced, not yet happened") { $0.expected },
        .list("people", "who took part") { $0.people },
        .view("briefing", "the briefing that reports it") { $0.briefing },
        .list("sources", "its sources") { $0.sources },
    ]
}

struct QuoteView: TemplateView {
    static let viewName = "quote"
    static let summary = "a quote"
    let text: String
    let context: String?
    let date: Made<DateView>?
    let speaker: Made<PersonLinkView>?
    let source: Made<SourceView>?
    let briefing: Made<BriefingLinkView>?

    static let fields: [ViewField<Self>] = [
        .text("text", "the words quoted") { $0.text },
        .text("context", "where or on what they were said") { $0.context },
        .view("date", "when") { $0.date },
        .view("speaker", "who said it") { $0.speaker },
        .view("source", "its source") { $0.source },
        .view("briefing", "the briefing that quotes it (on person pages)") { $0.briefing },
    ]
}

struct UpdateView: TemplateView {
    static let viewName = "update"
    static let summary = "an entry of a briefing's update log"
    let at: Made<DateView>
    let html: String?
    let anchor: String
    /// On the home page: the briefing it belongs to.
    let url: String?
    let briefing: Made<BriefingLinkView>?

    static let fields: [ViewField<Self>] = [
        .view("at", "when") { $0.at },
        .html("html", "the entry, with links made for the page") { $0.html },
        .text("anchor", "its element id on its briefing's page (`update-1` is the oldest)") { $0.anchor },
        .text("url", "its briefing's page, from the root (home page)") { $0.url },
        .view("briefing", "its briefing (home page)") { $0.briefing },
    ]
}

struct KeyPointView: TemplateView {
    static let viewName = "key point"
    static let summary = "one of a briefing's key points"
    let html: String

    static let fields: [ViewField<Self>] = [
        .html("html", "the point, rendered from Markdown") { $0.html },
    ]
}

struct CalendarLinkView: TemplateView {
    static let viewName = "calendar link"
    static let summary = "a link to an `.ics` file, there only when the file is written"
    let url: String
    let eventCount: Int
    let entries: String
    let leftOut: String?

    static let fields: [ViewField<Self>] = [
        .text("url", "the file, from the root") { $0.url },
        .number("eventCount", "its entries") { $0.eventCount },
        .text("entries", "`3 events known to the day`") { $0.entries },
        .text("leftOut", "a sentence saying how many events are too coarse for a calendar") { $0.leftOut },
    ]
}

struct TimelineGroupView: TemplateView {
    static let viewName = "timeline group"
    static let summary = "the events of a month, or those known only to the year"
    let heading: String, anchor: String
    let events: [Made<EventView>]

    static let fields: [ViewField<Self>] = [
        .text("heading", "`December 2025`, or `During 2025`") { $0.heading },
        .text("anchor", "its element id") { $0.anchor },
        .list("events", "its events, in time order") { $0.events },
    ]
}

struct TimelineYearView: TemplateView {
    static let viewName = "timeline year"
    static let summary = "one year of the timeline"
    let year: String, anchor: String
    let groups: [Made<TimelineGroupView>]

    static let fields: [ViewField<Self>] = [
        .text("year", "the year") { $0.year },
        .text("anchor", "its element id (`y-2025`)") { $0.anchor },
        .list("groups", "its months") { $0.groups },
    ]
}

struct TimelineMonthLinkView: TemplateView {
    static let viewName = "timeline month link"
    static let summary = "a month of a year (or its events known only to the year) with its count"
    let name: String, url: String
    let count: Int

    static let fields: [ViewField<Self>] = [
        .text("name", "`March`, or `During 2023`") { $0.name },
        .text("url", "its page and place, from the root") { $0.url },
        .number("count", "its events") { $0.count },
        .text("countText", "`1 event`, `12 events`") { Counted.text($0.count, "event") },
    ]
}

struct TimelineYearLinkView: TemplateView {
    static let viewName = "timeline year link"
    static let summary = "a year of a split timeline with its count and months"
    let year: String, url: String
    let count: Int
    let months: [Made<TimelineMonthLinkView>]

    static let fields: [ViewField<Self>] = [
        .text("year", "the year") { $0.year },
        .text("url", "its page, from the root") { $0.url },
        .number("count", "its events") { $0.count },
        .text("countText", "`1 event`, `2,116 events`") { Counted.text($0.count, "event") },
        .list("months", "its months with events") { $0.months },
    ]
}

struct LetterGroupView: TemplateView {
    static let viewName = "letter group"
    static let summary = "the people whose names start with one letter"
    let letter: String, anchor: String
    let people: [Made<PersonCardView>]

    static let fields: [ViewField<Self>] = [
        .text("letter", "`S`, `0–9`, or `#` for names with neither") { $0.letter },
        .text("anchor", "its element id (`letter-s`)") { $0.anchor },
        .list("people", "its people, by name") { $0.people },
    ]
}

struct LetterLinkView: TemplateView {
    static let viewName = "letter link"
    static let summary = "a letter of the people directory, linked to its place"
    let letter: String, url: String
    let count: Int

    static let fields: [ViewField<Self>] = [
        .text("letter", "`S`, `0–9`, `#`") { $0.letter },
        .text("url", "its group, from the root (a page of its own in a large directory)") { $0.url },
        .number("count", "its people") { $0.count },
    ]
}

/// How much a person page shows of what there is, and where the rest is listed.
struct PersonCountsView: TemplateView {
    static let viewName = "person counts"
    static let summary = "a person's totals, and the pages that list what their page leaves out"
    let quotes: Int, events: Int, briefings: Int, seenWith: Int
    let allBriefingsURL: String?
    let allEventsURL: String?

    static let fields: [ViewField<Self>] = [
        .number("quotes", "their quotes") { $0.quotes },
        .number("events", "their events") { $0.events },
        .number("briefings", "the briefings that name them") { $0.briefings },
        .number("seenWith", "the people seen with them") { $0.seenWith },
        .text("allBriefingsURL", "every briefing that names them, from the root; when their page shows only the newest") { $0.allBriefingsURL },
        .text("allEventsURL", "every event of theirs, from the root; when their page shows only the latest") { $0.allEventsURL },
        .flag("hasMoreQuotes", "more quotes than their page shows") { $0.quotes > PersonCountsView.quoteLimit },
        .flag("hasMoreSeenWith", "more people seen with them than their page shows") { $0.seenWith > PersonCountsView.seenWithLimit },
    ]

    /// What a person page shows at most. Quotes and the people seen with them a screenful each;
    /// briefings and events a page's worth, as every list has, so that most people's page lists
    /// all of theirs and needs no pages of its own (each one more folder and file to write).
    static let quoteLimit = 10, eventLimit = 50, briefingLimit = Pagination.briefingsPerPage, seenWithLimit = 30
}

struct SearchCountsView: TemplateView {
    static let viewName = "search counts"
    static let summary = "what the search page searches"
    let briefings: Int, people: Int, quotes: Int, events: Int
    let text: String

    static let fields: [ViewField<Self>] = [
        .number("briefings", "briefings") { $0.briefings },
        .number("people", "people") { $0.people },
        .number("quotes", "quotes") { $0.quotes },
        .number("events", "events") { $0.events },
        .text("text", "`1 briefing, 9 people, 8 quotes and 4 events`") { $0.text },
    ]
}

struct FeedEntryView: TemplateView {
    static let viewName = "feed entry"
    static let summary = "a briefing in the Atom feed"
    let title: String, url: String, id: String, published: String, updated: String
    let summaryText: String?

    static let fields: [ViewField<Self>] = [
        .text("title", "the briefing's title") { $0.title },
        .text("url", "its absolute URL") { $0.url },
        .text("id", "its Atom id (its absolute URL)") { $0.id },
        .text("published", "RFC 3339: the start of its date's span") { $0.published },
        .text("updated", "RFC 3339") { $0.updated },
        .text("summary", "its summary") { $0.summaryText },
    ]
}

struct SitemapURLView: TemplateView {
    static let viewName = "sitemap URL"
    static let summary = "a page in the sitemap"
    let loc: String
    let lastmod: String?

    static let fields: [ViewField<Self>] = [
        .text("loc", "its absolute URL") { $0.loc },
        .text("lastmod", "a day or a date-time; absent for dates known only to the month or year") { $0.lastmod },
    ]
}

struct PageNumberView: TemplateView {
    static let viewName = "page number"
    static let summary = "one link of a list's page navigation"
    let number: Int
    let url: String
    let isCurrent: Bool
    let followsAGap: Bool

    static let fields: [ViewField<Self>] = [
        .number("number", "the page's number") { $0.number },
        .text("url", "the page, from the root") { $0.url },
        .flag("isCurrent", "the page shown") { $0.isCurrent },
        .flag("followsAGap", "numbers are skipped before this one (write an ellipsis)") { $0.followsAGap },
    ]
}

/// The navigation of a list too long for one page; absent when the list has one page.
struct PaginationView: TemplateView {
    static let viewName = "pagination"
    static let summary = "the navigation of a list split into pages (absent when there is one page)"
    let pages: Pagination
    let current: Int

    /// Page numbers shown around the current one.
    static let window = 2

    static let fields: [ViewField<Self>] = [
        .number("current", "the page shown, from 1") { $0.current },
        .number("count", "how many pages") { $0.pages.count },
        .text("text", "`page 3 of 200`") { "page \($0.current) of \($0.pages.count)" },
        .text("firstURL", "page 1, from the root; absent on page 1") { $0.current > 1 ? $0.pages.url(1) : nil },
        .text("previousURL", "the page before, from the root; absent on page 1") { $0.current > 1 ? $0.pages.url($0.current - 1) : nil },
        .text("nextURL", "the page after, from the root; absent on the last page") { $0.current < $0.pages.count ? $0.pages.url($0.current + 1) : nil },
        .text("lastURL", "the last page, from the root; absent on the last page") { $0.current < $0.pages.count ? $0.pages.url($0.pages.count) : nil },
        .list("numbers", "the pages around the current one, and the first and last") { view in
            let window = max(1, view.current - window)...min(view.pages.count, view.current + window)
            let numbers = Set([1, view.pages.count] + Array(window)).sorted()
            return numbers.indices.map { i in
                PageNumberView(number: numbers[i], url: view.pages.url(numbers[i]), isCurrent: numbers[i] == view.current,
                               followsAGap: i > 0 && numbers[i] - numbers[i - 1] > 1).made
            }
        },
    ]
}
