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
            metrics: "[::1]:9999"
            curve:
              secret_key_file: keys/server.key
              allowed_clients_dir: keys/clients
              allowed_client_keys: ["rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"]
            allow_insecure_non_loopback: true
            quarantine_max_bytes: 4096
            inbox_settle_seconds: 0.5
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
        XCTAssertEqual(config.metrics, "[::1]:9999")
        XCTAssertEqual(config.curve, CurveSettings(secretKeyFile: "keys/server.key", allowedClientsDirectory: "keys/clients",
                                                   allowedClientKeys: ["rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7"]))
        XCTAssertTrue(config.allowInsecureNonLoopback)
        XCTAssertEqual(config.quarantineMaxBytes, 4096)
        XCTAssertEqual(config.inboxSettleSeconds, 0.5)
        XCTAssertThrowsError(try DaemonConfig.parse(yaml: "inbox_settle_seconds: -1"))
        for off in ["metrics: off", "metrics:", "metrics: \"\""] {
            XCTAssertNil(try DaemonConfig.parse(yaml: off).metrics, off)
        }
    }

    func testRelativePathsAreRelativeToTheConfigFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("m.yml")
        try "inbox: in\nstate: ../st\nrules: /abs/rules\ncurve:\n  secret_key_file: server.key\n  allowed_clients_dir: clients\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let config = try DaemonConfig.load(path: file.path)
        XCTAssertEqual(config.curve?.secretKeyFile, directory.appendingPathComponent("server.key").path)
        XCTAssertEqual(config.curve?.allowedClientsDirectory, directory.appendingPathComponent("clients").path)
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
            ("metrics: 9560", "metrics"),
            ("curve:\n  allowed_clients_dir: /x", "secret_key_file"),
            ("curve:\n  secret_key_file: /k\n  allowed_client_keys: [short]", "allowed_client_keys"),
            ("curve:\n  secret_key_file: /k\n  allowed_clients: /x", "allowed_clients"),
            ("quarantine_max_bytes: -1", "quarantine_max_bytes"),
            ("allow_insecure_non_loopback: maybe", "allow_insecure_non_loopback"),
        ]
        for (yaml, word) in cases {
            XCTAssertThrowsError(try DaemonConfig.parse(yaml: yaml), yaml) { error in
                XCTAssertTrue("\(error)".contains(word), "\(yaml): \(error)")
            }
        }
    }
}
