import Foundation
import XCTest

/// A client in another language, written from wire.md alone, works against the daemon.
final class PyZMQClientTests: XCTestCase {
    static let script = #"""
import json, sys, time, zmq

intake, publish, replay, article = sys.argv[1:5]
ctx = zmq.Context()

# Subscribe first; wait for a daemon.stats to know the subscription is in place.
sub = ctx.socket(zmq.SUB)
sub.setsockopt(zmq.SUBSCRIBE, b"")
sub.connect(publish)
poller = zmq.Poller()
poller.register(sub, zmq.POLLIN)
deadline = time.time() + 10
while time.time() < deadline:
    if poller.poll(200) and sub.recv_multipart()[0] == b"daemon.stats":
        break
else:
    sys.exit("no daemon.stats")

# Intake: REQ, [name, body, metadata] -> [status, id, name].
req = ctx.socket(zmq.REQ)
req.setsockopt(zmq.RCVTIMEO, 10000)
req.connect(intake)
req.send_multipart([b"py-article", open(article, "rb").read(), json.dumps({"published": "2022-12-26"}).encode()])
status, article_id, name = [f.decode() for f in req.recv_multipart()]

# Events: [topic, json] until the article is done.
events, done = [], None
deadline = time.time() + 10
while done is None and time.time() < deadline:
    if not poller.poll(200):
        continue
    topic, body = sub.recv_multipart()
    message = json.loads(body)
    if topic.startswith(b"mission.") and message["article"]["name"] == "py-article":
        events.append(message)
    if topic == b"article.done" and message["article"]["name"] == "py-article":
        done = message

# Replay: REQ, ["since", seq] -> ["events", last, more, json...].
replayed, since = [], "0"
rep = ctx.socket(zmq.REQ)
rep.setsockopt(zmq.RCVTIMEO, 10000)
rep.connect(replay)
while True:
    rep.send_multipart([b"since", since.encode()])
    frames = rep.recv_multipart()
    assert frames[0] == b"events", frames
    replayed += [json.loads(f) for f in frames[3:]]
    since = frames[1].decode()
    if frames[2] == b"0":
        break

print(json.dumps({"status": status, "id": article_id, "name": name, "done": done,
                  "seqs": [e["seq"] for e in events], "replayed": [e["seq"] for e in replayed]}))
"""#

    func testPythonClientPublishesAndSubscribesFromTheWireSpecAlone() throws {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let scriptURL = daemon.directory.appendingPathComponent("client.py")
        try Self.script.write(to: scriptURL, atomically: true, encoding: .utf8)

        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", scriptURL.path, daemon.intake, daemon.publish, daemon.replay,
                            repositoryRoot.appendingPathComponent("seeds/\(richSeed)").path]
        let output = Pipe()
        let errors = Pipe()
        python.standardOutput = output
        python.standardError = errors
        try python.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        let complaints = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        XCTAssertEqual(python.terminationStatus, 0, complaints)

        let result = try parseJSON(String(decoding: printed, as: UTF8.self))
        XCTAssertEqual(result["status"] as? String, "ok")
        XCTAssertEqual(result["name"] as? String, "py-article")
        XCTAssertTrue((result["id"] as? String)?.hasPrefix("sha256:") ?? false)
        let done = try XCTUnwrap(result["done"] as? [String: Any], "no article.done seen by the Python subscriber")
        let seqs = try XCTUnwrap(result["seqs"] as? [Int])
        XCTAssertEqual(seqs.count, done["events"] as? Int)
        XCTAssertGreaterThan(seqs.count, 0)
        XCTAssertEqual(result["replayed"] as? [Int], seqs, "replay must return the same events")
    }
}
