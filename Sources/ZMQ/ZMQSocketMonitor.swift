import CZMQ

/// The socket monitor (`zmq_socket_monitor`): libzmq reports connection events of a socket
/// as two-frame messages on a PAIR socket bound at an `inproc://` endpoint.
package struct ZMQMonitorEvent: Sendable, Equatable {
    package static let accepted = Int32(ZMQ_EVENT_ACCEPTED)
    package static let disconnected = Int32(ZMQ_EVENT_DISCONNECTED)
    package static let monitorStopped = Int32(ZMQ_EVENT_MONITOR_STOPPED)

    package var event: Int32
    /// The file descriptor for accepted/disconnected, an errno or interval for others.
    package var value: Int32
    package var endpoint: String

    /// Frame 1: 16-bit event number and 32-bit value, native byte order; frame 2: endpoint.
    package init?(frames: [[UInt8]]) {
        guard frames.count == 2, frames[0].count == 6 else { return nil }
        let header = frames[0]
        event = Int32(UInt16(header[0]) | UInt16(header[1]) << 8)
        value = Int32(bitPattern: UInt32(header[2]) | UInt32(header[3]) << 8 | UInt32(header[4]) << 16 | UInt32(header[5]) << 24)
        endpoint = String(decoding: frames[1], as: UTF8.self)
    }
}

extension ZMQSocket {
    /// Starts reporting `events` (ZMQ_EVENT_* bits) on a PAIR socket bound at `endpoint`.
    /// Call on the socket's owning thread.
    package func monitor(_ endpoint: String, events: Int32) throws(ZMQError) {
        guard try withHandle({ zmq_socket_monitor($0, endpoint, events) }) == 0 else { throw ZMQError.last("monitor \(endpoint)") }
    }
}
