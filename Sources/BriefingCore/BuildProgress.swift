import Synchronization

/// Reports files written as a build goes (the CLI shows a counter on a terminal), and how long
/// each stage took (`--verbose`).
public final class BuildProgress: Sendable {
    private let written = Atomic<Int>(0)
    private let report: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    private let stages: (@Sendable (_ stage: String, _ took: Duration) -> Void)?

    public init(report: @escaping @Sendable (_ done: Int, _ total: Int) -> Void) {
        self.report = report
        stages = nil
    }

    /// `report` as files are written (nil for no counter), `stages` as each stage ends.
    public init(report: (@Sendable (_ done: Int, _ total: Int) -> Void)?,
                stages: @escaping @Sendable (_ stage: String, _ took: Duration) -> Void) {
        self.report = report
        self.stages = stages
    }

    func fileDone(of total: Int) {
        guard let report else { return }
        let done = written.add(1, ordering: .relaxed).newValue
        // Every 256th file and the last: a counter, not a flood.
        if done % 256 == 0 || done == total { report(done, total) }
    }

    /// Whether anyone is told of stages.
    var timesStages: Bool { stages != nil }

    func stageDone(_ stage: String, took: Duration) {
        stages?(stage, took)
    }
}

/// Measures the stages of a build, one after the other, for `BuildProgress`.
struct StageClock {
    let progress: BuildProgress?
    private var last: ContinuousClock.Instant

    init(_ progress: BuildProgress?) {
        self.progress = progress
        last = ContinuousClock.now
    }

    /// The stage that ends now began where the last one ended.
    mutating func done(_ stage: String) {
        guard let progress, progress.timesStages else { return }
        let now = ContinuousClock.now
        progress.stageDone(stage, took: now - last)
        last = now
    }
}
