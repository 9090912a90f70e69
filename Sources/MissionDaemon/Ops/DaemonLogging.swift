import Glibc
import Logging
import Synchronization

/// Log lines on stderr (journald takes them from there): time, level, label, message, metadata,
/// always one line each (see `LogEscape`).
/// Every handler reads one process-wide level, so a reload can change it for every logger.
package struct StderrLogHandler: LogHandler {
    package var logLevel: Logger.Level {
        get { DaemonLogging.level }
        set { DaemonLogging.level = newValue }
    }
    package var metadata: Logger.Metadata = [:]
    private let label: String

    package init(label: String) {
        self.label = label
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let fields = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.escaped($0.value))" }.joined(separator: " ")
        // Names from outside reach the message and the metadata: escaped, a client cannot
        // start a line of its own or send a terminal escape.
        var line = "\(Self.timestamp()) \(event.level) \(label): \(LogEscape.escape(event.message.description))\(fields)\n"
        // One write per line, so lines from different threads do not interleave.
        line.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }

    /// A metadata value on one line; `LogBytes` are escaped from their own bytes, not again.
    private static func escaped(_ value: Logger.MetadataValue) -> String {
        if case .stringConvertible(let raw as LogBytes) = value { return raw.description }
        return LogEscape.escape("\(value)")
    }

    private static func timestamp() -> String {
        let (base, nanoseconds) = UTCTime.now("%Y-%m-%dT%H:%M:%S")
        let millis = nanoseconds / 1_000_000
        return base + "." + (millis < 10 ? "00" : millis < 100 ? "0" : "") + String(millis) + "Z"
    }
}

package enum DaemonLogging {
    private static let currentLevel = Atomic<Int>(Logger.Level.info.index)

    /// The level every `StderrLogHandler` logs at (a reload sets it from `log_level`).
    package static var level: Logger.Level {
        get { Logger.Level.allCases[currentLevel.load(ordering: .relaxed)] }
        set { currentLevel.store(newValue.index, ordering: .relaxed) }
    }

    package static func level(named name: String) -> Logger.Level? {
        Logger.Level(rawValue: name.lowercased())
    }

    /// Installs the stderr handler for the whole process (once, at start).
    package static func bootstrap(level: Logger.Level) {
        self.level = level
        LoggingSystem.bootstrap { label in StderrLogHandler(label: label) }
    }
}

extension Logger.Level {
    fileprivate var index: Int { Logger.Level.allCases.firstIndex(of: self) ?? 2 }
}
