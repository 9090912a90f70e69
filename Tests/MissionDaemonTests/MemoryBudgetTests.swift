import Foundation
import MissionStore
import Synchronization
import XCTest
import ZMQ

/// Clients that send much and read nothing, through the real daemon: its peak memory
/// (VmHWM) stays within memory_budget + 64 MiB, and it still answers afterwards.
final class MemoryBudgetTests: XCTestCase {
    static let budgetMiB = 16
    static let allowance = (budgetMiB + 64) << 20

    /// MISSIOND_FLOOD_SCALE multiplies the clients or bodies (to measure a full-size flood by hand).
    static func scaled(_ count: Int) -> Int {
        count * (ProcessInfo.processInfo.environment["MISSIOND_FLOOD_SCALE"].flatMap { Int($0) } ?? 1)
    }

    /// The daemon's peak resident memory in bytes, from /proc/PID/status.
    private func peakResidentBytes(_ daemon: DaemonProcess) throws -> Int {
        let pid = try XCTUnwrap(daemon.process?.processIdentifier)
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try XCTUnwrap(status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") })
        let kilobytes = try XCTUnwrap(Int(line.split(separator: " ").dropFirst().first ?? ""))
        return kilobytes << 10
    }

    func testUnreadReplayRequestsStayWithinTheBudget() throws {
        let daemon = try DaemonProcess(self, config: "memory_budget: \(Self.budgetMiB)MiB")
        // 10,000 events of 1 KiB: a `since 0 10000` reply would be 10 MiB uncut.
        let eventLog = try EventLog(directory: daemon.state.appendingPathComponent("events").path, fsync: .never,
                                    retention: Retention(maxBytes: 1 << 30, maxAgeSeconds: 3600))
        let padding = String(repeating: "x", count: 1000)
        _ = try eventLog.append((1...10_000).map { index in
            PendingEvent(id: "evt_\(index)") { seq in #"{"seq":\#(seq),"pad":"\#(padding)"}"# }
        })
        eventLog.close()
        try daemon.start()
        let before = try peakResidentBytes(daemon)

        // REQ clients in another process ask for everything and never read their replies.
        let flood = try Flood(daemon, ["replay", daemon.replay, String(Self.scaled(100))])
        defer { flood.stop() }
        // Positive evidence that all were served: a fresh client is answered after them (one thread, in order).
        let answer = try daemon.request(daemon.replay, ["since", "0", "10000"], timeout: 60)
        XCTAssertEqual(answer.first, "events")
        XCTAssertEqual(answer.count > 2 ? answer[2] : "", "1", "a capped reply says there is more")
        XCTAssertLessThan(answer.dropFirst(3).reduce(0) { $0 + $1.utf8.count }, 10 << 20, "the reply was cut")
        let peak = try peakResidentBytes(daemon)
        print("VmHWM \(peak >> 20) MiB after the flood, \(before >> 20) MiB before")
        XCTAssertLessThanOrEqual(peak, Self.allowance, "VmHWM \(peak >> 20) MiB (\(before >> 20) MiB before the flood)")
        // Every event is still reachable through the cut replies.
        XCTAssertEqual(try daemon.replayAll().count, 10_000)
    }

    func testUnreadIntakeBodiesStayWithinTheBudget() throws {
        let daemon = try DaemonProcess(self, config: "memory_budget: \(Self.budgetMiB)MiB\nmax_article_bytes: 1048576")
        try daemon.start()
        let before = try peakResidentBytes(daemon)
        // Two DEALERs in another process send 40 bodies of 1 MiB each and never read a reply:
        // they wait (libzmq's high-water marks) while the budget is full.
        let flood = try Flood(daemon, ["intake", daemon.intake, "2", String(Self.scaled(40)), String(1 << 20)], timeout: 300)
        defer { flood.stop() }
        // After the flood, a new client is still answered.
        let reply = try daemon.request(daemon.intake, ["after-flood.txt", String(decoding: try seedArticle(richSeed), as: UTF8.self)],
                                       timeout: 120)
        XCTAssertTrue(["ok", "duplicate"].contains(reply.first), "reply \(reply)")
        let peak = try peakResidentBytes(daemon)
        print("VmHWM \(peak >> 20) MiB after the flood, \(before >> 20) MiB before")
        XCTAssertLessThanOrEqual(peak, Self.allowance, "VmHWM \(peak >> 20) MiB (\(before >> 20) MiB before the flood)")
    }
}

/// A pyzmq flood in another process (like the clients of the hostile-input campaign): it
/// returns once the script has sent everything, and keeps its sockets open (unread) until
/// `stop()`.
private final class Flood {
    static let script = #"""
import sys, time, zmq
# replay ENDPOINT CLIENTS  |  intake ENDPOINT CLIENTS COUNT SIZE
mode, endpoint, clients = sys.argv[1], sys.argv[2], int(sys.argv[3])
ctx = zmq.Context()
socks = []
if mode == "replay":
    for _ in range(clients):
        s = ctx.socket(zmq.REQ); s.setsockopt(zmq.LINGER, 0); s.connect(endpoint)
        s.send_multipart([b"since", b"0", b"10000"]); socks.append(s)
    print("sent", flush=True)
else:
    count, size = int(sys.argv[4]), int(sys.argv[5])
    lines = (b"Line %d of the annex lists entry %d for the record.\n" % (i, i * 7919 % 10007) for i in range(size // 40 + 1))
    body = b"".join(lines)[:size]
    for _ in range(clients):
        s = ctx.socket(zmq.DEALER); s.setsockopt(zmq.LINGER, 0); s.setsockopt(zmq.SNDHWM, 4); s.connect(endpoint); socks.append(s)
    sent = 0
    while sent < clients * count:
        for i, s in enumerate(socks):
            try:
                s.send_multipart([b"", b"bulk-%d-%d.txt" % (i, sent), body], zmq.NOBLOCK); sent += 1
            except zmq.Again:
                time.sleep(0.01)
    print("sent", flush=True)
sys.stdin.read()
"""#

    private let process = Process()
    private let input = Pipe()

    init(_ daemon: DaemonProcess, _ arguments: [String], timeout: TimeInterval = 60) throws {
        let script = daemon.directory.appendingPathComponent("flood.py")
        try Self.script.write(to: script, atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // "sent" on stdout is the evidence; reading blocks until it comes (or the script ends).
        let line = output.fileHandleForReading.readLine(timeout: timeout)
        guard line == "sent" else { stop(); throw DaemonTestError("flood.py \(arguments.first ?? ""): \(line ?? "no output")") }
    }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

extension FileHandle {
    /// One line from a pipe, or nil at its end or after `timeout`.
    func readLine(timeout: TimeInterval) -> String? {
        let result = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let handle = self
        DispatchQueue.global().async {
            var bytes: [UInt8] = []
            while let chunk = try? handle.read(upToCount: 1), let byte = chunk.first, byte != 10 { bytes.append(byte) }
            result.withLock { $0 = String(decoding: bytes, as: UTF8.self) }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return result.withLock { $0 }
    }
}
