/// A list cut into pages of `perPage` items: page 1 at the list's own URL (`briefings/`), the
/// others under it (`briefings/page/2/`).
struct Pagination: Sendable {
    /// Briefings on a page of a list: enough to scan, few enough for a phone.
    static let briefingsPerPage = 50

    let base: String
    let itemCount: Int
    let perPage: Int

    init(base: String, itemCount: Int, perPage: Int = Pagination.briefingsPerPage) {
        self.base = base
        self.itemCount = itemCount
        self.perPage = perPage
    }

    /// At least one page, empty lists included.
    var count: Int { max(1, (itemCount + perPage - 1) / perPage) }

    /// Page `number`'s folder, from the site root.
    func url(_ number: Int) -> String { number == 1 ? base : base + "page/\(number)/" }

    /// The positions of the items on page `number`.
    func items(_ number: Int) -> Range<Int> {
        let start = (number - 1) * perPage
        return min(start, itemCount)..<min(start + perPage, itemCount)
    }

    /// The relative path from page `number` back to the site root.
    func root(_ number: Int) -> String {
        String(repeating: "../", count: url(number).split(separator: "/").count)
    }
}
