import Dispatch
import Logging
import Synchronization

/// A part of the running daemon with a life of its own (a thread, a queue, a timer): started
/// once, asked to stop, then waited for. `ServiceGroup` starts the parts in order and stops
/// them in the reverse order, each within a timeout.
///
/// swift-service-lifecycle's `Service` is the model, not the dependency: its `run()` is an
/// `async` function that lives as long as the service, on the cooperative thread pool. These
/// parts block in `zmq_poll` and `poll(2)` on threads that own their sockets (libzmq sockets
/// may not move between threads at will); parked on the pool, two of them would take every
/// pool thread of a 2-core machine.
protocol DaemonService: AnyObject, Sendable {
    /// For the log: "intake", "replay", …
    var serviceName: String { get }
    func start()
    /// Returns at once; the service winds down on its own thread or queue.
    func requestStop()
    /// True once it has stopped; false if it still runs after `timeout` (nil: no limit).
    func waitUntilStopped(timeout: Duration?) -> Bool
}

extension DaemonService {
    /// `requestStop()` and wait, without a limit.
    func stop() {
        requestStop()
        _ = waitUntilStopped(timeout: nil)
    }
}

/// The daemon's services in start order. `stopAll` goes the other way: each service is asked
/// to stop and waited for within its timeout before the next is touched, so that a part still
/// in use (the publisher, while the intake drains) is never closed under another.
final class ServiceGroup: Sendable {
    private struct Member: Sendable {
        let service: any DaemonService
        let stopTimeout: Duration
    }

    private let members = Mutex<[Member]>([])

    func add(_ service: any DaemonService, stopTimeout: Duration = .seconds(10)) {
        members.withLock { $0.append(Member(service: service, stopTimeout: stopTimeout)) }
    }

    func startAll() {
        for member in members.withLock({ $0 }) { member.service.start() }
    }

    /// Stops every service, last started first. Returns the names of those that had not
    /// stopped within their timeout: they are left running, and the caller decides what may
    /// still be closed under them.
    func stopAll(logger: Logger) -> [String] {
        var overran: [String] = []
        for member in members.withLock({ $0 }).reversed() {
            let service = member.service
            service.requestStop()
            if !service.waitUntilStopped(timeout: member.stopTimeout) {
                logger.error("shutdown: a service did not stop in time; going on without it",
                             metadata: ["service": "\(service.serviceName)", "timeout": "\(member.stopTimeout)"])
                overran.append(service.serviceName)
            }
        }
        return overran
    }
}

/// A service whose life is a queue, a timer or a thread kept elsewhere (the publisher, the
/// watchdog, the ZAP handler, the metrics server): `start` and a blocking `stop` as
/// closures. The stop runs once, off the caller's thread, so that `waitUntilStopped` can
/// give up after its timeout.
final class ClosureService: DaemonService {
    let serviceName: String
    private let onStart: @Sendable () -> Void
    private let onStop: @Sendable () -> Void
    private let stopBegun = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)

    init(_ name: String, start: @escaping @Sendable () -> Void = {}, stop: @escaping @Sendable () -> Void) {
        serviceName = name
        onStart = start
        onStop = stop
    }

    func start() { onStart() }

    func requestStop() {
        guard !stopBegun.exchange(true, ordering: .acquiringAndReleasing) else { return }
        DispatchQueue.global().async { [onStop, stopped] in
            onStop()
            stopped.signal()
        }
    }

    func waitUntilStopped(timeout: Duration?) -> Bool {
        requestStop()
        guard stopped.wait(timeout: .deadline(after: timeout)) == .success else { return false }
        stopped.signal()
        return true
    }
}
