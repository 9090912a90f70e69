import Dispatch
import MissionExtract
import Synchronization

/// One extractor stage's serial queue: articles move through the stages like a production
/// line, so different articles use different stages (and cores) at once. The stage code
/// comes with each call, not with the queue: a reload swaps the rules for articles that
/// start afterwards while those in flight finish with the rules they started with.
final class StageQueue: Sendable {
    let name: String
    private let queue: DispatchQueue
    private let metrics: DaemonMetrics
    /// Articles queued and not yet started here (a Dispatch queue does not tell).
    private let waiting = Atomic<Int>(0)

    init(name: String, metrics: DaemonMetrics) {
        self.name = name
        self.queue = DispatchQueue(label: "missiond.stage.\(name)")
        self.metrics = metrics
    }

    var depth: Int { waiting.load(ordering: .relaxed) }

    /// Runs `stage` on `job` on this queue, timed, then hands the outcome to `next` (still
    /// on this queue).
    func run(_ job: ArticleJob, stage: any ExtractionStage,
             then next: @escaping @Sendable (Result<ArticleJob, ArticleRejection>) -> Void) {
        waiting.add(1, ordering: .relaxed)
        queue.async {
            self.waiting.subtract(1, ordering: .relaxed)
            var job = job
            do throws(ArticleRejection) {
                try self.metrics.timeStage(self.name) { () throws(ArticleRejection) in try stage.run(&job.document) }
                next(.success(job))
            } catch {
                next(.failure(error))
            }
        }
    }

    /// Runs `body` on this queue after everything queued before it: the watchdog's heartbeat,
    /// which comes back only if the stage is not stuck.
    func pass(_ body: @escaping @Sendable () -> Void) {
        queue.async(execute: body)
    }
}
