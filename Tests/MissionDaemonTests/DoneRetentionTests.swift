import Foundation
import Logging
import XCTest
@testable import MissionDaemon

/// done/ is bounded: by age and disk space, oldest first, or not kept at all.
final class DoneRetentionTests: XCTestCase {
    private func directory() throws -> String {
        let path = "/tmp/done-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private func store(_ directory: String, _ name: String, bytes: Int) throws {
        try Data(repeating: 0x61, count: bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
        try "orig.txt\n".write(toFile: directory + "/" + name + ".name", atomically: false, encoding: .utf8)
    }

    func testStoredNamesCarryTheirTime() throws {
        let name = StoredFile.nextName()
        let time = try XCTUnwrap(StoredFile.time(ofName: name))
        XCTAssertLessThan(abs(time.timeIntervalSinceNow), 5)
        XCTAssertEqual(StoredFile.time(ofName: "20240131T235959.000001Z-3"), Date(timeIntervalSince1970: 1_706_745_599))
        XCTAssertNil(StoredFile.time(ofName: "notes.txt"))
    }

    func testOldFilesGoFirstAndTheSizeIsKept() throws {
        let done = try directory()
        let now = Date(timeIntervalSince1970: 1_800_000_000)  // 2027-01-15T08:00:00Z
        func left() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: done).filter { !$0.hasSuffix(".name") }.sorted() }
        let names = ["20261201T000000.000000Z-1", "20270110T000000.000000Z-2", "20270114T000000.000000Z-3", "20270115T000000.000000Z-4"]
        for name in names { try store(done, name, bytes: 10_000) }
        let oneFile = StoredFile.diskBytes(done + "/" + names[3]) + StoredFile.diskBytes(done + "/" + names[3] + ".name")

        // By age: two days kept, and room for three.
        XCTAssertEqual(DoneRetention.prune(done, maxBytes: 3 * oneFile, maxAgeSeconds: 2 * 24 * 3600, now: now).files, 2)
        XCTAssertEqual(try left(), Array(names[2...]), "the two older than two days go, though three would fit")

        // By size: room for one, the oldest goes first.
        XCTAssertEqual(DoneRetention.prune(done, maxBytes: oneFile, maxAgeSeconds: 365 * 24 * 3600, now: now).files, 1)
        XCTAssertEqual(try left(), [names[3]])
        XCTAssertFalse(FileManager.default.fileExists(atPath: done + "/" + names[2] + ".name"), "its .name goes with it")
    }

    func testDoneDeleteKeepsNothingAndTheKeyIsChecked() throws {
        XCTAssertEqual(try DaemonConfig.parse(yaml: "done: delete").donePolicy, .delete)
        XCTAssertEqual(try DaemonConfig.parse(yaml: "done_max_bytes: 5\ndone_max_age_seconds: 60").donePolicy,
                       .keep(maxBytes: 5, maxAgeSeconds: 60))
        XCTAssertThrowsError(try DaemonConfig.parse(yaml: "done: shred")) { error in
            XCTAssertEqual((error as? DaemonError)?.code, .config)
            XCTAssertTrue("\(error)".contains("keep or delete"), "\(error)")
        }

        let root = try directory()
        let inbox = root + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/state/done", withIntermediateDirectories: true)
        try "Zhejiang sent 40 firms to France.\n".write(toFile: inbox + "/a.txt", atomically: false, encoding: .utf8)
        let intake = try InboxIntake(inbox: inbox, stateDirectory: root + "/state",
                                     quarantine: Quarantine(directory: root + "/state/quarantine", maxBytes: 1 << 20),
                                     maxArticleBytes: 1 << 20, keepFiles: false, watch: false, settleSeconds: 0,
                                     done: .delete, logger: Logger(label: "test"))
        guard case .article(_, let name)? = intake.next() else { return XCTFail("the file is taken") }
        intake.journaled(name)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: inbox), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root + "/state/done"), [])
    }
}
