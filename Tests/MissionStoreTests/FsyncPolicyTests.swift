import XCTest
@testable import MissionStore

final class FsyncPolicyTests: XCTestCase {
    func testConfigValues() {
        XCTAssertEqual(FsyncPolicy(configValue: "always"), .always)
        XCTAssertEqual(FsyncPolicy(configValue: " Never "), .never)
        XCTAssertEqual(FsyncPolicy(configValue: "group:5"), .groupCommit(milliseconds: 5))
        XCTAssertEqual(FsyncPolicy(configValue: "group 5ms"), .groupCommit(milliseconds: 5))
        XCTAssertEqual(FsyncPolicy(configValue: "group=10ms"), .groupCommit(milliseconds: 10))
        XCTAssertEqual(FsyncPolicy(configValue: "group"), .groupCommit(milliseconds: 2))
        XCTAssertNil(FsyncPolicy(configValue: "sometimes"))
        XCTAssertNil(FsyncPolicy(configValue: "group:-1"))
        XCTAssertNil(FsyncPolicy(configValue: "group:abc"))
        XCTAssertNil(FsyncPolicy(configValue: "groupy"))
        XCTAssertNil(FsyncPolicy(configValue: ""))
    }
}
