import ZMQ

/// Binding the daemon's server sockets (intake, publish, replay) and moving them to another
/// endpoint on a reload. Call on the thread or queue that owns the socket.
enum ServerEndpoint {
    /// Makes `socket` a CURVE server under the ZAP domain `role` when a secret key is given,
    /// then binds it. Returns the endpoint as bound (the real port of `tcp://…:*`), which is
    /// what `unbind` needs later.
    static func bind(_ socket: ZMQSocket, to endpoint: String, role: String, curveSecretKey: String?) throws(ZMQError) -> String {
        if let curveSecretKey { try socket.makeCurveServer(secretKey: curveSecretKey, zapDomain: role) }
        try prepare(socket, for: endpoint)
        try socket.bind(endpoint)
        return (try? socket.lastEndpoint()) ?? endpoint
    }

    /// libzmq binds an IPv6 address (`tcp://[::1]:…`) only on a socket with ZMQ_IPV6 on.
    static func prepare(_ socket: ZMQSocket, for endpoint: String) throws(ZMQError) {
        if let host = LoopbackAddress.tcpHost(of: endpoint), host.hasPrefix("[") {
            try socket.set(.ipv6(true))
        }
    }

    struct Moved {
        let bound: String
        /// The old endpoint could not be released (it stays bound as well).
        let unbindError: ZMQError?
    }

    /// Binds `new` first and only then unbinds `old`, so a bind that fails leaves the socket
    /// where it was. The socket itself stays open: clients of an unchanged socket never
    /// notice; clients connected to the old endpoint are disconnected and must follow.
    static func move(_ socket: ZMQSocket, from old: String, to new: String) throws(ZMQError) -> Moved {
        try prepare(socket, for: new)
        try socket.bind(new)
        let bound = (try? socket.lastEndpoint()) ?? new
        do {
            try socket.unbind(old)
            return Moved(bound: bound, unbindError: nil)
        } catch {
            return Moved(bound: bound, unbindError: error)
        }
    }
}
