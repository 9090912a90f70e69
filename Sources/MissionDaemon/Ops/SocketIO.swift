import Glibc

/// Reads and writes on a connected stream socket under one overall deadline, so that a
/// peer trickling bytes cannot hold a thread longer than the deadline allows.
struct SocketIO {
    let fd: Int32
    let deadline: ContinuousClock.Instant

    init(fd: Int32, timeout: Duration) {
        self.fd = fd
        self.deadline = .now + timeout
    }

    /// Milliseconds left for `poll`, or nil once the deadline has passed.
    private var remainingMilliseconds: Int32? {
        let left = ContinuousClock.now.duration(to: deadline)
        guard left > .zero else { return nil }
        let (seconds, attoseconds) = left.components
        return Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
    }

    /// Waits until `events` is ready on the socket; false on timeout or error.
    func wait(for events: Int16) -> Bool {
        while let milliseconds = remainingMilliseconds {
            var item = pollfd(fd: fd, events: events, revents: 0)
            let rc = poll(&item, 1, milliseconds)
            if rc > 0 { return true }
            if rc < 0 && errno != EINTR { return false }
        }
        return false
    }

    /// Up to `limit` bytes: empty at end of stream, nil on timeout or error.
    func readSome(limit: Int = 4096) -> [UInt8]? {
        guard wait(for: Int16(POLLIN)) else { return nil }
        var buffer = [UInt8](repeating: 0, count: limit)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return Array(buffer.prefix(count)) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return readSome(limit: limit) }
            return nil
        }
    }

    /// Writes all of `bytes`; false on timeout or error (a peer gone: no SIGPIPE).
    func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            guard wait(for: Int16(POLLOUT)) else { return false }
            let sent = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK { continue }
                return false
            }
            offset += sent
        }
        return true
    }
}
