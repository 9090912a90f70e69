import Foundation
import XCTest
import ZMQ

/// A SUB socket on the daemon's PUB that keeps everything it receives.
final class Subscriber {
    struct Message {
        let topic: String
        let json: [String: Any]
    }

    private let socket: ZMQSocket
    private(set) var received: [Message] = []

    /// Subscribes to everything and waits for the first `daemon.stats` (the daemon under
    /// test sends one every 0.2 s): from then on the subscription is known to be in place,
    /// so nothing published later is lost to the slow-joiner effect.
    init(daemon: DaemonProcess) throws {
        socket = try ZMQSocket(context: daemon.context, type: .sub)
        try socket.set(.linger(milliseconds: 0))
        try socket.set(.subscribe([]))
        try socket.connect(daemon.publish)
        guard try next(timeout: 10, where: { $0.topic == "daemon.stats" }) != nil else {
            throw DaemonTestError("no daemon.stats within 10 s: not subscribed")
        }
    }

    /// Receives until a message matching `predicate` arrives (returned) or `timeout` passes (nil).
    /// Messages already received count from index `after` on (those before are older news).
    @discardableResult
    func next(timeout: TimeInterval = 10, after: Int = 0, where predicate: (Message) -> Bool) throws -> Message? {
        if let found = received[min(after, received.count)...].first(where: predicate) { return found }
        let deadline = Date().addingTimeInterval(timeout)
        var poller = ZMQPoller()
        try poller.add(socket)
        while Date() < deadline {
            let remaining = Int(deadline.timeIntervalSinceNow * 1000)
            try poller.poll(timeoutMilliseconds: max(1, min(remaining, 200)))
            while let frames = try socket.receive(flags: .dontWait) {
                guard frames.count == 2 else { throw DaemonTestError("a PUB message of \(frames.count) frames") }
                let message = Message(topic: String(decoding: frames[0], as: UTF8.self),
                                      json: try parseJSON(String(decoding: frames[1], as: UTF8.self)))
                received.append(message)
                if predicate(message) { return message }
            }
        }
        return nil
    }

    /// Waits for the `article.done` of the article called `name`.
    func done(_ name: String, timeout: TimeInterval = 10) throws -> [String: Any]? {
        try next(timeout: timeout) { $0.topic == "article.done" && articleName($0.json) == name }?.json
    }

    /// Waits for the `article.rejected` of the article called `name`.
    func rejected(_ name: String, timeout: TimeInterval = 10) throws -> [String: Any]? {
        try next(timeout: timeout) { $0.topic == "article.rejected" && articleName($0.json) == name }?.json
    }

    /// The first `daemon.stats` published after everything received so far: what it counts
    /// includes the work that those messages report.
    func statsAfterEverythingSoFar(timeout: TimeInterval = 30) throws -> [String: Any]? {
        try next(timeout: timeout, after: received.count) { $0.topic == "daemon.stats" }?.json
    }

    func missionEvents(of name: String) -> [[String: Any]] {
        received.filter { $0.topic.hasPrefix("mission.") && articleName($0.json) == name }.map(\.json)
    }
}

func articleName(_ json: [String: Any]) -> String? {
    (json["article"] as? [String: Any])?["name"] as? String
}
