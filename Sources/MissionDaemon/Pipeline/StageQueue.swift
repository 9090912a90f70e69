import Dispatch
import MissionExtract
import Synchronization

/// One extractor stage's bookkeeping: its name, how many articles wait for it, and its timing.
/// The stage runs on whichever pipeline lane carries the article (see `Pipeline`): on two
/// cores a serial queue per stage meant a thread hand-off (a wake-up and a context switch)
/// between every two stages of every article; a lane runs an article's stages back to back.
/// The stage code comes with each call, not with the stage: a reload swaps the rules for
/// articles that start afterwards while those in flight finish with the rules they started with.
final class StageQueue: Sendable {
    let name: String
    private let timer: DaemonMetrics.StageTimer
    /// Articles handed to a lane for this stage and not yet started here.
    private let waiting = Atomic<Int>(0)

    init(name: String, metrics: DaemonMetrics) {
        self.name = name
        self.timer = metrics.stageTimer(name)
    }

    var depth: Int { waiting.load(ordering: .relaxed) }

    /// An article is queued on a lane and will run this stage next.
    func enqueued() { waiting.add(1, ordering: .relaxed) }

    /// Runs `stage` on `job` here and now (on the article's lane), timed. Balances `enqueued`
    /// when `queued`.
    func run(_ job: inout ArticleJob, stage: any ExtractionStage, queued: Bool) throws(ArticleRejection) {
        if queued { waiting.subtract(1, ordering: .relaxed) }
        try timer.time { () throws(ArticleRejection) in try stage.runWithinBudget(&job.document) }
    }
}
