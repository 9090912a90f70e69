import Foundation
import XCTest

/// A file still being written when the daemon scans the inbox (at start) is taken only
/// once it is complete: the article journaled is the whole final text, never a fragment.
final class InboxSettleTests: XCTestCase {
    func testAFileStillBeingWrittenAtStartIsJournaledWhole() throws {
        // 200 times the writer's pace, so a stalled writer on a busy machine is not taken for
        // a finished one (the close takes the file, so the test does not wait for it).
        let daemon = try DaemonProcess(self, config: "inbox_settle_seconds: 10")
        let seed = repositoryRoot.appendingPathComponent("seeds/\(richSeed)").path
        let copy = daemon.directory.appendingPathComponent("written.txt").path
        let started = daemon.directory.appendingPathComponent("daemon-started").path
        // The seed, then a line every 50 ms until the daemon has been up for 20 more lines (at
        // most 600 lines in all, should the test end early); tee keeps slow.txt open for
        // writing all along and closes it at the end.
        let script = """
            { cat "$1"; i=0; n=0; while [ $n -lt 600 ] && { [ ! -e "$2" ] || [ $i -lt 20 ]; }; do
                sleep 0.05; echo "Annex line $n of the record."; n=$((n+1)); if [ -e "$2" ]; then i=$((i+1)); fi; done; } | tee "$3" > "$4"
            """
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", script, "sh", seed, started, copy, daemon.inbox.appendingPathComponent("slow.txt").path]
        try writer.run()
        addTeardownBlock { if writer.isRunning { writer.terminate() } }
        XCTAssertTrue(eventually { daemon.inboxFiles() == ["slow.txt"] })

        try daemon.start()
        XCTAssertTrue(FileManager.default.createFile(atPath: started, contents: nil))
        let subscriber = try Subscriber(daemon: daemon)
        writer.waitUntilExit()
        let whole = try Data(contentsOf: URL(fileURLWithPath: copy))

        XCTAssertTrue(eventually(timeout: 20) { daemon.storedNames("done") == ["slow.txt"] }, "done: \(daemon.stateFiles("done"))")
        let stored = try XCTUnwrap(daemon.stateFiles("done").first { !$0.hasSuffix(".name") })
        XCTAssertEqual(try Data(contentsOf: daemon.state.appendingPathComponent("done/\(stored)")), whole)
        // One file read and journaled, once: no fragment went in before it.
        let stats = try XCTUnwrap(try subscriber.next { ($0.json["intake"] as? [String: Any]).map { (($0["dir"] as? [String: Any])?["accepted"] as? Int ?? 0) >= 1 } ?? false })
        let dir = try XCTUnwrap((stats.json["intake"] as? [String: Any])?["dir"] as? [String: Any])
        XCTAssertEqual(dir["received"] as? Int, 1, "\(dir)")
        XCTAssertEqual(dir["accepted"] as? Int, 1, "\(dir)")
        // The journal holds the whole text: sent again, it is a duplicate.
        let reply = try daemon.request(daemon.intake, [Array("again.txt".utf8), Array(whole)]).map { String(decoding: $0, as: UTF8.self) }
        XCTAssertEqual(reply.first, "duplicate", "\(reply)")
    }
}
