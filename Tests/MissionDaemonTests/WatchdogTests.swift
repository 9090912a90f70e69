import Foundation
import Logging
import Synchronization
import XCTest
@testable import MissionDaemon

/// WATCHDOG=1 only while the work loop proves it is alive; RELOADING=1 / READY=1 on SIGHUP.
final class WatchdogTests: XCTestCase {
    private func count(_ message: String, in listener: NotifySocket, for seconds: TimeInterval) -> Int {
        let deadline = Date().addingTimeInterval(seconds)
        var count = 0
        while Date() < deadline {
            if let received = listener.receive(timeout: max(0.01, deadline.timeIntervalSinceNow)), received == message { count += 1 }
        }
        return count
    }

    func testIntervalComesFromTheEnvironmentForThisProcessOnly() {
        XCTAssertEqual(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "30000000"]), .seconds(30))
        XCTAssertEqual(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "200000", "WATCHDOG_PID": "\(getpid())"]), .milliseconds(200))
        XCTAssertNil(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "200000", "WATCHDOG_PID": "\(getpid() + 1)"]))
        XCTAssertNil(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "0"]))
        XCTAssertNil(Watchdog.requestedInterval(environment: ["WATCHDOG_USEC": "soon"]))
        XCTAssertNil(Watchdog.requestedInterval(environment: [:]))
    }

    func testPingsFollowTheHeartbeatAndStopWhenTheWorkIsStuck() throws {
        let listener = try NotifySocket()
        let stuck = Atomic<Bool>(false)
        let stalled = Atomic<Bool>(false)
        let held = Mutex<[@Sendable () -> Void]>([])
        let watchdog = Watchdog(
            interval: .milliseconds(100), notifier: SystemdNotifier(socketPath: listener.path), logger: Logger(label: "test"),
            probe: { done in
                // A stuck stage keeps the heartbeat behind it.
                if stuck.load(ordering: .relaxed) { held.withLock { $0.append(done) } } else { DispatchQueue.global().async(execute: done) }
            },
            isStalled: { stalled.load(ordering: .relaxed) })
        watchdog.start()
        defer { watchdog.stop() }
        XCTAssertGreaterThanOrEqual(count("WATCHDOG=1", in: listener, for: 0.5), 4, "a ping every half interval")

        stuck.store(true, ordering: .relaxed)
        _ = count("WATCHDOG=1", in: listener, for: 0.1)  // one may be under way
        XCTAssertEqual(count("WATCHDOG=1", in: listener, for: 0.5), 0, "a stuck heartbeat must stop the pings")
        XCTAssertEqual(held.withLock { $0.count }, 1, "one heartbeat at a time")

        // It comes back: pings again.
        stuck.store(false, ordering: .relaxed)
        for done in held.withLock({ $0 }) { done() }
        XCTAssertGreaterThanOrEqual(count("WATCHDOG=1", in: listener, for: 0.4), 2)

        stalled.store(true, ordering: .relaxed)
        _ = count("WATCHDOG=1", in: listener, for: 0.1)
        XCTAssertEqual(count("WATCHDOG=1", in: listener, for: 0.4), 0, "a stalled journal must stop the pings")
        stalled.store(false, ordering: .relaxed)
        XCTAssertGreaterThanOrEqual(count("WATCHDOG=1", in: listener, for: 0.4), 2)

        watchdog.stop()
        _ = count("WATCHDOG=1", in: listener, for: 0.1)
        XCTAssertEqual(count("WATCHDOG=1", in: listener, for: 0.3), 0, "no pings after stop")
    }

    func testTheDaemonPingsFromItsPipelineAndReportsReloads() throws {
        let listener = try NotifySocket()
        let daemon = try DaemonProcess(self)
        try daemon.start(environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "200000"])
        XCTAssertEqual(listener.receive(), "READY=1")
        XCTAssertGreaterThanOrEqual(count("WATCHDOG=1", in: listener, for: 1.0), 5, "about one ping per 100 ms")

        // The pings go on while articles go through.
        let reply = try daemon.request(daemon.intake, ["watched", String(decoding: try seedArticle(richSeed), as: UTF8.self)])
        XCTAssertEqual(reply.first, "ok")
        XCTAssertGreaterThanOrEqual(count("WATCHDOG=1", in: listener, for: 0.5), 2)

        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let before = UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
        daemon.send(signal: SIGHUP)
        let reloading = try XCTUnwrap(listener.receive(until: { $0.hasPrefix("RELOADING=1") }).found, "no RELOADING=1")
        let lines = reloading.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, reloading)
        let monotonic = try XCTUnwrap(lines.last.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) }, reloading)
        XCTAssertTrue(lines.last?.hasPrefix("MONOTONIC_USEC=") ?? false, reloading)
        XCTAssertGreaterThanOrEqual(monotonic, before)
        XCTAssertLessThan(monotonic, before + 10_000_000)
        let ready = listener.receive(until: { $0 == "READY=1" })
        XCTAssertNotNil(ready.found, "no READY=1 after the reload: \(ready.before)")
        XCTAssertTrue(ready.before.allSatisfy { $0 == "WATCHDOG=1" }, "\(ready.before)")
        XCTAssertGreaterThanOrEqual(count("WATCHDOG=1", in: listener, for: 0.5), 2, "pings go on after a reload")

        XCTAssertEqual(daemon.terminate(), 0)
        XCTAssertNotNil(listener.receive(until: { $0 == "STOPPING=1" }).found)
    }
}
