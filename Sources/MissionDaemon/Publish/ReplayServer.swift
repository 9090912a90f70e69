import Foundation
import Logging
import MissionStore
import Synchronization
import ZMQ

/// The replay ROUTER of wire.md: `["since", seq]` or `["since", seq, max]` →
/// `["events", last, more, json…]` from the event log. Runs on its own thread, so a
/// large read never delays intake.
///
/// Memory: a reply is cut (with `more=1`) to `replyMaxBytes` and to what is left of the
/// memory budget, whatever `max` asks (one event at least); the events are read in small chunks, so no more than
/// one reply is ever held. Each client gets `sendHighWaterMark` unread replies at most:
/// with ROUTER_MANDATORY a further one is dropped (the client may ask again), never queued.
/// Checked confinement: `endpoint` and the socket are the thread's (`thread.preconditionOnThread()`).
final class ReplayServer: DaemonService, @unchecked Sendable {
    let serviceName = "replay"
    static let defaultMax = 1000
    static let largestMax = 10_000
    /// Events read from the log per step while a reply is filled.
    static let readChunk = 128
    /// Unread replies libzmq keeps per client.
    static let sendHighWaterMark: Int32 = 2

    private let socket: ZMQSocket
    /// The thread's own (or the creator's before it starts).
    private var endpoint: String
    private let eventLog: EventLog
    private let budget: MemoryBudget
    /// The most JSON bytes (events) in one reply.
    let replyMaxBytes: Int
    private let logger: Logger
    /// The thread that owns the socket; a reload's move runs there.
    private let thread: OwnerThread<ReplayServer>

    init(context: ZMQContext, endpoint: String, curveSecretKey: String?, eventLog: EventLog,
         budget: MemoryBudget = MemoryBudget(limit: DaemonConfig().memoryBudget),
         maxConnections: Int = DaemonConfig().maxConnections, connectionLimiter: ConnectionLimiter? = nil,
         logger: Logger) throws(DaemonError) {
        do {
            socket = try ZMQSocket(context: context, type: .router)
            try socket.set(.linger(milliseconds: 500))
            try socket.set(.sendHighWaterMark(Self.sendHighWaterMark))
            // A full client queue is an EAGAIN to act on, not a silent drop.
            try socket.set(.routerMandatory(true))
            try ServerEndpoint.prepare(socket, for: endpoint)
            self.endpoint = try ServerEndpoint.bind(socket, to: endpoint, role: "replay", curveSecretKey: curveSecretKey)
            try connectionLimiter?.watch(socket, role: "replay", context: context)
        } catch {
            throw DaemonError(.socket, "replay socket: \(error)")
        }
        self.eventLog = eventLog
        self.budget = budget
        self.replyMaxBytes = Self.replyMaxBytes(budget: budget.limit, maxConnections: maxConnections)
        self.logger = logger
        self.thread = try OwnerThread(name: "missiond.replay")
    }

    func start() {
        thread.start { [self] in run() }
    }

    /// Asks the thread to end; it closes the socket on its way out.
    func requestStop() {
        guard thread.hasStarted else { return socket.close() }
        thread.requestStop()
    }

    /// False if the thread is still running after `timeout`.
    func waitUntilStopped(timeout: Duration?) -> Bool { thread.waitUntilStopped(timeout: timeout) }

    /// Moves the socket to `newEndpoint` on its own thread (reload) and waits for the
    /// outcome; on failure it stays where it was.
    func move(to newEndpoint: String) -> Result<ServerEndpoint.Moved, ZMQError> {
        guard thread.hasStarted else {
            return Result { () throws(ZMQError) in try ServerEndpoint.move(socket, from: endpoint, to: newEndpoint) }
        }
        let answer = thread.ask(timeout: .seconds(10)) { (server: ReplayServer) in
            server.thread.preconditionOnThread()
            let result = Result { () throws(ZMQError) in
                try ServerEndpoint.move(server.socket, from: server.endpoint, to: newEndpoint)
            }
            if case .success(let moved) = result { server.endpoint = moved.bound }
            return result
        }
        return answer ?? .failure(ZMQError(errno: ETIMEDOUT, operation: "move the replay socket (its thread did not answer)"))
    }

