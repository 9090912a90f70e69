import Foundation
import XCTest
@testable import MissionDaemon
import ZMQ

/// wire.md's `[error, reason, name]` reply for every article the intake cannot take, and
/// endpoints that bind as the exposure check says, through the real daemon.
final class IntakeErrorReplyTests: XCTestCase {
    private func requestOnREQ(_ endpoint: String, _ context: ZMQContext, _ frames: [[UInt8]]) throws -> [[UInt8]] {
        let req = try ZMQSocket(context: context, type: .req)
        defer { req.close() }
        try req.set(.linger(milliseconds: 0))
        try req.set(.receiveTimeout(milliseconds: 30_000))
        try req.connect(endpoint)
        try req.send(frames)
        return try XCTUnwrap(try req.receive(), "no reply: the REQ client would hang")
    }

    func testAFrameFarOverTheLimitGetsAnErrorReply() throws {
        let daemon = try DaemonProcess(self, config: "max_article_bytes: 65536\nmemory_budget: 16MiB")
        try daemon.start()
        // 10x the limit: libzmq used to disconnect the client past 4x.
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 655_360)
        let reply = try requestOnREQ(daemon.intake, daemon.context, [Array("huge.txt".utf8), body])
        XCTAssertEqual(reply.count, 3)
        XCTAssertEqual(String(decoding: reply[0], as: UTF8.self), "error")
        XCTAssertTrue(String(decoding: reply[1], as: UTF8.self).contains("over the limit"), String(decoding: reply[1], as: UTF8.self))
        XCTAssertEqual(String(decoding: reply[2], as: UTF8.self), "huge.txt")
        XCTAssertEqual(try daemon.request(daemon.intake, ["after.txt", String(decoding: try seedArticle(richSeed), as: UTF8.self)]).first, "ok")
    }

    func testTheErrorReplyEchoesTheNameBytesExactly() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        // Not UTF-8: echoed byte for byte.
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9, 0xFF] + Array(".txt".utf8)
        var reply = try requestOnREQ(daemon.intake, daemon.context, [latin1, Array("body".utf8)])
        XCTAssertEqual(String(decoding: reply[0], as: UTF8.self), "error")
        XCTAssertEqual(reply[2], latin1)
        // Over 1024 bytes (multi-byte characters): the first 1024 bytes, not 64 characters.
        let long = Array(String(repeating: "é", count: 700).utf8)
        reply = try requestOnREQ(daemon.intake, daemon.context, [long, Array("body".utf8)])
        XCTAssertEqual(String(decoding: reply[0], as: UTF8.self), "error")
        XCTAssertEqual(reply[2], Array(long.prefix(1024)))
        // A good name up to the bound comes back whole, whatever the error.
        let exact = Array(String(repeating: "n", count: 1024).utf8)
        reply = try requestOnREQ(daemon.intake, daemon.context, [exact, Array("body".utf8), Array("not json".utf8)])
        XCTAssertEqual(String(decoding: reply[0], as: UTF8.self), "error")
        XCTAssertEqual(reply[2], exact)
    }

    func testLocalhostIsRefusedAtConfigTimeWithAClearMessage() throws {
        for key in ["intake", "publish", "replay"] {
            XCTAssertThrowsError(try DaemonConfig.parse(yaml: "\(key): tcp://localhost:5999")) { error in
                let message = "\(error)"
                XCTAssertTrue(message.contains(key) && message.contains("tcp://127.0.0.1"), message)
            }
        }
    }

    func testIPv6LoopbackBindsAndServes() throws {
        let port = try freeTCPPort()
        let daemon = try DaemonProcess(self, config: "intake: tcp://[::1]:\(port)\nreplay: tcp://[::1]:\(port + 1)")
        try daemon.start(replayCheck: false)
        let answer = try daemon.request("tcp://[::1]:\(port + 1)", ["since", "0", "1"], timeout: 15, ipv6: true)
        XCTAssertEqual(answer.first, "events", "log: \(daemon.log())")
        let reply = try daemon.request("tcp://[::1]:\(port)", ["v6.txt", String(decoding: try seedArticle(richSeed), as: UTF8.self)],
                                       ipv6: true)
        XCTAssertEqual(reply.first, "ok")
    }

    /// A port no one listens on now, on both loopbacks (the next one is used too).
    private func freeTCPPort() throws -> Int {
        for _ in 0..<20 {
            let port = Int.random(in: 20_000...60_000)
            let probe = try ZMQSocket(context: ZMQContext(), type: .router)
            defer { probe.close() }
            try probe.set(.ipv6(true))
            if (try? probe.bind("tcp://[::1]:\(port)")) != nil, (try? probe.bind("tcp://[::1]:\(port + 1)")) != nil { return port }
        }
        throw DaemonTestError("no free port")
    }
}
