import Foundation
import Logging
import XCTest
@testable import MissionDaemon

/// The inbox pieces in-process: inotify parsing, safe reads, moves.
final class InboxTests: XCTestCase {
    private func makeDirectory() throws -> String {
        let path = "/tmp/inbox-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testWatcherReportsClosedAndMovedNamesOnce() throws {
        let inbox = try makeDirectory()
        let watcher = try InboxWatcher(directory: inbox)
        try Data("x".utf8).write(to: URL(fileURLWithPath: inbox + "/atomic.txt"), options: .atomic)
        try Data("y".utf8).write(to: URL(fileURLWithPath: inbox + "/plain.txt"))
        var names: [String] = []
        XCTAssertTrue(eventually(timeout: 5) {
            names += watcher.read().names.map(\.text)
            return names.contains("atomic.txt") && names.contains("plain.txt")
        })
        XCTAssertEqual(names.filter { $0 == "atomic.txt" }.count, 1, "\(names)")
        XCTAssertEqual(names.filter { $0 == "plain.txt" }.count, 1, "\(names)")
        XCTAssertTrue(watcher.read().names.isEmpty)
    }

    func testEligibleNames() {
        XCTAssertTrue(InboxIntake.isEligible("a.txt"))
        XCTAssertTrue(InboxIntake.isEligible("a.tmp.txt"))
        for name in [".a.txt", "a.tmp", "a.part", ".."] { XCTAssertFalse(InboxIntake.isEligible(name), name) }
    }

    func testSafeReadRefusesLinksDirectoriesFifosAndLargeFiles() throws {
        let directory = try makeDirectory()
        try Data("hello".utf8).write(to: URL(fileURLWithPath: directory + "/ok.txt"))
        try Data(count: 11).write(to: URL(fileURLWithPath: directory + "/big.txt"))
        try FileManager.default.createSymbolicLink(atPath: directory + "/link.txt", withDestinationPath: directory + "/ok.txt")
        try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: false)
        XCTAssertEqual(mkfifo(directory + "/fifo", 0o600), 0)

