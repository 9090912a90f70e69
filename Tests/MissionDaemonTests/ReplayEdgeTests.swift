import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Logging
import MissionStore
import XCTest
import ZMQ
@testable import MissionDaemon

/// The replay socket at the edges: `since` at or past the head, a damaged record, a lost range.
/// Real event logs on disk, a real ReplayServer, a real REQ client.
final class ReplayEdgeTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        directory = "/tmp/replay-edge-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func fill(_ log: EventLog, _ seqs: ClosedRange<Int>) throws {
        _ = try log.append(seqs.map { index in PendingEvent(id: "evt_\(index)") { seq in #"{"seq":\#(seq)}"# } })
    }

    /// One request from a fresh REQ socket, the reply as strings.
    private func ask(_ endpoint: String, _ words: [String]) throws -> [String] {
        let context = try ZMQContext()
        let req = try ZMQSocket(context: context, type: .req)
        defer { req.close() }
        try req.set(.linger(milliseconds: 0))
        try req.set(.receiveTimeout(milliseconds: 10_000))
        try req.connect(endpoint)
        try req.send(strings: words)
        return try XCTUnwrap(try req.receive(), "no reply").map { String(decoding: $0, as: UTF8.self) }
    }

    private func server(_ log: EventLog) throws -> (ReplayServer, String) {
        let endpoint = "ipc://\(directory)/r.sock"
        let server = try ReplayServer(context: try ZMQContext(), endpoint: endpoint, curveSecretKey: nil, eventLog: log, logger: Logger(label: "test"))
        server.start()
        return (server, endpoint)
    }

    func testSinceAtOrBeyondTheHeadAnswersTheRealHead() throws {
        let log = try EventLog(directory: directory + "/events", fsync: .never, retention: .unlimited)
        defer { log.close() }
        try fill(log, 1...5)
        let (server, endpoint) = try server(log)
        defer { server.stop() }

        // UInt64.max used to wrap to 0 in `seq + 1` and be answered "no longer kept".
        XCTAssertEqual(try ask(endpoint, ["since", "18446744073709551615"]), ["events", "5", "0"])
        XCTAssertEqual(try ask(endpoint, ["since", "18446744073709551614", "3"]), ["events", "5", "0"])
        // Beyond the head: `last` is the head, not the client's number.
        XCTAssertEqual(try ask(endpoint, ["since", "900"]), ["events", "5", "0"])
        XCTAssertEqual(try ask(endpoint, ["since", "5"]), ["events", "5", "0"])
        XCTAssertEqual(try ask(endpoint, ["since", "4"]), ["events", "5", "0", #"{"seq":5}"#])
        // One past the largest number is not a seq.
        XCTAssertEqual(try ask(endpoint, ["since", "18446744073709551616"]).first, "error")
    }

    func testADamagedRecordIsAnErrorNamingItsSeqNotAShortAnswer() throws {
        let eventsDirectory = directory + "/events"
        let log = try EventLog(directory: eventsDirectory, fsync: .never, retention: .unlimited)
        defer { log.close() }
        try fill(log, 1...40)
        // Damage record 21 while the log is open (a disk going bad under a running daemon).
        let segment = eventsDirectory + "/events-000000000001.log"
        let data = try Data(contentsOf: URL(fileURLWithPath: segment))
        let marker = Data(#"{"seq":21}"#.utf8)
        let at = try XCTUnwrap(data.range(of: marker)).lowerBound + 3
        let fd = open(segment, O_RDWR)
        XCTAssertGreaterThanOrEqual(fd, 0)
        var byte: UInt8 = 0x5A
        XCTAssertEqual(pwrite(fd, &byte, 1, off_t(at)), 1)
        close(fd)
        let (server, endpoint) = try server(log)
        defer { server.stop() }

        // What is before the damage, with more=1; then an error naming seq 21.
        let first = try ask(endpoint, ["since", "0", "100"])
        XCTAssertEqual(Array(first.prefix(3)), ["events", "20", "1"])
        XCTAssertEqual(first.count, 3 + 20)
        let second = try ask(endpoint, ["since", "20", "100"])
        XCTAssertEqual(second.first, "error", "\(second)")
        XCTAssertTrue(second.last?.contains("seq 21") ?? false, "\(second)")
        XCTAssertEqual(try ask(endpoint, ["since", "7", "100"]).prefix(3), ["events", "20", "1"])
        // Beyond the damaged part, the log still answers.
        XCTAssertEqual(try ask(endpoint, ["since", "35", "100"]), ["events", "40", "0"] + (36...40).map { #"{"seq":\#($0)}"# })
    }

    func testALostRangeIsAnErrorNamingIt() throws {
        let eventsDirectory = directory + "/events"
        var log = try EventLog(directory: eventsDirectory, fsync: .always, retention: .unlimited)
        try fill(log, 1...10)
        log.close()
        // The journal says 15 were written: 11-15 are lost, and seq goes on at 16.
        log = try EventLog(directory: eventsDirectory, fsync: .always, retention: .unlimited, syncedThrough: 15)
        defer { log.close() }
        XCTAssertEqual(log.lostRanges, [11...15])
        XCTAssertEqual(try log.append([PendingEvent(id: "evt_new") { seq in #"{"seq":\#(seq)}"# }]).map(\.seq), [16])
        let (server, endpoint) = try server(log)
        defer { server.stop() }

        XCTAssertEqual(try ask(endpoint, ["since", "8"]), ["events", "10", "1", #"{"seq":9}"#, #"{"seq":10}"#])
        let lost = try ask(endpoint, ["since", "10"])
        XCTAssertEqual(lost.first, "error")
        XCTAssertTrue(lost.last?.contains("seqs 11-15 were lost") ?? false, "\(lost)")
        XCTAssertEqual(try ask(endpoint, ["since", "12"]).first, "error")
        XCTAssertEqual(try ask(endpoint, ["since", "15"]), ["events", "16", "0", #"{"seq":16}"#])
    }
}
