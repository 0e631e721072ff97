/// Edits that leave the shape of the site as it was, applied to the last good model instead of
/// running the pipeline over the whole site (`serve`). An edit keeps the shape when it moves
/// nothing and changes no link target: a template edited; a briefing's file edited with its
/// slug, date, status, people, topics, the speakers of its quotes and its events' dates, places
/// in the file, ids, people and briefing as they were (its title, summary, key points, quotes'
/// words, places, sources, events' titles and summaries may change); a person's file edited
/// with their name keeping its place among the others by name (`keepsPlace`); `timeline.yaml`
/// edited with its events kept as a briefing's must be; `topics.yaml` edited with the same
/// topics, in the same order by name; `site.yaml` with the same time zone. Only that file is
/// resolved and its Markdown rendered; every other file's results, the index and the link
/// targets stay. One briefing that moves or changes its lists is taken too (`placing`), with
/// the index patched, and so is a new briefing, a removed one that nothing names (`removing`),
/// and a renamed one (both at once); and so is a person's file added, removed or renamed, or a
/// name that moves them (`placingPerson`). Any other edit, or one with an error, is left to the
/// whole pipeline (which also reports the errors). A test applies random edits and compares the
/// result with a clean build.
struct SiteSplice {
    /// What changed.
    enum Change {
        /// Something under `Templates/`.
        case templates
        /// A briefing's file, read again.
        case briefing(RawDocument)
        /// A briefing's file that was not there before.
        case newBriefing(RawDocument)
        /// A briefing's file that is there no more, by its path.
        case removedBriefing(String)
        /// A person's file, read again.
        case person(RawDocument)
        /// A person's file that was not there before.
        case newPerson(RawDocument)
        /// A person's file that is there no more, by its path.
        case removedPerson(String)
        /// `timeline.yaml`, read again.
        case timeline(RawDocument)
        /// `topics.yaml`, read again.
        case topics(RawDocument)
        /// `site.yaml`, read again.
        case siteConfig(RawDocument)
    }

    /// The briefings' and people's files of a splice, resolved, by path.
    struct Resolved {
        var briefings: [String: SiteResolver.BriefingResult] = [:]
        var people: [String: SiteResolver.PersonResult] = [:]
    }

    /// The last good site, with the memo of its resolving (for the people and topics it was
    /// checked against).
    let previous: PreparedSite
    let options: BuildOptions
    let source: any SiteSource

    /// The site after `changes`, or nil when one of them changes its shape (beyond what
    /// `placing` takes) or has an error.
    func apply(_ changes: [Change]) async -> PreparedSite? {
        guard let memo = previous.memo?.resolve else { return nil }
        // Each briefing's and person's file resolved once, whichever way takes it.
        var resolved = Resolved()
        let resolver = SiteResolver(options: options)
        for change in changes {
            switch change {
            case .briefing(let document), .newBriefing(let document):
                resolved.briefings[document.path] = resolver.resolveBriefingFile(
                    document, zone: memo.zone, people: memo.people, topics: memo.topics)
            case .person(let document), .newPerson(let document):
                resolved.people[document.path] = resolver.resolvePersonFile(document)
            default: continue
            }
        }
        // A briefing's or a person's file renamed: the old one taken out and the new one put in, at once.
        if changes.count == 2, changes[0].isPersonFile == changes[1].isPersonFile,
           let gone = changes.lazy.compactMap(\.removedPath).first, let document = changes.lazy.compactMap(\.newDocument).first {
            return changes[0].isPersonFile ? placingPerson(document, resolved.people[document.path]!, replacing: gone)
                : placing(document, resolved.briefings[document.path]!, replacing: gone)
        }
        guard changes.count == 1 else { return applyInPlace(changes, resolved: resolved, memo: memo) }
        switch changes[0] {
        case .newBriefing(let document): return placing(document, resolved.briefings[document.path]!, replacing: nil)
        case .removedBriefing(let path): return removing(path)
        case .newPerson(let document): return placingPerson(document, resolved.people[document.path]!, replacing: nil)
        case .removedPerson(let path): return placingPerson(nil, nil, replacing: path)
        case .person(let document):
            if let spliced = applyInPlace(changes, resolved: resolved, memo: memo) { return spliced }
            // A person's name that moves them among the others.
            return placingPerson(document, resolved.people[document.path]!, replacing: document.path)
        case .briefing(let document):
            if let spliced = applyInPlace(changes, resolved: resolved, memo: memo) { return spliced }
            // One briefing edited so that it moves or changes its lists.
            return placing(document, resolved.briefings[document.path]!, replacing: document.path)
        default: return applyInPlace(changes, resolved: resolved, memo: memo)
        }
    }

