import Foundation
import XCTest
@testable import MissionStore

final class SortedTableTests: StoreTestCase {
    private func key(_ i: Int) -> TableKey { TableKey(articleID: "sha256:" + String(format: "%064x", i * 7919)) }

    private func write(_ n: Int, to path: String, meta: [UInt8] = [1, 2, 3]) throws -> SortedTable {
        var writer = try SortedTableWriter(path: path, expectedKeys: n)
        for k in (0..<n).map(key).sorted() { try writer.add(k, Array("value-\(k.hi)".utf8)) }
        try writer.finish(meta: meta, sync: true)
        return try SortedTable(path: path)
    }

    func testEveryKeyIsFoundWithItsValueAndOthersAreNot() throws {
        let table = try write(20_000, to: dir + "/t.tbl")
        XCTAssertEqual(table.entryCount, 20_000)
        XCTAssertEqual(table.meta, [1, 2, 3])
        XCTAssertGreaterThan(table.blockCount, 100, "many blocks: the fence is exercised")
        for i in stride(from: 0, to: 20_000, by: 37) {
            XCTAssertEqual(try table.value(for: key(i)).map { String(decoding: $0, as: UTF8.self) }, "value-\(key(i).hi)")
        }
        var falsePositives = 0
        for i in 20_000..<40_000 {
            XCTAssertNil(try table.value(for: key(i)))
            if table.mayContain(key(i)) { falsePositives += 1 }
        }
        XCTAssertLessThan(falsePositives, 20_000 * 3 / 100, "about 1 % false positives at 10 bits a key")
        var cursor = SortedTable.Cursor(table)
        var previous: TableKey?, count = 0
        while let (k, _) = try cursor.next() {
            if let previous { XCTAssertLessThan(previous, k) }
            previous = k
            count += 1
        }
        XCTAssertEqual(count, 20_000)
    }

    func testDamagedBlockIsAnErrorAndDamagedFooterRefusesToOpen() throws {
        let path = dir + "/t.tbl"
        _ = try write(2_000, to: path)
        flipByte(path, at: 100)  // inside the first block
        let table = try SortedTable(path: path)
        XCTAssertThrowsError(try table.block(0)) { XCTAssertTrue("\($0)".contains("damaged"), "\($0)") }
        var cursor = SortedTable.Cursor(table, skipDamaged: true)
        var count = 0
        while try cursor.next() != nil { count += 1 }
        XCTAssertEqual(cursor.damaged.count, 1)
        XCTAssertLessThan(count, 2_000)
        XCTAssertGreaterThan(count, 1_500)
        flipByte(path, at: fileSize(path) - SortedTable.footerSize - 5)  // in the Bloom filter
        XCTAssertThrowsError(try SortedTable(path: path)) { XCTAssertTrue("\($0)".contains("checksum"), "\($0)") }
    }

    func testEmptyTable() throws {
        let table = try write(0, to: dir + "/empty.tbl")
        XCTAssertEqual(table.entryCount, 0)
        XCTAssertNil(try table.value(for: key(1)))
    }

    func testArticleKeysKeepIdsThatDifferOnlyAtTheEndApart() {
        let a = TableKey(articleID: "sha256:" + String(repeating: "0", count: 63) + "1")
        let b = TableKey(articleID: "sha256:" + String(repeating: "0", count: 63) + "2")
        XCTAssertNotEqual(a, b)
        XCTAssertNotEqual(TableKey(articleID: "a1"), TableKey(articleID: "a2"))
        let real = "sha256:3f1c9a0b7d4c11aa6f1c2a9e0b7d4c1100112233445566778899aabbccddeeff"
        XCTAssertEqual(TableKey(articleID: real).hi, 0x3f1c_9a0b_7d4c_11aa, "the first 64 bits as they are")
    }
}
