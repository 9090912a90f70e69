import Foundation
import XCTest
@testable import MissionExtract

/// The real rule files of Config/rules/, loaded once for all tests.
enum TestRules {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Config/rules")

    static let files: [String: String] = {
        var files: [String: String] = [:]
        for name in RuleSet.fileNames {
            files[name] = try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }()

    static let rules: RuleSet = try! RuleSet(files: files)
    static let extractor = Extractor(rules: rules)
}

func extract(_ text: String, published: String? = nil) throws -> Document {
    try TestRules.extractor.extract(ArticleInput(name: "test.txt", body: Array(text.utf8), source: .cli, published: published))
}

/// Runs the stages up to and including `last`.
func runStages(_ text: String, through last: String, published: String? = nil) throws -> Document {
    var doc = Document(input: ArticleInput(name: "test.txt", body: Array(text.utf8), source: .cli, published: published))
    for stage in TestRules.extractor.stages {
        try stage.run(&doc)
        if stage.name == last { break }
    }
    return doc
}

extension Document {
    /// The words of each entity with its value, for compact assertions.
    var entityList: [(String, EntityValue)] {
        entities.map { e in (slice(Int(tokens[e.tokens.lowerBound].start)..<Int(tokens[e.tokens.upperBound - 1].end)), e.value) }
    }
    var sentenceTexts: [String] { sentences.map { slice($0.start..<$0.end) } }
}

/// Extracts each sentence (under a heading, when one is given) and asserts the types of the events it gives.
func assertEventTypes(_ sentences: [String], heading: String? = nil, published: String?, are types: [EventType],
                      file: StaticString = #filePath, line: UInt = #line) throws {
    for sentence in sentences {
        let doc = try extract(heading.map { $0 + "\n\n" + sentence } ?? sentence, published: published)
        XCTAssertEqual(doc.events.map(\.type), types, sentence, file: file, line: line)
    }
}
