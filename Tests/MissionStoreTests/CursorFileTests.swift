import XCTest
@testable import MissionStore

final class CursorFileTests: StoreTestCase {
    func testRoundTripAndReplace() throws {
        let cursor = CursorFile(path: dir + "/sub-alpha.cursor")
        XCTAssertNil(cursor.load())
        try cursor.save(42)
        XCTAssertEqual(cursor.load(), 42)
        try cursor.save(UInt64.max)
        XCTAssertEqual(CursorFile(path: dir + "/sub-alpha.cursor").load(), UInt64.max)
        try cursor.save(7)
        XCTAssertEqual(cursor.load(), 7)
        // Only the cursor itself remains: no temporary files left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["sub-alpha.cursor"])
    }

    func testGarbageLoadsAsNil() throws {
        let path = dir + "/bad.cursor"
        try "not a number\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertNil(CursorFile(path: path).load())
    }

    func testSaveIntoMissingDirectoryThrows() {
        XCTAssertThrowsError(try CursorFile(path: dir + "/missing/x.cursor").save(1)) { error in
            XCTAssertTrue("\(error)".contains("missing"), "\(error)")
        }
    }
}
