import ArgumentParser
import Foundation
import ZMQ

/// `missiond publish`: sends files through the intake socket and waits for every reply.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Send articles to a running missiond and wait until each is acknowledged.",
        discussion: """
            Each file goes out as one intake message [name, body] (wire.md). Many articles are in \
            flight at once; replies are matched by name. Prints one line per reply on stdout: \
            `ok|duplicate|error <TAB> article id or reason <TAB> name`. Exit status: 0 when every \
            article was accepted (or was a duplicate), 1 when any was refused or unreadable, 2 when \
            the daemon could not be reached or stopped answering.
            """
    )

    @Option(help: "The intake endpoint (ROUTER) of the daemon.")
    var endpoint = "tcp://127.0.0.1:5560"

    @Option(help: "Articles sent before waiting for replies.")
    var window = 64

    @Option(help: "Seconds to wait for the daemon to connect or to answer before giving up.")
    var timeout: Double = 30

    @Option(help: "Publication date (ISO) sent as metadata with every article.")
    var published: String?

    @OptionGroup var curve: CurveClientOptions

    @Argument(help: "Files or directories of articles.")
    var paths: [String]

    func validate() throws {
        guard window > 0 else { throw ValidationError("--window must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() throws {
        let files = try InputFiles.expand(paths)
        guard !files.isEmpty else { throw ValidationError("no files to publish in \(paths.joined(separator: " "))") }
        var metadata: [UInt8]? = nil
        if let published {
            metadata = Array(#"{"published":"\#(published.replacingOccurrences(of: "\"", with: ""))"}"#.utf8)
        }
        let client = try IntakeClient(endpoint: endpoint, window: window, timeout: timeout, curve: try curve.keys())
        let progress = ProgressLine(total: files.count)
        let summary = try client.send(files: files, metadata: metadata) { reply in
            print("\(reply.status.rawValue)\t\(reply.detail)\t\(reply.name)")
            if reply.status == .error {
                progress.clear()
                FileHandle.standardError.write(Data("missiond publish: refused \(reply.name): \(reply.detail)\n".utf8))
            }
        } progress: { tally in
            progress.show(tally)
        }
        progress.finish(summary)
        if let failure = summary.failure {
            FileHandle.standardError.write(Data("missiond publish: \(failure)\n".utf8))
            throw ExitCode(2)
        }
        if summary.refused > 0 || summary.unreadable > 0 { throw ExitCode(1) }
    }
}

/// One `\r`-rewritten status line on stderr, only when stderr is a terminal.
final class ProgressLine {
    private let total: Int
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDraw = Date.distantPast

    init(total: Int) { self.total = total }

    func show(_ tally: IntakeClient.Tally) {
        guard isTerminal, Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        draw(tally)
    }

    func clear() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    func finish(_ tally: IntakeClient.Tally) {
        clear()
        let line = "missiond publish: \(tally.sent)/\(total) sent, \(tally.ok) ok, \(tally.duplicate) duplicate, "
            + "\(tally.refused) refused, \(tally.unreadable) unreadable\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private func draw(_ tally: IntakeClient.Tally) {
        let line = "\r\u{1B}[Kpublish: \(tally.sent)/\(total) sent, \(tally.ok) ok, \(tally.duplicate) duplicate, \(tally.refused) refused"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
