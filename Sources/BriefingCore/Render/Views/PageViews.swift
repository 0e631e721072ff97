/// The context of each kind of page: what its template, its layout and its partials receive.

struct SiteView: TemplateView {
    static let viewName = "site"
    static let summary = "the site's settings from `site.yaml`"
    let title: String, language: String, baseURL: String
    let feedURL: String?
    let description: String?
    let hasTopics: Bool
    let extra: [String: ExtraValue]

    static let fields: [ViewField<Self>] = [
        .text("title", "the site's title") { $0.title },
        .text("language", "its language tag") { $0.language },
        .text("baseURL", "`base_url`, ending in `/` (`/` when none is set)") { $0.baseURL },
        .text("feedURL", "the feed's absolute URL; absent without a `base_url` that is an address") { $0.feedURL },
        .text("description", "its description") { $0.description },
        .flag("hasTopics", "some briefing is filed under a topic: there is a topics page") { $0.hasTopics },
        .extra { $0.extra },
    ]
}

struct PageMetaView: TemplateView {
    static let viewName = "page"
    static let summary = "the page's own title and metadata"
    let title: String, ogType: String, jsonLDHTML: String, section: String, description: String
    let canonicalURL: String?
    /// Of a list split into pages: the pages before and after, from the root.
    var previousURL: String? = nil
    var nextURL: String? = nil

    static let fields: [ViewField<Self>] = [
        .text("title", "the page's own title") { $0.title },
        .text("ogType", "`website`, `article` or `profile`") { $0.ogType },
        .html("jsonLDHTML", "a complete `<script type=\"application/ld+json\">` element") { $0.jsonLDHTML },
        .text("section", "`home`, `briefings`, `timeline`, `people`, `topics`, `search` or `none`") { $0.section },
        .text("description", "the page's description") { $0.description },
        .text("canonicalURL", "its absolute URL; absent without a `base_url` that is an address") { $0.canonicalURL },
        .text("previousURL", "of a list split into pages: the page before, from the root (for `<link rel=\"prev\">`)") { $0.previousURL },
        .text("nextURL", "of a list split into pages: the page after, from the root (for `<link rel=\"next\">`)") { $0.nextURL },
        .flag("isHome", "on the home page") { $0.section == "home" },
        .flag("isBriefings", "on briefing pages") { $0.section == "briefings" },
        .flag("isTimeline", "on the timeline") { $0.section == "timeline" },
        .flag("isPeople", "on people pages") { $0.section == "people" },
        .flag("isTopics", "on topic pages") { $0.section == "topics" },
        .flag("isSearch", "on the search page") { $0.section == "search" },
    ]
}

/// What every HTML page receives.
struct PageFrameView: TemplateView {
    static let viewName = "every page"
    static let summary = "what every HTML page receives"
    let root: String
    let site: Made<SiteView>
    let page: Made<PageMetaView>

    static let fields: [ViewField<Self>] = [
        .text("root", "the relative path to the site root (`./`, `../`, `../../`; on `404.html` the path of `base_url`): write `{{root}}{{url}}`") { $0.root },
        .view("site", "the site") { $0.site },
        .view("page", "this page") { $0.page },
        .text("generator", "`Briefing`") { _ in "Briefing" },
    ]
}

struct HomePage: TemplateView {
    static let viewName = "home"
    static let summary = "`index.html`"
    let frame: Made<PageFrameView>
    let lead: Made<BriefingItemView>?
    let latest: [Made<BriefingItemView>]
    let keyPeople: [Made<PersonCardView>]
    let latestEvents: [Made<EventView>]
    let nextEvents: [Made<EventView>]
    let latestUpdates: [Made<UpdateView>]

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .view("lead", "the newest briefing") { $0.lead },
        .list("latest", "the briefings after the lead") { $0.latest },
        .list("keyPeople", "the people in most briefings") { $0.keyPeople },
        .list("latestEvents", "events that happened, newest first") { $0.latestEvents },
        .list("nextEvents", "expected events, soonest first") { $0.nextEvents },
        .list("latestUpdates", "the newest entries of any briefing's update log; link to `{{root}}{{url}}#{{anchor}}`") { $0.latestUpdates },
    ]
}

