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
        // Nothing may happen while the names say "in progress". The proof, positive: once
        // marker-1 is taken the daemon has read the inotify events of the files written before
        // it, so an eligible one waits ahead of marker-2 (the intake takes in order); the first
        // daemon.stats after marker-2's article.done then counts every file taken from the inbox.
        for marker in ["marker-1.txt", "marker-2.txt"] {
            try Data(try seedArticle(richSeed) + Array("\n\(marker)\n".utf8)).write(to: daemon.inbox.appendingPathComponent(marker))
            XCTAssertNotNil(try subscriber.done(marker, timeout: 30), "\(marker) was not taken")
        }
        let stats = try XCTUnwrap(try subscriber.statsAfterEverythingSoFar(), "no daemon.stats after the markers")
        XCTAssertEqual(((stats["intake"] as? [String: Any])?["dir"] as? [String: Any])?["received"] as? Int, 2,
                       "only the two markers were taken from the inbox: \(stats)")
        let taken = subscriber.received.filter { $0.topic.hasPrefix("article.") }.map { "\($0.topic) \(articleName($0.json) ?? "?")" }
        XCTAssertEqual(taken.sorted(), ["article.done marker-1.txt", "article.done marker-2.txt"])
        XCTAssertTrue(eventually(timeout: 30) { daemon.inboxFiles() == [".hidden.txt", "late.txt.part", "other.tmp"] },
                      "inbox: \(daemon.inboxFiles())")

        try FileManager.default.moveItem(at: partial, to: daemon.inbox.appendingPathComponent("late.txt"))
        XCTAssertNotNil(try subscriber.done("late.txt", timeout: 30), "the renamed file was not taken")
        XCTAssertTrue(subscriber.received.allSatisfy { !["late.txt.part", ".hidden.txt", "other.tmp"].contains(articleName($0.json)) })
        XCTAssertTrue(eventually(timeout: 30) { daemon.inboxFiles() == [".hidden.txt", "other.tmp"] }, "inbox: \(daemon.inboxFiles())")
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
        XCTAssertNotNil(try subscriber.done("atomic.txt", timeout: 30))
        // A second take would wait in the inbox's queue ahead of a file written afterwards:
        // the first daemon.stats after that file's article.done counts every take.
        try Data(try seedArticle(richSeed) + Array("\nLater.\n".utf8)).write(to: daemon.inbox.appendingPathComponent("later.txt"))
        XCTAssertNotNil(try subscriber.done("later.txt", timeout: 30), "the later file was not taken")
        let stats = try XCTUnwrap(try subscriber.statsAfterEverythingSoFar(), "no daemon.stats after the later file")
        XCTAssertEqual(((stats["intake"] as? [String: Any])?["dir"] as? [String: Any])?["received"] as? Int, 2,
                       "atomic.txt once, later.txt once: \(stats)")
        let taken = subscriber.received.filter { $0.topic.hasPrefix("article.") }.map { "\($0.topic) \(articleName($0.json) ?? "?")" }
        XCTAssertEqual(taken, ["article.done atomic.txt", "article.done later.txt"])
    }
}
