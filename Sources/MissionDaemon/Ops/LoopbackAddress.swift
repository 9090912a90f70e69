/// Whether an address is reachable only from this host, and the start-up rule built on it:
/// a socket others can reach must use CURVE, unless the config accepts the risk by name.
package enum LoopbackAddress {
    /// A numeric loopback address (127.0.0.0/8, `::1`, IPv4-mapped 127.x), `localhost`, or
    /// Linux's loopback interface `lo` (libzmq binds to interface names).
    package static func isLoopback(host: String) -> Bool {
        if host == "localhost" || host == "lo" { return true }
        guard let addresses = try? SocketAddress.resolve(host: host, port: 0, resolveNames: false),
              !addresses.isEmpty else { return false }
        return addresses.allSatisfy(\.isLoopback)
    }

    /// Whether a ZeroMQ endpoint is reachable only from this host: `ipc://` and `inproc://`
    /// always; `tcp://` when its host is a loopback address or `lo` (what libzmq binds:
    /// it takes no host names, so `tcp://localhost:…` is not local but refused by
    /// `bindableHostProblem`). `tcp://*:…`, `0.0.0.0`, a NIC name or a public address are
    /// not, nor are transports that cross hosts by design (pgm, …).
    package static func isLocal(endpoint: String) -> Bool {
        guard let schemeEnd = endpoint.range(of: "://") else { return false }
        switch endpoint[..<schemeEnd.lowerBound].lowercased() {
        case "ipc", "inproc":
            return true
        case "tcp", "ws":
            guard let host = tcpHost(of: endpoint), host != "localhost" else { return false }
            return isLoopback(host: host)
        default:
            return false
        }
    }

    /// The host part of a `tcp://` or `ws://` endpoint as written (`[::1]` keeps its
    /// brackets); for `tcp://source;destination` the destination's.
    package static func tcpHost(of endpoint: String) -> String? {
        guard let schemeEnd = endpoint.range(of: "://"),
              ["tcp", "ws"].contains(endpoint[..<schemeEnd.lowerBound].lowercased()) else { return nil }
        var rest = endpoint[schemeEnd.upperBound...]
        if let semicolon = rest.lastIndex(of: ";") { rest = rest[rest.index(after: semicolon)...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        guard let colon = rest.lastIndex(of: ":") else { return nil }
        return String(rest[..<colon])
    }

    /// Why libzmq could not bind `endpoint`'s host, or nil. Binding takes an IP address,
    /// `*` or an interface name, never a host name: `localhost` would fail at start.
    package static func bindableHostProblem(endpoint: String) -> String? {
        guard tcpHost(of: endpoint)?.lowercased() == "localhost" else { return nil }
        return "\(endpoint): ZeroMQ binds IP addresses or interface names, not host names: "
            + "use tcp://127.0.0.1:… or tcp://[::1]:… for loopback"
    }

    /// Refuses to expose a socket beyond this host without CURVE, unless `allowInsecure`
    /// (the config's explicit consent). `name` is the socket's role for the message.
    package static func checkExposure(of name: String, endpoint: String, curve: Bool, allowInsecure: Bool) throws(DaemonError) {
        guard !curve, !allowInsecure, !isLocal(endpoint: endpoint) else { return }
        throw DaemonError(.address, 
            "\(name): \(endpoint) is reachable from other hosts and has no CURVE: configure CURVE keys, "
                + "bind to loopback, or allow insecure non-loopback binding explicitly in the config")
    }
}
