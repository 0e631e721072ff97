import Foundation

/// What an editor should look at before publishing, though the site builds: a quote without a
/// source, a person nobody names, a future event not marked as expected, an image without alt
/// text. Only `briefing check` runs these (as warnings; errors with `--strict`): a build's output
/// never depends on the clock, and its report stays quiet about editorial choices.
struct NewsroomChecks: Sendable {
    let site: Site
    let markdown: RenderedMarkdown
    /// The moment "future" is measured from; nil skips the future-event check.
    let now: Date?

    /// Every warning, sorted by place.
    func warnings() -> [Diagnostic] {
        var found: [Diagnostic] = []
        found += quotesWithoutSource()
        found += peopleNobodyNames()
        found += futureEventsNotExpected()
        found += markdown.notes.imagesWithoutAlt
        return found.sorted()
    }

    func quotesWithoutSource() -> [Diagnostic] {
        site.briefings.flatMap { briefing in
            briefing.quotes.filter { $0.source == nil }.map { quote in
                Diagnostic(quote.location ?? SourceLocation(path: briefing.path),
                           ContentProblem.quoteWithoutSource(person: quote.person, canCite: briefing.sources.contains { $0.id != nil }),
                           severity: .warning)
            }
        }
    }

    func peopleNobodyNames() -> [Diagnostic] {
        var named = markdown.notes.linkedPeople
        for briefing in site.briefings {
            for slug in briefing.people { named.insert(slug.rawValue) }
            for quote in briefing.quotes { named.insert(quote.person.rawValue) }
        }
        for event in site.events { for slug in event.people { named.insert(slug.rawValue) } }
        return site.people.filter { !named.contains($0.slug.rawValue) }.map { person in
            Diagnostic(SourceLocation(path: person.path, line: 1, column: 1),
                       ContentProblem.personNotNamed(person.slug, draftsLeftOut: !site.draftSlugs.isEmpty), severity: .warning)
        }
    }

    func futureEventsNotExpected() -> [Diagnostic] {
        guard let now else { return [] }
        let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let (y, m, d) = PartialDate.civil(seconds + Int64(site.config.timeZone.secondsFromGMT(for: now)))
        let today = String(format: "%04d-%02d-%02d", y, m, d)
        return site.events.filter { !$0.expected && $0.date.startSeconds > seconds }.map { event in
            Diagnostic(event.dateLocation ?? event.location,
                       ContentProblem.futureEventNotExpected(title: event.title, date: event.date.iso, today: today),
                       severity: .warning)
        }
    }
}