        guard case .bytes(let bytes, _) = SafeFile.readRegularFile(at: directory + "/ok.txt", limit: 10) else {
            return XCTFail("ok.txt not read")
        }
        XCTAssertEqual(bytes, Array("hello".utf8))
        let refused: [(String, String)] = [("link.txt", "symbolic link"), ("sub", "directory"), ("fifo", "not a regular"), ("big.txt", "limit")]
        for (name, word) in refused {
            guard case .rejected(let reason) = SafeFile.readRegularFile(at: directory + "/" + name, limit: 10) else {
                XCTFail("\(name) was not refused")
                continue
            }
            XCTAssertTrue(reason.contains(word), "\(name): \(reason)")
        }
        guard case .gone = SafeFile.readRegularFile(at: directory + "/missing", limit: 10) else { return XCTFail("missing") }
    }

    /// The same name stored 1,000 times: each gets a generated name straight away (the
    /// names are made without looking at the directory, so there is no `a.txt.1`, `a.txt.2`,
    /// … to probe), and each keeps its own content and its original name.
    func testTheSameNameStoredAThousandTimesGetsAThousandGeneratedNames() throws {
        let from = try makeDirectory()
        let to = try makeDirectory()
        var stored: [String] = []
        for index in 0..<1000 {
            try Data("copy \(index)".utf8).write(to: URL(fileURLWithPath: from + "/a.txt"))
            stored.append(try StoredFile.move(RawPath(from + "/a.txt"), into: to, sides: [(".name", "a.txt")]))
        }
        XCTAssertEqual(Set(stored).count, 1000)
        let pattern = try NSRegularExpression(pattern: #"^\d{8}T\d{6}\.\d{6}Z-\d+$"#)
        for (index, path) in stored.enumerated() {
            let name = URL(fileURLWithPath: path).lastPathComponent
            XCTAssertNotNil(pattern.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)), name)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "copy \(index)")
            XCTAssertEqual(try String(contentsOfFile: path + ".name", encoding: .utf8), "a.txt\n")
        }
        // Generated names count up within a run: one name per file, none skipped.
        let counters = stored.compactMap { Int($0.split(separator: "-").last ?? "") }
        XCTAssertEqual(counters, (0..<1000).map { counters[0] + $0 })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: to).count, 2000)
    }

    func testInboxIntakeQueuesExistingFilesInNameOrderAndKeepsFilesWithOnce() throws {
        let root = try makeDirectory()
        let inbox = root + "/inbox"
        for sub in ["inbox", "state/done", "state/quarantine"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        for name in ["b.txt", "a.txt", ".hidden", "c.part"] {
            try Data("text \(name)".utf8).write(to: URL(fileURLWithPath: inbox + "/" + name))
        }
        let quarantine = Quarantine(directory: root + "/state/quarantine", maxBytes: 1 << 20)
        let intake = try InboxIntake(inbox: inbox, stateDirectory: root + "/state", quarantine: quarantine, maxArticleBytes: 100,
                                     keepFiles: true, watch: false, settleSeconds: 0, logger: Logger(label: "test"))
        var taken: [String] = []
        while let next = intake.next() {
            guard case .article(let input, let name) = next else { return XCTFail("\(next)") }
            taken.append(input.name)
            intake.journaled(name)
        }
        XCTAssertEqual(taken, ["a.txt", "b.txt"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: inbox).sorted(), [".hidden", "a.txt", "b.txt", "c.part"])
        intake.rescan()
        XCTAssertNil(intake.next(), "with --once a file is taken once")
    }

    func testLogEscapeKeepsOneLineAndCanBeUndone() {
        XCTAssertEqual(LogEscape.escape("plain name.txt"), "plain name.txt")
        XCTAssertEqual(LogEscape.escape("a\nb\r\tc\u{1b}[31m\u{7f}"), #"a\nb\r\tc\x1b[31m\x7f"#)
        XCTAssertEqual(LogEscape.escape(#"back\slash"#), #"back\\slash"#)
        XCTAssertEqual(LogEscape.escape("c1\u{9b}31m"), #"c1\u009b31m"#)
        XCTAssertEqual(LogEscape.escape("商务厅-é.txt"), "商务厅-é.txt", "printable UTF-8 is kept")
        XCTAssertEqual(LogEscape.escape(bytes: [0x61, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0xe4, 0xb8]), #"a\xff\xfe\xc3(\xed\xa0\x80\xe4\xb8"#,
                       "stray, truncated and surrogate sequences are bytes")
    }

    func testAMoveNeverReplacesAnExistingFile() throws {
        let directory = try makeDirectory()
        try Data("new".utf8).write(to: URL(fileURLWithPath: directory + "/a"))
        try Data("old".utf8).write(to: URL(fileURLWithPath: directory + "/b"))
        XCTAssertThrowsError(try SafeFile.move(RawPath(directory + "/a"), to: directory + "/b")) { error in
            XCTAssertEqual((error as? DaemonError)?.errno, EEXIST, "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: directory + "/b", encoding: .utf8), "old")
        XCTAssertEqual(try String(contentsOfFile: directory + "/a", encoding: .utf8), "new")
    }

    /// After an inotify overflow the inbox is scanned: a file still open for writing is not
    /// taken then (it has not been unchanged for the settle time), only once it is closed.
    func testARescanDoesNotTakeAFileStillBeingWritten() throws {
        let root = try makeDirectory()
        let inbox = root + "/inbox"
        for sub in ["inbox", "state/done", "state/quarantine"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        let intake = try InboxIntake(inbox: inbox, stateDirectory: root + "/state",
                                     quarantine: Quarantine(directory: root + "/state/quarantine", maxBytes: 1 << 20),
                                     maxArticleBytes: 1 << 20, keepFiles: false, watch: true, settleSeconds: 3600,
                                     logger: Logger(label: "test"))
        let fd = open(inbox + "/growing.txt", O_WRONLY | O_CREAT | O_EXCL, 0o600)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(write(fd, "first half, ", 12), 12)
        intake.handleWatchEvents()  // IN_CREATE only: not complete
        intake.rescan()             // what an overflow does
        XCTAssertNil(intake.next(), "taken while still being written")
        XCTAssertTrue(intake.hasWaiting, "it waits to settle")

        XCTAssertEqual(write(fd, "second half.", 12), 12)
        close(fd)
        var next: InboxIntake.Next?
        XCTAssertTrue(eventually(timeout: 10) {
            intake.handleWatchEvents()
            next = intake.next()
            return next != nil
        }, "not taken once closed")
        guard case .article(let input, _)? = next else { return XCTFail("\(String(describing: next))") }
        XCTAssertEqual(String(decoding: input.body, as: UTF8.self), "first half, second half.")
    }

    /// A file written again while in flight whose journaling then failed is taken again at
    /// once; the retry scheduled by the failure must not read it a second time meanwhile.
    func testAFileTakenAgainAfterAFailureHasNoRetryPendingWhileInFlight() throws {
        let root = try makeDirectory()
        let inbox = root + "/inbox"
        for sub in ["inbox", "state/done", "state/quarantine"] {
            try FileManager.default.createDirectory(atPath: root + "/" + sub, withIntermediateDirectories: true)
        }
        let intake = try InboxIntake(inbox: inbox, stateDirectory: root + "/state",
                                     quarantine: Quarantine(directory: root + "/state/quarantine", maxBytes: 1 << 20),
                                     maxArticleBytes: 1 << 20, keepFiles: false, watch: true, settleSeconds: 0,
                                     logger: Logger(label: "test"))
        func taken() -> InboxName? {
            var name: InboxName?
            _ = eventually(timeout: 10) {
                intake.handleWatchEvents()
                if case .article(_, let taken)? = intake.next() { name = taken }
                return name != nil
            }
            return name
        }
        try Data("first".utf8).write(to: URL(fileURLWithPath: inbox + "/a.txt"))
        let name = try XCTUnwrap(taken(), "not taken")
        try Data("second".utf8).write(to: URL(fileURLWithPath: inbox + "/a.txt"))
        intake.handleWatchEvents()  // inotify queued the close during close(2): one read has it
        intake.failed(name, reason: "journal: no space left")
        XCTAssertEqual(intake.retryPending, 1)
        XCTAssertNotNil(taken(), "the rewritten file is taken again at once")
        XCTAssertNil(intake.millisecondsUntilDue(), "a retry is still scheduled for a file in flight")
        XCTAssertFalse(intake.hasWaiting)
    }
}
