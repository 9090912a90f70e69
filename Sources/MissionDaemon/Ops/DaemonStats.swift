import Synchronization

enum IntakeKind: String, Sendable, CaseIterable {
    case socket
    case directory = "dir"

    var metricsIntake: DaemonMetrics.Intake {
        switch self {
        case .socket: .socket
        case .directory: .dir
        }
    }
}

/// Counters of one intake, for `daemon.stats` (atomics, read back there) and for the
/// Prometheus metrics (swift-metrics counters) at once, so the two cannot disagree.
final class IntakeCounters: Sendable {
    enum Outcome { case received, accepted, duplicate, rejected, failed }

    let kind: IntakeKind
    private let metrics: DaemonMetrics
    private let received = Atomic<Int>(0)
    private let accepted = Atomic<Int>(0)
    private let duplicate = Atomic<Int>(0)
    private let rejected = Atomic<Int>(0)
    /// Journal failures (the article was not taken; its sender got an error).
    private let failed = Atomic<Int>(0)

    init(kind: IntakeKind, metrics: DaemonMetrics) {
        self.kind = kind
        self.metrics = metrics
    }

    func count(_ outcome: Outcome) {
        let intake = kind.metricsIntake
        switch outcome {
        case .received:
            received.add(1, ordering: .relaxed)
            metrics.articleReceived(intake)
        case .accepted:
            accepted.add(1, ordering: .relaxed)
            metrics.articleAccepted(intake)
        case .duplicate:
            duplicate.add(1, ordering: .relaxed)
            metrics.articleDuplicate(intake)
        case .rejected:
            rejected.add(1, ordering: .relaxed)
            metrics.articleRejected(intake)
        case .failed:
            // Not taken either: a rejection as far as the metrics go.
            failed.add(1, ordering: .relaxed)
            metrics.articleRejected(intake)
        }
    }

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

/// What the daemon counts for `daemon.stats` and the metrics, shared by the intake thread
/// and the publisher.
final class DaemonStats: Sendable {
    let metrics: DaemonMetrics
    let socket: IntakeCounters
    let directory: IntakeCounters
    /// Articles taken and not yet finished (done, rejected, or answered `duplicate`).
    let inFlight = Atomic<Int>(0)
    /// Unfinished articles found in the journal at start and run again.
    let recovered = Atomic<Int>(0)
    /// Inbox files that failed for a passing reason (a full disk, no descriptor left) and
    /// wait to be tried again.
    let inboxRetryPending = Atomic<Int>(0)

    init(metrics: DaemonMetrics) {
        self.metrics = metrics
        socket = IntakeCounters(kind: .socket, metrics: metrics)
        directory = IntakeCounters(kind: .directory, metrics: metrics)
    }

    func counters(for kind: IntakeKind) -> IntakeCounters {
        switch kind {
        case .socket: socket
        case .directory: directory
        }
    }
}
