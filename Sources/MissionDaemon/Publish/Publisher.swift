import Dispatch
import Foundation
import Logging
import MissionExtract
import MissionStore
import Synchronization
import ZMQ

/// Owns the events socket and the event log's write side. Everything it holds is touched only
/// on `queue`: `@unchecked Sendable`, checked by `dispatchPrecondition` in every function
/// that touches that state. Finished articles that arrive while a flush is
/// pending join it: one event-log append (one fsync) per batch, not per article.
///
/// The socket is an XPUB: SUB clients see a PUB, and a subscriber whose queue is full is
/// noticed (`pub_overflows`). How many messages such a subscriber then misses libzmq does
/// not say, so `pub_dropped` is reported as unknown (null), never as a made-up 0.
final class Publisher: @unchecked Sendable {
    let queue = DispatchQueue(label: "missiond.publish")
    private let socket: ZMQSocket
    private var endpoint: String
    private let metrics: DaemonMetrics
    private let eventLog: EventLog
    private let journal: ArticleJournal
    private let stats: DaemonStats
    private let logger: Logger
    /// Called on `queue` for every message published (`--once` prints them).
    private let echo: (@Sendable (String, String) -> Void)?

    private var batch: [ArticleJob] = []
    private var flushScheduled = false
    /// Articles whose event-log append failed (a full disk): tried again, with the articles
    /// finished since, after `retryDelay`, which doubles up to `maxRetryDelay`. They keep
    /// their pipeline slots meanwhile, so the intake slows down instead of piling up.
    private var retrying: [ArticleJob] = []
    private var retryScheduled = false
    private var retryDelay = Publisher.firstRetryDelay
    private var failedAppends = 0
    static let firstRetryDelay = 0.05
    static let maxRetryDelay = 5.0
    private var statsTimer: DispatchSourceTimer?
    private let startedAt = DispatchTime.now()
    // Counters for daemon.stats, confined to `queue`.
    private var eventsByType: [String: Int] = [:]
    private var articlesDone = 0
    private var articlesRejected = 0
    private var eventLogFailures = 0
    private var overflows = 0
    private var overflowsReported = 0
    /// Articles handed to `finish` and not yet in a flush (a queue depth for the metrics).
    private let waiting = Atomic<Int>(0)

    init(
        context: ZMQContext, endpoint: String, curveSecretKey: String?, sendHighWaterMark: Int32,
        eventLog: EventLog, journal: ArticleJournal, stats: DaemonStats, metrics: DaemonMetrics, logger: Logger,
        connectionLimiter: ConnectionLimiter? = nil, echo: (@Sendable (String, String) -> Void)?
    ) throws(ZMQError) {
        socket = try ZMQSocket(context: context, type: .xpub)
        try socket.set(.sendHighWaterMark(sendHighWaterMark))
        try socket.set(.linger(milliseconds: 1000))
        try socket.makeOverflowReporting()
        self.endpoint = try ServerEndpoint.bind(socket, to: endpoint, role: "publish", curveSecretKey: curveSecretKey)
        try connectionLimiter?.watch(socket, role: "publish", context: context)
        self.metrics = metrics
        self.eventLog = eventLog
        self.journal = journal
        self.stats = stats
        self.logger = logger
        self.echo = echo
    }

    // MARK: Articles

    /// Logs the article's events (assigning seq), publishes them and `article.done`, then
    /// marks the article done in the journal.
    func finish(_ job: ArticleJob) {
        waiting.add(1, ordering: .relaxed)
        queue.async {
            self.waiting.subtract(1, ordering: .relaxed)
            self.batch.append(job)
            // While a retry waits, new articles wait with it (its timer flushes them all).
            guard !self.flushScheduled && !self.retryScheduled else { return }
            self.flushScheduled = true
            // Runs after every finish() already queued: they all join this batch.
            self.queue.async { self.flush() }
        }
    }

