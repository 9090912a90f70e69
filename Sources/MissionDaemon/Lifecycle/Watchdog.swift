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
///
/// The decision is `tick()`, one step per half interval; the Dispatch timer only calls it.
/// Time is read from `now`, so a test can drive ticks by hand on a clock of its own.
final class Watchdog: Sendable {
    /// `probe(done)` must call `done` once the heartbeat has gone through the work.
    typealias Probe = @Sendable (_ done: @escaping @Sendable () -> Void) -> Void

    let interval: Duration
    /// Sends `WATCHDOG=1`.
    private let ping: @Sendable () -> Void
    private let logger: Logger
    private let probe: Probe
    /// Work outside the heartbeat's path; true while it is stalled (the journal).
    private let isStalled: @Sendable () -> Bool
    /// The clock a heartbeat's time out is measured on.
    private let now: @Sendable () -> ContinuousClock.Instant
    private let queue = DispatchQueue(label: "missiond.watchdog")

    private struct State {
        var outstandingSince: ContinuousClock.Instant?
        var warned = false
        var stopped = false
        /// Made, scheduled and resumed together by `start` (a source that was never activated
        /// must not be released: Dispatch traps), cancelled by `stop`.
        var timer: (any DispatchSourceTimer)?
    }

    private let state = Mutex(State())

    /// The interval systemd asks for: `WATCHDOG_USEC`, if `WATCHDOG_PID` (when set) is this
    /// process. Nil when the watchdog is off.
    static func requestedInterval(environment: [String: String]) -> Duration? {
        if let pid = environment["WATCHDOG_PID"], Int32(pid) != getpid() { return nil }
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text), microseconds > 0 else { return nil }
        return .microseconds(microseconds)
    }

    convenience init(interval: Duration, notifier: SystemdNotifier, logger: Logger,
                     probe: @escaping Probe, isStalled: @escaping @Sendable () -> Bool = { false }) {
        self.init(interval: interval, ping: { notifier.watchdog() }, logger: logger, probe: probe, isStalled: isStalled)
    }

    /// `ping` and `now` stand for systemd and the clock in tests.
    init(interval: Duration, ping: @escaping @Sendable () -> Void, logger: Logger,
         probe: @escaping Probe, isStalled: @escaping @Sendable () -> Bool = { false },
         now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.interval = interval
        self.ping = ping
        self.logger = logger
        self.probe = probe
        self.isStalled = isStalled
        self.now = now
    }

    /// Ticks every half interval from now on, the first at once.
    func start() {
        let half = DispatchTimeInterval.microseconds(Int(interval.microseconds / 2))
        let leeway = DispatchTimeInterval.milliseconds(Int(max(1, interval.microseconds / 20_000)))
        state.withLock { state in
            guard state.timer == nil && !state.stopped else { return }
            let timer = DispatchSource.makeTimerSource(queue: queue)
            timer.schedule(deadline: .now(), repeating: half, leeway: leeway)
            timer.setEventHandler { [weak self] in self?.tick() }
            timer.resume()
            state.timer = timer
        }
    }

    /// No more pings (shutdown: systemd's watchdog is off once it is stopping the service).
    func stop() {
        let timer = state.withLock { state -> (any DispatchSourceTimer)? in
            state.stopped = true
            defer { state.timer = nil }
            return state.timer
        }
        timer?.cancel()
    }

    deinit { stop() }

    /// One step: a heartbeat still out is waited for (with one warning once it has been out
    /// longer than half an interval); otherwise a new one is sent through the work. Nothing
    /// once stopped. The timer's event handler; internal so that tests can drive it.
    func tick() {
        let now = self.now()
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

    /// The heartbeat is back: `WATCHDOG=1`, unless stopped or the journal is stalled.
    private func heartbeatReturned() {
        let stalled = isStalled()
        let now = self.now()
        let send = state.withLock { state -> Bool in
            if state.warned, let since = state.outstandingSince {
                logger.notice("watchdog: the heartbeat came back", metadata: ["after_s": "\(Self.seconds(now - since))"])
            }
            state.outstandingSince = nil
            state.warned = false
            return !state.stopped
        }
        guard send else { return }
        if stalled {
            logger.warning("watchdog: the journal has not finished a write for too long; WATCHDOG=1 withheld")
            return
        }
        ping()
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
