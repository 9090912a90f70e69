import Foundation
import XCTest
import ZMQ
@testable import MissionDaemon

/// SIGHUP while articles keep arriving: nothing acknowledged is lost, clients stay
/// connected, a broken rule file is refused and the old rules stay in force.
final class ReloadTests: XCTestCase {
    func testReloadUnderLoadLosesNothingAndKeepsSocketsConnected() throws {
        let daemon = try DaemonProcess(self, config: "max_in_flight: 8", ownRules: true)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let base = try seedArticle(richSeed)
        let countries = daemon.rules.appendingPathComponent("countries.tsv")
        let goodCountries = try Data(contentsOf: countries)

        let dealer = try ZMQSocket(context: daemon.context, type: .dealer)
        defer { dealer.close() }
        try dealer.set(.linger(milliseconds: 0))
        try dealer.connect(daemon.intake)
        var poller = ZMQPoller()
        try poller.add(dealer)

        let total = 90
        var replies: [String: [String]] = [:]
        func readReplies(waitMilliseconds: Int) throws {
            try poller.poll(timeoutMilliseconds: waitMilliseconds)
            while let frames = try dealer.receive(flags: .dontWait) {
                let reply = frames.dropFirst().map { String(decoding: $0, as: UTF8.self) }
                replies[reply[2]] = reply
            }
        }
        for index in 0..<total {
            try dealer.send([[], Array("steady-\(index)".utf8), base + Array("\n\nIssue \(index).\n".utf8)])
            try readReplies(waitMilliseconds: 10)
            switch index {
            case 25:
                // A rule file that does not parse: refused, the running rules stay.
                try (goodCountries + Data("a\tb\tc\td\te\tf\tg\n".utf8)).write(to: countries)
                daemon.send(signal: SIGHUP)
            case 55:
                try goodCountries.write(to: countries)
                try daemon.writeConfig("max_in_flight: 4\nquarantine_max_bytes: 1000000")
                daemon.send(signal: SIGHUP)
            default:
                break
            }
        }
        let deadline = Date().addingTimeInterval(30)
        while replies.count < total && Date() < deadline { try readReplies(waitMilliseconds: 100) }

        XCTAssertEqual(replies.count, total, "every article acknowledged")
        XCTAssertTrue(replies.values.allSatisfy { $0[0] == "ok" }, "\(replies.values.filter { $0[0] != "ok" })")
        for index in 0..<total {
            XCTAssertNotNil(try subscriber.done("steady-\(index)", timeout: 20), "no article.done for steady-\(index)")
        }
        XCTAssertTrue(daemon.waitForLog("reload refused"), "the broken rule file must be refused")
        XCTAssertTrue(daemon.log().contains("countries.tsv"), "the refusal names the file")
        XCTAssertTrue(daemon.waitForLog("reloaded:"), "the valid reload must be applied")
        XCTAssertTrue(daemon.log().contains("changed=max_in_flight,quarantine_max_bytes"), daemon.log())

        // The same client and subscriber are still served after both reloads.
        let after = try daemon.request(daemon.intake, ["after-reloads", String(decoding: base, as: UTF8.self) + "\nAfter.\n"])
        XCTAssertEqual(after.first, "ok")
        try dealer.send([[], Array("late".utf8), base + Array("\nLate.\n".utf8)])
        try readReplies(waitMilliseconds: 5000)
        XCTAssertEqual(replies["late"]?.first, "ok")
        XCTAssertNotNil(try subscriber.done("late"))
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testAChangedEndpointIsMovedAndTheOthersStayBound() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        let newReplay = "ipc://\(daemon.directory.path)/replay-2.sock"
        try daemon.writeConfig("replay: \(newReplay)")
        daemon.send(signal: SIGHUP)
        XCTAssertTrue(daemon.waitForLog("replay socket moved"), daemon.log())

        XCTAssertEqual(try daemon.request(newReplay, ["since", "0", "1"]).first, "events")
        // The old endpoint is released: the kernel itself refuses a connection to its path
        // (libzmq unlinks the socket file when it unbinds), rather than "no reply within 1 s".
        let oldPath = String(daemon.replay.dropFirst("ipc://".count))
        var refusal: Int32 = 0
        XCTAssertTrue(eventually(timeout: 30) { refusal = Self.connectError(oldPath); return refusal != 0 },
                      "the old replay endpoint still accepts connections")
        XCTAssertTrue([ENOENT, ECONNREFUSED].contains(refusal), String(cString: strerror(refusal)))
        XCTAssertEqual(Self.connectError(String(newReplay.dropFirst("ipc://".count))), 0, "the new endpoint accepts them")
        // Intake and publish were not touched: the subscriber connected before still hears.
        let reply = try daemon.request(daemon.intake, ["moved", String(decoding: try seedArticle(richSeed), as: UTF8.self)])
        XCTAssertEqual(reply.first, "ok")
        XCTAssertNotNil(try subscriber.done("moved"))
    }

    /// 0 if a Unix stream socket can connect to `path`, else the errno of the attempt.
    private static func connectError(_ path: String) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, length) }
        }
        return rc == 0 ? 0 : errno
    }

    func testWhatAReloadAppliesAndWhatWaitsForARestart() {
        var running = DaemonConfig()
        running.curve = CurveSettings(secretKeyFile: "/k/server.key", allowedClientKeys: [])
        var loaded = running
        loaded.intake = "ipc:///tmp/x"
        loaded.maxInFlight = 3
        loaded.fsync = .never
        loaded.state = "/elsewhere"
        loaded.curve = CurveSettings(secretKeyFile: "/k/other.key", allowedClientsDirectory: "/k/clients")
        let change = ConfigReload(running: running, loaded: loaded)
        XCTAssertEqual(change.applied, ["intake", "max_in_flight", "curve.allowed_clients"])
        XCTAssertEqual(change.needRestart, ["state", "fsync", "curve.secret_key_file"])
        let inForce = change.inForce
        XCTAssertEqual(inForce.intake, "ipc:///tmp/x")
        XCTAssertEqual(inForce.maxInFlight, 3)
        XCTAssertEqual(inForce.fsync, running.fsync)
        XCTAssertEqual(inForce.state, running.state)
        XCTAssertEqual(inForce.curve?.secretKeyFile, "/k/server.key")
        XCTAssertEqual(inForce.curve?.allowedClientsDirectory, "/k/clients")

        var withoutCurve = loaded
        withoutCurve.curve = nil
        XCTAssertEqual(ConfigReload(running: running, loaded: withoutCurve).needRestart.last, "curve")
        XCTAssertEqual(ConfigReload(running: running, loaded: withoutCurve).inForce.curve, running.curve)
        XCTAssertEqual(ConfigReload(running: running, loaded: running).applied, [])
        XCTAssertEqual(ConfigReload(running: running, loaded: running).needRestart, [])
    }
}
