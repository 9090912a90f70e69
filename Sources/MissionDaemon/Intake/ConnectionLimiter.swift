import Foundation
import Logging
import Synchronization
import ZMQ

/// At most `maxConnections` clients on each watched socket. libzmq has no accept limit, so
/// the socket monitor counts accepted and disconnected descriptors, and a connection past
/// the limit is shut down (`shutdown(2)`, never `close`: the descriptor stays libzmq's,
/// which sees the end of the stream and cleans up). Clients already connected are not
/// touched. One thread for every watched socket.
///
/// Checked confinement: `watched` is filled before the start, then is the thread's own.
final class ConnectionLimiter: DaemonService, @unchecked Sendable {
    let serviceName = "connection limiter"
    private struct Watched {
        let role: String
        let monitor: ZMQSocket
        /// Descriptors of the connections counted (accepted within the limit).
        var open: Set<Int32> = []
        var refused = 0
    }

    private let maxConnections: Int
    private let logger: Logger
    private var watched: [Watched] = []
    private let thread: OwnerThread<ConnectionLimiter>

    init(maxConnections: Int, logger: Logger) throws(DaemonError) {
        self.maxConnections = maxConnections
        self.logger = logger
        self.thread = try OwnerThread(name: "missiond.connections")
    }

    /// Before `start()`, on the thread that owns `socket` (before it is handed over).
    func watch(_ socket: ZMQSocket, role: String, context: ZMQContext) throws(ZMQError) {
        precondition(!thread.hasStarted, "connection limiter: watch() after start()")
        let endpoint = "inproc://missiond.monitor.\(role).\(ObjectIdentifier(self).hashValue)"
        try socket.monitor(endpoint, events: ZMQMonitorEvent.accepted | ZMQMonitorEvent.disconnected)
        let monitor = try ZMQSocket(context: context, type: .pair)
        try monitor.set(.linger(milliseconds: 0))
        try monitor.connect(endpoint)
        watched.append(Watched(role: role, monitor: monitor))
    }

    func start() {
        thread.start { [self] in run() }
    }

    func requestStop() {
        thread.requestStop()
    }

    /// Once the thread has ended, the monitor sockets are closed (they must be, before the
    /// context terminates).
    func waitUntilStopped(timeout: Duration?) -> Bool {
        guard thread.waitUntilStopped(timeout: timeout) else { return false }
        closeMonitors()
        return true
    }

    private let monitorsClosed = Atomic<Bool>(false)

    private func closeMonitors() {
        guard !monitorsClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        for entry in watched { entry.monitor.close() }
    }

    private func run() {
        thread.preconditionOnThread()
        var poller = ZMQPoller()
        do {
            for entry in watched { _ = try poller.add(entry.monitor) }
        } catch {
            logger.critical("connection limit: cannot poll the socket monitors", metadata: ["error": "\(error)"])
            return
        }
        poller.add(fileDescriptor: thread.control.wakeup.descriptor)
        while !thread.isStopping {
            do {
                try poller.poll(timeoutMilliseconds: -1)
                thread.control.wakeup.drain()
                for index in watched.indices {
                    while let frames = try watched[index].monitor.receive(flags: .dontWait) {
                        if let event = ZMQMonitorEvent(frames: frames) { handle(event, at: index) }
                    }
                }
            } catch {
                logger.error("connection limit: monitor error", metadata: ["error": "\(error)"])
            }
        }
    }

    private func handle(_ event: ZMQMonitorEvent, at index: Int) {
        thread.preconditionOnThread()
        switch event.event {
        case ZMQMonitorEvent.accepted:
            if watched[index].open.count < maxConnections {
                watched[index].open.insert(event.value)
                return
            }
            shutdown(event.value, Int32(SHUT_RDWR))
            watched[index].refused += 1
            let refused = watched[index].refused
            // 1, 2, 4, 8, …: a flood of connections cannot flood the log too.
            if refused & (refused - 1) == 0 {
                logger.warning("connection refused: max_connections reached",
                               metadata: ["socket": "\(watched[index].role)", "endpoint": "\(event.endpoint)",
                                          "max_connections": "\(maxConnections)", "refused_so_far": "\(refused)"])
            }
        case ZMQMonitorEvent.disconnected:
            watched[index].open.remove(event.value)
        default:
            break
        }
    }
}
