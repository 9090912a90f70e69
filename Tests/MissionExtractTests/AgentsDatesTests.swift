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

    // MARK: publication dates: a source line under the story, a month-first date in the header

    func testSourceLineUnderTheStoryDatesTheArticle() throws {
        let doc = try extract("""
        Chinese buyers head to Latin America

        A purchasing delegation of 30 Chinese importers, led by the Ministry of Commerce, left for Brazil and Argentina on Tuesday, the ministry said.

        (China Daily June 14, 2012)
        """)
        XCTAssertEqual(doc.published, "2012-06-14")
        XCTAssertEqual(doc.events.first?.when.start, "2012-06-12")       // the Tuesday before
    }

    func testMonthFirstDateInTheSourceLine() throws {
        let doc = try extract("""
        Fujian firms court Gulf buyers

        Source: Southeast Net 04-19-2024 09:12:44

        On Monday, 25 companies from Fujian set off for Riyadh and Doha to look for orders.
        """)
        XCTAssertEqual(doc.published, "2024-04-19")
        XCTAssertEqual(doc.events.first?.when.start, "2024-04-15")
        let dayFirst = try extract("Note\n\nPosted 25-03-2024 10:00\n\nText.")
        XCTAssertEqual(dayFirst.published, "2024-03-25")
    }

    // MARK: an official's body acts: "Name, title of ORG, led / said that the trip …"

    func testOfficialsBodyLeadsTheDelegation() throws {
        let texts = [
            "Wang Lei, deputy director-general of the Henan Provincial Department of Commerce, led a delegation of 22 enterprises to Poland and Hungary from May 6 to 12.",
            "Li Hong, director of the Foreign Trade Division of the Jiangxi Provincial Department of Commerce, said that the trip to Japan will help 15 ceramics makers meet new clients from October 9.",
            "Zhou Yan, vice chairman of the Guangdong Provincial Commission of Commerce, on Friday led 18 furniture companies to Mexico.",
        ]
        for text in texts {
            let doc = try extract("Abroad\n\n" + text, published: "2024-10-12")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.type, .tradeMission, text)
            XCTAssertEqual(e.organizer.count, 1, text)
            XCTAssertTrue(e.organizer.first?.name.contains("Commerce") == true, text)
        }
    }

    func testQuotedOfficialOfAnotherBodyIsNoOrganizer() throws {
        // The comma after the body is followed by no verb of its own: the group is the subject.
        let doc = try extract("""
        Abroad

        A delegation of 20 firms, guests of the Shanghai Municipal Commission of Commerce, visited Chile on May 3.
        """, published: "2024-05-10")
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), [])
    }

    func testJoinedOrganizationsAreBothOrganizers() throws {
        let doc = try extract("""
        Workers back

        The Xuzhou municipal government and the Xuzhou human resources bureau organized 20 chartered buses for migrant workers from Fuyang on Feb 18.
        """, published: "2024-02-20")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.organizer.count, 2)
        let jointly = try extract("""
        Fair

        The Shenzhen Bureau of Commerce and the Shenzhen Federation of Industry jointly organized 60 companies to visit Vietnam on June 4.
        """, published: "2024-06-10")
        XCTAssertEqual(jointly.events.first?.organizer.count, 2)
    }

    // MARK: recruitment: workers come from where they are fetched, and go to the organizer's place

    func testWorkersFromElsewhereGoToTheOrganizersPlace() throws {
        let texts = [
            "The Ningbo Municipal Bureau of Human Resources and Social Security arranged a charter flight that brought 160 workers from Guizhou on Feb 2.",
            "Huaian organized chartered buses for 300 migrant workers from Bozhou to return to work on Feb 15.",
            "The Foshan human resources bureau sent a special train to fetch 700 migrant workers from Zunyi on Feb 20.",
        ]
        for text in texts {
            let doc = try extract("Back to work\n\n" + text, published: "2024-02-22")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.type, .recruitmentDrive, text)
            XCTAssertEqual(e.origin.count, 1, text)
            XCTAssertFalse(e.origin.contains { ["Ningbo", "Huai'an", "Foshan"].contains($0.name) }, text)
        }
    }

    // MARK: coming back home is no destination

    func testReturnedHomeIsNoDestination() throws {
        let doc = try extract("""
        Home again

        The Jiangsu trade delegation returned to Nanjing on Sunday after visiting Spain and Portugal, bringing orders worth 30 million dollars.
        """, published: "2024-04-22")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(Set(e.destinations.map(\.code)), ["ES", "PT"])
    }

    // MARK: a photo caption joins the event the text tells

    func testCaptionJoinsTheEvent() throws {
        let doc = try extract("""
        Buses for workers

        Huaian organized chartered buses for 300 migrant workers from Bozhou to return to work on Feb 15.

        Migrant workers from Bozhou board a chartered bus bound for Huaian.

        [Photo by Li Ming/hadaily.com]
        """, published: "2024-02-16")
        XCTAssertEqual(doc.events.count, 1)
        XCTAssertEqual(doc.events.first?.evidence.count, 2)
    }

    // MARK: the last day from the first and the length

    func testEndDateFromStartAndDuration() throws {
        let doc = try extract("""
        Tour

        A Sichuan delegation of 40 firms started a 5-day visit to Vietnam on March 30.
        """, published: "2024-03-31")
        XCTAssertEqual(doc.events.first?.when.start, "2024-03-30")
        XCTAssertEqual(doc.events.first?.when.end, "2024-04-03")
    }

    // MARK: an autonomous region acting keeps its full name

    func testAutonomousRegionAsSubject() throws {
        let doc = try extract("""
        Tour

        Inner Mongolia Autonomous Region on Wednesday sent a business delegation of 35 companies to Mongolia and Kazakhstan.
        """, published: "2024-07-05")
        XCTAssertEqual(doc.events.first?.organizer.first?.name, "Inner Mongolia Autonomous Region government")
        XCTAssertEqual(doc.events.first?.when.start, "2024-07-03")
    }

    // MARK: programmes, passive tours, a fair's visiting delegations

    func testSeasonProgrammeInNumbersIsAPolicy() throws {
        let doc = try extract("""
        Season

        Ningbo will launch at least 40 investment promotion events this spring, aiming to sign projects worth 50 billion yuan.
        """, published: "2024-03-02")
        XCTAssertEqual(doc.events.map(\.type), [.policyMeasure])
    }

    func testToursInThePassiveAreMissions() throws {
        let texts = [
            "More than 20 overseas business delegations will be organized this year, mainly to the Middle East, Malaysia and Thailand.",
            "Twelve investment promotion tours were sent to Japan and South Korea by the Qingdao government in May.",
            "Five trade missions have been dispatched to Africa by Hunan since April 2.",
        ]
        for text in texts {
            let doc = try extract("Going out\n\n" + text, published: "2024-06-01")
            XCTAssertEqual(doc.events.first?.type, .tradeMission, text)
        }
    }

    func testDelegationsVisitingAFairAreNoMission() throws {
        let doc = try extract("""
        Expo

        The expo attracted 320 purchasing delegations from 60 countries over four days.
        """, published: "2024-06-01")
        XCTAssertFalse(doc.events.contains { $0.type == .tradeMission })
    }

    // MARK: codes are no counts

    func testFlightNumberIsNoHeadcount() throws {
        let doc = try extract("""
        Flight

        A chartered Sichuan Airlines flight 3U8701 carried 150 migrant workers from Dazhou to Shenzhen on Feb 8, and train D1842 took 600 more.
        """, published: "2024-02-09")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.participant("people")?.value, 150)
    }

    // MARK: national bodies and groups come from China

    func testNationalBodyOrGroupHasChinaAsOrigin() throws {
        let texts = [
            "A sourcing mission organized by China's Ministry of Commerce is visiting Kenya and Ethiopia on a 6-day trip.",
            "A Chinese purchasing delegation of 40 companies signed contracts worth 2 billion dollars in Australia on Monday.",
            "Another Chinese delegation, led by the Ministry of Commerce, left for Peru and Chile on Sunday.",
        ]
        for text in texts {
            let doc = try extract("Buyers\n\n" + text, published: "2024-05-08")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.origin.map(\.name), ["China"], text)
        }
        let possessive = try extract("Buyers\n\nA sourcing mission organized by China's Ministry of Commerce is visiting Kenya on a 6-day trip.", published: "2024-05-08")
        XCTAssertEqual(possessive.events.first?.organizer.map(\.name), ["Ministry of Commerce"])
    }

    func testProvincialGroupIsNotGivenChina() throws {
        let doc = try extract("""
        Buyers

        A Chinese business delegation from Yunnan province visited Laos and Thailand from May 3 to 9.
        """, published: "2024-05-12")
        XCTAssertEqual(doc.events.first?.origin.map(\.name), ["Yunnan"])
    }

    // MARK: "the city" is the organizer's city

    func testTheCityIsTheOrganizersCity() throws {
        let doc = try extract("""
        Fair

        Linyi has a surplus of rural labour.

        The Jinan Municipal Bureau of Commerce sent 12 companies in the city to a job fair in Linyi on Feb 3.
        """, published: "2024-02-05")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.origin.map(\.name), ["Jinan"])
        XCTAssertEqual(e.destinations.map(\.name), ["Linyi"])
    }

    func testAirlineIsACompanyOrganizer() throws {
        let doc = try extract("""
        Carrier

        Shandong Airlines has dispatched 21 charter flights and delivered 3,900 workers from Gansu to Qingdao.
        """, published: "2024-02-25")
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["Shandong Airlines"])
        XCTAssertEqual(doc.events.first?.origin.map(\.name), ["Gansu"])
    }

    // MARK: rankings are no counts; "the Chongqing delegation" points back; an earlier date is another action

    func testRankingIsNoCount() throws {
        let texts = [
            "A Chongqing delegation of 30 firms flew to Munich on May 6 to meet Fortune 500 companies.",
            "A Chongqing delegation of 30 firms flew to Munich on May 6 to meet the world's top 100 carmakers and Global 500 enterprises.",
            "A Chongqing delegation of 30 firms flew to Munich on May 6 to visit top 50 enterprises in the region.",
        ]
        for text in texts {
            let doc = try extract("Tour\n\n" + text, published: "2024-05-08")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.participant("enterprises")?.value, 30, text)
        }
    }

    func testNamedDelegationPointsBack() throws {
        let doc = try extract("""
        Tour

        A Chongqing delegation of 30 firms flew to Munich on May 6 to meet clients.

        The Chongqing delegation also visited Vienna, where it met 12 distributors.
        """, published: "2024-05-12")
        XCTAssertEqual(doc.events.count, 1)
        XCTAssertEqual(Set(doc.events.first?.destinations.map(\.code) ?? []), ["DE", "AT"])
    }

    func testMentionDatedBeforeTheEventIsAnotherAction() throws {
        let doc = try extract("""
        Tour

        A new delegation of 25 Chinese companies, led by the Ministry of Commerce, left for Egypt and Morocco on May 20.

        The new delegation, following deals signed by an earlier Chinese delegation in Egypt in mid-April, will focus on infrastructure.
        """, published: "2024-05-22")
        XCTAssertEqual(doc.events.count, 2)
        XCTAssertEqual(doc.events.first?.when.start, "2024-05-20")
        let later = try extract("""
        Tour

        A delegation of 25 companies, led by the Ministry of Commerce, left for Egypt and Morocco on May 20.

        The delegation visited a port in Casablanca on May 23.
        """, published: "2024-05-25")
        XCTAssertEqual(later.events.count, 1)                 // a later day of the same trip
    }

    // MARK: trains, stations, joint organizers, a city's government

    func testChartedTrainIsRailAndItsStationTownTheOrigin() throws {
        let doc = try extract("""
        Train

        A chartered train carrying 1,100 migrant workers left Guiyang North Railway Station in Guiyang for Shenzhen on Feb 17.
        """, published: "2024-02-18")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.transport, ["rail"])
        XCTAssertEqual(e.origin.map(\.name), ["Guiyang"])
        XCTAssertEqual(e.destinations.map(\.name), ["Shenzhen"])
    }

    func testJointlyOrganizedByTwoBodies() throws {
        let doc = try extract("""
        Train

        The return-to-work special train, jointly organized by the Human Resources and Social Security Department of Hunan Province and the Zhejiang Provincial Department of Human Resources and Social Security, took 700 workers to Hangzhou on Feb 19.
        """, published: "2024-02-20")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.organizer.count, 2)
        XCTAssertEqual(e.transport, ["rail"])
    }

    func testCityActingIsItsMunicipalGovernment() throws {
        let doc = try extract("""
        Buses

        Huizhou arranged 12 chartered buses for rural workers from Hechi to return to their jobs on Feb 6.
        """, published: "2024-02-07")
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["Huizhou municipal government"])
    }

    // MARK: a description in commas between the agent and its verb; another place's group

    func testAgentDescribedInCommasThenVerb() throws {
        let texts = [
            "Fujian, a major exporter of shoes and tea, sent a business delegation of 45 companies to Brazil on March 3.",
            "Yiwu, the small-commodities hub, will send 200 companies to Dubai and Riyadh next week.",
            "Hainan, home of a free trade port, dispatched 30 firms to Singapore on June 2.",
        ]
        for text in texts {
            let doc = try extract("Going out\n\n" + text, published: "2024-06-05")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.organizer.count, 1, text)
        }
        // A capitalised word after the comma opens no description: "Nanjing, Suzhou said …" is a list.
        let list = try extract("Going out\n\nOfficials in Nanjing, Suzhou said delegations of 30 firms went to Japan on May 2.", published: "2024-05-05")
        XCTAssertEqual(list.events.first?.organizer.map(\.name), [])
    }

    func testGroupFromOtherPlacesIsAnotherMission() throws {
        let doc = try extract("""
        Going out

        Anhui sent a trade delegation to Italy and Spain on April 8. Firms from Wuhu and Bengbu have also traveled to Vietnam to meet clients.
        """, published: "2024-04-20")
        XCTAssertEqual(doc.events.count, 2)
        XCTAssertEqual(doc.events.last?.destinations.map(\.code), ["VN"])
    }

    // MARK: the members listed after a region

    func testMembersListedAfterARegionAreDestinations() throws {
        let texts = [
            "A Yunnan delegation of 30 firms will spend 12 days in South Asia, including India, Nepal and Sri Lanka, from June 5.",
            "The group of 20 companies will travel to European countries such as Poland and Hungary from May 9 to 15.",
            "A Shaanxi trade mission of 40 firms will visit several nations in the Gulf Cooperation Council (GCC), including Qatar and Oman, in October.",
        ]
        for text in texts {
            let doc = try extract("Tour\n\n" + text, published: "2024-05-02")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertTrue(e.destinations.filter { !$0.code.hasPrefix("region:") }.count >= 2, text)
        }
        // Chinese cities named on the way are not destinations abroad.
        let domestic = try extract("Tour\n\nA delegation of 25 Zhejiang firms visited cities including Ningbo and Wenzhou before flying to Chile on May 2.", published: "2024-05-04")
        XCTAssertEqual(domestic.events.first?.destinations.map(\.code), ["CL"])
    }

    // MARK: trips started, the campaign they belong to, promotion events abroad, workers brought back

    func testTripsStartedThenTheirCampaign() throws {
        let doc = try extract("""
        Going out

        Hundreds of business owners from Jiangxi Province have started overseas trips to find buyers.

        The trips will take them to markets around the world, such as Mexico, Brazil and Turkey.

        The trips are part of a campaign launched by Jiangxi's commerce department in March to win orders.
        """, published: "2024-04-02")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission, .policyMeasure])
        XCTAssertEqual(doc.events.first?.destinations.map(\.code), ["MX", "BR", "TR"])
        XCTAssertEqual(doc.events.last?.organizer.map(\.name), ["Jiangxi's commerce department"])
    }

    func testPromotionEventsAbroadAreMissions() throws {
        let texts = [
            "The Xi'an Municipal Bureau of Commerce held three promotion events in Almaty and Tashkent from June 3 to 9.",
            "Wu Gang, president of the Tianjin Chamber of Commerce, led a team of 16 companies to Singapore on May 4.",
            "The Hefei Investment Promotion Bureau hosted two promotion conferences in Seoul on May 14.",
        ]
        for text in texts {
            let doc = try extract("Promotion\n\n" + text, published: "2024-06-12")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.type, .tradeMission, text)
            XCTAssertFalse(e.organizer.isEmpty, text)
        }
    }

    func testWorkersBroughtBackIsRecruitment() throws {
        let doc = try extract("""
        Workers

        Since Feb 10, the Dongguan human resources bureau has worked with towns to transport workers back to Dongguan from Guangxi and Hunan.
        """, published: "2024-02-20")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .recruitmentDrive)
        XCTAssertEqual(Set(e.origin.map(\.name)), ["Guangxi", "Hunan"])
    }

    func testExpectationIsNoEvent() throws {
        let doc = try extract("""
        Plans

        The bureau expects to send 300 companies on overseas business trips to Europe next year.
        """, published: "2024-02-20")
        XCTAssertEqual(doc.events.map(\.type), [])
    }

    // MARK: "the group" is no company; a mission abroad has no home destination; where workers came from

    func testTheGroupIsNoCompany() throws {
        let doc = try extract("""
        Tour

        The group is led by the Jilin Provincial Department of Commerce and includes 20 firms, which flew to Moscow on May 3.
        """, published: "2024-05-06")
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["Jilin Provincial Department of Commerce"])
    }

    func testMissionAbroadHasNoHomeDestination() throws {
        let doc = try extract("""
        Tour

        A Zhejiang delegation of 30 firms flew to Berlin on June 2. The visit is an important channel for Zhejiang to reach German buyers.
        """, published: "2024-06-04")
        XCTAssertEqual(doc.events.first?.destinations.map(\.code), ["DE"])
    }

    func testWorkersOriginsNamedInTheNextSentence() throws {
        let doc = try extract("""
        Workers

        Huizhou arranged 12 chartered buses for rural workers on Feb 6. The buses picked up workers from Hechi, Baise and Yulin.
        """, published: "2024-02-08")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.origin.map(\.name), ["Hechi", "Baise", "Yulin"])
        XCTAssertEqual(e.destinations.map(\.name), ["Huizhou"])
    }

    // MARK: counted chartered trains and buses; a charter flight organised by a city

    func testCountedChartersAndTheCityThatOrganisedThem() throws {
        let doc = try extract("""
        Workers

        Guizhou plans to offer 90 chartered trains and buses from Feb 18 to take migrant workers to Guangdong.
        """, published: "2024-02-10")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive])
        let flight = try extract("""
        Workers

        At 9 a.m. on Feb 4, 150 migrant workers from Bijie landed in Ningbo. It was the first charter flight organised by Ningbo city this year.
        """, published: "2024-02-05")
        let e = try XCTUnwrap(flight.events.first)
        XCTAssertEqual(e.organizer.map(\.name), ["Ningbo municipal government"])
        XCTAssertEqual(e.origin.map(\.name), ["Bijie"])
    }

    // MARK: diplomatic visits are no trade missions; a leader's business delegation is one

    func testDiplomaticVisitIsNoMission() throws {
        let texts = [
            "Chinese Foreign Minister Wang Yi visited Brazil on Tuesday and held talks with his Brazilian counterpart on bilateral ties.",
            "Premier Li Qiang arrived in Berlin on Sunday for an official visit to Germany, the first stop of a trip that will also take him to France.",
            "Vice President Han Zheng travelled to Chile on a state visit and met President Boric on Monday.",
        ]
        for text in texts {
            let doc = try extract("Visit\n\n" + text, published: "2024-06-20")
            XCTAssertFalse(doc.events.contains { $0.type == .tradeMission }, text)
        }
        let business = try extract("""
        Visit

        Premier Li Qiang, on an official visit to Australia, was accompanied by a business delegation of 40 Chinese companies that signed deals in Sydney on June 17.
        """, published: "2024-06-20")
        XCTAssertFalse(business.events.isEmpty)
    }

    // MARK: "as of" a date is a tally's end

    func testAsOfDateIsTheEnd() throws {
        let doc = try extract("""
        Workers

        As of Feb 20, Chengdu had sent 35 chartered buses carrying 1,400 migrant workers from Ganzi to Guangdong.
        """, published: "2024-02-22")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.when.end, "2024-02-20")
        XCTAssertNil(e.when.start)
    }

    // MARK: "the fair" after a job fair; "organised jointly by"; "the 10-day mission"

    func testTheFairAfterAJobFairIsTheRecruitmentDrive() throws {
        let doc = try extract("""
        Jobs

        Wuhan held a spring job fair for college graduates on Feb 19, bringing together 400 employers.

        Organized by the Hubei Provincial Department of Human Resources and Social Security, the fair drew over 15,000 job seekers.
        """, published: "2024-02-20")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive])
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertTrue(e.organizer.contains { $0.name.contains("Human Resources") })
        XCTAssertFalse(e.activities.contains("exhibition"))
    }

    func testMissionOrganisedJointlyAndItsLength() throws {
        let doc = try extract("""
        Mission

        A Shaanxi trade delegation of 22 firms arrived in Cairo on Nov 4.

        The 10-day mission, which was organised jointly by the Shaanxi Provincial Department of Commerce and the Xi'an Chamber of Commerce, also visited Tunis.
        """, published: "2024-11-20")
        XCTAssertEqual(doc.events.count, 1)
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertTrue(e.organizer.contains { $0.name == "Shaanxi Provincial Department of Commerce" })
        XCTAssertEqual(e.when.durationDays, 10)
        XCTAssertEqual(e.when.end, "2024-11-13")
    }

    // MARK: a body reporting the trip; sellers; groups planned

    func testReportingBodyIsTheOrganizer() throws {
        let doc = try extract("""
        Sellers

        A group of 25 Jinhua cross-border sellers will travel to Warsaw and Prague between May 12 and 20, the Jinhua Municipal Bureau of Commerce said on Thursday.
        """, published: "2024-04-20")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.organizer.map(\.name), ["Jinhua Municipal Bureau of Commerce"])
        XCTAssertEqual(e.participant("enterprises")?.value, 25)
        let stats = try extract("""
        Trade

        Exports from Jinhua rose 12 percent in the first quarter, the Jinhua Municipal Bureau of Commerce said.
        """, published: "2024-04-20")
        XCTAssertEqual(stats.events.map(\.type), [])
    }

    func testGroupsPlannedForNextYear() throws {
        let doc = try extract("""
        Plans

        The Henan Provincial Department of Commerce plans to organise more than 60 overseas exhibition and business groups next year.
        """, published: "2024-11-22")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
    }

    // MARK: "the two countries" are the sides of a relation

    func testTheTwoCountriesAreNoParticipants() throws {
        let doc = try extract("""
        Visit

        A trade promotion group of 30 firms organized by the Ministry of Commerce is visiting Vietnam to deepen ties between the two countries.
        """, published: "2024-06-20")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertNil(e.participant("countries"))
        XCTAssertEqual(e.participant("enterprises")?.value, 30)
        let counted = try extract("""
        Tour

        The Guangxi delegation of 40 firms will visit two countries, Laos and Cambodia, from May 6.
        """, published: "2024-05-02")
        XCTAssertEqual(counted.events.first?.participant("countries")?.value, 2)
        XCTAssertEqual(counted.events.first?.destinations.map(\.code), ["LA", "KH"])
        let colon = try extract("Tour\n\nA Hunan delegation of 35 firms left for 3 nations: Peru, Chile and Brazil on Oct 2.", published: "2024-10-05")
        XCTAssertEqual(colon.events.first?.destinations.map(\.code), ["PE", "CL", "BR"])
    }

    // MARK: a body opening an event; "until" ends the date before it

    func testBodyOpensAnExpoUntilADate() throws {
        let doc = try extract("""
        Expo

        On Thursday, the Jiangsu Provincial Department of Commerce opened an online Jiangsu Brands Cloud Expo for African buyers, with livestreams running until Dec 15.
        """, published: "2024-11-22")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.organizer.map(\.name), ["Jiangsu Provincial Department of Commerce"])
        XCTAssertEqual(e.when.start, "2024-11-21")
        XCTAssertEqual(e.when.end, "2024-12-15")
    }

    // MARK: measures launched, reported by a ministry with its acronym

    func testMeasuresLaunchedReportedByAMinistry() throws {
        let texts = [
            "China will launch a new package of measures to support exporters, the Ministry of Commerce (MOFCOM) said on Tuesday.",
            "The country adopted 12 steps to steady foreign trade, the State Council said on Tuesday.",
        ]
        for text in texts {
            let doc = try extract("Measures\n\n" + text, published: "2024-06-20")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.type, .policyMeasure, text)
            XCTAssertEqual(e.organizer.count, 1, text)
        }
    }

    // MARK: "concluded on" is the last day

    func testConcludedOnIsTheEnd() throws {
        let texts = [
            "The 5th China-Arab States Expo, organized by the Ningxia government, concluded successfully in Yinchuan on Aug 21, with deals worth 160 billion yuan.",
            "The 20th China-ASEAN Expo, hosted by the Guangxi government, closed on Sept 19 after four days.",
        ]
        for text in texts {
            let doc = try extract("Expo\n\n" + text, published: "2024-09-22")
            let e = try XCTUnwrap(doc.events.first { $0.type == .tradeFair }, text)
            XCTAssertNotNil(e.when.end, text)
            XCTAssertTrue(e.when.end?.hasSuffix("-21") == true || e.when.end?.hasSuffix("-19") == true, text)
        }
        // and the first day, counted back from the last
        let doc = try extract("Expo\n\nThe 20th China-ASEAN Expo, hosted by the Guangxi government, closed on Sept 19 after four days.", published: "2024-09-22")
        XCTAssertEqual(doc.events.first?.when.start, "2024-09-16")
    }

    func testDestinationsOf() throws {
        let doc = try extract("""
        Tour

        The Fujian business delegation of 28 firms left on May 3 for its destinations of Kenya, Tanzania and Ethiopia.
        """, published: "2024-05-04")
        XCTAssertEqual(doc.events.first?.destinations.map(\.code), ["KE", "TZ", "ET"])
    }

    func testCorpWithoutPeriodIsACompany() throws {
        let doc = try extract("""
        Deals

        China Railway Materials Group Corp signed 12 purchase agreements worth 3 billion yuan with Brazilian suppliers on Monday.
        """, published: "2024-11-06")
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["China Railway Materials Group Corp"])
    }

    // MARK: near misses: travel statistics, tallies and comments are no events

    func testTravelStatisticsTalliesAndCommentsAreNoEvents() throws {
        let texts = [
            "Bookings for overseas business trips from Shanghai rose 35 percent in March, according to travel platform Trip.com.",
            "In the first quarter, Zhejiang held 120 promotion events and its exports rose 8 percent, provincial customs data showed.",
            "\"Sending delegations abroad is the best way to win orders,\" said Zhang Min, director of the Ningbo Municipal Bureau of Commerce.",
            "Xiamen Airlines reported a net profit of 1.2 billion yuan for 2023 as flights to Southeast Asia recovered.",
            "Guilin has 300 chartered buses for tourists during the Golden Week holiday, starting Oct 1.",
            "There are 3 million migrant workers from Sichuan working in Guangdong, provincial statistics show.",
        ]
        for text in texts {
            let doc = try extract("News\n\n" + text, published: "2024-04-10")
            XCTAssertEqual(doc.events.map(\.type), [], text)
        }
    }

    // MARK: a body's official leads; "at the invitation of"

    func testBodysOfficialLeadsAndInvitation() throws {
        let texts = [
            ("CCPIT Chairman Ren Hongbin led a business delegation of 60 firms to Saudi Arabia on Aug 20.", "CCPIT"),
            ("Guangxi Vice Governor Liu Ning led 45 enterprises to Vietnam and Laos on Sept 3.", "Guangxi Zhuang Autonomous Region government"),
            ("At the invitation of the Hungarian Chamber of Commerce, a delegation of 20 Zhejiang firms visited Budapest on April 9.", "Hungarian Chamber of Commerce"),
        ]
        for (text, organizer) in texts {
            let doc = try extract("Visit\n\n" + text, published: "2024-09-10")
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), [organizer], text)
        }
    }

    /// "the city of Yongkang", "the southwestern province of Yunnan": the place named after "of";
    /// and a place after "in" that follows the workers' home only locates it ("from Bijie in Guizhou").
    func testPlacesNamedAfterOfAndPlacesThatLocateTheOrigin() throws {
        for (text, origin, destinations) in [
            ("A chartered train carried more than 600 migrant workers from Bijie in Guizhou province to Guangzhou and Foshan on Monday.",
             "Bijie", ["Guangzhou", "Foshan"]),
            ("More than 1,000 migrant workers from Zhaotong in the southwestern province of Yunnan returned to work in the city of Yongkang on Monday.",
             "Zhaotong", ["Yongkang"]),
            ("Chartered buses took 300 workers from Hechi in the Guangxi Zhuang Autonomous Region to the coastal city of Ningbo on Feb 6.",
             "Hechi", ["Ningbo"]),
        ] {
            let doc = try extract("Back to work\n\n" + text, published: "2024-02-12")
            let e = try XCTUnwrap(doc.events.first { $0.type == .recruitmentDrive }, text)
            XCTAssertEqual(e.origin.map(\.name), [origin], text)
            XCTAssertEqual(e.destinations.map(\.name), destinations, text)
        }
    }

    /// Who pays for the transport organises ("on a flight chartered by …", "buses paid for by …"); "the
    /// provincial Department of Commerce" in the first sentence is of the place the sentence named; a
    /// place at the end of "a delegation from China's X" is where the group comes from, not an agent.
    func testCharteredByAndTheProvinceOfTheFirstSentence() throws {
        for (text, organizer) in [
            ("A business delegation from East China's Zhejiang province has started a six-day trip to Germany on a flight chartered by the provincial Department of Commerce.",
             "Zhejiang Provincial Department of Commerce"),
            ("A trade group from Jiangsu left for Japan on Monday on a plane funded by the Jiangsu Provincial Department of Commerce.",
             "Jiangsu Provincial Department of Commerce"),
        ] {
            let doc = try extract("Trip abroad\n\n" + text, published: "2023-03-08")
            let e = try XCTUnwrap(doc.events.first { $0.type == .tradeMission }, text)
            XCTAssertEqual(e.organizer.map(\.name), [organizer], text)
        }
        let buses = try extract("Back to work\n\n800 migrant workers from Zhaotong returned to Ningbo on Feb 6 on buses paid for by the Ningbo municipal government.", published: "2024-02-12")
        XCTAssertEqual(buses.events.first?.organizer.map(\.name), ["Ningbo municipal government"])
    }

    /// "The relevant departments of X county" are X's government; their later sentence tells who
    /// organised the transfer reported without an agent.
    func testTheDepartmentsOfACountyOrganiseItsWorkersTransfer() throws {
        let doc = try extract("""
        Workers return

        54 workers were sent to Shanghai and Shenzhen from Jiayu County on March 16.

        The buses left at five. Workers had their temperature checked.

        The relevant departments of Jiayu county contacted migrant workers and the enterprises in early March, adopting a point-to-point approach for the transfer.
        """, published: "2020-03-19")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive])
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.origin.map(\.name), ["Jiayu County"])
        XCTAssertEqual(e.organizer.count, 1)
    }

    // MARK: a body working with others organises; "the initiative, organized by X" names the organizer

    func testBodyWorkingWithOthersIsTheOrganizer() throws {
        let texts = [
            "Since March 1, the Linyi Human Resources and Social Security Bureau has worked with townships and employers to arrange chartered buses for migrant workers returning to Linyi.",
            "The Jinhua Municipal Bureau of Commerce teamed up with three chambers of commerce to lead 30 exporters to Mexico on May 2.",
            "The Guangxi Department of Commerce has cooperated with two banks to organize 50 firms to visit Vietnam in April.",
        ]
        for text in texts {
            let doc = try extract("Working together\n\n" + text, published: "2024-05-10")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.organizer.count, 1, text)
            XCTAssertTrue(e.organizer.first.map { $0.name.contains("Bureau") || $0.name.contains("Department") } == true, text)
        }
    }

    func testInitiativeOrganizedByNamesTheOrganizerOfTheEventBefore() throws {
        let texts = [
            "The initiative, organized by the Ningbo Municipal Human Resources and Social Security Bureau, is the city's first this year.",
            "The effort, arranged by the Ningbo Municipal Human Resources and Social Security Bureau, will continue until March.",
            "This operation, funded by the Ningbo Municipal Human Resources and Social Security Bureau, cost 2 million yuan.",
        ]
        for text in texts {
            let doc = try extract("""
            Back to work

            A chartered train carrying 800 migrant workers from Guizhou arrived in Ningbo on Sunday.

            \(text)
            """, published: "2024-02-19")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], text)
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["Ningbo Municipal Human Resources and Social Security Bureau"], text)
        }
    }

    func testCompaniesHeadingAbroadGoOut() throws {
        for sentence in [
            "Exporters in Wenzhou are heading abroad this spring to meet buyers and win orders, with 300 firms going to Europe.",
            "More than 200 companies from Yiwu headed overseas in March to meet buyers in Dubai and Riyadh.",
        ] {
            let doc = try extract("Going out\n\n" + sentence, published: "2024-03-30")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], sentence)
        }
    }

    func testTransportCarryingWorkersIsRecruitment() throws {
        let texts = [
            "The special train will leave Tongren for Dongguan, a manufacturing hub in Guangdong province, on Friday, carrying about 700 workers.",
            "Zhejiang's first chartered high-speed train, carrying 520 workers from Guizhou, pulled into Hangzhou East Railway Station on Monday.",
            "Three buses left Bijie on Feb 2, bringing 140 laborers to factories in Ningbo.",
        ]
        for text in texts {
            let doc = try extract("Back to work\n\n" + text, published: "2024-02-08")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], text)
        }
        let train = try extract("Back to work\n\n" + texts[1], published: "2024-02-08")
        XCTAssertEqual(train.events.first?.transport, ["rail"])
    }

    func testThePlaneOfTheNextParagraphIsTheSameFlight() throws {
        let doc = try extract("""
        Charter flights

        A chartered flight took migrant workers from Guizhou province to Jinjiang, Fujian province, on Feb 20.

        The plane, carrying 160 workers for four local shoe makers, landed at 18:40.
        """, published: "2024-02-21")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive])
        XCTAssertEqual(doc.events.first?.participants.first { $0.unit == "people" }?.count.value, 160)
    }

    /// A delegation of business people stays a trade mission when its leaders speak of bilateral ties;
    /// "led by Name, chairman of ORG" names ORG; "from Wednesday to Friday" is one range.
    func testBusinessDelegationLedByABodysChairmanOverARangeOfDays() throws {
        for (lead, body, bodyName) in [
            ("A delegation of Chinese entrepreneurs visited Kenya from Wednesday to Friday to promote cooperation between businesses of the two countries.", "The delegation, led by Ren Hongbin, chairman of the China Council for the Promotion of International Trade, used the new bilateral ties as an opportunity.", "China Council for the Promotion"),
            ("A business delegation from Hunan visited Kenya from Wednesday to Friday.", "The group, led by Zhou Yi, director of the Hunan Provincial Department of Commerce, discussed bilateral relations with officials.", "Hunan Provincial Department of Commerce"),
        ] {
            let doc = try extract("Delegation\n\n\(lead)\n\n\(body)", published: "2025-02-22")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], lead)
            let e = try XCTUnwrap(doc.events.first)
            XCTAssertEqual(e.when.start, "2025-02-19", lead)
            XCTAssertEqual(e.when.end, "2025-02-21", lead)
            XCTAssertTrue(e.organizer.contains { $0.name.hasPrefix(bodyName) }, "\(lead) \(e.organizer)")
        }
        // a business delegation received by a visiting president is no trip of its own
        let received = try extract("State visit\n\nDuring the visit to Vietnam, President Duterte held talks with President Tran Dai Quang, attended the State Banquet hosted by President Tran Dai Quang and received the delegation of Vietnam Business Community.", published: "2025-02-22")
        XCTAssertEqual(received.events.map(\.type), [])
        // ministers' talks without business people are still diplomacy
        let talks = try extract("Talks\n\nForeign Minister Wang Yi visited Kenya from Wednesday to Friday and held talks with his counterpart on bilateral ties.", published: "2025-02-22")
        XCTAssertEqual(talks.events.map(\.type), [])
    }

    /// "One such fair …" is another fair of the kind; job-seekers are counted people.
    func testOneSuchFairIsAnotherJobFair() throws {
        let doc = try extract("""
        Job fairs

        Beijing's first job fair this year opened on Monday with 5,000 posts.

        One such fair on Monday, in Wuhu City, east China's Anhui Province, drew more than 30,000 job-seekers.
        """, published: "2009-02-10")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive, .recruitmentDrive])
        XCTAssertEqual(doc.events.last?.participants.first { $0.unit == "people" }?.count.value, 30000)
        let charter = try extract("Free rides\n\nGuizhou's Qianxinan Prefecture chartered flights and buses for workers heading to Guangzhou on Feb 18.", published: "2024-02-20")
        XCTAssertEqual(charter.events.map(\.type), [.recruitmentDrive])
    }

    /// Trips counted in people and enterprises; an opening "Since …" clause with a measure in it is
    /// background to the trips of the main clause.
    func testTripsOfPeopleFromEnterprisesAfterASinceClause() throws {
        for text in [
            "According to the Jiangxi provincial department of commerce, 90 people from 40 enterprises will make their business trips overseas starting from Monday.",
            "Since China announced new measures to ease travel, the Fujian Department of Commerce has sent 64 people from 21 enterprises to meet buyers in 12 countries.",
            "After the province issued its support policies, the Hubei Department of Commerce dispatched 35 representatives from 15 companies to fairs in Europe.",
        ] {
            let doc = try extract("Going out\n\n" + text, published: "2022-12-14")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], text)
            XCTAssertEqual(doc.events.first?.organizer.count, 1, text)
        }
    }

    /// A group organised and sent off, a team leaving on its journey; a day range written day first.
    func testGroupsOrganisedOrLeavingOnTheirJourney() throws {
        for text in [
            "On 26 to 27 July 2019, the Guangxi Department of Commerce organized a visiting group of 20 exporters to Hanoi, Viet Nam.",
            "On 26-27 July 2019, the Guangxi Department of Commerce formed a delegation of 20 exporters that travelled to Hanoi, Viet Nam.",
        ] {
            let doc = try extract("Going out\n\n" + text, published: "2019-07-30")
            let e = try XCTUnwrap(doc.events.first, text)
            XCTAssertEqual(e.type, .tradeMission, text)
            XCTAssertEqual(e.when.start, "2019-07-26", text)
            XCTAssertEqual(e.when.end, "2019-07-27", text)
        }
        let team = try extract("Going out\n\nOn December 10, 2022, the Hunan business team of 30 companies left on their 12-day journey around Africa, stopping in Kenya and Tanzania.", published: "2022-12-20")
        XCTAssertEqual(team.events.map(\.type), [.tradeMission])
        let workers = try extract("Back to work\n\nZhang was one of 600 migrant workers from Congjiang county who took a special high-speed train to Guangzhou on Feb 8.", published: "2022-02-09")
        XCTAssertEqual(workers.events.map(\.type), [.recruitmentDrive])
    }

    /// "a delegation sent by X Province" names its sender; "the team" points back at it; the places
    /// a journey "stopped at" are its destinations.
    func testADelegationSentByAProvinceAndWhereItsJourneyStopped() throws {
        let doc = try extract("""
        Going out

        Officials in Nairobi welcomed an economic and trade delegation sent by Hubei Province to promote trade with East Africa.

        On March 3, the team left on a 10-day journey around Africa which stopped at Kenya, Ethiopia and Egypt.
        """, published: "2023-03-20")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.origin.map(\.name), ["Hubei"])
        XCTAssertEqual(Set(e.destinations.map(\.code)), ["KE", "ET", "EG"])
    }

    /// A body with its abbreviation in brackets before its verb; "China's commerce ministry".
    func testAbbreviationBeforeTheVerbAndTheCommerceMinistry() throws {
        for (text, name) in [
            ("The Hong Kong Trade Development Council (HKTDC) embarked on a week-long business mission to Riyadh with 30 business leaders on Feb 5.", "Hong Kong Trade Development Council"),
            ("The Jiangsu Provincial Department of Commerce (JPDC) sent 40 exporters to Jakarta on May 3.", "Jiangsu Provincial Department of Commerce"),
        ] {
            let doc = try extract("Mission\n\n" + text, published: "2023-05-10")
            XCTAssertEqual(doc.events.first?.organizer.first?.name, name, text)
        }
        let expo = try extract("Expo\n\nCo-hosted by China's commerce ministry and the Hainan provincial government, the China International Consumer Products Expo opened in Haikou on May 7 with 1,500 exhibitors.", published: "2021-05-08")
        XCTAssertTrue(expo.events.first?.organizer.contains { $0.name == "Ministry of Commerce" } == true)
    }

    /// "The business delegation arrived …" a few paragraphs on, past a fair's sentences and headings,
    /// is the delegation already reported; a sentence with its own strong action is not pulled back.
    func testTheDelegationAFewParagraphsOn() throws {
        let doc = try extract("""
        Going out

        The business delegation led by the Chongqing Municipal Commission of Commerce visited Kazakhstan and Belarus on an eight-day trip.

        The China and Belarus Exhibition of Goods and Services was held in Minsk on June 29.

        The exhibition drew 300 buyers.

        24 hours

        A fast start

        The business delegation arrived at Minsk National Airport in two groups in the early morning of June 27.
        """, published: "2023-07-03")
        XCTAssertEqual(doc.events.filter { $0.type == .tradeMission }.count, 1)
    }
}

