import Foundation
import XCTest
import Synchronization
@testable import MissionStore

/// The journal's memory of finished articles on disk: runs, merges, forgetting, and cycles
/// that run beside appends.
final class JournalRunsTests: StoreTestCase {
    var journalDir: String { dir + "/journal" }

    func open(remember: Int = 1_000_000, cycleEntries: Int = 50, fsync: FsyncPolicy = .never) throws -> ArticleJournal {
        try ArticleJournal(directory: journalDir, fsync: fsync, maxRememberedIDs: remember, compactionMinBytes: 4096, cycleEntries: cycleEntries)
    }

    private func finish(_ j: ArticleJournal, _ range: Range<Int>) throws {
        for i in range {
            XCTAssertEqual(try j.append(article(i)), .accepted)
            try j.markDone([FinishedArticle(articleID: article(i).articleID, seqs: UInt64(i + 1)...UInt64(i + 1))])
        }
    }

    func testFinishedArticlesLeaveMemoryForRunsAndAreStillDuplicates() throws {
        var j = try open()
        try finish(j, 0..<2_000)
        j.waitForMaintenance()
        XCTAssertLessThanOrEqual(j.entriesInMemory, 100, "only what finished since the last cycle is in memory")
        XCTAssertGreaterThan(j.compactionCount, 0)
        XCTAssertLessThanOrEqual(j.runCount, 12, "merges keep the number of runs logarithmic")
        XCTAssertNil(j.lastCompactionError)
        for i in stride(from: 0, to: 2_000, by: 97) {
            XCTAssertEqual(try j.append(article(i)), .duplicate(originalName: "article-\(i).txt"))
        }
        j.close()
        j = try open()
        defer { j.close() }
        XCTAssertEqual(j.recoveryNotes, [])
        XCTAssertLessThanOrEqual(j.entriesInMemory, 100)
        XCTAssertEqual(j.highestSeq, 2_000)
        for i in [0, 1, 999, 1_999] { XCTAssertEqual(j.status(article(i).articleID), .done) }
        XCTAssertEqual(try j.append(article(1_234)), .duplicate(originalName: "article-1234.txt"))
        XCTAssertEqual(j.articles(withEventsIn: [500...502]), [499, 500, 501].map { article($0).articleID }.sorted())
        XCTAssertEqual(try j.append(article(5_000)), .accepted)
    }

    func testTheOldestAreForgottenExactlyAcrossRunsAndRestarts() throws {
        var j = try open(remember: 300)
        try finish(j, 0..<1_000)
        j.waitForMaintenance()
        XCTAssertEqual((0..<1_000).filter { j.status(article($0).articleID) != nil }, Array(700..<1_000))
        j.close()
        j = try open(remember: 300)
        defer { j.close() }
        XCTAssertEqual((0..<1_000).filter { j.status(article($0).articleID) != nil }, Array(700..<1_000))
        XCTAssertEqual(try j.append(article(10)), .accepted, "a forgotten article is new again")
        let runBytes = (try FileManager.default.contentsOfDirectory(atPath: journalDir)).filter { $0.hasSuffix(".run") }
            .reduce(0) { $0 + fileSize(journalDir + "/" + $1) }
        // An entry takes about 139 bytes: all 1,000 would be 139 KB.
        XCTAssertLessThan(runBytes, 125_000, "merges drop forgotten articles from disk too")
    }

    func testUnfinishedArticlesAndAttemptsSurviveCyclesAndRestart() throws {
        var j = try open()
        let stuck = [article(100_000), article(100_001)]
        for a in stuck { XCTAssertEqual(try j.append(a), .accepted) }
        XCTAssertEqual(try j.recordAttempt(stuck[0].articleID), 1)
        try finish(j, 0..<500)
        j.waitForMaintenance()
        XCTAssertGreaterThan(j.compactionCount, 2)
        XCTAssertEqual(j.unfinished(), stuck)
        j.close()
        j = try open()
        defer { j.close() }
        XCTAssertEqual(j.unfinished(), stuck)
        XCTAssertEqual(j.attempts(stuck[0].articleID), 1)
        try j.markRejected(stuck[1].articleID, reason: "no text")
        XCTAssertEqual(j.status(stuck[1].articleID), .rejected(reason: "no text"))
    }

    func testAppendsAndMarksFromManyThreadsBesideCycles() throws {
        var j = try open(cycleEntries: 64, fsync: .groupCommit(milliseconds: 1))
        let journal = j
        let articles = (0..<1_600).map { article($0) }
        let threads = 4, each = 400
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            for k in 0..<each {
                let i = t * each + k
                XCTAssertEqual(try? journal.append(articles[i]), .accepted)
                if i % 5 != 0 {
                    do { try journal.markDone(articles[i].articleID) } catch { XCTFail("\(error)") }
                }
            }
        }
        j.waitForMaintenance()
        XCTAssertNil(j.lastCompactionError)
        XCTAssertGreaterThan(j.compactionCount, 0)
        let open = (0..<(threads * each)).filter { $0 % 5 == 0 }
        XCTAssertEqual(Set(j.unfinished().map(\.articleID)), Set(open.map { article($0).articleID }))
        j.close()
        j = try self.open()
        defer { j.close() }
        XCTAssertEqual(Set(j.unfinished().map(\.articleID)), Set(open.map { article($0).articleID }))
        for i in 0..<(threads * each) {
            XCTAssertEqual(j.status(article(i).articleID), i % 5 == 0 ? .pending : .done, "article \(i)")
        }
    }

    func testADamagedRunIsSetAsideAndItsArticlesAreAcceptedAgain() throws {
        var j = try open()
        try finish(j, 0..<300)
        j.waitForMaintenance()
        j.close()
        // Ten more that stay in journal.log: no cycle runs for them.
        j = try ArticleJournal(directory: journalDir, fsync: .never, maxRememberedIDs: 1_000_000,
                               compactionMinBytes: 1 << 30, cycleEntries: 1 << 30)
        try finish(j, 300..<310)
        j.close()
        let runs = try FileManager.default.contentsOfDirectory(atPath: journalDir).filter { $0.hasSuffix(".run") }.sorted()
        XCTAssertFalse(runs.isEmpty)
        for run in runs { flipByte(journalDir + "/" + run, at: fileSize(journalDir + "/" + run) - SortedTable.footerSize - 3) }
        j = try open()
        defer { j.close() }
        XCTAssertEqual(j.recoveryNotes.count, runs.count)
        for run in runs { XCTAssertTrue(FileManager.default.fileExists(atPath: journalDir + "/" + run + ".damaged"), run) }
        XCTAssertTrue(j.recoveryNotes.allSatisfy { $0.contains(".damaged") }, "\(j.recoveryNotes)")
        XCTAssertEqual((300..<310).filter { j.status(article($0).articleID) == .done }.count, 10, "the journal's own are intact")
        XCTAssertEqual(try j.append(article(5)), .accepted, "what only the damaged runs remembered is accepted again")
        XCTAssertEqual(try j.append(article(305)), .duplicate(originalName: "article-305.txt"))
    }
}
