import Foundation
import ZMQ

/// Asks the replay socket (wire.md) for mission events after a seq:
/// `["since", seq, max]` → `["events", last, more, json…]` or `["error", reason]`.
final class ReplayClient {
    struct Batch {
        let events: [String]
        let last: UInt64
        let more: Bool
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let endpoint: String
    private let socket: ZMQSocket
    private let timeoutMilliseconds: Int

    init(context: ZMQContext, endpoint: String, timeout: Double, curve: CurveClientOptions.Keys? = nil) throws {
        self.endpoint = endpoint
        timeoutMilliseconds = Int(timeout * 1000)
        // A DEALER with an empty delimiter behaves as REQ but survives a lost reply.
        socket = try ZMQSocket(context: context, type: .dealer)
        try socket.set(.linger(milliseconds: 0))
        try socket.useCurve(curve)
        try socket.connect(endpoint)
    }

    func fetch(after seq: UInt64, max: Int = 1000) throws -> Batch {
        try socket.send(strings: ["", "since", String(seq), String(max)])
        var poller = ZMQPoller()
        try poller.add(socket)
        guard try poller.poll(timeoutMilliseconds: timeoutMilliseconds) > 0,
              let frames = try socket.receive(flags: .dontWait) else {
            throw Failure(description: "no answer from the replay socket at \(endpoint) within \(timeoutMilliseconds / 1000) s")
        }
        let text = frames.map { String(decoding: $0, as: UTF8.self) }
        guard text.count >= 2, text[0].isEmpty else { throw Failure(description: "malformed replay reply") }
        if text[1] == "error" {
            throw Failure(description: "replay refused: " + (text.count > 2 ? text[2] : "no reason given"))
        }
        guard text[1] == "events", text.count >= 4, let last = UInt64(text[2]) else {
            throw Failure(description: "malformed replay reply: \(text.prefix(4).joined(separator: " "))")
        }
        return Batch(events: Array(text[4...]), last: last, more: text[3] == "1")
    }
}
