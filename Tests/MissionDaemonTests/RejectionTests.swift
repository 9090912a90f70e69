import Foundation
import XCTest
import ZMQ

/// Bad input gets a reason, is quarantined (files), and the daemon carries on.
final class RejectionTests: XCTestCase {
    func testGarbageFilesAreQuarantinedWithAReasonAndTheDaemonCarriesOn() throws {
        let daemon = try DaemonProcess(self, config: "max_article_bytes: 65536")
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)

        var random = SystemRandomNumberGenerator()
        var garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &random) }
        garbage[10] = 0
        let files: [String: [UInt8]] = [
            "garbage.bin": garbage,
            "empty.txt": [],
            "huge.txt": [UInt8](repeating: UInt8(ascii: "a"), count: 65537),
        ]
        for (name, bytes) in files { try Data(bytes).write(to: daemon.inbox.appendingPathComponent(name)) }
        try FileManager.default.createSymbolicLink(atPath: daemon.inbox.appendingPathComponent("link.txt").path,
                                                   withDestinationPath: repositoryRoot.appendingPathComponent("seeds/\(richSeed)").path)

        for name in files.keys.sorted() + ["link.txt"] {
            let rejected = try XCTUnwrap(try subscriber.rejected(name), "no article.rejected for \(name)")
            let reason = try XCTUnwrap(rejected["reason"] as? String)
            XCTAssertFalse(reason.isEmpty)
            let quarantined = try XCTUnwrap(rejected["quarantine"] as? String, "\(name): no quarantine path")
            XCTAssertTrue(FileManager.default.fileExists(atPath: quarantined + ".reason"), "\(name): no .reason file")
            let written = try String(contentsOfFile: quarantined + ".reason", encoding: .utf8)
            XCTAssertEqual(written.trimmingCharacters(in: .newlines), reason)
        }
        XCTAssertTrue(try XCTUnwrap(try subscriber.rejected("huge.txt"))["reason"].map { "\($0)" }!.contains("limit"))
        XCTAssertTrue(try XCTUnwrap(try subscriber.rejected("link.txt"))["reason"].map { "\($0)" }!.contains("symbolic link"))
        // The link was moved, not followed: the seed it pointed at is untouched.
        var info = stat()
        let link = try XCTUnwrap(try XCTUnwrap(try subscriber.rejected("link.txt"))["quarantine"] as? String)
        XCTAssertEqual(lstat(link, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFLNK)
        XCTAssertEqual(try String(contentsOfFile: link + ".name", encoding: .utf8), "link.txt\n")
        XCTAssertEqual(daemon.inboxFiles(), [])
        XCTAssertEqual(daemon.storedNames("quarantine"), ["empty.txt", "garbage.bin", "huge.txt", "link.txt"])
        XCTAssertEqual(daemon.stateFiles("quarantine").count, 12, "each file with its .reason and .name")

        // Still alive and taking articles.
        try Data(try seedArticle(richSeed)).write(to: daemon.inbox.appendingPathComponent("good.txt"))
        XCTAssertNotNil(try subscriber.done("good.txt"))
    }

    func testMalformedMessagesGetAnErrorReplyAndTheDaemonCarriesOn() throws {
        let daemon = try DaemonProcess(self, config: "max_article_bytes: 65536")
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let cases: [(String, [[UInt8]])] = [
            ("one frame", [Array("lonely".utf8)]),
            ("NUL bytes", [Array("nul.bin".utf8), [0x41, 0, 0x42, 0, 0xff, 0xfe]]),
            ("too large", [Array("huge.txt".utf8), [UInt8](repeating: 0x61, count: 65537)]),
            ("empty body", [Array("empty.txt".utf8), []]),
            ("bad metadata", [Array("meta.txt".utf8), Array("Some text.".utf8), Array("not json".utf8)]),
            ("four frames", [Array("four".utf8), [1], [2], [3]]),
        ]
        for (label, frames) in cases {
            let reply = try daemon.request(daemon.intake, frames).map { String(decoding: $0, as: UTF8.self) }
            XCTAssertEqual(reply.count, 3, "\(label): \(reply)")
            XCTAssertEqual(reply.first, "error", "\(label): \(reply)")
            XCTAssertFalse(reply[1].isEmpty, "\(label): no reason")
        }
        for name in ["nul.bin", "huge.txt", "empty.txt", "meta.txt"] {
            XCTAssertNotNil(try subscriber.rejected(name), "no article.rejected for \(name)")
        }
        let good = try daemon.request(daemon.intake, ["good", String(decoding: try seedArticle(richSeed), as: UTF8.self)])
        XCTAssertEqual(good.first, "ok")
        XCTAssertNotNil(try subscriber.done("good"))
    }
}
