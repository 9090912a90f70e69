import Logging
import MissionExtract
import MissionStore

/// What the pipeline tells the intake thread about an article it was given.
enum IntakeNotice: Sendable {
    /// Journaled (durable): the sender may be told `ok`/`duplicate`. A duplicate stops here.
    case journaled(ArticleOrigin, name: String, articleID: String, duplicate: Bool)
    /// Refused before journaling (the decode stage): reply `error` / quarantine.
    case refused(ArticleOrigin, name: String, reason: String)
    /// The journal could not take it: reply `error`, leave the file in the inbox.
    case journalFailed(ArticleOrigin, name: String, reason: String)
    /// The article left the pipeline after it was journaled: its slot is free.
    case finished(ArticleOrigin)
}

/// intake → decode → journal (durable, then the intake replies) → metadata → sentences →
/// entities → events → publisher (event log, PUB, journal markDone).
final class Pipeline: Sendable {
    private let decode: StageQueue
    private let stages: [StageQueue]
    private let journal: ArticleJournal
    private let publisher: Publisher
    private let notify: @Sendable (IntakeNotice) -> Void
    private let logger: Logger

    init(extractor: Extractor, journal: ArticleJournal, publisher: Publisher, logger: Logger,
         notify: @escaping @Sendable (IntakeNotice) -> Void) {
        let queues = extractor.stages.map(StageQueue.init)
        precondition(queues.first?.stage.name == "decode", "the extractor's first stage must be decode")
        decode = queues[0]
        stages = Array(queues.dropFirst())
        self.journal = journal
        self.publisher = publisher
        self.logger = logger
        self.notify = notify
    }

    /// A new article from an intake: decode it (its id is known then), journal it, go on.
    func submit(_ job: ArticleJob) {
        decode.run(job) { result in
            switch result {
            case .failure(let rejection):
                self.notify(.refused(job.origin, name: job.name, reason: rejection.reason))
            case .success(let decoded):
                self.journal(decoded)
            }
        }
    }

    /// An article journaled before a restart and not finished: it was acknowledged then,
    /// so it only needs the stages again. Its events keep their ids, so none is logged twice.
    func resume(_ article: JournaledArticle) {
        let input = ArticleInput(
            name: article.name, body: Array(article.text.utf8),
            source: ArticleSource(rawValue: article.source) ?? .dir,
            published: article.published, sourceURL: article.sourceURL)
        decode.run(ArticleJob(origin: .recovered, input: input)) { result in
            switch result {
            case .failure(let rejection):
                self.rejectLate(ArticleJob(origin: .recovered, input: input), articleID: article.articleID, reason: rejection.reason)
            case .success(var decoded):
                if decoded.document.articleID != article.articleID {
                    self.logger.warning("a recovered article decodes to another id; keeping the journaled one",
                                        metadata: ["journaled": "\(article.articleID)", "decoded": "\(decoded.document.articleID)"])
                    decoded.document.articleID = article.articleID
                }
                self.advance(decoded, from: 0)
            }
        }
    }

    private func journal(_ job: ArticleJob) {
        let document = job.document
        let record = JournaledArticle(
            articleID: document.articleID, name: document.input.name, source: document.input.source.rawValue,
            published: document.input.published, sourceURL: document.input.sourceURL, text: document.text)
        journal.append(record) { result in
            switch result {
            case .success(.accepted):
                self.notify(.journaled(job.origin, name: job.name, articleID: document.articleID, duplicate: false))
                self.advance(job, from: 0)
            case .success(.duplicate):
                self.notify(.journaled(job.origin, name: job.name, articleID: document.articleID, duplicate: true))
            case .failure(let error):
                self.notify(.journalFailed(job.origin, name: job.name, reason: "journal: \(error.description)"))
            }
        }
    }

    private func advance(_ job: ArticleJob, from index: Int) {
        guard index < stages.count else {
            publisher.finish(job)
            return
        }
        stages[index].run(job) { result in
            switch result {
            case .success(let next): self.advance(next, from: index + 1)
            case .failure(let rejection): self.rejectLate(job, articleID: job.document.articleID, reason: rejection.reason)
            }
        }
    }

    /// A stage after the journal refused the article: record that, so it is not run again.
    private func rejectLate(_ job: ArticleJob, articleID: String, reason: String) {
        do {
            try journal.markRejected(articleID, reason: reason)
        } catch {
            logger.error("cannot mark a rejected article in the journal", metadata: ["article": "\(articleID)", "error": "\(error)"])
        }
        publisher.rejected(articleID: articleID, name: job.name, reason: reason, quarantine: nil, origin: job.origin)
    }
}
