import Foundation
import XCTest

/// Inbox files are stored in done/ and quarantine/ under generated names, with the
/// original name beside them: any name the file system allows is processed.
final class InboxNameTests: XCTestCase {
    /// Creates `bytes` in `directory` under a name given as raw bytes (not necessarily UTF-8).
    private func write(_ bytes: [UInt8], in directory: URL, name: [UInt8]) throws {
        let path = Array(directory.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o600) } }
        guard fd >= 0 else { throw DaemonTestError("open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        XCTAssertEqual(bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }, bytes.count)
    }

    func testANameThatIsNotUTF8IsProcessedAndLoggedEscaped() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        try write(try seedArticle(richSeed), in: daemon.inbox, name: Array("bad-".utf8) + [0xff, 0xfe] + Array(".txt".utf8))

        let done = try subscriber.done("bad-\u{fffd}\u{fffd}.txt")
        XCTAssertNotNil(done, "not processed; published: \(subscriber.received.map(\.topic))")
        XCTAssertTrue(eventually { daemon.inboxFiles().isEmpty }, "still in the inbox: \(daemon.inboxFiles())")
        XCTAssertTrue(daemon.waitForLog(#"file=bad-\xff\xfe.txt"#), daemon.log())
        XCTAssertEqual(daemon.storedNames("done"), [#"bad-\xff\xfe.txt"#], "the exact name, escaped")
    }

    func testA255ByteNameIsQuarantinedWithItsReason() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let name = String(repeating: "n", count: 251) + ".txt"
        XCTAssertEqual(name.utf8.count, 255)
        // Empty: refused by the decode stage.
        try Data().write(to: daemon.inbox.appendingPathComponent(name))

        let rejected = try XCTUnwrap(try subscriber.rejected(name), "no article.rejected")
        let reason = try XCTUnwrap(rejected["reason"] as? String)
        let path = try XCTUnwrap(rejected["quarantine"] as? String, "not quarantined: \(rejected)")
        XCTAssertEqual(try String(contentsOfFile: path + ".reason", encoding: .utf8), reason + "\n")
        XCTAssertEqual(try String(contentsOfFile: path + ".name", encoding: .utf8), name + "\n")
        XCTAssertLessThan(URL(fileURLWithPath: path).lastPathComponent.utf8.count, 40, "a short generated name")
        XCTAssertEqual(daemon.inboxFiles(), [])
        XCTAssertFalse(daemon.log().contains("cannot quarantine"), daemon.log())
    }

    /// The same name again and again: each copy gets its own generated name, not
    /// `same.txt.1`, `same.txt.2`, … found by trying them one by one.
    func testTheSameNameDroppedAgainAndAgainGetsGeneratedNames() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let copies = 20
        for index in 0..<copies {
            let text = Array("Bulletin \(index)\n\n".utf8) + (try seedArticle(richSeed))
            try Data(text).write(to: daemon.inbox.appendingPathComponent("same.txt"))
            XCTAssertTrue(eventually { daemon.storedNames("done").count == index + 1 }, "copy \(index): \(daemon.stateFiles("done"))")
        }
        XCTAssertEqual(daemon.storedNames("done"), Array(repeating: "same.txt", count: copies))
        let stored = daemon.stateFiles("done").filter { !$0.hasSuffix(".name") }
        XCTAssertEqual(stored.count, copies)
        XCTAssertFalse(stored.contains { $0.hasPrefix("same.txt") }, "\(stored)")
    }
}
