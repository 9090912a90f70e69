import Foundation
import Logging
import Synchronization
import XCTest
@testable import MissionDaemon

/// WATCHDOG=1 only while the work loop proves it is alive; RELOADING=1 / READY=1 on SIGHUP.
final class WatchdogTests: XCTestCase {
    /// What the watchdog under test shares with the test: its clock, the heartbeats it sent
    /// (held until the test lets them return), whether the journal is stalled.
    private final class Work: Sendable {
        private let elapsed = Mutex<Duration>(.zero)
        private let heartbeats = Mutex<[@Sendable () -> Void]>([])
        private let pings = Atomic<Int>(0)
        let stalled = Atomic<Bool>(false)
        let start = ContinuousClock.now

        var now: ContinuousClock.Instant { start + elapsed.withLock { $0 } }
        func advance(_ duration: Duration) { elapsed.withLock { $0 += duration } }
        func hold(_ heartbeat: @escaping @Sendable () -> Void) { heartbeats.withLock { $0.append(heartbeat) } }
        var outstanding: Int { heartbeats.withLock { $0.count } }
        func takeAll() -> [@Sendable () -> Void] { heartbeats.withLock { list in defer { list = [] }; return list } }
        func ping() { pings.add(1, ordering: .relaxed) }
        /// The pings counted since the last call.
        func takePings() -> Int { pings.exchange(0, ordering: .relaxed) }
    }

    /// A watchdog driven by hand: `tick()` is called by the test, the heartbeats are held
    /// until the test lets them return, time is a clock the test moves, and the pings are
    /// counted as they are sent. No Dispatch timer runs, so nothing depends on the machine's speed.
    private final class Harness {
        let watchdog: Watchdog
        let interval = Duration.seconds(10)
        let log = LogRecorder()
        let work = Work()

        init() {
            let (work, log) = (self.work, self.log)
            watchdog = Watchdog(interval: interval, ping: { work.ping() },
                                logger: Logger(label: "watchdog-test") { _ in log },
                                probe: { done in work.hold(done) },
                                isStalled: { work.stalled.load(ordering: .relaxed) },
                                now: { work.now })
        }

        func advance(_ duration: Duration) { work.advance(duration) }
        var stalled: Bool {
            get { work.stalled.load(ordering: .relaxed) }
            set { work.stalled.store(newValue, ordering: .relaxed) }
        }
        /// Heartbeats sent through the work and not yet returned.
        var outstanding: Int { work.outstanding }
        /// Lets every outstanding heartbeat come back.
        func returnHeartbeats() { for done in work.takeAll() { done() } }
        /// The pings sent since the last look.
        func pings() -> Int { work.takePings() }
    }