    /// The site after `changes`, each keeping the site's shape; nil otherwise. `resolved` holds
    /// the briefings' files resolved.
    private func applyInPlace(_ changes: [Change], resolved: Resolved, memo: ResolveMemo) -> PreparedSite? {
        var site = previous.checked.site
        let index = previous.index
        var markdown = previous.markdown
        var templates = previous.templates
        let stage = MarkdownStage(site: site, timeline: index.timeline)
        let resolver = SiteResolver(options: options)
        var edited = Set<String>()
        var found = MarkdownStage.Found()
        var diagnostics: [Diagnostic] = []
        for change in changes {
            switch change {
            case .templates:
                // A template set with or without year pages lays the timeline out differently.
                guard let set = try? TemplateSet.load(from: source),
                      set.templates.has("timeline-page") == templates.templates.has("timeline-page") else { return nil }
                templates = set
            case .briefing(let document):
                guard let b = site.briefings.firstIndex(where: { $0.path == document.path }),
                      let result = resolved.briefings[document.path] else { return nil }
                let old = site.briefings[b]
                guard let new = result.briefing, result.unresolved.isEmpty, !result.diagnostics.contains(where: \.isError),
                      new.slug == old.slug, new.date == old.date, new.status == old.status, new.people == old.people,
                      new.topics == old.topics, new.quotes.map(\.person) == old.quotes.map(\.person)
                else { return nil }
                guard let places = Self.places(of: result.events, from: document.path, in: site) else { return nil }
                site.briefings[b] = new
                for (e, event) in places { site.events[e] = event }
                markdown.briefings[b] = stage.briefing(new, found: &found)
                for (e, _) in places { markdown.events[e] = stage.event(site.events[e], found: &found) }
                diagnostics += result.diagnostics
                edited.insert(document.path)
            case .timeline(let document):
                guard !document.loadFailed else { return nil }
                let result = resolver.resolveTimelineFile(
                    document, zone: memo.zone, people: memo.people, topics: memo.topics,
                    allBriefings: site.linkableBriefings.union(site.draftSlugs), builtBriefings: Set(site.briefings.map(\.slug.rawValue)))
                guard result.unresolved.isEmpty, !result.diagnostics.contains(where: \.isError),
                      let places = Self.places(of: result.events, from: document.path, in: site)
                else { return nil }
                for (e, event) in places {
                    site.events[e] = event
                    markdown.events[e] = stage.event(event, found: &found)
                }
                diagnostics += result.diagnostics
                edited.insert(document.path)
            case .topics(let document):
                guard !document.loadFailed else { return nil }
                let result = resolver.resolveTopicsFile(document)
                // The same topics declared (what briefings were checked against), in the same order.
                guard !result.diagnostics.contains(where: \.isError), result.topics.map({ Set($0.keys) }) == memo.topics else { return nil }
                let topics = SiteResolver.topics(of: site.briefings, declared: result.topics ?? [:])
                guard topics.map(\.slug) == site.topics.map(\.slug) else { return nil }
                site.topics = topics
                diagnostics += result.diagnostics
                edited.insert(document.path)
            case .siteConfig(let document):
                guard !document.loadFailed else { return nil }
                let result = resolver.resolveSiteFile(document)
                // The time zone that dates were read in, and whether Markdown may keep raw HTML,
                // as they were: every other setting shows only on pages, which are made again,
                // and in the files the plan lists (feeds need an address).
                guard !result.diagnostics.contains(where: \.isError), result.config.timeZone == site.config.timeZone,
                      result.config.unsafeHTML == site.config.unsafeHTML
                else { return nil }
                site.config = result.config
                diagnostics += result.diagnostics
                edited.insert(document.path)
            case .newBriefing, .removedBriefing, .newPerson, .removedPerson:
                return nil
            case .person(let document):
                guard let p = site.people.firstIndex(where: { $0.path == document.path }),
                      let result = resolved.people[document.path] else { return nil }
                guard let new = result.person, result.unresolved.isEmpty, !result.diagnostics.contains(where: \.isError),
                      new.slug == site.people[p].slug, Self.keepsPlace(of: p, renamedTo: new.name, among: site.people)
                else { return nil }
                site.people[p] = new
                markdown.people[p] = PersonMarkdown(bio: stage.bio(new.bio, found: &found))
                diagnostics += result.diagnostics
                edited.insert(document.path)
            }
        }
        guard !found.diagnostics.contains(where: \.isError) else { return nil }
        markdown.updatesOnHome = stage.updatesOnHome(site)
        markdown.replaceFindings(of: edited, with: found)
        let warnings = (previous.warnings.filter { !edited.contains($0.location.path) } + diagnostics + found.diagnostics).sorted()
        return PreparedSite(checked: CheckedSite(site: site, diagnostics: warnings), index: index, markdown: markdown,
                            templates: templates, warnings: warnings, memo: previous.memo)
    }
}

