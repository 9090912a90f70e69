import XCTest
@testable import MissionExtract

final class MetadataStageTests: XCTestCase {
    func published(_ text: String, input: String? = nil) throws -> String? {
        try runStages(text, through: "metadata", published: input).published
    }

    func testPublicationDateForms() throws {
        XCTAssertEqual(try published("date 2023-04-11 Original title: Shaanxi opens routes\n\nText."), "2023-04-11")
        XCTAssertEqual(try published("Headline\n\nSome text here.\n\nPost time: Mar-05-2023"), "2023-03-05")
        XCTAssertEqual(try published("Headline\n\n2021-06-30 08:15:00\nOriginal\n\nText follows."), "2021-06-30")
        XCTAssertEqual(try published("Headline\n\nUpdated: 2023-03-20 09:41\n\nText follows."), "2023-03-20")
        XCTAssertEqual(try published("Xinhua News, Nanning, March 7th (Reporter Wu Di) Guangxi exporters set off for Hanoi on Monday."), "--03-07")
        XCTAssertEqual(try published("FUZHOU, Jan. 9 (Xinhua) -- Fujian sent 12 groups abroad this week."), "--01-09")
        XCTAssertEqual(try published("Headline\n\nFUZHOU: No date in this dateline."), nil)
        XCTAssertEqual(try published("date 2023-04-11 text", input: "2022-01-02T10:00:00Z"), "2022-01-02")
    }

    /// A stored page's " date YYYY-MM-DD" label runs on into its first line: a date, not the title.
    func testStoredPageDateLabelIsNoTitle() throws {
        let doc = try runStages(" date 2023-01-30 Cities in Jiangsu charter buses for workers\n\nText follows.", through: "metadata")
        XCTAssertEqual(doc.published, "2023-01-30")
        XCTAssertEqual(doc.title, "Cities in Jiangsu charter buses for workers")
        XCTAssertEqual(try runStages("Date night in Hangzhou\n\nText.", through: "metadata").title, "Date night in Hangzhou")
    }

    func testDatesOnSourceAndBylineLines() throws {
        // Removed as furniture, but their dates still date the article
        XCTAssertEqual(try published("Ningxia wine heads west\n\nSource: Ningxia Daily | 2024-07-03\n\nYINCHUAN -- Text follows."), "2024-07-03")
        XCTAssertEqual(try published("Headline\nBy Wang Lei in Hefei | example.com | Updated: 2024-01-15 08:02\n\nText follows."), "2024-01-15")
        XCTAssertEqual(try published("Headline\n\n2024-01-15 08:02   Source: Some News Agency   [Print]\n\nText follows."), "2024-01-15")
        XCTAssertEqual(try published("Headline\n\nFriday, 9 Aug 2024\n11:00 AM\n\nText follows."), "2024-08-09")
        // A date inside a running sentence is no publication date
        XCTAssertEqual(try published("Headline\n\nThe fair opened on August 9, 2024, in Hall 3 and drew many visitors from abroad."), nil)
    }

    func testTitleAndDateline() throws {
        let doc = try runStages("NANNING, Dec. 7 (Xinhua) -- The Guangxi Department of Commerce led a delegation to Hanoi.", through: "metadata")
        XCTAssertNil(doc.title)                              // a dateline paragraph is no title
        XCTAssertEqual(doc.dateline.map { doc.slice($0) }, "NANNING, Dec. 7 (Xinhua) --")
        let titled = try runStages("Guangxi firms seek orders in ASEAN\n\nBody text.", through: "metadata")
        XCTAssertEqual(titled.title, "Guangxi firms seek orders in ASEAN")
    }
}
