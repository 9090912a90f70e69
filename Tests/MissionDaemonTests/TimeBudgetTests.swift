import Foundation
import MissionStore
import XCTest

/// `article_time_budget_ms`: an article the extractor has not finished when its budget runs
/// out is refused like an undecodable one (article.rejected with the reason, kept in the
/// quarantine, never run again), and the daemon carries on with the next.
final class TimeBudgetTests: XCTestCase {
    /// About 1.5 MB of trade news: far more than a millisecond of work on any machine.
    private func largeArticle() throws -> [UInt8] {
        let seed = try seedArticle(richSeed)
        var body: [UInt8] = []
        var copy = 0
        while body.count < 1_500_000 {
            body += Array("Part \(copy)\n\n".utf8) + seed + Array("\n\n".utf8)
            copy += 1
        }
        return body
    }

    func testAnArticleOverItsTimeBudgetIsRejectedQuarantinedAndNotRunAgain() throws {
        let daemon = try DaemonProcess(self, config: "article_time_budget_ms: 1")
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let large = try largeArticle()

        // By file, and by socket (the reply is `error` when decode ran out, `ok` when a later stage did).
        try Data(large).write(to: daemon.inbox.appendingPathComponent("large.txt"))
        var socketLarge = large
        socketLarge += Array("\nSent by socket.\n".utf8)   // another text: not a duplicate of the file's
        let reply = try daemon.request(daemon.intake, [Array("large-socket.txt".utf8), socketLarge], timeout: 60)
            .map { String(decoding: $0, as: UTF8.self) }
        XCTAssertTrue(["error", "ok"].contains(reply.first ?? ""), "\(reply)")

        for name in ["large.txt", "large-socket.txt"] {
            let rejected = try XCTUnwrap(try subscriber.rejected(name, timeout: 60), "no article.rejected for \(name)")
            let reason = try XCTUnwrap(rejected["reason"] as? String)
            XCTAssertTrue(reason.hasPrefix("extraction exceeded the time budget of 1 ms at stage "), "\(name): \(reason)")
            let quarantined = try XCTUnwrap(rejected["quarantine"] as? String, "\(name): not kept in the quarantine")
            XCTAssertTrue(FileManager.default.fileExists(atPath: quarantined), "\(name): \(quarantined) missing")
            let written = try String(contentsOfFile: quarantined + ".reason", encoding: .utf8)
            XCTAssertEqual(written.trimmingCharacters(in: .newlines), reason)
        }
        XCTAssertEqual(subscriber.missionEvents(of: "large.txt").count, 0)

        // Still alive: with a generous budget again (a reload), an ordinary article goes through.
        try daemon.writeConfig("article_time_budget_ms: 120000")
        daemon.send(signal: SIGHUP)
        XCTAssertTrue(daemon.waitForLog("reloaded:", timeout: 30), "the reload must be applied")
        try Data(try seedArticle(richSeed)).write(to: daemon.inbox.appendingPathComponent("good.txt"))
        let done = try XCTUnwrap(try subscriber.done("good.txt", timeout: 60), "no article.done for good.txt")
        XCTAssertGreaterThan(done["events"] as? Int ?? 0, 0, "\(done)")

        // A restart does not run the refused articles again: none is left unfinished in the journal.
        XCTAssertEqual(daemon.terminate(), 0)
        try daemon.start()
        let restarted = try Subscriber(daemon: daemon)
        try Data(try seedArticle("002_3fc8d781f62ec8fa.txt")).write(to: daemon.inbox.appendingPathComponent("after.txt"))
        XCTAssertNotNil(try restarted.done("after.txt", timeout: 60))
        XCTAssertFalse(daemon.log().contains("running unfinished articles again"), daemon.log())
    }

    /// A journaled article that runs out of its budget after a restart (the path of any stage
    /// after the journal): marked rejected in the journal, its text kept in the quarantine.
    func testAJournaledArticleOverItsBudgetIsMarkedRejectedAndKept() throws {
        let daemon = try DaemonProcess(self, config: "article_time_budget_ms: 1")
        let journalDirectory = daemon.state.appendingPathComponent("journal").path
        let articleID = "sha256:" + String(repeating: "ab", count: 32)
        let text = String(decoding: try largeArticle(), as: UTF8.self)
        do {
            // Acknowledged before a crash, never finished: the daemon runs it again at start.
            let journal = try ArticleJournal(directory: journalDirectory, fsync: .never)
            XCTAssertEqual(try journal.append(JournaledArticle(articleID: articleID, name: "journaled.txt", source: "socket", text: text)), .accepted)
            journal.close()
        }
        try daemon.start()
        // It runs at start, before a subscriber could join: its article.rejected is read from the log.
        XCTAssertTrue(daemon.waitForLog("article rejected", timeout: 60), "no rejection logged")
        let line = try XCTUnwrap(daemon.log().split(separator: "\n").first { $0.contains("article rejected") })
        XCTAssertTrue(line.contains("extraction exceeded the time budget of 1 ms at stage "), "\(line)")
        XCTAssertTrue(line.contains(articleID), "\(line)")
        let reasons = daemon.stateFiles("quarantine").filter { $0.hasSuffix(".reason") }
        XCTAssertEqual(reasons.count, 1, "\(daemon.stateFiles("quarantine"))")
        let quarantined = daemon.state.appendingPathComponent("quarantine/" + String(try XCTUnwrap(reasons.first).dropLast(7))).path
        XCTAssertEqual(try String(contentsOfFile: quarantined, encoding: .utf8), text)
        let reason = try String(contentsOfFile: quarantined + ".reason", encoding: .utf8).trimmingCharacters(in: .newlines)
        XCTAssertTrue(reason.hasPrefix("extraction exceeded the time budget of 1 ms at stage "), reason)
        XCTAssertEqual(daemon.terminate(), 0)

        let journal = try ArticleJournal(directory: journalDirectory, fsync: .never)
        XCTAssertEqual(journal.status(articleID), .rejected(reason: reason))
        XCTAssertEqual(journal.unfinished().count, 0)
        journal.close()
    }
}
