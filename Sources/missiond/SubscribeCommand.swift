import ArgumentParser
import Foundation
import MissionStore
import Synchronization
import ZMQ

/// Set by SIGINT/SIGTERM; the receive loop polls it.
private let stopRequested = Atomic<Bool>(false)

/// `missiond subscribe`: prints what the events socket publishes, one JSON object a line.
struct SubscribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "subscribe",
        abstract: "Print published events as JSON lines; with --from or --durable, catch up first with no gap.",
        discussion: """
            Without --from/--durable this is a plain SUB socket: what it misses while away is lost. \
            With them it follows the zguide's Clone pattern: subscribe, replay mission events after \
            the given seq from the replay socket, then print live messages, dropping mission events \
            already printed and replaying any gap it sees. --durable NAME saves the last printed seq \
            in a small file (every half second and on exit), so a restarted subscriber resumes there: \
            delivery is at least once across a crash of the subscriber.
            """
    )

    @Option(help: "The events endpoint (PUB) of the daemon.")
    var endpoint = "tcp://127.0.0.1:5561"

    @Option(name: .customLong("topic"), help: "Topic prefix to receive (repeatable; default: everything).")
    var topics: [String] = []

    @Option(help: "Print mission events after this seq first (0: everything kept), then follow live.")
    var from: UInt64?

    @Option(help: "Keep the position under this name and resume from it.")
    var durable: String?

    @Option(help: "Directory of --durable positions (default: $XDG_STATE_HOME/missiond/cursors).")
    var cursorDirectory: String?

    @Option(help: "The replay endpoint (ROUTER) of the daemon.")
    var replay = "tcp://127.0.0.1:5562"

    @Option(help: "Exit after printing this many messages.")
    var count: Int?

    @Option(help: "Exit after this many seconds without a message.")
    var idleTimeout: Double?

    @Flag(help: "Replay up to now and exit instead of following live messages.")
    var catchUpOnly = false

    @Flag(help: "Print {\"topic\": …, \"message\": …} instead of the bare message.")
    var withTopic = false

    @OptionGroup var curve: CurveClientOptions

    func validate() throws {
        if catchUpOnly && from == nil && durable == nil {
            throw ValidationError("--catch-up-only needs --from or --durable")
        }
        if let durable, durable.isEmpty || durable.contains("/") {
            throw ValidationError("--durable takes a plain name, without '/'")
        }
    }

    func run() throws {
        installStopHandlers()
        let keys = try curve.keys()
        let context = try ZMQContext()
        let cursor = durable.map { CursorFile(path: cursorPath(for: $0)) }
        let resumeFrom = from ?? cursor?.load() ?? (durable != nil ? 0 : nil)

        // Subscribe before replaying, so nothing published during the catch-up is missed.
        let live = try ZMQSocket(context: context, type: .sub)
        try live.set(.linger(milliseconds: 0))
        try live.set(.receiveHighWaterMark(100_000))
        for topic in topics.isEmpty ? [""] : topics { try live.set(.subscribe(Array(topic.utf8))) }
        try live.useCurve(keys)
        try live.connect(endpoint)

        var output = SubscriberOutput(topics: topics, withTopic: withTopic, limit: count, cursor: cursor)
        defer { output.finish() }

        guard let start = resumeFrom else {
            try follow(live, output: &output, replayer: nil)
            return
        }
        let replayer = try ReplayClient(context: context, endpoint: replay, timeout: 10, curve: keys)
        output.lastSeq = start
        try catchUp(replayer, output: &output, through: nil)
        if catchUpOnly || output.isDone { return }
        try follow(live, output: &output, replayer: replayer)
    }

    /// Replays mission events after `output.lastSeq` until none remain (or through `limit`).
    private func catchUp(_ replayer: ReplayClient, output: inout SubscriberOutput, through limit: UInt64?) throws {
        while !output.isDone {
            let batch = try replayer.fetch(after: output.lastSeq)
            for json in batch.events where !output.isDone {
                output.printMission(json, seq: nil)
            }
            if !batch.more || batch.events.isEmpty { return }
            if let limit, output.lastSeq >= limit { return }
        }
    }

    /// Prints live messages; in tracking mode drops seen seqs and fills gaps by replay.
    private func follow(_ live: ZMQSocket, output: inout SubscriberOutput, replayer: ReplayClient?) throws {
        var poller = ZMQPoller()
        try poller.add(live)
        var lastMessage = Date()
        while !output.isDone && !stopRequested.load(ordering: .relaxed) {
            try poller.poll(timeoutMilliseconds: 200)
            while let frames = try live.receive(flags: .dontWait) {
                guard frames.count == 2 else { continue }
                lastMessage = Date()
                let topic = String(decoding: frames[0], as: UTF8.self)
                let json = String(decoding: frames[1], as: UTF8.self)
                if let replayer, topic.hasPrefix("mission.") {
                    guard let seq = SubscriberOutput.seq(of: json), seq > output.lastSeq else { continue }
                    if seq > output.lastSeq + 1 {
                        // A gap (slow joiner, HWM drop): fetch what is missing before this one.
                        try catchUp(replayer, output: &output, through: seq - 1)
                        if seq <= output.lastSeq { continue }
                    }
                    output.printMission(json, seq: seq)
                } else {
                    output.print(topic: topic, json: json)
                }
                if output.isDone { return }
            }
            output.flush()
            if let idleTimeout, Date().timeIntervalSince(lastMessage) > idleTimeout { return }
        }
    }

    private func cursorPath(for name: String) -> String {
        let directory = cursorDirectory ?? {
            let env = ProcessInfo.processInfo.environment
            let base = env["XDG_STATE_HOME"] ?? ((env["HOME"] ?? NSTemporaryDirectory()) + "/.local/state")
            return base + "/missiond/cursors"
        }()
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory + "/" + name
    }
}

