import Dispatch
import Glibc
import Logging
import Synchronization

/// systemd's watchdog (`WatchdogSec=`), fed by the pipeline's own work loop rather than a
/// timer alone. Every half interval a heartbeat is sent through the work: the intake
/// thread, each stage queue in turn, then the publisher's queue. Only when it comes back,
/// and the journal is not stalled, is `WATCHDOG=1` sent. A stage stuck on an article (a
/// loop, a hung disk write) holds the heartbeat behind it, the pings stop, and systemd
/// restarts the service once `WatchdogSec` has passed without one.
final class Watchdog: @unchecked Sendable {  // the timer is thread-safe (Dispatch); the rest is in `state`
    /// `probe(done)` must call `done` once the heartbeat has gone through the work.
    typealias Probe = @Sendable (_ done: @escaping @Sendable () -> Void) -> Void

    let interval: Duration
    private let notifier: SystemdNotifier
    private let logger: Logger
    private let probe: Probe
    /// Work outside the heartbeat's path; true while it is stalled (the journal).
    private let isStalled: @Sendable () -> Bool
    private let timer: any DispatchSourceTimer

    private struct State {
        var outstandingSince: ContinuousClock.Instant?
        var warned = false
        var started = false
        var stopped = false
    }

    private let state = Mutex(State())

    /// The interval systemd asks for: `WATCHDOG_USEC`, if `WATCHDOG_PID` (when set) is this
    /// process. Nil when the watchdog is off.
    static func requestedInterval(environment: [String: String]) -> Duration? {
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != getpid() { return nil }
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else { return nil }
        return .microseconds(microseconds)
    }

    init(interval: Duration, notifier: SystemdNotifier, logger: Logger,
         probe: @escaping Probe, isStalled: @escaping @Sendable () -> Bool = { false }) {
        self.interval = interval
        self.notifier = notifier
        self.logger = logger
        self.probe = probe
        self.isStalled = isStalled
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "missiond.watchdog"))
    }

    func start() {
        guard state.withLock({ state in defer { state.started = true }; return !state.started && !state.stopped }) else { return }
        let half = DispatchTimeInterval.microseconds(Int(interval.microseconds / 2))
        timer.schedule(deadline: .now(), repeating: half, leeway: .milliseconds(Int(max(1, interval.microseconds / 20_000))))
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
    }

    /// No more pings (shutdown: systemd's watchdog is off once it is stopping the service).
    func stop() {
        let (first, started) = state.withLock { state in
            defer { state.stopped = true }
            return (!state.stopped, state.started)
        }
        guard first else { return }
        timer.cancel()
        // Dispatch traps on releasing a source that was never activated.
        if !started { timer.activate() }
    }

    deinit { stop() }

    private func tick() {
        let now = ContinuousClock.now
        let send = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            if let since = state.outstandingSince {
                if !state.warned && now - since > interval / 2 {
                    state.warned = true
                    logger.warning("watchdog: the pipeline's heartbeat has not come back; WATCHDOG=1 withheld (systemd restarts the service after WatchdogSec)",
                                   metadata: ["waiting_s": "\(Self.seconds(now - since))"])
                }
                return false
            }
            state.outstandingSince = now
            return true
        }
        guard send else { return }
        probe { [weak self] in self?.heartbeatReturned() }
    }

    private func heartbeatReturned() {
        let stalled = isStalled()
        let ping = state.withLock { state -> Bool in
            if state.warned, let since = state.outstandingSince {
                logger.notice("watchdog: the heartbeat came back", metadata: ["after_s": "\(Self.seconds(.now - since))"])
            }
            state.outstandingSince = nil
            state.warned = false
            return !state.stopped
        }
        guard ping else { return }
        if stalled {
            logger.warning("watchdog: the journal has not finished a write for too long; WATCHDOG=1 withheld")
            return
        }
        notifier.watchdog()
    }

    private static func seconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(Double(seconds) + Double(attoseconds) / 1e18)
    }
}

extension Duration {
    fileprivate var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
