import Foundation
import XCTest
import ZMQ

/// SIGTERM: stop intake, finish what is in flight, exit 0, lose nothing acknowledged.
final class ShutdownTests: XCTestCase {
    func testSIGTERMFinishesEveryAcknowledgedArticleAndExitsZero() throws {
        let daemon = try DaemonProcess(self, config: "max_in_flight: 8")
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let base = try seedArticle(richSeed)

        let dealer = try ZMQSocket(context: daemon.context, type: .dealer)
        try dealer.set(.linger(milliseconds: 0))
        try dealer.connect(daemon.intake)
        let total = 60
        for index in 0..<total {
            try dealer.send([[], Array("burst-\(index)".utf8), base + Array("\n\nCopy \(index).\n".utf8)])
        }
        // Stop while articles are still arriving and in flight.
        var acknowledged: [String: String] = [:]  // name → article id
        var poller = ZMQPoller()
        try poller.add(dealer)
        let deadline = Date().addingTimeInterval(10)
        while acknowledged.count < 5 && Date() < deadline {
            try poller.poll(timeoutMilliseconds: 100)
            while let frames = try dealer.receive(flags: .dontWait) {
                let reply = frames.dropFirst().map { String(decoding: $0, as: UTF8.self) }
                if reply[0] == "ok" { acknowledged[reply[2]] = reply[1] }
            }
        }
        XCTAssertGreaterThanOrEqual(acknowledged.count, 5)
        guard let process = daemon.process else { return XCTFail("not started") }
        kill(process.processIdentifier, SIGTERM)

        // Replies still on their way are acknowledgements too.
        var quietAfterExit = 0
        while quietAfterExit < 3 {
            let ready = try poller.poll(timeoutMilliseconds: 50)
            if !process.isRunning && ready == 0 { quietAfterExit += 1 }
            while let frames = try dealer.receive(flags: .dontWait) {
                let reply = frames.dropFirst().map { String(decoding: $0, as: UTF8.self) }
                if reply[0] == "ok" { acknowledged[reply[2]] = reply[1] }
            }
            if Date() > deadline.addingTimeInterval(30) { break }
        }
        XCTAssertFalse(process.isRunning, "missiond did not exit after SIGTERM")
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(process.terminationReason, .exit)

        // What was still in the pipe: wait until every acknowledged article's article.done is
        // in (at once if they all are; only a lost one makes this wait out the deadline).
        func doneIDs() -> Set<String> {
            Set(subscriber.received.filter { $0.topic == "article.done" }
                .compactMap { ($0.json["article"] as? [String: Any])?["id"] as? String })
        }
        _ = try subscriber.next(timeout: 30) { _ in acknowledged.values.allSatisfy(doneIDs().contains) }
        let done = doneIDs()
        let lost = acknowledged.filter { !done.contains($0.value) }
        XCTAssertTrue(lost.isEmpty, "acknowledged without article.done: \(lost.keys.sorted())")
        XCTAssertLessThanOrEqual(acknowledged.count, total)
        // Bounded: the pipeline never held more than max_in_flight articles.
        let inFlight = subscriber.received.filter { $0.topic == "daemon.stats" }.compactMap { $0.json["in_flight"] as? Int }
        XCTAssertFalse(inFlight.isEmpty)
        XCTAssertLessThanOrEqual(inFlight.max() ?? 0, 8, "in_flight over max_in_flight: \(inFlight)")

        // Messages the daemon never read are still queued in this client; they must not
        // reach the next run.
        dealer.close()

        // The next run has nothing left to recover, and seq goes on from where it stopped.
        let logged = try XCTUnwrap(subscriber.received.filter { $0.topic.hasPrefix("mission.") }.compactMap { $0.json["seq"] as? Int }.max())
        try daemon.start()
        let after = try Subscriber(daemon: daemon)
        let reply = try daemon.request(daemon.intake, ["after-restart", String(decoding: base, as: UTF8.self) + "\nAfter the restart.\n"])
        XCTAssertEqual(reply.first, "ok")
        let next = try XCTUnwrap(try after.done("after-restart"))
        XCTAssertEqual(next["seq_first"] as? Int, logged + 1)
        XCTAssertEqual(after.received.filter { $0.topic == "article.done" }.count, 1, "nothing should have been re-run")
        let stats = try XCTUnwrap(try after.statsAfterEverythingSoFar(), "no daemon.stats after the restart")
        XCTAssertEqual(stats["recovered"] as? Int, 0, "no unfinished article run again at start: \(stats)")
        XCTAssertEqual(daemon.terminate(), 0)
    }
}
