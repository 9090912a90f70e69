import Metrics
import Prometheus
import Synchronization

/// The daemon's instruments, through swift-metrics with a Prometheus registry behind them.
/// The factory is passed to every instrument instead of `MetricsSystem.bootstrap`, which may
/// run once per process: each `DaemonMetrics` (a daemon, a test) has a registry of its own.
/// Every method is safe from any thread.
package final class DaemonMetrics: Sendable {
    package enum Intake: String, Sendable, CaseIterable {
        case dir, socket
    }

    /// The pipeline's stages, shown from the start (at zero) so that a dashboard has them all.
    package static let stages = ["decode", "metadata", "sentences", "entities", "events", "journal", "publish"]

    /// From a short extraction stage (tens of µs) up to a slow fsync or a stalled publish.
    package static let stageBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(5),
    ]

    package let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    private struct IntakeCounters: Sendable {
        let received, accepted, duplicate, rejected: Metrics.Counter
    }

    private let intakes: [Intake: IntakeCounters]
    private let eventCounters = Mutex<[String: Metrics.Counter]>([:])
    private let stageTimers = Mutex<[String: Metrics.Timer]>([:])
    private let queueDepths = Mutex<[String: Metrics.Meter]>([:])
    private let inFlight: Metrics.Meter
    private let inboxRetryPending: Metrics.Meter
    private let pubOverflows: Metrics.Counter
    private let journalBytes: Metrics.Meter
    private let eventLogBytes: Metrics.Meter
    private let lastSeq: Metrics.Meter
    private let storageDamage: Metrics.Counter
    private let replayDamage: Metrics.Meter
    private let publishRetryPending: Metrics.Meter
    private let scrapeHook = Mutex<Callback<DaemonMetrics>?>(nil)

    package init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["missiond_stage_seconds"] = Self.stageBuckets
        self.registry = registry
        self.factory = factory
        var intakes: [Intake: IntakeCounters] = [:]
        for intake in Intake.allCases {
            let labels = [("intake", intake.rawValue)]
            intakes[intake] = IntakeCounters(
                received: Metrics.Counter(label: "missiond_articles_received_total", dimensions: labels, factory: factory),
                accepted: Metrics.Counter(label: "missiond_articles_accepted_total", dimensions: labels, factory: factory),
                duplicate: Metrics.Counter(label: "missiond_articles_duplicate_total", dimensions: labels, factory: factory),
                rejected: Metrics.Counter(label: "missiond_articles_rejected_total", dimensions: labels, factory: factory))
        }
        self.intakes = intakes
        inFlight = Metrics.Meter(label: "missiond_in_flight", factory: factory)
        inboxRetryPending = Metrics.Meter(label: "missiond_inbox_retry_pending", factory: factory)
        pubOverflows = Metrics.Counter(label: "missiond_pub_overflows_total", factory: factory)
        journalBytes = Metrics.Meter(label: "missiond_journal_bytes", factory: factory)
        eventLogBytes = Metrics.Meter(label: "missiond_event_log_bytes", factory: factory)
        lastSeq = Metrics.Meter(label: "missiond_last_seq", factory: factory)
        storageDamage = Metrics.Counter(label: "missiond_storage_damage_total", factory: factory)
        replayDamage = Metrics.Meter(label: "missiond_replay_damaged_reads", factory: factory)
        publishRetryPending = Metrics.Meter(label: "missiond_publish_retry_pending", factory: factory)
        publishRetryPending.set(0)
        for stage in Self.stages {
            _ = timer(stage)
        }
    }

    // MARK: Articles

    /// A message or file taken in, before it is decoded.
    package func articleReceived(_ intake: Intake) { intakes[intake]!.received.increment() }
    /// Journaled as new.
    package func articleAccepted(_ intake: Intake) { intakes[intake]!.accepted.increment() }
    /// Journaled before: answered `duplicate`.
    package func articleDuplicate(_ intake: Intake) { intakes[intake]!.duplicate.increment() }
    /// Refused (malformed, undecodable, no events) or failed.
    package func articleRejected(_ intake: Intake) { intakes[intake]!.rejected.increment() }

    // MARK: Events and publishing

    /// Mission events of `type` published.
    package func eventsPublished(type: String, count: Int = 1) {
        let counter = eventCounters.withLock { counters in
            if let counter = counters[type] { return counter }
            let counter = Metrics.Counter(label: "missiond_events_total", dimensions: [("type", type)], factory: factory)
            counters[type] = counter
            return counter
        }
        counter.increment(by: count)
    }

    /// A subscriber's queue was full (high-water mark): from then until it drains it misses
    /// messages. How many, libzmq does not tell, so there is no "dropped" figure: an absent
    /// one is honest, a 0 would not be.
    package func pubOverflowed(count: Int = 1) { pubOverflows.increment(by: count) }

    /// Finished articles whose event-log append failed and is being retried (0 when none).
    package func setPublishRetryPending(_ articles: Int) { publishRetryPending.set(articles) }

    /// The seq of the last mission event logged.
    package func setLastSeq(_ seq: UInt64) { lastSeq.set(Double(seq)) }

    /// Damage found in the journal or event log at start (lost seq ranges, missing segments).
    package func storageDamaged(count: Int) { if count > 0 { storageDamage.increment(by: count) } }

    /// Replay requests answered `error` because a record was damaged, since start.
    package func setReplayDamage(_ count: Int) { replayDamage.set(count) }

    // MARK: Stages and queues

    /// The timer of one stage, looked up once: a stage that runs for every article then
    /// records without a trip through the shared table's lock.
    package func stageTimer(_ stage: String) -> StageTimer {
        StageTimer(timer: timer(stage))
    }

    package struct StageTimer: Sendable {
        fileprivate let timer: Metrics.Timer

        package func record(_ duration: Duration) {
            let (seconds, attoseconds) = duration.components
            timer.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        }

        /// Runs `body`, recording its duration (also when it throws).
        package func time<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
            let start = ContinuousClock.now
            defer { record(ContinuousClock.now - start) }
            return try body()
        }
    }

    /// How long one article spent in `stage`.
    package func recordStage(_ stage: String, duration: Duration) {
        stageTimer(stage).record(duration)
    }

    /// Runs `body`, recording its duration under `stage` (also when it throws).
    package func timeStage<T, E: Error>(_ stage: String, _ body: () throws(E) -> T) throws(E) -> T {
        try stageTimer(stage).time(body)
    }

    /// Articles taken and not yet finished.
    package func setInFlight(_ count: Int) { inFlight.set(count) }

    /// Inbox files waiting to be tried again (a full disk, no file descriptor left).
    package func setInboxRetryPending(_ count: Int) { inboxRetryPending.set(count) }

    /// Work waiting in front of `stage`.
    package func setQueueDepth(_ depth: Int, stage: String) {
        let meter = queueDepths.withLock { meters in
            if let meter = meters[stage] { return meter }
            let meter = Metrics.Meter(label: "missiond_queue_depth", dimensions: [("stage", stage)], factory: factory)
            meters[stage] = meter
            return meter
        }
        meter.set(depth)
    }

    // MARK: Storage

    package func setJournalBytes(_ bytes: Int) { journalBytes.set(bytes) }
    package func setEventLogBytes(_ bytes: Int) { eventLogBytes.set(bytes) }

    // MARK: Exposition

    /// Runs before every `exposition()`: the place to sample what is cheaper to read at
    /// scrape time than to track (file sizes, queue depths, the in-flight count).
    package func setScrapeHook(_ hook: (@Sendable (DaemonMetrics) -> Void)?) {
        scrapeHook.withLock { $0 = hook.map { Callback($0) } }
    }

    /// The Prometheus text exposition (format 0.0.4), metric families sorted by name.
    package func exposition() -> String {
        if let hook = scrapeHook.withLock({ $0 }) { hook.call(self) }
        return Self.sortedFamilies(registry.emitToString())
    }

    private func timer(_ stage: String) -> Metrics.Timer {
        stageTimers.withLock { timers in
            if let timer = timers[stage] { return timer }
            let timer = Metrics.Timer(label: "missiond_stage_seconds", dimensions: [("stage", stage)], factory: factory)
            timers[stage] = timer
            return timer
        }
    }

    /// The registry emits families in hash order; sorted, the page reads the same each time.
    /// Each family starts at its `# TYPE` line; its sample lines keep their order.
    static func sortedFamilies(_ text: String) -> String {
        var families: [(name: Substring, lines: [Substring])] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") || families.isEmpty {
                let name = line.dropFirst("# TYPE ".count).prefix { $0 != " " }
                families.append((name, [line]))
            } else {
                families[families.count - 1].lines.append(line)
            }
        }
        return families.sorted { $0.name < $1.name }
            .flatMap(\.lines).joined(separator: "\n") + (families.isEmpty ? "" : "\n")
    }
}
