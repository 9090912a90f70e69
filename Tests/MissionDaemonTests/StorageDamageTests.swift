import Foundation
import XCTest
import ZMQ
@testable import MissionDaemon
#if canImport(Glibc)
import Glibc
#endif

/// The real daemon against damaged state: a poison article, a damaged or cut event log.
final class StorageDamageTests: XCTestCase {
    /// A distinct article: a seed with its own first line, so its id and event ids are new.
    private func article(_ index: Int, extra: String = "") throws -> [UInt8] {
        let seeds = ["001_bd3142a90b5e95d2.txt", "000_3530f925c42fef24.txt", "004_20efa504432d0a2c.txt"]
        return Array("Bulletin \(index)\(extra)\n\n".utf8) + (try seedArticle(seeds[index % seeds.count]))
    }

    private func send(_ daemon: DaemonProcess, _ index: Int) throws -> String {
        let reply = try daemon.request(daemon.intake, ["a\(index).txt", String(decoding: try article(index), as: UTF8.self)])
        XCTAssertEqual(reply.first, "ok", "\(reply)")
        return reply.count > 1 ? reply[1] : ""
    }

    /// Waits for the daemon process to end by itself; false if it is still running.
    private func waitForExit(_ daemon: DaemonProcess, timeout: TimeInterval = 30) -> Bool {
        guard let process = daemon.process else { return false }
        return eventually(timeout: timeout) { !process.isRunning }
    }

