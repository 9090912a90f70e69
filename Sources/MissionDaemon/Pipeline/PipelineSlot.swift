import Synchronization

/// An article's place among the `max_in_flight` the intake lets in. The journal's fdatasync and
/// the article's stages run at the same time, so two things end an article, on two threads and
/// in either order: the journal's answer (the client's `ok` is sent) and the article leaving the
/// publisher (or the pipeline, when it stops early). The second of them frees the slot, so the
/// intake never counts an article gone while its reply is still owed.
final class PipelineSlot: Sendable {
    let origin: ArticleOrigin
    private let outstanding: Atomic<Int>
    private let free: @Sendable (ArticleOrigin) -> Void

    /// `parts`: 2 for a new article (journal and stages), 1 for a recovered one (stages only).
    init(origin: ArticleOrigin, parts: Int, free: @escaping @Sendable (ArticleOrigin) -> Void) {
        self.origin = origin
        self.outstanding = Atomic(parts)
        self.free = free
    }

    /// One part is over; the last one frees the slot.
    func partDone() {
        if outstanding.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { free(origin) }
    }
}