final class BodyMentionTests: XCTestCase {
    /// "the ministry", "the Department": the body of that kind named before acts again.
    func testTheBodyNamedBeforeIsTheAgent() throws {
        let measure = try extract("Trade\n\nThe Ministry of Commerce held a press conference in Beijing on Monday. Commerce Minister Zhong Shan said the ministry will take a number of key measures to further bolster foreign trade.", published: "2020-05-19")
        XCTAssertEqual(measure.events.map(\.type), [.policyMeasure])
        XCTAssertEqual(measure.events.first?.organizer.map(\.name), ["Ministry of Commerce"])
        let drive = try extract("Workers\n\nThe Wuxi Department of Human Resources and Social Security contacted its counterpart in Yunnan, where 3,100 migrant workers from Qujing were waiting to return. Having learnt of their need, the Department sent officials to Qujing on January 26 to arrange chartered planes to bring 300 migrant workers back to Wuxi.", published: "2023-02-05")
        XCTAssertTrue(drive.events.contains { $0.organizer.map(\.name) == ["Wuxi Department of Human Resources and Social Security"] })
    }

    /// Without a body of that kind named before, or as the source of a report, it is nobody.
    func testAnUnknownOrReportingBodyIsNoAgent() throws {
        let doc = try runStages("Trade\n\nThe department will take measures to bolster foreign trade.", through: "entities")
        XCTAssertFalse(doc.entities.contains { $0.isOrganization })
        let source = try runStages("Trade\n\nThe Shaanxi Provincial Department of Commerce led 20 firms to Riyadh. The companies reported orders of US$58.6m, the department said.", through: "entities")
        XCTAssertEqual(source.entities.filter(\.isOrganization).count, 1)
    }
}

