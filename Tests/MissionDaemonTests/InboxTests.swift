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
            names += watcher.read().names
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

    func testMoveKeepsBothFilesWhenTheNameIsTaken() throws {
        let from = try makeDirectory()
        let to = try makeDirectory()
        for content in ["first", "second"] {
            try Data(content.utf8).write(to: URL(fileURLWithPath: from + "/a.txt"))
            _ = try SafeFile.move(from + "/a.txt", into: to, name: "a.txt")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: to).sorted(), ["a.txt", "a.txt.1"])
        XCTAssertEqual(try String(contentsOfFile: to + "/a.txt.1", encoding: .utf8), "second")
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
                                     keepFiles: true, watch: false, logger: Logger(label: "test"))
        var taken: [String] = []
        while let next = intake.next() {
            guard case .article(let input) = next else { return XCTFail("\(next)") }
            taken.append(input.name)
            intake.journaled(input.name)
        }
        XCTAssertEqual(taken, ["a.txt", "b.txt"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: inbox).sorted(), [".hidden", "a.txt", "b.txt", "c.part"])
        intake.rescan()
        XCTAssertNil(intake.next(), "with --once a file is taken once")
    }
}