    private func run() {
        thread.preconditionOnThread()
        defer { socket.close() }
        var poller = ZMQPoller()
        do {
            try poller.add(socket)
            poller.add(fileDescriptor: thread.control.wakeup.descriptor)
        } catch {
            logger.critical("replay: cannot poll", metadata: ["error": "\(error)"])
            return
        }
        while !thread.isStopping {
            for work in thread.control.takeAll() { work(self) }
            do {
                try poller.poll(timeoutMilliseconds: -1)
                while let frames = try socket.receive(flags: .dontWait) {
                    let message = RouterMessage(frames: frames)
                    let reply = answer(Array(message.payload))
                    // Held (and counted) until libzmq has taken its copy.
                    let charge = budget.charge(reply.reduce(0) { $0 + $1.utf8.count })
                    defer { withExtendedLifetime(charge) {} }
                    do {
                        if try !socket.send(message.reply(reply), flags: .dontWait) {
                            logger.warning("replay: reply dropped, the client has not read its earlier replies",
                                           metadata: ["queued_per_client": "\(Self.sendHighWaterMark)"])
                        }
                    } catch where error.errno == EHOSTUNREACH {
                        logger.debug("replay: the client left before its reply")
                    }
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
        // What this reply may hold: the cap, and no more than the budget has left (one
        // event at least, so that a client always moves on).
        let room = min(replyMaxBytes, budget.availableBytes)
        var events: [String] = []
        var bytes = 0
        var last = since
        var more = false
        var newest: UInt64 = 0
        reading: while events.count < limit {
            let (read, head) = eventLog.readWithHead(after: last, max: min(Self.readChunk, limit - events.count))
            newest = head
            switch read {
            case .expired(let oldest):
                if events.isEmpty { return ["error", "seq \(since) is no longer kept; oldest is \(oldest)"] }
                more = true  // retention moved on meanwhile: the next request says so
                break reading
            case .lost(let range):
                if events.isEmpty {
                    return ["error", "seqs \(range.lowerBound)-\(range.upperBound) were lost to event log damage; their articles ran again under later seqs; ask since \(range.upperBound) to go on"]
                }
                more = true  // the next request gets the error: never a short history as if complete
                break reading
            case .damaged(let seq, let reason):
                if events.isEmpty {
                    logger.error("replay: damaged event record", metadata: ["seq": "\(seq)", "reason": "\(reason)"])
                    return ["error", "event seq \(seq) is damaged in the event log (\(reason)); run missiond fsck"]
                }
                more = true
                break reading
            case .events(let chunk, let chunkMore):
                for event in chunk {
                    let size = event.json.utf8.count
                    if !events.isEmpty && bytes + size > room {
                        more = true
                        break reading
                    }
                    events.append(event.json)
                    bytes += size
                    last = event.seq
                }
                more = chunkMore
                if !chunkMore || chunk.isEmpty { break reading }
            }
        }
        // Nothing newer than `since`: `last` is the real head, never the client's number.
        if events.isEmpty { last = Swift.min(since, newest) }
        return ["events", String(last), more ? "1" : "0"] + events
    }

    /// The per-reply cap. libzmq keeps up to `sendHighWaterMark` unread replies per client
    /// (and one more being written), out of the daemon's sight: so that all of them for
    /// `maxConnections` clients stay within half the budget, a reply is at most
    /// budget / 2 / (maxConnections × (sendHighWaterMark + 1)), 16 KiB to 4 MiB. A client
    /// that wants more asks again (`more=1`): the cost stays linear in the events sent.
    static func replyMaxBytes(budget: Int, maxConnections: Int) -> Int {
        let share = budget / 2 / (max(1, maxConnections) * (Int(sendHighWaterMark) + 1))
        return min(4 << 20, max(16 << 10, share))
    }
}
