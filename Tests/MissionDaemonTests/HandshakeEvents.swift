import Foundation
import XCTest
import ZMQ

/// What libzmq reports about the handshakes of one client socket (`zmq_socket_monitor`):
/// positive evidence that a server refused it, instead of "no reply within a second".
/// Attach it before the socket connects, so that no event is missed.
final class HandshakeEvents {
    // zmq.h (libzmq 4.3)
    static let succeeded: Int32 = 0x1000       // ZMQ_EVENT_HANDSHAKE_SUCCEEDED
    static let failedNoDetail: Int32 = 0x0800  // ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL
    static let failedProtocol: Int32 = 0x2000  // ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL (e.g. the mechanisms differ)
    static let failedAuth: Int32 = 0x4000      // ZMQ_EVENT_HANDSHAKE_FAILED_AUTH (the ZAP handler said no)
    static let failures: Set<Int32> = [failedNoDetail, failedProtocol, failedAuth]

    private let pair: ZMQSocket
    private(set) var seen: [Int32] = []

    init(_ socket: ZMQSocket, context: ZMQContext) throws {
        let endpoint = "inproc://handshake-\(UUID().uuidString)"
        try socket.monitor(endpoint, events: Self.succeeded | Self.failedNoDetail | Self.failedProtocol | Self.failedAuth)
        pair = try ZMQSocket(context: context, type: .pair)
        try pair.set(.linger(milliseconds: 0))
        try pair.connect(endpoint)
    }

    deinit { pair.close() }

    /// Waits (up to `timeout`, returning as soon as one comes) for the first handshake outcome.
    func firstOutcome(timeout: TimeInterval = 30) throws -> Int32? {
        if let first = seen.first { return first }
        try pair.set(.receiveTimeout(milliseconds: Int32(timeout * 1000)))
        guard let frames = try pair.receive(), let event = ZMQMonitorEvent(frames: frames) else { return nil }
        seen.append(event.event)
        return event.event
    }

    /// Every outcome reported so far (without waiting: libzmq has queued them on the monitor).
    func all() throws -> [Int32] {
        while let frames = try pair.receive(flags: .dontWait) {
            if let event = ZMQMonitorEvent(frames: frames) { seen.append(event.event) }
        }
        return seen
    }
}
