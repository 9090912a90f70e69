import Dispatch
import Foundation
import Logging
import MissionExtract
import MissionStore
import Synchronization
import ZMQ

/// The intake thread. It alone owns the intake ROUTER, the inbox, the quarantine and the
/// count of articles in flight; it polls the ROUTER, the inotify descriptor and its two
/// mailboxes (notices from the pipeline's queues; control work from the daemon: reload,
/// heartbeat) together. When `maxInFlight` articles are in the pipeline it stops reading
/// the ROUTER (clients wait) and leaves inbox files where they are, so memory stays
/// bounded under any load. Likewise while the memory budget has no room for one more
/// article of the largest size: each socket body is charged to it until its job is gone.
///
/// Checked confinement: every `var` below is the thread's own; the functions that touch them
/// check `thread.preconditionOnThread()`.
final class IntakeLoop: DaemonService, @unchecked Sendable {
    let serviceName = "intake"
    let mailbox: Mailbox<IntakeNotice>
    /// The thread; reload and heartbeat work runs there.
    private let thread: OwnerThread<IntakeLoop>
    private let router: ZMQSocket?
    /// The endpoint the ROUTER is bound to (changed by a reload's `move`).
    private var routerEndpoint: String
    private let inbox: InboxIntake?
    private let quarantine: Quarantine
    private var recovered: [JournaledArticle]
    private var recoveredHead = 0
    private let pipeline: Pipeline
    private let publisher: Publisher
    private let stats: DaemonStats
    private let budget: MemoryBudget
    private let logger: Logger
    private var maxInFlight: Int
    private let maxArticleBytes: Int
    /// `--once`: stop by itself when the inbox and recovery backlog are done.
    private let exitWhenIdle: Bool
    private let drainTimeout: Double

    private var inFlight = 0

    struct Settings {
        var maxInFlight: Int
        var maxArticleBytes: Int
        var exitWhenIdle: Bool
        /// How long a stop waits for articles in flight (those journaled run again at the next start).
        var drainTimeout: Double = 25
    }

    init(router: (socket: ZMQSocket, endpoint: String)?, inbox: InboxIntake?, quarantine: Quarantine,
         recovered: [JournaledArticle], mailbox: Mailbox<IntakeNotice>,
         pipeline: Pipeline, publisher: Publisher, stats: DaemonStats, budget: MemoryBudget, settings: Settings,
         logger: Logger) throws(DaemonError) {
        self.router = router?.socket
        self.routerEndpoint = router?.endpoint ?? ""
        self.inbox = inbox
        self.quarantine = quarantine
        self.thread = try OwnerThread(name: "missiond.intake")
        self.recovered = recovered
        self.mailbox = mailbox
        self.pipeline = pipeline
        self.publisher = publisher
        self.stats = stats
        self.budget = budget
        self.maxInFlight = settings.maxInFlight
        self.maxArticleBytes = settings.maxArticleBytes
        self.exitWhenIdle = settings.exitWhenIdle
        self.drainTimeout = settings.drainTimeout
        self.logger = logger
    }

    func start() {
        thread.start { [self] in run() }
    }

    /// Stop taking articles; the thread finishes those in flight (at most `drainTimeout`), then ends.
    func requestStop() {
        thread.requestStop()
    }

    /// Until the thread has ended (after `requestStop`, or by itself with `--once`); false
    /// if it still runs after `timeout`.
    func waitUntilStopped(timeout: Duration?) -> Bool {
        thread.waitUntilStopped(timeout: timeout)
    }

    /// How long a stop may take: the drain, and a margin for the loop's last turn.
    var stopTimeout: Duration { .milliseconds(Int64(drainTimeout * 1000)) + .seconds(5) }

    // MARK: Control from other threads

    /// Runs `done` on the intake thread at its next turn: the first leg of the watchdog's
    /// heartbeat, which then goes through the pipeline.
    func heartbeat(_ done: @escaping @Sendable () -> Void) {
        thread.control.post { loop in loop.pipeline.heartbeat(done) }
    }

    /// New limits from a reload, taken at the intake thread's next turn.
    func reconfigure(maxInFlight: Int, quarantineMaxBytes: Int) {
        thread.control.post { loop in
            loop.thread.preconditionOnThread()
            loop.maxInFlight = maxInFlight
            loop.quarantine.maxBytes = quarantineMaxBytes
        }
    }

