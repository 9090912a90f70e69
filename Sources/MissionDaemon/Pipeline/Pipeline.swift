import Dispatch
import Foundation
import Logging
import MissionExtract
import MissionStore
import Synchronization

/// What the pipeline tells the intake thread about an article it was given.
enum IntakeNotice: Sendable {
    /// Journaled (durable): the sender may be told `ok`/`duplicate`. A duplicate stops here.
    /// The slot stays held until `.finished`, which comes after this one.
    case journaled(ArticleOrigin, name: String, articleID: String, duplicate: Bool)
    /// Refused before journaling (the decode stage): reply `error` / quarantine. `body` is
    /// what the client sent, so that a socket reject can be kept in the quarantine.
    case refused(ArticleOrigin, name: String, reason: String, body: [UInt8])
    /// The journal could not take it: reply `error`, leave the file in the inbox (`.finished` follows).
    case journalFailed(ArticleOrigin, name: String, reason: String)
    /// The journal and the stages are both done with the article: its slot is free.
    case finished(ArticleOrigin)
    /// A stage after the journal refused the article (the time budget, say): the intake thread
    /// keeps its text in the quarantine and publishes `article.rejected`.
    case rejectedLate(LateRejection)
}

/// intake → decode → journal write → metadata → sentences → entities → events → publisher
/// (event log, PUB, journal markDone); the journal's fdatasync (then the intake replies) runs
/// beside the stages.
///
/// An article runs on one of `laneCount` serial lanes: decode there, the journal write, then
/// all the remaining stages back to back on the same lane, then the publisher. The article
/// does not wait for the journal's fdatasync: only the reply does. Its events are published
/// after the event log's own fdatasync, so an article costs one fdatasync of latency, not two.
/// A journal that fails its fdatasync after the stages ran leaves events published for an
/// article its client was told `error` about: sent again, it is re-run and none of its events
/// is logged twice (their ids are derived from the text).
/// One lane per CPU the process may use (`workers:`, default `UsableCPUs.count()`) keeps
/// every core busy with a different article; more would only add threads.
final class Pipeline: Sendable {
    let laneCount: Int

    private let decode: StageQueue
    private let stages: [StageQueue]
    private let lanes: [DispatchQueue]
    private let nextLane = Atomic<Int>(0)
    /// The rules in force: read once per article, when it starts (see `replaceRules`).
    private let rules: Mutex<Extractor>
    /// How long one article may hold a lane (`article_time_budget_ms`); nil: no limit.
    private let timeBudget: Mutex<Duration?>
    private let journal: ArticleJournal
    private let publisher: Publisher
    let journalProgress = ProgressTracker()
    private let journalTimer: DaemonMetrics.StageTimer
    private let notify: @Sendable (IntakeNotice) -> Void
    private let logger: Logger

    init(extractor: Extractor, lanes laneCount: Int, timeBudget: Duration?, journal: ArticleJournal, publisher: Publisher,
         metrics: DaemonMetrics, logger: Logger, notify: @escaping @Sendable (IntakeNotice) -> Void) {
        precondition(laneCount > 0, "a pipeline has at least one lane")
        self.laneCount = laneCount
        let queues = extractor.stages.map { StageQueue(name: $0.name, metrics: metrics) }
        precondition(queues.first?.name == "decode", "the extractor's first stage must be decode")
        decode = queues[0]
        stages = Array(queues.dropFirst())
        lanes = (0..<laneCount).map { DispatchQueue(label: "missiond.lane.\($0)") }
        rules = Mutex(extractor)
        self.timeBudget = Mutex(timeBudget)
        self.journal = journal
        self.publisher = publisher
        self.journalTimer = metrics.stageTimer("journal")
        self.logger = logger
        self.notify = notify
    }

    /// New rules for every article that starts from now on; articles in flight finish with
    /// the rules they started with. Refused if the stages differ (they come from the code).
    func replaceRules(_ extractor: Extractor) throws(DaemonError) {
        let names = extractor.stages.map(\.name)
        guard names == [decode.name] + stages.map(\.name) else {
            throw DaemonError(.rules, "the new rules give the stages \(names), not \([decode.name] + stages.map(\.name))")
        }
        rules.withLock { $0 = extractor }
    }

    /// The time budget for every article that starts from now on.
    func replaceTimeBudget(_ budget: Duration?) {
        timeBudget.withLock { $0 = budget }
    }

    /// The budget of an article that starts on its lane now: it counts from here, not from the queue.
    private func startBudget() -> ExtractionBudget? {
        timeBudget.withLock { $0 }.map { ExtractionBudget(limit: $0) }
    }

    /// Articles waiting in front of each stage, by stage name.
    var queueDepths: [(stage: String, depth: Int)] {
        ([decode] + stages).map { ($0.name, $0.depth) }
    }

    /// Test hook, not a feature: `MISSIOND_TEST_CRASH_ON=<text>` in the environment makes an
    /// article whose text contains it abort the process in the middle of its stages, a
    /// deterministic poison article for the recovery tests. Read once; unset or empty, it does
    /// nothing.
    private static let crashMarker: String? = ProcessInfo.processInfo.environment["MISSIOND_TEST_CRASH_ON"].flatMap { $0.isEmpty ? nil : $0 }

    private func pickLane() -> DispatchQueue {
        lanes[(nextLane.wrappingAdd(1, ordering: .relaxed).oldValue & Int.max) % lanes.count]
    }

