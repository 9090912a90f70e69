import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import MissionStore

/// SIGKILL in the middle of appending: everything acknowledged before the kill is there after
/// reopening, and the seqs have no gap. The child is this same test binary running `testChildWriter`.
final class CrashTests: StoreTestCase {
    static let childDirVariable = "MISSIONSTORE_CRASH_CHILD_DIR"

    func testAcknowledgedRecordsSurviveSIGKILL() throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["MissionStoreTests.CrashTests/testChildWriter"]
        child.environment = ProcessInfo.processInfo.environment.merging([Self.childDirVariable: dir]) { $1 }
        let out = Pipe()
        child.standardOutput = out
        child.standardError = FileHandle.nullDevice
        try child.run()

        // Let it acknowledge a few hundred records, then kill it wherever it is.
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while text.components(separatedBy: "ACK J").count < 300 && Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        text += String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(child.terminationReason, .uncaughtSignal)

        var articles: [String] = []
        var events: [(UInt64, String)] = []
        for line in text.split(separator: "\n") {
            let f = line.split(separator: " ")
            guard f.count >= 3, f[0] == "ACK" else { continue }
            if f[1] == "J" { articles.append(String(f[2])) }
            if f[1] == "E", f.count == 4, let seq = UInt64(f[2]) { events.append((seq, String(f[3]))) }
        }
        XCTAssertGreaterThan(articles.count, 50, "the child did not get going:\n\(text.suffix(2000))")

        let journal = try ArticleJournal(directory: dir + "/journal", fsync: .never)
        defer { journal.close() }
        for id in articles { XCTAssertNotNil(journal.status(id), "acknowledged article \(id) lost") }
        let log = try EventLog(directory: dir + "/events", fsync: .never, retention: .unlimited)
        defer { log.close() }
        guard case let .events(logged, false) = log.read(after: 0, max: 1_000_000) else { return XCTFail() }
        XCTAssertEqual(logged.map(\.seq), Array(stride(from: 1, through: log.lastSeq, by: 1)), "gap in seqs")
        let byID = Dictionary(uniqueKeysWithValues: logged.map { ($0.seq, $0.id) })
        for (seq, id) in events { XCTAssertEqual(byID[seq], id, "acknowledged event \(seq) lost or changed") }
        // And both keep working after the crash.
        XCTAssertEqual(try journal.append(article(999_999)), .accepted)
        XCTAssertEqual(try log.append([pending("after-crash")]).first?.seq, log.lastSeq)
    }

    /// The child: appends forever, printing one line per acknowledged record. Skipped in a normal run.
    func testChildWriter() throws {
        guard let dir = ProcessInfo.processInfo.environment[Self.childDirVariable] else {
            throw XCTSkip("runs only as the child of testAcknowledgedRecordsSurviveSIGKILL")
        }
        let journal = try ArticleJournal(directory: dir + "/journal", fsync: .groupCommit(milliseconds: 1))
        let log = try EventLog(directory: dir + "/events", fsync: .never, retention: .unlimited, segmentBytes: 8192)
        func say(_ s: String) { _ = Array((s + "\n").utf8).withUnsafeBytes { write(1, $0.baseAddress!, $0.count) } }
        var i = 0
        while true {
            let a = article(i, text: String(repeating: "article \(i) ", count: 300))
            XCTAssertEqual(try journal.append(a), .accepted)
            say("ACK J \(a.articleID)")
            for e in try log.append([pending("evt_\(i)_a"), pending("evt_\(i)_b")]) { say("ACK E \(e.seq) \(e.id)") }
            try journal.markDone(a.articleID)
            i += 1
        }
    }
}
