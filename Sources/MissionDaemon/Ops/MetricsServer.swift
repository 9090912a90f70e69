import Dispatch
import Foundation
import Synchronization

/// A small HTTP/1.1 server for Prometheus and health checks, on its own thread:
/// `GET /metrics` (text exposition), `/health` (200 while the process runs), `/ready`
/// (200 or 503, as `ready` says). One request per connection (`Connection: close`),
/// answered one at a time: a scrape or a probe is small, and a slow client can hold the
/// thread for at most `requestTimeout`.
package final class MetricsServer: Sendable {
    /// The address as configured, and the port bound (the real one when 0 was asked for).
    package let host: String
    package let port: UInt16

    private let listener: Listener
    private let stopped = Atomic<Bool>(false)

    package static let contentType = "text/plain; version=0.0.4; charset=utf-8"
    static let maxRequestBytes = 8 * 1024
    static let requestTimeout: Duration = .seconds(2)

    /// Binds `host:port` and starts answering. `host` must be loopback unless
    /// `allowNonLoopback`: the figures are for this host's operators, not the network.
    package init(
        host: String = "127.0.0.1", port: UInt16, allowNonLoopback: Bool = false,
        metrics: @escaping @Sendable () -> String,
        ready: @escaping @Sendable () -> Bool
    ) throws(DaemonError) {
        let numericHost = host == "localhost" ? "127.0.0.1" : host
        let addresses: [SocketAddress]
        do throws(DaemonError) {
            addresses = try SocketAddress.resolve(host: numericHost, port: port, resolveNames: false)
        } catch {
            throw DaemonError(.metrics, "metrics: \(error.description)")
        }
        guard let address = addresses.first else { throw DaemonError(.metrics, "metrics: \(host): no address") }
        guard allowNonLoopback || address.isLoopback else {
            throw DaemonError(.metrics, "metrics: \(host) is not a loopback address; the metrics port serves this host only unless the config allows more")
        }
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw DaemonError.system("metrics: socket", errno) }
        var on: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        // Non-blocking, so a connection that vanished between poll and accept cannot hang the thread.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        guard address.withSockaddr({ bind(fd, $0, $1) }) == 0, listen(fd, 16) == 0 else {
            let code = errno
            close(fd)
            throw DaemonError.system("metrics: bind \(host):\(port)", code)
        }
        self.host = host
        self.port = SocketAddress.local(of: fd)?.port ?? port
        do throws(DaemonError) {
            listener = try Listener(fd: fd, metrics: metrics, ready: ready)
        } catch {
            close(fd)
            throw error
        }
        listener.start()
    }

    deinit { stop() }

    /// The host and port of a config value such as `127.0.0.1:9560` or `[::1]:9560`.
    package static func listenAddress(_ text: String) throws(DaemonError) -> (host: String, port: UInt16) {
        let target = try HTTPGet.parse(text)
        guard target.path == "/", text.contains(":") else {
            throw DaemonError(.config, "metrics listen address \"\(text)\": expected host:port, e.g. 127.0.0.1:9560")
        }
        return (target.host, target.port)
    }

    /// `http://host:port`, for logs and `missiond status --metrics`.
    package var url: String {
        host.contains(":") && !host.hasPrefix("[") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
    }

    /// Stops answering, waits for the thread and closes the port. Idempotent.
    package func stop() {
        guard !stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
        listener.stop()
    }
}

/// The listening socket and the thread's loop. Separate from `MetricsServer` so that the
/// thread does not keep the server alive: dropping the server stops it.
private final class Listener: Sendable {
    private let fd: Int32
    /// Its thread; `stop` wakes the loop's `poll` through the thread's wake-up.
    private let thread: OwnerThread<Listener>
    private let metrics: @Sendable () -> String
    private let ready: @Sendable () -> Bool

    init(fd: Int32, metrics: @escaping @Sendable () -> String, ready: @escaping @Sendable () -> Bool) throws(DaemonError) {
        self.fd = fd
        self.thread = try OwnerThread(name: "missiond.metrics")
        self.metrics = metrics
        self.ready = ready
    }

    func start() {
        thread.start { [self] in run() }
    }

    func stop() {
        thread.requestStop()
        thread.waitUntilStopped()
        close(fd)
    }

    private func run() {
        var items = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                     pollfd(fd: thread.control.wakeup.descriptor, events: Int16(POLLIN), revents: 0)]
        while true {
            let rc = poll(&items, nfds_t(items.count), -1)
            if rc < 0 && errno != EINTR { return }
            if items[1].revents != 0 { return }
            guard items[0].revents & Int16(POLLIN) != 0 else { continue }
            let connection = accept(fd, nil, nil)
            guard connection >= 0 else { continue }
            _ = fcntl(connection, F_SETFD, FD_CLOEXEC)
            HTTPExchange(fd: connection, timeout: MetricsServer.requestTimeout).serve { request in
                self.respond(to: request)
            }
            close(connection)
        }
    }

    private func respond(to request: HTTPExchange.Request) -> HTTPExchange.Response {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .init(status: 405, headers: [("Allow", "GET, HEAD")], body: "method not allowed\n")
        }
        switch request.path {
        case "/metrics":
            return .init(status: 200, contentType: MetricsServer.contentType, body: metrics())
        case "/health":
            return .init(status: 200, body: "ok\n")
        case "/ready":
            return ready() ? .init(status: 200, body: "ready\n") : .init(status: 503, body: "not ready\n")
        default:
            return .init(status: 404, body: "not found: try /metrics, /health or /ready\n")
        }
    }
}
