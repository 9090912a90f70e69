import Dispatch
import Synchronization

/// Messages from any queue to one polling thread. `post` appends under a short lock and
/// wakes the thread only when the box goes from empty to non-empty; the owner takes
/// everything in one swap, so a burst of replies costs one wake-up and one lock round.
/// (`OwnerThread.ask` runs work on the owner and waits for the answer.)
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
