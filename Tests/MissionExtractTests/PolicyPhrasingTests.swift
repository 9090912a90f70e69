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

    /// Support handed to exporters is a measure in any of its forms: financing, loans, credit
    /// insurance, fee cuts, tax rebates; and a meeting or statement of a body names its author.
    func testSupportGivenToExportersIsAMeasure() throws {
        for sentence in [
            "The State Council will provide more financing support and other favorable policies to export enterprises.",
            "The Ministry of Commerce will offer cheaper loans to foreign trade firms hit by the downturn.",
            "The Ministry of Finance will cut port fees for exporters from next month.",
            "The Guangdong provincial government will expand export credit insurance for small foreign trade companies.",
            "The State Council decided to raise export tax rebates for some machinery and electronic products.",
        ] {
            let e = try XCTUnwrap(policy("Support for exporters\n\n" + sentence), sentence)
            XCTAssertFalse(e.organizer.isEmpty, sentence)
        }
        let meeting = try XCTUnwrap(policy("Support for exporters\n\nBanks were encouraged to provide loans to export enterprises with new orders, according to an executive meeting of the State Council on Wednesday."))
        XCTAssertEqual(meeting.organizer.map(\.name), ["State Council"])
        XCTAssertEqual(meeting.when.start, "2024-03-13")
        let allOut = try XCTUnwrap(policy("Trade\n\nChina will go all out to stabilize imports and exports this year, the Ministry of Commerce said on Thursday."))
        XCTAssertEqual(allOut.organizer.map(\.name), ["Ministry of Commerce"])
        let opinions = try XCTUnwrap(policy("Trade\n\nThe State Council issued several opinions on promoting the steady growth of foreign trade on Tuesday."))
        XCTAssertEqual(opinions.organizer.map(\.name), ["State Council"])
    }

    /// A bank's loans or a company's discounts are no government measure, nor is a figure of credit insurance.
    func testLoansAndFiguresWithoutAGovernmentAreNoMeasure() throws {
        for text in [
            "Exporters said they need cheaper loans, and several hoped that banks might provide more credit.",
            "Export credit insurance covered 800 billion dollars of exports last year, up 6 percent.",
        ] {
            let doc = try extract("Trade data\n\n" + text, published: "2024-06-10")
            XCTAssertEqual(doc.events.map(\.type), [], text)
        }
    }

    /// "The trips are part of a campaign initiated by …": the campaign's author organises the trips.
    func testTheCampaignsAuthorOrganisesTheTripsPartOfIt() throws {
        let doc = try extract("""
        Orders abroad

        Business leaders from Jiangsu Province have started overseas trips to Japan and Germany to seek new orders.

        The trips are part of a campaign launched by the Jiangsu Provincial Department of Commerce this month to help exporters win orders.
        """, published: "2022-12-09")
        let trip = try XCTUnwrap(doc.events.first { $0.type == .tradeMission })
        XCTAssertEqual(trip.organizer.map(\.name), ["Jiangsu Provincial Department of Commerce"])
        XCTAssertEqual(doc.events.filter { $0.type == .policyMeasure }.count, 1)
    }

    func testAnnouncingAMeasureOrTheReleaseOfADocument() throws {
        for sentence in [
            "On 23 February the Ministry of Commerce announced the release of the \"Notice on Expanding Export Credit Insurance to Stabilise Foreign Trade\".",
            "The Jiangsu Department of Commerce has announced the issuance of a circular on supporting foreign trade enterprises.",
            "The State Council on Wednesday announced a series of measures to stabilize foreign trade growth.",
            "The Fujian Provincial Department of Commerce announces new incentives for exporters attending overseas fairs.",
        ] {
            let e = try XCTUnwrap(policy("Trade measures\n\n" + sentence), sentence)
            XCTAssertEqual(e.organizer.count, 1, sentence)
        }
    }

    func testAPlanDrawnUpByAProvince() throws {
        for sentence in [
            "Heilongjiang Province has mapped out plans to boost its trade with Russia over the next five years.",
            "The Yunnan provincial government drew up a blueprint to expand exports to South Asia on Monday.",
            "The Hainan Department of Commerce has worked out a programme to support exporters this year.",
        ] {
            let e = try XCTUnwrap(policy("Plans\n\n" + sentence, published: "2006-03-01"), sentence)
            XCTAssertEqual(e.organizer.count, 1, sentence)
        }
    }
}

final class PassiveReleaseTests: XCTestCase {
    /// A policy document released in the passive with its auxiliary, and one that was formulated.
    func testAPolicyReleasedOrFormulated() throws {
        try assertEventTypes([
            "To help foreign trade navigate the trough, a guideline was released by the State Council on Monday, specifying 13 targeted measures.",
            "New measures have been issued by the Zhejiang Provincial Department of Commerce to help exporters attend overseas fairs.",
            "The Shenzhen Municipal Bureau of Commerce has formulated a unified insurance policy for foreign trade enterprises on Monday.",
        ], heading: "Policy", published: "2022-06-10", are: [.policyMeasure])
    }
}
