import XCTest
@testable import MissionExtract

/// Sentences that look like events but report none (negatives of business and diplomatic news),
/// beside true events of the same shape that must survive. Written for these tests.
final class PrecisionTests: XCTestCase {
    // MARK: a trip is a trade mission only if its sentences name business

    func testDiplomaticVisitsAreNoMission() throws {
        let texts = [
            """
            Ministers meet in Beijing

            Chile's Foreign Minister Alberto van Klaveren arrived in Beijing on Monday for a three-day official visit to China.

            He will also travel to Xi'an before returning home.
            """,
            """
            Premier in Central Asia

            Premier Zhao Ming began a four-nation tour on Sunday that will take him to Uzbekistan, Tajikistan and Turkmenistan, where he will hold talks on bilateral ties.
            """,
            """
            Envoys tour Hunan

            A group of 12 ambassadors to China visited Changsha on Thursday and toured a local museum, the provincial foreign affairs office said.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-04-02")
            XCTAssertEqual(doc.events.map(\.type), [], t)
        }
    }

    func testBusinessTripsStayMissions() throws {
        let texts = [
            """
            Anhui delegation abroad

            Vice Governor Sun Lei led a delegation of 25 Anhui enterprises to Hungary and Serbia from May 6 to 12.
            """,
            """
            Premier's mission

            The premier of Manitoba will travel to Japan and South Korea from June 2 to 9 to promote trade and investment.
            """,
            """
            Shoemakers on the road

            A group of 18 shoemakers from Jinjiang went to Mexico on Tuesday to visit buyers.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-05-01")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], t)
        }
    }

    func testAWorkersRideHomeIsNoMission() throws {
        let doc = try extract("""
        Home by train

        The special train carrying 900 passengers from Guangzhou arrived in Guiyang on Feb 3, the railway bureau said.
        """, published: "2024-02-04")
        XCTAssertFalse(doc.events.contains { $0.type == .tradeMission })
    }

    // MARK: share prices, indexes and company results

    func testMarketReportsAreNoDeal() throws {
        let texts = [
            """
            Stocks climb

            Shares of Meituan jumped 5 percent to HK$120.30 in Hong Kong, and the stock has gained 18 percent this month.
            """,
            """
            Carmaker results

            Geely said its net profit for the first half rose 60 percent, and the company earned 8.5 billion yuan in the period.
            """,
            """
            Markets

            The Shenzhen Component Index gained 1.4 percent on Friday, and Ping An traded at 45.20 yuan a share.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-08-20")
            XCTAssertEqual(doc.events.map(\.type), [], t)
        }
    }

    func testRealDealsSurviveBesideMarketWords() throws {
        let doc = try extract("""
        Orders at the fair

        Exporters from Taizhou signed contracts worth 300 million yuan with buyers from Brazil at the fair on Oct 16.
        """, published: "2024-10-18")
        XCTAssertEqual(doc.events.map(\.type), [.deal])
    }

    // MARK: one person's own story

    func testFirstPersonTestimonyIsNoEvent() throws {
        let texts = [
            """
            On the way back

            Wang Fang, a seamstress who travelled to Dongguan: I am glad the bus was free this year.
            """,
            """
            Factory worker

            My brother and I went to Shenzhen by the chartered coach on Saturday, said Li Qiang, 24.
            """,
            """
            Trader

            I flew to Dubai with my samples in March, a Yiwu trader recalled.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-03-20")
            XCTAssertEqual(doc.events.map(\.type), [], t)
        }
    }

    // MARK: the statistics of a job fair are that job fair

