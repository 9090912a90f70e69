/// A closure kept behind a class reference, for a callback stored in a `Mutex` and read on every
/// call. A function value in generic storage is kept at its most general abstraction, and each
/// `withLock { $0 }` round trip through the `inout` wrapped it in two more reabstraction thunks:
/// the stored closure grew by two frames per call, so calls cost more and more (quadratic over a
/// daemon's life, then a stack overflow). A reference is read and written back unchanged.
final class Callback<Argument>: Sendable {
    let call: @Sendable (Argument) -> Void
    init(_ call: @escaping @Sendable (Argument) -> Void) { self.call = call }
}