    private func flush() {
        dispatchPrecondition(condition: .onQueue(queue))
        let started = ContinuousClock.now
        defer { metrics.recordStage("publish", duration: ContinuousClock.now - started) }
        let jobs = retrying + batch
        retrying = []
        batch.removeAll(keepingCapacity: true)
        flushScheduled = false

        var pending: [PendingEvent] = []
        for job in jobs {
            guard let rendered = job.rendered else { continue }
            for (index, event) in rendered.events.enumerated() {
                // Rendered on the article's lane: only the seq is filled in here.
                pending.append(PendingEvent(id: event.id) { seq in rendered.json(index, seq: seq) })
            }
        }
        let logged: [LoggedEvent]
        do {
            logged = try eventLog.append(pending)
        } catch {
            retryLater(jobs, error: error)
            return
        }
        if failedAppends > 0 {
            logger.notice("event log append works again: pending articles logged and published",
                          metadata: ["articles": "\(jobs.count)", "failed_attempts": "\(failedAppends)"])
            failedAppends = 0
            retryDelay = Self.firstRetryDelay
            metrics.setPublishRetryPending(0)
        }
        var loggedByID: [String: LoggedEvent] = [:]
        loggedByID.reserveCapacity(logged.count)
        for event in logged { loggedByID[event.id] = event }

        var finished: [FinishedArticle] = []
        finished.reserveCapacity(jobs.count)
        // Counted per batch: one metrics lock round per event type, not one per event.
        var publishedByType: [EventType: Int] = [:]
        defer {
            for (type, count) in publishedByType {
                metrics.eventsPublished(type: eventTypeName(type), count: count)
            }
        }
        for job in jobs {
            var first: UInt64?
            var last: UInt64?
            var published = 0
            let events = job.rendered?.events ?? []
            for event in events {
                // An event logged before (the article ran before a crash) is not published
                // again: replay has it under its original seq.
                guard let entry = loggedByID[event.id] else { continue }
                let type = eventTypeName(event.type)
                send(topic: eventTopic(event.type), entry.json)
                eventsByType[type, default: 0] += 1
                publishedByType[event.type, default: 0] += 1
                first = first ?? entry.seq
                last = entry.seq
                published += 1
            }
            let micros = (DispatchTime.now().uptimeNanoseconds - job.startedAt.uptimeNanoseconds) / 1000
            send(topic: "article.done", JSONText.object([
                ("article", job.rendered?.article ?? job.document.articleJSON()),
                ("events", String(events.count)),
                ("new_events", String(published)),
                ("seq_first", JSONText.numberOrNull(first)),
                ("seq_last", JSONText.numberOrNull(last)),
                ("ms", JSONText.tenths(micros)),
            ]))
            articlesDone += 1
            // The seqs go into the done mark: a later start can tell which articles lost events.
            finished.append(FinishedArticle(articleID: job.document.articleID, seqs: first.flatMap { f in last.map { f...$0 } }))
        }
        // One journal write for the whole batch, not one per article.
        do {
            try journal.markDone(finished)
        } catch {
            logger.error("cannot mark articles done in the journal; they will run again (their events will not repeat)",
                         metadata: ["articles": "\(finished.count)", "error": "\(error)"])
        }
        for job in jobs { job.slot?.partDone() }
    }

    /// Keeps `jobs` (acknowledged, in the journal) for another append after a backoff: space
    /// may come back without a restart. Logged when appends start failing, not every try.
    private func retryLater(_ jobs: [ArticleJob], error: StoreError) {
        dispatchPrecondition(condition: .onQueue(queue))
        eventLogFailures += 1  // attempts that failed
        if failedAppends == 0 {
            logger.error("cannot append to the event log; retrying (backoff \(Self.firstRetryDelay) s doubling to \(Self.maxRetryDelay) s)",
                         metadata: ["articles": "\(jobs.count)", "error": "\(error)"])
        }
        failedAppends += 1
        retrying = jobs
        metrics.setPublishRetryPending(jobs.count)
        retryScheduled = true
        queue.asyncAfter(deadline: .now() + retryDelay) {
            self.retryScheduled = false
            self.flush()
        }
        retryDelay = min(retryDelay * 2, Self.maxRetryDelay)
    }

    /// Publishes `article.rejected`; `slot` is given when the article held a pipeline slot
    /// (its part of it is over once this is published).
    func rejected(articleID: String?, name: String, reason: String, quarantine: Quarantine.Outcome?, slot: PipelineSlot?) {
        queue.async {
            var article: [(String, String)] = []
            if let articleID { article.append(("id", JSONText.quoted(articleID))) }
            article.append(("name", JSONText.quoted(name)))
            var members: [(String, String)] = [("article", JSONText.object(article)), ("reason", JSONText.quoted(reason))]
            switch quarantine {
            case .kept(let path)?: members.append(("quarantine", JSONText.quoted(path)))
            case .notKept(let note)?: members.append(("quarantine", "null")); members.append(("quarantine_skipped", JSONText.quoted(note)))
            case nil: break
            }
            self.send(topic: "article.rejected", JSONText.object(members))
            self.articlesRejected += 1
            slot?.partDone()
        }
    }

