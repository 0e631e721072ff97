/// How positions in a sorted array change when a few items are taken out and a few put in, the
/// others keeping their order (`serve` moving one briefing's file in `site.briefings` and
/// `site.events`): what lets the index renumber its lists instead of making them again.
struct Renumbering: Sendable {
    /// Old positions of the items taken out, ascending.
    let removed: [Int]
    /// New positions of the items put in, ascending.
    let inserted: [Int]
    /// Where positions may differ: an item before `changed.lowerBound` or at or after
    /// `changed.upperBound` (in either array) keeps its position.
    let changed: Range<Int>

    /// `removed` from an array of `oldCount` items, then `inserted`.
    init(removed: [Int], inserted: [Int], oldCount: Int) {
        self.removed = removed.sorted()
        self.inserted = inserted.sorted()
        let first = min(self.removed.first ?? oldCount, self.inserted.first ?? oldCount)
        // As many out as in: past the last of them, each array holds the same items before a
        // position, so everything after keeps its place.
        let end = removed.count == inserted.count ? max(self.removed.last ?? -1, self.inserted.last ?? -1) + 1
            : max(oldCount, oldCount - removed.count + inserted.count)
        changed = first..<max(first, end)
    }

    /// The new position of the item at old position `old`; nil when it was taken out.
    func callAsFunction(_ old: Int) -> Int? {
        guard changed.contains(old) else { return old }
        var survivor = old
        for r in removed {
            if r == old { return nil }
            if r > old { break }
            survivor -= 1
        }
        // The survivors fill, in order, the places the inserted items leave free.
        var position = survivor
        for i in inserted {
            guard i <= position else { break }
            position += 1
        }
        return position
    }

    /// `list`, ascending in `position`'s old numbering, in the new one: items taken out dropped,
    /// the others renumbered by `moved`, `added` (ascending, new numbering) merged in; nil when it
    /// stays as it is (so that it keeps sharing its storage).
    func renumber<T>(_ list: [T], adding added: [T] = [], position: (T) -> Int, moved: (T, Int) -> T) -> [T]? {
        guard added.isEmpty else { return merge(list, added, position: position, moved: moved) }
        guard let last = list.last, position(last) >= changed.lowerBound,
              list.contains(where: { changed.contains(position($0)) }) else { return nil }
        return merge(list, [], position: position, moved: moved)
    }

    private func merge<T>(_ list: [T], _ added: [T], position: (T) -> Int, moved: (T, Int) -> T) -> [T] {
        var result: [T] = []
        result.reserveCapacity(list.count + added.count)
        var next = added.startIndex
        for item in list {
            guard let p = callAsFunction(position(item)) else { continue }
            while next < added.endIndex, position(added[next]) < p {
                result.append(added[next])
                next += 1
            }
            result.append(p == position(item) ? item : moved(item, p))
        }
        result += added[next...]
        return result
    }

    /// `rows` (one per old position) with the rows taken out removed and `new` put in at the
    /// inserted positions (one per position, in order).
    func rearrange<T>(_ rows: [T], inserting new: [T]) -> [T] {
        var rows = rows
        for r in removed.reversed() { rows.remove(at: r) }
        for (i, row) in zip(inserted, new) { rows.insert(row, at: i) }
        return rows
    }
}

extension Renumbering {
    /// Renumbers a list of plain positions.
    func renumber(_ list: [Int], adding added: [Int] = []) -> [Int]? {
        renumber(list, adding: added, position: { $0 }, moved: { $1 })
    }
}