    private func runMissiond(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try missiondExecutable()
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func testAnArticleThatKillsTheDaemonInRecoveryIsQuarantinedWithItsReason() throws {
        let daemon = try DaemonProcess(self)
        let marker = "POISON-\(UUID().uuidString.prefix(8))"
        let crash = ["MISSIOND_TEST_CRASH_ON": marker]
        try daemon.start(environment: crash)
        let poison = try article(99, extra: " " + marker)
        let dealer = try ZMQSocket(context: daemon.context, type: .dealer)
        try dealer.set(.linger(milliseconds: 0))
        try dealer.connect(daemon.intake)
        try dealer.send([[], Array("poison.txt".utf8), poison])
        XCTAssertTrue(waitForExit(daemon), "the poison article should kill the daemon")
        dealer.close()
        XCTAssertEqual(daemon.process?.terminationReason, .uncaughtSignal)

        // Two recovery runs, each recorded in the journal before it starts; both die.
        for run in 1...2 {
            try daemon.start(environment: crash, replayCheck: false)
            XCTAssertTrue(waitForExit(daemon), "recovery run \(run) should die on the poison article")
            XCTAssertEqual(daemon.process?.terminationReason, .uncaughtSignal, "run \(run)")
        }

        // The third start quarantines it instead of running it, and stays up.
        try daemon.start(environment: crash)
        XCTAssertTrue(daemon.waitForLog("article quarantined: it killed the daemon in recovery"), daemon.log())
        let quarantined = daemon.stateFiles("quarantine")
        let reasonFile = try XCTUnwrap(quarantined.first { $0.hasSuffix(".reason") }, "\(quarantined)")
        let reason = try String(contentsOf: daemon.state.appendingPathComponent("quarantine/" + reasonFile), encoding: .utf8)
        XCTAssertTrue(reason.contains("the daemon died twice while processing this article during recovery"), reason)
        let body = try Data(contentsOf: daemon.state.appendingPathComponent("quarantine/" + String(reasonFile.dropLast(".reason".count))))
        XCTAssertTrue(String(decoding: body, as: UTF8.self).contains(marker), "the article's text is kept")

        // A normal article still goes through, and the poison one is not run again.
        let id = try send(daemon, 1)
        XCTAssertTrue(try eventually(timeout: 20) {
            try daemon.replayAll().contains { ($0["article"] as? [String: Any])?["id"] as? String == id }
        })
        XCTAssertEqual(daemon.process?.isRunning, true)
        XCTAssertEqual(daemon.terminate(), 0)
        try daemon.start(environment: crash)
        XCTAssertEqual(daemon.process?.isRunning, true)
        XCTAssertTrue(daemon.waitForLog("missiond running"))
        XCTAssertFalse(daemon.log().contains("running unfinished articles again"), "the poison article must not run again")
        XCTAssertFalse(daemon.log().contains("quarantined"), "nor be quarantined twice")
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testSubscribeFromZeroFailsAtADamagedRecordAndNamesItsSeq() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        for index in 0..<6 { _ = try send(daemon, index) }
        let events = try daemon.replayAll()
        XCTAssertGreaterThan(events.count, 6)
        // A byte of a middle event goes bad under the running daemon.
        let victim = events[events.count / 2]
        let victimSeq = try XCTUnwrap(victim["seq"] as? Int)
        let segment = daemon.state.appendingPathComponent("events/events-000000000001.log").path
        let data = try Data(contentsOf: URL(fileURLWithPath: segment))
        let victimID = try XCTUnwrap(victim["id"] as? String)
        let at = try XCTUnwrap(data.range(of: Data(victimID.utf8))).lowerBound
        let fd = open(segment, O_RDWR)
        XCTAssertGreaterThanOrEqual(fd, 0)
        var byte: UInt8 = data[at] ^ 0x20
        XCTAssertEqual(pwrite(fd, &byte, 1, off_t(at)), 1)
        close(fd)

        let (status, output) = try runMissiond(["subscribe", "--endpoint", daemon.publish, "--replay", daemon.replay,
                                                "--from", "0", "--catch-up-only"])
        XCTAssertNotEqual(status, 0, output)
        XCTAssertTrue(output.contains("event seq \(victimSeq) is damaged"), output)
        XCTAssertTrue(daemon.waitForLog("replay: damaged event record"), daemon.log())
        XCTAssertGreaterThanOrEqual(try metric(daemon, "missiond_replay_damaged_reads") ?? 0, 1)
        XCTAssertEqual(daemon.terminate(), 0)
    }

    /// Every event via replay, stepping over lost ranges; the lost-range errors as met.
    private func replayAcrossLosses(_ daemon: DaemonProcess) throws -> (events: [[String: Any]], errors: [String]) {
        var since = "0"
        var events: [[String: Any]] = []
        var errors: [String] = []
        while true {
            let reply = try daemon.request(daemon.replay, ["since", since, "500"])
            if reply.first == "error", reply.count > 1, let range = reply[1].split(separator: " ").dropFirst().first,
               reply[1].contains("were lost"), let upper = range.split(separator: "-").last {
                errors.append(reply[1])
                since = String(upper)
                continue
            }
            guard reply.count >= 3, reply[0] == "events" else { throw DaemonTestError("replay: \(reply)") }
            events += try reply.dropFirst(3).map(parseJSON)
            since = reply[1]
            if reply[2] == "0" { return (events, errors) }
        }
    }

    /// One figure from the daemon's /metrics.
    private func metric(_ daemon: DaemonProcess, _ name: String) throws -> Double? {
        let response = try HTTPGet.get(try daemon.metricsURL(), path: "/metrics")
        return PrometheusText.value(name, [:], in: PrometheusText.parse(response.text))
    }

    private func articleID(of event: [String: Any]) -> String {
        (event["article"] as? [String: Any])?["id"] as? String ?? ""
    }

    func testDeletedSegmentIsReportedAndSeqDoesNotRestartAtOne() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let ids = try (0..<3).map { try send(daemon, $0) }
        var before: [[String: Any]] = []
        XCTAssertTrue(try eventually(timeout: 20) {
            before = try daemon.replayAll()
            return Set(ids).isSubset(of: Set(before.map(articleID)))
        })
        XCTAssertEqual(daemon.terminate(), 0)
        try FileManager.default.removeItem(at: daemon.state.appendingPathComponent("events/events-000000000001.log"))

        // Replay from 0 is an error now (seqs 1… are lost), so wait for the log, not for replay.
        try daemon.start(replayCheck: false)
        XCTAssertTrue(daemon.waitForLog("missiond running", timeout: 30), daemon.log())
        XCTAssertTrue(daemon.waitForLog("storage damage"), daemon.log())
        var after: (events: [[String: Any]], errors: [String]) = ([], [])
        XCTAssertTrue(try eventually(timeout: 20) {
            after = try replayAcrossLosses(daemon)
            return after.events.count == before.count
        }, "the deleted events come back under new seqs")
        XCTAssertTrue(after.events.compactMap { $0["seq"] as? Int }.allSatisfy { $0 > before.count }, "seq must not restart at 1")
        XCTAssertEqual(after.errors.count, 1)
        XCTAssertTrue(after.errors.first?.contains("seqs 1-\(before.count) were lost") ?? false, "\(after.errors)")
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testEventLogCutMidFileGetsItsArticlesBackUnderNewSeqs() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let ids = try (0..<8).map { try send(daemon, $0) }
        var before: [[String: Any]] = []
        XCTAssertTrue(try eventually(timeout: 20) {
            before = try daemon.replayAll()
            return Set(ids).isSubset(of: Set(before.map(articleID)))
        })
        let oldHead = before.count
        XCTAssertEqual(before.compactMap { $0["seq"] as? Int }, Array(1...oldHead))
        XCTAssertEqual(daemon.terminate(), 0)

        // The event log loses its second half (it was fsynced: this is damage, not a torn tail).
        let segment = daemon.state.appendingPathComponent("events/events-000000000001.log").path
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: segment)[.size] as? Int)
        XCTAssertEqual(truncate(segment, off_t(size / 2)), 0)

        try daemon.start()
        XCTAssertTrue(daemon.waitForLog("storage damage"), daemon.log())
        XCTAssertTrue(daemon.waitForLog("articles whose events were lost run again"), daemon.log())
        XCTAssertEqual(try metric(daemon, "missiond_storage_damage_total"), 1)
        var after: (events: [[String: Any]], errors: [String]) = ([], [])
        XCTAssertTrue(try eventually(timeout: 20) {
            after = try replayAcrossLosses(daemon)
            return Set(after.events.map { $0["id"] as? String ?? "" }).isSuperset(of: before.map { $0["id"] as? String ?? "" })
        }, "every event is back")
        let seqs = after.events.compactMap { $0["seq"] as? Int }
        XCTAssertEqual(seqs, seqs.sorted())
        XCTAssertEqual(Set(seqs).count, seqs.count, "no seq twice")
        let survivors = seqs.filter { $0 <= oldHead }
        XCTAssertLessThan(survivors.count, oldHead, "the cut lost events")
        XCTAssertEqual(survivors, Array(1...survivors.count))
        XCTAssertTrue(seqs.filter { $0 > survivors.count }.allSatisfy { $0 > oldHead }, "no lost seq is reused")
        // The events that come back are the lost ones, each once.
        let reappended = after.events.filter { ($0["seq"] as? Int ?? 0) > oldHead }.map { $0["id"] as? String ?? "" }
        XCTAssertEqual(Set(reappended), Set(before.dropFirst(survivors.count).map { $0["id"] as? String ?? "" }))
        XCTAssertEqual(after.errors.count, 1)
        XCTAssertTrue(after.errors.first?.contains("seqs \(survivors.count + 1)-\(oldHead) were lost") ?? false, "\(after.errors)")
        XCTAssertEqual(daemon.terminate(), 0)
    }
}

