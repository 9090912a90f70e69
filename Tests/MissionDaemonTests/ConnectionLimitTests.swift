import Foundation
import XCTest
import ZMQ

/// max_connections through the real daemon: connections past it are refused (and logged),
/// a client already connected keeps being served.
final class ConnectionLimitTests: XCTestCase {
    func testConnectionsPastTheLimitAreRefusedAndAnExistingClientIsServed() throws {
        let daemon = try DaemonProcess(self, config: "max_connections: 4")
        try daemon.start()
        let pid = try XCTUnwrap(daemon.process?.processIdentifier)
        let sockets = { () -> Int in
            let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
            return fds.filter { ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) ?? "").hasPrefix("socket:") }.count
        }
        let baseline = sockets()
        // The existing client: connected and answered before the crowd arrives.
        let existing = try ZMQSocket(context: daemon.context, type: .req)
        defer { existing.close() }
        try existing.set(.linger(milliseconds: 0))
        try existing.set(.receiveTimeout(milliseconds: 15_000))
        try existing.connect(daemon.replay)
        func ask() throws -> String? {
            try existing.send([Array("since".utf8), Array("0".utf8), Array("1".utf8)])
            return try existing.receive().map { String(decoding: $0[0], as: UTF8.self) }
        }
        XCTAssertEqual(try ask(), "events")

        // 20 more idle clients (libzmq reconnects refused ones: they keep knocking).
        let crowd = try (0..<20).map { _ in try ZMQSocket(context: daemon.context, type: .dealer) }
        defer { for socket in crowd { socket.close() } }
        for socket in crowd {
            try socket.set(.linger(milliseconds: 0))
            try socket.connect(daemon.replay)
        }
        XCTAssertTrue(daemon.waitForLog("connection refused: max_connections reached", timeout: 20), daemon.log())
        XCTAssertTrue(daemon.log().contains("socket=replay"))
        // Refused ones are closed: the daemon holds the 4 allowed (the existing client among
        // them), not 21; a refused one may be seen for a moment between accept and close.
        var held = 0
        XCTAssertTrue(eventually(timeout: 20) { held = sockets(); return held <= baseline + 4 + 2 },
                      "\(held) sockets, \(baseline) before the clients")
        // The existing client is still served, again and again.
        for _ in 0..<3 { XCTAssertEqual(try ask(), "events") }

        // Room again once clients leave: a new client gets in.
        for socket in crowd { socket.close() }
        existing.close()
        XCTAssertTrue(try eventually(timeout: 20) {
            (try? daemon.request(daemon.replay, ["since", "0", "1"], timeout: 2).first) == "events"
        })
    }
}
