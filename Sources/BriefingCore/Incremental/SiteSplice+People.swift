extension SiteSplice {
    /// The site after one person's file is added (`replacing` nil), removed (`document` nil),
    /// renamed from `replacing`, or edited with a name that moves them among the others by name
    /// (`replacing` its own path), `result` being the file resolved: its bio alone is rendered, and the index
    /// patched (`SiteIndex+People`). A person who goes must be named by nothing (no briefing,
    /// quote, event or text), and one who comes must be new; nothing else changes then, as no
    /// page shows a person by their place. Nil when that does not hold, the file has an error,
    /// or drafts are left out (their people are checked too, and they are not in the site).
    func placingPerson(_ document: RawDocument?, _ result: SiteResolver.PersonResult?, replacing path: String?) -> PreparedSite? {
        guard let memo = previous.memo?.resolve else { return nil }
        let old = previous.checked.site
        let out = path.flatMap { path in old.people.firstIndex { $0.path == path } }
        guard path == nil || out != nil else { return nil }
        var person: Person?
        var diagnostics: [Diagnostic] = []
        if let document {
            guard !document.loadFailed, let result else { return nil }
            guard let resolved = result.person, result.unresolved.isEmpty, !result.diagnostics.contains(where: \.isError)
            else { return nil }
            person = resolved
            diagnostics = result.diagnostics
        }
        // The same file with a new name keeps every reference to it.
        let keepsSlug = out.map { person?.slug == old.people[$0].slug } ?? false
        if let out, !keepsSlug {
            guard old.draftSlugs.isEmpty, namesNobody(out) else { return nil }
        }
        if let person, !keepsSlug, old.linkablePeople.contains(person.slug.rawValue) { return nil }

        var site = old
        var markdown = previous.markdown
        if let out {
            site.linkablePeople.remove(site.people[out].slug.rawValue)
            site.people.remove(at: out)
            markdown.people.remove(at: out)
        }
        var found = MarkdownStage.Found()
        if let person {
            guard let at = Self.place(of: person, among: site.people, by: Self.personPrecedes) else { return nil }
            site.linkablePeople.insert(person.slug.rawValue)
            site.people.insert(person, at: at)
            let stage = MarkdownStage(site: site, timeline: previous.index.timeline)
            markdown.people.insert(PersonMarkdown(bio: stage.bio(person.bio, found: &found)), at: at)
        }
        guard !found.diagnostics.contains(where: \.isError) else { return nil }
        let edited = Set([path, document?.path].compactMap { $0 })
        markdown.replaceFindings(of: edited, with: found)
        let warnings = (previous.warnings.filter { !edited.contains($0.location.path) } + diagnostics + found.diagnostics).sorted()
        let index = SiteIndex(site: site, patchingPeople: previous.index, of: old)
        // Briefings are resolved against the people there are: the memo holds results only for
        // the people it names.
        let people = Set(site.people.map(\.slug.rawValue))
        let resolve = people == memo.people ? memo : ResolveMemo(zone: memo.zone, people: people, topics: memo.topics)
        return PreparedSite(checked: CheckedSite(site: site, diagnostics: warnings), index: index, markdown: markdown,
                            templates: previous.templates, warnings: warnings,
                            memo: RebuildMemo(resolve: resolve, markdown: previous.memo?.markdown))
    }

    /// Whether nothing names person `p` of the last site: no briefing lists them or quotes them,
    /// no event lists them, and no text links to them (the notes hold every person a text of
    /// this site links to, or once did: cautious).
    private func namesNobody(_ p: Int) -> Bool {
        let index = previous.index
        return index.briefingsOfPerson[p].isEmpty && index.quotesOfPerson[p].isEmpty && index.eventsOfPerson[p].isEmpty
            && !previous.markdown.notes.linkedPeople.contains(previous.checked.site.people[p].slug.rawValue)
    }

    /// The resolver's order of people: by name, whatever its capitals, then by slug.
    static func personPrecedes(_ a: Person, _ b: Person) -> Bool {
        (a.name.lowercased(), a.slug) < (b.name.lowercased(), b.slug)
    }
}
