import Foundation
import XCTest

/// A distinct article whose text is large (so the journal fills first) but whose events are few.
private func bulkyArticle(_ index: Int) throws -> [UInt8] {
    // Distinct lines: a repeated one would be cleaned away as page furniture.
    let filler = (0..<400).map { "Line \($0) of the annex lists entry \($0 * 7919 % 10007) for the record." }
        .joined(separator: "\n")
    // Before the story: that seed ends in page furniture, after which the cleaner drops everything.
    return Array("Bulletin \(index)\n\n\(filler)\n\n".utf8) + (try seedArticle("003_4c6d2493936d9d33.txt"))
}

/// A disk that fills up, through the real daemon: the journal cannot take an article, so the
/// client gets `error` (never a false `ok`), the daemon keeps running, and every article it did
/// acknowledge is still there after a restart.
final class FullDiskTests: XCTestCase {
    func testAFullDiskGetsAnErrorReplyNeverAFalseOk() throws {
        let daemon = try DaemonProcess(self)
        // About 64 KiB per file (dash counts 512-byte blocks): room for one or two 34 KB articles.
        try daemon.start(fileSizeLimitBlocks: 128)
        var acknowledged: [String] = []
        var reasons: [String] = []
        for index in 0..<8 {
            let name = "bulky-\(index).txt"
            let reply = try daemon.request(daemon.intake, [Array(name.utf8), try bulkyArticle(index)])
                .map { String(decoding: $0, as: UTF8.self) }
            switch reply.first {
            case "ok": acknowledged.append(name)
            case "error": reasons.append(reply.count > 1 ? reply[1] : "")
            default: XCTFail("unexpected reply \(reply)")
            }
        }
        XCTAssertFalse(acknowledged.isEmpty, "the first article fits")
        XCTAssertFalse(reasons.isEmpty, "the journal must refuse once the file cannot grow")
        XCTAssertTrue(reasons.allSatisfy { !$0.isEmpty }, "each refusal says why: \(reasons)")
        XCTAssertEqual(try daemon.request(daemon.replay, ["since", "0", "1"]).first, "events", "still running")

        // Room again: everything acknowledged comes out, re-processed from the journal if need be.
        _ = daemon.terminate()
        try daemon.start()
        var published: Set<String> = []
        XCTAssertTrue(try eventually(timeout: 20) {
            published = Set(try daemon.replayAll().compactMap { ($0["article"] as? [String: Any])?["name"] as? String })
            return Set(acknowledged).isSubset(of: published)
        }, "acknowledged \(acknowledged), published \(published.sorted())")
    }
}

/// After a full disk, an inbox file whose journaling failed is tried again and processed
/// once there is room, without a restart.
final class FullDiskRetryTests: XCTestCase {
    func testAnInboxFileIsJournaledOnceSpaceReturnsWithoutARestart() throws {
        let daemon = try DaemonProcess(self)
        // About 64 KiB per file (dash counts 512-byte blocks): room for one or two 34 KB articles.
        try daemon.start(fileSizeLimitBlocks: 128)
        let subscriber = try Subscriber(daemon: daemon)
        // Fill the journal over the socket until it refuses.
        var refused = false
        for index in 0..<8 where !refused {
            let reply = try daemon.request(daemon.intake, [Array("fill-\(index).txt".utf8), try bulkyArticle(index)])
            refused = reply.first.map { String(decoding: $0, as: UTF8.self) } == "error"
        }
        XCTAssertTrue(refused, "the journal never refused")

        try Data(try bulkyArticle(100)).write(to: daemon.inbox.appendingPathComponent("late.txt"))
        XCTAssertTrue(daemon.waitForLog("inbox file not taken for now"), daemon.log())
        XCTAssertNotNil(try subscriber.next { $0.topic == "daemon.stats" && $0.json["inbox_retry_pending"] as? Int == 1 })
        XCTAssertEqual(daemon.inboxFiles(), ["late.txt"])

        // Room again.
        try daemon.setLimit("fsize", soft: "unlimited")
        XCTAssertNotNil(try subscriber.done("late.txt", timeout: 30), "not processed once space returned")
        XCTAssertTrue(eventually { daemon.inboxFiles().isEmpty && daemon.storedNames("done") == ["late.txt"] },
                      "inbox \(daemon.inboxFiles()), done \(daemon.stateFiles("done"))")
        XCTAssertTrue(daemon.waitForLog("inbox file taken after trying again"), daemon.log())
        XCTAssertNotNil(try subscriber.next { $0.topic == "daemon.stats" && $0.json["inbox_retry_pending"] as? Int == 0 })
    }
}
