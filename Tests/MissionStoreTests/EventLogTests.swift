import Foundation
import XCTest
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
@testable import MissionStore

final class EventLogTests: StoreTestCase {
    var logDir: String { dir + "/events" }

    func open(_ fsync: FsyncPolicy = .always, retention: Retention = .unlimited, segmentBytes: Int = 1 << 20) throws -> EventLog {
        try EventLog(directory: logDir, fsync: fsync, retention: retention, segmentBytes: segmentBytes)
    }

    func all(_ log: EventLog) -> [LoggedEvent] {
        guard case let .events(e, more) = log.read(after: 0, max: 1_000_000) else { XCTFail("expired"); return [] }
        XCTAssertFalse(more)
        return e
    }

    func segmentFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: logDir)) ?? []).filter { $0.hasPrefix("events-") && $0.hasSuffix(".log") }.sorted()
    }

    func testSeqIsGapFreeAcrossReopen() throws {
        var log = try open()
        XCTAssertEqual(log.lastSeq, 0)
        XCTAssertEqual(log.read(after: 0, max: 10), .events([], more: false))
        let first = try log.append((1...5).map { pending("evt_\($0)") })
        XCTAssertEqual(first.map(\.seq), [1, 2, 3, 4, 5])
        XCTAssertEqual(first[2], LoggedEvent(seq: 3, id: "evt_3", json: "{\"id\":\"evt_3\",\"seq\":3}"))
        log.close()

        log = try open()
        XCTAssertEqual(log.lastSeq, 5)
        XCTAssertEqual(log.oldestSeq, 1)
        XCTAssertEqual(try log.append((6...8).map { pending("evt_\($0)") }).map(\.seq), [6, 7, 8])
        log.close()

        log = try open()
        defer { log.close() }
        let events = all(log)
        XCTAssertEqual(events.map(\.seq), Array(1...8))
        XCTAssertEqual(events.map(\.id), (1...8).map { "evt_\($0)" })
        XCTAssertEqual(events[7].json, "{\"id\":\"evt_8\",\"seq\":8}")
        XCTAssertEqual(segmentFiles(), ["events-000000000001.log"])
    }

    func testKnownIdsAreNotAppendedAgain() throws {
        var log = try open()
        _ = try log.append(["a", "b", "c"].map(pending))
        XCTAssertEqual(try log.append(["a", "b", "c"].map(pending)), [])
        // Known ids skipped, duplicates inside one batch too; new ones continue the numbering.
        XCTAssertEqual(try log.append(["b", "d", "d", "e"].map(pending)).map { "\($0.seq):\($0.id)" }, ["4:d", "5:e"])
        let size = log.sizeBytes
        log.close()
        log = try open()
        defer { log.close() }
        XCTAssertEqual(try log.append(["a", "e"].map(pending)), [], "ids are rebuilt by scanning on open")
        XCTAssertEqual(log.sizeBytes, size)
        XCTAssertTrue(log.contains(id: "d"))
        XCTAssertEqual(log.lastSeq, 5)
    }

    /// The log remembers an extractor id by its 64 bits exactly, any other id by a hash: both
    /// are recognised after a reopen, and ids that differ in one hex digit stay apart.
    func testEventKeysKeepIdsApart() throws {
        XCTAssertEqual(EventKey("evt_00000000000000ff").value, 255)
        XCTAssertEqual(EventKey("evt_92d2365388078378").value, 0x92d2_3653_8807_8378)
        XCTAssertNotEqual(EventKey("evt_92d2365388078378"), EventKey("evt_92d2365388078379"))
        XCTAssertNotEqual(EventKey("evt_92D2365388078378"), EventKey("evt_92d2365388078378"), "not lower-case hex: hashed, so never equal to the hex value")
        XCTAssertNotEqual(EventKey("a"), EventKey("b"))

        var log = try open()
        _ = try log.append([pending("evt_92d2365388078378"), pending("custom-1")])
        log.close()
        log = try open()
        XCTAssertTrue(log.contains(id: "evt_92d2365388078378"))
        XCTAssertTrue(log.contains(id: "custom-1"))
        XCTAssertFalse(log.contains(id: "evt_92d2365388078379"))
        XCTAssertEqual(try log.append([pending("evt_92d2365388078378"), pending("custom-1"), pending("evt_92d2365388078379")]).map(\.id),
                       ["evt_92d2365388078379"])
    }

    func testReadPagingWithMore() throws {
        let log = try open(.never, segmentBytes: 2048)  // several segments, so pages cross them
        defer { log.close() }
        for i in 1...95 { _ = try log.append([pending("evt_\(i)")]) }
        XCTAssertGreaterThan(segmentFiles().count, 3)
        var after: UInt64 = 0
        var seen: [UInt64] = []
        var pages = 0
        while true {
            guard case let .events(events, more) = log.read(after: after, max: 10) else { return XCTFail("expired") }
            pages += 1
            XCTAssertLessThanOrEqual(events.count, 10)
            seen += events.map(\.seq)
            after = events.last?.seq ?? after
            XCTAssertEqual(more, after < 95)
            if !more { break }
        }
        XCTAssertEqual(seen, Array(1...95))
        XCTAssertEqual(pages, 10)
        // Starting in the middle of a segment and of a sparse-index stride.
        guard case let .events(mid, true) = log.read(after: 37, max: 3) else { return XCTFail() }
        XCTAssertEqual(mid.map(\.seq), [38, 39, 40])
        XCTAssertEqual(log.read(after: 95, max: 10), .events([], more: false))
        XCTAssertEqual(log.read(after: 500, max: 10), .events([], more: false))
    }

    func testRetentionBySizeDropsOldSegmentsAndReportsExpiry() throws {
        var log = try open(.always, retention: Retention(maxBytes: 3000, maxAgeSeconds: 0), segmentBytes: 1000)
        for i in 1...100 { _ = try log.append([pending("evt_\(i)")]) }
        try log.applyRetention()
        XCTAssertLessThanOrEqual(log.sizeBytes, 3000 + 1000)
        let oldest = log.oldestSeq
        XCTAssertGreaterThan(oldest, 1)
        XCTAssertEqual(log.lastSeq, 100)
        XCTAssertEqual(log.read(after: 0, max: 10), .expired(oldestKept: oldest))
        XCTAssertEqual(log.read(after: oldest - 2, max: 10), .expired(oldestKept: oldest))
        guard case let .events(kept, false) = log.read(after: oldest - 1, max: 1000) else { return XCTFail() }
        XCTAssertEqual(kept.map(\.seq), Array(oldest...100))
        XCTAssertEqual(segmentFiles().first, EventLog.segmentName(oldest))
        // Dropped ids are forgotten (documented): the same id would be logged again.
        XCTAssertFalse(log.contains(id: "evt_1"))
        XCTAssertTrue(log.contains(id: "evt_100"))
        log.close()

        log = try open(.always, retention: Retention(maxBytes: 3000, maxAgeSeconds: 0), segmentBytes: 1000)
        defer { log.close() }
        XCTAssertEqual(log.oldestSeq, oldest)
        XCTAssertEqual(log.lastSeq, 100)
        XCTAssertEqual(try log.append([pending("evt_101")]).map(\.seq), [101])
    }

    func testRetentionKeepsNewestSegmentSoNumberingSurvives() throws {
        var log = try open(.never, retention: Retention(maxBytes: 1, maxAgeSeconds: 3600), segmentBytes: 500)
        for i in 1...30 { _ = try log.append([pending("evt_\(i)")]) }
        try log.applyRetention(now: Date().addingTimeInterval(7200))
        XCTAssertEqual(segmentFiles().count, 1)
        XCTAssertEqual(log.lastSeq, 30)
        log.close()
        log = try open(.never, retention: Retention(maxBytes: 1, maxAgeSeconds: 3600), segmentBytes: 500)
        defer { log.close() }
        XCTAssertEqual(log.lastSeq, 30)
        XCTAssertEqual(try log.append([pending("evt_31")]).map(\.seq), [31])
    }

    func testRetentionByAge() throws {
        let log = try open(.never, retention: Retention(maxBytes: 0, maxAgeSeconds: 3600), segmentBytes: 500)
        defer { log.close() }
        for i in 1...30 { _ = try log.append([pending("evt_\(i)")]) }
        let segments = segmentFiles().count
        XCTAssertGreaterThan(segments, 2)
        try log.applyRetention()
        XCTAssertEqual(segmentFiles().count, segments, "nothing is an hour old yet")
        try log.applyRetention(now: Date().addingTimeInterval(3601))
        XCTAssertEqual(segmentFiles().count, 1)
        guard case .expired = log.read(after: 0, max: 10) else { return XCTFail() }
    }

    func testTornTailOfNewestSegment() throws {
        var log = try open()
        _ = try log.append((1...4).map { pending("evt_\($0)") })
        let path = logDir + "/" + EventLog.segmentName(1)
        let size = log.sizeBytes
        log.close()
        truncateFile(path, to: size - 5)

        log = try open()
        XCTAssertEqual(log.recoveryNotes.count, 1)
        XCTAssertTrue(log.recoveryNotes[0].contains("truncated torn record"), log.recoveryNotes[0])
        XCTAssertEqual(log.lastSeq, 3)
        XCTAssertFalse(log.contains(id: "evt_4"))
        XCTAssertEqual(try log.append([pending("evt_4"), pending("evt_5")]).map(\.seq), [4, 5])
        log.close()

        flipByte(path, at: fileSize(path) - 3)
        log = try open()
        defer { log.close() }
        XCTAssertEqual(log.recoveryNotes.count, 1)
        XCTAssertEqual(all(log).map(\.seq), [1, 2, 3, 4])
    }

    func testCorruptSealedSegmentIsAnError() throws {
        let log = try open(.never, segmentBytes: 300)
        for i in 1...10 { _ = try log.append([pending("evt_\(i)")]) }
        log.close()
        let first = logDir + "/" + segmentFiles()[0]
        flipByte(first, at: fileSize(first) - 2)  // tail of a segment that is not the newest
        XCTAssertThrowsError(try open(.never, segmentBytes: 300)) { error in
            XCTAssertTrue("\(error)".contains("sealed"), "\(error)")
        }
    }

    func testMissingSegmentIsALostRangeAndSeqGoesOn() throws {
        var log = try open(.never, segmentBytes: 300)
        for i in 1...20 { _ = try log.append([pending("evt_\(i)")]) }
        log.close()
        let files = segmentFiles()
        XCTAssertGreaterThan(files.count, 2)
        let firstOfMissing = UInt64(files[1].dropFirst("events-".count).dropLast(".log".count))!
        let firstOfNext = UInt64(files[2].dropFirst("events-".count).dropLast(".log".count))!
        try FileManager.default.removeItem(atPath: logDir + "/" + files[1])

        log = try open(.never, segmentBytes: 300)
        XCTAssertEqual(log.lostRanges, [firstOfMissing...(firstOfNext - 1)])
        XCTAssertEqual(log.damage.count, 1)
        XCTAssertTrue(log.damage[0].contains("seqs \(firstOfMissing)-\(firstOfNext - 1) are missing"), log.damage[0])
        XCTAssertEqual(log.lastSeq, 20)
        XCTAssertEqual(log.read(after: firstOfMissing - 1, max: 10), .lost(firstOfMissing...(firstOfNext - 1)))
        XCTAssertEqual(try log.append([pending("evt_21")]).map(\.seq), [21])
        log.close()
        // Found again at the next open: the hole stays visible.
        log = try open(.never, segmentBytes: 300)
        XCTAssertEqual(log.lostRanges, [firstOfMissing...(firstOfNext - 1)])
        log.close()
    }

    func testDeletedSegmentsDoNotRestartSeqAtOne() throws {
        var log = try open(segmentBytes: 300)
        for i in 1...20 { _ = try log.append([pending("evt_\(i)")]) }
        log.close()
        for file in segmentFiles() { try FileManager.default.removeItem(atPath: logDir + "/" + file) }
        // The journal's done marks say seq 20 was written.
        log = try EventLog(directory: logDir, fsync: .always, retention: .unlimited, segmentBytes: 300, syncedThrough: 20)
        XCTAssertEqual(log.lastSeq, 20)
        XCTAssertEqual(log.lostRanges, [1...20])
        XCTAssertEqual(log.damage.count, 1)
        XCTAssertEqual(try log.append([pending("evt_again")]).map(\.seq), [21])
        XCTAssertEqual(log.read(after: 0, max: 10), .lost(1...20))
        XCTAssertEqual(log.read(after: 20, max: 10), .events([LoggedEvent(seq: 21, id: "evt_again", json: "{\"id\":\"evt_again\",\"seq\":21}")], more: false))
        log.close()
        log = try EventLog(directory: logDir, fsync: .always, retention: .unlimited, segmentBytes: 300, syncedThrough: 20)
        XCTAssertEqual(log.lostRanges, [1...20])
        XCTAssertEqual(log.lastSeq, 21)
        log.close()
    }

    func testLogCutMidFileBelowWhatTheJournalSaysIsDamageNotATornTail() throws {
        var log = try open()
        _ = try log.append((1...40).map { pending("evt_\($0)") })
        let path = logDir + "/" + EventLog.segmentName(1)
        log.close()
        truncateFile(path, to: fileSize(path) / 2 + 5)  // mid-record, half the events gone
        log = try EventLog(directory: logDir, fsync: .always, retention: .unlimited, syncedThrough: 40)
        // What survives, then `more`: the next read names the lost range.
        guard case let .events(survivors, true) = log.read(after: 0, max: 100) else { return XCTFail("no survivors") }
        let kept = survivors.count
        XCTAssertLessThan(kept, 30)
        XCTAssertEqual(log.read(after: UInt64(kept), max: 100), .lost(UInt64(kept + 1)...40))
        XCTAssertEqual(log.lostRanges, [UInt64(kept + 1)...40])
        XCTAssertEqual(log.damage.count, 1, "\(log.damage)")
        XCTAssertTrue(log.damage[0].contains("seqs \(kept + 1)-40 are lost"), log.damage[0])
        XCTAssertEqual(log.lastSeq, 40)
        // Re-appended events (their ids are no longer known) get new seqs, after the lost ones.
        XCTAssertFalse(log.contains(id: "evt_40"))
        XCTAssertEqual(try log.append([pending("evt_40")]).map(\.seq), [41])
        log.close()
    }

    func testGenuineTornTailIsStillCutSilently() throws {
        var log = try open()
        _ = try log.append((1...5).map { pending("evt_\($0)") })
        log.close()
        // Half a record that was never synced (the journal knows only seqs up to 5).
        var half = RecordBuffer()
        half.begin(kind: 16)
        half.append(UInt64(6))
        half.append(UInt64(0))
        half.append("evt_6")
        half.append("{\"seq\":6}")
        half.end()
        let path = logDir + "/" + EventLog.segmentName(1)
        let handle = FileHandle(forWritingAtPath: path)!
        handle.seekToEndOfFile()
        handle.write(Data(half.bytes.prefix(half.count / 2)))
        handle.closeFile()
        log = try EventLog(directory: logDir, fsync: .always, retention: .unlimited, syncedThrough: 5)
        defer { log.close() }
        XCTAssertEqual(log.damage, [])
        XCTAssertEqual(log.lostRanges, [])
        XCTAssertEqual(log.recoveryNotes.count, 1)
        XCTAssertEqual(log.lastSeq, 5)
        XCTAssertEqual(try log.append([pending("evt_6")]).map(\.seq), [6])
        XCTAssertEqual(all(log).map(\.seq), [1, 2, 3, 4, 5, 6])
    }

    func testFullDiskFailsWithoutConsumingSeqs() throws {
        let log = try open()
        defer { log.close() }
        _ = try log.append((1...3).map { pending("evt_\($0)") })
        let good = log.sizeBytes
        let path = logDir + "/" + EventLog.segmentName(1)
        let big = PendingEvent(id: "big") { seq in "{\"seq\":\(seq),\"pad\":\"\(String(repeating: "z", count: 4000))\"}" }
        try withFileSizeLimit(good + 100) {
            XCTAssertThrowsError(try log.append([pending("evt_4"), big])) { error in
                XCTAssertEqual((error as? StoreError)?.code, EFBIG, "\(error)")
            }
        }
        XCTAssertEqual(fileSize(path), good)
        XCTAssertEqual(log.lastSeq, 3)
        XCTAssertFalse(log.contains(id: "evt_4"))
        XCTAssertEqual(try log.append([pending("evt_4"), big]).map(\.seq), [4, 5])
        XCTAssertEqual(all(log).map(\.seq), [1, 2, 3, 4, 5])
    }

    func testReadersRunConcurrentlyWithTheWriter() throws {
        let log = try open(.never, segmentBytes: 16 * 1024)
        defer { log.close() }
        let n = 3000
        let problems = Mutex<[String]>([])
        let readerDone = DispatchSemaphore(value: 0)
        let stop = Atomic<Bool>(false)
        Thread {
            var rounds = 0
            while !stop.load(ordering: .acquiring) || rounds == 0 {
                rounds += 1
                var after: UInt64 = 0
                while true {
                    guard case let .events(events, more) = log.read(after: after, max: 250) else {
                        problems.withLock { $0.append("unexpected expiry") }
                        break
                    }
                    for e in events {
                        if e.seq != after + 1 || e.id != "evt_\(e.seq)" {
                            problems.withLock { if $0.count < 10 { $0.append("after \(after) got \(e.seq) \(e.id)") } }
                        }
                        after = e.seq
                    }
                    if !more { break }
                }
            }
            readerDone.signal()
        }.start()
        for i in stride(from: 1, through: n, by: 3) {
            _ = try log.append((i..<(i + 3)).map { pending("evt_\($0)") })
        }
        stop.store(true, ordering: .releasing)
        readerDone.wait()
        XCTAssertEqual(problems.withLock { $0 }, [])
        XCTAssertEqual(all(log).count, n)
    }

    func testRecordDamagedAfterOpenIsReportedNotSkipped() throws {
        let log = try open(.never)
        defer { log.close() }
        _ = try log.append((1...10).map { pending("evt_\($0)") })
        flipByte(logDir + "/" + EventLog.segmentName(1), at: log.sizeBytes - 3)  // inside evt_10
        guard case let .events(events, more) = log.read(after: 0, max: 100) else { return XCTFail() }
        XCTAssertEqual(events.map(\.seq), Array(1...9))
        XCTAssertTrue(more)
        // An error naming the seq, not an empty answer that reads as "nothing more".
        guard case let .damaged(seq, reason) = log.read(after: 9, max: 100) else { return XCTFail("not reported") }
        XCTAssertEqual(seq, 10)
        XCTAssertTrue(reason.contains("checksum mismatch"), reason)
        XCTAssertThrowsError(try log.readChecked(after: 9, max: 100)) { error in
            XCTAssertTrue("\(error)".contains("event seq 10"), "\(error)")
        }
        XCTAssertEqual(log.damagedReadCount, 2)
    }

    func testSyncPerAppendUnlessNever() throws {
        let log = try open(.groupCommit(milliseconds: 2))
        defer { log.close() }
        _ = try log.append((1...50).map { pending("evt_\($0)") })
        _ = try log.append([pending("evt_1")])  // nothing new: no write, no sync
        XCTAssertEqual(log.syncCount, 1)
    }
}
