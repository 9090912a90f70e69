import XCTest
@testable import MissionExtract

final class EventStageTests: XCTestCase {
    func testTradeMissionSlots() throws {
        let doc = try extract("""
        Guangxi firms head south

        On March 3, the Guangxi Department of Commerce led a delegation of 25 enterprises to Vietnam and Thailand for a 7-day trade promotion tour.
        """, published: "2023-03-20")
        XCTAssertEqual(doc.events.count, 1)
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeMission)
        XCTAssertEqual(e.organizer.map(\.name), ["Guangxi Department of Commerce"])
        XCTAssertEqual(e.origin.map(\.name), ["Guangxi"])
        XCTAssertEqual(e.destinations.map(\.code), ["VN", "TH"])
        XCTAssertEqual(e.when.start, "2023-03-03")
        XCTAssertEqual(e.when.durationDays, 7)
        XCTAssertEqual(e.participant("enterprises"), Count(value: 25, qualifier: .exact))
        XCTAssertEqual(e.activities, ["trade_promotion"])
        let ev = try XCTUnwrap(e.evidence.first)
        XCTAssertEqual(String(String.UnicodeScalarView(Array(doc.text.unicodeScalars)[ev.start..<ev.end])), ev.text)
    }

    func testOrganizerByAttachmentNotProximity() throws {
        let doc = try extract("""
        According to Yunnan Daily, on May 8 a business delegation organized by the Kunming Municipal Bureau of Commerce flew from Kunming to Vientiane and Bangkok, the Yunnan Department of Agriculture said.
        """, published: "2023-05-10")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.organizer.map(\.name), ["Kunming Municipal Bureau of Commerce"])
        XCTAssertEqual(e.origin.map(\.name), ["Kunming"])
        XCTAssertEqual(e.destinations.map(\.code), ["LA", "TH"])
    }

    func testRepeatedMentionsMergeAndOpinionsAreNoEvents() throws {
        let doc = try extract("""
        On April 2, the Hubei Department of Commerce led 40 companies to Germany. This trip is the first since 2019.

        Experts believe more provinces may send delegations to Europe in the future.

        “Orders will grow strongly next year,” said Li Ping, a professor at Wuhan University, who expects firms to go abroad.
        """, published: "2023-04-10")
        XCTAssertEqual(doc.events.count, 1)
        XCTAssertEqual(doc.events[0].evidence.count, 2)
        XCTAssertEqual(doc.events[0].destinations.map(\.code), ["DE"])
    }

    func testDealPolicyAndRecruitment() throws {
        let doc = try extract("""
        Shaanxi pushes trade

        In June, the Shaanxi provincial government issued measures to stabilise foreign trade. A total of 15 officials serve the programme.

        By June 30, companies in Xi'an signed 56 projects with a total order volume of 2.4 billion yuan.

        On July 4, the Shaanxi Human Resources and Social Security Department organized 20 enterprises to recruit workers in Gansu.
        """, published: "2023-07-10")
        XCTAssertEqual(doc.events.map(\.type), [.policyMeasure, .deal, .recruitmentDrive])
        let policy = doc.events[0]
        XCTAssertEqual(policy.organizer.map(\.name), ["Shaanxi provincial government"])
        XCTAssertEqual(policy.when.start, "2023-06")
        XCTAssertEqual(policy.participant("officials")?.value, 15)
        let deal = doc.events[1]
        XCTAssertEqual(deal.when.end, "2023-06-30")
        XCTAssertEqual(deal.outcomes.first?.amount, Amount(value: 2_400_000_000, currency: "CNY", text: "2.4 billion yuan"))
        XCTAssertEqual(deal.outcomes.first?.count?.value, 56)
        let recruit = doc.events[2]
        XCTAssertEqual(recruit.destinations.map(\.name), ["Gansu"])
        XCTAssertEqual(recruit.participant("enterprises")?.value, 20)
    }

    func testStableIDsAndJSON() throws {
        let text = "On March 3, the Guangxi Department of Commerce led a delegation of 25 \"key\" enterprises to Vietnam."
        let a = try extract(text, published: "2023-03-20"), b = try extract(text, published: "2023-03-20")
        XCTAssertEqual(a.events.map(\.id), b.events.map(\.id))
        let e = try XCTUnwrap(a.events.first)
        XCTAssertTrue(e.id.hasPrefix("evt_") && e.id.count == 20)
        let json = e.json(seq: 7, article: a.articleJSON())
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["schema"] as? String, "mission-event/1")
        XCTAssertEqual(object["seq"] as? Int, 7)
        XCTAssertEqual((object["article"] as? [String: Any])?["published"] as? String, "2023-03-20")
        let evidence = try XCTUnwrap((object["evidence"] as? [[String: Any]])?.first)
        XCTAssertEqual(evidence["text"] as? String, text)
        XCTAssertNil(object["seq"].flatMap { _ in nil as Int? })
        let explain = try JSONSerialization.jsonObject(with: Data(e.explainJSON().utf8)) as? [String: Any]
        XCTAssertNotNil(explain?["slots"] as? [[String: Any]])
    }

    /// Every real article of eval/ goes through the stages of a debug build, where each read of the
    /// token buffers is bounds-checked: a text that ends on a name (e161 ends on "Hengmei
    /// Optoelectronic Co., LTD") once had its cues looked for past the last token.
    func testEveryRealArticleExtractsWithinItsBuffers() throws {
        let eval = TestRules.directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("eval")
        var articles = 0, events = 0
        for folder in ["real-corpus/articles", "unlabelled/articles"] {
            let dir = eval.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where name.hasSuffix(".txt") {
                let body = try Data(contentsOf: dir.appendingPathComponent(name))
                let doc = try TestRules.extractor.extract(ArticleInput(name: name, body: Array(body), source: .cli, published: nil))
                articles += 1; events += doc.events.count
            }
        }
        XCTAssertGreaterThan(articles, 300)
        XCTAssertGreaterThan(events, 100)
    }
}
