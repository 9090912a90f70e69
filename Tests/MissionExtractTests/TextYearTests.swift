import XCTest
@testable import MissionExtract

/// An article without a publication date: a month and day take the year the text named last.
final class TextYearTests: XCTestCase {
    func testMonthAndDayTakeTheYearNamedBefore() throws {
        let doc = try extract("""
        Charter flight

        The airline has flown more than 150 charter flights for exporters in 2023.

        On November 14, the Fujian provincial government sent 180 enterprise representatives to Riyadh.
        """)
        XCTAssertNil(doc.published)
        XCTAssertEqual(doc.events.first?.when.start, "2023-11-14")
    }

    func testARangeOverTheNewYear() throws {
        let doc = try extract("""
        Recruitment

        Hiring picked up across the province in 2023.

        From December 28 to January 3, the Wenzhou Municipal Bureau of Human Resources and Social Security organized 40 chartered buses to bring 1,600 migrant workers back from Guizhou.
        """)
        let when = try XCTUnwrap(doc.events.first?.when)
        XCTAssertEqual(when.start, "2023-12-28")
        XCTAssertEqual(when.end, "2024-01-03")
    }

    /// Without a year in the text, or with a publication date, nothing is guessed.
    func testNoYearNoGuess() throws {
        let none = try extract("Charter flight\n\nOn November 14, the Fujian provincial government sent 180 enterprise representatives to Riyadh.")
        XCTAssertEqual(none.events.first?.when.start, "--11-14")
        let dated = try extract("Charter flight\n\nIn 2019 the province began the scheme. On November 14, the Fujian provincial government sent 180 enterprise representatives to Riyadh.", published: "2024-11-20")
        XCTAssertEqual(dated.events.first?.when.start, "2024-11-14")
    }

    /// A year written into an event's name is the text's year, before or right after the date.
    func testAYearInANameDatesTheMonthAndDay() throws {
        let texts = [
            "Deals worth $1.2 billion were signed at the 2019 (Macao) Jiangmen Investment Seminar held in Macao on June 12.",
            "From June 12 to June 14, the Zhejiang Provincial Department of Commerce organized 60 firms to exhibit at the China Homelife Show 2019 in Warsaw.",
            "Jiangmen signed 12 projects worth 8.8 billion yuan with enterprises from Macao at a signing ceremony held on June 12.\n\nThe 2019 Jiangmen-Macao Investment Conference was held by the Jiangmen government in Macao.",
        ]
        for text in texts {
            let doc = try extract("Signing\n\n" + text)
            XCTAssertNil(doc.published)
            XCTAssertEqual(doc.events.first?.when.start, "2019-06-12", text)
        }
        // a count is no year: "2000 workers"
        let count = try extract("Charter flight\n\nOn November 14, the Fujian provincial government sent 2000 enterprise representatives to Riyadh.")
        XCTAssertEqual(count.events.first?.when.start, "--11-14")
    }

    /// A dateline without a year takes the year of a dated line above it (a caption), so that its
    /// weekdays resolve: "BEIJING, Sept. 7 (Xinhua) -- … is coming to a close on Tuesday".
    func testADatelineTakesTheYearOfTheCaptionAboveIt() throws {
        let doc = try extract("""
        Photo taken on Sept. 6, 2021 shows visitors at the China International Fair for Trade in Services in Beijing. (Xinhua/Li Ming)

        BEIJING, Sept. 7 (Xinhua) -- The six-day China International Fair for Trade in Services is coming to a close on Tuesday, with 12,000 enterprises taking part.
        """)
        XCTAssertEqual(doc.published, "2021-09-07")
        XCTAssertEqual(doc.events.first?.when.end, "2021-09-07")
        // a December caption above a January dateline is of the year before
        let newYear = try extract("""
        Photo taken on Dec. 30, 2023 shows migrant workers boarding a chartered train at Guiyang North Railway Station in southwest China's Guizhou Province. (Xinhua/Li Ming)

        GUIYANG, Jan. 2 (Xinhua) -- A chartered train carrying 900 migrant workers left Guiyang for Dongguan on Tuesday.
        """)
        XCTAssertEqual(newYear.published, "2024-01-02")
    }
}
