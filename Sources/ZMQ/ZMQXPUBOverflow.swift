import CZMQ

/// Publishing on an XPUB socket (which SUB clients cannot tell from PUB) so that a full
/// subscriber queue is noticed. A PUB socket drops silently for a subscriber at its
/// high-water mark and libzmq counts nothing. With `ZMQ_XPUB_NODROP` a send that some
/// matching subscriber cannot take fails with EAGAIN instead: that is counted, and the
/// message is sent again without the flag, so every other subscriber still gets it.
///
/// What this counts is overflows, not lost messages: once a subscriber's queue overflowed,
/// libzmq stops writing to it (and stops matching it) until it has drained, so the messages
/// it misses meanwhile are invisible from here.
extension ZMQSocket {
    /// Turns the overflow check on; call once on an XPUB socket before publishing.
    package func makeOverflowReporting() throws(ZMQError) {
        precondition(type == .xpub, "overflow reporting needs an XPUB socket")
        try set(.int(ZMQ_XPUB_NODROP, 1))
    }

    /// Publishes one message without blocking. Returns `false` when a subscriber's queue was
    /// full (it misses this message); every subscriber with room got it either way.
    @discardableResult
    package func publishNoticingOverflow(strings frames: [String]) throws(ZMQError) -> Bool {
        if try send(strings: frames, flags: .dontWait) { return true }
        try set(.int(ZMQ_XPUB_NODROP, 0))
        defer { try? set(.int(ZMQ_XPUB_NODROP, 1)) }
        try send(strings: frames, flags: .dontWait)
        return false
    }

    /// Reads and drops the (un)subscription messages an XPUB queues for its owner, which
    /// would otherwise pile up for as long as the socket lives. Returns how many there were.
    @discardableResult
    package func discardSubscriptions() throws(ZMQError) -> Int {
        var count = 0
        while try receive(flags: .dontWait) != nil { count += 1 }
        return count
    }
}
