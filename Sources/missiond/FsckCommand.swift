import ArgumentParser
import Foundation
import MissionStore

/// `missiond fsck STATE [--repair]`: checks the journal and the event log of a stopped daemon.
struct FsckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Check a state directory's journal and event log; with --repair, set damage aside.",
        discussion: """
            Reports the records checked, damaged records (file and offset), torn tails, missing \
            segments, seq gaps and the articles whose events are gone. --repair keeps every record \
            that checks, moves the rest into STATE/damaged/<time>/ (nothing is deleted) and makes the \
            articles whose events are gone run again at the next start (under new seqs). Stop the \
            daemon first. Exit status: 0 clean, 1 damage found (and set aside with --repair), 2 could not run.
            """
    )

    @Argument(help: "The daemon's state directory (the one holding journal/ and events/).")
    var state: String

    @Flag(help: "Set the damage aside so that the daemon can start.")
    var repair = false

    func run() throws {
        let report: StoreCheck.Report
        do {
            report = try StoreCheck.run(state: state, repair: repair)
        } catch {
            printError("missiond fsck: cannot check \(state): \(error.description)")
            throw ExitCode(2)
        }
        print(report.text, terminator: "")
        if report.foundDamage { throw ExitCode(1) }
    }

    private func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