extension SiteSplice {
    /// Whether person `p` named `name` stays where they are among people by name (the order of
    /// every list of people) and under the same letter of the directory: then their name shows
    /// only in the views made from it, which are made again, and the index stays as it is.
    static func keepsPlace(of p: Int, renamedTo name: String, among people: [Person]) -> Bool {
        guard name != people[p].name else { return true }
        var renamed = people[p]
        renamed.name = name
        if p > 0, !personPrecedes(people[p - 1], renamed) { return false }
        if p + 1 < people.count, !personPrecedes(renamed, people[p + 1]) { return false }
        return PeopleLayout.key(of: name) == PeopleLayout.key(of: people[p].name)
    }

    /// The site after one briefing's file (`result`, resolved) is added (`replacing` nil),
    /// renamed from `replacing` (taken out as `removing` takes a file, put in as a new one), or
    /// edited so that the briefing moves among the others (its date) or changes what the index
    /// lists (its people, topics, quotes' speakers, events), keeping its slug and status: the file
    /// alone is rendered, the briefing and its events are put in their places, the timeline's
    /// layout is made again and the index patched (`SiteIndex+Placing`). Nil when it has an
    /// error, is a draft left out, changes its events' ids (or adds one another file has), names a
    /// topic no other briefing has, or moves a link target (a timeline page moving an event with
    /// an id).
    private func placing(_ document: RawDocument, _ result: SiteResolver.BriefingResult,
                         replacing earlierPath: String?) -> PreparedSite? {
        let old = previous.checked.site
        var site = old
        var markdown = previous.markdown
        let path = document.path
        guard let new = result.briefing, result.unresolved.isEmpty, !result.diagnostics.contains(where: \.isError) else { return nil }
        // The file taken out: the same one edited, another one renamed to this, or none.
        let takenPath = earlierPath ?? path
        let oldPlaces = site.events.indices.filter { site.events[$0].location.path == takenPath }
        let ids = result.events.compactMap(\.id)
        let newEvents = result.events.sorted(by: Self.eventPrecedes)
        // Events exactly as they were (a briefing's date or people edited) stay where they are, and
        // so do the timeline's layout and every link to an event.
        let keepsEvents = earlierPath == path && oldPlaces.map({ old.events[$0] }) == newEvents
        // Where the briefing was, when it was there.
        var taken: [Int] = []
        if let earlierPath {
            guard let b = site.briefings.firstIndex(where: { $0.path == earlierPath }) else { return nil }
            let was = site.briefings[b]
            if earlierPath == path {
                // The same event ids: none can now clash with another file's.
                guard new.slug == was.slug, new.status == was.status,
                      oldPlaces.compactMap({ site.events[$0].id }).sorted() == ids.sorted() else { return nil }
            } else {
                // Renamed: the old slug goes as a removed file's, the new comes as a new file's.
                guard namesNothing(was.slug, outside: earlierPath), isNew(new, withEvents: ids, besides: earlierPath),
                      site.events.allSatisfy({ $0.location.path != path }) else { return nil }
                site.linkableBriefings.remove(was.slug.rawValue)
                site.linkableBriefings.insert(new.slug.rawValue)
            }
            taken = [b]
            site.briefings.remove(at: b)
            markdown.briefings.remove(at: b)
            if !keepsEvents {
                for e in oldPlaces.reversed() {
                    site.events.remove(at: e)
                    markdown.events.remove(at: e)
                }
            }
        } else {
            guard oldPlaces.isEmpty, isNew(new, withEvents: ids, besides: nil) else { return nil }
            site.linkableBriefings.insert(new.slug.rawValue)
        }
        // Topics are named by topics.yaml or from their slugs, as the ones in use already are.
        let topics = Dictionary(uniqueKeysWithValues: site.topics.map { ($0.slug.rawValue, $0) })
        guard new.topics.allSatisfy({ topics[$0.rawValue] != nil }) else { return nil }
        let keepsTopics = taken.allSatisfy(topicsStay(without:))

        guard let at = Self.place(of: new, among: site.briefings, by: Self.briefingPrecedes) else { return nil }
        site.briefings.insert(new, at: at)
        markdown.briefings.insert(BriefingMarkdown(bodyHTML: "", lead: "", keyPoints: [], updates: []), at: at)
        if !keepsEvents {
            for event in newEvents {
                guard let e = Self.place(of: event, among: site.events, by: Self.eventPrecedes) else { return nil }
                site.events.insert(event, at: e)
                markdown.events.insert(EventMarkdown(), at: e)
            }
        }
        if !keepsTopics { site.topics = SiteResolver.topics(of: site.briefings, declared: topics) }

        let timeline = keepsEvents ? previous.index.timeline
            : TimelineLayout(events: site.events, splits: previous.templates.templates.has("timeline-page"))
        let stage = MarkdownStage(site: site, timeline: timeline)
        // Every text rendered before names only targets that are still there, where they were: the
        // people, media and drafts are the same, and the briefings only gain this one.
        guard keepsEvents || stage.renderer.links.keepsEveryEvent(of: LinkTable(site: old, timeline: previous.index.timeline))
        else { return nil }
        var found = MarkdownStage.Found()
        markdown.briefings[at] = stage.briefing(new, found: &found)
        let placed = keepsEvents ? oldPlaces : site.events.indices.filter { site.events[$0].location.path == path }
        for e in placed {
            let rendered = stage.event(site.events[e], found: &found)
            // Events kept render as they did (the same text, the same targets): only their
            // findings are taken, so that the array the last site shares is not copied.
            if !keepsEvents { markdown.events[e] = rendered }
        }
        guard !found.diagnostics.contains(where: \.isError) else { return nil }
        markdown.updatesOnHome = stage.updatesOnHome(site)
        markdown.replaceFindings(of: [path, takenPath], with: found)
        let warnings = (previous.warnings.filter { $0.location.path != path && $0.location.path != takenPath }
            + result.diagnostics + found.diagnostics).sorted()
        let index = SiteIndex(
            site: site, timeline: timeline, patching: previous.index, of: old,
            briefings: Renumbering(removed: taken, inserted: [at], oldCount: old.briefings.count),
            events: keepsEvents ? Renumbering(removed: [], inserted: [], oldCount: old.events.count)
                : Renumbering(removed: oldPlaces, inserted: placed, oldCount: old.events.count))
        return PreparedSite(checked: CheckedSite(site: site, diagnostics: warnings), index: index, markdown: markdown,
                            templates: previous.templates, warnings: warnings, memo: previous.memo)
    }

