import Foundation
import XCTest
import ZMQ

/// `missiond subscribe --from` / `--durable` against the real daemon: the Clone pattern
/// (subscribe, replay, then live) must print every mission event once, in seq order.
final class SubscribeCatchUpTests: XCTestCase {
    /// A distinct article: a seed with its own first line, so its id and event ids are new.
    private func article(_ index: Int) throws -> [UInt8] {
        let seeds = ["001_bd3142a90b5e95d2.txt", "000_3530f925c42fef24.txt", "004_20efa504432d0a2c.txt"]
        return Array("Bulletin \(index)\n\n".utf8) + (try seedArticle(seeds[index % seeds.count]))
    }

    private func send(_ daemon: DaemonProcess, _ index: Int) throws {
        let reply = try daemon.request(daemon.intake, [Array("a\(index).txt".utf8), try article(index)])
        XCTAssertEqual(reply.first.map { String(decoding: $0, as: UTF8.self) }, "ok")
    }

    /// Runs `missiond subscribe` with `arguments`; returns the process and its stdout pipe.
    private func subscriber(_ daemon: DaemonProcess, _ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = try missiondExecutable()
        process.arguments = ["subscribe", "--endpoint", daemon.publish, "--replay", daemon.replay] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        return (process, output)
    }

    /// Reads the subscriber's stdout to its end (before waiting for it: a full pipe would
    /// block it forever), then the seqs it printed.
    private func seqs(of process: Process, _ output: Pipe) throws -> [Int] {
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return try text.split(separator: "\n").map { try parseJSON(String($0)) }.compactMap { $0["seq"] as? Int }
    }

    func testFromZeroWhileArticlesArriveDuringTheCatchUpPrintsEverySeqOnce() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        for index in 0..<6 { try send(daemon, index) }

        let watcher = try Subscriber(daemon: daemon)
        // The idle timeout is only a safety net: the subscriber is stopped once it has printed
        // as many events as the daemon logged, so a slow machine makes this slower, not red.
        let (process, output) = try subscriber(daemon, ["--from", "0", "--topic", "mission.", "--idle-timeout", "60"])
        // More articles while the subscriber connects, replays and switches to live.
        for index in 6..<14 { try send(daemon, index) }
        var printed: [Int] = []
        /// Waits until `articles` are finished (the daemon's own count), then reads what the
        /// subscriber prints until it has printed as many events as the daemon logged.
        func readAll(after articles: Int) throws -> Int {
            XCTAssertNotNil(try watcher.next(timeout: 30) { $0.topic == "daemon.stats" && $0.json["articles_done"] as? Int == articles },
                            "the \(articles) articles were not all finished")
            let logged = try daemon.replayAll().count
            while printed.count < logged, let line = output.fileHandleForReading.readLine(timeout: 30) {
                printed += try [line].filter { !$0.isEmpty }.map(parseJSON).compactMap { $0["seq"] as? Int }
            }
            return logged
        }
        let logged = try readAll(after: 14)
        XCTAssertGreaterThan(logged, 14, "the articles should give several events each")
        // A last article, live: whatever the subscriber still had queued (a duplicate, say)
        // is printed before the events of this one.
        try send(daemon, 14)
        let total = try readAll(after: 15)
        XCTAssertGreaterThan(total, logged)
        process.terminate()
        process.waitUntilExit()
        XCTAssertEqual(printed, Array(1...total), "every seq once, in order, no gap")
    }

    func testDurableSubscriberResumesAfterRestartOfBothSides() throws {
        let daemon = try DaemonProcess(self)
        let cursors = daemon.directory.appendingPathComponent("cursors").path
        try daemon.start()
        for index in 0..<3 { try send(daemon, index) }
        let durable = ["--durable", "analyst", "--cursor-directory", cursors, "--catch-up-only"]

        let (first, firstOutput) = try subscriber(daemon, durable)
        let firstSeqs = try seqs(of: first, firstOutput)
        XCTAssertFalse(firstSeqs.isEmpty)
        XCTAssertEqual(firstSeqs, Array(1...firstSeqs.count))

        // The daemon restarts on the same state; seq continues, and replay spans the restart.
        XCTAssertEqual(daemon.terminate(), 0)
        try daemon.start()
        let watcher = try Subscriber(daemon: daemon)
        for index in 3..<5 { try send(daemon, index) }
        // Both articles finished (the daemon's own count since its start): the log is complete.
        XCTAssertNotNil(try watcher.next(timeout: 30) { $0.topic == "daemon.stats" && $0.json["articles_done"] as? Int == 2 },
                        "the 2 articles were not finished")
        let total = try daemon.replayAll().count
        XCTAssertGreaterThan(total, firstSeqs.count)

        let (second, secondOutput) = try subscriber(daemon, durable)
        let secondSeqs = try seqs(of: second, secondOutput)
        XCTAssertEqual(secondSeqs, Array((firstSeqs.count + 1)...total), "resumes after the saved seq, with no gap")
    }
}
