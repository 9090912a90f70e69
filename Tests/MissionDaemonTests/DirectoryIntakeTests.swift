import Foundation
import XCTest

/// The inbox, end to end with the real `missiond` process.
final class DirectoryIntakeTests: XCTestCase {
    func testFileDroppedIntoWatchedInboxComesOutAsEvents() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)

        try Data(try seedArticle(richSeed)).write(to: daemon.inbox.appendingPathComponent(richSeed))

        let done = try XCTUnwrap(try subscriber.done(richSeed), "no article.done for the dropped file")
        let count = try XCTUnwrap(done["events"] as? Int)
        XCTAssertGreaterThan(count, 0, "the extractor found no event in \(richSeed)")
        let events = subscriber.missionEvents(of: richSeed)
        XCTAssertEqual(events.count, count)
        let seqs = events.compactMap { $0["seq"] as? Int }
        XCTAssertEqual(seqs, (0..<count).map { $0 + 1 }, "seq must start at 1 and have no gap")
        XCTAssertEqual(done["seq_first"] as? Int, 1)
        XCTAssertEqual(done["seq_last"] as? Int, count)
        for event in events {
            XCTAssertEqual(event["schema"] as? String, "mission-event/1")
            XCTAssertEqual((event["article"] as? [String: Any])?["source"] as? String, "dir")
        }
        // Journaled, so the file has left the inbox for done/.
        XCTAssertTrue(eventually { daemon.inboxFiles().isEmpty && daemon.storedNames("done") == [richSeed] },
                      "inbox \(daemon.inboxFiles()), done \(daemon.stateFiles("done"))")
        XCTAssertEqual(daemon.stateFiles("done").count, 2, "the file and its .name: \(daemon.stateFiles("done"))")
        XCTAssertEqual(try daemon.replayAll().count, count)
    }

    func testPartFileIsTakenOnlyAfterItsRename() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)

        let partial = daemon.inbox.appendingPathComponent("late.txt.part")
        try Data(try seedArticle(richSeed)).write(to: partial)
        for hidden in [".hidden.txt", "other.tmp"] {
            try Data(try seedArticle(richSeed)).write(to: daemon.inbox.appendingPathComponent(hidden))
        }
        // Nothing may happen while the names say "in progress": give it time to go wrong.
        XCTAssertNil(try subscriber.next(timeout: 0.6) { $0.topic.hasPrefix("article.") })
        XCTAssertEqual(daemon.inboxFiles(), [".hidden.txt", "late.txt.part", "other.tmp"])

        try FileManager.default.moveItem(at: partial, to: daemon.inbox.appendingPathComponent("late.txt"))
        XCTAssertNotNil(try subscriber.done("late.txt"), "the renamed file was not taken")
        XCTAssertTrue(subscriber.received.allSatisfy { articleName($0.json) != "late.txt.part" })
        XCTAssertEqual(daemon.inboxFiles(), [".hidden.txt", "other.tmp"])
    }

    func testFilesPresentAtStartAreProcessed() throws {
        let daemon = try DaemonProcess(self)
        let names = ["000_3530f925c42fef24.txt", richSeed, "002_3fc8d781f62ec8fa.txt"]
        for name in names {
            try Data(try seedArticle(name)).write(to: daemon.inbox.appendingPathComponent(name))
        }
        try daemon.start()

        XCTAssertTrue(eventually { daemon.storedNames("done") == names.sorted() }, "done: \(daemon.stateFiles("done"))")
        // (the copy in done/ is written before the inbox file is removed: wait for the removal too)
        XCTAssertTrue(eventually { daemon.inboxFiles().isEmpty }, "inbox: \(daemon.inboxFiles())")
        var events: [[String: Any]] = []
        XCTAssertTrue(try eventually {
            events = try daemon.replayAll()
            return Set(events.compactMap(articleName)).contains(richSeed)
        }, "no events of \(richSeed) in replay")
        XCTAssertEqual(events.compactMap { $0["seq"] as? Int }, (0..<events.count).map { $0 + 1 })
    }

    func testRewritingAFileWithAnAtomicWriteIsTakenOnce() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        // Data.write(options: .atomic) gives IN_MOVED_TO then IN_CLOSE_WRITE for one name.
        try Data(try seedArticle(richSeed)).write(to: daemon.inbox.appendingPathComponent("atomic.txt"), options: .atomic)
        XCTAssertNotNil(try subscriber.done("atomic.txt"))
        _ = try subscriber.next(timeout: 0.5) { _ in false }  // collect whatever else comes
        XCTAssertEqual(subscriber.received.filter { $0.topic.hasPrefix("article.") && articleName($0.json) == "atomic.txt" }.count, 1)
    }
}
