import Dispatch
import Foundation
import Logging
import MissionExtract
import MissionStore
import Synchronization
import ZMQ

/// The whole daemon: storage, sockets, pipeline, intake, replay. `start()` opens and binds
/// everything and reports READY to systemd; `stop()` stops intake, lets the articles in
/// flight finish and publish, then closes everything.
public final class Daemon: Sendable {
    public struct Options: Sendable {
        public var config: DaemonConfig
        /// `--once`: take the inbox's current files, leave them in place, print what is
        /// published on stdout, and stop when they are done. No socket intake, no watching.
        public var once = false
        public var notifier = SystemdNotifier()

        public init(config: DaemonConfig) { self.config = config }
    }

    private let options: Options
    private let logger: Logger
    private let journal: ArticleJournal
    private let eventLog: EventLog
    private let context: ZMQContext
    private let publisher: Publisher
    private let replay: ReplayServer
    private let intake: IntakeLoop
    private let stopOnce = Atomic<Bool>(false)

    public init(options: Options, logger: Logger = Logger(label: "missiond")) throws(DaemonError) {
        let config = options.config
        self.options = options
        self.logger = logger
        let state = config.state
        for directory in [config.inbox, state, state + "/journal", state + "/events", state + "/done", state + "/quarantine"] {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw DaemonError("cannot create \(directory): \(error.localizedDescription)")
            }
        }
        let extractor = Extractor(rules: try RuleLoader.load(directory: config.rules))
        do {
            journal = try ArticleJournal(directory: state + "/journal", fsync: Self.journalPolicy(config.fsync))
            eventLog = try EventLog(directory: state + "/events", fsync: config.fsync, retention: config.retention)
        } catch {
            throw DaemonError("state in \(state): \(error.description)")
        }
        for note in journal.recoveryNotes + eventLog.recoveryNotes {
            logger.warning("storage recovery", metadata: ["note": "\(note)"])
        }

        let stats = DaemonStats()
        let mailbox = try Mailbox<IntakeNotice>()
        do {
            context = try ZMQContext()
            publisher = try Publisher(
                context: context, endpoint: config.publish, sendHighWaterMark: config.pubSendHWM,
                eventLog: eventLog, journal: journal, stats: stats, logger: logger,
                echo: options.once ? Self.printToStandardOutput : nil,
                onFinished: { origin in mailbox.post(.finished(origin)) })
        } catch {
            throw DaemonError("publish socket: \(error)")
        }
        replay = try ReplayServer(context: context, endpoint: config.replay, eventLog: eventLog, logger: logger)

        var router: ZMQSocket?
        if !options.once {
            do {
                let socket = try ZMQSocket(context: context, type: .router)
                // Few queued messages per client: when the pipeline is full they wait in
                // the client, not in this process's memory.
                try socket.set(.receiveHighWaterMark(Int32(clamping: config.maxInFlight)))
                // Bodies a little over the limit still get an `error` reply; far larger
                // frames disconnect the client instead of filling memory.
                try socket.set(.maxMessageSize(Int64(config.maxArticleBytes) * 4 + 65536))
                try socket.set(.linger(milliseconds: 1000))
                try socket.bind(config.intake)
                router = socket
            } catch {
                throw DaemonError("intake socket: \(error)")
            }
        }
        let inbox = try InboxIntake(
            inbox: config.inbox, stateDirectory: state, maxArticleBytes: config.maxArticleBytes,
            keepFiles: options.once, watch: !options.once, logger: logger)
        let unfinished = journal.unfinished()
        if !unfinished.isEmpty {
            logger.notice("running unfinished articles again", metadata: ["count": "\(unfinished.count)"])
        }
        let pipeline = Pipeline(extractor: extractor, journal: journal, publisher: publisher, logger: logger) { notice in
            mailbox.post(notice)
        }
        intake = IntakeLoop(
            router: router, inbox: inbox, recovered: unfinished, mailbox: mailbox, pipeline: pipeline,
            publisher: publisher, stats: stats,
            settings: .init(maxInFlight: config.maxInFlight, maxArticleBytes: config.maxArticleBytes, exitWhenIdle: options.once),
            logger: logger)
    }

    /// Starts the threads and timers; systemd hears READY=1 once this returns.
    public func start() {
        publisher.startStatsTimer(interval: options.config.statsIntervalSeconds)
        replay.start()
        intake.start()
        let config = options.config
        logger.info("missiond running", metadata: [
            "inbox": "\(config.inbox)", "state": "\(config.state)",
            "intake": "\(options.once ? "off (--once)" : config.intake)", "publish": "\(config.publish)", "replay": "\(config.replay)",
        ])
        options.notifier.ready()
    }

    /// Begins a graceful stop (idempotent); `waitUntilStopped` returns when it is complete.
    public func stop() {
        guard !stopOnce.exchange(true, ordering: .acquiringAndReleasing) else { return }
        logger.info("stopping: intake closed, finishing articles in flight")
        options.notifier.stopping()
        intake.requestStop()
    }

    /// Blocks until the intake has drained (after `stop()`, or by itself with `--once`),
    /// then closes sockets and storage.
    public func waitUntilStopped() {
        intake.waitUntilStopped()
        if !stopOnce.exchange(true, ordering: .acquiringAndReleasing) { options.notifier.stopping() }
        replay.stop()
        publisher.close()
        context.terminate()  // every socket is closed: returns once queued messages have left (linger)
        journal.close()
        eventLog.close()
        logger.info("stopped", metadata: ["last_seq": "\(eventLog.lastSeq)"])
    }

    /// `always` for the journal means "durable before the acknowledgement", which the
    /// journal's group commit with no wait gives too: articles arriving while one fdatasync
    /// runs share the next one, instead of each paying its own on the decode queue.
    static func journalPolicy(_ configured: FsyncPolicy) -> FsyncPolicy {
        configured == .always ? .groupCommit(milliseconds: 0) : configured
    }

    /// `--once` output: one line per published message, `topic json`.
    private static let printToStandardOutput: @Sendable (String, String) -> Void = { topic, json in
        var line = topic + " " + json + "\n"
        line.withUTF8 { bytes in _ = write(STDOUT_FILENO, bytes.baseAddress, bytes.count) }
    }
}
