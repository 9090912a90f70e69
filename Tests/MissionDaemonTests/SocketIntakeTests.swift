import Foundation
import XCTest
import ZMQ

/// The intake ROUTER of wire.md, end to end with the real `missiond` process.
final class SocketIntakeTests: XCTestCase {
    func testREQClientIsAcknowledgedAndItsArticleIsPublished() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let body = try seedArticle(richSeed)

        let req = try ZMQSocket(context: daemon.context, type: .req)
        defer { req.close() }
        try req.set(.linger(milliseconds: 0))
        try req.set(.receiveTimeout(milliseconds: 10_000))
        try req.connect(daemon.intake)
        try req.send([Array("client-article".utf8), body, Array(#"{"published": "2022-12-26", "source_url": "https://example.com/a"}"#.utf8)])
        let reply = try XCTUnwrap(try req.receive()).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(reply.count, 3)
        XCTAssertEqual(reply.first, "ok")
        XCTAssertTrue(reply[1].hasPrefix("sha256:"), reply[1])
        XCTAssertEqual(reply.last, "client-article")

        let done = try XCTUnwrap(try subscriber.done("client-article"))
        XCTAssertEqual((done["article"] as? [String: Any])?["id"] as? String, reply[1])
        XCTAssertEqual((done["article"] as? [String: Any])?["source"] as? String, "socket")
        XCTAssertEqual(subscriber.missionEvents(of: "client-article").count, done["events"] as? Int)

        // The same text again is a duplicate, under any name.
        try req.send([Array("again".utf8), body])
        XCTAssertEqual(try XCTUnwrap(try req.receive()).map { String(decoding: $0, as: UTF8.self) }, ["duplicate", reply[1], "again"])
    }

    func testDealerClientPipelinesArticlesAndMatchesRepliesByName() throws {
        let daemon = try DaemonProcess(self, config: "max_in_flight: 4")
        try daemon.start()
        let base = try seedArticle(richSeed)

        let dealer = try ZMQSocket(context: daemon.context, type: .dealer)
        defer { dealer.close() }
        try dealer.set(.linger(milliseconds: 0))
        try dealer.set(.receiveTimeout(milliseconds: 10_000))
        try dealer.connect(daemon.intake)
        let names = (0..<20).map { "pipelined-\($0)" }
        for name in names {
            // Distinct texts, so none is a duplicate; more than max_in_flight at once.
            try dealer.send([[], Array(name.utf8), base + Array("\n\nEdition \(name).\n".utf8)])
        }
        var replies: [String: [String]] = [:]
        while replies.count < names.count {
            let frames = try XCTUnwrap(try dealer.receive(), "replies so far: \(replies.count)")
            XCTAssertEqual(frames.first, [], "a DEALER reply starts with the empty delimiter")
            let reply = frames.dropFirst().map { String(decoding: $0, as: UTF8.self) }
            replies[reply[2]] = reply
        }
        XCTAssertEqual(Set(replies.keys), Set(names))
        XCTAssertTrue(replies.values.allSatisfy { $0[0] == "ok" }, "\(replies.values.filter { $0[0] != "ok" })")
        XCTAssertEqual(Set(replies.values.map { $0[1] }).count, names.count, "article ids must differ")
    }

    func testReplayAnswersRangesAndRefusesBadRequests() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let reply = try daemon.request(daemon.intake, ["replayed", String(decoding: try seedArticle(richSeed), as: UTF8.self)])
        XCTAssertEqual(reply.first, "ok")
        var all: [[String: Any]] = []
        XCTAssertTrue(try eventually { all = try daemon.replayAll(); return !all.isEmpty })
        let last = all.count

        let one = try daemon.request(daemon.replay, ["since", "0", "1"])
        XCTAssertEqual(Array(one.prefix(3)), ["events", "1", last > 1 ? "1" : "0"])
        XCTAssertEqual(one.count, 4)
        XCTAssertEqual(try parseJSON(try XCTUnwrap(one.dropFirst(3).first))["seq"] as? Int, 1)
        XCTAssertEqual(try daemon.request(daemon.replay, ["since", String(last)]), ["events", String(last), "0"])
        // Beyond the head, `last` is the head (not the number sent).
        XCTAssertEqual(try daemon.request(daemon.replay, ["since", "999999"]), ["events", String(last), "0"])
        for bad in [["since"], ["since", "x"], ["until", "1"], ["since", "1", "0"]] {
            let answer = try daemon.request(daemon.replay, bad)
            XCTAssertEqual(answer.first, "error", "\(bad) → \(answer)")
            XCTAssertEqual(answer.count, 2)
        }
    }
}
