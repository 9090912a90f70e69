import CZMQ
import Glibc
import Synchronization

/// One answer of the ZAP handler, for the owner to log (a refused client above all).
package struct ZAPDecision: Sendable, Equatable {
    /// `CURVE`, `NULL` or `PLAIN`, as the connecting peer used it.
    package let mechanism: String
    /// The client's public key in Z85 (CURVE only).
    package let clientKey: String?
    /// The peer's IP address as libzmq saw it (empty for ipc/inproc).
    package let address: String
    /// The ZAP domain of the socket it connected to.
    package let domain: String
    package let allowed: Bool
    /// The ZAP status text sent back ("OK", or why not).
    package let reason: String
}

/// A ZAP handler (ZeroMQ RFC 27): libzmq asks it, over `inproc://zeromq.zap.01` of one
/// context, whether a peer may connect to a socket of that context that is a CURVE server
/// (or has a ZAP domain). CURVE clients are let in when their public key is in the
/// allow-list; NULL peers when `allowNull` says so; PLAIN never.
///
/// It answers on its own thread. Start it before binding any CURVE socket of the context,
/// stop it only after they are closed (or after `ZMQContext.shutdown`), since libzmq
/// cannot ask a handler that is gone.
package final class ZAPHandler: Sendable {
    package static let endpoint = "inproc://zeromq.zap.01"

    private struct Policy: Sendable {
        var allowedClientKeys: Set<String>
        var allowNull: Bool
    }

    /// What the handler's thread shares with its owner.
    private final class State: Sendable {
        let policy: Mutex<Policy>
        let stopping = Atomic<Bool>(false)
        init(_ policy: Policy) { self.policy = Mutex(policy) }
    }

    private let state: State
    /// The thread to join; `nil` once joined, so that `stop` runs once.
    private let thread = Mutex<pthread_t?>(nil)

    /// Binds the handler's REP socket on `context` (so it answers from the moment this
    /// returns) and starts its thread. `onDecision` runs on that thread for every answer:
    /// keep it short (a log line). Fails with EADDRINUSE if the context has a handler already.
    package init(
        context: ZMQContext,
        allowedClientKeys: Set<String>,
        allowNull: Bool = false,
        onDecision: @escaping @Sendable (ZAPDecision) -> Void = { _ in }
    ) throws(ZMQError) {
        let state = State(Policy(allowedClientKeys: allowedClientKeys, allowNull: allowNull))
        self.state = state
        let socket = try ZMQSocket(context: context, type: .rep)
        try socket.set(.linger(milliseconds: 0))
        try socket.bind(Self.endpoint)
        // The socket moves to the handler's thread and is used only there from now on.
        let started = try ZAPThread.start {
            Self.serve(socket, state: state, onDecision: onDecision)
        }
        thread.withLock { $0 = started }
    }

    deinit { stop() }

    /// The public keys (Z85) let in from now on; for a config reload.
    package var allowedClientKeys: Set<String> {
        get { state.policy.withLock { $0.allowedClientKeys } }
        set { state.policy.withLock { $0.allowedClientKeys = newValue } }
    }

    /// Whether peers without CURVE are let in, on sockets with a ZAP domain.
    package var allowNull: Bool {
        get { state.policy.withLock { $0.allowNull } }
        set { state.policy.withLock { $0.allowNull = newValue } }
    }

    /// Whether the thread still answers (it ends on `stop` or when the context shuts down).
    package var isRunning: Bool { !state.stopping.load(ordering: .acquiring) }

    /// Stops answering, closes the REP socket and waits for the thread (at most one poll
    /// interval). Idempotent. Do not call it from `onDecision`.
    package func stop() {
        state.stopping.store(true, ordering: .releasing)
        guard let running = thread.withLock({ value -> pthread_t? in defer { value = nil }; return value }) else { return }
        pthread_join(running, nil)
    }

    // MARK: The handler thread

    private static func serve(
        _ socket: ZMQSocket, state: State, onDecision: @Sendable (ZAPDecision) -> Void
    ) {
        // Closed here, on its own thread, before the context can be terminated.
        defer {
            // zmq_close releases an inproc endpoint later, on libzmq's reaper thread; an
            // explicit unbind releases it now, so a new handler can bind once `stop` returns.
            try? socket.unbind(endpoint)
            socket.close()
            state.stopping.store(true, ordering: .releasing)
        }
        do {
            var poller = ZMQPoller()
            try poller.add(socket)
            while !state.stopping.load(ordering: .acquiring) {
                // A short timeout, so that `stop` is seen soon without a wake-up socket.
                guard try poller.poll(timeoutMilliseconds: 100) > 0 else { continue }
                while let request = try socket.receive(flags: .dontWait) {
                    let (reply, decision) = answer(request, policy: state.policy.withLock { $0 })
                    // A REP socket must answer every request before it can take the next.
                    try socket.send(reply)
                    if let decision { onDecision(decision) }
                }
            }
        } catch {
            // ETERM (the context shuts down) or a broken socket: either way nothing is left to answer.
        }
    }

    /// The reply frames for one request, and what to report (nothing for a malformed request).
    private static func answer(_ request: [[UInt8]], policy: Policy) -> ([[UInt8]], ZAPDecision?) {
        let text: (Int) -> String = { index in
            index < request.count ? String(decoding: request[index], as: UTF8.self) : ""
        }
        let requestID = request.count > 1 ? request[1] : []
        func reply(_ status: String, _ reason: String, userID: String = "") -> [[UInt8]] {
            [Array("1.0".utf8), requestID, Array(status.utf8), Array(reason.utf8), Array(userID.utf8), []]
        }
        guard request.count >= 6, text(0) == "1.0" else {
            return (reply("500", "malformed ZAP request"), nil)
        }
        let domain = text(2), address = text(3), mechanism = text(5)
        switch mechanism {
        case "CURVE":
            guard request.count >= 7, request[6].count == 32, let key = ZMQZ85.encode(request[6]) else {
                return (reply("500", "malformed CURVE credentials"), nil)
            }
            let allowed = policy.allowedClientKeys.contains(key)
            let reason = allowed ? "OK" : "client key not allowed"
            let decision = ZAPDecision(mechanism: mechanism, clientKey: key, address: address,
                                       domain: domain, allowed: allowed, reason: reason)
            // The key as user id lets the server side read who is speaking (ZMQ_MSG "User-Id").
            return (allowed ? reply("200", reason, userID: key) : reply("400", reason), decision)
        case "NULL":
            let allowed = policy.allowNull
            let reason = allowed ? "OK" : "CURVE required"
            let decision = ZAPDecision(mechanism: mechanism, clientKey: nil, address: address,
                                       domain: domain, allowed: allowed, reason: reason)
            return (reply(allowed ? "200" : "400", reason), decision)
        default:
            let reason = "mechanism \(mechanism) not allowed"
            let decision = ZAPDecision(mechanism: mechanism, clientKey: nil, address: address,
                                       domain: domain, allowed: false, reason: reason)
            return (reply("400", reason), decision)
        }
    }
}

/// A bare pthread, so that the handler can be joined on `stop` without pulling in Foundation.
private enum ZAPThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    static func start(_ run: @escaping @Sendable () -> Void) throws(ZMQError) -> pthread_t {
        var thread = pthread_t()
        let body = Unmanaged.passRetained(Body(run)).toOpaque()
        let rc = pthread_create(&thread, nil, { argument in
            Unmanaged<Body>.fromOpaque(argument!).takeRetainedValue().run()
            return nil
        }, body)
        guard rc == 0 else {
            Unmanaged<Body>.fromOpaque(body).release()
            throw ZMQError(errno: rc, operation: "start the ZAP handler thread")
        }
        return thread
    }
}
