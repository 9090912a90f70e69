import CZMQ
import Foundation
import XCTest
@testable import ZMQ

final class ZMQSocketTests: XCTestCase {
    func testRequestReplyOverIPCCarriesMultipartFrames() throws {
        let dir = try makeTempDirectory(self)
        let endpoint = "ipc://\(dir.path)/rr.sock"
        let context = try ZMQContext()
        let rep = try ZMQSocket(context: context, type: .rep)
        try rep.bind(endpoint)
        let req = try ZMQSocket(context: context, type: .req)
        try req.set(.receiveTimeout(milliseconds: 5000))
        try rep.set(.receiveTimeout(milliseconds: 5000))
        try req.connect(endpoint)

        XCTAssertTrue(try req.send([bytes("name"), [0, 1, 2, 0], []]))
        let request = try XCTUnwrap(try rep.receive())
        XCTAssertEqual(request, [bytes("name"), [0, 1, 2, 0], []])
        try rep.send(strings: ["ok", "sha256:x", "name"])
        XCTAssertEqual(try XCTUnwrap(try req.receive()).strings, ["ok", "sha256:x", "name"])
    }

    func testPushPullOverTCPLoopbackWithEphemeralPort() throws {
        let context = try ZMQContext()
        let pull = try ZMQSocket(context: context, type: .pull)
        try pull.bind("tcp://127.0.0.1:*")
        let endpoint = try pull.lastEndpoint()
        XCTAssertTrue(endpoint.hasPrefix("tcp://127.0.0.1:"), endpoint)
        XCTAssertFalse(endpoint.hasSuffix(":*"))
        try pull.set(.receiveTimeout(milliseconds: 5000))
        let push = try ZMQSocket(context: context, type: .push)
        try push.connect(endpoint)

        let big = [UInt8](repeating: 7, count: 3 * 1024 * 1024)
        for index in 0..<100 { try push.send([bytes("n\(index)"), big]) }
        for index in 0..<100 {
            let message = try XCTUnwrap(try pull.receive())
            XCTAssertEqual(message.count, 2)
            XCTAssertEqual(message[0], bytes("n\(index)"))
            XCTAssertEqual(message[1].count, big.count)
        }
    }

    func testDontWaitReceiveReturnsNilWhenNothingWaits() throws {
        let dir = try makeTempDirectory(self)
        let context = try ZMQContext()
        let pull = try ZMQSocket(context: context, type: .pull)
        try pull.bind("ipc://\(dir.path)/empty.sock")
        XCTAssertNil(try pull.receive(flags: .dontWait))
    }

