/// Files a build writes that are not template pages: data made from the site model alone.
/// Each entry renders lazily, on all cores, next to the pages.
struct GeneratedFiles: Sendable {
    let contexts: PageContexts

    /// Generated files that carry a briefing's body text (for `serve`, which renders again only
    /// what an edit of the body reaches): search snippets fall back on the body without a summary.
    static func reading(bodyOf briefing: Briefing) -> [String] {
        briefing.summary == nil ? [SearchIndex.path] : []
    }

    /// Generated files that carry people's bios.
    static let readingBios = [DataExports.peoplePath]

    /// Every generated file with the function that makes its bytes, in a fixed order.
    func files() -> [(path: OutputPath, make: @Sendable (ByteSink) -> Void)] {
        var files: [(path: OutputPath, make: @Sendable (ByteSink) -> Void)] = []
        func add(_ path: String, _ make: @escaping @Sendable (ByteSink) -> Void) {
            // Slugs are checked when loading, so every path here is valid; skip rather than crash if not.
            guard let path = OutputPath(path) else { return }
            files.append((path, make))
        }
        let site = contexts.site
        // A calendar holds at least one event (RFC 5545's grammar), so one without any is not written.
        let isDated = site.events.map(CalendarFiles.isDated)
        let hasTimeline = isDated.contains(true)
        let people = site.people.indices.filter { p in contexts.index.eventsOfPerson[p].contains { isDated[$0] } }
        let calendars = CalendarFiles(contexts: contexts, calendars: (hasTimeline ? 1 : 0) + people.count)
        if hasTimeline {
            add(CalendarFiles.timelinePath) { calendars.timeline(into: $0) }
        }
        for p in people {
            add(CalendarFiles.personPath(site.people[p].slug.rawValue)) { calendars.person(p, into: $0) }
        }
        let data = DataExports(contexts: contexts)
        add(DataExports.briefingsPath) { data.briefings(into: $0) }
        add(DataExports.peoplePath) { data.people(into: $0) }
        add(DataExports.timelinePath) { data.timeline(into: $0) }
        add(DataExports.timelineJSPath) { data.timelineJS(into: $0) }
        add(DataExports.topicsPath) { data.topics(into: $0) }
        add(SearchIndex.path) { SearchIndex(contexts: contexts).json(into: $0) }
        return files
    }
}
