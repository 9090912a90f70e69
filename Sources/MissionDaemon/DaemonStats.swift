import Synchronization

enum IntakeKind: String, Sendable, CaseIterable {
    case socket
    case directory = "dir"
}

/// Counters of one intake. Written by the intake thread, read by the stats timer:
/// relaxed atomics, no lock.
final class IntakeCounters: Sendable {
    let received = Atomic<Int>(0)
    let accepted = Atomic<Int>(0)
    let duplicate = Atomic<Int>(0)
    let rejected = Atomic<Int>(0)
    /// Journal failures (the article was not taken; its sender got an error).
    let failed = Atomic<Int>(0)

    func json() -> String {
        JSONText.object([
            ("received", String(received.load(ordering: .relaxed))),
            ("accepted", String(accepted.load(ordering: .relaxed))),
            ("duplicate", String(duplicate.load(ordering: .relaxed))),
            ("rejected", String(rejected.load(ordering: .relaxed))),
            ("failed", String(failed.load(ordering: .relaxed))),
        ])
    }
}

/// What the daemon counts for `daemon.stats`, shared by the intake thread and the publisher.
final class DaemonStats: Sendable {
    let socket = IntakeCounters()
    let directory = IntakeCounters()
    /// Articles taken and not yet finished (done, rejected, or answered `duplicate`).
    let inFlight = Atomic<Int>(0)
    /// Unfinished articles found in the journal at start and run again.
    let recovered = Atomic<Int>(0)

    func counters(for kind: IntakeKind) -> IntakeCounters {
        switch kind {
        case .socket: socket
        case .directory: directory
        }
    }
}
