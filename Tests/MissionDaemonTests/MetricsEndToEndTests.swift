import Foundation
import XCTest
import ZMQ
@testable import MissionDaemon

/// The real daemon's /metrics, /health and /ready, and `missiond status` reading them.
final class MetricsEndToEndTests: XCTestCase {
    private func scrape(_ url: String) throws -> [PrometheusSample] {
        let response = try HTTPGet.get(url, path: "/metrics")
        XCTAssertEqual(response.status, 200)
        return PrometheusText.parse(response.text)
    }

    private func value(_ samples: [PrometheusSample], _ name: String, _ labels: [String: String] = [:]) -> Double {
        PrometheusText.value(name, labels, in: samples) ?? -1
    }

    func testFiguresMoveWithTheTrafficAndStatusPrintsThem() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let url = try daemon.metricsURL()
        XCTAssertEqual(try HTTPGet.get(url, path: "/health").status, 200)
        XCTAssertEqual(try HTTPGet.get(url, path: "/ready").status, 200)
        let subscriber = try Subscriber(daemon: daemon)
        let before = try scrape(url)
        XCTAssertEqual(value(before, "missiond_articles_received_total", ["intake": "socket"]), 0)
        XCTAssertEqual(value(before, "missiond_last_seq"), 0)

        let base = try seedArticle(richSeed)
        for index in 0..<3 {
            let reply = try daemon.request(daemon.intake, [Array("metered-\(index)".utf8), base + Array("\nCopy \(index).\n".utf8)])
            XCTAssertEqual(reply.first.map { String(decoding: $0, as: UTF8.self) }, "ok")
        }
        var published = 0
        for index in 0..<3 {
            published += try XCTUnwrap(try subscriber.done("metered-\(index)"))["new_events"] as? Int ?? 0
        }
        _ = try daemon.request(daemon.intake, ["metered-again", String(decoding: base, as: UTF8.self) + "\nCopy 0.\n"])
        _ = try daemon.request(daemon.intake, ["metered-bad", "\u{0}\u{1}binary"])

        let after = try scrape(url)
        XCTAssertEqual(value(after, "missiond_articles_received_total", ["intake": "socket"]), 5)
        XCTAssertEqual(value(after, "missiond_articles_accepted_total", ["intake": "socket"]), 3)
        XCTAssertEqual(value(after, "missiond_articles_duplicate_total", ["intake": "socket"]), 1)
        XCTAssertEqual(value(after, "missiond_articles_rejected_total", ["intake": "socket"]), 1)
        XCTAssertEqual(value(after, "missiond_articles_received_total", ["intake": "dir"]), 0)
        let events = after.filter { $0.name == "missiond_events_total" }.reduce(0) { $0 + $1.value }
        XCTAssertGreaterThan(published, 0)
        XCTAssertEqual(events, Double(published))
        XCTAssertEqual(value(after, "missiond_last_seq"), Double(published))
        for stage in ["decode", "metadata", "sentences", "entities", "events", "journal"] {
            XCTAssertGreaterThanOrEqual(value(after, "missiond_stage_seconds_count", ["stage": stage]), 3, stage)
        }
        XCTAssertGreaterThanOrEqual(value(after, "missiond_stage_seconds_count", ["stage": "publish"]), 1)
        XCTAssertGreaterThan(value(after, "missiond_journal_bytes"), value(before, "missiond_journal_bytes"))
        XCTAssertGreaterThan(value(after, "missiond_event_log_bytes"), 0)
        // The reply goes out just before the slot is freed: in flight drops to 0 right after.
        XCTAssertTrue(try eventually { value(try scrape(url), "missiond_in_flight") == 0 }, "in flight never back to 0")
        XCTAssertEqual(value(after, "missiond_queue_depth", ["stage": "entities"]), 0)
        XCTAssertEqual(value(after, "missiond_pub_overflows_total"), 0)
        XCTAssertEqual(PrometheusText.value("missiond_pub_dropped_total", [:], in: after), nil, "drops are unknown, not 0")

        let status = Process()
        status.executableURL = try missiondExecutable()
        status.arguments = ["status", "--metrics", url]
        let output = Pipe()
        status.standardOutput = output
        try status.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        status.waitUntilExit()
        XCTAssertEqual(status.terminationStatus, 0, text)
        XCTAssertTrue(text.hasPrefix("missiond at \(url): ready"), text)
        XCTAssertTrue(text.contains("  socket              5          3          1          1"), text)
        XCTAssertTrue(text.contains("last seq    \(published)"), text)
        XCTAssertEqual(daemon.terminate(), 0)
    }
}
