import Foundation
import XCTest
import ZMQ

/// CurveZMQ through the real daemon: a listed client is served on intake, publish and
/// replay; an unknown key (or no CURVE at all) gets nothing, and the refusal is logged.
final class CurveDaemonTests: XCTestCase {
    private struct Keys {
        let server: ZMQCurveKeyPair
        let listed: ZMQCurveKeyPair
        let unknown: ZMQCurveKeyPair
        let directory: URL
    }

    private func makeKeys(in daemon: DaemonProcess) throws -> Keys {
        let keys = Keys(server: try .generate(), listed: try .generate(), unknown: try .generate(),
                        directory: daemon.directory.appendingPathComponent("keys"))
        let clients = keys.directory.appendingPathComponent("clients")
        try FileManager.default.createDirectory(at: clients, withIntermediateDirectories: true)
        try ZMQCurveKeyFile.writeSecret(keys.server, to: keys.directory.appendingPathComponent("server.key").path)
        try ZMQCurveKeyFile.writePublic(publicKey: keys.server.publicKey, to: keys.directory.appendingPathComponent("server.pub").path)
        try ZMQCurveKeyFile.writeSecret(keys.listed, to: keys.directory.appendingPathComponent("listed.key").path)
        try ZMQCurveKeyFile.writeSecret(keys.unknown, to: keys.directory.appendingPathComponent("unknown.key").path)
        try ZMQCurveKeyFile.writePublic(publicKey: keys.listed.publicKey, to: clients.appendingPathComponent("listed.pub").path)
        return keys
    }

    private func curveConfig(_ keys: Keys) -> String {
        """
        curve:
          secret_key_file: keys/server.key
          allowed_clients_dir: keys/clients
        """
    }

    private func socket(_ daemon: DaemonProcess, _ type: ZMQSocketType, _ endpoint: String,
                        server: ZMQCurveKeyPair, client: ZMQCurveKeyPair?, before connecting: (ZMQSocket) throws -> Void = { _ in }) throws -> ZMQSocket {
        let socket = try ZMQSocket(context: daemon.context, type: type)
        try socket.set(.linger(milliseconds: 0))
        if let client { try socket.makeCurveClient(serverPublicKey: server.publicKey, keyPair: client) }
        if type == .sub { try socket.set(.subscribe([])) }
        try connecting(socket)
        try socket.connect(endpoint)
        return socket
    }

    /// A client that must be refused: its socket and the handshake events libzmq reports for it.
    private func refusedClient(_ daemon: DaemonProcess, _ endpoint: String, server: ZMQCurveKeyPair,
                          client: ZMQCurveKeyPair?) throws -> (socket: ZMQSocket, handshakes: HandshakeEvents) {
        var handshakes: HandshakeEvents?
        let socket = try socket(daemon, .dealer, endpoint, server: server, client: client) {
            handshakes = try HandshakeEvents($0, context: daemon.context)
        }
        return (socket, handshakes!)
    }

    /// Waits for the daemon's log line about a refused client that contains every one of `parts`.
    private func refusal(_ daemon: DaemonProcess, _ parts: String...) -> String? {
        var line: String?
        _ = eventually(timeout: 30) {
            line = daemon.log().components(separatedBy: "\n").first { line in
                line.contains("CURVE client refused") && parts.allSatisfy { line.contains($0) }
            }
            return line != nil
        }
        return line
    }

    /// `[""] + frames` on `socket`; the reply after the delimiter, or nil after `timeout`.
    private func ask(_ socket: ZMQSocket, _ frames: [[UInt8]], timeout: Int32) throws -> [String]? {
        try socket.send([[]] + frames)
        try socket.set(.receiveTimeout(milliseconds: timeout))
        return try socket.receive().map { Array($0.dropFirst()).map { String(decoding: $0, as: UTF8.self) } }
    }

