import XCTest
@testable import MissionExtract

/// How government news reports a foreign-trade measure: adopted, studied or launched by a body,
/// announced through it ("…, the ministry said"), ordered from above ("urged … to intensify
/// efforts"), or named as its author in a passive. Sentences written for these tests.
final class PolicyPhrasingTests: XCTestCase {
    private func policy(_ text: String, published: String = "2024-03-15") throws -> MissionEvent? {
        let doc = try extract(text, published: published)
        XCTAssertLessThanOrEqual(doc.events.count, 1, "\(doc.events.map(\.type))")
        return doc.events.first { $0.type == .policyMeasure }
    }

    func testMeasuresAdoptedStudiedOrLaunchedByABody() throws {
        for sentence in [
            "The State Council has studied policies and measures to shore up the scale of foreign trade.",
            "The Ministry of Commerce will roll out a new batch of measures to stabilise exports.",
            "The State Council approved steps to boost imports of advanced equipment.",
            "The Ministry of Commerce unveiled incentives to support foreign trade enterprises.",
        ] {
            let e = try XCTUnwrap(policy("Trade measures\n\n" + sentence), sentence)
            XCTAssertFalse(e.organizer.isEmpty, sentence)
        }
    }

    func testTheBodyThatAnnouncesAMeasureIsItsAuthor() throws {
        let said = try XCTUnwrap(policy("Trade measures\n\nChina will introduce a package of measures to bolster exports, the Ministry of Commerce (MOFCOM) said on Tuesday."))
        XCTAssertEqual(said.organizer.map(\.name), ["Ministry of Commerce"])
        XCTAssertEqual(said.when.start, "2024-03-12")
        let according = try XCTUnwrap(policy("Trade measures\n\nMore policies to stabilize foreign trade will be launched this year, according to the State Council."))
        XCTAssertEqual(according.organizer.map(\.name), ["State Council"])
    }

    func testAnOrderFromAboveWithAnAsideBeforeItsVerb() throws {
        let e = try XCTUnwrap(policy("Cabinet meeting\n\nThe State Council, the country's cabinet, urged local governments to step up efforts to stabilize foreign trade."))
        XCTAssertEqual(e.organizer.map(\.name), ["State Council"])
        let together = try XCTUnwrap(policy("Jobs campaign\n\nThe Ministry of Commerce, together with five other departments, launched a campaign to help exporters find new markets."))
        XCTAssertEqual(together.organizer.map(\.name), ["Ministry of Commerce"])
    }

    func testACampaignNamedWithItsAuthorInAPassive() throws {
        let e = try XCTUnwrap(policy("Orders drive\n\nThe firms joined a campaign initiated by the Jiangsu Provincial Department of Commerce to win overseas orders."))
        XCTAssertEqual(e.organizer.map(\.name), ["Jiangsu Provincial Department of Commerce"])
    }

    /// Near misses: a statistic that credits past measures, an analyst's comment, and a company's
    /// spokesman report no measure of their own.
    func testCommentAndStatisticsAreNoMeasure() throws {
        for text in [
            "Exports grew 5 percent in May, and analysts said measures to stabilize foreign trade may take months to show.",
            "Experts expect more measures to boost exports in the second half, a researcher said.",
        ] {
            let doc = try extract("Trade data\n\n" + text, published: "2024-06-10")
            XCTAssertEqual(doc.events.map(\.type), [], text)
        }
    }
}
