import Foundation
import ZMQ

/// A pipelining intake client (wire.md): a DEALER that sends `["", name, body, meta?]` and
/// matches the `["", status, id-or-reason, name]` replies by name, `window` at a time.
final class IntakeClient {
    enum Status: String { case ok, duplicate, error }

    struct Reply {
        let status: Status
        /// The article id, or for `error` the reason.
        let detail: String
        let name: String
    }

    struct Tally {
        var sent = 0, ok = 0, duplicate = 0, refused = 0, unreadable = 0
        /// Set when the daemon could not be reached or stopped answering.
        var failure: String?
    }

    private let endpoint: String
    private let usesCurve: Bool
    private let window: Int
    private let timeout: Double
    private let socket: ZMQSocket

    init(endpoint: String, window: Int, timeout: Double, curve: CurveClientOptions.Keys? = nil) throws {
        self.endpoint = endpoint
        self.usesCurve = curve != nil
        self.window = window
        self.timeout = timeout
        let context = try ZMQContext()
        socket = try ZMQSocket(context: context, type: .dealer)
        try socket.set(.linger(milliseconds: 0))
        // Queue nothing until the connection is up, so "not reachable" shows as not writable.
        try socket.set(.immediate(true))
        try socket.set(.sendHighWaterMark(Int32(max(window * 2, 1000))))
        try socket.useCurve(curve)
        try socket.connect(endpoint)
    }

    /// Sends every file and waits for all replies (or for the daemon to stop answering).
    func send(
        files: [String], metadata: [UInt8]?,
        onReply: (Reply) -> Void, progress: (Tally) -> Void
    ) throws -> Tally {
        var tally = Tally()
        var waiting: [String: Int] = [:]   // name → replies still owed (names may repeat)
        var inFlight = 0
        var next = 0
        var lastProgress = Date()
        var poller = ZMQPoller()
        let index = try poller.add(socket, events: [.readable, .writable])

        while next < files.count || inFlight > 0 {
            let wantsToSend = next < files.count && inFlight < window
            poller.setEvents(wantsToSend ? [.readable, .writable] : .readable, at: index)
            try poller.poll(timeoutMilliseconds: 100)
            let ready = poller.events(at: index)

            if ready.contains(.writable) && wantsToSend {
                while next < files.count && inFlight < window {
                    let path = files[next]
                    let name = (path as NSString).lastPathComponent
                    guard let body = FileManager.default.contents(atPath: path) else {
                        tally.unreadable += 1
                        FileHandle.standardError.write(Data("missiond publish: cannot read \(path)\n".utf8))
                        next += 1
                        continue
                    }
                    var frames: [[UInt8]] = [[], Array(name.utf8), Array(body)]
                    if let metadata { frames.append(metadata) }
                    guard try socket.send(frames, flags: .dontWait) else { break }
                    next += 1
                    inFlight += 1
                    tally.sent += 1
                    waiting[name, default: 0] += 1
                    lastProgress = Date()
                }
            }
            if ready.contains(.readable) {
                while let frames = try socket.receive(flags: .dontWait) {
                    guard let reply = Self.parse(frames), let owed = waiting[reply.name], owed > 0 else {
                        FileHandle.standardError.write(Data("missiond publish: ignoring an unexpected reply\n".utf8))
                        continue
                    }
                    waiting[reply.name] = owed == 1 ? nil : owed - 1
                    inFlight -= 1
                    lastProgress = Date()
                    switch reply.status {
                    case .ok: tally.ok += 1
                    case .duplicate: tally.duplicate += 1
                    case .error: tally.refused += 1
                    }
                    onReply(reply)
                }
            }
            progress(tally)
            if Date().timeIntervalSince(lastProgress) > timeout {
                tally.failure = tally.sent == 0
                    ? "cannot reach missiond at \(endpoint) (nothing connected within \(Int(timeout)) s; is the daemon running?"
                        + (usesCurve ? " With CURVE: is --server-key the daemon's key, and this client's key in its allow-list?)" : ")")
                    : "missiond at \(endpoint) stopped answering: \(inFlight) article(s) unacknowledged after \(Int(timeout)) s"
                return tally
            }
        }
        return tally
    }

    private static func parse(_ frames: [[UInt8]]) -> Reply? {
        guard frames.count == 4, frames[0].isEmpty,
              let status = Status(rawValue: String(decoding: frames[1], as: UTF8.self)) else { return nil }
        return Reply(status: status,
                     detail: String(decoding: frames[2], as: UTF8.self),
                     name: String(decoding: frames[3], as: UTF8.self))
    }
}
