import Synchronization
import XCTest
@testable import MissionDaemon

final class StatusReportTests: XCTestCase {
    func testRendersTheMainFiguresOfAScrape() throws {
        let metrics = DaemonMetrics()
        for _ in 0..<3 { metrics.articleReceived(.socket) }
        metrics.articleAccepted(.socket)
        metrics.articleAccepted(.socket)
        metrics.articleDuplicate(.socket)
        metrics.articleReceived(.dir)
        metrics.articleRejected(.dir)
        metrics.eventsPublished(type: "shipment", count: 5)
        metrics.eventsPublished(type: "delivery", count: 2)
        metrics.setInFlight(1)
        metrics.setQueueDepth(3, stage: "entities")
        metrics.setLastSeq(42)
        metrics.pubOverflowed(count: 2)
        metrics.setJournalBytes(3 * 1024 * 1024 / 2)
        metrics.setEventLogBytes(512)
        for _ in 0..<10 { metrics.recordStage("decode", duration: .milliseconds(3)) }

        let report = StatusReport(source: "http://127.0.0.1:9560", ready: true,
                                  samples: PrometheusText.parse(metrics.exposition()))
        let lines = report.render().split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "missiond at http://127.0.0.1:9560: ready")
        XCTAssertTrue(lines.contains("  socket              3          2          1          0"), "\(lines)")
        XCTAssertTrue(lines.contains("  dir                 1          0          0          1"), "\(lines)")
        XCTAssertTrue(lines.contains("events      7 (shipment 5, delivery 2)"), "\(lines)")
        XCTAssertTrue(lines.contains("in flight   1"), "\(lines)")
        XCTAssertTrue(lines.contains("queues      entities 3"), "\(lines)")
        XCTAssertTrue(lines.contains("last seq    42"), "\(lines)")
        XCTAssertTrue(lines.contains("PUB drops   unknown, 2 subscriber overflows"), "\(lines)")
        XCTAssertTrue(lines.contains("journal     1.5 MiB"), "\(lines)")
        XCTAssertTrue(lines.contains("event log   512 B"), "\(lines)")
        // Ten observations in (2.5 ms, 5 ms]: the estimates interpolate inside that bucket.
        XCTAssertTrue(lines.contains("  decode            10   3.00 ms   3.75 ms   4.98 ms"), "\(lines)")
        XCTAssertTrue(lines.contains("  metadata           0         -         -         -"), "\(lines)")
        let stageLines = lines.drop { !$0.hasPrefix("stage") }.dropFirst().map { $0.split(separator: " ")[0] }
        XCTAssertEqual(stageLines, DaemonMetrics.stages.map { Substring($0) })
    }

    func testQuantileFollowsPrometheusInterpolation() {
        let buckets: [(bound: Double, count: Double)] = [(0.001, 0), (0.005, 10), (0.01, 20), (.infinity, 20)]
        XCTAssertEqual(StatusReport.quantile(0.5, buckets)!, 0.005, accuracy: 1e-12)
        XCTAssertEqual(StatusReport.quantile(0.25, buckets)!, 0.003, accuracy: 1e-12)
        XCTAssertEqual(StatusReport.quantile(0.75, buckets)!, 0.0075, accuracy: 1e-12)
        XCTAssertNil(StatusReport.quantile(0.5, [(0.001, 0), (.infinity, 0)]))
        // Beyond the last finite bucket nothing better than that bound is known.
        XCTAssertEqual(StatusReport.quantile(0.99, [(0.001, 1), (.infinity, 10)]), 0.001)
    }

    func testFetchReadsARunningServer() throws {
        let metrics = DaemonMetrics()
        metrics.articleReceived(.dir)
        let ready = Atomic<Bool>(false)
        let server = try MetricsServer(port: 0, metrics: { metrics.exposition() }, ready: { ready.load(ordering: .relaxed) })
        defer { server.stop() }

        let before = try StatusReport.fetch(from: server.url)
        XCTAssertEqual(before.ready, false)
        XCTAssertTrue(before.render().hasPrefix("missiond at \(server.url): NOT READY\n"))
        XCTAssertEqual(PrometheusText.value("missiond_articles_received_total", ["intake": "dir"], in: before.samples), 1)

        ready.store(true, ordering: .relaxed)
        metrics.articleReceived(.dir)
        let after = try StatusReport.fetch(from: server.url)
        XCTAssertEqual(after.ready, true)
        XCTAssertEqual(PrometheusText.value("missiond_articles_received_total", ["intake": "dir"], in: after.samples), 2)
    }

    func testParserReadsLabelsEscapesAndSpecialValues() {
        let samples = PrometheusText.parse("""
            # HELP x something
            # TYPE x counter
            x 3
            y{a="1",b="q\\"uote\\\\d\\nline"} 2.5 1700000000
            z_bucket{le="+Inf"} +Inf
            broken{a="1" 4
            """)
        XCTAssertEqual(samples.count, 3)
        XCTAssertEqual(samples[0], PrometheusSample(name: "x", labels: [:], value: 3))
        XCTAssertEqual(samples[1].labels, ["a": "1", "b": "q\"uote\\d\nline"])
        XCTAssertEqual(samples[1].value, 2.5)
        XCTAssertEqual(samples[2].value, .infinity)
    }
}
