import Foundation

/// The one place of parallelism: maps chunks of a collection on all cores, keeping order.
enum Parallel {
    /// Asked once: Foundation reads the processor count from the system at every call, which cost
    /// a few percent of rendering a small site (many maps of a few items each).
    static let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))

    /// `transform` applied to every element, results in the input's order.
    static func map<T: Sendable, R: Sendable>(
        _ items: [T], chunkSize: Int? = nil, _ transform: @escaping @Sendable (T) -> R
    ) async -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        // Sixty-four chunks a core: when one core is done with its last chunk, the other's is short
        // (with sixteen, the last chunk of loading 12,000 files kept one core busy alone for 20 ms).
        let size = chunkSize ?? max(1, (items.count + width * 64 - 1) / (width * 64))
        // Each result goes straight into its place: collecting each chunk's results and joining them
        // copied every result (a retain and a release per reference in it) on one core while the
        // other waited.
        let results = ResultSlots<R>(count: items.count)
        await withTaskGroup(of: Void.self) { group in
            for start in stride(from: 0, to: items.count, by: size) {
                let range = start..<min(start + size, items.count)
                // `@concurrent` keeps the chunk off the caller's actor (the CLI runs on the main
                // actor), so chunks really run on all cores. Each task hands `transform` each item
                // where it is stored: copying the range out, or iterating it, copied every item.
                group.addTask { @concurrent in
                    items.withUnsafeBufferPointer { items in
                        for index in range { results.put(transform(items[index]), at: index) }
                    }
                }
            }
        }
        return results.collect()
    }
}

extension Parallel {
    /// `first` and `second` at once, each a child task that may map on all cores itself: for two
    /// stages that need only what is done, so that what one does on one thread alone overlaps the
    /// other's work.
    static func both<A: Sendable, B: Sendable>(
        _ first: @escaping @Sendable () async -> A, _ second: @escaping @Sendable () async -> B
    ) async -> (A, B) {
        async let a = first()
        let b = await second()
        return (await a, b)
    }
}

/// Room for `count` results that tasks fill at distinct indexes, then read out as one array by
/// moving them (no copy). Every slot is written exactly once before `collect()`: `Parallel.map`
/// awaits all its tasks first.
private final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<R>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
    }

    func put(_ result: consuming R, at index: Int) {
        (slots + index).initialize(to: result)
    }

    func collect() -> [R] {
        Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: slots, count: count)
            initialized = count
        }
    }

    deinit { slots.deallocate() }
}
