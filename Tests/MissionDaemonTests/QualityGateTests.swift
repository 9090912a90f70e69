import Foundation
import XCTest

/// The quality gate: every set in eval/quality-floors.tsv is extracted by the built
/// `missiond extract` and scored by ../shared/eval/score.py, and the test fails when a set
/// falls below its floor, so that no change (a speed change included) moves quality unseen.
final class QualityGateTests: XCTestCase {
    private let scorer = repositoryRoot.appendingPathComponent("../shared/eval/score.py").standardized

    func testEverySetScoresAtOrAboveItsFloor() throws {
        let floors = try QualityFloor.load()
        XCTAssertFalse(floors.isEmpty, "\(QualityFloor.file.path) lists no set")
        guard FileManager.default.fileExists(atPath: scorer.path) else {
            return XCTFail("quality gate: \(scorer.path) does not exist (the shared evaluation sets must be checked out as ../shared beside the repository)")
        }
        let executable: URL
        do {
            executable = try missiondExecutable()
        } catch {
            return XCTFail("quality gate: cannot run missiond extract: \(error)")
        }
        let scratch = URL(fileURLWithPath: "/tmp/quality-gate-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        for floor in floors {
            do {
                let figures = try score(floor, executable: executable, scratch: scratch)
                print("quality gate: \(floor.set): fact_f1=\(figures["fact_f1"]!) (floor \(floor.minFactF1)) event_p=\(figures["event_p"]!) (floor \(floor.minEventP)) articles=\(figures["articles"] ?? "?")")
                for (figure, minimum) in [("fact_f1", floor.minFactF1), ("event_p", floor.minEventP)]
                where Double(figures[figure]!)! < Double(minimum)! {
                    XCTFail("quality gate: \(floor.set): \(figure) \(figures[figure]!) is below its floor \(minimum) (\(QualityFloor.file.lastPathComponent))")
                }
            } catch {
                XCTFail("quality gate: \(floor.set): \(error)")
            }
        }
    }

    /// The figures of score.py's last `score: key=value …` line for one set; both floored
    /// figures are present and numeric, or this throws with the scorer's output.
    private func score(_ floor: QualityFloor, executable: URL, scratch: URL) throws -> [String: String] {
        let (articles, gold) = try floor.directories(scratch: scratch)
        for (what, directory, suffix) in [("articles", articles, ""), ("gold files", gold, ".json")] {
            let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(suffix) }
            guard !entries.isEmpty else { throw DaemonTestError("\(directory.path) holds no \(what)") }
        }
        let predictions = scratch.appendingPathComponent("\(floor.set).jsonl")
        // No time budget: the figures must not depend on how fast this machine is today.
        let extract = try run(executable, ["extract", "--time-budget-ms", "0",
                                           "--rules", repositoryRoot.appendingPathComponent("Config/rules").path,
                                           articles.path], stdout: predictions)
        guard extract.status == 0 else {
            throw DaemonTestError("missiond extract exited with status \(extract.status): \(extract.stderr)")
        }
        let report = scratch.appendingPathComponent("\(floor.set).score")
        let scored = try run(URL(fileURLWithPath: "/usr/bin/env"),
                             ["python3", scorer.path, "--gold", gold.path, "--pred", predictions.path],
                             stdout: report)
        let output = try String(contentsOf: report, encoding: .utf8)
        guard scored.status == 0, let line = output.split(separator: "\n").last(where: { $0.hasPrefix("score: ") }) else {
            throw DaemonTestError("score.py exited with status \(scored.status) and no score line: \(output)\(scored.stderr)")
        }
        var figures: [String: String] = [:]
        for pair in line.dropFirst("score: ".count).split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { figures[String(parts[0])] = String(parts[1]) }
        }
        for key in ["fact_f1", "event_p"] where figures[key].flatMap(Double.init) == nil {
            throw DaemonTestError("score.py gave no numeric \(key): \(line)")
        }
        return figures
    }

    /// Runs a program to completion; stdout and stderr go to files, so that neither can
    /// fill a pipe and stall the child.
    private func run(_ executable: URL, _ arguments: [String], stdout: URL) throws -> (status: Int32, stderr: String) {
        let errors = stdout.appendingPathExtension("stderr")
        for file in [stdout, errors] {
            guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
                throw DaemonTestError("cannot create \(file.path)")
            }
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = try FileHandle(forWritingTo: stdout)
        let errorOutput = try FileHandle(forWritingTo: errors)
        defer { try? output.close(); try? errorOutput.close() }
        process.standardOutput = output
        process.standardError = errorOutput
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: errors, encoding: .utf8))
    }
}
