/// Reads a template Character by Character, as swift-mustache's parser does, so that whitespace,
/// newline and delimiter rules, and error columns, count the same units.
struct MustacheCursor {
    let characters: [Character]
    private(set) var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    var reachedEnd: Bool { position >= characters.count }

    /// The current Character, or "\0" past the end (swift-mustache's convention, which no test matches).
    var current: Character { reachedEnd ? "\0" : characters[position] }

    mutating func advance() { position += 1 }

    func text(_ range: Range<Int>) -> String { String(characters[range]) }

    /// Moves past every Character that passes `test`; returns what it moved past.
    @discardableResult
    mutating func skip(while test: (Character) -> Bool) -> Range<Int> {
        let start = position
        while position < characters.count, test(characters[position]) { position += 1 }
        return start..<position
    }

    /// Moves to the first Character that passes `test`; nil, not moving, when none does before the end.
    mutating func read(until test: (Character) -> Bool) -> Range<Int>? {
        var end = position
        while end < characters.count, !test(characters[end]) { end += 1 }
        guard end < characters.count else { return nil }
        defer { position = end }
        return position..<end
    }

    /// Moves past `expected` when it comes next; false, not moving, otherwise (also when the text ends first).
    mutating func read(_ expected: [Character]) -> Bool {
        guard characters.count - position >= expected.count else { return false }
        for (offset, character) in expected.enumerated() where characters[position + offset] != character {
            return false
        }
        position += expected.count
        return true
    }

    /// Moves past the next `delimiter`; nil, not moving, when it never comes.
    /// Matches the way swift-mustache searches (a mismatch restarts after the mismatching Character).
    mutating func read(past delimiter: [Character]) -> Range<Int>? {
        let start = position
        var cursor = position
        var found = position
        var matched = 0
        while cursor < characters.count {
            if characters[cursor] == delimiter[matched] {
                if matched == 0 { found = cursor }
                matched += 1
                if matched == delimiter.count {
                    position = cursor + 1
                    return start..<found
                }
            } else {
                matched = 0
            }
            cursor += 1
        }
        return nil
    }

    /// swift-mustache's test for the end of a standalone tag's line: the end of the text, or spaces and tabs
    /// then a newline, which it moves past.
    mutating func finishesLine() -> Bool {
        if reachedEnd { return true }
        var end = position
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }
}

/// 1-based line and column (in Characters) of a Character offset; lines end at "\n" or "\r\n".
struct MustacheLineTable {
    private var lineStarts: [Int] = [0]

    init(_ characters: [Character]) {
        for (offset, character) in characters.enumerated() where character == "\n" || character == "\r\n" {
            lineStarts.append(offset + 1)
        }
    }

    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}
