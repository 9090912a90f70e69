import XCTest
@testable import MissionExtract

/// A mission reported by the people sent rather than their firms: "sent 270 foreign trade
/// enterprise representatives to Dubai". Sentences written for these tests.
final class SentPeopleTests: XCTestCase {
    func testPeopleSentAbroadAreATradeMission() throws {
        let cases: [(String, String)] = [
            ("On May 4, the Shandong provincial government sent 120 foreign trade enterprise representatives to Jakarta.", "ID"),
            ("The Wenzhou Municipal Bureau of Commerce dispatched 45 entrepreneurs to Brazil on Monday.", "BR"),
            ("Fujian sent more than 60 business executives and traders to Germany in March.", "DE"),
        ]
        for (text, code) in cases {
            let doc = try extract("Traders abroad\n\n" + text, published: "2024-05-10")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], text)
            XCTAssertEqual(doc.events.first?.destinations.map(\.code), [code], text)
            XCTAssertFalse(doc.events.first?.organizer.isEmpty ?? true, text)
        }
    }

    /// Representatives sent to a meeting at home, or a parcel sent abroad, are no mission.
    func testNoMissionWithoutPeopleGoingAbroad() throws {
        for text in [
            "The city sent 30 representatives to the provincial conference in Jinan on Monday.",
            "The company sent 300 containers of furniture to Germany last month.",
        ] {
            let doc = try extract("Local news\n\n" + text, published: "2024-05-10")
            XCTAssertEqual(doc.events.filter { $0.type == .tradeMission }.count, 0, text)
        }
    }
}

final class CharteredVehiclesTests: XCTestCase {
    /// Vehicles chartered to bring workers back are a recruitment drive; trains are rail, buses no
    /// kind of the schema, and neither is a charter flight.
    func testVehiclesCharteredToBringWorkersBack() throws {
        for (sentence, transport) in [
            ("Human resources authorities chartered more than 30 trains and 400 buses to help migrant workers get back to Guangdong.", ["rail"]),
            ("The county chartered 12 buses to take 500 rural workers back to their factories in Zhejiang.", []),
            ("Qianxinan Prefecture chartered flights to bring 300 migrant workers back to Shenzhen.", ["charter_flight"]),
        ] {
            let doc = try extract("Workers\n\n" + sentence, published: "2023-03-08")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], sentence)
            XCTAssertEqual(doc.events.first?.transport, transport, sentence)
        }
    }
}
