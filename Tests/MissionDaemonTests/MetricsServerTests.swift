import Foundation
import Glibc
import Synchronization
import XCTest
@testable import MissionDaemon

/// The metrics server answered over real loopback sockets, the figures through swift-metrics.
final class MetricsServerTests: XCTestCase {
    private let readyFlag = ReadyFlag()

    private func startServer(_ metrics: DaemonMetrics) throws -> MetricsServer {
        let ready = readyFlag
        let server = try MetricsServer(port: 0, metrics: { metrics.exposition() }, ready: { ready.value })
        addTeardownBlock { server.stop() }
        XCTAssertNotEqual(server.port, 0)
        return server
    }

    private func scrape(_ server: MetricsServer) throws -> [PrometheusSample] {
        let response = try HTTPGet.get(server.url, path: "/metrics")
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.headers["content-type"], "text/plain; version=0.0.4; charset=utf-8")
        XCTAssertEqual(response.headers["connection"], "close")
        return PrometheusText.parse(response.text)
    }

    private func value(_ samples: [PrometheusSample], _ name: String, _ labels: [String: String] = [:]) -> Double? {
        PrometheusText.value(name, labels, in: samples)
    }

    func testCountersMoveWithTrafficAndShowInARealScrape() throws {
        let metrics = DaemonMetrics()
        let server = try startServer(metrics)

        let before = try scrape(server)
        for intake in ["dir", "socket"] {
            for kind in ["received", "accepted", "duplicate", "rejected"] {
                XCTAssertEqual(value(before, "missiond_articles_\(kind)_total", ["intake": intake]), 0, "\(kind) \(intake)")
            }
        }
        for stage in DaemonMetrics.stages {
            XCTAssertEqual(value(before, "missiond_stage_seconds_count", ["stage": stage]), 0, stage)
        }
        XCTAssertNil(value(before, "missiond_events_total"))

        for _ in 0..<3 { metrics.articleReceived(.socket) }
        metrics.articleAccepted(.socket)
        metrics.articleAccepted(.socket)
        metrics.articleDuplicate(.socket)
        metrics.articleReceived(.dir)
        metrics.articleRejected(.dir)
        metrics.eventsPublished(type: "shipment", count: 2)
        metrics.eventsPublished(type: "shipment")
        metrics.eventsPublished(type: "delivery")
        metrics.recordStage("decode", duration: .milliseconds(3))
        let result = metrics.timeStage("journal") { () -> Int in usleep(2_000); return 7 }
        XCTAssertEqual(result, 7)
        metrics.setInFlight(4)
        metrics.setQueueDepth(2, stage: "entities")
        metrics.pubOverflowed(count: 5)
        metrics.setLastSeq(1234)
        metrics.setJournalBytes(4096)
        metrics.setEventLogBytes(1 << 20)

        let after = try scrape(server)
        XCTAssertEqual(value(after, "missiond_articles_received_total", ["intake": "socket"]), 3)
        XCTAssertEqual(value(after, "missiond_articles_accepted_total", ["intake": "socket"]), 2)
        XCTAssertEqual(value(after, "missiond_articles_duplicate_total", ["intake": "socket"]), 1)
        XCTAssertEqual(value(after, "missiond_articles_rejected_total", ["intake": "socket"]), 0)
        XCTAssertEqual(value(after, "missiond_articles_received_total", ["intake": "dir"]), 1)
        XCTAssertEqual(value(after, "missiond_articles_rejected_total", ["intake": "dir"]), 1)
        XCTAssertEqual(value(after, "missiond_events_total", ["type": "shipment"]), 3)
        XCTAssertEqual(value(after, "missiond_events_total", ["type": "delivery"]), 1)
        XCTAssertEqual(value(after, "missiond_in_flight"), 4)
        XCTAssertEqual(value(after, "missiond_queue_depth", ["stage": "entities"]), 2)
        XCTAssertEqual(value(after, "missiond_pub_overflows_total"), 5)
        XCTAssertEqual(value(after, "missiond_last_seq"), 1234)
        XCTAssertEqual(value(after, "missiond_journal_bytes"), 4096)
        XCTAssertEqual(value(after, "missiond_event_log_bytes"), 1_048_576)

        // The 3 ms decode lands in the (2.5 ms, 5 ms] bucket; the histogram is cumulative.
        XCTAssertEqual(value(after, "missiond_stage_seconds_count", ["stage": "decode"]), 1)
        XCTAssertEqual(try XCTUnwrap(value(after, "missiond_stage_seconds_sum", ["stage": "decode"])), 0.003, accuracy: 1e-9)
        XCTAssertEqual(value(after, "missiond_stage_seconds_bucket", ["stage": "decode", "le": "0.0025"]), 0)
        XCTAssertEqual(value(after, "missiond_stage_seconds_bucket", ["stage": "decode", "le": "0.005"]), 1)
        XCTAssertEqual(value(after, "missiond_stage_seconds_bucket", ["stage": "decode", "le": "+Inf"]), 1)
        XCTAssertEqual(value(after, "missiond_stage_seconds_count", ["stage": "journal"]), 1)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(value(after, "missiond_stage_seconds_sum", ["stage": "journal"])), 0.002)
        XCTAssertEqual(value(after, "missiond_stage_seconds_count", ["stage": "metadata"]), 0)
    }

    func testExpositionIsWellFormedAndSorted() throws {
        let metrics = DaemonMetrics()
        metrics.eventsPublished(type: "a \"quoted\" type")
        let text = metrics.exposition()
        let families = text.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] }
        XCTAssertEqual(families, families.sorted())
        XCTAssertEqual(Set(families), [
            "missiond_articles_accepted_total", "missiond_articles_duplicate_total", "missiond_articles_received_total",
            "missiond_articles_rejected_total", "missiond_event_log_bytes", "missiond_events_total", "missiond_in_flight",
            "missiond_inbox_retry_pending", "missiond_journal_bytes", "missiond_last_seq", "missiond_pub_overflows_total",
            "missiond_publish_retry_pending", "missiond_replay_damaged_reads", "missiond_stage_seconds",
            "missiond_storage_damage_total",
        ])
        XCTAssertTrue(text.contains("# TYPE missiond_stage_seconds histogram\n"))
        XCTAssertTrue(text.contains("# TYPE missiond_articles_received_total counter\n"))
        XCTAssertTrue(text.contains("# TYPE missiond_in_flight gauge\n"))
        XCTAssertTrue(text.hasSuffix("\n"))
        // A label value is escaped on the way out and read back intact.
        XCTAssertEqual(PrometheusText.value("missiond_events_total", ["type": "a \"quoted\" type"], in: PrometheusText.parse(text)), 1)
    }

    func testInstancesDoNotShareFigures() throws {
        // No global MetricsSystem.bootstrap: two daemons (or tests) in one process stay apart.
        let first = DaemonMetrics(), second = DaemonMetrics()
        first.articleReceived(.socket)
        let samples = PrometheusText.parse(second.exposition())
        XCTAssertEqual(PrometheusText.value("missiond_articles_received_total", ["intake": "socket"], in: samples), 0)
    }

    func testScrapeHookSamplesFiguresAtScrapeTime() throws {
        let metrics = DaemonMetrics()
        let size = Atomic<Int>(10)
        metrics.setScrapeHook { metrics in metrics.setJournalBytes(size.load(ordering: .relaxed)) }
        let server = try startServer(metrics)
        XCTAssertEqual(value(try scrape(server), "missiond_journal_bytes"), 10)
        size.store(99, ordering: .relaxed)
        XCTAssertEqual(value(try scrape(server), "missiond_journal_bytes"), 99)
    }

    func testHealthIsAlwaysOkAndReadyFlips() throws {
        let server = try startServer(DaemonMetrics())
        let health = try HTTPGet.get(server.url, path: "/health")
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(health.text, "ok\n")

        let notReady = try HTTPGet.get(server.url, path: "/ready")
        XCTAssertEqual(notReady.status, 503)
        XCTAssertEqual(notReady.text, "not ready\n")

        readyFlag.value = true
        let ready = try HTTPGet.get(server.url, path: "/ready?verbose=1")
        XCTAssertEqual(ready.status, 200)
        XCTAssertEqual(ready.text, "ready\n")

        readyFlag.value = false
        XCTAssertEqual(try HTTPGet.get(server.url, path: "/ready").status, 503)
    }

    func testUnknownPathsMethodsAndMalformedRequests() throws {
        let server = try startServer(DaemonMetrics())
        XCTAssertEqual(try HTTPGet.get(server.url, path: "/").status, 404)
        XCTAssertEqual(try HTTPGet.get(server.url, path: "/metrics/extra").status, 404)

        let post = try raw(server, "POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.headers["allow"], "GET, HEAD")

        let head = try raw(server, "HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)
        XCTAssertGreaterThan(Int(head.headers["content-length"] ?? "") ?? 0, 0)

        XCTAssertEqual(try raw(server, "hello\r\n\r\n").status, 400)
        XCTAssertEqual(try raw(server, "GET /metrics SPDY/3\r\n\r\n").status, 505)
        // A bare-LF request (as `printf … | nc` sends) is served.
        XCTAssertEqual(try raw(server, "GET /health HTTP/1.0\n\n").status, 200)

        let huge = "GET /metrics HTTP/1.1\r\n" + String(repeating: "X-Filler: \(String(repeating: "y", count: 100))\r\n", count: 100)
        XCTAssertEqual(try raw(server, huge).status, 431)
    }

    func testSilentClientIsDroppedAfterTheTimeoutAndOthersAreServed() throws {
        let server = try startServer(DaemonMetrics())
        // A client that connects and says nothing holds the thread only until the request timeout.
        let silent = try connectRaw(port: server.port)
        defer { close(silent) }
        let start = ContinuousClock.now
        XCTAssertEqual(try HTTPGet.get(server.url, path: "/health", timeout: .seconds(10)).status, 200)
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
        // The silent client was answered 408 and closed.
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(silent, &buffer, buffer.count, 0)
        XCTAssertGreaterThan(count, 0)
        XCTAssertTrue(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).hasPrefix("HTTP/1.1 408 "))
    }

    func testNonLoopbackAddressIsRefusedUnlessAllowed() throws {
        XCTAssertThrowsError(try MetricsServer(host: "0.0.0.0", port: 0, metrics: { "" }, ready: { true })) { error in
            XCTAssertTrue("\(error)".contains("not a loopback address"), "\(error)")
        }
        XCTAssertThrowsError(try MetricsServer(host: "example.org", port: 0, metrics: { "" }, ready: { true }))
        let open = try MetricsServer(host: "0.0.0.0", port: 0, allowNonLoopback: true, metrics: { "" }, ready: { true })
        defer { open.stop() }
        XCTAssertEqual(try HTTPGet.get("http://127.0.0.1:\(open.port)/health").status, 200)

        let named = try MetricsServer(host: "localhost", port: 0, metrics: { "" }, ready: { true })
        defer { named.stop() }
        XCTAssertEqual(try HTTPGet.get(named.url, path: "/health").status, 200)
    }

    func testIPv6Loopback() throws {
        let server: MetricsServer
        do {
            server = try MetricsServer(host: "::1", port: 0, metrics: { "x 1\n" }, ready: { true })
        } catch {
            throw XCTSkip("no IPv6 loopback here: \(error)")
        }
        defer { server.stop() }
        XCTAssertEqual(server.url, "http://[::1]:\(server.port)")
        XCTAssertEqual(try HTTPGet.get(server.url, path: "/metrics").text, "x 1\n")
    }

    func testStopClosesThePort() throws {
        let server = try startServer(DaemonMetrics())
        let url = server.url
        XCTAssertEqual(try HTTPGet.get(url, path: "/health").status, 200)
        server.stop()
        server.stop()
        XCTAssertThrowsError(try HTTPGet.get(url, path: "/health", timeout: .seconds(2))) { error in
            XCTAssertTrue("\(error)".contains("refused"), "\(error)")
        }
    }

    func testURLParsing() throws {
        XCTAssertEqual(try HTTPGet.parse("http://127.0.0.1:9560"), .init(host: "127.0.0.1", port: 9560, path: "/"))
        XCTAssertEqual(try HTTPGet.parse("127.0.0.1:9560/metrics"), .init(host: "127.0.0.1", port: 9560, path: "/metrics"))
        XCTAssertEqual(try HTTPGet.parse("http://[::1]:80/x?y"), .init(host: "::1", port: 80, path: "/x?y"))
        XCTAssertEqual(try HTTPGet.parse("http://localhost"), .init(host: "localhost", port: 80, path: "/"))
        XCTAssertThrowsError(try HTTPGet.parse("https://127.0.0.1:1"))
        XCTAssertThrowsError(try HTTPGet.parse("http://127.0.0.1:port"))
        XCTAssertTrue(try MetricsServer.listenAddress("127.0.0.1:9560") == ("127.0.0.1", 9560))
        XCTAssertTrue(try MetricsServer.listenAddress("[::1]:0") == ("::1", 0))
        XCTAssertThrowsError(try MetricsServer.listenAddress("127.0.0.1"))
        XCTAssertThrowsError(try MetricsServer.listenAddress("127.0.0.1:9560/metrics"))
    }

    // MARK: Raw sockets

    private func raw(_ server: MetricsServer, _ request: String) throws -> HTTPResponse {
        let bytes = try HTTPGet.exchange(host: "127.0.0.1", port: server.port, request: Array(request.utf8))
        return try HTTPGet.parseResponse(bytes, from: "test", hasBody: !request.hasPrefix("HEAD "))
    }

    private func connectRaw(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(rc, 0)
        return fd
    }
}

/// What the readiness closure reads, set by the test.
private final class ReadyFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var value: Bool {
        get { flag.load(ordering: .relaxed) }
        set { flag.store(newValue, ordering: .relaxed) }
    }
}