    private func send(topic: String, _ json: String) {
        dispatchPrecondition(condition: .onQueue(queue))
        do {
            // Never blocks: past the high-water mark libzmq drops for that subscriber.
            if try !socket.publishNoticingOverflow(strings: [topic, json]) {
                overflows += 1
                metrics.pubOverflowed()
            }
        } catch {
            logger.error("cannot publish", metadata: ["topic": "\(topic)", "error": "\(error)"])
        }
        echo?(topic, json)
    }

    // MARK: Stats and retention

    func startStatsTimer(interval: Double) {
        queue.async {
            let timer = DispatchSource.makeTimerSource(queue: self.queue)
            timer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
            timer.setEventHandler { [unowned self] in
                self.discardSubscriptions()
                self.reportOverflows()
                self.publishStats()
                self.applyRetention()
            }
            timer.resume()
            self.statsTimer = timer
        }
    }

    private func publishStats() {
        dispatchPrecondition(condition: .onQueue(queue))
        let uptime = Double(DispatchTime.now().uptimeNanoseconds - startedAt.uptimeNanoseconds) / 1e9
        let events = JSONText.object(eventsByType.sorted { $0.key < $1.key }.map { ($0.key, String($0.value)) })
        send(topic: "daemon.stats", JSONText.object([
            ("uptime_s", String(format: "%.1f", uptime)),
            ("in_flight", String(stats.inFlight.load(ordering: .relaxed))),
            ("intake", JSONText.object([("socket", stats.socket.json()), ("dir", stats.directory.json())])),
            ("recovered", String(stats.recovered.load(ordering: .relaxed))),
            ("inbox_retry_pending", String(stats.inboxRetryPending.load(ordering: .relaxed))),
            ("articles_done", String(articlesDone)),
            ("articles_rejected", String(articlesRejected)),
            ("events", events),
            ("last_seq", String(eventLog.lastSeq)),
            ("event_log_failures", String(eventLogFailures)),
            ("pub_dropped", "null"),
            ("pub_overflows", String(overflows)),
            ("journal_bytes", String(journal.sizeBytes)),
            ("event_log_bytes", String(eventLog.sizeBytes)),
        ]))
    }

    private func applyRetention() {
        dispatchPrecondition(condition: .onQueue(queue))
        do {
            try eventLog.applyRetention(now: Date())
        } catch {
            logger.error("event log retention failed", metadata: ["error": "\(error)"])
        }
    }

    /// One warning per stats interval at most, however slow a subscriber is.
    private func reportOverflows() {
        dispatchPrecondition(condition: .onQueue(queue))
        guard overflows > overflowsReported else { return }
        logger.warning("subscriber queues full (pub_send_hwm): such a subscriber misses messages until it catches up (replay has them)",
                       metadata: ["overflows": "\(overflows - overflowsReported)"])
        overflowsReported = overflows
    }

    /// The (un)subscriptions an XPUB hands its owner: not needed here, but they must be read.
    private func discardSubscriptions() {
        dispatchPrecondition(condition: .onQueue(queue))
        do {
            try socket.discardSubscriptions()
        } catch {
            logger.warning("cannot read subscriptions on the events socket", metadata: ["error": "\(error)"])
        }
    }

    // MARK: Operations

    /// Articles waiting for the next flush.
    var depth: Int { waiting.load(ordering: .relaxed) }

    /// Runs `done` on the publisher's queue after what is queued: the watchdog's heartbeat.
    func heartbeat(_ done: @escaping @Sendable () -> Void) {
        queue.async(execute: done)
    }

    /// Moves the socket to `newEndpoint` (reload); on failure it stays where it was.
    func move(to newEndpoint: String) throws(ZMQError) -> ServerEndpoint.Moved {
        let result = queue.sync {
            Result { () throws(ZMQError) -> ServerEndpoint.Moved in
                let moved = try ServerEndpoint.move(socket, from: endpoint, to: newEndpoint)
                endpoint = moved.bound
                return moved
            }
        }
        return try result.get()
    }

    /// Publishes a last `daemon.stats` and closes the socket; waits for work already queued.
    /// Messages still queued get the socket's linger time to leave.
    func close() {
        queue.sync {
            statsTimer?.cancel()
            statsTimer = nil
            publishStats()
            socket.close()
        }
    }
}

/// The `type` of a mission event as written in topics and JSON (`trade_mission`, …).
func eventTypeName(_ type: EventType) -> String {
    type.rawValue
}

/// `mission.<type>`, made once per type rather than once per event.
private let eventTopics: [EventType: String] = Dictionary(
    uniqueKeysWithValues: EventType.allCases.map { ($0, "mission." + eventTypeName($0)) })

func eventTopic(_ type: EventType) -> String {
    eventTopics[type] ?? "mission." + eventTypeName(type)
}
