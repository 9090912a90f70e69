import Foundation
import XCTest
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
@testable import MissionStore

final class ArticleJournalTests: StoreTestCase {
    var journalPath: String { dir + "/journal/journal.log" }
    var journalDir: String { dir + "/journal" }

    func testAppendReopenUnfinishedAndMarks() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .always)
        for i in 0..<5 { XCTAssertEqual(try j.append(article(i)), .accepted) }
        XCTAssertEqual(j.unfinished(), (0..<5).map { article($0) })
        try j.markDone(article(1).articleID)
        try j.markRejected(article(3).articleID, reason: "no mission in text")
        XCTAssertEqual(j.unfinished(), [article(0), article(2), article(4)])
        j.close()

        j = try ArticleJournal(directory: journalDir, fsync: .always)
        XCTAssertEqual(j.recoveryNotes, [])
        XCTAssertEqual(j.unfinished(), [article(0), article(2), article(4)])
        XCTAssertEqual(j.status(article(1).articleID), .done)
        XCTAssertEqual(j.status(article(3).articleID), .rejected(reason: "no mission in text"))
        XCTAssertEqual(j.status(article(0).articleID), .pending)
        XCTAssertNil(j.status("sha256:unknown"))
        try j.markDone(article(0).articleID)
        XCTAssertEqual(j.unfinished(), [article(2), article(4)])
        j.close()
        XCTAssertEqual(try ArticleJournal(directory: journalDir, fsync: .always).unfinished(), [article(2), article(4)])
    }

    func testDirectoryIsPrivate() throws {
        let j = try ArticleJournal(directory: dir + "/a/b/journal", fsync: .never)
        defer { j.close() }
        var st = stat()
        XCTAssertEqual(stat(dir + "/a/b/journal", &st), 0)
        XCTAssertEqual(st.st_mode & 0o777, 0o700)
    }

    func testDuplicatesWriteNothingAndSurviveReopen() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .always)
        XCTAssertEqual(try j.append(article(1)), .accepted)
        let size = j.sizeBytes
        var again = article(1)
        again.name = "renamed.txt"
        XCTAssertEqual(try j.append(again), .duplicate(originalName: "article-1.txt"))
        XCTAssertEqual(j.sizeBytes, size)
        try j.markDone(article(1).articleID)
        j.close()
        j = try ArticleJournal(directory: journalDir, fsync: .always)
        defer { j.close() }
        XCTAssertEqual(try j.append(again), .duplicate(originalName: "article-1.txt"))
        XCTAssertEqual(j.unfinished(), [])
    }

    func testDuplicateOfDurableArticleCompletesImmediately() throws {
        let j = try ArticleJournal(directory: journalDir, fsync: .groupCommit(milliseconds: 200))
        defer { j.close() }
        XCTAssertEqual(try j.append(article(1)), .accepted)  // returns once durable
        let got = Mutex<Result<JournalAppend, StoreError>?>(nil)
        j.append(article(1)) { r in got.withLock { $0 = r } }
        // No 200 ms wait: the original is already on disk, so nothing needs syncing.
        XCTAssertEqual(try got.withLock { $0 }?.get(), .duplicate(originalName: "article-1.txt"))
    }

    func testSecondOpenOfSameDirectoryIsRefused() throws {
        let j = try ArticleJournal(directory: journalDir, fsync: .never)
        XCTAssertThrowsError(try ArticleJournal(directory: journalDir, fsync: .never))
        j.close()
        XCTAssertNoThrow(try ArticleJournal(directory: journalDir, fsync: .never).close())
    }

    func testAppendAfterCloseFails() throws {
        let j = try ArticleJournal(directory: journalDir, fsync: .never)
        j.close()
        XCTAssertThrowsError(try j.append(article(1)))
    }

    // MARK: torn and corrupt records

    func testTruncatedLastRecordIsDroppedAndAppendsContinue() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .always)
        for i in 0..<3 { _ = try j.append(article(i)) }
        let full = j.sizeBytes
        j.close()
        truncateFile(journalPath, to: full - 100)  // mid-way through the third record

        j = try ArticleJournal(directory: journalDir, fsync: .always)
        XCTAssertEqual(j.recoveryNotes.count, 1)
        XCTAssertTrue(j.recoveryNotes[0].contains("truncated torn record at offset"), j.recoveryNotes[0])
        XCTAssertEqual(j.unfinished(), [article(0), article(1)])
        XCTAssertLessThan(j.sizeBytes, full - 100)
        XCTAssertEqual(fileSize(journalPath), j.sizeBytes)
        // The third article was never durable, so it is not a duplicate: it can be sent again.
        XCTAssertEqual(try j.append(article(2)), .accepted)
        XCTAssertEqual(try j.append(article(3)), .accepted)
        j.close()

        j = try ArticleJournal(directory: journalDir, fsync: .always)
        defer { j.close() }
        XCTAssertEqual(j.recoveryNotes, [])
        XCTAssertEqual(j.unfinished(), (0..<4).map { article($0) })
    }

    func testFlippedByteInLastRecordIsDropped() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .always)
        for i in 0..<3 { _ = try j.append(article(i)) }
        let full = j.sizeBytes
        j.close()
        flipByte(journalPath, at: full - 10)

        j = try ArticleJournal(directory: journalDir, fsync: .always)
        XCTAssertEqual(j.recoveryNotes.count, 1)
        XCTAssertTrue(j.recoveryNotes[0].contains("checksum mismatch"), j.recoveryNotes[0])
        XCTAssertEqual(j.unfinished(), [article(0), article(1)])
        XCTAssertEqual(try j.append(article(5)), .accepted)
        j.close()
        j = try ArticleJournal(directory: journalDir, fsync: .always)
        defer { j.close() }
        XCTAssertEqual(j.recoveryNotes, [])
        XCTAssertEqual(j.unfinished(), [article(0), article(1), article(5)])
    }

    func testCorruptionInTheMiddleIsAnError() throws {
        let j = try ArticleJournal(directory: journalDir, fsync: .always)
        for i in 0..<3 { _ = try j.append(article(i)) }
        j.close()
        let size = fileSize(journalPath)
        flipByte(journalPath, at: 200)  // inside the first record's text
        XCTAssertThrowsError(try ArticleJournal(directory: journalDir, fsync: .always)) { error in
            XCTAssertTrue("\(error)".contains("corrupt record at offset 0"), "\(error)")
        }
        // Nothing was truncated: the evidence stays for an operator.
        XCTAssertEqual(fileSize(journalPath), size)
    }

    // MARK: full disk

    func testFileSizeLimitMakesAppendFailAndKeepsAcknowledgedRecords() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .always)
        for i in 0..<3 { XCTAssertEqual(try j.append(article(i)), .accepted) }
        let good = j.sizeBytes
        let big = article(10, text: String(repeating: "x", count: 5000))
        try withFileSizeLimit(good + 1000) {
            // The write gets 1000 bytes in, then EFBIG: the partial record must be cut back.
            XCTAssertThrowsError(try j.append(big)) { error in
                XCTAssertEqual((error as? StoreError)?.code, EFBIG, "\(error)")
                XCTAssertTrue("\(error)".contains("journal.log"), "\(error)")
            }
            XCTAssertThrowsError(try j.append(article(11, text: String(repeating: "y", count: 5000))))
        }
        XCTAssertEqual(j.sizeBytes, good)
        XCTAssertEqual(fileSize(journalPath), good)
        XCTAssertNil(j.status(big.articleID), "a failed append must not be remembered as accepted")
        // With room again the same article is accepted, not mistaken for a duplicate.
        XCTAssertEqual(try j.append(big), .accepted)
        j.close()

        j = try ArticleJournal(directory: journalDir, fsync: .always)
        defer { j.close() }
        XCTAssertEqual(j.recoveryNotes, [])
        XCTAssertEqual(j.unfinished(), [article(0), article(1), article(2), big])
    }

    func testAsyncAppendReportsFailure() throws {
        let j = try ArticleJournal(directory: journalDir, fsync: .groupCommit(milliseconds: 1))
        defer { j.close() }
        _ = try j.append(article(0))
        let good = j.sizeBytes
        let result = withFileSizeLimit(good + 10) { () -> Result<JournalAppend, StoreError>? in
            let got = Mutex<Result<JournalAppend, StoreError>?>(nil)
            let done = DispatchSemaphore(value: 0)
            j.append(article(1)) { r in got.withLock { $0 = r }; done.signal() }
            done.wait()
            return got.withLock { $0 }
        }
        guard case .failure(let e)? = result else { return XCTFail("expected failure, got \(String(describing: result))") }
        XCTAssertEqual(e.code, EFBIG)
        XCTAssertEqual(fileSize(journalPath), good)
    }

    // MARK: group commit

    func testGroupCommitFiftyConcurrentAppenders() throws {
        let j = try ArticleJournal(directory: journalDir, fsync: .groupCommit(milliseconds: 5))
        let perThread = 10
        let failures = Mutex<[String]>([])
        let finished = DispatchGroup()
        let articles = (0..<50 * perThread).map { article($0) }
        for t in 0..<50 {
            finished.enter()
            Thread {
                for k in 0..<perThread {
                    do {
                        let r = try j.append(articles[t * perThread + k])
                        if r != .accepted { failures.withLock { $0.append("\(t)/\(k): \(r)") } }
                    } catch {
                        failures.withLock { $0.append("\(t)/\(k): \(error)") }
                    }
                }
                finished.leave()
            }.start()
        }
        XCTAssertEqual(finished.wait(timeout: .now() + 60), .success, "appenders did not all complete")
        XCTAssertEqual(failures.withLock { $0 }, [])
        let total = 50 * perThread
        XCTAssertGreaterThan(j.syncCount, 0)
        XCTAssertLessThanOrEqual(j.syncCount, total / 5, "group commit should share fdatasyncs, got \(j.syncCount)")
        j.close()
        let reopened = try ArticleJournal(directory: journalDir, fsync: .never)
        defer { reopened.close() }
        XCTAssertEqual(Set(reopened.unfinished().map(\.articleID)), Set((0..<total).map { article($0).articleID }))
    }

    func testAsyncGroupCommitCompletesEveryAppendOnce() throws {
        let j = try ArticleJournal(directory: journalDir, fsync: .groupCommit(milliseconds: 2))
        defer { j.close() }
        let n = 2000
        let results = Mutex<[Int: JournalAppend]>([:])
        let done = DispatchGroup()
        for i in 0..<n {
            done.enter()
            // Every 10th is a duplicate of the previous one, submitted while it is still in flight.
            let a = i % 10 == 9 ? article(i - 1) : article(i)
            j.append(a) { r in
                results.withLock { rs in
                    XCTAssertNil(rs[i], "completion called twice")
                    rs[i] = try? r.get()
                }
                done.leave()
            }
        }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        let rs = results.withLock { $0 }
        XCTAssertEqual(rs.count, n)
        XCTAssertEqual(rs.values.filter { $0 == .accepted }.count, n - n / 10)
        XCTAssertEqual(rs[9], .duplicate(originalName: "article-8.txt"))
        XCTAssertLessThan(j.syncCount, n / 10)
    }

    func testAppendReturnsWhatWasWrittenBeforeTheSync() throws {
        let j = try ArticleJournal(directory: journalDir, fsync: .groupCommit(milliseconds: 200))
        defer { j.close() }
        let durable = DispatchSemaphore(value: 0)
        let first = j.append(article(1)) { _ in durable.signal() }
        XCTAssertEqual(first, .accepted, "written: known before the group's fdatasync")
        let again = j.append(article(1)) { _ in durable.signal() }
        XCTAssertEqual(again, .duplicate(originalName: "article-1.txt"))
        XCTAssertEqual(durable.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(durable.wait(timeout: .now() + 10), .success)
        j.close()
        XCTAssertNil(j.append(article(2)) { r in if case .success = r { XCTFail("a closed journal accepted an article") } },
                     "closed: nothing written")
    }

    /// A clock the test moves and delayed flushes the test starts: the spacing's decisions
    /// are seen exactly, whatever the machine's speed.
    private final class ManualSyncClock: Sendable {
        private let elapsed = Mutex<Duration>(.zero)
        private let delayed = Mutex<[(delay: Duration, flush: @Sendable () -> Void)]>([])
        private let start = ContinuousClock.now

        var clock: SyncClock {
            SyncClock(now: { self.start + self.elapsed.withLock { $0 } },
                      after: { delay, _, flush in self.delayed.withLock { $0.append((delay, flush)) } })
        }
        func advance(_ duration: Duration) { elapsed.withLock { $0 += duration } }
        /// The delays of the flushes scheduled and not yet started.
        var delays: [Duration] { delayed.withLock { $0.map(\.delay) } }
        /// Starts the delayed flushes, here and now.
        func runDelayed() { for item in delayed.withLock({ list in defer { list = [] }; return list }) { item.flush() } }
    }

    func testSyncSpacingDelaysOnlyASyncThatFollowsAnother() throws {
        let spacing = Duration.milliseconds(300)
        let time = ManualSyncClock()
        let j = try ArticleJournal(directory: journalDir, fsync: .groupCommit(milliseconds: 0), maxRememberedIDs: 100,
                                   compactionMinBytes: ArticleJournal.defaultCompactionMinBytes, minSyncSpacing: spacing,
                                   syncClock: time.clock)
        defer { j.close() }
        // Idle (never synced): the first append syncs at once.
        XCTAssertEqual(try j.append(article(1)), .accepted)
        XCTAssertEqual(time.delays, [], "an idle journal must not wait for the spacing")
        XCTAssertEqual(j.syncCount, 1)

        // 100 ms after that sync: the next one waits out the rest of the spacing, and the
        // appends made meanwhile share it.
        time.advance(.milliseconds(100))
        let completed = Mutex<[Int]>([])
        for i in 2...6 {
            j.append(article(i)) { r in
                XCTAssertEqual(try? r.get(), .accepted)
                completed.withLock { $0.append(i) }
            }
        }
        XCTAssertEqual(time.delays, [.milliseconds(200)], "one delayed flush, for what is left of the spacing")
        XCTAssertEqual(completed.withLock { $0 }, [], "nothing is durable before that flush")
        XCTAssertEqual(j.syncCount, 1)
        time.runDelayed()
        XCTAssertEqual(completed.withLock { $0 }.sorted(), [2, 3, 4, 5, 6])
        XCTAssertEqual(j.syncCount, 2, "one for the idle append, one shared by the five that followed")

        // Once the spacing has passed since that sync ended, an append syncs at once again.
        time.advance(spacing)
        XCTAssertEqual(try j.append(article(7)), .accepted)
        XCTAssertEqual(time.delays, [])
        XCTAssertEqual(j.syncCount, 3)
    }

    func testAGroupWaitsForTheLongerOfItsOwnWaitAndTheSpacing() {
        let now = ContinuousClock.now
        let delay = { (wait: Int, spacing: Int, sinceSync: Int?) in
            ArticleJournal.flushDelay(groupWait: .milliseconds(wait), spacing: .milliseconds(spacing),
                                      lastSyncEnded: sinceSync.map { now - .milliseconds($0) }, now: now)
        }
        XCTAssertEqual(delay(0, 300, nil), .zero, "never synced: no spacing")
        XCTAssertEqual(delay(50, 300, nil), .milliseconds(50), "the group's own wait")
        XCTAssertEqual(delay(0, 300, 100), .milliseconds(200), "what is left of the spacing")
        XCTAssertEqual(delay(250, 300, 100), .milliseconds(250), "the group's wait when longer")
        XCTAssertLessThanOrEqual(delay(0, 300, 300), .zero, "the spacing has passed: at once")
        XCTAssertLessThanOrEqual(delay(0, 0, 0), .zero, "no spacing")
    }

    // MARK: compaction

    func testCompactionKeepsUnfinishedAndDuplicateMemory() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .always, maxRememberedIDs: 1_000, compactionMinBytes: 8 * 1024)
        for i in 0..<40 { _ = try j.append(article(i)) }
        let before = j.sizeBytes
        for i in 0..<40 where i % 8 != 0 { try j.markDone(article(i).articleID) }
        try j.markRejected(article(8).articleID, reason: "too short")
        j.waitForMaintenance()
        XCTAssertGreaterThan(j.compactionCount, 0)
        XCTAssertNil(j.lastCompactionError)
        XCTAssertLessThan(j.sizeBytes, before / 2)
        let unfinished = [0, 16, 24, 32].map { article($0) }
        XCTAssertEqual(j.unfinished(), unfinished)
        XCTAssertEqual(try j.append(article(5)), .duplicate(originalName: "article-5.txt"))
        _ = try j.append(article(100))
        j.close()

        j = try ArticleJournal(directory: journalDir, fsync: .always, maxRememberedIDs: 1_000, compactionMinBytes: 8 * 1024)
        defer { j.close() }
        XCTAssertEqual(j.recoveryNotes, [])
        XCTAssertEqual(j.unfinished(), unfinished + [article(100)])
        XCTAssertEqual(try j.append(article(7)), .duplicate(originalName: "article-7.txt"))
        XCTAssertEqual(j.status(article(8).articleID), .rejected(reason: "too short"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: journalPath + ".compact"))
    }

    func testRememberedIDsAreBounded() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .never, maxRememberedIDs: 5, compactionMinBytes: 0)
        for i in 0..<20 {
            _ = try j.append(article(i))
            try j.markDone(article(i).articleID)
        }
        XCTAssertNil(j.status(article(0).articleID), "oldest finished ids are forgotten")
        XCTAssertEqual(j.status(article(19).articleID), .done)
        j.close()
        j = try ArticleJournal(directory: journalDir, fsync: .never, maxRememberedIDs: 5, compactionMinBytes: 0)
        defer { j.close() }
        XCTAssertEqual((0..<20).filter { j.status(article($0).articleID) != nil }, [15, 16, 17, 18, 19])
        XCTAssertEqual(try j.append(article(0)), .accepted)
        XCTAssertEqual(try j.append(article(19)), .duplicate(originalName: "article-19.txt"))
    }

    // MARK: recovery: attempts, seqs of done articles, reopening

    func testRecoveryAttemptsAreDurableAndSurviveCompaction() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .always, maxRememberedIDs: 1_000, compactionMinBytes: 4 * 1024)
        let poison = article(1)
        _ = try j.append(poison)
        XCTAssertEqual(j.attempts(poison.articleID), 0)
        XCTAssertEqual(try j.recordAttempt(poison.articleID), 1)
        j.close()
        j = try ArticleJournal(directory: journalDir, fsync: .always, maxRememberedIDs: 1_000, compactionMinBytes: 4 * 1024)
        XCTAssertEqual(j.attempts(poison.articleID), 1)
        XCTAssertEqual(try j.recordAttempt(poison.articleID), 2)
        // Enough finished articles to compact: the attempts are copied with the pending record.
        for i in 10..<60 {
            _ = try j.append(article(i))
            try j.markDone([FinishedArticle(articleID: article(i).articleID, seqs: UInt64(i)...UInt64(i))])
        }
        j.waitForMaintenance()
        XCTAssertGreaterThan(j.compactionCount, 0)
        j.close()
        j = try ArticleJournal(directory: journalDir, fsync: .always, maxRememberedIDs: 1_000, compactionMinBytes: 4 * 1024)
        defer { j.close() }
        XCTAssertEqual(j.attempts(poison.articleID), 2)
        XCTAssertEqual(j.unfinished(), [poison])
        XCTAssertThrowsError(try j.recordAttempt(article(10).articleID), "a finished article is not attempted")
    }

    func testDoneMarksKeepTheHighestSeqEvenWhenIdsAreForgotten() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .never, maxRememberedIDs: 3, compactionMinBytes: 0)
        for i in 0..<10 {
            _ = try j.append(article(i))
            try j.markDone([FinishedArticle(articleID: article(i).articleID, seqs: UInt64(i * 5 + 1)...UInt64(i * 5 + 5))])
        }
        _ = try j.append(article(10))
        try j.markDone([FinishedArticle(articleID: article(10).articleID, seqs: nil)])  // it logged nothing new
        XCTAssertEqual(j.highestSeq, 50)
        j.waitForMaintenance()
        XCTAssertGreaterThan(j.compactionCount, 0, "the high-water record is what keeps it")
        j.close()
        j = try ArticleJournal(directory: journalDir, fsync: .never, maxRememberedIDs: 3, compactionMinBytes: 0)
        defer { j.close() }
        XCTAssertEqual(j.highestSeq, 50, "the highest seq outlives the ids compaction forgot")
        XCTAssertEqual(j.articles(withEventsIn: [44...46]), [article(8).articleID, article(9).articleID].sorted())
    }

    func testArticlesWhoseEventsAreLostAreReopenedDurably() throws {
        var j = try ArticleJournal(directory: journalDir, fsync: .always)
        for i in 0..<6 {
            _ = try j.append(article(i))
            try j.markDone([FinishedArticle(articleID: article(i).articleID, seqs: UInt64(i * 10 + 1)...UInt64(i * 10 + 10))])
        }
        XCTAssertEqual(j.unfinished(), [])
        let lost = j.articles(withEventsIn: [25...41])
        XCTAssertEqual(lost, [2, 3, 4].map { article($0).articleID }.sorted())
        XCTAssertEqual(try j.reopen(lost), [])
        XCTAssertEqual(j.unfinished(), [article(2), article(3), article(4)])
        j.close()
        j = try ArticleJournal(directory: journalDir, fsync: .always)
        XCTAssertEqual(j.unfinished(), [article(2), article(3), article(4)])
        XCTAssertEqual(j.highestSeq, 60)
        // Run again: new seqs; they no longer meet the lost range.
        try j.markDone([2, 3, 4].map { FinishedArticle(articleID: article($0).articleID, seqs: UInt64(60 + $0)...UInt64(60 + $0)) })
        XCTAssertEqual(j.articles(withEventsIn: [25...41]), [])
        j.close()
        j = try ArticleJournal(directory: journalDir, fsync: .always)
        defer { j.close() }
        XCTAssertEqual(j.unfinished(), [])
        XCTAssertEqual(j.status(article(3).articleID), .done)
        XCTAssertEqual(j.articles(withEventsIn: [25...41]), [])
        XCTAssertEqual(j.highestSeq, 64)
    }
}
