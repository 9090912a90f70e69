import Foundation
import MissionStore
import XCTest
@testable import MissionDaemon

final class ConfigTests: XCTestCase {
    func testShippedConfigParsesToTheDefaultsWithRulesBesideIt() throws {
        let path = repositoryRoot.appendingPathComponent("Config/missiond.yml").path
        let config = try DaemonConfig.load(path: path)
        var expected = DaemonConfig()
        expected.rules = repositoryRoot.appendingPathComponent("Config/rules").standardizedFileURL.path
        XCTAssertEqual(config, expected, "the shipped file documents the defaults; they must agree")
    }

    func testEmptyConfigIsAllDefaults() throws {
        XCTAssertEqual(try DaemonConfig.parse(yaml: ""), DaemonConfig())
        XCTAssertEqual(try DaemonConfig.parse(yaml: "# nothing but a comment\n"), DaemonConfig())
    }

    func testEveryKeyIsRead() throws {
        let config = try DaemonConfig.parse(yaml: """
            inbox: /in
            state: /st
            rules: /ru
            intake: ipc:///tmp/a
            publish: ipc:///tmp/b
            replay: ipc:///tmp/c
            max_article_bytes: 1000
            max_in_flight: 3
            pub_send_hwm: 10
            fsync: group:5
            event_log_max_bytes: 2048
            event_log_max_age_seconds: 60
            stats_interval_seconds: 0.5
            log_level: debug
            """)
        XCTAssertEqual(config.inbox, "/in")
        XCTAssertEqual(config.state, "/st")
        XCTAssertEqual(config.rules, "/ru")
        XCTAssertEqual([config.intake, config.publish, config.replay], ["ipc:///tmp/a", "ipc:///tmp/b", "ipc:///tmp/c"])
        XCTAssertEqual(config.maxArticleBytes, 1000)
        XCTAssertEqual(config.maxInFlight, 3)
        XCTAssertEqual(config.pubSendHWM, 10)
        XCTAssertEqual(config.fsync, .groupCommit(milliseconds: 5))
        XCTAssertEqual(config.retention, Retention(maxBytes: 2048, maxAgeSeconds: 60))
        XCTAssertEqual(config.statsIntervalSeconds, 0.5)
        XCTAssertEqual(config.logLevel, "debug")
    }

    func testRelativePathsAreRelativeToTheConfigFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("m.yml")
        try "inbox: in\nstate: ../st\nrules: /abs/rules\n".write(to: file, atomically: true, encoding: .utf8)
        let config = try DaemonConfig.load(path: file.path)
        XCTAssertEqual(config.inbox, directory.appendingPathComponent("in").path)
        XCTAssertEqual(config.state, directory.deletingLastPathComponent().appendingPathComponent("st").path)
        XCTAssertEqual(config.rules, "/abs/rules")
    }

    func testMistakesAreNamed() {
        let cases: [(String, String)] = [
            ("inbx: /x", "inbx"),
            ("fsync: sometimes", "fsync"),
            ("max_in_flight: 0", "max_in_flight"),
            ("max_in_flight: lots", "max_in_flight"),
            ("log_level: loud", "log_level"),
            ("publish: localhost:5561", "publish"),
        ]
        for (yaml, word) in cases {
            XCTAssertThrowsError(try DaemonConfig.parse(yaml: yaml), yaml) { error in
                XCTAssertTrue("\(error)".contains(word), "\(yaml): \(error)")
            }
        }
    }
}