final class PlaceGovernmentNameTests: XCTestCase {
    /// A place acting is its government, named with its level: "X provincial government" as the
    /// analysts' "X Province", "X government" and "X provincial government" all name it.
    func testAPlaceActingIsNamedWithItsLevel() throws {
        for (sentence, name) in [
            ("Hunan province has decided to set aside one million yuan each year to subsidize the international exhibition expenses of its small firms.", "Hunan provincial government"),
            ("The first charter flight organized by Shanghai took 120 business people to Tokyo on Dec 10.", "Shanghai municipal government"),
            ("A trade delegation sent by Ningxia left for Dubai on Monday with 30 enterprises.", "Ningxia Hui Autonomous Region government"),
        ] {
            let doc = try extract("News\n\n" + sentence, published: "2022-12-12")
            XCTAssertEqual(doc.events.first?.organizer.map(\.name), [name], sentence)
        }
    }
}

final class StoryDateTests: XCTestCase {
    /// An undated event takes the story's only full date; with two dates in the story it stays undated.
    func testAnUndatedEventTakesTheStorysOnlyDate() throws {
        let one = try extract("Trade\n\nThe State Council urged local authorities to intensify efforts to stabilize exports and imports.\n\nCustoms procedures should be simplified, said a statement issued after an executive meeting chaired by Premier Li on Tuesday.", published: "2016-08-17")
        XCTAssertEqual(one.events.map(\.type), [.policyMeasure])
        XCTAssertEqual(one.events.first?.when.start, "2016-08-16")
        let two = try extract("Trade\n\nThe State Council urged local authorities to intensify efforts to stabilize exports and imports.\n\nCustoms procedures should be simplified, said a statement issued after an executive meeting chaired by Premier Li on Tuesday, as at the meeting of June 5.", published: "2016-08-17")
        XCTAssertNil(two.events.first?.when.start)
    }
}