    /// A new article from an intake: decode it (its id is known then), write it to the journal,
    /// and run its stages while the journal's fdatasync runs. The reply waits for the
    /// fdatasync; the events wait only for the event log's own.
    func submit(_ job: ArticleJob) {
        let extractor = rules.withLock { $0 }
        let lane = pickLane()
        decode.enqueued()
        lane.async {
            var job = job
            job.document.budget = self.startBudget()
            do throws(ArticleRejection) {
                try self.decode.run(&job, stage: extractor.stages[0], queued: true)
            } catch {
                self.notify(.refused(job.origin, name: job.name, reason: error.reason, body: job.document.input.body))
                return
            }
            // Decoded: the text and its bytes are in the document; the raw body is not needed again.
            job.document.input.body = []
            let slot = self.makeSlot(job.origin, parts: 2)
            job.slot = slot
            guard self.journal(job, slot: slot) else {
                slot.partDone()  // a duplicate, or not written: it stops here
                return
            }
            self.runStages(&job, extractor: extractor)
        }
    }

    /// An article journaled before a restart and not finished: it was acknowledged then,
    /// so it only needs the stages again. Its events keep their ids, so none is logged twice.
    func resume(_ article: JournaledArticle) {
        let extractor = rules.withLock { $0 }
        let input = ArticleInput(
            name: article.name, body: Array(article.text.utf8),
            source: ArticleSource(rawValue: article.source) ?? .dir,
            published: article.published, sourceURL: article.sourceURL)
        let lane = pickLane()
        decode.enqueued()
        lane.async {
            // Durable before the run: an article that kills the process is not re-run for ever
            // (the daemon quarantines it once it has used up its attempts).
            do {
                try self.journal.recordAttempt(article.articleID)
            } catch {
                self.logger.error("cannot record a recovery attempt; running the article anyway",
                                  metadata: ["article": "\(article.articleID)", "error": "\(error)"])
            }
            var job = ArticleJob(origin: .recovered, input: input)
            job.slot = self.makeSlot(.recovered, parts: 1)
            job.document.budget = self.startBudget()
            do throws(ArticleRejection) {
                try self.decode.run(&job, stage: extractor.stages[0], queued: true)
            } catch {
                self.rejectLate(job, articleID: article.articleID, reason: error.reason)
                return
            }
            job.document.input.body = []
            if job.document.articleID != article.articleID {
                self.logger.warning("a recovered article decodes to another id; keeping the journaled one",
                                    metadata: ["journaled": "\(article.articleID)", "decoded": "\(job.document.articleID)"])
                job.document.articleID = article.articleID
            }
            self.runStages(&job, extractor: extractor)
        }
    }

    private func makeSlot(_ origin: ArticleOrigin, parts: Int) -> PipelineSlot {
        let notify = self.notify
        return PipelineSlot(origin: origin, parts: parts) { origin in notify(.finished(origin)) }
    }

    /// The watchdog's heartbeat: through every lane in order, then the publisher's queue.
    /// `done` runs only if none of them is stuck.
    func heartbeat(_ done: @escaping @Sendable () -> Void) {
        passHeartbeat(done, from: 0)
    }

    private func passHeartbeat(_ done: @escaping @Sendable () -> Void, from index: Int) {
        guard index < lanes.count else { return publisher.heartbeat(done) }
        lanes[index].async { self.passHeartbeat(done, from: index + 1) }
    }

    /// Writes the article to the journal; its reply goes out from the journal's completion,
    /// after the fdatasync. True when the stages should run: the article is new and written.
    private func journal(_ job: ArticleJob, slot: PipelineSlot) -> Bool {
        let document = job.document
        let record = JournaledArticle(
            articleID: document.articleID, name: document.input.name, source: document.input.source.rawValue,
            published: document.input.published, sourceURL: document.input.sourceURL, text: document.text)
        // The completion keeps only these, not the job: the lane goes on changing the job's document.
        let origin = job.origin, name = job.name, articleID = document.articleID
        let started = ContinuousClock.now
        journalProgress.begin()
        let written = journal.append(record) { result in
            self.journalProgress.end()
            self.journalTimer.record(ContinuousClock.now - started)
            switch result {
            case .success(let outcome):
                self.notify(.journaled(origin, name: name, articleID: articleID, duplicate: outcome != .accepted))
            case .failure(let error):
                self.notify(.journalFailed(origin, name: name, reason: "journal: \(error.description)"))
            }
            slot.partDone()
        }
        return written == .accepted
    }

    /// The stages after decode, back to back on the calling lane, then the publisher.
    private func runStages(_ job: inout ArticleJob, extractor: Extractor) {
        if let marker = Self.crashMarker, job.document.text.contains(marker) { abort() }
        for index in stages.indices {
            do throws(ArticleRejection) {
                try stages[index].run(&job, stage: extractor.stages[index + 1], queued: false)
            } catch {
                rejectLate(job, articleID: job.document.articleID, reason: error.reason)
                return
            }
        }
        job.render()
        publisher.finish(job)
    }

    /// A stage after the journal refused the article: record that, so it is not run again, and
    /// have the intake thread (which owns the quarantine) keep its text there with the reason.
    private func rejectLate(_ job: ArticleJob, articleID: String, reason: String) {
        do {
            try journal.markRejected(articleID, reason: reason)
        } catch {
            logger.error("cannot mark a rejected article in the journal", metadata: ["article": "\(articleID)", "error": "\(error)"])
        }
        // The raw body is gone after decode; the journaled text is what a re-run would read.
        let text = job.document.input.body.isEmpty ? Array(job.document.text.utf8) : job.document.input.body
        notify(.rejectedLate(LateRejection(articleID: articleID, name: job.name, reason: reason, text: text, slot: job.slot)))
    }
}
