import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif
@testable import MissionStore

/// A fresh temporary directory per test, removed afterwards.
class StoreTestCase: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "missionstore-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    func article(_ i: Int, text: String? = nil) -> JournaledArticle {
        JournaledArticle(articleID: "sha256:\(String(format: "%064x", i))", name: "article-\(i).txt", source: "dir",
                         published: i % 2 == 0 ? "2022-12-26" : nil, sourceURL: i % 3 == 0 ? "https://example.org/\(i)" : nil,
                         text: text ?? "Article \(i): " + String(repeating: "a trade delegation went abroad. ", count: 20 + i % 7))
    }

    func pending(_ id: String) -> PendingEvent {
        PendingEvent(id: id) { seq in "{\"id\":\"\(id)\",\"seq\":\(seq)}" }
    }

    func fileSize(_ path: String) -> Int {
        var st = stat()
        return stat(path, &st) == 0 ? Int(st.st_size) : -1
    }

    func truncateFile(_ path: String, to length: Int) {
        XCTAssertEqual(truncate(path, off_t(length)), 0, "truncate \(path)")
    }

    /// Inverts one byte of a file in place.
    func flipByte(_ path: String, at offset: Int) {
        let fd = open(path, O_RDWR)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var b: UInt8 = 0
        XCTAssertEqual(pread(fd, &b, 1, off_t(offset)), 1)
        b = ~b
        XCTAssertEqual(pwrite(fd, &b, 1, off_t(offset)), 1)
    }

    /// Runs `body` with RLIMIT_FSIZE lowered to `bytes` (SIGXFSZ ignored, so writes past it fail
    /// with EFBIG instead of killing the process), restoring both afterwards.
    func withFileSizeLimit<T>(_ bytes: Int, _ body: () throws -> T) rethrows -> T {
        var saved = rlimit()
        XCTAssertEqual(getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &saved), 0)
        let oldHandler = signal(SIGXFSZ, SIG_IGN)
        var limited = saved
        limited.rlim_cur = rlim_t(bytes)
        XCTAssertEqual(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limited), 0)
        defer {
            XCTAssertEqual(setrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &saved), 0)
            signal(SIGXFSZ, oldHandler)
        }
        return try body()
    }
}
