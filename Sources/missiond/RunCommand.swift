import ArgumentParser
import Foundation
import Logging
import MissionDaemon

/// `missiond run`: the daemon.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon: watch the inbox, take articles on the intake socket, publish events.",
        discussion: """
            Paths and endpoints given as flags override the config file's. Relative paths in \
            the config file are relative to its directory; on the command line, to the working directory.
            With --once the daemon processes the files in the inbox now, leaves them where they \
            are, prints every published message as `topic json` on stdout, and exits when done: \
            missiond run --config Config/missiond.yml --inbox seeds --state /tmp/missiond-demo --once \
            SIGHUP reloads the config file and the rules (the flags still win); SIGTERM stops cleanly.
            """
    )

    @Option(help: "The YAML config file (default: built-in defaults).")
    var config: String?
    @Option(help: "Directory watched for article files.")
    var inbox: String?
    @Option(help: "State directory: journal, event log, done/, quarantine/.")
    var state: String?
    @Option(help: "Directory of the extractor's rule files.")
    var rules: String?
    @Option(help: "Intake ROUTER endpoint.")
    var intake: String?
    @Option(help: "Event PUB endpoint.")
    var publish: String?
    @Option(help: "Replay ROUTER endpoint.")
    var replay: String?
    @Option(help: "Metrics HTTP address host:port, or off.")
    var metrics: String?
    @Flag(help: "Process the inbox's current files without moving them, print what is published, then exit.")
    var once = false

    func run() throws {
        // A file-size limit (or a full quota) must surface as a write error that the journal
        // reports as an `error` reply, not as SIGXFSZ killing the daemon mid-write.
        signal(SIGXFSZ, SIG_IGN)
        var overrides = ConfigSource.Overrides()
        (overrides.inbox, overrides.state, overrides.rules) = (inbox, state, rules)
        (overrides.intake, overrides.publish, overrides.replay, overrides.metrics) = (intake, publish, replay, metrics)
        // Kept for reloads: SIGHUP reads the file again and applies the same flags over it.
        let source = ConfigSource(path: config, overrides: overrides, workingDirectory: FileManager.default.currentDirectoryPath)
        let settings: DaemonConfig
        do {
            settings = try source.load()
        } catch {
            FileHandle.standardError.write(Data("missiond: \(error)\n".utf8))
            throw ExitCode(2)
        }

        DaemonLogging.bootstrap(level: DaemonLogging.level(named: settings.logLevel) ?? .info)
        let logger = Logger(label: "missiond")
        var options = Daemon.Options(config: settings)
        options.source = source
        options.once = once
        let daemon: Daemon
        do {
            daemon = try Daemon(options: options, logger: logger)
        } catch {
            logger.critical("cannot start: \(error)")
            throw ExitCode.failure
        }
        let signals = watchSignals(daemon: daemon, logger: logger)
        daemon.start()
        daemon.waitUntilStopped()
        signals.cancel()
    }
}

/// Nonisolated on purpose: the signal handlers run on a Dispatch queue, not the main actor.
/// One serial queue for all of them, so a SIGTERM during a reload waits for it to finish.
private func watchSignals(daemon: Daemon, logger: Logger) -> SignalWatcher {
    SignalWatcher(signals: [SIGTERM, SIGINT, SIGHUP]) { signal in
        switch signal {
        case SIGHUP:
            logger.notice("signal SIGHUP received: reload")
            daemon.reload()
        default:
            logger.notice("signal \(signal == SIGTERM ? "SIGTERM" : "SIGINT") received")
            daemon.stop()
        }
    }
}
