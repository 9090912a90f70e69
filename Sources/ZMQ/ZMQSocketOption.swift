import CZMQ

/// A socket option to set with `ZMQSocket.set(_:)`. The generic `.int`/`.bytes`
/// cases reach any option of zmq.h (e.g. the CURVE keys) without a new case here.
package enum ZMQSocketOption: Sendable {
    /// Messages queued per peer for sending before the socket drops (PUB) or blocks.
    case sendHighWaterMark(Int32)
    /// Messages queued per peer for receiving.
    case receiveHighWaterMark(Int32)
    /// How long `close` keeps trying to deliver queued messages; -1 is forever.
    case linger(milliseconds: Int32)
    /// This socket's identity as a ROUTER peer sees it.
    case routingID([UInt8])
    /// SUB: receive messages whose first frame starts with this prefix (empty: all).
    case subscribe([UInt8])
    case unsubscribe([UInt8])
    /// Blocking receive/send give up with EAGAIN after this long; -1 waits forever.
    case receiveTimeout(milliseconds: Int32)
    case sendTimeout(milliseconds: Int32)
    /// Queue messages only to completed connections.
    case immediate(Bool)
    /// ROUTER: fail with EHOSTUNREACH instead of silently dropping an unroutable message.
    case routerMandatory(Bool)
    /// TCP keepalive: `idle`/`interval` in seconds, `count` probes; -1 leaves the OS default.
    case tcpKeepalive(enabled: Bool, idle: Int32 = -1, interval: Int32 = -1, count: Int32 = -1)
    /// Peers sending a larger frame are disconnected; -1 is unlimited.
    case maxMessageSize(Int64)
    /// Bind and connect to IPv6 addresses too (libzmq refuses `tcp://[::1]:…` without it).
    case ipv6(Bool)
    /// Any integer option of zmq.h.
    case int(Int32, Int32)
    /// Any binary or string option of zmq.h.
    case bytes(Int32, [UInt8])
}

extension ZMQSocket {
    package func set(_ option: ZMQSocketOption) throws(ZMQError) {
        switch option {
        case .sendHighWaterMark(let value): try setInt(ZMQ_SNDHWM, value, "sndhwm")
        case .receiveHighWaterMark(let value): try setInt(ZMQ_RCVHWM, value, "rcvhwm")
        case .linger(let ms): try setInt(ZMQ_LINGER, ms, "linger")
        case .routingID(let id): try setBytes(ZMQ_ROUTING_ID, id, "routing_id")
        case .subscribe(let prefix): try setBytes(ZMQ_SUBSCRIBE, prefix, "subscribe")
        case .unsubscribe(let prefix): try setBytes(ZMQ_UNSUBSCRIBE, prefix, "unsubscribe")
        case .receiveTimeout(let ms): try setInt(ZMQ_RCVTIMEO, ms, "rcvtimeo")
        case .sendTimeout(let ms): try setInt(ZMQ_SNDTIMEO, ms, "sndtimeo")
        case .immediate(let on): try setInt(ZMQ_IMMEDIATE, on ? 1 : 0, "immediate")
        case .routerMandatory(let on): try setInt(ZMQ_ROUTER_MANDATORY, on ? 1 : 0, "router_mandatory")
        case .ipv6(let on): try setInt(ZMQ_IPV6, on ? 1 : 0, "ipv6")
        case .tcpKeepalive(let enabled, let idle, let interval, let count):
            try setInt(ZMQ_TCP_KEEPALIVE, enabled ? 1 : 0, "tcp_keepalive")
            try setInt(ZMQ_TCP_KEEPALIVE_IDLE, idle, "tcp_keepalive_idle")
            try setInt(ZMQ_TCP_KEEPALIVE_INTVL, interval, "tcp_keepalive_intvl")
            try setInt(ZMQ_TCP_KEEPALIVE_CNT, count, "tcp_keepalive_cnt")
        case .maxMessageSize(let bytes):
            var value = bytes
            try setRaw(ZMQ_MAXMSGSIZE, &value, MemoryLayout<Int64>.size, "maxmsgsize")
        case .int(let option, let value): try setInt(option, value, "option \(option)")
        case .bytes(let option, let value): try setBytes(option, value, "option \(option)")
        }
    }

    /// An integer option's current value (`ZMQ_SNDHWM`, `ZMQ_EVENTS`, …).
    package func intOption(_ option: Int32) throws(ZMQError) -> Int32 {
        var value: Int32 = 0
        var size = MemoryLayout<Int32>.size
        guard try withHandle({ zmq_getsockopt($0, option, &value, &size) }) == 0 else {
            throw ZMQError.last("getsockopt \(option)")
        }
        return value
    }

    /// A binary or string option's current value, at most `capacity` bytes.
    package func bytesOption(_ option: Int32, capacity: Int = 256) throws(ZMQError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: capacity)
        var size = capacity
        guard try withHandle({ zmq_getsockopt($0, option, &buffer, &size) }) == 0 else {
            throw ZMQError.last("getsockopt \(option)")
        }
        return Array(buffer.prefix(size))
    }

    /// The endpoint last bound, with the real port for `tcp://…:*` and the path for `ipc://*`.
    package func lastEndpoint() throws(ZMQError) -> String {
        let bytes = try bytesOption(ZMQ_LAST_ENDPOINT, capacity: 1024)
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    private func setInt(_ option: Int32, _ value: Int32, _ name: String) throws(ZMQError) {
        var value = value
        try setRaw(option, &value, MemoryLayout<Int32>.size, name)
    }

    private func setBytes(_ option: Int32, _ value: [UInt8], _ name: String) throws(ZMQError) {
        let rc = try withHandle { handle in value.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) } }
        guard rc == 0 else { throw ZMQError.last("setsockopt \(name)") }
    }

    private func setRaw(_ option: Int32, _ value: UnsafeRawPointer, _ size: Int, _ name: String) throws(ZMQError) {
        guard try withHandle({ zmq_setsockopt($0, option, value, size) }) == 0 else {
            throw ZMQError.last("setsockopt \(name)")
        }
    }
}