struct BriefingListPage: TemplateView {
    static let viewName = "briefings"
    static let summary = "`briefings/index.html` (and `page/<n>/` past 50 briefings); a person's `people/<slug>/briefings/` past 20"
    let frame: Made<PageFrameView>
    var heading = "Briefings"
    var intro = "Every briefing, newest first."
    var upURL: String? = nil
    var upTitle: String? = nil
    let briefings: [Made<BriefingItemView>]
    let pagination: Made<PaginationView>?

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .text("heading", "`Briefings`, or `Briefings with Steve Witkoff`") { $0.heading },
        .text("intro", "one sentence on what the list holds") { $0.intro },
        .text("upURL", "on a person's list: their page, from the root") { $0.upURL },
        .text("upTitle", "on a person's list: their name") { $0.upTitle },
        .list("briefings", "the briefings of this page, newest first") { $0.briefings },
        .view("pagination", "the pages of the list") { $0.pagination },
    ]
}

/// A briefing on its own page: its list item with everything else.
struct BriefingPageItemView: TemplateView {
    static let viewName = "briefing in full"
    static let summary = "the briefing item's fields and the rest of the briefing"
    let item: Made<BriefingItemView>
    let bodyHTML: String
    let keyPoints: [Made<KeyPointView>]
    let places: [String]
    let quotes: [Made<QuoteView>]
    let people: [Made<PersonCardView>]
    let events: [Made<EventView>]
    /// All its events, those left out included.
    let eventCount: Int
    let sources: [Made<SourceView>]
    let updates: [Made<UpdateView>]
    let extra: [String: ExtraValue]

    static let fields: [ViewField<Self>] = [
        .base { $0.item },
        .html("bodyHTML", "the body, rendered from Markdown") { $0.bodyHTML },
        .list("keyPoints", "its key points") { $0.keyPoints },
        .texts("places", "its places") { $0.places },
        .list("quotes", "its quotes") { $0.quotes },
        .list("people", "its people") { $0.people },
        .list("events", "its events, in time order; the latest 150 when it has more") { $0.events },
        .number("eventCount", "all its events") { $0.eventCount },
        .text("eventCountText", "`160 events`, `2,116 events`") { Counted.text($0.eventCount, "event") },
        .flag("hasMoreEvents", "more events than the page lists (the timeline has them all)") { $0.eventCount > $0.events.count },
        .list("sources", "its sources") { $0.sources },
        .list("updates", "its update log, newest first") { $0.updates },
        .extra { $0.extra },
    ]
}

struct BriefingPage: TemplateView {
    static let viewName = "briefing"
    static let summary = "`briefings/<slug>/index.html`"
    let frame: Made<PageFrameView>
    let briefing: Made<BriefingPageItemView>

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .view("briefing", "the briefing") { $0.briefing },
    ]
}

struct TimelinePage: TemplateView {
    static let viewName = "timeline"
    static let summary = "`timeline/index.html`: every event, or past 150 events an overview of the years' pages"
    let frame: Made<PageFrameView>
    let years: [Made<TimelineYearView>]
    let eventCount: Int
    let calendar: Made<CalendarLinkView>?
    let timelineSVGHTML: String?
    let yearLinks: [Made<TimelineYearLinkView>]
    let latestEvents: [Made<EventView>]
    let nextEvents: [Made<EventView>]

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .list("years", "the years, oldest first, with every event (absent on an overview)") { $0.years },
        .number("eventCount", "every event") { $0.eventCount },
        .text("eventCountText", "`20,500 events`") { Counted.text($0.eventCount, "event") },
        .view("calendar", "the timeline's calendar") { $0.calendar },
        .html("timelineSVGHTML", "the drawn timeline, a complete inline `<svg>`") { $0.timelineSVGHTML },
        .list("yearLinks", "on an overview: each year with its count, page and months") { $0.yearLinks },
        .list("latestEvents", "on an overview: the ten latest events that happened, newest first") { $0.latestEvents },
        .list("nextEvents", "on an overview: the next ten expected events") { $0.nextEvents },
    ]
}

