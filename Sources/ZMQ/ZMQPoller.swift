import CZMQ

/// What a poll waits for, and what it found.
package struct ZMQPollEvents: OptionSet, Sendable {
    package let rawValue: Int16
    package init(rawValue: Int16) { self.rawValue = rawValue }
    package static let readable = ZMQPollEvents(rawValue: Int16(ZMQ_POLLIN))
    package static let writable = ZMQPollEvents(rawValue: Int16(ZMQ_POLLOUT))
    package static let error = ZMQPollEvents(rawValue: Int16(ZMQ_POLLERR))
}

/// `zmq_poll` over sockets and plain file descriptors (an eventfd, an inotify fd), so one
/// thread can own several sockets and still be woken by other queues. Use it on the
/// thread that owns the sockets.
package struct ZMQPoller {
    private var items: [zmq_pollitem_t] = []
    /// Holds the sockets so their handles stay valid while polled.
    private var sockets: [ZMQSocket?] = []

    package init() {}

    /// Adds a socket; returns its index for `setEvents` and `events(at:)`.
    @discardableResult
    package mutating func add(_ socket: ZMQSocket, events: ZMQPollEvents = .readable) throws(ZMQError) -> Int {
        items.append(zmq_pollitem_t(socket: try socket.handle(), fd: -1, events: events.rawValue, revents: 0))
        sockets.append(socket)
        return items.count - 1
    }

    /// Adds a file descriptor; returns its index.
    @discardableResult
    package mutating func add(fileDescriptor fd: Int32, events: ZMQPollEvents = .readable) -> Int {
        items.append(zmq_pollitem_t(socket: nil, fd: fd, events: events.rawValue, revents: 0))
        sockets.append(nil)
        return items.count - 1
    }

    /// Changes what item `index` waits for; an empty set leaves it out of the poll.
    package mutating func setEvents(_ events: ZMQPollEvents, at index: Int) {
        items[index].events = events.rawValue
    }

    /// What item `index` had ready after the last `poll`.
    package func events(at index: Int) -> ZMQPollEvents {
        ZMQPollEvents(rawValue: items[index].revents)
    }

    /// Waits until an item is ready or `timeoutMilliseconds` passes (-1: no limit).
    /// Returns how many items are ready; 0 on timeout or interruption by a signal.
    @discardableResult
    package mutating func poll(timeoutMilliseconds: Int) throws(ZMQError) -> Int {
        for index in items.indices { items[index].revents = 0 }
        let count = items.count
        let rc = items.withUnsafeMutableBufferPointer { zmq_poll($0.baseAddress, Int32(count), timeoutMilliseconds) }
        if rc < 0 {
            let error = ZMQError.last("zmq_poll")
            if error.errno == EINTR { return 0 }
            throw error
        }
        return Int(rc)
    }
}