    func testListedClientIsServedAndUnknownKeyIsRefusedAndLogged() throws {
        let daemon = try DaemonProcess(self)
        let keys = try makeKeys(in: daemon)
        try daemon.writeConfig(curveConfig(keys))
        try daemon.start(replayCheck: false)
        XCTAssertTrue(daemon.waitForLog("missiond running"), daemon.log())
        let article = try seedArticle(richSeed)

        // Listed: the intake acknowledges, replay answers, the events socket delivers.
        let sub = try socket(daemon, .sub, daemon.publish, server: keys.server, client: keys.listed)
        defer { sub.close() }
        try sub.set(.receiveTimeout(milliseconds: 10_000))
        var stats: [[UInt8]]?
        for _ in 0..<10 where stats == nil {
            stats = try sub.receive().flatMap { String(decoding: $0[0], as: UTF8.self) == "daemon.stats" ? $0 : nil }
        }
        XCTAssertNotNil(stats, "a listed subscriber receives the events socket's messages")

        let listed = try socket(daemon, .dealer, daemon.intake, server: keys.server, client: keys.listed)
        defer { listed.close() }
        let reply = try XCTUnwrap(try ask(listed, [Array("curve-ok".utf8), article], timeout: 10_000), "no reply to a listed client")
        XCTAssertEqual(reply.first, "ok")
        while let message = try sub.receive() {
            if String(decoding: message[0], as: UTF8.self) == "article.done" { break }
        }
        let replayer = try socket(daemon, .dealer, daemon.replay, server: keys.server, client: keys.listed)
        defer { replayer.close() }
        XCTAssertEqual(try ask(replayer, [Array("since".utf8), Array("0".utf8), Array("1".utf8)], timeout: 10_000)?.first, "events")

        // Unknown key: the handshake is refused on intake and on replay (the client's own socket
        // reports the ZAP refusal, and the daemon logs it with the key), so nothing it sends can
        // arrive. Positive evidence both; no "no reply within a second".
        let intruder = try refusedClient(daemon, daemon.intake, server: keys.server, client: keys.unknown)
        defer { intruder.socket.close() }
        try intruder.socket.send([[], Array("curve-intruder".utf8), article + Array("\nAgain.\n".utf8)])
        XCTAssertEqual(try intruder.handshakes.firstOutcome(), HandshakeEvents.failedAuth, "the intake's ZAP handler must refuse the key")
        XCTAssertNotNil(refusal(daemon, keys.unknown.publicKey, "socket=intake"), daemon.log())

        let replayIntruder = try refusedClient(daemon, daemon.replay, server: keys.server, client: keys.unknown)
        defer { replayIntruder.socket.close() }
        try replayIntruder.socket.send([[], Array("since".utf8), Array("0".utf8)])
        XCTAssertEqual(try replayIntruder.handshakes.firstOutcome(), HandshakeEvents.failedAuth, "the replay's ZAP handler must refuse the key")
        XCTAssertNotNil(refusal(daemon, keys.unknown.publicKey, "socket=replay"), daemon.log())

        // No CURVE at all: the handshake fails (the mechanisms differ), before ZAP is asked.
        let plain = try refusedClient(daemon, daemon.intake, server: keys.server, client: nil)
        defer { plain.socket.close() }
        try plain.socket.send([[], Array("plain".utf8), article])
        let plainOutcome = try plain.handshakes.firstOutcome()
        XCTAssertTrue(plainOutcome.map(HandshakeEvents.failures.contains) ?? false, "a client without CURVE: \(String(describing: plainOutcome))")

        // The listed client is served after all of them; by then none of them has a reply or
        // ever completed a handshake, and the intruder's article never reached the pipeline.
        XCTAssertEqual(try ask(listed, [Array("curve-ok-2".utf8), article + Array("\nSecond.\n".utf8)], timeout: 30_000)?.first, "ok")
        for (label, client) in [("intake intruder", intruder), ("replay intruder", replayIntruder), ("plain", plain)] {
            XCTAssertNil(try client.socket.receive(flags: .dontWait), "\(label) got a reply")
            XCTAssertFalse(try client.handshakes.all().contains(HandshakeEvents.succeeded), "\(label) got through")
        }
        XCTAssertFalse(daemon.log().contains("curve-intruder"))
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testPublishCommandSpeaksCurveWithTheKeysGiven() throws {
        let daemon = try DaemonProcess(self)
        let keys = try makeKeys(in: daemon)
        try daemon.writeConfig(curveConfig(keys))
        try daemon.start(replayCheck: false)
        XCTAssertTrue(daemon.waitForLog("missiond running"), daemon.log())

        func publish(clientKey: String) throws -> (Int32, String) {
            let process = Process()
            process.executableURL = try missiondExecutable()
            process.arguments = ["publish", "--endpoint", daemon.intake, "--timeout", "2",
                                 "--server-key", keys.directory.appendingPathComponent("server.pub").path,
                                 "--client-key", keys.directory.appendingPathComponent(clientKey).path,
                                 repositoryRoot.appendingPathComponent("seeds/\(richSeed)").path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }
        let (served, line) = try publish(clientKey: "listed.key")
        XCTAssertEqual(served, 0)
        XCTAssertTrue(line.hasPrefix("ok\tsha256:"), line)
        XCTAssertEqual(try publish(clientKey: "unknown.key").0, 2, "an unknown key cannot reach the daemon")
        XCTAssertEqual(daemon.terminate(), 0)
    }

    func testNonLoopbackWithoutCurveIsRefusedAtStart() throws {
        let daemon = try DaemonProcess(self)
        try daemon.writeConfig("intake: tcp://0.0.0.0:5999")
        try daemon.start(replayCheck: false)
        XCTAssertTrue(eventually(timeout: 15) { !(daemon.process?.isRunning ?? true) }, "the daemon should refuse to start")
        XCTAssertNotEqual(daemon.process?.terminationStatus, 0)
        XCTAssertTrue(daemon.log().contains("reachable from other hosts and has no CURVE"), daemon.log())
    }
}
