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
            missiond run --config Config/missiond.yml --inbox seeds --state /tmp/missiond-demo --once
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
    @Flag(help: "Process the inbox's current files without moving them, print what is published, then exit.")
    var once = false

    func run() throws {
        var settings: DaemonConfig
        do {
            settings = try config.map { try DaemonConfig.load(path: $0) } ?? DaemonConfig()
        } catch {
            FileHandle.standardError.write(Data("missiond: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let here = FileManager.default.currentDirectoryPath
        if let inbox { settings.inbox = DaemonConfig.resolve(inbox, against: here) }
        if let state { settings.state = DaemonConfig.resolve(state, against: here) }
        if let rules { settings.rules = DaemonConfig.resolve(rules, against: here) }
        if config == nil { settings.rules = DaemonConfig.resolve(settings.rules, against: here) }
        if let intake { settings.intake = intake }
        if let publish { settings.publish = publish }
        if let replay { settings.replay = replay }

        DaemonLogging.bootstrap(level: DaemonLogging.level(named: settings.logLevel) ?? .info)
        let logger = Logger(label: "missiond")
        var options = Daemon.Options(config: settings)
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
private func watchSignals(daemon: Daemon, logger: Logger) -> SignalWatcher {
    SignalWatcher { signal in
        logger.notice("signal \(signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "\(signal)") received")
        daemon.stop()
    }
}
