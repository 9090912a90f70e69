import ArgumentParser
import Foundation
import Synchronization
import XCTest
import ZMQ
@testable import MissionDaemon
@testable import missiond

final class OpsCommandTests: XCTestCase {
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("opscmd-\(UUID().uuidString.prefix(8))")
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testKeygenWritesAUsablePairAndRefusesToOverwrite() throws {
        let dir = try temporaryDirectory().appendingPathComponent("keys")
        try KeygenCommand.parse(["--output", dir.path, "--name", "client"]).run()
        let secretPath = dir.appendingPathComponent("client.key").path
        let publicPath = dir.appendingPathComponent("client.pub").path
        let pair = try ZMQCurveKeyFile.readKeyPair(path: secretPath)
        XCTAssertEqual(try ZMQCurveKeyFile.readPublicKey(path: publicPath), pair.publicKey)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: secretPath)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
        let dirMode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: dir.path)[.posixPermissions] as? Int)
        XCTAssertEqual(dirMode & 0o077, 0)

        XCTAssertThrowsError(try KeygenCommand.parse(["--output", dir.path, "--name", "client"]).run()) { error in
            XCTAssertTrue("\(error)".contains("--force"), "\(error)")
        }
        XCTAssertEqual(try ZMQCurveKeyFile.readKeyPair(path: secretPath), pair)
        try KeygenCommand.parse(["--output", dir.path, "--name", "client", "--force"]).run()
        XCTAssertNotEqual(try ZMQCurveKeyFile.readKeyPair(path: secretPath), pair)
        XCTAssertThrowsError(try KeygenCommand.parse(["--name", "../escape"]))
    }

    func testStatusSucceedsOnlyWhenTheDaemonIsReady() throws {
        let metrics = DaemonMetrics()
        let ready = Atomic<Bool>(false)
        let server = try MetricsServer(port: 0, metrics: { metrics.exposition() }, ready: { ready.load(ordering: .relaxed) })
        defer { server.stop() }

        XCTAssertThrowsError(try StatusCommand.parse(["--metrics", server.url]).run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, ExitCode.failure.rawValue)
        }
        ready.store(true, ordering: .relaxed)
        try StatusCommand.parse(["--metrics", server.url, "--timeout", "2"]).run()

        let port = server.port
        server.stop()
        XCTAssertThrowsError(try StatusCommand.parse(["--metrics", "http://127.0.0.1:\(port)"]).run()) { error in
            XCTAssertTrue("\(error)".contains("is missiond running"), "\(error)")
        }
        XCTAssertThrowsError(try StatusCommand.parse(["--metrics", "https://127.0.0.1:1"]))
    }
}
