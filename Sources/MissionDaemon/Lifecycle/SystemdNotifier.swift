import Glibc

/// sd_notify without libsystemd: datagrams such as `READY=1` to `$NOTIFY_SOCKET`
/// (an abstract socket when the path starts with `@`). Does nothing when not run by systemd.
package struct SystemdNotifier: Sendable {
    package let socketPath: String?

    package init(socketPath: String? = SystemdNotifier.environmentSocket) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Sockets are bound and the watcher runs.
    package func ready() { send("READY=1") }
    /// Shutdown has begun.
    package func stopping() { send("STOPPING=1") }
    /// Alive (for `WatchdogSec=`).
    package func watchdog() { send("WATCHDOG=1") }
    /// Reloading configuration; systemd wants the monotonic time with it.
    package func reloading() {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        send("RELOADING=1\nMONOTONIC_USEC=\(UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000)")
    }
    package func status(_ text: String) { send("STATUS=\(text)") }

    /// Sends one notification; returns false when there is no socket or sending failed
    /// (systemd notifications are best effort: the daemon goes on either way).
    @discardableResult
    package func send(_ message: String) -> Bool {
        guard let socketPath else { return false }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }  // abstract namespace
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let sent = message.utf8CString.withUnsafeBufferPointer { text in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                    sendto(fd, text.baseAddress, text.count - 1, Int32(MSG_NOSIGNAL), address, length)
                }
            }
        }
        return sent == message.utf8.count
    }

    /// `$NOTIFY_SOCKET`, set by systemd for `Type=notify` services.
    package static var environmentSocket: String? {
        getenv("NOTIFY_SOCKET").map { String(cString: $0) }
    }
}
