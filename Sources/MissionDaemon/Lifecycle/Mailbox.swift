import Dispatch
import Synchronization

/// Messages from any queue to one polling thread. `post` appends under a short lock and
/// wakes the thread only when the box goes from empty to non-empty; the owner takes
/// everything in one swap, so a burst of replies costs one wake-up and one lock round.
final class Mailbox<Message: Sendable>: Sendable {
    private let messages = Mutex<[Message]>([])
    let wakeup: Wakeup

    init() throws(DaemonError) {
        wakeup = try Wakeup()
    }

    func post(_ message: Message) {
        let wasEmpty = messages.withLock { box in
            box.append(message)
            return box.count == 1
        }
        if wasEmpty { wakeup.signal() }
    }

    /// Everything posted so far, oldest first. Call only from the owning thread.
    func takeAll() -> [Message] {
        wakeup.drain()
        return messages.withLock { box in
            let taken = box
            box.removeAll(keepingCapacity: true)
            return taken
        }
    }
}

extension Mailbox {
    /// Runs `work` on the owning thread and waits for its answer: how other queues ask a
    /// socket's thread to act on the socket. `nil` if the thread did not answer in time.
    func ask<Owner, Value: Sendable>(
        timeout: DispatchTimeInterval, _ work: @escaping @Sendable (Owner) -> Value
    ) -> Value? where Message == @Sendable (Owner) -> Void {
        let answer = Mutex<Value?>(nil)
        let done = DispatchSemaphore(value: 0)
        post { owner in
            let value = work(owner)
            answer.withLock { $0 = value }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return answer.withLock { $0 }
    }
}