    func testIntervalComesFromTheEnvironmentForThisProcessOnly() {
        XCTAssertEqual(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "30000000"]), .seconds(30))
        XCTAssertEqual(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "200000", "WATCHDOG_PID": "\(getpid())"]), .milliseconds(200))
        XCTAssertNil(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "200000", "WATCHDOG_PID": "\(getpid() + 1)"]))
        XCTAssertNil(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "0"]))
        XCTAssertNil(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "soon"]))
        XCTAssertNil(Watchdog.requestedInterval(environment: [:]))
    }

    func testEachTickSendsOneHeartbeatAndEachReturnOnePing() throws {
        let h = Harness()
        for round in 1...3 {
            h.watchdog.tick()
            XCTAssertEqual(h.outstanding, 1, "round \(round): a tick sends one heartbeat through the work")
            XCTAssertEqual(h.pings(), 0, "round \(round): no ping before the heartbeat is back")
            h.returnHeartbeats()
            XCTAssertEqual(h.pings(), 1, "round \(round): one ping when it is back")
            h.advance(h.interval / 2)
        }
        XCTAssertEqual(h.log.messages(.warning), [])
    }

    func testAHeldHeartbeatWithholdsPingsAndWarnsAfterHalfAnInterval() throws {
        let h = Harness()
        h.watchdog.tick()
        XCTAssertEqual(h.outstanding, 1)
        // Out for exactly half an interval: still waited for quietly; one heartbeat at a time.
        for _ in 0..<5 {
            h.advance(h.interval / 10)
            h.watchdog.tick()
        }
        XCTAssertEqual(h.outstanding, 1, "one heartbeat at a time")
        XCTAssertEqual(h.pings(), 0, "no ping while the heartbeat is held")
        XCTAssertEqual(h.log.messages(.warning), [], "not late yet: out for half an interval, not longer")

        // Longer than half an interval: one warning, however many ticks follow.
        h.advance(.milliseconds(1))
        h.watchdog.tick()
        XCTAssertEqual(h.log.messages(.warning).count, 1)
        XCTAssertTrue(h.log.messages(.warning).first?.hasPrefix("watchdog: the pipeline's heartbeat has not come back") ?? false,
                      "\(h.log.messages(.warning))")
        for _ in 0..<5 {
            h.advance(h.interval)
            h.watchdog.tick()
        }
        XCTAssertEqual(h.log.messages(.warning).count, 1, "warned once per held heartbeat")
        XCTAssertEqual(h.outstanding, 1, "still one heartbeat at a time")
        XCTAssertEqual(h.pings(), 0)

        // It comes back: one ping, a notice, and the next tick sends a new heartbeat.
        h.returnHeartbeats()
        XCTAssertEqual(h.pings(), 1)
        XCTAssertEqual(h.log.messages(.notice), ["watchdog: the heartbeat came back"])
        h.watchdog.tick()
        XCTAssertEqual(h.outstanding, 1)
        h.returnHeartbeats()
        XCTAssertEqual(h.pings(), 1)
        XCTAssertEqual(h.log.messages(.warning).count, 1, "a heartbeat that came back in time is not warned about")
    }

    func testAStalledJournalWithholdsThePingOfAReturnedHeartbeat() throws {
        let h = Harness()
        h.stalled = true
        for _ in 0..<3 {
            h.watchdog.tick()
            h.returnHeartbeats()
            h.advance(h.interval / 2)
        }
        XCTAssertEqual(h.pings(), 0, "no ping while the journal is stalled")
        XCTAssertEqual(h.log.messages(.warning).filter { $0.hasPrefix("watchdog: the journal has not finished a write") }.count, 3)

        h.stalled = false
        h.watchdog.tick()
        XCTAssertEqual(h.outstanding, 1, "a stalled round does not leave a heartbeat out")
        h.returnHeartbeats()
        XCTAssertEqual(h.pings(), 1, "pings again once the journal moves")
    }

    func testNothingAfterStop() throws {
        let h = Harness()
        h.watchdog.tick()
        XCTAssertEqual(h.outstanding, 1)
        h.watchdog.stop()
        h.returnHeartbeats()
        XCTAssertEqual(h.pings(), 0, "a heartbeat back after stop is not pinged")
        h.advance(h.interval)
        h.watchdog.tick()
        XCTAssertEqual(h.outstanding, 0, "no heartbeat after stop")
        XCTAssertEqual(h.pings(), 0)
        h.watchdog.start()
        h.watchdog.stop()
        h.watchdog.tick()
        XCTAssertEqual(h.outstanding, 0, "a stopped watchdog does not start again")
    }

    /// The Dispatch timer drives `tick()` by itself: pings arrive (waited for, never counted in a window).
    func testTheTimerTicksUntilStopped() throws {
        let listener = try NotifySocket()
        let watchdog = Watchdog(interval: .milliseconds(100), notifier: SystemdNotifier(socketPath: listener.path),
                                logger: Logger(label: "test"), probe: { done in DispatchQueue.global().async(execute: done) })
        watchdog.start()
        watchdog.start()  // once only
        defer { watchdog.stop() }
        for ping in 1...3 {
            XCTAssertEqual(listener.receive(timeout: 30), "WATCHDOG=1", "ping \(ping)")
        }
    }

    /// Waits for `count` pings (each within a generous deadline); only pings may come meanwhile.
    private func expectPings(_ count: Int, from listener: NotifySocket, _ why: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        for ping in 1...count {
            let next = listener.receive(timeout: 30)
            XCTAssertEqual(next, "WATCHDOG=1", "\(why): ping \(ping) of \(count)", file: file, line: line)
            if next == nil { return }
        }
    }

    private static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }

    func testTheDaemonPingsFromItsPipelineAndReportsReloads() throws {
        let listener = try NotifySocket()
        let daemon = try DaemonProcess(self)
        try daemon.start(environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "200000"])
        XCTAssertEqual(listener.receive(timeout: 30), "READY=1")
        expectPings(5, from: listener, "a ping every half interval")

        // The pings go on once an article has gone through: of two pings sent after its
        // acknowledgement, the second's heartbeat left after the first ping, behind the article.
        let reply = try daemon.request(daemon.intake, ["watched", String(decoding: try seedArticle(richSeed), as: UTF8.self)], timeout: 30)
        XCTAssertEqual(reply.first, "ok")
        XCTAssertTrue(listener.drain().allSatisfy { $0 == "WATCHDOG=1" })
        expectPings(2, from: listener, "pings after an article")

        let before = Self.monotonicMicroseconds()
        daemon.send(signal: SIGHUP)
        let reloading = listener.receive(until: { $0.hasPrefix("RELOADING=1") }, timeout: 30)
        let after = Self.monotonicMicroseconds()
        let message = try XCTUnwrap(reloading.found, "no RELOADING=1: \(reloading.before)")
        XCTAssertTrue(reloading.before.allSatisfy { $0 == "WATCHDOG=1" }, "\(reloading.before)")
        let lines = message.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, message)
        XCTAssertTrue(lines.last?.hasPrefix("MONOTONIC_USEC=") ?? false, message)
        let monotonic = try XCTUnwrap(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }, message)
        XCTAssertGreaterThanOrEqual(monotonic, before, "stamped after the SIGHUP was sent")
        XCTAssertLessThanOrEqual(monotonic, after, "stamped before it was received")
        let ready = listener.receive(until: { $0 == "READY=1" }, timeout: 30)
        XCTAssertNotNil(ready.found, "no READY=1 after the reload: \(ready.before)")
        XCTAssertTrue(ready.before.allSatisfy { $0 == "WATCHDOG=1" }, "\(ready.before)")
        expectPings(2, from: listener, "pings go on after a reload")

        XCTAssertEqual(daemon.terminate(), 0)
        let stopping = listener.receive(until: { $0 == "STOPPING=1" }, timeout: 30)
        XCTAssertNotNil(stopping.found, "\(stopping.before)")
    }
}

/// A log handler that keeps the messages logged through it, by level.
final class LogRecorder: LogHandler, Sendable {
    private let records = Mutex<[(level: Logger.Level, message: String)]>([])

    func messages(_ level: Logger.Level) -> [String] {
        records.withLock { $0.filter { $0.level == level }.map(\.message) }
    }

    func log(event: LogEvent) {
        records.withLock { $0.append((event.level, event.message.description)) }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
}