    func testReceiveTimeoutGivesUpWithNil() throws {
        let context = try ZMQContext()
        let pull = try ZMQSocket(context: context, type: .pull)
        try pull.bind("tcp://127.0.0.1:*")
        try pull.set(.receiveTimeout(milliseconds: 50))
        let start = Date()
        XCTAssertNil(try pull.receive())
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.04)
    }

    func testDontWaitSendReportsFullQueue() throws {
        let context = try ZMQContext()
        // A PUSH with no peer cannot queue anything: dontWait must say so, not block.
        let push = try ZMQSocket(context: context, type: .push)
        try push.set(.immediate(true))
        try push.connect("tcp://127.0.0.1:1")
        XCTAssertFalse(try push.send([bytes("x")], flags: .dontWait))
    }

    func testPubSubFiltersByPrefix() throws {
        let dir = try makeTempDirectory(self)
        let endpoint = "ipc://\(dir.path)/pub.sock"
        let context = try ZMQContext()
        let pub = try ZMQSocket(context: context, type: .pub)
        try pub.bind(endpoint)
        let sub = try ZMQSocket(context: context, type: .sub)
        try sub.set(.subscribe(bytes("mission.")))
        try sub.connect(endpoint)

        // Slow joiner: publish until the subscription has arrived, then check the filter.
        let deadline = Date().addingTimeInterval(5)
        var received: [[UInt8]]?
        while received == nil && Date() < deadline {
            try pub.send(strings: ["article.done", "{}"])
            try pub.send(strings: ["mission.deal", "{\"seq\":1}"])
            Thread.sleep(forTimeInterval: 0.01)
            received = try sub.receive(flags: .dontWait)
        }
        XCTAssertEqual(try XCTUnwrap(received).strings, ["mission.deal", "{\"seq\":1}"])
        while let more = try sub.receive(flags: .dontWait) {
            XCTAssertEqual(more.strings.first, "mission.deal")
        }
    }

    func testRouterDealerRoutingIDAndMandatoryRouting() throws {
        let context = try ZMQContext()
        let router = try ZMQSocket(context: context, type: .router)
        try router.set(.routerMandatory(true))
        try router.set(.receiveTimeout(milliseconds: 5000))
        try router.bind("tcp://127.0.0.1:*")
        let dealer = try ZMQSocket(context: context, type: .dealer)
        try dealer.set(.routingID(bytes("client-1")))
        try dealer.set(.receiveTimeout(milliseconds: 5000))
        try dealer.connect(try router.lastEndpoint())

        try dealer.send([[], bytes("hello")])
        let message = try XCTUnwrap(try router.receive())
        XCTAssertEqual(message, [bytes("client-1"), [], bytes("hello")])
        try router.send([message[0], [], bytes("back")])
        XCTAssertEqual(try XCTUnwrap(try dealer.receive()), [[], bytes("back")])

        XCTAssertThrowsError(try router.send([bytes("nobody"), [], bytes("x")])) { error in
            XCTAssertEqual((error as? ZMQError)?.errno, EHOSTUNREACH)
        }
    }

    func testErrorsCarryErrnoAndLibzmqText() throws {
        let context = try ZMQContext()
        let socket = try ZMQSocket(context: context, type: .pub)
        XCTAssertThrowsError(try socket.bind("nonsense://here")) { error in
            let zmqError = error as? ZMQError
            XCTAssertEqual(zmqError?.errno, EPROTONOSUPPORT)
            XCTAssertEqual(zmqError?.message, "Protocol not supported")
            XCTAssertTrue(zmqError?.description.contains("bind nonsense://here") ?? false)
        }
        socket.close()
        socket.close()
        XCTAssertThrowsError(try socket.bind("tcp://127.0.0.1:*")) { error in
            XCTAssertEqual((error as? ZMQError)?.errno, ENOTSOCK)
        }
    }

    func testGenericOptionsRoundTrip() throws {
        let context = try ZMQContext()
        let socket = try ZMQSocket(context: context, type: .pub)
        try socket.set(.sendHighWaterMark(12345))
        XCTAssertEqual(try socket.intOption(ZMQ_SNDHWM), 12345)
        try socket.set(.int(ZMQ_LINGER, 250))
        XCTAssertEqual(try socket.intOption(ZMQ_LINGER), 250)
        try socket.set(.tcpKeepalive(enabled: true, idle: 60, interval: 10, count: 3))
        XCTAssertEqual(try socket.intOption(ZMQ_TCP_KEEPALIVE), 1)
        try socket.set(.maxMessageSize(1 << 20))
    }

    func testLibraryCapabilities() {
        XCTAssertTrue(ZMQLibrary.has("ipc"))
        XCTAssertEqual(ZMQLibrary.version.major, 4)
    }
}

final class ZMQContextTests: XCTestCase {
    func testTerminateDeliversQueuedMessagesWithinLinger() throws {
        let receiverContext = try ZMQContext()
        let pull = try ZMQSocket(context: receiverContext, type: .pull)
        try pull.bind("tcp://127.0.0.1:*")
        try pull.set(.receiveTimeout(milliseconds: 5000))

        let senderContext = try ZMQContext()
        let push = try ZMQSocket(context: senderContext, type: .push)
        try push.set(.linger(milliseconds: 2000))
        try push.connect(try pull.lastEndpoint())
        for index in 0..<1000 { try push.send([bytes("m\(index)"), [UInt8](repeating: 1, count: 1000)]) }
        push.close()
        senderContext.terminate()  // returns once the queue has been flushed
        senderContext.terminate()
        XCTAssertTrue(senderContext.isTerminated)
        for index in 0..<1000 { XCTAssertEqual(try pull.receive()?.first, bytes("m\(index)")) }
        XCTAssertThrowsError(try ZMQSocket(context: senderContext, type: .pub)) { error in
            XCTAssertEqual((error as? ZMQError)?.errno, ETERM)
        }
    }
}
