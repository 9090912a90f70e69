import Foundation
import XCTest

/// Names from outside are escaped in the log: a file or a client named with a newline and
/// a fake `critical` line, or a terminal escape, gives one line, never a forged one.
final class LogInjectionTests: XCTestCase {
    private let forged = "evil\n2026-01-01T00:00:00.000Z critical missiond: forged line\u{1b}[31m.txt"
    private let escaped = #"evil\n2026-01-01T00:00:00.000Z critical missiond: forged line\x1b[31m.txt"#

    func testAFileNameAndASocketNameWithANewlineAndAnEscapeGiveOneEscapedLineEach() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)

        // A file: journaled, which logs one line naming it.
        try Data(try seedArticle(richSeed)).write(to: daemon.inbox.appendingPathComponent(forged))
        XCTAssertNotNil(try subscriber.done(forged), "the file was not processed")
        // A socket article: an empty body is refused, which logs one line naming it.
        let socketName = "client-" + forged
        let reply = try daemon.request(daemon.intake, [Array(socketName.utf8), []]).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(reply.first, "error", "\(reply)")
        XCTAssertNotNil(try subscriber.rejected(socketName))

        XCTAssertTrue(daemon.waitForLog("client-" + escaped), daemon.log())
        XCTAssertTrue(daemon.waitForLog("file=" + escaped), daemon.log())
        let lines = daemon.log().components(separatedBy: "\n")
        XCTAssertEqual(lines.filter { $0.contains("file=" + escaped) }.count, 1, "the file: one line")
        XCTAssertEqual(lines.filter { $0.contains("name=client-" + escaped) }.count, 1, "the client: one line")
        XCTAssertFalse(lines.contains { $0.hasPrefix("2026-01-01T00:00:00.000Z") }, "a forged line")
        XCTAssertFalse(daemon.log().contains("\u{1b}"), "a raw terminal escape reached the log")
    }
}
