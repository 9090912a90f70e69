import Foundation
import Logging
import MissionStore
import XCTest
import ZMQ
@testable import MissionDaemon

final class ReplayAndJSONTests: XCTestCase {
    func testReplayAnswersFromTheEventLog() throws {
        let directory = "/tmp/replay-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = try EventLog(directory: directory, fsync: .never, retention: Retention(maxBytes: 1 << 30, maxAgeSeconds: 3600))
        defer { log.close() }
        _ = try log.append((1...5).map { index in PendingEvent(id: "evt_\(index)") { seq in #"{"seq":\#(seq)}"# } })
        let server = try ReplayServer(context: try ZMQContext(), endpoint: "ipc://\(directory)/r.sock", curveSecretKey: nil, eventLog: log, logger: Logger(label: "test"))
        server.start()
        defer { server.stop() }

        func ask(_ words: String...) -> [String] { server.answer(words.map { Array($0.utf8) }) }
        XCTAssertEqual(ask("since", "0", "2"), ["events", "2", "1", #"{"seq":1}"#, #"{"seq":2}"#])
        XCTAssertEqual(ask("since", "2"), ["events", "5", "0", #"{"seq":3}"#, #"{"seq":4}"#, #"{"seq":5}"#])
        XCTAssertEqual(ask("since", "5"), ["events", "5", "0"])
        XCTAssertEqual(ask("since", "-1").first, "error")
        XCTAssertEqual(ask("since", "1", "many").first, "error")
        XCTAssertEqual(ask("from", "1").first, "error")

        // The same over the socket, from a REQ client.
        let req = try ZMQSocket(context: try ZMQContext(), type: .req)
        defer { req.close() }
        try req.set(.linger(milliseconds: 0))
        try req.set(.receiveTimeout(milliseconds: 5000))
        try req.connect("ipc://\(directory)/r.sock")
        try req.send(strings: ["since", "3", "1"])
        XCTAssertEqual(try XCTUnwrap(try req.receive()).map { String(decoding: $0, as: UTF8.self) }, ["events", "4", "1", #"{"seq":4}"#])
    }

    func testASeqNoLongerKeptGetsAPlainError() throws {
        let directory = "/tmp/replay-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // One event per segment, and a size limit that keeps only the newest segment.
        let log = try EventLog(directory: directory, fsync: .never, retention: Retention(maxBytes: 1, maxAgeSeconds: 3600), segmentBytes: 1)
        defer { log.close() }
        for index in 1...5 { _ = try log.append([PendingEvent(id: "evt_\(index)") { seq in #"{"seq":\#(seq)}"# }]) }
        try log.applyRetention(now: Date())
        let server = try ReplayServer(context: try ZMQContext(), endpoint: "ipc://\(directory)/r.sock", curveSecretKey: nil, eventLog: log, logger: Logger(label: "test"))
        defer { server.stop() }
        let oldest = log.oldestSeq
        XCTAssertGreaterThan(oldest, 1)
        XCTAssertEqual(server.answer([Array("since".utf8), Array("0".utf8)]), ["error", "seq 0 is no longer kept; oldest is \(oldest)"])
        XCTAssertEqual(server.answer([Array("since".utf8), Array(String(oldest - 1).utf8)]).first, "events")
    }

    func testJSONStringsAreEscaped() throws {
        let text = "a \"quoted\" back\\slash\nnew\tline \u{01} é 中"
        let json = JSONText.object([("s", JSONText.quoted(text)), ("n", JSONText.numberOrNull(nil))])
        let parsed = try parseJSON(json)
        XCTAssertEqual(parsed["s"] as? String, text)
        XCTAssertTrue(parsed["n"] is NSNull)
    }
}
