import Foundation

/// The one place of parallelism: maps chunks of a collection on all cores, keeping order.
enum Parallel {
    static var width: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16)) }

    /// `transform` applied to every element, results in the input's order.
    static func map<T: Sendable, R: Sendable>(
        _ items: [T], chunkSize: Int? = nil, _ transform: @escaping @Sendable (T) -> R
    ) async -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        // Sixteen chunks a core: when one core is done with its last chunk, the other's is short.
        let size = chunkSize ?? max(1, (items.count + width * 16 - 1) / (width * 16))
        let chunks = stride(from: 0, to: items.count, by: size).map { $0..<min($0 + size, items.count) }
        return await withTaskGroup(of: (Int, [R]).self) { group in
            for (index, range) in chunks.enumerated() {
                // `@concurrent` keeps the chunk off the caller's actor (the CLI runs on the main
                // actor), so chunks really run on all cores. Each task maps its range of the shared
                // array in place, handing `transform` each item where it is stored: copying the range
                // out, or iterating it, copied every item (a retain and a release per reference in
                // a briefing, for each map over the briefings).
                group.addTask { @concurrent in
                    (index, items.withUnsafeBufferPointer { items in range.map { transform(items[$0]) } })
                }
            }
            var parts = [[R]](repeating: [], count: chunks.count)
            for await (index, part) in group { parts[index] = part }
            return parts.flatMap { $0 }
        }
    }
}

