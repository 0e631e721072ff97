extension Array {
    /// Moves the element at `index` out, leaving `placeholder` in its place: reading it instead
    /// copies it (a retain and a release for every reference it holds, dozens in a briefing).
    /// A placeholder that holds no storage costs nothing to put there and to free.
    mutating func take(_ index: Int, leaving placeholder: Element) -> Element {
        var taken = placeholder
        swap(&taken, &self[index])
        return taken
    }
}
