import Foundation
import XCTest
import ZMQ

/// The repository root, found from this file's path (Tests/MissionDaemonTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A seed article's bytes by its file name in seeds/.
func seedArticle(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("seeds/\(name)")))
}

let richSeed = "001_bd3142a90b5e95d2.txt"

/// The built `missiond` executable: beside the test bundle in the products directory.
func missiondExecutable() throws -> URL {
    var candidates: [URL] = []
    for start in [Bundle.main.bundleURL, Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])].compactMap({ $0 }) {
        var directory = start
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("missiond"))
            directory.deleteLastPathComponent()
        }
    }
    for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate.path) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            return candidate
        }
    }
    throw XCTSkip("missiond executable not found near \(Bundle.main.bundleURL.path)")
}

/// One daemon under test: its own temp directory (inbox, state, ipc endpoints, config),
/// started as a real process, stopped with SIGTERM at the end of the test.
final class DaemonProcess {
    let directory: URL
    let inbox: URL
    let state: URL
    let intake: String
    let publish: String
    let replay: String
    let logFile: URL
    /// The rule files the daemon reads (a private copy with `ownRules`, to break on purpose).
    let rules: URL
    private let metrics: String
    private(set) var process: Process?
    let context: ZMQContext

    var configFile: URL { directory.appendingPathComponent("missiond.yml") }

    /// `metrics`: an ephemeral loopback port by default, so daemons under test never clash;
    /// `metricsURL()` reads the real one from the log.
    init(_ test: XCTestCase, config extra: String = "", metrics: String = "127.0.0.1:0", ownRules: Bool = false) throws {
        directory = URL(fileURLWithPath: "/tmp/mdt-\(UUID().uuidString.prefix(8).lowercased())")
        inbox = directory.appendingPathComponent("inbox")
        state = directory.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        intake = "ipc://\(directory.path)/intake.sock"
        publish = "ipc://\(directory.path)/publish.sock"
        replay = "ipc://\(directory.path)/replay.sock"
        logFile = directory.appendingPathComponent("daemon.log")
        context = try ZMQContext()
        let shippedRules = repositoryRoot.appendingPathComponent("Config/rules")
        rules = ownRules ? directory.appendingPathComponent("rules") : shippedRules
        if ownRules { try FileManager.default.copyItem(at: shippedRules, to: rules) }
        self.metrics = metrics
        try writeConfig(extra)
        test.addTeardownBlock { [self] in
            if let process, process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            if (test.testRun?.totalFailureCount ?? 0) > 0, let log = try? String(contentsOf: logFile, encoding: .utf8) {
                print("---- daemon log (\(test.name)) ----\n\(log)\n----")
            }
            try? FileManager.default.removeItem(at: directory)
        }
    }

    /// (Re)writes the config file: the test's endpoints and directories, then `extra` keys,
    /// which replace the test's own where they name the same key.
    func writeConfig(_ extra: String) throws {
        let base = """
            inbox: inbox
            state: state
            rules: \(rules.path)
            intake: \(intake)
            publish: \(publish)
            replay: \(replay)
            stats_interval_seconds: 0.2
            log_level: debug
            metrics: \(metrics)
            """
        let key: (Substring) -> Substring? = { line in
            line.first.map { $0 == " " || $0 == "#" } == false ? line.split(separator: ":", maxSplits: 1).first : nil
        }
        let overridden = Set(extra.split(separator: "\n").compactMap(key))
        let kept = base.split(separator: "\n").filter { key($0).map { !overridden.contains($0) } ?? true }
        try (kept.joined(separator: "\n") + "\n" + extra + "\n").write(to: configFile, atomically: true, encoding: .utf8)
    }

