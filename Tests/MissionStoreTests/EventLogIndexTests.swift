import Foundation
import XCTest
@testable import MissionStore

/// Segment indexes: ids on disk, and a start that reads only what no index covers.
final class EventLogIndexTests: StoreTestCase {
    var logDir: String { dir + "/events" }

    func open(at directory: String? = nil, checkpoint: Int = 100) throws -> EventLog {
        try EventLog(directory: directory ?? logDir, fsync: .never, retention: .unlimited, segmentBytes: 64 << 10, checkpointEvents: checkpoint)
    }

    private func events(_ range: ClosedRange<Int>) -> [PendingEvent] {
        range.map { i in PendingEvent(id: String(format: "evt_%016x", i * 2_654_435_761)) { seq in "{\"seq\":\(seq),\"pad\":\"\(String(repeating: "x", count: 200))\"}" } }
    }

    func testIdsOfSealedSegmentsAreOnDiskAndStillDeduplicate() throws {
        var log = try open()
        for k in 0..<20 { _ = try log.append(events((k * 100 + 1)...(k * 100 + 100))) }
        log.waitForIndexes()
        XCTAssertGreaterThan(log.segmentCount, 3)
        XCTAssertLessThanOrEqual(log.idsInMemory, 200, "sealed segments keep their ids on disk")
        XCTAssertEqual(try log.append(events(1...2_000)), [], "every id is known")
        log.close()
        log = try open()
        defer { log.close() }
        XCTAssertEqual(log.bytesScannedAtOpen, 0, "a clean stop leaves nothing to scan")
        XCTAssertEqual(log.lastSeq, 2_000)
        XCTAssertEqual(try log.append(events(1_990...2_010)).map(\.seq), Array(2_001...2_010))
        guard case let .events(e, _) = log.read(after: 1_234, max: 3) else { return XCTFail() }
        XCTAssertEqual(e.map(\.seq), [1_235, 1_236, 1_237], "reads start from the sparse offsets the index kept")
    }

    func testAfterAKillOnlyTheTailSinceTheLastCheckpointIsScanned() throws {
        let log = try open(checkpoint: 100)
        defer { log.close() }
        _ = try log.append(events(1...1_000))
        for k in 0..<30 { _ = try log.append(events((1_001 + k)...(1_001 + k))) }
        log.waitForIndexes()
        // A copy of the directory as it is now, without close: what a SIGKILL leaves.
        let copy = dir + "/killed"
        try FileManager.default.copyItem(atPath: logDir, toPath: copy)
        try? FileManager.default.removeItem(atPath: copy + "/LOCK")
        let reopened = try open(at: copy)
        defer { reopened.close() }
        XCTAssertEqual(reopened.lastSeq, 1_030)
        XCTAssertGreaterThan(reopened.bytesScannedAtOpen, 0)
        XCTAssertLessThan(reopened.bytesScannedAtOpen, 100 * 300, "at most a checkpoint's worth of events")
        XCTAssertEqual(try reopened.append(events(1_020...1_031)).map(\.seq), [1_031], "ids after the checkpoint are known too")
        XCTAssertEqual(reopened.verifyIndexedRecords(), [])
    }

    func testAStaleOrDamagedIndexMeansAScanNotAWrongAnswer() throws {
        var log = try open()
        _ = try log.append(events(1...300))
        log.close()
        let segment = logDir + "/" + EventLog.segmentName(1)
        let index = SegmentIndex.path(ofSegment: segment)
        XCTAssertTrue(FileManager.default.fileExists(atPath: index))
        flipByte(index, at: fileSize(index) - SortedTable.footerSize - 2)
        log = try open()
        XCTAssertEqual(log.bytesScannedAtOpen, fileSize(segment))
        XCTAssertEqual(log.lastSeq, 300)
        XCTAssertEqual(try log.append(events(1...300)), [])
        log.close()
        // A record damaged inside what an index covers: the start does not read it; the check does.
        flipByte(segment, at: fileSize(segment) / 2)
        log = try open()
        defer { log.close() }
        XCTAssertEqual(log.bytesScannedAtOpen, 0)
        let damage = log.verifyIndexedRecords()
        XCTAssertEqual(damage.count, 1)
        XCTAssertTrue(damage[0].contains("corrupt record at offset"), damage[0])
    }
}