private func installStopHandlers() {
    for sig in [SIGINT, SIGTERM] {
        signal(sig) { _ in stopRequested.store(true, ordering: .relaxed) }
    }
}

/// Where received messages go: stdout, the topic filter for replayed events, the count
/// limit and the durable position.
struct SubscriberOutput {
    let topics: [String]
    let withTopic: Bool
    let limit: Int?
    let cursor: CursorFile?
    var lastSeq: UInt64 = 0
    private var printed = 0
    private var savedSeq: UInt64 = 0
    private var lastSave = Date()

    init(topics: [String], withTopic: Bool, limit: Int?, cursor: CursorFile?) {
        self.topics = topics
        self.withTopic = withTopic
        self.limit = limit
        self.cursor = cursor
    }

    var isDone: Bool { limit.map { printed >= $0 } ?? false }

    /// A mission event from replay or live; its seq advances the position even when the
    /// topic filter leaves it unprinted.
    mutating func printMission(_ json: String, seq known: UInt64?) {
        guard let seq = known ?? Self.seq(of: json) else { return }
        lastSeq = max(lastSeq, seq)
        let topic = "mission." + (Self.stringField("type", in: json) ?? "unknown")
        if topics.isEmpty || topics.contains(where: { topic.hasPrefix($0) }) {
            print(topic: topic, json: json)
        }
        if let cursor, Date().timeIntervalSince(lastSave) > 0.5 { save(cursor) }
    }

    mutating func print(topic: String, json: String) {
        if withTopic {
            let quoted = topic.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            Swift.print("{\"topic\":\"\(quoted)\",\"message\":\(json)}")
        } else {
            Swift.print(json)
        }
        printed += 1
    }

    mutating func flush() {
        fflush(nil)  // all streams; naming `stdout` is not concurrency-safe in Swift 6
        if let cursor, savedSeq != lastSeq, Date().timeIntervalSince(lastSave) > 0.5 { save(cursor) }
    }

    mutating func finish() {
        fflush(nil)  // all streams; naming `stdout` is not concurrency-safe in Swift 6
        if let cursor, savedSeq != lastSeq { save(cursor) }
    }

    private mutating func save(_ cursor: CursorFile) {
        do {
            try cursor.save(lastSeq)
            savedSeq = lastSeq
        } catch {
            FileHandle.standardError.write(Data("missiond subscribe: cannot save position: \(error)\n".utf8))
        }
        lastSave = Date()
    }

    /// The `seq` of a mission event's JSON, read without a full parse.
    static func seq(of json: String) -> UInt64? {
        guard let range = json.range(of: "\"seq\":") else { return nil }
        let digits = json[range.upperBound...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        return UInt64(digits)
    }

    static func stringField(_ name: String, in json: String) -> String? {
        guard let range = json.range(of: "\"\(name)\":\"") else { return nil }
        let rest = json[range.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
