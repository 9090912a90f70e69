import Glibc

/// What an HTTP server answered.
package struct HTTPResponse: Sendable, Equatable {
    package let status: Int
    /// Header names in lower case.
    package let headers: [String: String]
    package let body: [UInt8]

    package var text: String { String(decoding: body, as: UTF8.self) }
}

/// A plain HTTP/1.1 GET over a POSIX socket, for `missiond status` and the tests: talks to
/// the metrics server on this host, so no TLS, redirects or chunked bodies (URLSession is
/// heavy on Linux and needs none of that here).
package enum HTTPGet {
    /// Where to connect, from `http://host:port/path` or `host:port`.
    package struct Target: Sendable, Equatable {
        package let host: String
        package let port: UInt16
        package let path: String
    }

    package static func get(_ url: String, path: String? = nil, timeout: Duration = .seconds(5)) throws(DaemonError) -> HTTPResponse {
        var target = try parse(url)
        if let path { target = Target(host: target.host, port: target.port, path: path) }
        let hostHeader = target.host.contains(":") && !target.host.hasPrefix("[") ? "[\(target.host)]" : target.host
        let request = "GET \(target.path) HTTP/1.1\r\nHost: \(hostHeader):\(target.port)\r\n"
            + "User-Agent: missiond\r\nAccept: */*\r\nConnection: close\r\n\r\n"
        let raw = try exchange(host: target.host, port: target.port, request: Array(request.utf8), timeout: timeout)
        return try parseResponse(raw, from: url)
    }

    /// Sends `request` as it is and returns every byte the server sent until it closed:
    /// for requests `get` does not make (the tests' malformed ones).
    package static func exchange(host: String, port: UInt16, request: [UInt8], timeout: Duration = .seconds(5)) throws(DaemonError) -> [UInt8] {
        let io = try connect(host: host, port: port, timeout: timeout)
        defer { close(io.fd) }
        guard io.writeAll(request) else { throw DaemonError.system("send to \(host):\(port)", errno) }
        var response: [UInt8] = []
        while true {
            guard let chunk = io.readSome(limit: 64 * 1024) else {
                throw DaemonError(.http, "\(host):\(port): no complete answer within \(timeout)")
            }
            if chunk.isEmpty { return response }
            response += chunk
            if response.count > 64 * 1024 * 1024 { throw DaemonError(.http, "\(host):\(port): answer too big") }
        }
    }

    package static func parse(_ url: String) throws(DaemonError) -> Target {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            guard rest[..<scheme.lowerBound].lowercased() == "http" else {
                throw DaemonError(.http, "\(url): only http:// is supported")
            }
            rest = rest[scheme.upperBound...]
        }
        var path = "/"
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[slash...])
            rest = rest[..<slash]
        }
        var host = rest
        var port: UInt16 = 80
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("]") {
            guard let number = UInt16(rest[rest.index(after: colon)...]) else { throw DaemonError(.http, "\(url): bad port") }
            port = number
            host = rest[..<colon]
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { throw DaemonError(.http, "\(url): no host") }
        return Target(host: String(host), port: port, path: path)
    }

    /// Parses a whole response; `hasBody` is false for the answer to a HEAD request,
    /// whose Content-Length describes a body that is not sent.
    package static func parseResponse(_ raw: [UInt8], from url: String, hasBody: Bool = true) throws(DaemonError) -> HTTPResponse {
        guard let end = HTTPExchange.endOfHead(raw, from: 0) else {
            throw DaemonError(.http, "\(url): not an HTTP response")
        }
        // Split the bytes: "\r\n" is a single Character, so a String never splits at "\n" there.
        let lines = raw[..<end].split(separator: 10)
            .map { String(decoding: $0.last == 13 ? $0.dropLast() : $0, as: UTF8.self)[...] }
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw DaemonError(.http, "\(url): not an HTTP response")
        }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers[line[..<colon].lowercased()] = String(value)
        }
        var body = hasBody ? Array(raw[end...]) : []
        if hasBody, let length = headers["content-length"].flatMap({ Int($0) }) {
            guard body.count >= length else { throw DaemonError(.http, "\(url): answer cut short") }
            body = Array(body.prefix(length))
        }
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// A connected socket to the first address of `host` that answers, within `timeout`.
    private static func connect(host: String, port: UInt16, timeout: Duration) throws(DaemonError) -> SocketIO {
        var lastError = DaemonError(.http, "\(host):\(port): no address")
        for address in try SocketAddress.resolve(host: host, port: port, resolveNames: true) {
            let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            guard fd >= 0 else { lastError = .system("socket", errno); continue }
            let io = SocketIO(fd: fd, timeout: timeout)
            if address.withSockaddr({ Glibc.connect(fd, $0, $1) }) == 0 { return io }
            guard errno == EINPROGRESS, io.wait(for: Int16(POLLOUT)) else {
                lastError = errno == EINPROGRESS
                    ? DaemonError(.http, "connect \(host):\(port): timed out") : .system("connect \(host):\(port)", errno)
                close(fd)
                continue
            }
            var failure: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &size)
            if failure == 0 { return io }
            lastError = .system("connect \(host):\(port)", failure)
            close(fd)
        }
        throw lastError
    }
}
