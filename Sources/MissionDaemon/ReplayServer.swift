import Foundation
import Logging
import MissionStore
import Synchronization
import ZMQ

/// The replay ROUTER of wire.md: `["since", seq]` or `["since", seq, max]` →
/// `["events", last, more, json…]` from the event log. Runs on its own thread, so a
/// large read never delays intake.
final class ReplayServer: @unchecked Sendable {
    static let defaultMax = 1000
    static let largestMax = 10_000

    private let socket: ZMQSocket
    /// Touched only by the thread (or before it starts).
    private var endpoint: String
    private let eventLog: EventLog
    private let logger: Logger
    /// Work for the thread that owns the socket (a reload's move), and its wake-up.
    private let control: Mailbox<@Sendable (ReplayServer) -> Void>
    private let stopRequested = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)

    init(context: ZMQContext, endpoint: String, curveSecretKey: String?, eventLog: EventLog, logger: Logger) throws(DaemonError) {
        do {
            socket = try ZMQSocket(context: context, type: .router)
            try socket.set(.linger(milliseconds: 500))
            self.endpoint = try ServerEndpoint.bind(socket, to: endpoint, role: "replay", curveSecretKey: curveSecretKey)
        } catch {
            throw DaemonError("replay socket: \(error)")
        }
        self.eventLog = eventLog
        self.logger = logger
        self.control = try Mailbox()
    }

    func start() {
        started.store(true, ordering: .releasing)
        let thread = Thread { [self] in run() }
        thread.name = "missiond.replay"
        thread.start()
    }

    /// Stops the thread and closes the socket; returns once both are done.
    func stop() {
        guard started.load(ordering: .acquiring) else { return socket.close() }
        stopRequested.store(true, ordering: .releasing)
        control.wakeup.signal()
        stopped.wait()
    }

    /// Moves the socket to `newEndpoint` on its own thread (reload) and waits for the
    /// outcome; on failure it stays where it was.
    func move(to newEndpoint: String) -> Result<ServerEndpoint.Moved, ZMQError> {
        guard started.load(ordering: .acquiring) else {
            return Result { () throws(ZMQError) in try ServerEndpoint.move(socket, from: endpoint, to: newEndpoint) }
        }
        let answer = control.ask(timeout: .seconds(10)) { (server: ReplayServer) in
            let result = Result { () throws(ZMQError) in
                try ServerEndpoint.move(server.socket, from: server.endpoint, to: newEndpoint)
            }
            if case .success(let moved) = result { server.endpoint = moved.bound }
            return result
        }
        return answer ?? .failure(ZMQError(errno: ETIMEDOUT, operation: "move the replay socket (its thread did not answer)"))
    }

    private func run() {
        defer {
            socket.close()
            stopped.signal()
        }
        var poller = ZMQPoller()
        do {
            try poller.add(socket)
            poller.add(fileDescriptor: control.wakeup.descriptor)
        } catch {
            logger.critical("replay: cannot poll", metadata: ["error": "\(error)"])
            return
        }
        while !stopRequested.load(ordering: .acquiring) {
            for work in control.takeAll() { work(self) }
            do {
                try poller.poll(timeoutMilliseconds: -1)
                while let frames = try socket.receive(flags: .dontWait) {
                    let message = RouterMessage(frames: frames)
                    try socket.send(message.reply(answer(Array(message.payload))), flags: .dontWait)
                }
            } catch {
                logger.error("replay socket error", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The reply frames for one request (without the envelope).
    func answer(_ payload: [[UInt8]]) -> [String] {
        let words = payload.map { String(decoding: $0, as: UTF8.self) }
        guard (words.count == 2 || words.count == 3), words[0] == "since" else {
            return ["error", "expected [\"since\", seq] or [\"since\", seq, max]"]
        }
        guard let since = UInt64(words[1]) else {
            return ["error", "seq \"\(words[1])\" is not a number"]
        }
        var limit = Self.defaultMax
        if words.count == 3 {
            guard let max = Int(words[2]), max > 0 else { return ["error", "max \"\(words[2])\" is not a positive number"] }
            limit = min(max, Self.largestMax)
        }
        let (read, head) = eventLog.readWithHead(after: since, max: limit)
        switch read {
        case .expired(let oldest):
            return ["error", "seq \(since) is no longer kept; oldest is \(oldest)"]
        case .lost(let range):
            return ["error", "seqs \(range.lowerBound)-\(range.upperBound) were lost to event log damage; their articles ran again under later seqs; ask since \(range.upperBound) to go on"]
        case .damaged(let seq, let reason):
            logger.error("replay: damaged event record", metadata: ["seq": "\(seq)", "reason": "\(reason)"])
            return ["error", "event seq \(seq) is damaged in the event log (\(reason)); run missiond fsck"]
        case .events(let events, let more):
            // Nothing newer than `since`: `last` is the real head, never the client's number.
            return ["events", String(events.last?.seq ?? Swift.min(since, head)), more ? "1" : "0"] + events.map(\.json)
        }
    }
}
