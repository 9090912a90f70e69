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
    private let eventLog: EventLog
    private let logger: Logger
    private let stopSignal: Wakeup
    private let stopRequested = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    private let started = Atomic<Bool>(false)

    init(context: ZMQContext, endpoint: String, eventLog: EventLog, logger: Logger) throws(DaemonError) {
        do {
            socket = try ZMQSocket(context: context, type: .router)
            try socket.set(.linger(milliseconds: 500))
            try socket.bind(endpoint)
        } catch {
            throw DaemonError("replay socket: \(error)")
        }
        self.eventLog = eventLog
        self.logger = logger
        self.stopSignal = try Wakeup()
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
        stopSignal.signal()
        stopped.wait()
    }

    private func run() {
        defer {
            socket.close()
            stopped.signal()
        }
        var poller = ZMQPoller()
        do {
            try poller.add(socket)
            poller.add(fileDescriptor: stopSignal.descriptor)
        } catch {
            logger.critical("replay: cannot poll", metadata: ["error": "\(error)"])
            return
        }
        while !stopRequested.load(ordering: .acquiring) {
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
        switch eventLog.read(after: since, max: limit) {
        case .expired(let oldest):
            return ["error", "seq \(since) is no longer kept; oldest is \(oldest)"]
        case .events(let events, let more):
            return ["events", String(events.last?.seq ?? since), more ? "1" : "0"] + events.map(\.json)
        }
    }
}