final class PlaceHeadTests: XCTestCase {
    /// "led by Governor Xu Dazhe": a governor leads for the province's government, a mayor for the
    /// city's, the place named in the sentence or the one the text is about.
    func testAGovernorOrMayorLeadsForTheGovernment() throws {
        for (text, name) in [
            ("A Hunan business delegation led by Governor Xu Dazhe arrived in Nairobi on Monday to promote trade.", "Hunan provincial government"),
            ("A business delegation from Wuxi led by Mayor Du Xiaogang visited Dubai on Monday.", "Wuxi municipal government"),
            ("Jiangsu firms are going abroad for orders. A trade mission of 40 companies headed by Vice Governor Hu Guangjie left for Japan on Monday.", "Jiangsu provincial government"),
        ] {
            let doc = try extract("Trips\n\n" + text, published: "2023-07-08")
            XCTAssertEqual(doc.events.last?.organizer.map(\.name), [name], text)
        }
    }
}

final class TodayYesterdayTests: XCTestCase {
    /// "today" is the publication day and "yesterday" the day before.
    func testTodayAndYesterdayAreDates() throws {
        let signed = try extract(" date 2018-09-03 Invest Hong Kong and the Chongqing Municipal Commission of Commerce today signed an agreement to boost investment promotion.\n\nMore follows.\n")
        XCTAssertEqual(signed.events.first?.when.start, "2018-09-03")
        let closed = try extract("Fair\n\nThe East China Fair closed yesterday in Shanghai with deals worth US$2 billion.", published: "2008-03-06")
        XCTAssertEqual(closed.events.first?.when.end, "2008-03-05")
    }
}
