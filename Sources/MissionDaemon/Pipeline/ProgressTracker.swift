import Dispatch
import Synchronization

/// Whether work handed to something the daemon does not own (the journal's group commit,
/// a disk) keeps finishing: `stalled` is true while work is pending and nothing has
/// finished for longer than the limit. The watchdog asks it, since a heartbeat cannot pass
/// through the journal's own queue.
final class ProgressTracker: Sendable {
    private struct State {
        var pending = 0
        var lastProgress: UInt64 = 0
    }

    private let state = Mutex(State())

    func begin() {
        state.withLock { state in
            if state.pending == 0 { state.lastProgress = DispatchTime.now().uptimeNanoseconds }
            state.pending += 1
        }
    }

    func end() {
        state.withLock { state in
            state.pending -= 1
            state.lastProgress = DispatchTime.now().uptimeNanoseconds
        }
    }

    func stalled(longerThan limit: Duration) -> Bool {
        let (seconds, attoseconds) = limit.components
        let limitNanoseconds = UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds)) / 1_000_000_000
        return state.withLock { state in
            state.pending > 0 && DispatchTime.now().uptimeNanoseconds - state.lastProgress > limitNanoseconds
        }
    }
}
