import Foundation
import XCTest

/// `missiond extract`, the offline mode score.py reads.
final class ExtractCommandTests: XCTestCase {
    private func extract(_ arguments: [String], rules: Bool = true, executable: URL? = nil,
                         in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = try executable ?? missiondExecutable()
        process.arguments = ["extract"] + (rules ? ["--rules", repositoryRoot.appendingPathComponent("Config/rules").path] : []) + arguments
        if let directory { process.currentDirectoryURL = directory }
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

    /// Run from anywhere, the binary of a checkout finds that checkout's rules; a binary with
    /// rules nowhere near says every place it looked.
    func testRulesAreFoundOutsideTheSourceTreeAndMissingOnesNameEveryPlace() throws {
        let elsewhere = URL(fileURLWithPath: "/tmp/extract-cwd-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let seeds = repositoryRoot.appendingPathComponent("seeds").path
        let found = try extract([seeds], rules: false, in: elsewhere)
        XCTAssertEqual(found.status, 0, found.stderr)
        XCTAssertEqual(found.stdout, try extract([seeds]).stdout, "the same rules as --rules Config/rules")

        let copy = elsewhere.appendingPathComponent("bin/missiond")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try missiondExecutable(), to: copy)
        let lost = try extract([seeds], rules: false, executable: copy, in: elsewhere)
        XCTAssertEqual(lost.status, 2)
        for place in [elsewhere.appendingPathComponent("share/missiond/rules").path, "/etc/missiond/rules",
                      elsewhere.appendingPathComponent("Config/rules").path] {
            XCTAssertTrue(lost.stderr.contains(place), "names \(place): \(lost.stderr)")
        }

        // Installed beside the binary, make-install style: found there.
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("share/missiond"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Config/rules"),
                                         to: elsewhere.appendingPathComponent("share/missiond/rules"))
        let installed = try extract([seeds], rules: false, executable: copy, in: elsewhere)
        XCTAssertEqual(installed.status, 0, installed.stderr)
        XCTAssertEqual(installed.stdout, found.stdout)
    }

    /// max_article_bytes holds offline too, with the daemon's words.
    func testFilesOverTheArticleLimitAreRefusedAsTheDaemonDoes() throws {
        let seed = repositoryRoot.appendingPathComponent("seeds/\(richSeed)").path
        let size = try XCTUnwrap((try FileManager.default.attributesOfItem(atPath: seed)[.size] as? NSNumber)?.intValue)
        let refused = try extract(["--max-article-bytes", String(size - 1), seed])
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("rejected: \(size) bytes is over the limit of \(size - 1) bytes"), refused.stderr)
        let taken = try extract(["--max-article-bytes", String(size), seed])
        XCTAssertFalse(taken.stdout.isEmpty, taken.stderr)

        let config = URL(fileURLWithPath: "/tmp/extract-config-\(UUID().uuidString.prefix(8)).yml")
        try "max_article_bytes: \(size - 1)\n".write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let configured = try extract(["--config", config.path, seed])
        XCTAssertTrue(configured.stderr.contains("over the limit of \(size - 1) bytes"), configured.stderr)
    }
}
