import XCTest
@testable import MissionExtract

/// Organizers, origins, dates and recruitment drives: phrasings written for these tests
/// (not copied from the evaluation articles).
final class AgentsDatesTests: XCTestCase {
    // MARK: recruitment drives: transport laid on for returning workers

    func testSpecialTrainsAndBusesForMigrantWorkersAreRecruitment() throws {
        let texts = [
            "A dedicated train for migrant workers heading back to factories left Guiyang North Station on Feb 3, carrying 950 passengers to Dongguan.",
            "Huizhou arranged 12 chartered buses for rural workers from Hechi to return to their jobs in the city on Feb 6.",
            "The first return-to-work special train of the year pulled out of Nanchong on Feb 11 with 720 job seekers bound for Foshan.",
            "On Feb 9, 140 migrant workers from Zhaotong took a chartered plane to Ningbo.",
            "The city's charter coaches delivered 1,300 workers from Anhui to plants in Kunshan on Jan 30.",
        ]
        for text in texts {
            let doc = try extract("Back to work\n\n" + text, published: "2024-02-12")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], text)
        }
    }

    func testMigrantWorkerStatisticIsNoRecruitment() throws {
        let doc = try extract("""
        Labour figures

        The country had 297 million migrant workers at the end of last year, up 0.6 percent, the statistics bureau said.
        """, published: "2024-04-30")
        XCTAssertEqual(doc.events.map(\.type), [])
    }

    // MARK: organizers written in lower case after the place

    func testLowerCaseCommerceBureauAfterItsPlace() throws {
        let texts = [
            "Headed by the Wenzhou municipal bureau of commerce, a delegation of 40 shoe makers flew to Milan on May 4.",
            "A trade group of 25 companies organized by the Jinhua city commerce bureau left for Dubai on March 2.",
            "Led by the Hunan provincial department of commerce, 30 firms set off for Nairobi on June 9.",
        ]
        for text in texts {
            let doc = try extract("Going out\n\n" + text, published: "2024-06-10")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.type, .tradeMission, text)
            XCTAssertEqual(e.organizer.count, 1, text)
            XCTAssertTrue(e.organizer.first?.name.lowercased().contains("commerce") == true, text)
        }
    }

    // MARK: a time phrase between the agent and its verb

    func testAgentThenTimePhraseThenVerb() throws {
        let texts = [
            "Fujian Province on Monday sent a delegation of 50 companies to Brazil and Chile.",
            "The Hainan Provincial Department of Commerce last week dispatched 18 firms to Kenya for a 7-day trip.",
            "Anhui earlier this month sent its first business delegation of the year to Hungary.",
        ]
        for text in texts {
            let doc = try extract("Abroad\n\n" + text, published: "2024-03-20")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.type, .tradeMission, text)
            XCTAssertFalse(e.organizer.isEmpty, text)
        }
    }
}
