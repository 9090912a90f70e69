import Foundation
import XCTest

/// A datagram socket standing in for systemd's notify socket (`$NOTIFY_SOCKET`).
final class NotifySocket {
    let path: String
    private let fd: Int32

    /// A path socket under /tmp; `abstractName` gives an abstract one (`@name`) instead.
    init(abstractName: String? = nil) throws {
        let name = abstractName ?? "/tmp/notify-\(UUID().uuidString.prefix(8))"
        path = abstractName.map { "@" + $0 } ?? name
        let bytes = abstractName.map { [0] + Array($0.utf8) } ?? Array(name.utf8)
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard fd >= 0 else { throw DaemonTestError("socket: \(String(cString: strerror(errno)))") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard rc == 0 else {
            close(fd)
            throw DaemonTestError("bind \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        close(fd)
        if !path.hasPrefix("@") { unlink(path) }
    }

    /// The next datagram, or nil after `timeout` seconds.
    func receive(timeout: TimeInterval = 5) -> String? {
        var item = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&item, 1, Int32(timeout * 1000)) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    /// The datagrams already queued, without waiting: a notifier's `sendto` on a Unix datagram
    /// socket has queued its message here by the time it returns.
    func drain() -> [String] {
        var messages: [String] = []
        while let message = receive(timeout: 0) { messages.append(message) }
        return messages
    }

    /// Datagrams until one satisfies `predicate` (returned with those before it) or `timeout` passes.
    func receive(until predicate: (String) -> Bool, timeout: TimeInterval = 5) -> (found: String?, before: [String]) {
        let deadline = Date().addingTimeInterval(timeout)
        var before: [String] = []
        while Date() < deadline {
            guard let message = receive(timeout: max(0.01, deadline.timeIntervalSinceNow)) else { break }
            if predicate(message) { return (message, before) }
            before.append(message)
        }
        return (nil, before)
    }
}
