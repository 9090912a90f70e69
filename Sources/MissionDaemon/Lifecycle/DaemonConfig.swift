import Foundation
import MissionStore
import Yams

/// The daemon's settings: `Config/missiond.yml` documents every key. Every key has a
/// default, so an empty file (or none) is a valid configuration.
package struct DaemonConfig: Sendable, Equatable {
    package var inbox = "/var/lib/missiond/inbox"
    package var state = "/var/lib/missiond"
    /// Empty: found (see `RuleLoader.searchPlaces`).
    package var rules = ""
    package var intake = "tcp://127.0.0.1:5560"
    package var publish = "tcp://127.0.0.1:5561"
    package var replay = "tcp://127.0.0.1:5562"
    package var maxArticleBytes = 2 * 1024 * 1024
    package var maxInFlight = 256
    /// Messages queued per slow subscriber: 8192 of about 2 KB is some 16 MiB each.
    package var pubSendHWM: Int32 = 8192
    package var fsync: FsyncPolicy = .always
    package var eventLogMaxBytes = 1 << 30
    package var eventLogMaxAgeSeconds = 30 * 24 * 3600
    /// `done: keep` (within the two limits below) or `done: delete`.
    package var doneKeep = true
    package var doneMaxBytes = 1 << 30
    package var doneMaxAgeSeconds = 30 * 24 * 3600
    /// Finished articles the journal remembers for duplicate detection, the most recent first.
    package var rememberArticles = ArticleJournal.defaultMaxRememberedIDs
    package var donePolicy: DonePolicy { doneKeep ? .keep(maxBytes: doneMaxBytes, maxAgeSeconds: doneMaxAgeSeconds) : .delete }
    package var statsIntervalSeconds = 5.0
    package var logLevel = "info"
    /// `host:port` of the loopback HTTP server for /metrics, /health, /ready; nil is off.
    package var metrics: String? = "127.0.0.1:9560"
    /// CurveZMQ on the intake, publish and replay sockets; nil is no CURVE.
    package var curve: CurveSettings?
    /// Lets a socket without CURVE (or the metrics port) bind beyond loopback.
    package var allowInsecureNonLoopback = false
    /// Room for rejected socket bodies in `<state>/quarantine/`: beyond it they are not kept.
    package var quarantineMaxBytes = 256 << 20
    /// How long a file found by an inbox scan (start, inotify overflow) must stay unchanged
    /// before it is taken: it may still be being written.
    package var inboxSettleSeconds = 2.0
    /// How long the extractor may spend on one article before refusing it; 0: no limit.
    package var articleTimeBudgetMilliseconds = 10_000
    /// Bytes buffered for clients at once (intake bodies in flight, replay replies).
    package var memoryBudget = 256 << 20
    /// Clients at once on each TCP socket (intake, publish, replay); more are refused.
    package var maxConnections = 512
    /// Pipeline lanes (articles extracted at once); 0: one per CPU the process may use.
    package var workers = 0

    /// The lanes to run: `workers`, or the CPUs this process may use.
    package var lanes: Int { workers > 0 ? workers : UsableCPUs.count() }

    package init() {}

    /// `article_time_budget_ms` as a Duration; nil when it is 0 (no limit).
    package var articleTimeBudget: Duration? {
        articleTimeBudgetMilliseconds > 0 ? .milliseconds(articleTimeBudgetMilliseconds) : nil
    }

    /// Reads a YAML file. Relative paths in it are taken relative to the file's directory,
    /// so a config and its rules can move together.
    package static func load(path: String) throws(DaemonError) -> DaemonConfig {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw DaemonError(.config, "config \(path): cannot read: \(error.localizedDescription)")
        }
        var config = try parse(yaml: text, source: path)
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        config.inbox = resolve(config.inbox, against: base)
        config.state = resolve(config.state, against: base)
        if !config.rules.isEmpty { config.rules = resolve(config.rules, against: base) }
        config.curve?.resolvePaths(against: base)
        return config
    }

    /// Parses YAML text; unknown keys are errors, so a misspelt key cannot go unnoticed.
    package static func parse(yaml: String, source: String = "config") throws(DaemonError) -> DaemonConfig {
        do {
            // Only comments, or nothing: every key takes its default.
            guard let node = try Yams.compose(yaml: yaml), node.null == nil else {
                return DaemonConfig()
            }
            let config = try YAMLDecoder().decode(DaemonConfig.self, from: node)
            try config.validate()
            return config
        } catch {
            throw DaemonError(.config, "\(source): \(describe(error))")
        }
    }

    /// The innermost useful message of a decoding error, with the key it is about.
    private static func describe(_ error: any Error) -> String {
        let context: DecodingError.Context
        switch error {
        case let error as DaemonError: return error.description
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c),
             DecodingError.keyNotFound(_, let c), DecodingError.dataCorrupted(let c):
            context = c
        default: return "\(error)"
        }
        if let underlying = context.underlyingError { return describe(underlying) }
        let key = context.codingPath.map(\.stringValue).joined(separator: ".")
        return (key.isEmpty ? "" : "\(key): ") + context.debugDescription
    }

    /// `path` made absolute against `base` (the config file's directory or the working directory).
    package static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") { return path }
        return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true))
            .standardizedFileURL.path
    }

    package func validate() throws(DaemonError) {
        guard maxArticleBytes > 0 else { throw DaemonError(.config, "max_article_bytes must be positive") }
        guard maxInFlight > 0 else { throw DaemonError(.config, "max_in_flight must be positive") }
        guard pubSendHWM >= 0 else { throw DaemonError(.config, "pub_send_hwm must be 0 (unlimited) or more") }
        guard eventLogMaxBytes > 0, eventLogMaxAgeSeconds > 0 else {
            throw DaemonError(.config, "event_log_max_bytes and event_log_max_age_seconds must be positive")
        }
        guard doneMaxBytes >= 0, doneMaxAgeSeconds > 0 else {
            throw DaemonError(.config, "done_max_bytes must be 0 or more and done_max_age_seconds positive")
        }
        guard rememberArticles >= 0 else { throw DaemonError(.config, "remember_articles must be 0 or more") }
        guard statsIntervalSeconds > 0 else { throw DaemonError(.config, "stats_interval_seconds must be positive") }
        guard inboxSettleSeconds >= 0 else { throw DaemonError(.config, "inbox_settle_seconds must be 0 or more") }
        guard memoryBudget >= maxArticleBytes else {
            throw DaemonError(.config, "memory_budget (\(memoryBudget) bytes) must hold at least one article of max_article_bytes (\(maxArticleBytes))")
        }
        guard maxConnections > 0 else { throw DaemonError(.config, "max_connections must be positive") }
        guard workers >= 0 else { throw DaemonError(.config, "workers must be 0 (one per usable CPU) or more") }
        guard quarantineMaxBytes >= 0 else { throw DaemonError(.config, "quarantine_max_bytes must be 0 (keep no bodies) or more") }
        guard articleTimeBudgetMilliseconds >= 0 else { throw DaemonError(.config, "article_time_budget_ms must be 0 (no limit) or more") }
        if let metrics { _ = try MetricsServer.listenAddress(metrics) }
        guard DaemonLogging.level(named: logLevel) != nil else {
            throw DaemonError(.config, "log_level \"\(logLevel)\": expected trace, debug, info, notice, warning, error or critical")
        }
        for (key, endpoint) in [("intake", intake), ("publish", publish), ("replay", replay)] {
            guard endpoint.contains("://") else { throw DaemonError(.config, "\(key): \"\(endpoint)\" is not a ZeroMQ endpoint (tcp://…, ipc://…)") }
            if let problem = LoopbackAddress.bindableHostProblem(endpoint: endpoint) { throw DaemonError(.config, "\(key): \(problem)") }
        }
    }

    /// `268435456`, `256MiB`, `512KiB`, `1GiB` (binary units) as bytes.
    static func byteCount(_ text: String) -> Int? {
        let units: [(String, Int)] = [("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30)]
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
            guard let number = Int(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number > 0 else { return nil }
            let (bytes, overflow) = number.multipliedReportingOverflow(by: scale)
            return overflow ? nil : bytes
        }
        return Int(trimmed).flatMap { $0 > 0 ? $0 : nil }
    }

    package var retention: Retention {
        Retention(maxBytes: eventLogMaxBytes, maxAgeSeconds: eventLogMaxAgeSeconds)
    }
}

extension DaemonConfig: Decodable {
    enum Key: String, CodingKey, CaseIterable {
        case inbox, state, rules, intake, publish, replay
        case maxArticleBytes = "max_article_bytes"
        case maxInFlight = "max_in_flight"
        case pubSendHWM = "pub_send_hwm"
        case fsync
        case eventLogMaxBytes = "event_log_max_bytes"
        case eventLogMaxAgeSeconds = "event_log_max_age_seconds"
        case done
        case doneMaxBytes = "done_max_bytes"
        case doneMaxAgeSeconds = "done_max_age_seconds"
        case rememberArticles = "remember_articles"
        case statsIntervalSeconds = "stats_interval_seconds"
        case logLevel = "log_level"
        case metrics, curve
        case allowInsecureNonLoopback = "allow_insecure_non_loopback"
        case quarantineMaxBytes = "quarantine_max_bytes"
        case inboxSettleSeconds = "inbox_settle_seconds"
        case articleTimeBudgetMilliseconds = "article_time_budget_ms"
        case memoryBudget = "memory_budget"
        case maxConnections = "max_connections"
        case workers
    }

    /// Any key, so that unknown ones can be named in the error.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    package init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let unknown = all.allKeys.map(\.stringValue).filter { Key(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            let known = Key.allCases.map(\.rawValue).joined(separator: ", ")
            throw DaemonError(.config, "unknown key(s) \(unknown.sorted().joined(separator: ", ")); known keys: \(known)")
        }
        let c = try decoder.container(keyedBy: Key.self)
        self.init()
        inbox = try c.decodeIfPresent(String.self, forKey: .inbox) ?? inbox
        state = try c.decodeIfPresent(String.self, forKey: .state) ?? state
        rules = try c.decodeIfPresent(String.self, forKey: .rules) ?? rules
        intake = try c.decodeIfPresent(String.self, forKey: .intake) ?? intake
        publish = try c.decodeIfPresent(String.self, forKey: .publish) ?? publish
        replay = try c.decodeIfPresent(String.self, forKey: .replay) ?? replay
        maxArticleBytes = try c.decodeIfPresent(Int.self, forKey: .maxArticleBytes) ?? maxArticleBytes
        maxInFlight = try c.decodeIfPresent(Int.self, forKey: .maxInFlight) ?? maxInFlight
        pubSendHWM = try c.decodeIfPresent(Int32.self, forKey: .pubSendHWM) ?? pubSendHWM
        if let value = try c.decodeIfPresent(String.self, forKey: .fsync) {
            guard let policy = FsyncPolicy(configValue: value) else {
                throw DaemonError(.config, "fsync \"\(value)\": expected always, group:<milliseconds> or never")
            }
            fsync = policy
        }
        eventLogMaxBytes = try c.decodeIfPresent(Int.self, forKey: .eventLogMaxBytes) ?? eventLogMaxBytes
        eventLogMaxAgeSeconds = try c.decodeIfPresent(Int.self, forKey: .eventLogMaxAgeSeconds) ?? eventLogMaxAgeSeconds
        if let done = try c.decodeIfPresent(String.self, forKey: .done) {
            guard done == "keep" || done == "delete" else {
                throw DecodingError.dataCorruptedError(forKey: .done, in: c, debugDescription: "done \"\(done)\": expected keep or delete")
            }
            doneKeep = done == "keep"
        }
        doneMaxBytes = try c.decodeIfPresent(Int.self, forKey: .doneMaxBytes) ?? doneMaxBytes
        doneMaxAgeSeconds = try c.decodeIfPresent(Int.self, forKey: .doneMaxAgeSeconds) ?? doneMaxAgeSeconds
        rememberArticles = try c.decodeIfPresent(Int.self, forKey: .rememberArticles) ?? rememberArticles
        statsIntervalSeconds = try c.decodeIfPresent(Double.self, forKey: .statsIntervalSeconds) ?? statsIntervalSeconds
        logLevel = try c.decodeIfPresent(String.self, forKey: .logLevel) ?? logLevel
        if c.contains(.metrics) {
            // `metrics:` with nothing, `""` or `off` turns the server off.
            let value = try c.decodeNil(forKey: .metrics) ? "" : try c.decode(String.self, forKey: .metrics)
            metrics = ["", "off"].contains(value.lowercased()) ? nil : value
        }
        curve = try c.decodeIfPresent(CurveSettings.self, forKey: .curve)
        allowInsecureNonLoopback = try c.decodeIfPresent(Bool.self, forKey: .allowInsecureNonLoopback) ?? allowInsecureNonLoopback
        quarantineMaxBytes = try c.decodeIfPresent(Int.self, forKey: .quarantineMaxBytes) ?? quarantineMaxBytes
        inboxSettleSeconds = try c.decodeIfPresent(Double.self, forKey: .inboxSettleSeconds) ?? inboxSettleSeconds
        articleTimeBudgetMilliseconds = try c.decodeIfPresent(Int.self, forKey: .articleTimeBudgetMilliseconds) ?? articleTimeBudgetMilliseconds
        if let text = try c.decodeIfPresent(String.self, forKey: .memoryBudget) {
            guard let bytes = Self.byteCount(text) else {
                throw DaemonError(.config, "memory_budget \"\(text)\": expected bytes, or a number with KiB, MiB or GiB (256MiB)")
            }
            memoryBudget = bytes
        }
        maxConnections = try c.decodeIfPresent(Int.self, forKey: .maxConnections) ?? maxConnections
        workers = try c.decodeIfPresent(Int.self, forKey: .workers) ?? workers
    }
}