    /// Moves the ROUTER to `endpoint` on the intake thread and waits for the outcome; on
    /// failure it stays where it was. Its clients on other endpoints keep their connections.
    func move(to endpoint: String) -> Result<ServerEndpoint.Moved, ZMQError> {
        guard let router else { return .failure(ZMQError(errno: ENOTSUP, operation: "move the intake socket (none: --once)")) }
        guard thread.isRunning else {
            return .failure(ZMQError(errno: ESRCH, operation: "move the intake socket (intake not running)"))
        }
        let answer = thread.ask(timeout: .seconds(10)) { (loop: IntakeLoop) in
            loop.thread.preconditionOnThread()
            let result = Result { () throws(ZMQError) in
                try ServerEndpoint.move(router, from: loop.routerEndpoint, to: endpoint)
            }
            if case .success(let moved) = result { loop.routerEndpoint = moved.bound }
            return result
        }
        return answer ?? .failure(ZMQError(errno: ETIMEDOUT, operation: "move the intake socket (its thread did not answer)"))
    }

    // MARK: The loop

    private func run() {
        thread.preconditionOnThread()
        defer { router?.close() }
        var poller = ZMQPoller()
        poller.add(fileDescriptor: mailbox.wakeup.descriptor)  // both drained at the top of each turn
        poller.add(fileDescriptor: thread.control.wakeup.descriptor)
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
            for work in thread.control.takeAll() { work(self) }
            handle(mailbox.takeAll())
            let stopping = thread.isStopping
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
            let accepting = !stopping && hasRoom
            if let routerIndex { poller.setEvents(accepting ? .readable : [], at: routerIndex) }
            if let watchIndex { poller.setEvents(!stopping && inbox?.isWatching == true ? .readable : [], at: watchIndex) }
            do {
                var timeout = drainDeadline == nil ? -1 : 100
                // Wake for inbox files that have settled or are due to be tried again (when
                // there is room for them: else a slot freed wakes the loop).
                if accepting, let due = inbox?.millisecondsUntilDue() { timeout = timeout < 0 ? due : min(timeout, due) }
                try poller.poll(timeoutMilliseconds: timeout)
            } catch {
                logger.critical("intake: poll failed", metadata: ["error": "\(error)"])
                break
            }
            if let routerIndex, poller.events(at: routerIndex).contains(.readable) { readRouter() }
            if let watchIndex, poller.events(at: watchIndex).contains(.readable) { inbox?.handleWatchEvents() }
        }
    }

    /// A pipeline slot free, and budget for one more body of the largest size (charged twice).
    private var hasRoom: Bool {
        inFlight < maxInFlight && budget.hasRoom(for: 2 * maxArticleBytes)
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
            stats.directory.count(.received)
            switch next {
            case .article(let input, let name):
                holdSlot()
                pipeline.submit(ArticleJob(origin: .file(name: name), input: input))
            case .rejected(let name, let reason):
                stats.directory.count(.rejected)
                let path = inbox.quarantine(name, reason: reason)
                logger.notice("inbox file rejected", metadata: ["file": name.logValue, "reason": "\(reason)"])
                publisher.rejected(articleID: nil, name: name.text, reason: reason, quarantine: path.map { .kept(path: $0) }, slot: nil)
            }
        }
        stats.inboxRetryPending.store(inbox.retryPending, ordering: .relaxed)
    }

    /// Reads ROUTER messages while there is room (a bounded batch, so the mailbox is served too).
    private func readRouter() {
        guard let router else { return }
        var batch = 256
        while batch > 0 && hasRoom {
            batch -= 1
            let frames: [[UInt8]]
            do {
                guard let received = try router.receive(flags: .dontWait) else { return }
                frames = received
            } catch {
                logger.error("intake: receive failed", metadata: ["error": "\(error)"])
                return
            }
            // Held from here until the job (or this rejection) is done with the bytes. Twice the
            // size: in the pipeline an article holds its body and the text decoded from it
            // (VmHWM under a flood of 8 MiB bodies was 1.5x the budget when charged once).
            let charge = budget.charge(2 * frames.reduce(0) { $0 + $1.count })
            let message = RouterMessage(frames: frames)
            stats.socket.count(.received)
            switch IntakeRequest(payload: message.payload, maxArticleBytes: maxArticleBytes) {
            case .article(let input):
                holdSlot()
                var job = ArticleJob(origin: .socket(envelope: message.envelope), input: input)
                job.budgetCharge = charge
                pipeline.submit(job)
            case .malformed(let name, let reason, let body):
                stats.socket.count(.rejected)
                reply(message.envelope, [Array("error".utf8), Array(reason.utf8), IntakeRequest.echoedName(message.payload)])
                logger.notice("article rejected", metadata: ["name": "\(name)", "reason": "\(reason)"])
                let kept = body.map { quarantine.keep(body: $0, name: name, reason: reason) }
                if case .notKept(let note) = kept { logger.notice("socket article not quarantined", metadata: ["name": "\(name)", "why": "\(note)"]) }
                publisher.rejected(articleID: nil, name: name, reason: reason, quarantine: kept, slot: nil)
            }
            withExtendedLifetime(charge) {}
        }
    }

    // MARK: Notices from the pipeline

    private func handle(_ notices: [IntakeNotice]) {
        for notice in notices {
            switch notice {
            case .journaled(let origin, let name, let articleID, let duplicate):
                if let kind = origin.intake { stats.counters(for: kind).count(duplicate ? .duplicate : .accepted) }
                switch origin {
                case .socket(let envelope): reply(envelope, [duplicate ? "duplicate" : "ok", articleID, name])
                case .file(let name): inbox?.journaled(name)
                case .recovered: break
                }
                if duplicate {
                    logger.info("duplicate article: journaled before, not run again", metadata: ["name": "\(name)", "article": "\(articleID)"])
                }

            case .refused(let origin, let name, let reason, let body):
                if let kind = origin.intake { stats.counters(for: kind).count(.rejected) }
                var quarantined: Quarantine.Outcome?
                switch origin {
                case .socket(let envelope):
                    reply(envelope, ["error", reason, name])
                    quarantined = quarantine.keep(body: body, name: name, reason: reason)
                case .file(let name): quarantined = inbox?.quarantine(name, reason: reason).map { .kept(path: $0) }
                case .recovered: break
                }
                var metadata: Logger.Metadata = ["name": "\(name)", "reason": "\(reason)"]
                if case .notKept(let note) = quarantined { metadata["quarantine"] = "\(note)" }
                logger.notice("article rejected", metadata: metadata)
                publisher.rejected(articleID: nil, name: name, reason: reason, quarantine: quarantined, slot: nil)
                releaseSlot()

            case .journalFailed(let origin, let name, let reason):
                if let kind = origin.intake { stats.counters(for: kind).count(.failed) }
                logger.error("cannot journal an article", metadata: ["name": "\(name)", "error": "\(reason)"])
                switch origin {
                case .socket(let envelope): reply(envelope, ["error", reason, name])
                case .file(let name): inbox?.failed(name, reason: reason)
                case .recovered: break
                }

            case .finished:
                releaseSlot()

            case .rejectedLate(let rejection):
                rejection.report(quarantine: quarantine, publisher: publisher, logger: logger)
            }
        }
    }

    private func reply(_ envelope: [[UInt8]], _ frames: [String]) {
        reply(envelope, frames.map { Array($0.utf8) })
    }

    private func reply(_ envelope: [[UInt8]], _ frames: [[UInt8]]) {
        guard let router else { return }
        do {
            if try !router.send(envelope + frames, flags: .dontWait) {
                logger.warning("intake: reply dropped, the client's queue is full",
                               metadata: ["reply": "\(frames.first.map { String(decoding: $0, as: UTF8.self) } ?? "")"])
            }
        } catch {
            logger.warning("intake: cannot reply", metadata: ["error": "\(error)"])
        }
    }

    private func holdSlot() {
        thread.preconditionOnThread()
        inFlight += 1
        stats.inFlight.store(inFlight, ordering: .relaxed)
    }

    private func releaseSlot() {
        thread.preconditionOnThread()
        inFlight -= 1
        stats.inFlight.store(inFlight, ordering: .relaxed)
    }
}