/// A page of a split timeline: a year, a month, or a further page of either.
struct TimelineEventsPage: TemplateView {
    static let viewName = "timeline page"
    static let summary = "`timeline/<year>/`, `timeline/<year>/<mm>/` and their `page/<n>/` (written when `Templates/` has `timeline-page.mustache` and the timeline has more than 150 events)"
    let frame: Made<PageFrameView>
    let heading: String
    let upURL: String
    let upTitle: String
    let years: [Made<TimelineYearView>]
    let eventCount: Int
    let months: [Made<TimelineMonthLinkView>]
    let pagination: Made<PaginationView>?

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .text("heading", "`2022`, `March 2023`") { $0.heading },
        .text("upURL", "the page above it (the overview or its year), from the root") { $0.upURL },
        .text("upTitle", "`Timeline`, `2023`") { $0.upTitle },
        .list("years", "its events by year and month") { $0.years },
        .number("eventCount", "the events on this page") { $0.eventCount },
        .list("months", "of a year split by month: its months, each linked to its page") { $0.months },
        .view("pagination", "the pages of a list past 150 events") { $0.pagination },
    ]
}

struct PeopleListPage: TemplateView {
    static let viewName = "people"
    static let summary = "`people/index.html`; past 500 people the letter index, each letter then on `people/letter/<l>/`"
    let frame: Made<PageFrameView>
    let heading: String
    let people: [Made<PersonCardView>]
    let letterIndex: [Made<LetterLinkView>]
    let letters: [Made<LetterGroupView>]
    let pagination: Made<PaginationView>?

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .text("heading", "`People`, or `People: S` on a letter's page") { $0.heading },
        .list("people", "the people of this page, by name") { $0.people },
        .list("letterIndex", "every letter with its count, linked to its group") { $0.letterIndex },
        .list("letters", "the people of this page by letter") { $0.letters },
        .view("pagination", "the pages of a letter past 500 people") { $0.pagination },
    ]
}

/// A person on their own page: their card with everything else.
struct PersonPageItemView: TemplateView {
    static let viewName = "person in full"
    static let summary = "the person card's fields and the rest of the person"
    let card: Made<PersonCardView>
    let bioHTML: String
    let aliases: [String]
    let extra: [String: ExtraValue]

    static let fields: [ViewField<Self>] = [
        .base { $0.card },
        .html("bioHTML", "the bio, rendered from Markdown") { $0.bioHTML },
        .texts("aliases", "other names") { $0.aliases },
        .extra { $0.extra },
    ]
}

struct PersonPage: TemplateView {
    static let viewName = "person"
    static let summary = "`people/<slug>/index.html`"
    let frame: Made<PageFrameView>
    let person: Made<PersonPageItemView>
    let quotes: [Made<QuoteView>]
    let events: [Made<EventView>]
    let briefings: [Made<BriefingItemView>]
    let seenWith: [Made<PersonCardView>]
    let calendar: Made<CalendarLinkView>?
    let timelineSVGHTML: String?
    let counts: Made<PersonCountsView>

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .view("person", "the person") { $0.person },
        .list("quotes", "their newest quotes (at most 10)") { $0.quotes },
        .list("events", "their latest events (at most 20), in time order") { $0.events },
        .list("briefings", "the newest briefings that name them (at most 20)") { $0.briefings },
        .list("seenWith", "people who share a briefing or an event with them (at most 30)") { $0.seenWith },
        .view("counts", "how many of each there are, and where the rest are") { $0.counts },
        .view("calendar", "their calendar") { $0.calendar },
        .html("timelineSVGHTML", "a small drawing of their events") { $0.timelineSVGHTML },
    ]
}

struct TopicListPage: TemplateView {
    static let viewName = "topics"
    static let summary = "`topics/index.html` (written when `Templates/` has `topics.mustache`)"
    let frame: Made<PageFrameView>
    let topics: [Made<TopicCardView>]

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .list("topics", "every topic, by name") { $0.topics },
    ]
}

