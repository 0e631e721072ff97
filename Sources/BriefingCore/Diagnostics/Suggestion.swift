/// Finds the closest known name to a misspelt one, for "did you mean" hints.
enum Suggestion {
    /// The candidate nearest to `name`, if it is near enough to be a likely typo.
    static func closest<S: Sequence>(to name: String, in candidates: S) -> String? where S.Element == String {
        let target = Array(name.lowercased())
        let limit = max(2, target.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased())
            if abs(c.count - target.count) > limit { continue }
            let d = distance(target, c)
            if d <= limit, best == nil || d < best!.1 || (d == best!.1 && candidate < best!.0) {
                best = (candidate, d)
            }
        }
        return best?.0
    }

    /// `prefix` is written before the name suggested, as the editor writes it (`media/`).
    static func hint(for name: String, in candidates: some Sequence<String>, shownAs prefix: String = "") -> String? {
        closest(to: name, in: candidates).map { hint(prefix + $0) }
    }

    /// The one wording of a suggestion: `did you mean 'title'?`.
    static func hint(_ suggestion: String) -> String { "did you mean '\(suggestion)'?" }

    /// Edit distance over characters, a swap of two neighbours counting as one edit (the optimal
    /// string alignment distance): `titel` is one edit from `title`, as a typist sees it.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
