import Foundation
import ZMQ

/// A real `missiond run` child process on loopback ports and a temporary state directory,
/// fed by a pipelining DEALER and watched by a SUB counting `article.done`.
final class BenchDaemon {
    let process = Process()
    let intake: String
    let events: String
    private let context: ZMQContext
    private let sender: ZMQSocket
    private let done: ZMQSocket
    /// The `ms` of each `article.done`: the daemon's own time, intake to publish.
    var daemonMilliseconds: [Double] = []
    /// When the first intake reply arrived: the daemon was up and had journaled an article.
    private(set) var firstReplyAt: Date?

    init(executable: String, rules: String, state: String, portBase: Int, extraArguments: [String]) throws {
        intake = "tcp://127.0.0.1:\(portBase)"
        events = "tcp://127.0.0.1:\(portBase + 1)"
        let inbox = state + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", "--state", state, "--inbox", inbox, "--rules", rules,
                             "--intake", intake, "--publish", events,
                             "--replay", "tcp://127.0.0.1:\(portBase + 2)", "--metrics", "127.0.0.1:0"] + extraArguments
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()

        context = try ZMQContext()
        sender = try ZMQSocket(context: context, type: .dealer)
        try sender.set(.linger(milliseconds: 0))
        try sender.set(.sendHighWaterMark(100_000))
        try sender.connect(intake)
        done = try ZMQSocket(context: context, type: .sub)
        try done.set(.linger(milliseconds: 0))
        try done.set(.receiveHighWaterMark(1_000_000))
        try done.set(.subscribe(Array("article.".utf8)))
        try done.connect(events)
    }

    /// Sends one article and waits for its `article.done`, retrying until the daemon is up and
    /// the subscription has reached it (the PUB socket drops messages for slow joiners).
    func warmUp(_ article: BenchCorpus.Article, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var attempt = 0
        while Date() < deadline {
            // Distinct bodies, or the daemon would answer `duplicate` and publish nothing.
            let body = article.body + Array(" warm-up \(attempt)".utf8)
            try sender.send([[], Array(article.name.utf8), body])
            attempt += 1
            let until = Date().addingTimeInterval(1)
            while Date() < until {
                _ = try receiveReplies()
                if try !receiveDone(timeoutMilliseconds: 50).isEmpty {
                    // Its reply may come after its article.done (the journal's fdatasync): wait for it.
                    while firstReplyAt == nil && Date() < deadline {
                        if try receiveReplies() == 0 { usleep(1000) }
                    }
                    return
                }
            }
        }
        throw BenchError("the daemon did not publish article.done within \(Int(timeout)) s")
    }

    /// Sends every article with up to `window` unacknowledged; returns once each has its
    /// `article.done`. `onDone` gets each finished name.
    func pump(_ articles: [BenchCorpus.Article], window: Int, pace: TimeInterval? = nil,
              onSend: (String) -> Void = { _ in }, onDone: (String) -> Void = { _ in }) throws {
        var next = 0, unacked = 0, finished = 0
        let start = Date()
        var lastProgress = Date()
        while finished < articles.count {
            while next < articles.count && unacked < window {
                if let pace, Date().timeIntervalSince(start) < Double(next) * pace { break }
                let article = articles[next]
                onSend(article.name)
                guard try sender.send([[], Array(article.name.utf8), article.body], flags: .dontWait) else { break }
                next += 1
                unacked += 1
            }
            unacked -= try receiveReplies()
            // Paced: sleep in poll until the next send is due (never spin: this client shares
            // the machine's two cores with the daemon it measures).
            var timeout = 5
            if let pace {
                if next < articles.count && unacked < window {
                    let due = Double(next) * pace - Date().timeIntervalSince(start)
                    timeout = due <= 0 ? 0 : max(1, Int((due * 1000).rounded(.up)))
                } else {
                    timeout = 1
                }
            }
            let names = try receiveDone(timeoutMilliseconds: timeout)
            finished += names.count
            names.forEach(onDone)
            if !names.isEmpty { lastProgress = Date() }
            if Date().timeIntervalSince(lastProgress) > 60 {
                throw BenchError("no article.done for 60 s (\(finished)/\(articles.count) finished)")
            }
        }
    }

    /// CPU seconds (user + system) the daemon has used so far.
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Peak resident set size of the daemon so far (VmHWM), in bytes.
    func peakResidentBytes() -> Int { statusKiB("VmHWM:") * 1024 }

    /// Resident set size now (VmRSS), in bytes.
    func residentBytes() -> Int { statusKiB("VmRSS:") * 1024 }

    private func statusKiB(_ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib
    }

    func stop() -> Int32 {
        sender.close()
        done.close()
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Drains intake replies; returns how many arrived. An `error` reply is fatal here.
    private func receiveReplies() throws -> Int {
        var count = 0
        while let frames = try sender.receive(flags: .dontWait) {
            if frames.count > 1, frames[1] == Array("error".utf8) {
                throw BenchError("the daemon refused an article: \(String(decoding: frames[2], as: UTF8.self))")
            }
            count += 1
        }
        if count > 0 && firstReplyAt == nil { firstReplyAt = Date() }
        return count
    }

    /// Names of the articles whose `article.done` arrived.
    private func receiveDone(timeoutMilliseconds: Int) throws -> [String] {
        var names: [String] = []
        var poller = ZMQPoller()
        try poller.add(done)
        try poller.poll(timeoutMilliseconds: timeoutMilliseconds)
        while let frames = try done.receive(flags: .dontWait) {
            guard frames.count == 2, frames[0] == Self.doneTopic else { continue }
            // Byte scans, not Foundation searches: this client shares the two cores it measures.
            let json = frames[1]
            if let name = Self.valueBytes(after: Self.nameKey, in: json, until: UInt8(ascii: "\"")) {
                names.append(String(decoding: name, as: UTF8.self))
            }
            if let ms = Self.valueBytes(after: Self.msKey, in: json, until: nil) {
                daemonMilliseconds.append(Double(String(decoding: ms, as: UTF8.self)) ?? 0)
            }
        }
        return names
    }

    private static let doneTopic = Array("article.done".utf8)
    private static let nameKey = Array(#""name":""#.utf8)
    private static let msKey = Array(#""ms":"#.utf8)

    /// The bytes after the first `key` in `json`: up to `end` (a string's closing quote), or
    /// with `end` nil, while they can be part of a JSON number.
    static func valueBytes(after key: [UInt8], in json: [UInt8], until end: UInt8?) -> ArraySlice<UInt8>? {
        guard let from = json.firstRange(of: key)?.upperBound else { return nil }
        if let end {
            guard let to = json[from...].firstIndex(of: end) else { return nil }
            return json[from..<to]
        }
        let number = json[from...].prefix { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
        return number.isEmpty ? nil : number
    }
}
