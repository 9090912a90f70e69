import Dispatch
import MissionExtract

/// One extractor stage on its own serial queue: articles move through the stages like a
/// production line, so different articles use different stages (and cores) at once.
final class StageQueue: Sendable {
    let stage: any ExtractionStage
    private let queue: DispatchQueue

    init(_ stage: any ExtractionStage) {
        self.stage = stage
        self.queue = DispatchQueue(label: "missiond.stage.\(stage.name)")
    }

    /// Runs the stage on `job` on this stage's queue, then hands the outcome to `next`
    /// (still on this queue).
    func run(_ job: ArticleJob, then next: @escaping @Sendable (Result<ArticleJob, ArticleRejection>) -> Void) {
        queue.async {
            var job = job
            do throws(ArticleRejection) {
                try self.stage.run(&job.document)
                next(.success(job))
            } catch {
                next(.failure(error))
            }
        }
    }
}
