/// A count as readers see it: `1 event`, `3 events`, `20,500 events`.
enum Counted {
    /// `n` and its noun: `one` for 1, else `many` (`one` + "s" when not given).
    static func text(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        grouped(n) + " " + (n == 1 ? one : many ?? one + "s")
    }

    /// `20500` as `20,500`: digits in threes, as the pages' English has them.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