    /// The site after the file of briefing `path` is removed, when nothing names it: no text
    /// links to it and no timeline entry reports it (either is an error the whole pipeline
    /// reports), and no event with an id goes or moves to another timeline page. Its briefing and
    /// events are taken out, the timeline's layout made again when events went, the index
    /// patched; every other text renders as it did. Nil otherwise, or for a draft left out.
    private func removing(_ path: String) -> PreparedSite? {
        let old = previous.checked.site
        guard let b = old.briefings.firstIndex(where: { $0.path == path }) else { return nil }
        let slug = old.briefings[b].slug
        guard namesNothing(slug, outside: path) else { return nil }
        let places = old.events.indices.filter { old.events[$0].location.path == path }
        var site = old
        var markdown = previous.markdown
        site.briefings.remove(at: b)
        markdown.briefings.remove(at: b)
        for e in places.reversed() {
            site.events.remove(at: e)
            markdown.events.remove(at: e)
        }
        site.linkableBriefings.remove(slug.rawValue)
        if !topicsStay(without: b) {
            site.topics = SiteResolver.topics(of: site.briefings, declared: Dictionary(uniqueKeysWithValues: old.topics.map { ($0.slug.rawValue, $0) }))
        }
        let timeline = places.isEmpty ? previous.index.timeline
            : TimelineLayout(events: site.events, splits: previous.templates.templates.has("timeline-page"))
        let stage = MarkdownStage(site: site, timeline: timeline)
        guard places.isEmpty || stage.renderer.links.keepsEveryEvent(of: LinkTable(site: old, timeline: previous.index.timeline))
        else { return nil }
        markdown.updatesOnHome = stage.updatesOnHome(site)
        markdown.replaceFindings(of: [path], with: MarkdownStage.Found())
        let warnings = previous.warnings.filter { $0.location.path != path }
        let index = SiteIndex(site: site, timeline: timeline, patching: previous.index, of: old,
                              briefings: Renumbering(removed: [b], inserted: [], oldCount: old.briefings.count),
                              events: Renumbering(removed: places, inserted: [], oldCount: old.events.count))
        return PreparedSite(checked: CheckedSite(site: site, diagnostics: warnings), index: index, markdown: markdown,
                            templates: previous.templates, warnings: warnings, memo: previous.memo)
    }

