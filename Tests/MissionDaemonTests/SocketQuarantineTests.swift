import Foundation
import XCTest
import ZMQ
@testable import MissionDaemon

/// Socket rejects whose body came with them are kept in quarantine/ beside a .reason,
/// within quarantine_max_bytes; past it the event says the body was not kept.
final class SocketQuarantineTests: XCTestCase {
    func testRefusedBodiesAreKeptWithTheirReason() throws {
        let daemon = try DaemonProcess(self, config: "max_article_bytes: 4096")
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let cases: [(String, [UInt8])] = [
            ("../nul.bin", [0x41, 0, 0x42, 0, 0xff]),            // not text (decode stage)
            ("huge.txt", [UInt8](repeating: 0x61, count: 4097)),  // over the limit (intake)
        ]
        for (name, body) in cases {
            let reply = try daemon.request(daemon.intake, [Array(name.utf8), body]).map { String(decoding: $0, as: UTF8.self) }
            XCTAssertEqual(reply.first, "error", "\(name): \(reply)")
            let rejected = try XCTUnwrap(try subscriber.rejected(name), name)
            let path = try XCTUnwrap(rejected["quarantine"] as? String, "\(name): \(rejected)")
            XCTAssertTrue(path.hasPrefix(daemon.state.appendingPathComponent("quarantine").path + "/"), path)
            XCTAssertFalse(path.dropFirst(daemon.state.path.count).contains(".."), "the client's name must not lead out: \(path)")
            XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: path))), body)
            XCTAssertEqual(try String(contentsOfFile: path + ".name", encoding: .utf8), name + "\n", "the client's name, recorded")
            let reason = try String(contentsOfFile: path + ".reason", encoding: .utf8)
            XCTAssertEqual(reason.trimmingCharacters(in: .newlines), rejected["reason"] as? String)
            var info = stat()
            XCTAssertEqual(stat(path, &info), 0)
            XCTAssertEqual(info.st_mode & 0o777, 0o600)
        }
        // A message without a body has nothing to keep.
        _ = try daemon.request(daemon.intake, ["lonely"])
        XCTAssertEqual(daemon.stateFiles("quarantine").count, 6, "\(daemon.stateFiles("quarantine"))")
    }

    func testPastTheLimitOnlyTheReasonIsPublished() throws {
        // Counted in disk blocks: the first body's three small files take 12 KiB (3 blocks), the
        // second would take as much again.
        let daemon = try DaemonProcess(self, config: "quarantine_max_bytes: 20000")
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let small: [UInt8] = [0x41, 0, 0x42]
        _ = try daemon.request(daemon.intake, [Array("first.bin".utf8), small])
        XCTAssertNotNil(try XCTUnwrap(try subscriber.rejected("first.bin"))["quarantine"] as? String)

        let large = [UInt8](repeating: 0, count: 200)
        let reply = try daemon.request(daemon.intake, [Array("second.bin".utf8), large]).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(reply.first, "error")
        let rejected = try XCTUnwrap(try subscriber.rejected("second.bin"))
        XCTAssertTrue(rejected["quarantine"] is NSNull, "\(rejected)")
        XCTAssertTrue((rejected["quarantine_skipped"] as? String)?.contains("quarantine_max_bytes") ?? false, "\(rejected)")
        XCTAssertFalse((rejected["reason"] as? String ?? "").isEmpty)
        XCTAssertEqual(daemon.storedNames("quarantine"), ["first.bin"])
        XCTAssertEqual(daemon.stateFiles("quarantine").count, 3, "\(daemon.stateFiles("quarantine"))")
        XCTAssertTrue(daemon.log().contains("second.bin"), "the rejection is still logged")
    }

    func testDirectoriesAreCreatedPrivateAndExistingOnesAreLeftAlone() throws {
        let daemon = try DaemonProcess(self)
        XCTAssertEqual(chmod(daemon.inbox.path, 0o750), 0)
        try daemon.start()
        func mode(_ url: URL) -> mode_t {
            var info = stat()
            return stat(url.path, &info) == 0 ? info.st_mode & 0o777 : 0
        }
        for sub in ["", "journal", "events", "done", "quarantine"] {
            XCTAssertEqual(mode(daemon.state.appendingPathComponent(sub)), 0o700, "state/\(sub)")
        }
        XCTAssertEqual(mode(daemon.inbox), 0o750, "an existing inbox keeps its mode")

        let fresh = daemon.directory.appendingPathComponent("a/b/c")
        let old = umask(0)
        defer { umask(old) }
        try PrivateDirectory.create(fresh.path)
        XCTAssertEqual(mode(daemon.directory.appendingPathComponent("a")), 0o700)
        XCTAssertEqual(mode(fresh), 0o700)
    }
}
