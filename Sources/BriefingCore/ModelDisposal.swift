import Synchronization

/// What becomes of the model a build leaves (the checked site, its Markdown, its page contexts)
/// once the build is done with it.
public enum ModelDisposal: Sendable {
    /// Freed as soon as the build is done with it: for a process that goes on (`serve`, tests).
    case free
    /// Kept in memory until the process exits: a program that ends right after the build (the
    /// CLI) is spared freeing it object by object, a few tenths of a second on one core at 10,000
    /// briefings that help no one.
    case keepUntilExit

    /// Hands over a value the build is done with (passed with `consume`: with `.free`, it is then
    /// freed as this call returns).
    func dispose(_ value: some Sendable) {
        guard case .keepUntilExit = self else { return }
        Self.kept.withLock { $0.append(value) }
    }

    private static let kept = Mutex<[any Sendable]>([])
}
