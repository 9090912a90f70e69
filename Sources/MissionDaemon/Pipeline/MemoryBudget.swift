import Synchronization

/// One budget for the bytes the daemon buffers on behalf of clients: intake bodies received
/// and not yet through the pipeline, and replay replies being built. A socket is not read
/// while its next message might not fit, so libzmq's high-water marks push back on the
/// clients instead of this process's memory growing. Safe from any thread.
final class MemoryBudget: Sendable {
    let limit: Int
    private let used = Atomic<Int>(0)
    /// Set once before any charge is taken: who waits for room (the intake thread's wake-up).
    private let onRelease = Mutex<Callback<Void>?>(nil)

    init(limit: Int) {
        self.limit = limit
    }

    var usedBytes: Int { used.load(ordering: .relaxed) }
    var availableBytes: Int { max(0, limit - usedBytes) }

    /// Whether `bytes` more fit. An empty budget always lets one through, so that a single
    /// message larger than what is left can never stall a socket for good.
    func hasRoom(for bytes: Int) -> Bool {
        let current = usedBytes
        return current == 0 || current + bytes <= limit
    }

    func whenReleased(_ wake: @escaping @Sendable () -> Void) {
        onRelease.withLock { $0 = Callback { _ in wake() } }
    }

    /// Counts `bytes` as held until the charge is released or freed. Bytes already received
    /// are charged even past the limit: the check comes before reading, not after.
    func charge(_ bytes: Int) -> Charge {
        used.add(bytes, ordering: .relaxed)
        return Charge(budget: self, bytes: bytes)
    }

    fileprivate func release(_ bytes: Int) {
        used.subtract(bytes, ordering: .relaxed)
        onRelease.withLock { $0 }?.call(())
    }

    /// Bytes held for as long as the charge lives: an article's charge travels with its job
    /// and is given back when the last copy of the job (and so its body) is gone.
    final class Charge: Sendable {
        private let budget: MemoryBudget
        let bytes: Int

        fileprivate init(budget: MemoryBudget, bytes: Int) {
            self.budget = budget
            self.bytes = bytes
        }

        deinit { budget.release(bytes) }
    }
}
