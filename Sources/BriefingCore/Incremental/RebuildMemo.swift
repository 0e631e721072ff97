/// What one `serve` rebuild keeps for the next, so that the files an edit did not touch are not
/// resolved or rendered again: each memo is taken only while what its results depend on is the
/// same (`ResolveMemo`, `MarkdownMemo`), and a result only for a text that is unchanged.
struct RebuildMemo: Sendable {
    var resolve: ResolveMemo?
    var markdown: MarkdownMemo?
}
