import Foundation
import XCTest
@testable import MissionDaemon

/// A disk that fills up under the event log and then has room again: acknowledged articles
/// are logged and published without a restart (the publisher retries with backoff), and
/// the metrics say how many wait meanwhile.
final class DiskSpaceReturnsTests: XCTestCase {
    private func run(_ command: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The value of an unlabelled gauge on /metrics.
    private func gauge(_ name: String, _ url: String) throws -> Double? {
        let text = String(decoding: try HTTPGet.get(url, path: "/metrics").body, as: UTF8.self)
        return text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ").last ?? "") }
    }

    func testEventsPendingOnAFullDiskArePublishedOnceSpaceReturns() throws {
        let daemon = try DaemonProcess(self)
        // The event log alone on a small tmpfs (the journal stays on the roomy disk).
        let events = daemon.state.appendingPathComponent("events")
        try FileManager.default.createDirectory(at: events, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        guard run("/bin/mount", ["-t", "tmpfs", "-o", "size=512k,mode=0700", "tmpfs", events.path]) == 0 else {
            throw XCTSkip("cannot mount a tmpfs here (needs root)")
        }
        addTeardownBlock { [self] in _ = run("/bin/umount", ["-l", events.path]) }
        try daemon.start()
        let metricsURL = try daemon.metricsURL()

        // Fill what is left of it.
        let filler = events.appendingPathComponent("filler")
        FileManager.default.createFile(atPath: filler.path, contents: nil)
        let handle = try FileHandle(forWritingTo: filler)
        let block = Data(count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
        try? handle.close()

        let reply = try daemon.request(daemon.intake, ["while-full.txt", String(decoding: try seedArticle(richSeed), as: UTF8.self)])
        XCTAssertEqual(reply.first, "ok", "the journal has room: \(reply)")
        XCTAssertTrue(daemon.waitForLog("cannot append to the event log; retrying", timeout: 20))
        XCTAssertTrue(try eventually(timeout: 20) { try gauge("missiond_publish_retry_pending", metricsURL) == 1 })
        XCTAssertEqual(try daemon.replayAll().count, 0, "nothing logged while the disk is full")

        // Room again: the same process logs and publishes them.
        try FileManager.default.removeItem(at: filler)
        var names: [String] = []
        XCTAssertTrue(try eventually(timeout: 30) {
            names = try daemon.replayAll().compactMap { ($0["article"] as? [String: Any])?["name"] as? String }
            return names.contains("while-full.txt")
        }, "replayed \(names)")
        XCTAssertTrue(daemon.waitForLog("event log append works again"))
        XCTAssertTrue(try eventually(timeout: 20) { try gauge("missiond_publish_retry_pending", metricsURL) == 0 })
        XCTAssertTrue(daemon.process?.isRunning ?? false, "no restart")
    }
}