    func testJobFairStatisticsJoinTheJobFair() throws {
        let texts = [
            """
            Jobs in Xuzhou

            Xuzhou held a two-day job fair for returning migrant workers on Feb 18.

            More than 9,000 job seekers attended the fair, and 2,100 of them reached employment intentions.
            """,
            """
            Spring hiring

            The human resources bureau of Fuyang organized a job fair at the city stadium on Feb 5.
            The fair opened with 7,400 positions offered by 260 local companies.
            """,
            """
            Hiring season

            Jinhua hosted a spring recruitment fair on Jan 30, offering 5,000 jobs.

            Some 320 employers took part in the fair, most of them garment and hardware makers.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-02-20")
            XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive], t)
        }
    }

    func testATradeFairWithoutAJobFairStaysAFair() throws {
        let doc = try extract("""
        Hardware show

        The Yongkang hardware fair opened on April 10 with 1,800 exhibitors from 30 countries.

        More than 40,000 buyers attended the fair.
        """, published: "2024-04-12")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
    }

    // MARK: what did not happen

    func testNegatedActionsAreNoEvent() throws {
        let texts = [
            """
            Newcomers

            Two Laotian coffee growers had not signed any contracts at the previous expo in Nanning.
            """,
            """
            A quiet year

            The county did not send any enterprises to Japan in 2022 because of travel limits.
            """,
            """
            No orders

            No export contracts were signed at the online session on Tuesday, the organizer said.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2023-09-20")
            XCTAssertEqual(doc.events.map(\.type), [], t)
        }
    }

    func testNotOnlySignedIsStillADeal() throws {
        let doc = try extract("""
        Busy fair

        Wenzhou shoemakers not only signed contracts worth 80 million yuan with buyers from Chile, but also met new partners.
        """, published: "2023-09-20")
        XCTAssertEqual(doc.events.map(\.type), [.deal])
    }

    // MARK: the way home is no destination

    func testReturnedHomeIsNoDestination() throws {
        let texts = [
            """
            Back from Europe

            A Jiangxi trade delegation of 20 firms visited Spain and Portugal from May 3 to 10 and returned to Nanchang on Saturday.
            """,
            """
            Home again

            Led by the Guangxi Department of Commerce, 25 enterprises travelled to Malaysia on June 2, and the delegation flew back to Nanning on June 8.
            """,
            """
            Delegation returns

            A Shenzhen business delegation of 30 companies went to Brazil in March, before returning to Shenzhen with orders.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-06-15")
            let e = try XCTUnwrap(doc.events.first { $0.type == .tradeMission }, t)
            XCTAssertFalse(e.destinations.contains { $0.code == "CN" }, t)
            XCTAssertFalse(e.destinations.isEmpty, t)
        }
    }

    func testTravelToAChineseCityStaysADestination() throws {
        let doc = try extract("""
        Hiring trip

        The Ningbo human resources bureau sent a recruitment team to Guizhou on Feb 1 to recruit 500 workers.
        """, published: "2024-02-03")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertTrue(e.destinations.contains { $0.name == "Guizhou" })
    }

    // MARK: the same group named again

    func testTheFirstDelegationIsTheDelegationAlreadyReported() throws {
        let texts = [
            """
            Shandong abroad

            From March 5 to 12, the Shandong Department of Commerce led a delegation of 28 enterprises to Germany and Poland.
            The first delegation visited a Hamburg logistics group and held talks with 40 buyers.
            """,
            """
            Hebei in Africa

            Hebei's commerce department organized 15 enterprises to visit Kenya and Tanzania from July 1 to 9.
            The whole delegation also met members of a Nairobi business association.
            """,
            """
            Chongqing mission

            A Chongqing trade delegation of 22 companies, led by the city's commerce commission, travelled to Chile on April 2.
            The visiting delegation signed a cooperation memorandum with a Santiago chamber of commerce.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-08-01")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], t)
        }
    }

    // MARK: background: actions dated long before publication

