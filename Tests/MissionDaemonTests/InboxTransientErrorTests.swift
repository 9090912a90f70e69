import Foundation
import XCTest

/// A file that cannot be opened for a passing reason (EMFILE: the daemon is out of file
/// descriptors) stays in the inbox, is tried again, and is processed once descriptors are
/// free again: it is never quarantined.
final class InboxTransientErrorTests: XCTestCase {
    func testOutOfFileDescriptorsAFileWaitsAndIsProcessedOnceTheyAreBack() throws {
        let daemon = try DaemonProcess(self, metrics: "off")
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)

        // Every descriptor below the limit is in use: the next open fails with EMFILE.
        let limit = try daemon.lowestFreeDescriptor()
        let previous = try daemon.setLimit("nofile", soft: String(limit))
        try Data(try seedArticle(richSeed)).write(to: daemon.inbox.appendingPathComponent("emfile.txt"))

        XCTAssertTrue(daemon.waitForLog("inbox file not taken for now"), daemon.log())
        XCTAssertTrue(daemon.log().contains("Too many open files"), daemon.log())
        XCTAssertNotNil(try subscriber.next { $0.topic == "daemon.stats" && $0.json["inbox_retry_pending"] as? Int == 1 },
                        "the retry is counted")
        XCTAssertEqual(daemon.inboxFiles(), ["emfile.txt"], "the file waits in the inbox")
        XCTAssertEqual(daemon.stateFiles("quarantine"), [], "a passing error must not quarantine a good file")

        try daemon.setLimit("nofile", soft: previous)
        XCTAssertNotNil(try subscriber.done("emfile.txt", timeout: 30), "not processed once descriptors were back")
        XCTAssertTrue(eventually { daemon.inboxFiles().isEmpty && daemon.storedNames("done") == ["emfile.txt"] },
                      "inbox \(daemon.inboxFiles()), done \(daemon.stateFiles("done"))")
        XCTAssertEqual(daemon.stateFiles("quarantine"), [])
        XCTAssertNil(subscriber.received.first { $0.topic == "article.rejected" })
        XCTAssertTrue(daemon.waitForLog("inbox file taken after trying again"), daemon.log())
        XCTAssertNotNil(try subscriber.next { $0.topic == "daemon.stats" && $0.json["inbox_retry_pending"] as? Int == 0 })
    }
}
