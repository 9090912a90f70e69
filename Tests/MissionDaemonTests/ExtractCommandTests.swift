import Foundation
import XCTest

/// `missiond extract`, the offline mode score.py reads.
final class ExtractCommandTests: XCTestCase {
    private func extract(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try missiondExecutable()
        process.arguments = ["extract", "--rules", repositoryRoot.appendingPathComponent("Config/rules").path] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    func testSeedsDirectoryGivesEventLinesWithoutSeqInFileOrder() throws {
        let missing = "/nonexistent-\(UUID().uuidString)"
        let result = try extract([repositoryRoot.appendingPathComponent("seeds").path, missing])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains(missing), "a missing path is reported: \(result.stderr)")
        let events = try result.stdout.split(separator: "\n").map { try parseJSON(String($0)) }
        XCTAssertFalse(events.isEmpty)
        XCTAssertTrue(events.allSatisfy { $0["seq"] == nil && $0["schema"] as? String == "mission-event/1" })
        let names = events.compactMap(articleName)
        XCTAssertEqual(names, names.sorted(), "directories are walked in sorted order")
        XCTAssertTrue(names.contains(richSeed))
        XCTAssertTrue(events.allSatisfy { ($0["article"] as? [String: Any])?["source"] as? String == "cli" })
    }

    func testRejectedFilesAreReportedAndNothingReadableFails() throws {
        let directory = URL(fileURLWithPath: "/tmp/extract-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("binary.txt")
        try Data([0x41, 0, 0, 0x42]).write(to: binary)

        let rejected = try extract([binary.path])
        XCTAssertEqual(rejected.status, 0, "the file could be read; its rejection is reported, not fatal")
        XCTAssertTrue(rejected.stderr.contains("binary.txt: rejected"), rejected.stderr)
        XCTAssertEqual(rejected.stdout, "")

        let nothing = try extract([directory.appendingPathComponent("missing.txt").path])
        XCTAssertNotEqual(nothing.status, 0)
    }
}