    func testEarlierEditionsAndOldTalliesAreBackground() throws {
        let texts = [
            """
            Second Yangtze expo

            The first Yangtze River Delta Home Furnishing Expo was held in Hefei in April 2022.
            """,
            """
            Looking back

            In March 2021, the Guangxi commerce department organized 40 enterprises to visit Vietnam.
            """,
            """
            Old records

            In 2019, exporters from Jinhua signed contracts worth 2 billion yuan at the Canton Fair.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2023-08-10")
            XCTAssertEqual(doc.events.map(\.type), [], t)
        }
    }

    func testRecentActionsStayEvents() throws {
        // A January round-up of December's trips is still news.
        let doc = try extract("""
        Year-end trips

        From December 12 to 18, 2022, the Anhui Department of Commerce led 35 enterprises to Germany and France.
        """, published: "2023-01-20")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
        XCTAssertTrue(BackgroundDate.isBackground("2021-05", published: "2022-06-16"))
        XCTAssertFalse(BackgroundDate.isBackground("2022", published: "2023-05-01"))
        XCTAssertTrue(BackgroundDate.isBackground("2021", published: "2023-05-01"))
        XCTAssertFalse(BackgroundDate.isBackground("2023-03-12", published: "2023-08-01"))
        XCTAssertFalse(BackgroundDate.isBackground("--05-07", published: "2023-02-01"))
        XCTAssertFalse(BackgroundDate.isBackground("2022-12-15", published: nil))
    }

    /// lastDay reads the fields in place: the same fields as splitting at "-" and Int(_:) on each
    /// (compared through the canonical "YYYY-MM-DD" of what the split reads).
    func testLastDayReadsAsSplit() {
        func canonical(_ s: String) -> String? {
            let parts = s.split(separator: "-", omittingEmptySubsequences: false)
            guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
            let year = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
            guard parts.count >= 2 else { return year }
            guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            let month = year + (m < 10 ? "-0" : "-") + String(m)
            guard parts.count >= 3 else { return month }
            guard let d = Int(parts[2]), (1...31).contains(d) else { return nil }
            return month + (d < 10 ? "-0" : "-") + String(d)
        }
        for s in ["2021", "2021-05", "2021-05-07", "2024-02", "2023-02", "2021-5-7", "2021-05-07-x", "+202-05", "2021-+5",
                  "2021-", "2021-05-", "2021-13", "2021-00", "2021-05-32", "2021-05-00", "--05-07", "", "-", "20211",
                  "202", "2021-0000000000000000000001", "2021-99999999999999999999999", "2021-05-x", "２０２１-05", "2021-٠٥"] {
            XCTAssertEqual(BackgroundDate.lastDay(s), canonical(s).flatMap { BackgroundDate.lastDay($0) }, s)
            XCTAssertEqual(BackgroundDate.lastDay(s) == nil, canonical(s) == nil, s)
        }
    }

    // MARK: visitors from abroad at a fair in China

    func testBuyersComingFromAbroadAreNoMission() throws {
        let texts = [
            """
            Expo guests

            Buyers made the trip to Kunming from Nepal, Sri Lanka and Bangladesh on June 5 to attend the trade expo.
            """,
            """
            Guests in Xiamen

            A business delegation of 40 companies from Malaysia arrived in Xiamen on Sept 7 for the investment fair.
            """,
            """
            Importers arrive

            On Oct 14, a group of 25 wine importers from France travelled to Yinchuan to meet local trade partners.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-10-20")
            XCTAssertFalse(doc.events.contains { $0.type == .tradeMission }, t)
        }
    }

    func testComingBackFromAbroadStaysAMission() throws {
        let doc = try extract("""
        Home with orders

        A Wenzhou trade delegation of 18 shoe companies returned from Italy on March 20 after a week of visiting clients.
        """, published: "2024-03-25")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
    }

    // MARK: one person's own trip plans

    func testOnePersonsTravelPlanIsNoMission() throws {
        let texts = [
            """
            Traders on the move

            Zhou, who runs a lamp factory in Zhongshan, said she plans to travel to Vietnam in May to meet clients.
            """,
            """
            Back to Europe

            The Yiwu toy seller said he hopes to go to Spain and Italy next month to look for new customers.
            """,
            """
            Plans

            After the fair, he intends to fly to Mexico to visit two distributors, the sales manager added.
            """,
        ]
        for t in texts {
            let doc = try extract(t, published: "2024-04-02")
            XCTAssertFalse(doc.events.contains { $0.type == .tradeMission }, t)
        }
    }

    func testAnOfficialLeadingAGroupStaysAMission() throws {
        let doc = try extract("""
        Mayor abroad

        Mayor Lin Hua said he will lead a delegation of 20 Zhongshan lighting companies to Vietnam from May 6 to 10.
        """, published: "2024-04-02")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
    }

    // MARK: flight and train numbers are no counts

    func testFlightAndTrainCodesAreNoParticipants() throws {
        let texts = [
            "Chartered flight CZ3456 carried migrant workers from Guiyang to Dongguan on Feb 10, arranged by the Dongguan human resources bureau.",
            "Special train D2218 took migrant workers from Enshi to Shenzhen on Feb 8, organized by the Shenzhen human resources bureau.",
            "On Jan 30, flight MU5721 carried a trade delegation of Kunming companies to Bangkok, organized by the Kunming commerce bureau.",
        ]
        for t in texts {
            let doc = try extract("Trips\n\n" + t, published: "2024-02-12")
            let e = try XCTUnwrap(doc.events.first, t)
            XCTAssertFalse(e.participants.contains { [3456.0, 2218.0, 5721.0].contains($0.count.value) }, t)
        }
    }

