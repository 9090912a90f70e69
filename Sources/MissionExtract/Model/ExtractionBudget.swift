#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How long the extractor may spend on one article. The stages look at the clock at their
/// boundaries, at each sentence, and every `stride` steps of the loops that grow with the input, so
/// that no article, however it is made, holds a pipeline lane past the budget: it is refused with the
/// stage it reached.
///
/// The deadline is kept as plain nanoseconds of a monotonic clock, not as a `ContinuousClock.Instant`:
/// that type's layout is not known to this module (the standard library is built resilient), so every
/// copy of an `ExtractionBudget?` and every `if let` on one went through value witnesses
/// (`swift_getEnumTagSinglePayloadGeneric`) - once per token in the tokenizer and the sentence split,
/// about a fifth of the extraction time. Plain integers make the check a compare in a register.
public struct ExtractionBudget: Sendable {
    public let limit: Duration
    /// `Self.now()` at which the time is up.
    let deadlineNanoseconds: Int64

    public init(limit: Duration, from start: ContinuousClock.Instant = .now) {
        self.limit = limit
        let left = limit - (ContinuousClock.now - start)
        let (sum, overflow) = Self.now().addingReportingOverflow(Self.nanoseconds(left))
        deadlineNanoseconds = overflow ? (left > .zero ? .max : .min) : sum
    }

    /// The deadline on the continuous clock (to within the coarse clock's tick).
    public var deadline: ContinuousClock.Instant {
        .now + .nanoseconds(deadlineNanoseconds &- Self.now())
    }

    /// Loop steps between two looks at the clock: a clock read is cheap beside this much work.
    static let stride = 4096

    /// The time is up (and stays up: a loop that stops early on it is refused by the next check).
    public var isOver: Bool { Self.now() >= deadlineNanoseconds }

    public func check(stage: String) throws(ArticleRejection) {
        if isOver { throw ArticleRejection(.timeBudget, "extraction exceeded the time budget of \(Self.describe(limit)) at stage \(stage)") }
    }

    /// The coarse monotonic clock: read from the vDSO without touching the hardware counter, a few
    /// nanoseconds, and precise to one kernel tick (1-4 ms, against budgets of milliseconds to
    /// seconds), so the checks at every sentence cost nothing beside the sentence's own work.
    @inline(__always) static func now() -> Int64 {
        var t = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_MONOTONIC_COARSE, &t)
        #else
        clock_gettime(CLOCK_MONOTONIC, &t)
        #endif
        return Int64(t.tv_sec) &* 1_000_000_000 &+ Int64(t.tv_nsec)
    }

    /// A duration in nanoseconds, clamped to Int64 (a budget of `Int.max` ms is "no end").
    static func nanoseconds(_ d: Duration) -> Int64 {
        let (seconds, attoseconds) = d.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        let (sum, overflow2) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow2 ? (seconds < 0 ? .min : .max) : sum
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
        guard step % ExtractionBudget.stride == 0, let budget = self else { return false }
        return budget.isOver
    }
}
