import Foundation
import XCTest
import ZMQ

/// Journal before acknowledging: after a hard kill, every acknowledged article is still
/// processed, and no event is logged twice or skips a seq.
final class CrashRecoveryTests: XCTestCase {
    func testAcknowledgedArticlesSurviveSIGKILL() throws {
        let daemon = try DaemonProcess(self, config: "max_in_flight: 16")
        try daemon.start()
        let base = try seedArticle(richSeed)
        let dealer = try ZMQSocket(context: daemon.context, type: .dealer)
        try dealer.set(.linger(milliseconds: 0))
        try dealer.connect(daemon.intake)
        for index in 0..<200 {
            try dealer.send([[], Array("crash-\(index)".utf8), base + Array("\n\nIssue \(index).\n".utf8)])
        }
        var acknowledged: [String: String] = [:]  // article id → name
        var poller = ZMQPoller()
        try poller.add(dealer)
        let deadline = Date().addingTimeInterval(10)
        while acknowledged.count < 20 && Date() < deadline {
            try poller.poll(timeoutMilliseconds: 100)
            while let frames = try dealer.receive(flags: .dontWait) {
                let reply = frames.dropFirst().map { String(decoding: $0, as: UTF8.self) }
                if reply.first == "ok" { acknowledged[reply[1]] = reply[2] }
            }
        }
        guard let process = daemon.process else { return XCTFail("not started") }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        dealer.close()  // what it still queues must not reach the next run
        XCTAssertGreaterThanOrEqual(acknowledged.count, 20)

        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        // Every acknowledged article ends with its events in the log (logged before the
        // kill, or by the recovery run now).
        let perArticle = try extractedEventCount(base + Array("\n\nIssue 0.\n".utf8), in: daemon.directory)
        XCTAssertGreaterThan(perArticle, 0)
        var events: [[String: Any]] = []
        let complete = try eventually(timeout: 20) {
            events = try daemon.replayAll()
            let ids = Set(events.compactMap { ($0["article"] as? [String: Any])?["id"] as? String })
            return acknowledged.keys.allSatisfy(ids.contains)
        }
        let missing = acknowledged.filter { id, _ in !events.contains { ($0["article"] as? [String: Any])?["id"] as? String == id } }
        XCTAssertTrue(complete, "acknowledged but never processed: \(missing.values.sorted())")
        XCTAssertEqual(events.compactMap { $0["seq"] as? Int }, (0..<events.count).map { $0 + 1 }, "seq must have no gap")
        let ids = events.compactMap { $0["id"] as? String }
        XCTAssertEqual(Set(ids).count, ids.count, "an event was logged twice")
        let byArticle = Dictionary(grouping: events) { ($0["article"] as? [String: Any])?["id"] as? String ?? "" }
        for (id, name) in acknowledged {
            XCTAssertEqual(byArticle[id]?.count, perArticle, "\(name): events \(byArticle[id]?.count ?? 0)")
        }
        _ = subscriber
        XCTAssertEqual(daemon.terminate(), 0)
    }

    /// How many events `missiond extract` finds in `body` (all copies of the seed alike).
    private func extractedEventCount(_ body: [UInt8], in directory: URL) throws -> Int {
        let file = directory.appendingPathComponent("copy.txt")
        try Data(body).write(to: file)
        let process = Process()
        process.executableURL = try missiondExecutable()
        process.arguments = ["extract", "--rules", repositoryRoot.appendingPathComponent("Config/rules").path, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").count
    }
}