    func testSpacedNumbersStayCounts() throws {
        let doc = try extract("""
        Trips

        A chartered flight carried 186 migrant workers from Guiyang to Dongguan on Feb 10, arranged by the Dongguan human resources bureau.
        """, published: "2024-02-12")
        XCTAssertEqual(doc.events.first?.participants.first?.count.value, 186)
    }

    // MARK: projects are signed, they take no part

    func testProjectCountsAreOutcomesNotParticipants() throws {
        let texts = [
            "The 9th Silk Road Expo closed in Xi'an on May 15, where a total of 210 cooperation projects worth 95 billion yuan were signed.",
            "The Harbin fair concluded on June 20, with the signing of 88 projects valued at 40 billion yuan.",
            "Some 150 investment projects with a total value of 60 billion yuan were signed at the Lanzhou Investment and Trade Fair, which closed on July 9.",
        ]
        for t in texts {
            let doc = try extract("Fair\n\n" + t, published: "2024-07-12")
            for e in doc.events { XCTAssertNil(e.participant("projects"), t) }
        }
    }

    func testSignedProjectsOfADealAreItsOutcomeCount() throws {
        let doc = try extract("""
        Deals

        Yantai signed 36 projects with Hong Kong investors on March 3, with a total investment of 5 billion yuan.
        """, published: "2024-03-05")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.outcomes.first?.count?.value, 36)
        XCTAssertNil(e.participant("projects"))
    }

    // MARK: a job fair is no exhibition

    func testRecruitmentDrivesCarryNoExhibition() throws {
        let texts = [
            "The Zhuzhou human resources bureau held a job fair at the city exhibition center on Feb 6, offering 8,000 positions.",
            "Luoyang organized an online cloud job fair on Feb 1, where 300 employers recruited workers for their factories.",
            "On Jan 29, the Bijie employment bureau hosted a spring recruitment fair, and 120 companies took part in the fair.",
        ]
        for t in texts {
            let doc = try extract("Hiring\n\n" + t, published: "2024-02-08")
            let e = try XCTUnwrap(doc.events.first { $0.type == .recruitmentDrive }, t)
            XCTAssertFalse(e.activities.contains("exhibition") || e.activities.contains("online_exhibition"), t)
        }
    }

    func testTradeFairsKeepExhibition() throws {
        let doc = try extract("""
        Show

        The Zhuzhou Rail Transit Equipment Fair opened on Sept 6 with 500 exhibitors from 20 countries.
        """, published: "2024-09-08")
        XCTAssertTrue(doc.events.first?.activities.contains("exhibition") ?? false)
    }

    // MARK: "the group", "the corporation" name no organisation

    func testGenericNounsAreNoOrganizer() throws {
        let texts = [
            "A delegation of 20 Hunan enterprises visited Kenya on May 8. The group was led by Vice Governor Li Dianxun.",
            "Fifteen Qingdao firms travelled to Chile on June 3 to meet buyers. The corporation sent its export managers as well.",
            "A trade mission of 12 Ningxia wineries went to Dubai on Nov 5. The association also arranged visits to importers.",
        ]
        for t in texts {
            let doc = try extract("Abroad\n\n" + t, published: "2024-11-20")
            for e in doc.events {
                XCTAssertFalse(e.organizer.contains { $0.name.lowercased().hasPrefix("the ") }, t)
            }
        }
    }

    func testNamedGroupsStayOrganizers() throws {
        let doc = try extract("""
        Abroad

        Organized by the Weichai Power Group, 30 suppliers travelled to Germany on May 6 to visit clients.
        """, published: "2024-05-10")
        XCTAssertTrue(doc.events.first?.organizer.contains { $0.name.contains("Weichai Power Group") } ?? false)
    }

    // MARK: rankings are no counts

    func testRankingsAreNoParticipantCount() throws {
        let texts = [
            "Led by the Wuxi commerce bureau, the delegation will travel to Germany on May 6 to meet several Fortune 500 companies.",
            "A Xiamen trade delegation went to Japan on June 2, holding talks with Global 500 firms and local banks.",
            "The Dongguan commerce bureau led a delegation to France on Oct 9 to meet the world's top 100 companies in luxury goods.",
        ]
        for t in texts {
            let doc = try extract("Abroad\n\n" + t, published: "2024-10-12")
            let e = try XCTUnwrap(doc.events.first, t)
            XCTAssertNil(e.participant("enterprises"), t)
        }
    }

    func testPlainCountsOfFirmsStay() throws {
        let doc = try extract("""
        Abroad

        Led by the Wuxi commerce bureau, 45 companies travelled to Germany on May 6 to meet buyers.
        """, published: "2024-05-10")
        XCTAssertEqual(doc.events.first?.participant("enterprises")?.value, 45)
    }

    // MARK: state visits that talk about trade

    func testStateVisitsTalkingTradeAreNoMission() throws {
        let texts = [
            "President Lula of Brazil paid a state visit to China from April 12 to 15, and the two countries agreed to expand trade and investment.",
            "Foreign Minister Penny Wong travelled to Beijing on Dec 20 for talks with her counterpart on trade barriers and market access.",
            "Prime Minister Anwar Ibrahim headed to Tokyo on May 24 for an official visit focused on economic cooperation and investment.",
        ]
        for t in texts {
            let doc = try extract("Visit\n\n" + t, published: "2024-12-28")
            XCTAssertFalse(doc.events.contains { $0.type == .tradeMission }, t)
        }
    }

    func testAVisitWithABusinessDelegationStaysAMission() throws {
        let doc = try extract("""
        Visit

        During the official visit to Germany from June 18 to 22, the premier of Sichuan led a delegation of 60 enterprises to meet German buyers.
        """, published: "2024-06-25")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
    }

    // MARK: photo captions show the story's event

    func testACaptionJoinsTheStorysEvent() throws {
        let captions = [
            "The Lanzhou Investment and Trade Fair kicked off in Lanzhou on July 6, 2024. (Xinhua/Ma Xiping)",
            "Buyers attended the Lanzhou fair on July 6 to meet exhibitors from Gansu. [Photo provided to chinadaily.com.cn]",
            "The Lanzhou Investment and Trade Fair opens in Lanzhou on July 6, 2024. (Photo: Gansu Daily)",
        ]
        for c in captions {
            let doc = try extract("""
            Lanzhou fair

            \(c)

            The 30th Lanzhou Investment and Trade Fair opened in Lanzhou on July 6, with 1,200 exhibitors from 40 countries.
            """, published: "2024-07-08")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], c)
            XCTAssertTrue(doc.events.first?.evidence.contains { c.hasPrefix($0.text.prefix(20)) } ?? false, c)
        }
    }

    func testACaptionAloneStillReportsItsEvent() throws {
        let doc = try extract("""
        Measures

        Jiangxi province introduces measures to stabilize foreign trade on March 2. [Photo/Xinhua]

        Exporters in the province have resumed work, officials said.
        """, published: "2024-03-04")
        XCTAssertEqual(doc.events.map(\.type), [.policyMeasure])
    }

    // MARK: a measure of this news serves trade, business or jobs

    func testMeasuresOutsideTradeAreNoPolicyMeasure() throws {
        let texts = [
            "Steelmaking hub Handan had rolled out plans to curb sintering at some mills on Nov 3 because of smog, the city government said.",
            "The Chengdu government launched a campaign on April 2 to plant 10,000 trees along the river banks.",
            "Shenzhen issued new rules on May 8 on the parking of shared bicycles near metro stations, the city government said.",
        ]
        for t in texts {
            let doc = try extract("City news\n\n" + t, published: "2024-05-10")
            XCTAssertEqual(doc.events.map(\.type), [], t)
        }
    }

    func testTradeAndJobMeasuresStay() throws {
        let texts = [
            "The Hubei provincial government rolled out 15 measures on March 6 to help exporters keep orders and expand markets.",
            "The Shaanxi provincial government issued a notice on Feb 2 on measures to stabilize employment for college graduates.",
        ]
        for t in texts {
            let doc = try extract("Measures\n\n" + t, published: "2024-03-10")
            XCTAssertEqual(doc.events.map(\.type), [.policyMeasure], t)
        }
    }
}
