import Foundation
import Synchronization

/// The one place of background disk work: file-system calls that wait on the disk rather than
/// compute (removing folders on a file system that trims each freed block before `unlink` or
/// `rmdir` returns, read-ahead advice). They run on threads of their own, never on the build's
/// workers (`Parallel`), which must not block: a blocked worker leaves its core idle. Whoever
/// needs the work done awaits it, without blocking a thread either.
enum DiskWork {
    /// Runs `body(lane)` for every lane in `0..<count` at once, each on a thread of its own, and
    /// returns when all are done.
    static func lanes(_ count: Int, _ body: @escaping @Sendable (_ lane: Int) -> Void) async {
        guard count > 0 else { return }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let left = Countdown(count)
            for lane in 0..<count {
                Thread {
                    body(lane)
                    if left.finishOne() { done.resume() }
                }.start()
            }
        }
    }

    /// Starts `body` on a thread of its own and returns at once: nothing waits for it.
    static func start(_ body: @escaping @Sendable () -> Void) {
        Thread.detachNewThread(body)
    }

    /// Jobs done one after another, in the order they were added, on a thread of their own.
    final class Queue: Sendable {
        private let queue: DispatchQueue

        init(label: String) {
            queue = DispatchQueue(label: label)
        }

        func add(_ job: @escaping @Sendable () -> Void) {
            queue.async(execute: job)
        }

        /// Returns once every job added so far is done.
        func finished() async {
            await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                queue.async { done.resume() }
            }
        }
    }

    /// Counts lanes down to the last one.
    private final class Countdown: Sendable {
        private let left: Atomic<Int>

        init(_ count: Int) { left = Atomic(count) }

        /// True for the call that finishes the last lane.
        func finishOne() -> Bool { left.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 }
    }
}