    /// Whether nothing outside the file at `path` names briefing `slug`: no text links to it (the
    /// notes hold every briefing a text of this site links to, or once did: cautious) and no
    /// timeline entry reports it.
    private func namesNothing(_ slug: Slug, outside path: String) -> Bool {
        !previous.markdown.notes.linkedBriefings.contains(slug.rawValue)
            && !previous.checked.site.events.contains { $0.briefing == slug && $0.location.path != path }
    }

    /// Whether `briefing`, from a file that was not there, comes as a new one: a new slug, built
    /// (a draft left out would change what links may name), and event ids (`ids`) that no other
    /// file has but the one at `besides`, which goes.
    private func isNew(_ briefing: Briefing, withEvents ids: [String], besides: String?) -> Bool {
        let site = previous.checked.site
        let known = Set(site.events.compactMap { $0.location.path == besides ? nil : $0.id } + site.unresolved.eventIDs)
        return !site.linkableBriefings.contains(briefing.slug.rawValue) && !site.draftSlugs.contains(briefing.slug.rawValue)
            && (briefing.status == .published || options.includeDrafts)
            && Set(ids).count == ids.count && ids.allSatisfy { !known.contains($0) }
    }

    /// Whether the topics in use stay when briefing `b` of the last site is taken out: each of its
    /// topics has another briefing filed under it.
    private func topicsStay(without b: Int) -> Bool {
        let index = previous.index
        return previous.checked.site.briefings[b].topics.allSatisfy { slug in
            index.topicIndex[slug].map { index.briefingsOfTopic[$0].contains { $0 != b } } ?? true
        }
    }

    /// The resolver's orders: briefings newest first, then by slug; events by date, then place.
    static func briefingPrecedes(_ a: Briefing, _ b: Briefing) -> Bool { a.date != b.date ? a.date > b.date : a.slug < b.slug }

    static func eventPrecedes(_ a: Event, _ b: Event) -> Bool {
        if a.date < b.date { return true }
        if b.date < a.date { return false }
        return a.location < b.location
    }

    /// Where `item` goes among `items`, which are in `precedes` order: nil unless it falls
    /// strictly between its neighbours (a tie, which sorting leaves in the files' order, is left
    /// to the whole pipeline).
    static func place<T>(of item: T, among items: [T], by precedes: (T, T) -> Bool) -> Int? {
        let at = items.firstIndex { precedes(item, $0) } ?? items.count
        if at > 0, !precedes(items[at - 1], item) { return nil }
        if at < items.count, !precedes(item, items[at]) { return nil }
        return at
    }

    /// Where `events`, resolved again from the file at `path`, go in the site's time order (by
    /// date, then place in the file): the places its events held, when each keeps what orders,
    /// links and names it (date, place in the file, id, anchor, people, briefing); nil otherwise.
    static func places(of events: [Event], from path: String, in site: Site) -> [(Int, Event)]? {
        let places = site.events.indices.filter { site.events[$0].location.path == path }
        let sorted = events.sorted { ($0.date, $0.location) < ($1.date, $1.location) }
        guard places.count == sorted.count else { return nil }
        for (e, event) in zip(places, sorted) {
            let was = site.events[e]
            guard event.date == was.date, event.location == was.location, event.id == was.id,
                  event.names == was.names, event.people == was.people, event.briefing == was.briefing
            else { return nil }
        }
        return Array(zip(places, sorted))
    }
}

extension SiteSplice.Change {
    /// The path of a briefing's or a person's file that is there no more.
    var removedPath: String? {
        switch self {
        case .removedBriefing(let path), .removedPerson(let path): path
        default: nil
        }
    }

    /// A briefing's or a person's file that was not there before.
    var newDocument: RawDocument? {
        switch self {
        case .newBriefing(let document), .newPerson(let document): document
        default: nil
        }
    }

    var isPersonFile: Bool {
        switch self {
        case .person, .newPerson, .removedPerson: true
        default: false
        }
    }
}

extension RenderedMarkdown {
    /// The problems and notes of the files at `edited` replaced by what rendering them again found.
    mutating func replaceFindings(of edited: Set<String>, with found: MarkdownStage.Found) {
        diagnostics = (diagnostics.filter { !edited.contains($0.location.path) } + found.diagnostics).sorted()
        notes.imagesWithoutAlt = (notes.imagesWithoutAlt.filter { !edited.contains($0.location.path) }
            + found.notes.imagesWithoutAlt).sorted()
        // Names linked from prose are only added: `check`, which reads the people, never splices,
        // and a briefing named here is only ever kept from being removed by a splice.
        notes.addLinks(of: found.notes)
    }
}

extension Diagnostic {
    var isError: Bool { severity == .error }
}
