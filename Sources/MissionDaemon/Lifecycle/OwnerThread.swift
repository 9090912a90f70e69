import Dispatch
import Foundation
import Glibc
import Synchronization

/// The one way the daemon runs a component on a thread of its own: the intake, the replay
/// server, the connection limiter and the metrics server each own descriptors or ZeroMQ
/// sockets that must be used from one thread only (libzmq sockets are not thread-safe).
///
/// - `start(body)` runs `body` on a new named thread; the body polls `control.wakeup` and
///   returns once `isStopping` is true.
/// - `requestStop()` raises the flag and wakes the thread; `waitUntilStopped(timeout:)`
///   waits for the body to return.
/// - `ask` runs work on the thread and waits for its answer; work whose asker gave up
///   waiting is withdrawn and never runs late.
/// - `preconditionOnThread()` is the checked confinement: state documented as "the thread's
///   own" traps when another thread touches it while the thread runs (before the start and
///   after the end, the owner of the component may).
final class OwnerThread<Owner: AnyObject & Sendable>: Sendable {
    let name: String
    /// Work for the thread (run with the component) and the wake-up its poll watches.
    let control: Mailbox<@Sendable (Owner) -> Void>

    private enum Phase: Int { case idle, running, finished }
    private let phase = Atomic<Int>(Phase.idle.rawValue)
    private let stopFlag = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    /// The running thread's pthread_t (0 until it runs).
    private let threadID = Atomic<UInt>(0)

    init(name: String) throws(DaemonError) {
        self.name = name
        control = try Mailbox()
    }

    func start(_ body: @escaping @Sendable () -> Void) {
        let (first, _) = phase.compareExchange(expected: Phase.idle.rawValue, desired: Phase.running.rawValue,
                                               ordering: .acquiringAndReleasing)
        precondition(first, "\(name): started twice")
        let thread = Thread { [self] in
            threadID.store(UInt(pthread_self()), ordering: .releasing)
            defer {
                phase.store(Phase.finished.rawValue, ordering: .releasing)
                finished.signal()
            }
            body()
        }
        thread.name = name
        thread.start()
    }

    var hasStarted: Bool { phase.load(ordering: .acquiring) != Phase.idle.rawValue }
    var isRunning: Bool { phase.load(ordering: .acquiring) == Phase.running.rawValue }
    var isStopping: Bool { stopFlag.load(ordering: .acquiring) }

    /// Asks the body to return at its next turn. Idempotent; returns at once.
    func requestStop() {
        stopFlag.store(true, ordering: .releasing)
        control.wakeup.signal()
    }

    /// Waits until the body has returned (true at once if it never started); false if it
    /// is still running after `timeout`.
    @discardableResult
    func waitUntilStopped(timeout: Duration? = nil) -> Bool {
        guard hasStarted else { return true }
        guard finished.wait(timeout: .deadline(after: timeout)) == .success else { return false }
        finished.signal()  // every later wait returns at once too
        return true
    }

    /// Traps when called off the thread while it runs: the check behind "touched only on its thread".
    func preconditionOnThread(file: StaticString = #fileID, line: UInt = #line) {
        guard isRunning else { return }
        precondition(pthread_equal(pthread_self(), pthread_t(threadID.load(ordering: .acquiring))) != 0,
                     "\(name): its state was touched off its thread", file: file, line: line)
    }

    /// Runs `work` on the thread at its next turn and waits up to `timeout` for the answer.
    /// Nil when the thread did not take it in time: the work is then withdrawn, so it never
    /// runs after the caller has been told it did not. Once the thread has taken it, the
    /// caller waits for it to finish, since its outcome is then the truth.
    func ask<Value: Sendable>(timeout: Duration, _ work: @escaping @Sendable (Owner) -> Value) -> Value? {
        let ticket = AskTicket<Value>()
        control.post { owner in
            guard ticket.take() else { return }
            ticket.answer(work(owner))
        }
        return ticket.wait(timeout: timeout)
    }
}

/// One `ask`: taken by the thread or withdrawn by the asker, never both.
private final class AskTicket<Value: Sendable>: Sendable {
    private enum State: Int { case posted, taken, withdrawn }
    private let state = Atomic<Int>(State.posted.rawValue)
    private let value = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    /// On the thread: false if the asker has withdrawn.
    func take() -> Bool {
        state.compareExchange(expected: State.posted.rawValue, desired: State.taken.rawValue, ordering: .acquiringAndReleasing).exchanged
    }

    func answer(_ answer: Value) {
        value.withLock { $0 = answer }
        done.signal()
    }

    func wait(timeout: Duration) -> Value? {
        if done.wait(timeout: .deadline(after: timeout)) == .success { return value.withLock { $0 } }
        let withdrawn = state.compareExchange(expected: State.posted.rawValue, desired: State.withdrawn.rawValue,
                                              ordering: .acquiringAndReleasing).exchanged
        if withdrawn { return nil }
        done.wait()  // taken just now: it runs to the end
        return value.withLock { $0 }
    }
}

extension DispatchTime {
    /// `timeout` from now; nil: never.
    static func deadline(after timeout: Duration?) -> DispatchTime {
        guard let timeout else { return .distantFuture }
        let (seconds, attoseconds) = timeout.components
        return .now() + .nanoseconds(Int(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
    }
}
