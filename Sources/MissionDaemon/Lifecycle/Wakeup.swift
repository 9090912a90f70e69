import Glibc

/// A self-pipe: other threads `signal()` it, the owning thread polls `descriptor` (with
/// `ZMQPoller`) and `drain()`s it. Signals coalesce: a full pipe already means "wake up".
final class Wakeup: Sendable {
    let descriptor: Int32
    private let writeEnd: Int32

    init() throws(DaemonError) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw DaemonError.system("pipe", errno) }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        descriptor = ends[0]
        writeEnd = ends[1]
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)  // EAGAIN: the pipe is full, a wake-up is pending anyway
    }

    func drain() {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }

    deinit {
        close(descriptor)
        close(writeEnd)
    }
}
