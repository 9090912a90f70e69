/// How long the extractor may spend on one article. The stages look at the clock at their
/// boundaries and every `stride` steps of the loops that grow with the input, so that no article,
/// however it is made, holds a pipeline lane past the budget: it is refused with the stage it reached.
public struct ExtractionBudget: Sendable {
    public let limit: Duration
    public let deadline: ContinuousClock.Instant

    public init(limit: Duration, from start: ContinuousClock.Instant = .now) {
        self.limit = limit
        deadline = start + limit
    }

    /// Loop steps between two looks at the clock: a clock read is cheap beside this much work.
    static let stride = 4096

    /// The time is up (and stays up: a loop that stops early on it is refused by the next check).
    public var isOver: Bool { ContinuousClock.now >= deadline }

    public func check(stage: String) throws(ArticleRejection) {
        if isOver { throw ArticleRejection("extraction exceeded the time budget of \(Self.describe(limit)) at stage \(stage)") }
    }

    /// "10 s", "250 ms".
    static func describe(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}

extension ExtractionStage {
    /// Runs the stage, then refuses the article if its budget ran out on the way.
    public func runWithinBudget(_ document: inout Document) throws(ArticleRejection) {
        try run(&document)
        try document.budget?.check(stage: name)
    }
}

extension Optional<ExtractionBudget> {
    /// For the loops: true on every `stride`-th step once the budget is spent (false without one).
    @inline(__always) func isOver(atStep step: Int) -> Bool {
        guard let budget = self, step % ExtractionBudget.stride == 0 else { return false }
        return budget.isOver
    }
}
