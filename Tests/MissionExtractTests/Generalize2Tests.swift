import XCTest
@testable import MissionExtract

/// Second round of common phrasings, in sentences written for these tests.
final class Generalize2Tests: XCTestCase {
    func testRoadshowHeldAbroadIsAMission() throws {
        let doc = try extract("""
        Yunnan courts investors

        Yunnan province staged an investment promotion roadshow in Singapore on Tuesday, presenting 30 projects.
        """, published: "2024-05-10")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
        XCTAssertEqual(doc.events.first?.destinations.map(\.code), ["SG"])
    }

    func testFirmsTravelOnToAnotherCountry() throws {
        let doc = try extract("""
        Ningbo makers in Iberia

        After the show, 15 lighting firms from Ningbo, organized by the Ningbo Lighting Association, will travel on to Lisbon and Porto in Portugal between June 3 and 8 to visit clients.
        """, published: "2024-05-28")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeMission)
        XCTAssertTrue(e.destinations.allSatisfy { $0.code == "PT" } && !e.destinations.isEmpty)
        XCTAssertEqual(e.when.start, "2024-06-03")
    }

    func testDelegationVisitedAndCameHomeWithOrdersIsOneMission() throws {
        let doc = try extract("""
        Hunan delegation returns

        A Hunan trade delegation comprising 20 rice noodle and pepper producers visited Thailand and Vietnam from Oct 2 to 8 and came home with orders worth 50 million yuan.
        """, published: "2024-10-12")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.value, 50_000_000)
    }

    func testSendFirmsToANamedExpoIsAFair() throws {
        let doc = try extract("""
        Hubei at the expo

        Hubei will send more than 60 companies to the 8th China-South Asia Expo in Kunming from Aug 16 to 20.
        """, published: "2024-07-30")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
    }

    func testCouncilSpeakerReportingItsGroups() throws {
        let doc = try extract("""
        Xiamen council busy

        "We organised 9 groups to visit Africa last year," said Chen Hui, director of the Xiamen sub-council of the China Council for the Promotion of International Trade.
        """, published: "2024-03-01")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
    }

    func testSignedAMultiWordContract() throws {
        let doc = try extract("""
        Tea deal

        Separately, a Fujian tea cooperative signed a three-year export supply contract worth 2 million U.S. dollars with a Dubai retailer.
        """, published: "2024-03-01")
        XCTAssertEqual(doc.events.map(\.type), [.deal])
    }

    func testSubsidisedFeesArePartOfThePolicy() throws {
        let doc = try extract("""
        Shaanxi measures

        The Shaanxi Provincial Department of Commerce released 12 measures to help firms go global on Monday. Booth fees for enterprises attending key overseas exhibitions will be subsidized by up to 60 percent.
        """, published: "2024-03-01")
        XCTAssertEqual(doc.events.map(\.type), [.policyMeasure])
    }

    func testInlineReadMoreLinkDoesNotEndTheStory() throws {
        let doc = try extract("""
        Fair news

        The Canton Fair opened in Guangzhou on Monday with 25,000 exhibitors.

        Read more: Guangzhou port sets record

        Meanwhile, 40 Shenzhen electronics firms flew to Mexico City on Tuesday to meet buyers.
        """, published: "2024-04-20")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair, .tradeMission])
    }
}