/// `missiond fsck` and `--repair` against state the real daemon wrote and then lost bytes of.
final class FsckTests: XCTestCase {
    private func article(_ index: Int) throws -> [UInt8] {
        let seeds = ["001_bd3142a90b5e95d2.txt", "000_3530f925c42fef24.txt", "004_20efa504432d0a2c.txt"]
        return Array("Report \(index)\n\n".utf8) + (try seedArticle(seeds[index % seeds.count]))
    }

    private func fsck(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try missiondExecutable()
        process.arguments = ["fsck"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// A daemon that has processed `count` articles and stopped; their events.
    private func populatedState(_ count: Int) throws -> (DaemonProcess, [[String: Any]]) {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        var ids: [String] = []
        for index in 0..<count {
            let reply = try daemon.request(daemon.intake, ["r\(index).txt", String(decoding: try article(index), as: UTF8.self)])
            XCTAssertEqual(reply.first, "ok", "\(reply)")
            ids.append(reply[1])
        }
        var events: [[String: Any]] = []
        XCTAssertTrue(try eventually(timeout: 20) {
            events = try daemon.replayAll()
            return Set(ids).isSubset(of: Set(events.compactMap { ($0["article"] as? [String: Any])?["id"] as? String }))
        })
        XCTAssertEqual(daemon.terminate(), 0)
        return (daemon, events)
    }

    private func flip(_ path: String, atFirst needle: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let at = try XCTUnwrap(data.range(of: Data(needle.utf8)), "\(needle) not in \(path)").lowerBound + 2
        let fd = open(path, O_RDWR)
        XCTAssertGreaterThanOrEqual(fd, 0)
        var byte = data[at] ^ 0x01
        XCTAssertEqual(pwrite(fd, &byte, 1, off_t(at)), 1)
        close(fd)
    }

    /// The daemon does not start; its log says why and names fsck.
    private func assertRefusesToStart(_ daemon: DaemonProcess, _ why: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try daemon.start(replayCheck: false)
        XCTAssertTrue(eventually(timeout: 30) { daemon.process?.isRunning == false }, "it should refuse to start", file: file, line: line)
        XCTAssertNotEqual(daemon.process?.terminationStatus, 0, file: file, line: line)
        let log = daemon.log()
        XCTAssertTrue(log.contains(why) && log.contains("missiond fsck"), log, file: file, line: line)
    }

    func testEventLogDamagedMidFileIsReportedThenRepairedAndItsEventsComeBack() throws {
        let (daemon, before) = try populatedState(6)
        let oldHead = before.count
        let victim = before[oldHead / 2]
        let victimID = try XCTUnwrap(victim["id"] as? String)
        try flip(daemon.state.appendingPathComponent("events/events-000000000001.log").path, atFirst: victimID)
        // The segment's index vouches for the records up to the clean stop: the start reads none
        // of them (constant time), and the check that follows READY finds the damage.
        try daemon.start()
        XCTAssertTrue(eventually(timeout: 30) {
            let log = daemon.log()
            return log.contains("corrupt record at offset") && log.contains("missiond fsck")
        }, daemon.log())
        XCTAssertEqual(daemon.terminate(), 0)

        let check = try fsck([daemon.state.path])
        XCTAssertEqual(check.status, 1, check.output)
        XCTAssertTrue(check.output.contains("damaged: events/events-000000000001.log offset"), check.output)
        XCTAssertTrue(check.output.contains("events gone: article"), check.output)

        let repair = try fsck([daemon.state.path, "--repair"])
        XCTAssertEqual(repair.status, 1, repair.output)
        XCTAssertTrue(repair.output.contains("repaired: events/events-000000000001.log: moved to"), repair.output)
        XCTAssertTrue(repair.output.contains("will run again at the next start"), repair.output)
        let aside = try FileManager.default.contentsOfDirectory(atPath: daemon.state.appendingPathComponent("damaged").path)
        XCTAssertEqual(aside.count, 1, "the damaged segment is kept, not deleted")

        // Clean now: what remains is the seq gap, reported as history.
        let again = try fsck([daemon.state.path])
        XCTAssertEqual(again.status, 0, again.output)
        XCTAssertTrue(again.output.contains("seq gap: seqs \(victim["seq"] as? Int ?? 0)-"), again.output)

        try daemon.start()
        var after: [[String: Any]] = []
        XCTAssertTrue(try eventually(timeout: 20) {
            after = try walkAcrossLosses(daemon)
            return after.contains { $0["id"] as? String == victimID }
        }, daemon.log())
        let back = try XCTUnwrap(after.first { $0["id"] as? String == victimID })
        XCTAssertGreaterThan(back["seq"] as? Int ?? 0, oldHead, "re-published under a new seq")
        XCTAssertEqual(Set(after.compactMap { $0["id"] as? String }), Set(before.compactMap { $0["id"] as? String }))
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testJournalDamagedMidFileIsReportedThenRepaired() throws {
        let (daemon, before) = try populatedState(6)
        // Inside the third article's accepted record.
        try flip(daemon.state.appendingPathComponent("journal/journal.log").path, atFirst: "Report 2")
        try assertRefusesToStart(daemon, "corrupt record at offset")

        let check = try fsck([daemon.state.path])
        XCTAssertEqual(check.status, 1, check.output)
        XCTAssertTrue(check.output.contains("damaged: journal/journal.log offset"), check.output)
        let repair = try fsck([daemon.state.path, "--repair"])
        XCTAssertEqual(repair.status, 1, repair.output)
        XCTAssertTrue(repair.output.contains("repaired: journal/journal.log"), repair.output)
        XCTAssertEqual(try fsck([daemon.state.path]).status, 0)

        try daemon.start()
        XCTAssertEqual(try daemon.replayAll().count, before.count, "the event log is untouched")
        // The article lost from the journal can be sent again and runs (its events are not logged twice).
        let subscriber = try Subscriber(daemon: daemon)
        let reply = try daemon.request(daemon.intake, ["r2.txt", String(decoding: try article(2), as: UTF8.self)])
        XCTAssertEqual(reply.first, "ok", "\(reply)")
        let done = try XCTUnwrap(try subscriber.done("r2.txt", timeout: 20), "no article.done for the article sent again")
        XCTAssertEqual(done["new_events"] as? Int, 0, "\(done)")
        XCTAssertEqual(try daemon.replayAll().count, before.count)
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testFsckRefusesToRunBesideTheDaemon() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let result = try fsck([daemon.state.path])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("is another missiond using this directory?"), result.output)
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testFsckOfAMissingStateDirectoryCannotRun() throws {
        let result = try fsck(["/nonexistent/missiond-state-\(UUID().uuidString.prefix(6))"])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("cannot check"), result.output)
    }

    private func walkAcrossLosses(_ daemon: DaemonProcess) throws -> [[String: Any]] {
        var since = "0"
        var events: [[String: Any]] = []
        while true {
            let reply = try daemon.request(daemon.replay, ["since", since, "500"])
            if reply.first == "error", reply.count > 1, reply[1].contains("were lost"),
               let upper = reply[1].split(separator: " ").dropFirst().first?.split(separator: "-").last {
                since = String(upper)
                continue
            }
            guard reply.count >= 3, reply[0] == "events" else { throw DaemonTestError("replay: \(reply)") }
            events += try reply.dropFirst(3).map(parseJSON)
            since = reply[1]
            if reply[2] == "0" { return events }
        }
    }
}