    /// Starts `missiond run` and waits until its replay socket answers (sockets bound).
    /// `environment` is added to this process's own; `replayCheck: false` skips the wait
    /// (for a daemon whose replay socket needs CURVE). `fileSizeLimitBlocks` runs it under
    /// `ulimit -S -f` (a disk that fills up, for the files it writes; only the soft limit, so
    /// that `setLimit` can give the room back without privileges).
    func start(arguments extra: [String] = [], environment: [String: String] = [:], replayCheck: Bool = true,
               fileSizeLimitBlocks: Int? = nil) throws {
        let process = Process()
        let arguments = ["run", "--config", configFile.path] + extra
        if let blocks = fileSizeLimitBlocks {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -S -f \(blocks) && exec \"$0\" \"$@\"", try missiondExecutable().path] + arguments
        } else {
            process.executableURL = try missiondExecutable()
            process.arguments = arguments
        }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        log.seekToEndOfFile()
        process.standardError = log
        process.standardOutput = log
        try process.run()
        self.process = process
        guard replayCheck else { return }
        let answer = try request(replay, ["since", "0", "1"], timeout: 15)
        XCTAssertEqual(answer.first, "events", "replay answered \(answer)")
    }

    /// What the daemon has logged so far.
    func log() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// Waits until the log has a line containing `text` at least `count` times.
    func waitForLog(_ text: String, count: Int = 1, timeout: TimeInterval = 10) -> Bool {
        eventually(timeout: timeout) { log().components(separatedBy: "\n").filter { $0.contains(text) }.count >= count }
    }

    /// The metrics server's URL, from its "metrics server listening" log line.
    func metricsURL(timeout: TimeInterval = 10) throws -> String {
        var url: String?
        _ = eventually(timeout: timeout) {
            url = log().components(separatedBy: "\n").first { $0.contains("metrics server listening") }?
                .components(separatedBy: "url=").last
            return url != nil
        }
        return try XCTUnwrap(url, "no metrics server in the log")
    }

    /// Sets the running daemon's soft limit of a resource (`nofile`, `fsize`: RLIMIT_NOFILE,
    /// RLIMIT_FSIZE) with `prlimit --pid`, and the hard one unless `hard` is empty; returns the
    /// soft limit it had ("unlimited" or a number).
    @discardableResult
    func setLimit(_ resource: String, soft: String, hard: String = "") throws -> String {
        guard let process else { throw DaemonTestError("the daemon is not running") }
        let pid = String(process.processIdentifier)
        let old = try Self.run("/usr/bin/prlimit", ["--pid", pid, "--\(resource)", "--raw", "--noheadings", "--output", "SOFT"])
        _ = try Self.run("/usr/bin/prlimit", ["--pid", pid, "--\(resource)=\(soft):\(hard)"])
        return old.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: tool)
        child.arguments = arguments
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        guard child.terminationStatus == 0 else { throw DaemonTestError("\(tool) \(arguments) exited \(child.terminationStatus)") }
        return text
    }

    /// The lowest file descriptor number the daemon has free: a soft RLIMIT_NOFILE of this
    /// leaves it no descriptor to open. The least of several looks, so that a descriptor
    /// open for a moment (a directory being listed) does not count.
    func lowestFreeDescriptor() throws -> Int {
        guard let process else { throw DaemonTestError("the daemon is not running") }
        var lowest = Int.max
        for _ in 0..<10 {
            let open = Set(try FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").compactMap { Int($0) })
            lowest = min(lowest, (0...).first { !open.contains($0) }!)
            Thread.sleep(forTimeInterval: 0.01)
        }
        return lowest
    }

    /// Sends `signal` to the daemon.
    func send(signal: Int32) {
        if let process { kill(process.processIdentifier, signal) }
    }

    /// SIGTERM, then the exit status (nil if it did not exit within `timeout`).
    func terminate(timeout: TimeInterval = 30) -> Int32? {
        guard let process else { return nil }
        process.terminate()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// One request on a fresh DEALER (empty delimiter first, as REQ does); the reply's
    /// frames after the delimiter.
    func request(_ endpoint: String, _ frames: [String], timeout: TimeInterval = 10, ipv6: Bool = false) throws -> [String] {
        try request(endpoint, frames.map { Array($0.utf8) }, timeout: timeout, ipv6: ipv6).map { String(decoding: $0, as: UTF8.self) }
    }

    func request(_ endpoint: String, _ frames: [[UInt8]], timeout: TimeInterval = 10, ipv6: Bool = false) throws -> [[UInt8]] {
        let dealer = try ZMQSocket(context: context, type: .dealer)
        defer { dealer.close() }
        try dealer.set(.linger(milliseconds: 0))
        if ipv6 { try dealer.set(.ipv6(true)) }
        try dealer.set(.receiveTimeout(milliseconds: Int32(timeout * 1000)))
        try dealer.connect(endpoint)
        try dealer.send([[]] + frames)
        guard let reply = try dealer.receive() else {
            throw DaemonTestError("no reply from \(endpoint) within \(timeout) s")
        }
        return Array(reply.drop { !$0.isEmpty }.dropFirst())
    }

    /// Every mission event in the event log, via replay.
    func replayAll() throws -> [[String: Any]] {
        var since = "0"
        var events: [[String: Any]] = []
        while true {
            let reply = try request(replay, ["since", since, "500"])
            guard reply.count >= 3, reply[0] == "events" else { throw DaemonTestError("replay: \(reply)") }
            events += try reply.dropFirst(3).map(parseJSON)
            since = reply[1]
            if reply[2] == "0" { return events }
        }
    }

    func stateFiles(_ subdirectory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: state.appendingPathComponent(subdirectory).path)) ?? []).sorted()
    }

    /// The original names of the files kept in `subdirectory` (done, quarantine), from their
    /// `<stored>.name` files, sorted.
    func storedNames(_ subdirectory: String) -> [String] {
        let directory = state.appendingPathComponent(subdirectory)
        return stateFiles(subdirectory).filter { $0.hasSuffix(".name") }.compactMap {
            try? String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8).trimmingCharacters(in: .newlines)
        }.sorted()
    }

    func inboxFiles() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inbox.path)) ?? []).sorted()
    }
}

struct DaemonTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

func parseJSON(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw DaemonTestError("not a JSON object: \(text)")
    }
    return object
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if try condition() { return true }
        Thread.sleep(forTimeInterval: 0.02)
    }
    return try condition()
}
