import Glibc

/// One HTTP/1.x request and its response on an accepted connection: reads the head (at
/// most `MetricsServer.maxRequestBytes`, within the timeout), ignores any body, answers
/// and closes. Enough for scrapes and probes; no keep-alive, no chunking.
struct HTTPExchange {
    struct Request: Sendable {
        let method: String
        /// The path without its query string.
        let path: String
    }

    struct Response: Sendable {
        let status: Int
        var headers: [(String, String)] = []
        let contentType: String
        let body: String

        init(status: Int, contentType: String = "text/plain; charset=utf-8", headers: [(String, String)] = [], body: String) {
            self.status = status
            self.contentType = contentType
            self.headers = headers
            self.body = body
        }

        func bytes(includeBody: Bool) -> [UInt8] {
            let body = Array(body.utf8)
            var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
            head += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
            head += "Cache-Control: no-store\r\nConnection: close\r\n"
            for (name, value) in headers { head += "\(name): \(value)\r\n" }
            head += "\r\n"
            return Array(head.utf8) + (includeBody ? body : [])
        }

        static func reason(_ status: Int) -> String {
            switch status {
            case 200: "OK"
            case 400: "Bad Request"
            case 404: "Not Found"
            case 405: "Method Not Allowed"
            case 408: "Request Timeout"
            case 431: "Request Header Fields Too Large"
            case 503: "Service Unavailable"
            case 505: "HTTP Version Not Supported"
            default: "Status \(status)"
            }
        }
    }

    let io: SocketIO
    let timeout: Duration

    init(fd: Int32, timeout: Duration) {
        io = SocketIO(fd: fd, timeout: timeout)
        self.timeout = timeout
    }

    func serve(_ handler: (Request) -> Response) {
        let response: Response
        var isHead = false
        switch readHead() {
        case .failure(let refusal):
            response = Response(status: refusal.code, body: "\(Response.reason(refusal.code).lowercased())\n")
        case .success(let head):
            switch Self.parse(head) {
            case .failure(let refusal):
                response = Response(status: refusal.code, body: "\(Response.reason(refusal.code).lowercased())\n")
            case .success(let request):
                isHead = request.method == "HEAD"
                response = handler(request)
            }
        }
        // A deadline of its own: a 408 is due just when the reading one has run out.
        let output = SocketIO(fd: io.fd, timeout: timeout)
        _ = output.writeAll(response.bytes(includeBody: !isHead))
        // Tell the client the response is complete before the socket goes.
        shutdown(io.fd, Int32(SHUT_WR))
    }

    /// The bytes up to the blank line ending the head, or the status to refuse with.
    private func readHead() -> Result<[UInt8], HTTPStatusCode> {
        var bytes: [UInt8] = []
        while true {
            guard let chunk = io.readSome(limit: 2048) else { return .failure(HTTPStatusCode(408)) }
            if chunk.isEmpty { return .failure(HTTPStatusCode(400)) }
            let searchFrom = max(0, bytes.count - 3)
            bytes += chunk
            if let end = Self.endOfHead(bytes, from: searchFrom) { return .success(Array(bytes[..<end])) }
            if bytes.count > MetricsServer.maxRequestBytes { return .failure(HTTPStatusCode(431)) }
        }
    }

    /// The index after `\r\n\r\n` (or a bare `\n\n`, which clients like `nc` send).
    static func endOfHead(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == 10 {
                if index + 1 < bytes.count, bytes[index + 1] == 10 { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 { return index + 3 }
            }
            index += 1
        }
        return nil
    }

    /// The request line: `METHOD target HTTP/1.x`.
    static func parse(_ head: [UInt8]) -> Result<Request, HTTPStatusCode> {
        // Bytes, not Characters: "\r\n" is one Character in Swift and would never split at "\n".
        let firstLine = head.split(separator: 10, maxSplits: 1, omittingEmptySubsequences: false).first ?? []
        let line = String(decoding: firstLine.last == 13 ? firstLine.dropLast() : firstLine, as: UTF8.self)
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[1].hasPrefix("/") || parts[1] == "*" else { return .failure(HTTPStatusCode(400)) }
        guard parts[2].hasPrefix("HTTP/1.") else { return .failure(HTTPStatusCode(505)) }
        let target = parts[1]
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? target
        return .success(Request(method: String(parts[0]), path: String(path)))
    }
}

/// An HTTP status as an error, for the requests refused before they reach the handler.
struct HTTPStatusCode: Error, Equatable {
    let code: Int
    init(_ code: Int) { self.code = code }
}
