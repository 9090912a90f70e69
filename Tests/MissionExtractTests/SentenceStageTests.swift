import XCTest
@testable import MissionExtract

final class SentenceStageTests: XCTestCase {
    func testAbbreviationsQuotesAndParagraphs() throws {
        let text = """
        On Dec. 5, Mr. Li of Fujian Jinhua Trade Co., Ltd. flew to the U.S. with No. 3 group. It returned on Jan. 2.
        “We signed 12 orders.” Wang Fang said. The group visited St. Louis, e.g. its fair.
        Heading without a stop

        Last paragraph
        """
        let doc = try runStages(text, through: "sentences")
        XCTAssertEqual(doc.sentenceTexts, [
            "On Dec. 5, Mr. Li of Fujian Jinhua Trade Co., Ltd. flew to the U.S. with No. 3 group.",
            "It returned on Jan. 2.",
            "“We signed 12 orders.”",
            "Wang Fang said.",
            "The group visited St. Louis, e.g. its fair.",
            "Heading without a stop",
            "Last paragraph",
        ])
        XCTAssertEqual(doc.sentences.map(\.isHeading), [false, false, false, false, false, true, true])
        XCTAssertGreaterThan(doc.sentences[6].paragraph, doc.sentences[5].paragraph)
        XCTAssertEqual(doc.sentences[2].quote, 0)            // quoted speech
        XCTAssertEqual(doc.sentences[3].quote, -1)
    }

    func testScalarOffsets() throws {
        let doc = try runStages("Café “fair” opened. Next one.", through: "sentences")
        let s = doc.sentences[1]
        let scalars = Array(doc.text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[s.scalarStart..<s.scalarEnd])), "Next one.")
    }
}
