import Dispatch
import Foundation
import Logging
import MissionExtract
import MissionStore
import Synchronization
import ZMQ

/// The whole daemon: storage, sockets, pipeline, intake, replay, metrics, watchdog.
/// `start()` starts everything and reports READY to systemd; `reload()` applies a changed
/// config and rules without stopping; `stop()` stops intake, lets the articles in flight
/// finish and publish, then closes everything.
package final class Daemon: Sendable {
    package struct Options: Sendable {
        package var config: DaemonConfig
        /// Where `reload()` reads the config again; nil: reload is refused.
        package var source: ConfigSource?
        /// `--once`: take the inbox's current files, leave them in place, print what is
        /// published on stdout, and stop when they are done. No socket intake, no watching,
        /// no metrics server, no watchdog.
        package var once = false
        package var notifier = SystemdNotifier()
        /// Read for `WATCHDOG_USEC` / `WATCHDOG_PID`.
        package var environment = ProcessInfo.processInfo.environment

        package init(config: DaemonConfig) { self.config = config }
    }

    private let options: Options
    private let logger: Logger
    private let journal: ArticleJournal
    private let eventLog: EventLog
    private let context: ZMQContext
    private let zap: ZAPHandler?
    private let publisher: Publisher
    private let replay: ReplayServer
    private let pipeline: Pipeline
    private let intake: IntakeLoop
    private let connectionLimiter: ConnectionLimiter
    private let metrics: DaemonMetrics
    private let metricsServer = Mutex<MetricsServer?>(nil)
    private let watchdog: Watchdog?
    /// The configuration in force (a reload changes it).
    private let running: Mutex<DaemonConfig>
    /// `/ready`: sockets bound and journal open, and not shutting down.
    private let ready = Atomic<Bool>(false)
    private let stopOnce = Atomic<Bool>(false)
    /// Every part with a life of its own, in start order (see `registerServices`).
    private let services = ServiceGroup()

    package init(options: Options, logger: Logger = Logger(label: "missiond")) throws(DaemonError) {
        let config = options.config
        Self.limitMallocArenas()
        Self.raiseOpenFileLimit(neededFor: config.maxConnections, logger: logger)
        self.options = options
        self.logger = logger
        self.running = Mutex(config)
        try Self.checkExposure(config, once: options.once, curve: config.curve != nil)
        if config.allowInsecureNonLoopback && config.curve == nil {
            for endpoint in [config.intake, config.publish, config.replay] where !LoopbackAddress.isLocal(endpoint: endpoint) {
                logger.warning("a socket is reachable from other hosts without CURVE (allow_insecure_non_loopback)", metadata: ["endpoint": "\(endpoint)"])
            }
        }
        let state = config.state
        for directory in [config.inbox, state, state + "/journal", state + "/events", state + "/done", state + "/quarantine"] {
            try PrivateDirectory.create(directory)
        }
        if let mode = PrivateDirectory.openToOthers(state) {
            logger.warning("the state directory is open to other users; missiond does not change an existing directory's mode",
                           metadata: ["state": "\(state)", "mode": "\(String(mode, radix: 8))"])
        }
        let extractor = Extractor(rules: try RuleLoader.load(directory: config.rules))
        do {
            journal = try ArticleJournal(
                directory: state + "/journal", fsync: Self.journalPolicy(config.fsync),
                maxRememberedIDs: config.rememberArticles, minSyncSpacing: Self.journalSyncSpacing)
            // The journal's done marks say which seqs were written: the log tells a torn tail
            // from lost events with them, and never numbers below them.
            eventLog = try EventLog(directory: state + "/events", fsync: config.fsync, retention: config.retention,
                                    syncedThrough: journal.highestSeq)
        } catch {
            throw DaemonError(.state, "state in \(state): \(error.description); \(Self.fsckHint(state))")
        }
        for note in journal.recoveryNotes + eventLog.recoveryNotes {
            logger.warning("storage recovery", metadata: ["note": "\(note)"])
        }
        let startupDamage: Int
        do {
            startupDamage = try Self.rerunArticlesWithLostEvents(journal: journal, eventLog: eventLog, logger: logger)
        } catch {
            throw DaemonError(.state, "state in \(state): cannot arrange for articles whose events were lost to run again: \(error.description)")
        }

        let serverKey = try config.curve?.serverKeyPair()
        let allowedClients = try config.curve?.allowedKeys()
        metrics = DaemonMetrics()
        metrics.storageDamaged(count: startupDamage)
        let stats = DaemonStats(metrics: metrics)
        let mailbox = try Mailbox<IntakeNotice>()
        do {
            let context = try ZMQContext()
            self.context = context
            // The ZAP handler answers before any CURVE socket is bound: libzmq asks it about
            // every client, and a CURVE server without one lets nobody in.
            zap = try allowedClients.map { allowed throws(ZMQError) in
                try ZAPHandler(context: context, allowedClientKeys: allowed, allowNull: false) { decision in
                    Self.log(decision, logger: logger)
                }
            }
        } catch {
            throw DaemonError(.socket, "ZeroMQ: \(error)")
        }
        if let allowedClients {
            logger.info("CURVE on the intake, publish and replay sockets",
                        metadata: ["server_key": "\(serverKey?.publicKey ?? "")", "allowed_clients": "\(allowedClients.count)"])
            if allowedClients.isEmpty { logger.warning("CURVE is on but no client key is allowed: every client is refused") }
        }
        let connectionLimiter = try ConnectionLimiter(maxConnections: config.maxConnections, logger: logger)
        self.connectionLimiter = connectionLimiter
        do {
            publisher = try Publisher(
                context: context, endpoint: config.publish, curveSecretKey: serverKey?.secretKey, sendHighWaterMark: config.pubSendHWM,
                eventLog: eventLog, journal: journal, stats: stats, metrics: metrics, logger: logger,
                connectionLimiter: connectionLimiter, echo: options.once ? Self.printToStandardOutput : nil)
        } catch {
            throw DaemonError(.socket, "publish socket: \(error)")
        }
        let budget = MemoryBudget(limit: config.memoryBudget)
        budget.whenReleased { mailbox.wakeup.signal() }  // the intake waits for room
        replay = try ReplayServer(context: context, endpoint: config.replay, curveSecretKey: serverKey?.secretKey,
                                  eventLog: eventLog, budget: budget, maxConnections: config.maxConnections,
                                  connectionLimiter: connectionLimiter, logger: logger)

        var router: (socket: ZMQSocket, endpoint: String)?
        if !options.once {
            do {
                let socket = try ZMQSocket(context: context, type: .router)
                // Few queued messages per client: when the pipeline or the memory budget is
                // full they wait in the client, not in this process's memory.
                try socket.set(.receiveHighWaterMark(Self.intakeReceiveHighWaterMark(config)))
                // Any frame that fits the memory budget gets an `error` reply when it is over
                // the article limit; only a frame larger than the whole budget disconnects.
                try socket.set(.maxMessageSize(Int64(Self.intakeMaxFrameBytes(config))))
                try socket.set(.linger(milliseconds: 1000))
                let bound = try ServerEndpoint.bind(socket, to: config.intake, role: "intake", curveSecretKey: serverKey?.secretKey)
                try connectionLimiter.watch(socket, role: "intake", context: context)
                router = (socket, bound)
            } catch {
                throw DaemonError(.socket, "intake socket: \(error)")
            }
        }
        let quarantine = Quarantine(directory: state + "/quarantine", maxBytes: config.quarantineMaxBytes)
        let inbox = try InboxIntake(
            inbox: config.inbox, stateDirectory: state, quarantine: quarantine, maxArticleBytes: config.maxArticleBytes,
            keepFiles: options.once, watch: !options.once, settleSeconds: config.inboxSettleSeconds, done: config.donePolicy,
            logger: logger)
        var unfinished: [JournaledArticle] = []
        for article in journal.unfinished() {
            if journal.attempts(article.articleID) >= Self.recoveryAttempts {
                Self.quarantinePoison(article, journal: journal, quarantine: quarantine, publisher: publisher, logger: logger)
            } else {
                unfinished.append(article)
            }
        }
        if !unfinished.isEmpty {
            logger.notice("running unfinished articles again", metadata: ["count": "\(unfinished.count)"])
        }
        pipeline = Pipeline(extractor: extractor, lanes: config.lanes, timeBudget: config.articleTimeBudget, journal: journal, publisher: publisher,
                            metrics: metrics, logger: logger) { notice in
            mailbox.post(notice)
        }
        intake = try IntakeLoop(
            router: router, inbox: inbox, quarantine: quarantine, recovered: unfinished, mailbox: mailbox, pipeline: pipeline,
            publisher: publisher, stats: stats, budget: budget,
            settings: .init(maxInFlight: config.maxInFlight, maxArticleBytes: config.maxArticleBytes, exitWhenIdle: options.once),
            logger: logger)

        let (pipeline, publisher, journal, eventLog) = (pipeline, publisher, journal, eventLog)
        metrics.setScrapeHook { metrics in
            metrics.setInFlight(stats.inFlight.load(ordering: .relaxed))
            metrics.setInboxRetryPending(stats.inboxRetryPending.load(ordering: .relaxed))
            for (stage, depth) in pipeline.queueDepths { metrics.setQueueDepth(depth, stage: stage) }
            metrics.setQueueDepth(publisher.depth, stage: "publish")
            metrics.setLastSeq(eventLog.lastSeq)
            metrics.setJournalBytes(journal.sizeBytes)
            metrics.setEventLogBytes(eventLog.sizeBytes)
            metrics.setReplayDamage(eventLog.damagedReadCount)
        }
        let intake = self.intake
        watchdog = options.once ? nil : Watchdog.requestedInterval(environment: options.environment).map { interval in
            Watchdog(interval: interval, notifier: options.notifier, logger: logger,
                     probe: { done in intake.heartbeat(done) },
                     isStalled: { pipeline.journalProgress.stalled(longerThan: interval) })
        }
        if !options.once, let address = config.metrics {
            let server = try startMetricsServer(address, allowNonLoopback: config.allowInsecureNonLoopback)
            metricsServer.withLock { $0 = server }
        }
        registerServices()
    }

    /// Start order: what others use comes first, so that the reverse order stops the users
    /// first. The ZAP handler and the metrics server already run (started in `init`, before any
    /// CURVE socket is bound and so that a failed bind is a start-up error); the intake drains
    /// its articles in flight before the publisher and the replay server are stopped; the
    /// connection limiter's monitors close after every socket they watch.
    private func registerServices() {
        let (zap, publisher, watchdog) = (zap, publisher, watchdog)
        if let zap { services.add(ClosureService("ZAP handler", stop: { zap.stop() })) }
        services.add(ClosureService("metrics server", stop: { [weak self] in self?.metricsServer.withLock { $0 }?.stop() }))
        services.add(connectionLimiter)
        let statsInterval = options.config.statsIntervalSeconds
        services.add(ClosureService("publisher", start: { publisher.startStatsTimer(interval: statsInterval) },
                                    stop: { publisher.close() }))
        services.add(replay)
        services.add(intake, stopTimeout: intake.stopTimeout)
        // Started by `start()` itself, after READY=1: systemd hears READY before the first WATCHDOG=1.
        if let watchdog { services.add(ClosureService("watchdog", stop: { watchdog.stop() })) }
    }

    /// Starts the threads and timers; systemd hears READY=1 once this returns.
    package func start() {
        services.startAll()
        let config = options.config
        logger.info("missiond running", metadata: [
            "inbox": "\(config.inbox)", "state": "\(config.state)",
            "intake": "\(options.once ? "off (--once)" : config.intake)", "publish": "\(config.publish)", "replay": "\(config.replay)",
            "workers": "\(pipeline.laneCount)",
        ])
        ready.store(true, ordering: .releasing)
        options.notifier.ready()
        checkIndexedEventsInBackground()
        if let watchdog {
            watchdog.start()
            logger.info("watchdog on: WATCHDOG=1 each time a heartbeat has gone through the pipeline",
                        metadata: ["interval": "\(watchdog.interval)"])
        }
    }

    /// What to run about damaged state.
    static func fsckHint(_ state: String) -> String {
        "`missiond fsck \(state)` describes the damage and `missiond fsck \(state) --repair` sets it aside"
    }

    /// The start read no event the segment indexes vouched for: they are read now, beside the
    /// work, and any damage is logged and counted as at a start that scans.
    private func checkIndexedEventsInBackground() {
        let (eventLog, logger, metrics, state) = (eventLog, logger, metrics, options.config.state)
        // A thread of its own, at the lowest priority (a pooled thread would keep it).
        let check = Thread {
            lowerThisThreadsPriority()
            let damage = eventLog.verifyIndexedRecords()
            for d in damage {
                logger.error("storage damage", metadata: [
                    "damage": "\(d)",
                    "fix": "stop the daemon; \(Self.fsckHint(state))",
                ])
            }
            metrics.storageDamaged(count: damage.count)
        }
        check.name = "missiond.check"
        check.start()
    }

    /// Begins a graceful stop (idempotent); `waitUntilStopped` returns when it is complete.
    package func stop() {
        guard !stopOnce.exchange(true, ordering: .acquiringAndReleasing) else { return }
        ready.store(false, ordering: .releasing)
        logger.info("stopping: intake closed, finishing articles in flight")
        options.notifier.stopping()
        watchdog?.stop()
        intake.requestStop()
    }

    /// Blocks until the intake has drained (after `stop()`, or by itself with `--once`),
    /// then closes sockets and storage.
    package func waitUntilStopped() {
        // The intake ends after `stop()` (its drain is bounded by its own timeout), or by
        // itself with `--once` once the inbox is done: no limit here.
        _ = intake.waitUntilStopped(timeout: nil)
        ready.store(false, ordering: .releasing)
        if !stopOnce.exchange(true, ordering: .acquiringAndReleasing) { options.notifier.stopping() }
        let overran = services.stopAll(logger: logger)
        if overran.isEmpty {
            context.terminate()  // every socket is closed: returns once queued messages have left (linger)
        } else {
            // zmq_ctx_term would wait for their sockets forever: the process exit closes them.
            logger.error("ZeroMQ context left open: some services had not stopped", metadata: ["services": "\(overran.joined(separator: ","))"])
        }
        journal.close()
        eventLog.close()
        logger.info("stopped", metadata: ["last_seq": "\(eventLog.lastSeq)"])
    }

    // MARK: Reload

    /// SIGHUP: reads the config and the rules again and applies what changed, telling
    /// systemd `RELOADING=1` then `READY=1`. A config or rule file that does not parse is
    /// refused as a whole and everything running stays as it was. Articles in flight are
    /// not touched: they finish with the rules they started with. Only sockets whose
    /// endpoint changed are moved; see `ConfigReload` for the keys that need a restart.
    package func reload() {
        guard !options.once, !stopOnce.load(ordering: .acquiring) else {
            logger.notice("reload ignored: the daemon is stopping")
            return
        }
        guard let source = options.source else {
            logger.error("reload refused: the daemon was not started from a config source")
            return
        }
        options.notifier.reloading()
        defer { options.notifier.ready() }
        logger.notice("reloading: reading the config and the rules again")
        let old = running.withLock { $0 }
        let loaded: DaemonConfig
        let extractor: Extractor
        var allowedClients: Set<String>?
        do throws(DaemonError) {
            loaded = try source.load()
            extractor = Extractor(rules: try RuleLoader.load(directory: loaded.rules))
            // CURVE itself cannot change without a restart: judge exposure by what is bound.
            try Self.checkExposure(loaded, once: false, curve: old.curve != nil)
            if old.curve != nil, let curve = loaded.curve { allowedClients = try curve.allowedKeys() }
        } catch {
            // One line: YAML errors quote the file over several, which a journal shows badly.
            let reason = error.description.split(whereSeparator: \.isNewline).joined(separator: " | ")
            logger.error("reload refused; the running configuration and rules stay in force", metadata: ["error": "\(reason)"])
            return
        }
        let change = ConfigReload(running: old, loaded: loaded)
        var inForce = change.inForce

        var rulesReplaced = true
        do {
            try pipeline.replaceRules(extractor)
        } catch {
            rulesReplaced = false
            logger.error("reload: the new rules cannot be used; the old ones stay", metadata: ["error": "\(error.description)"])
        }
        pipeline.replaceTimeBudget(loaded.articleTimeBudget)
        DaemonLogging.level = DaemonLogging.level(named: loaded.logLevel) ?? DaemonLogging.level
        if let allowedClients, let zap {
            zap.allowedClientKeys = allowedClients
            logger.info("CURVE allow-list reloaded (new connections)", metadata: ["allowed_clients": "\(allowedClients.count)"])
        }
        intake.reconfigure(maxInFlight: loaded.maxInFlight, quarantineMaxBytes: loaded.quarantineMaxBytes)
        if loaded.intake != old.intake, !move("intake", from: old.intake, to: loaded.intake, with: intake.move) {
            inForce.intake = old.intake
        }
        if loaded.publish != old.publish, !move("publish", from: old.publish, to: loaded.publish, with: { endpoint in
            Result { () throws(ZMQError) in try self.publisher.move(to: endpoint) }
        }) {
            inForce.publish = old.publish
        }
        if loaded.replay != old.replay, !move("replay", from: old.replay, to: loaded.replay, with: replay.move) {
            inForce.replay = old.replay
        }
        if loaded.metrics != old.metrics, !replaceMetricsServer(with: loaded) {
            inForce.metrics = old.metrics
        }
        running.withLock { $0 = inForce }

        var metadata: Logger.Metadata = ["rules": "\(loaded.rules)"]
        let applied = change.applied
        if !applied.isEmpty { metadata["changed"] = "\(applied.joined(separator: ","))" }
        if rulesReplaced {
            logger.notice("reloaded: new articles use the rules just read; articles in flight finish with the old ones", metadata: metadata)
        } else {
            logger.notice("reloaded, except the rules: articles go on with the rules read before", metadata: metadata)
        }
        let restart = change.needRestart
        if !restart.isEmpty {
            logger.warning("reload: these changes need a restart (systemctl restart missiond); the running values stay until then",
                           metadata: ["keys": "\(restart.joined(separator: ","))"])
        }
    }

    /// Moves one socket; logs the outcome. False if it stayed where it was.
    private func move(_ role: String, from old: String, to new: String,
                      with mover: (String) -> Result<ServerEndpoint.Moved, ZMQError>) -> Bool {
        switch mover(new) {
        case .success(let moved):
            logger.notice("reload: \(role) socket moved", metadata: ["from": "\(old)", "to": "\(moved.bound)"])
            if let error = moved.unbindError {
                logger.warning("reload: the old \(role) endpoint could not be released", metadata: ["endpoint": "\(old)", "error": "\(error)"])
            }
            return true
        case .failure(let error):
            logger.error("reload: the \(role) socket stays where it was", metadata: ["endpoint": "\(old)", "wanted": "\(new)", "error": "\(error)"])
            return false
        }
    }

    /// Starts the metrics server at its new address (or none) before stopping the old one.
    private func replaceMetricsServer(with config: DaemonConfig) -> Bool {
        var replacement: MetricsServer?
        if let address = config.metrics {
            do {
                replacement = try startMetricsServer(address, allowNonLoopback: config.allowInsecureNonLoopback)
            } catch {
                logger.error("reload: the metrics server stays where it was", metadata: ["wanted": "\(address)", "error": "\(error.description)"])
                return false
            }
        }
        let old = metricsServer.withLock { server in
            defer { server = replacement }
            return server
        }
        old?.stop()
        if replacement == nil { logger.notice("reload: metrics server off") }
        return true
    }

    private func startMetricsServer(_ address: String, allowNonLoopback: Bool) throws(DaemonError) -> MetricsServer {
        let (host, port) = try MetricsServer.listenAddress(address)
        let metrics = self.metrics
        let server = try MetricsServer(host: host, port: port, allowNonLoopback: allowNonLoopback,
                                       metrics: { metrics.exposition() },
                                       ready: { [weak self] in self?.ready.load(ordering: .acquiring) ?? false })
        logger.info("metrics server listening", metadata: ["url": "\(server.url)"])
        return server
    }

    // MARK: Recovery

    /// Recovery runs an unfinished article may start (see `Pipeline.resume`): one that was still
    /// unfinished after this many killed the daemon each time, and is quarantined instead.
    static let recoveryAttempts = 2

    static let poisonReason = "the daemon died twice while processing this article during recovery; it is not run again"

    /// Rejects an article that used up its recovery attempts: `article.rejected`, its text in
    /// the quarantine with a `.reason` file, and a rejected mark in the journal.
    private static func quarantinePoison(_ article: JournaledArticle, journal: ArticleJournal, quarantine: Quarantine,
                                         publisher: Publisher, logger: Logger) {
        let kept = quarantine.keep(body: Array(article.text.utf8), name: article.name, reason: poisonReason)
        do {
            try journal.markRejected(article.articleID, reason: poisonReason)
        } catch {
            logger.error("cannot mark a poison article rejected in the journal", metadata: ["article": "\(article.articleID)", "error": "\(error)"])
        }
        var metadata: Logger.Metadata = ["article": "\(article.articleID)", "name": "\(article.name)", "reason": "\(poisonReason)"]
        switch kept {
        case .kept(let path): metadata["quarantine"] = "\(path)"
        case .notKept(let note): metadata["quarantine_skipped"] = "\(note)"
        }
        logger.error("article quarantined: it killed the daemon in recovery", metadata: metadata)
        publisher.rejected(articleID: article.articleID, name: article.name, reason: poisonReason, quarantine: kept, slot: nil)
    }

    /// Done articles whose events the event log no longer has are made unfinished again: the
    /// recovery run appends their events anew, under new seqs. A lost range no done article
    /// points into was dealt with at an earlier start (its articles ran again): a warning.
    /// Returns how many lost ranges are new damage.
    private static func rerunArticlesWithLostEvents(journal: ArticleJournal, eventLog: EventLog, logger: Logger) throws(StoreError) -> Int {
        let lost = eventLog.lostRanges
        var newDamage = 0
        for (range, description) in zip(lost, eventLog.damage) {
            if journal.articles(withEventsIn: [range]).isEmpty {
                logger.warning("seq gap in the event log", metadata: ["damage": "\(description)"])
            } else {
                logger.error("storage damage", metadata: ["damage": "\(description)"])
                newDamage += 1
            }
        }
        let affected = journal.articles(withEventsIn: lost)
        guard !affected.isEmpty else { return newDamage }
        let textGone = try journal.reopen(affected)
        logger.error("articles whose events were lost run again", metadata: [
            "articles": "\(affected.count - textGone.count)",
            "lost": "\(lost.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ","))",
        ])
        for id in textGone {
            logger.error("an article's events were lost and its text is no longer in the journal (compacted): it cannot run again",
                         metadata: ["article": "\(id)"])
        }
        return newDamage
    }

    // MARK: Rules of the house

    /// Messages libzmq holds per intake client: a sixteenth of the memory budget in
    /// articles of the largest size, 1 to max_in_flight.
    static func intakeReceiveHighWaterMark(_ config: DaemonConfig) -> Int32 {
        Int32(clamping: min(config.maxInFlight, max(1, config.memoryBudget / 16 / config.maxArticleBytes)))
    }

    /// libzmq allocates a frame whole before the daemon sees it: no frame may be larger than
    /// the budget (and never under 4x the article limit plus room for the other frames).
    static func intakeMaxFrameBytes(_ config: DaemonConfig) -> Int {
        max(config.memoryBudget, config.maxArticleBytes * 4 + 65536)
    }

    /// A socket reachable from other hosts must use CURVE, unless the config allows it by name.
    static func checkExposure(_ config: DaemonConfig, once: Bool, curve: Bool) throws(DaemonError) {
        var sockets = [("publish", config.publish), ("replay", config.replay)]
        if !once { sockets.insert(("intake", config.intake), at: 0) }
        for (name, endpoint) in sockets {
            try LoopbackAddress.checkExposure(of: name, endpoint: endpoint, curve: curve, allowInsecure: config.allowInsecureNonLoopback)
        }
    }

    /// A refused client is worth a warning (someone holds a key we do not know); an
    /// accepted one, a debug line.
    private static func log(_ decision: ZAPDecision, logger: Logger) {
        let metadata: Logger.Metadata = [
            "socket": "\(decision.domain)", "mechanism": "\(decision.mechanism)",
            "client_key": "\(decision.clientKey ?? "-")", "address": "\(decision.address.isEmpty ? "local" : decision.address)",
            "reason": "\(decision.reason)",
        ]
        if decision.allowed {
            logger.debug("CURVE client allowed", metadata: metadata)
        } else {
            logger.warning("CURVE client refused", metadata: metadata)
        }
    }

    /// `always` for the journal means "durable before the acknowledgement", which the
    /// journal's group commit with no wait gives too: articles arriving while one fdatasync
    /// runs share the next one, instead of each paying its own on the decode queue.
    static func journalPolicy(_ configured: FsyncPolicy) -> FsyncPolicy {
        configured == .always ? .groupCommit(milliseconds: 0) : configured
    }

    /// Under load the journal's fdatasyncs are spaced this far apart, so that each covers more
    /// articles (an idle journal still syncs at once). The stages do not wait for the journal,
    /// only the client's reply does: events are not delayed by it.
    static let journalSyncSpacing: Duration = .milliseconds(2)

    /// systemd's default soft limit of 1,024 descriptors is reached by ~1,000 idle clients:
    /// take the hard limit, and say so when max_connections on three sockets would not fit.
    static func raiseOpenFileLimit(neededFor maxConnections: Int, logger: Logger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        if limit.rlim_cur < limit.rlim_max {
            let soft = limit.rlim_cur
            limit.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 {
                logger.warning("cannot raise the open-file limit", metadata: ["soft": "\(soft)", "errno": "\(errno)"])
                limit.rlim_cur = soft
            }
        }
        let needed = 3 * maxConnections + 256
        if limit.rlim_cur != rlim_t.max && limit.rlim_cur < rlim_t(needed) {
            logger.warning("the open-file limit is below 3 x max_connections + 256: clients may meet EMFILE before the limit",
                           metadata: ["limit": "\(limit.rlim_cur)", "max_connections": "\(maxConnections)"])
        }
    }

    /// glibc gives each thread that allocates its own malloc arena (up to 8 per core), and
    /// every arena keeps freed 5 KB article buffers for itself: with a dozen Dispatch threads
    /// that alone was ~18 MiB of the daemon's peak resident memory. Two arenas suit two lanes.
    /// `MALLOC_ARENA_MAX` in the environment still wins.
    static func limitMallocArenas() {
        guard getenv("MALLOC_ARENA_MAX") == nil else { return }
        _ = glibcMallopt(-8 /* M_ARENA_MAX, <malloc.h> */, 2)
    }

    /// `--once` output: one line per published message, `topic json`.
    private static let printToStandardOutput: @Sendable (String, String) -> Void = { topic, json in
        var line = topic + " " + json + "\n"
        line.withUTF8 { bytes in _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count) }
    }
}

/// glibc's `mallopt` (<malloc.h> is not in the Glibc module).
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
