import ArgumentParser
import MissionDaemon

/// `missiond status`: the main figures of a running daemon, read from its metrics port.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print a running daemon's main figures, read from its metrics port.",
        discussion: """
            Reads /metrics and /ready. Exits 0 when the daemon is ready, 1 when it is not \
            or cannot be reached. Latencies marked ~ are estimated from histogram buckets.
            """
    )

    @Option(help: "The daemon's metrics server.")
    var metrics = "http://127.0.0.1:9560"

    @Option(help: "Seconds to wait for the daemon to answer.")
    var timeout = 5.0

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        _ = try HTTPGet.parse(metrics)
    }

    func run() throws {
        let report: StatusReport
        do {
            report = try StatusReport.fetch(from: metrics, timeout: .milliseconds(Int64(timeout * 1000)))
        } catch {
            throw DaemonError(.http, "cannot read \(metrics): \(error.description) (is missiond running, with its metrics port there?)")
        }
        print(report.render(), terminator: "")
        if report.ready != true { throw ExitCode.failure }
    }
}