struct TopicPage: TemplateView {
    static let viewName = "topic"
    static let summary = "`topics/<slug>/index.html` (written when `Templates/` has `topic.mustache`)"
    let frame: Made<PageFrameView>
    let topic: Made<TopicCardView>
    let briefings: [Made<BriefingItemView>]
    let quotes: [Made<QuoteView>]
    /// All the quotes of its briefings, those left out included (0 past the first page).
    let quoteCount: Int
    let events: [Made<EventView>]
    /// All the events of its briefings, those left out included (0 past the first page).
    let eventCount: Int
    let feedURL: String?
    let pagination: Made<PaginationView>?

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .view("topic", "the topic") { $0.topic },
        .list("briefings", "its briefings on this page, newest first") { $0.briefings },
        .view("pagination", "the pages of its briefings (50 a page)") { $0.pagination },
        .list("quotes", "on its first page: the newest 10 quotes of its briefings (later pages list briefings only)") { $0.quotes },
        .number("quoteCount", "on its first page: all the quotes of its briefings") { $0.quoteCount },
        .text("quoteCountText", "`1 quote`, `2,116 quotes`") { Counted.text($0.quoteCount, "quote") },
        .flag("hasMoreQuotes", "more quotes than the page lists (each briefing's page has its own)") { $0.quoteCount > $0.quotes.count },
        .list("events", "on its first page: the latest 20 events of its briefings, in time order") { $0.events },
        .number("eventCount", "on its first page: all the events of its briefings") { $0.eventCount },
        .text("eventCountText", "`160 events`, `2,116 events`") { Counted.text($0.eventCount, "event") },
        .flag("hasMoreEvents", "more events than the page lists (the timeline has them all)") { $0.eventCount > $0.events.count },
        .text("feedURL", "its own feed's absolute URL; absent without a `base_url` that is an address") { $0.feedURL },
    ]
}

struct SearchPage: TemplateView {
    static let viewName = "search"
    static let summary = "`search/index.html`"
    let frame: Made<PageFrameView>
    let counts: Made<SearchCountsView>

    static let fields: [ViewField<Self>] = [
        .base { $0.frame },
        .text("searchIndexURL", "the search index, from the root") { _ in SearchIndex.path },
        .view("counts", "what is searched") { $0.counts },
    ]
}

struct NotFoundPage: TemplateView {
    static let viewName = "404"
    static let summary = "`404.html`, served at any path"
    let frame: Made<PageFrameView>

    static let fields: [ViewField<Self>] = [.base { $0.frame }]
}

struct FeedPage: TemplateView {
    static let viewName = "feed"
    static let summary = "`feed.xml` and each topic's `topics/<slug>/feed.xml` (Atom; written only with a `base_url` that is an address)"
    let site: Made<SiteView>
    let title: String
    let id: String
    let pageURL: String
    let updated: String
    let feedURL: String
    let entries: [Made<FeedEntryView>]

    static let fields: [ViewField<Self>] = [
        .view("site", "the site") { $0.site },
        .text("title", "the feed's title: the site's, or the topic's and the site's") { $0.title },
        .text("id", "the feed's Atom id: the absolute URL of its page") { $0.id },
        .text("pageURL", "the absolute URL of the page it follows: the home page or the topic's") { $0.pageURL },
        .text("updated", "RFC 3339: the newest change of any of its briefings") { $0.updated },
        .text("feedURL", "the feed's absolute URL") { $0.feedURL },
        .text("generator", "`Briefing`") { _ in "Briefing" },
        .list("entries", "its 20 newest briefings") { $0.entries },
    ]
}

struct SitemapPage: TemplateView {
    static let viewName = "sitemap"
    static let summary = "`sitemap.xml` (written only with a `base_url` that is an address)"
    let site: Made<SiteView>
    let urls: [Made<SitemapURLView>]

    static let fields: [ViewField<Self>] = [
        .view("site", "the site") { $0.site },
        .list("urls", "every page") { $0.urls },
    ]
}

struct RobotsPage: TemplateView {
    static let viewName = "robots"
    static let summary = "`robots.txt`"
    let site: Made<SiteView>
    let sitemapURL: String?

    static let fields: [ViewField<Self>] = [
        .view("site", "the site") { $0.site },
        .text("sitemapURL", "the sitemap's absolute URL; absent without a `base_url` that is an address") { $0.sitemapURL },
    ]
}
