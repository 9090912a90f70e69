import CZMQ
import Synchronization

/// Flags for a single send or receive.
package struct ZMQFlags: OptionSet, Sendable {
    package let rawValue: Int32
    package init(rawValue: Int32) { self.rawValue = rawValue }
    /// Fail with EAGAIN (reported as `nil`/`false`) instead of blocking.
    package static let dontWait = ZMQFlags(rawValue: ZMQ_DONTWAIT)
}

/// A libzmq socket. Not thread-safe: exactly one thread (or serial queue) owns it at a
/// time; `@unchecked Sendable` so that it can be handed to that owner, and checked: every
/// call claims the socket for its duration (`withHandle`), and a second thread using it
/// meanwhile traps instead of corrupting libzmq's state. The claim's atomic exchange is
/// also the full memory barrier libzmq asks for when a socket moves between threads.
package final class ZMQSocket: @unchecked Sendable {
    package let type: ZMQSocketType
    /// Keeps the context alive while this socket is open.
    private let context: ZMQContext
    /// Read and written only inside `withHandle`'s claim.
    private var rawHandle: UnsafeMutableRawPointer?
    private let inUse = Atomic<Bool>(false)

    package init(context: ZMQContext, type: ZMQSocketType) throws(ZMQError) {
        guard !context.isTerminated else { throw ZMQError(errno: ETERM, operation: "zmq_socket") }
        guard let handle = zmq_socket(context.handle, type.rawValue) else {
            throw ZMQError.last("zmq_socket")
        }
        self.context = context
        self.type = type
        self.rawHandle = handle
    }

    deinit { close() }

    /// Runs `body` with the live handle while this thread holds the socket.
    func withHandle<T>(_ body: (UnsafeMutableRawPointer) throws(ZMQError) -> T) throws(ZMQError) -> T {
        claim()
        defer { release() }
        guard let rawHandle else { throw ZMQError(errno: ENOTSOCK, operation: "socket already closed") }
        return try body(rawHandle)
    }

    private func claim() {
        let (free, _) = inUse.compareExchange(expected: false, desired: true, ordering: .acquiring)
        precondition(free, "a ZMQSocket (\(type)) was used by two threads at once")
    }

    private func release() { inUse.store(false, ordering: .releasing) }

    /// The live handle, for `ZMQPoller` (which runs on the owning thread).
    func handle() throws(ZMQError) -> UnsafeMutableRawPointer {
        try withHandle { $0 }
    }

    package var isClosed: Bool {
        claim()
        defer { release() }
        return rawHandle == nil
    }

    package func bind(_ endpoint: String) throws(ZMQError) {
        guard try withHandle({ zmq_bind($0, endpoint) }) == 0 else { throw ZMQError.last("bind \(endpoint)") }
    }

    package func connect(_ endpoint: String) throws(ZMQError) {
        guard try withHandle({ zmq_connect($0, endpoint) }) == 0 else { throw ZMQError.last("connect \(endpoint)") }
    }

    package func unbind(_ endpoint: String) throws(ZMQError) {
        guard try withHandle({ zmq_unbind($0, endpoint) }) == 0 else { throw ZMQError.last("unbind \(endpoint)") }
    }

    package func disconnect(_ endpoint: String) throws(ZMQError) {
        guard try withHandle({ zmq_disconnect($0, endpoint) }) == 0 else { throw ZMQError.last("disconnect \(endpoint)") }
    }

    /// Closes the socket (idempotent). Unsent messages stay for the linger period.
    package func close() {
        claim()
        defer { release() }
        guard let rawHandle else { return }
        zmq_close(rawHandle)
        self.rawHandle = nil
    }

    // MARK: Sending

    /// Sends one multipart message. Returns `false` if `.dontWait` was given and the
    /// message could not be queued (high-water mark, no peer); libzmq delivers all
    /// frames or none.
    @discardableResult
    package func send(_ frames: [[UInt8]], flags: ZMQFlags = []) throws(ZMQError) -> Bool {
        try send(count: frames.count, flags: flags) { index, body in
            frames[index].withUnsafeBytes { body($0) }
        }
    }

    /// Sends one multipart message of UTF-8 strings without copying them to arrays first.
    @discardableResult
    package func send(strings frames: [String], flags: ZMQFlags = []) throws(ZMQError) -> Bool {
        try send(count: frames.count, flags: flags) { index, body in
            var frame = frames[index]
            return frame.withUTF8 { body(UnsafeRawBufferPointer($0)) }
        }
    }

    /// Sends `count` frames; `frame(i, send)` lends frame `i`'s bytes to `send`.
    private func send(
        count: Int, flags: ZMQFlags,
        frame: (Int, (UnsafeRawBufferPointer) -> Int32) -> Int32
    ) throws(ZMQError) -> Bool {
        precondition(count > 0, "a ZeroMQ message has at least one frame")
        return try withHandle { (handle) throws(ZMQError) -> Bool in
        for index in 0..<count {
            let more = index < count - 1 ? ZMQ_SNDMORE : 0
            while true {
                let rc = frame(index) { bytes in
                    zmq_send(handle, bytes.baseAddress, bytes.count, flags.rawValue | more)
                }
                if rc >= 0 { break }
                let error = ZMQError.last("send")
                if error.errno == EINTR { continue }
                // Only the first frame can meet the high-water mark: later ones always go.
                if error.isWouldBlock && index == 0 { return false }
                throw error
            }
        }
        return true
        }
    }

    // MARK: Receiving

    /// Receives one multipart message. Returns `nil` if `.dontWait` was given (or a receive
    /// timeout passed) and no message was waiting.
    package func receive(flags: ZMQFlags = []) throws(ZMQError) -> [[UInt8]]? {
        try withHandle { (handle) throws(ZMQError) -> [[UInt8]]? in
        var frames: [[UInt8]] = []
        var message = zmq_msg_t()
        zmq_msg_init(&message)
        defer { zmq_msg_close(&message) }
        while true {
            if zmq_msg_recv(&message, handle, flags.rawValue) < 0 {
                let error = ZMQError.last("receive")
                if error.errno == EINTR { continue }
                // The frames of a message arrive together, so only the first can be missing.
                if error.isWouldBlock && frames.isEmpty { return nil }
                throw error
            }
            let size = zmq_msg_size(&message)
            if let data = zmq_msg_data(&message), size > 0 {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            if zmq_msg_more(&message) == 0 { return frames }
        }
        }
    }
}
