import Dispatch
import Foundation
import Logging
import MissionExtract
import MissionStore
import Synchronization
import ZMQ

/// The intake thread. It alone owns the intake ROUTER, the inbox and the count of articles
/// in flight; it polls the ROUTER, the inotify descriptor and its mailbox (replies and
/// notices from the pipeline's queues) together. When `maxInFlight` articles are in the
/// pipeline it stops reading the ROUTER (clients wait) and leaves inbox files where they
/// are, so memory stays bounded under any load.
final class IntakeLoop: @unchecked Sendable {
    let mailbox: Mailbox<IntakeNotice>
    private let router: ZMQSocket?
    private let inbox: InboxIntake?
    private var recovered: [JournaledArticle]
    private var recoveredHead = 0
    private let pipeline: Pipeline
    private let publisher: Publisher
    private let stats: DaemonStats
    private let logger: Logger
    private let maxInFlight: Int
    private let maxArticleBytes: Int
    /// `--once`: stop by itself when the inbox and recovery backlog are done.
    private let exitWhenIdle: Bool
    private let drainTimeout: Double

    private var inFlight = 0
    private let stopRequested = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)

    struct Settings {
        var maxInFlight: Int
        var maxArticleBytes: Int
        var exitWhenIdle: Bool
        /// How long a stop waits for articles in flight (those journaled run again at the next start).
        var drainTimeout: Double = 25
    }

    init(router: ZMQSocket?, inbox: InboxIntake?, recovered: [JournaledArticle], mailbox: Mailbox<IntakeNotice>,
         pipeline: Pipeline, publisher: Publisher, stats: DaemonStats, settings: Settings, logger: Logger) {
        self.router = router
        self.inbox = inbox
        self.recovered = recovered
        self.mailbox = mailbox
        self.pipeline = pipeline
        self.publisher = publisher
        self.stats = stats
        self.maxInFlight = settings.maxInFlight
        self.maxArticleBytes = settings.maxArticleBytes
        self.exitWhenIdle = settings.exitWhenIdle
        self.drainTimeout = settings.drainTimeout
        self.logger = logger
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "missiond.intake"
        thread.start()
    }

    /// Stop taking articles; the thread finishes those in flight, then ends.
    func requestStop() {
        stopRequested.store(true, ordering: .releasing)
        mailbox.wakeup.signal()
    }

    /// Blocks until the thread has ended (after `requestStop`, or by itself with `--once`).
    func waitUntilStopped() {
        stopped.wait()
    }

    // MARK: The loop

    private func run() {
        defer {
            router?.close()
            stopped.signal()
        }
        var poller = ZMQPoller()
        poller.add(fileDescriptor: mailbox.wakeup.descriptor)  // drained at the top of each turn
        var routerIndex: Int?
        do {
            if let router { routerIndex = try poller.add(router) }
        } catch {
            logger.critical("intake: cannot poll the ROUTER", metadata: ["error": "\(error)"])
            return
        }
        let watchIndex = inbox?.watcher.map { poller.add(fileDescriptor: $0.descriptor) }
        var drainDeadline: DispatchTime?

        while true {
            handle(mailbox.takeAll())
            let stopping = stopRequested.load(ordering: .acquiring)
            if !stopping { admitBacklog() }
            if (stopping || (exitWhenIdle && isIdle)) && inFlight == 0 { break }
            if stopping {
                // A signal: finish what is in flight, but not forever (systemd's stop timeout).
                let deadline = drainDeadline ?? .now() + drainTimeout
                drainDeadline = deadline
                if DispatchTime.now() >= deadline {
                    logger.warning("stopping with articles still in flight; journaled ones run again at the next start",
                                   metadata: ["in_flight": "\(inFlight)"])
                    break
                }
            }
            let accepting = !stopping && inFlight < maxInFlight
            if let routerIndex { poller.setEvents(accepting ? .readable : [], at: routerIndex) }
            if let watchIndex { poller.setEvents(!stopping && inbox?.isWatching == true ? .readable : [], at: watchIndex) }
            do {
                try poller.poll(timeoutMilliseconds: drainDeadline == nil ? -1 : 100)
            } catch {
                logger.critical("intake: poll failed", metadata: ["error": "\(error)"])
                break
            }
            if let routerIndex, poller.events(at: routerIndex).contains(.readable) { readRouter() }
            if let watchIndex, poller.events(at: watchIndex).contains(.readable) { inbox?.handleWatchEvents() }
        }
    }

    private var isIdle: Bool {
        recoveredHead == recovered.count && !(inbox?.hasWaiting ?? false)
    }

    /// Recovered articles first (they were acknowledged long ago), then inbox files.
    private func admitBacklog() {
        while inFlight < maxInFlight && recoveredHead < recovered.count {
            let article = recovered[recoveredHead]
            recoveredHead += 1
            if recoveredHead == recovered.count { recovered = []; recoveredHead = 0 }
            stats.recovered.add(1, ordering: .relaxed)
            holdSlot()
            pipeline.resume(article)
        }
        guard let inbox else { return }
        while inFlight < maxInFlight, let next = inbox.next() {
            stats.directory.received.add(1, ordering: .relaxed)
            switch next {
            case .article(let input):
                holdSlot()
                pipeline.submit(ArticleJob(origin: .file(name: input.name), input: input))
            case .rejected(let name, let reason):
                stats.directory.rejected.add(1, ordering: .relaxed)
                let path = inbox.quarantine(name, reason: reason)
                logger.notice("inbox file rejected", metadata: ["file": "\(name)", "reason": "\(reason)"])
                publisher.rejected(articleID: nil, name: name, reason: reason, quarantine: path, origin: nil)
            }
        }
    }

    /// Reads ROUTER messages while there is room (a bounded batch, so the mailbox is served too).
    private func readRouter() {
        guard let router else { return }
        var budget = 256
        while budget > 0 && inFlight < maxInFlight {
            budget -= 1
            let frames: [[UInt8]]
            do {
                guard let received = try router.receive(flags: .dontWait) else { return }
                frames = received
            } catch {
                logger.error("intake: receive failed", metadata: ["error": "\(error)"])
                return
            }
            let message = RouterMessage(frames: frames)
            stats.socket.received.add(1, ordering: .relaxed)
            switch IntakeRequest(payload: message.payload, maxArticleBytes: maxArticleBytes) {
            case .article(let input):
                holdSlot()
                pipeline.submit(ArticleJob(origin: .socket(envelope: message.envelope), input: input))
            case .malformed(let name, let reason):
                stats.socket.rejected.add(1, ordering: .relaxed)
                reply(message.envelope, ["error", reason, name])
                publisher.rejected(articleID: nil, name: name, reason: reason, quarantine: nil, origin: nil)
            }
        }
    }

    // MARK: Notices from the pipeline

    private func handle(_ notices: [IntakeNotice]) {
        for notice in notices {
            switch notice {
            case .journaled(let origin, let name, let articleID, let duplicate):
                if let kind = origin.intake {
                    let counters = stats.counters(for: kind)
                    if duplicate { counters.duplicate.add(1, ordering: .relaxed) } else { counters.accepted.add(1, ordering: .relaxed) }
                }
                switch origin {
                case .socket(let envelope): reply(envelope, [duplicate ? "duplicate" : "ok", articleID, name])
                case .file(let name): inbox?.journaled(name)
                case .recovered: break
                }
                if duplicate {
                    logger.info("duplicate article: journaled before, not run again", metadata: ["name": "\(name)", "article": "\(articleID)"])
                    releaseSlot()
                }

            case .refused(let origin, let name, let reason):
                if let kind = origin.intake { stats.counters(for: kind).rejected.add(1, ordering: .relaxed) }
                var quarantined: String?
                switch origin {
                case .socket(let envelope): reply(envelope, ["error", reason, name])
                case .file(let name): quarantined = inbox?.quarantine(name, reason: reason)
                case .recovered: break
                }
                logger.notice("article rejected", metadata: ["name": "\(name)", "reason": "\(reason)"])
                publisher.rejected(articleID: nil, name: name, reason: reason, quarantine: quarantined, origin: nil)
                releaseSlot()

            case .journalFailed(let origin, let name, let reason):
                if let kind = origin.intake { stats.counters(for: kind).failed.add(1, ordering: .relaxed) }
                logger.error("cannot journal an article", metadata: ["name": "\(name)", "error": "\(reason)"])
                switch origin {
                case .socket(let envelope): reply(envelope, ["error", reason, name])
                case .file(let name): inbox?.failed(name)
                case .recovered: break
                }
                releaseSlot()

            case .finished:
                releaseSlot()
            }
        }
    }

    private func reply(_ envelope: [[UInt8]], _ frames: [String]) {
        guard let router else { return }
        do {
            if try !router.send(envelope + frames.map { Array($0.utf8) }, flags: .dontWait) {
                logger.warning("intake: reply dropped, the client's queue is full", metadata: ["reply": "\(frames.first ?? "")"])
            }
        } catch {
            logger.warning("intake: cannot reply", metadata: ["error": "\(error)"])
        }
    }

    private func holdSlot() {
        inFlight += 1
        stats.inFlight.store(inFlight, ordering: .relaxed)
    }

    private func releaseSlot() {
        inFlight -= 1
        stats.inFlight.store(inFlight, ordering: .relaxed)
    }
}
