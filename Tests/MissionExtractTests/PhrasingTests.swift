import XCTest
@testable import MissionExtract

/// Common phrasings of trade-promotion news, in sentences written for these tests.
final class PhrasingTests: XCTestCase {
    func testDealsSignedOnATripAreItsOutcome() throws {
        let doc = try extract("""
        Anhui firms in Indochina

        From May 8 to 12, the Anhui Provincial Department of Commerce led 30 enterprises from Hefei and Wuhu to Vietnam and Cambodia, where they met importers and signed deals worth US$12 million.
        """, published: "2023-05-20")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.destinations.map(\.code), ["VN", "KH"])
        XCTAssertEqual(e.when.start, "2023-05-08")
        XCTAssertEqual(e.when.end, "2023-05-12")
        XCTAssertEqual(e.outcomes.first?.amount?.value, 12_000_000)
        XCTAssertTrue(e.activities.contains("customer_visit"))
    }

    func testCompaniesOrganisedForANamedFairInChina() throws {
        let doc = try extract("""
        Gansu goes west

        In Lanzhou, the municipal commerce bureau said it will organise more than 80 companies to take part in the Silk Road Expo in Xi'an in October.
        """, published: "2023-06-02")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeFair)
        XCTAssertEqual(e.organizer.map(\.name), ["Lanzhou Municipal Commerce Bureau"])
        XCTAssertEqual(e.origin.map(\.name), ["Lanzhou"])
        XCTAssertEqual(e.destinations.map(\.name), ["Xi'an"])
        XCTAssertEqual(e.participant("enterprises"), Count(value: 80, qualifier: .moreThan))
        XCTAssertEqual(e.when.start, "2023-10")
    }

    func testFairOpensThenRunsUntil() throws {
        let doc = try extract("""
        Consumer expo opens

        The 3rd China International Consumer Products Expo, better known as the Consumer Expo, opened in Haikou on Monday, with more than 3,000 enterprises exhibiting. The expo runs until April 15.
        """, published: "2023-04-12")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeFair)
        XCTAssertEqual(e.destinations.map(\.name), ["Haikou"])
        XCTAssertEqual(e.when.start, "2023-04-10")
        XCTAssertEqual(e.when.end, "2023-04-15")
        XCTAssertEqual(e.participant("enterprises")?.value, 3000)
        XCTAssertEqual(e.evidence.count, 2)
    }

    func testPolicySaidOnAWeekday() throws {
        let doc = try extract("""
        Jiangsu keeps subsidies

        The Jiangsu Provincial Department of Commerce said on Tuesday that it will continue to cover up to 50 percent of booth fees for enterprises attending overseas fairs.
        """, published: "2023-07-07")
        XCTAssertEqual(doc.events.map(\.type), [.policyMeasure])
        XCTAssertEqual(doc.events[0].organizer.map(\.name), ["Jiangsu Provincial Department of Commerce"])
        XCTAssertEqual(doc.events[0].when.start, "2023-07-04")
    }

    func testAfterTheFairIsNoMentionOfIt() throws {
        let doc = try extract("""
        Jiangsu in the Andes

        The 2023 Jiangsu Export Commodities Fair, organized by the Jiangsu Provincial Department of Commerce, was held in Lima from June 7 to 9.

        Following the fair, a group of 12 companies organized by the Nanjing Municipal Bureau of Commerce travelled on to Santiago, Chile, visiting distributors from June 10 to 14.
        """, published: "2023-06-20")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair, .tradeMission])
        XCTAssertEqual(doc.events[0].destinations.map(\.code), ["PE"])
        XCTAssertEqual(doc.events[1].organizer.map(\.name), ["Nanjing Municipal Bureau of Commerce"])
        XCTAssertEqual(doc.events[1].destinations.map(\.code), ["CL"])
        XCTAssertEqual(doc.events[1].participant("enterprises")?.value, 12)
    }

    func testDelegationNamedAfterItsGovernmentAndTheAudienceIsNoParticipant() throws {
        let doc = try extract("""
        Hunan in East Africa

        A Hunan provincial government delegation led by Vice Governor Li Wei visited Kenya and Tanzania from June 5 to 11, signing 12 cooperation projects worth 3 billion yuan. In Nairobi, the delegation held an investment promotion conference attended by more than 200 officials.

        On June 9, back in Changsha, Hunan Construction Investment Group signed a 2 billion yuan agreement with a Kenyan company, the group said.
        """, published: "2023-06-15")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission, .deal])
        let trip = doc.events[0]
        XCTAssertTrue(trip.organizer.map(\.name).contains("Hunan provincial government"))
        XCTAssertEqual(trip.outcomes.first?.count?.value, 12)
        XCTAssertNil(trip.participant("officials"))
        XCTAssertEqual(doc.events[1].outcomes.first?.amount?.value, 2_000_000_000)
        XCTAssertEqual(doc.events[1].when.start, "2023-06-09")
    }

    func testSceneOfADealAndRecruitmentTrain() throws {
        let doc = try extract("""
        Workers head south

        On Monday, a special train carrying 900 migrant workers left Guiyang for Shenzhen, Guangdong province. The train was arranged by the Guizhou Provincial Department of Human Resources and Social Security.

        In Wenzhou, nine shoemakers signed export contracts worth 80 million yuan with buyers from Brazil on Friday.
        """, published: "2023-02-08")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive, .deal])
        let train = doc.events[0]
        XCTAssertEqual(train.participant("people")?.value, 900)
        XCTAssertEqual(train.transport, ["rail"])
        XCTAssertEqual(train.destinations.first?.name, "Shenzhen")
        XCTAssertEqual(train.organizer.map(\.name), ["Guizhou Provincial Department of Human Resources and Social Security"])
        XCTAssertEqual(train.when.start, "2023-02-06")
        XCTAssertEqual(doc.events[1].origin.map(\.name), ["Wenzhou"])
        XCTAssertEqual(doc.events[1].when.start, "2023-02-03")
    }

    func testRecruitmentDelegationAndItsOrganizer() throws {
        let doc = try extract("""
        Foshan recruits in Sichuan

        On the 3rd, a recruitment delegation from Foshan arrived in Nanchong. Organized by the Foshan Municipal Human Resources and Social Security Bureau, 30 enterprises held a job fair at the local talent market.
        """, published: "2023-02-06")
        XCTAssertEqual(doc.events.count, 1)
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .recruitmentDrive)
        XCTAssertEqual(e.organizer.map(\.name), ["Foshan Municipal Human Resources and Social Security Bureau"])
        XCTAssertEqual(e.destinations.map(\.name), ["Nanchong"])
        XCTAssertEqual(e.participant("enterprises")?.value, 30)
        XCTAssertEqual(e.when.start, "2023-02-03")
    }

    func testDepartureAnnouncementsAndMeasures() throws {
        let doc = try extract("""
        Guangxi firms go abroad

        On June 12, a delegation of 26 enterprises organized by the Guangxi Department of Commerce set off for Hanoi and Ho Chi Minh City.

        A delegation headed by the Nanning Municipal Bureau of Commerce departed for Bangkok on Sunday.

        More than 200 exhibitors from 15 countries took part in the 20th China-ASEAN Expo in Nanning.

        On Monday, the Guangxi regional government rolled out 15 measures to help exporters expand markets.
        """, published: "2023-06-20")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission, .tradeMission, .tradeFair, .policyMeasure])
        XCTAssertEqual(doc.events[0].destinations.map(\.code), ["VN"])
        XCTAssertEqual(doc.events[1].organizer.map(\.name), ["Nanning Municipal Bureau of Commerce"])
        XCTAssertEqual(doc.events[1].when.start, "2023-06-18")
        XCTAssertEqual(doc.events[2].destinations.map(\.name), ["Nanning"])
        XCTAssertEqual(doc.events[2].participant("countries")?.value, 15)
        XCTAssertEqual(doc.events[3].organizer.map(\.name), ["Guangxi regional government"])
        XCTAssertEqual(doc.events[3].when.start, "2023-06-19")
    }

    func testStatisticsHistoryAndDescriptionsAreNoEvents() throws {
        let doc = try extract("""
        Zhejiang trade grows

        Sales at the Canton Fair reached 21.69 billion U.S. dollars in 2019, according to official data.

        Held in Guangzhou every spring and autumn, the Canton Fair is China's largest trade fair.

        A group of 20 economies accounted for 80 percent of the province's trade last month.

        Analysts said the province could see more firms exhibit at the Hannover Messe next year.
        """, published: "2023-05-10")
        XCTAssertEqual(doc.events.map(\.type), [])
    }
}
