/// The people directory by the first letter of each name: one page with a letter index while it
/// fits the budget, past it `people/` holds the index and each letter a page of its own
/// (`people/letter/s/`, continued on `page/2/`… past the budget again).
struct PeopleLayout: Sendable {
    /// People cards on one page: about 300 KB of HTML.
    static let budget = 500

    /// One letter: its label (`S`, `0–9`, `#`), its key in URLs and ids (`s`, `digits`, `other`),
    /// and its people, as positions in `site.people` (by name).
    struct Letter: Sendable {
        let label: String
        let key: String
        let people: [Int]

        var pages: Pagination { Pagination(base: SiteURLs.people + "letter/\(key)/", itemCount: people.count, perPage: PeopleLayout.budget) }
    }

    let letters: [Letter]
    let isSplit: Bool

    init(people: [Person]) {
        var groups: [String: [Int]] = [:]
        for p in people.indices { groups[Self.key(of: people[p].name), default: []].append(p) }
        // Letters a–z, then digits, then names with neither.
        letters = groups.keys.sorted { (Self.rank($0), $0) < (Self.rank($1), $1) }.map { key in
            Letter(label: key == "digits" ? "0–9" : key == "other" ? "#" : key.uppercased(), key: key, people: groups[key]!)
        }
        isSplit = people.count > Self.budget
    }

    /// The first letter of a name in Latin letters (`Зеленський` files under Z), lowercased.
    static func key(of name: String) -> String {
        guard let first = Slug.make(from: name).utf8.first else { return "other" }
        if first >= 0x30 && first <= 0x39 { return "digits" }
        return String(UnicodeScalar(first))
    }

    private static func rank(_ key: String) -> Int { key == "digits" ? 1 : key == "other" ? 2 : 0 }
}
