import XCTest
@testable import MissionExtract

/// Trade fairs (named fairs, openings and closes) and deal tallies, in sentences written for these tests.
final class FairsDealsTests: XCTestCase {
    // MARK: named fairs and their close

    func testNamedFairWoundUpIsAFairThatEnded() throws {
        let doc = try extract("""
        Harbin fair ends

        The 33rd Harbin fair wound up in Harbin on Sunday, with 1,600 exhibitors from 40 countries and regions.
        """, published: "2024-05-22")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        XCTAssertNil(e.when.start)
        XCTAssertEqual(e.when.end, "2024-05-19")
        XCTAssertEqual(e.destinations.map(\.name), ["Harbin"])
    }

    func testExpoCameToACloseOnADate() throws {
        let doc = try extract("""
        Eurasia expo

        The eighth China-Eurasia Expo came to a close in Urumqi on June 30, drawing 2,000 companies.
        """, published: "2024-07-02")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeFair)
        XCTAssertEqual(e.when.end, "2024-06-30")
        XCTAssertEqual(e.count("enterprises"), 2000)
    }

    func testFairWhichConcludedInACity() throws {
        let doc = try extract("""
        Northeast Asia expo

        The 14th China-Northeast Asia Expo, which concluded in Changchun on Aug 28, saw 1,200 buyers attend.
        """, published: "2024-08-30")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeFair)
        XCTAssertEqual(e.when.end, "2024-08-28")
        XCTAssertEqual(e.count("people"), 1200)
    }

    func testFairThatKickedOffKeepsItsStart() throws {
        let doc = try extract("""
        Hannover

        Hannover Messe kicked off in Hanover on April 22, with 300 Chinese exhibitors among 4,000.
        """, published: "2024-04-23")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeFair)
        XCTAssertEqual(e.when.start, "2024-04-22")
        XCTAssertNil(e.when.end)
    }

    func testTwoMentionsOfANamedFairAreOneEvent() throws {
        let doc = try extract("""
        Hi-tech fair

        The 26th China Hi-Tech Fair concluded in Shenzhen on Nov 19, with 5,000 exhibitors.

        Organisers said the China Hi-Tech Fair drew 450,000 visitors over five days.
        """, published: "2024-11-21")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        XCTAssertEqual(doc.events.first?.evidence.count, 2)
    }

    /// A fair named as the setting of a signing is not the event: the deal is.
    func testDealSignedAtANamedFairIsADeal() throws {
        let doc = try extract("""
        Airline buys

        A Shanghai airline signed 12 purchase agreements worth $1.5 billion at the 7th CIIE on Tuesday.
        """, published: "2024-11-07")
        XCTAssertEqual(doc.events.map(\.type), [.deal])
    }

    /// Near miss: a fair named in a trade statistics report makes no event.
    func testFairAsABarometerInTradeDataIsNoEvent() throws {
        let doc = try extract("""
        Exports slow

        China's exports rose 2.1 percent in October, customs data showed, and analysts expect weaker orders at the Canton Fair.
        """, published: "2024-11-08")
        XCTAssertEqual(doc.events.count, 0)
    }

    // MARK: tallies of a fair

    func testFairTurnoverReachedIsItsOutcome() throws {
        let doc = try extract("""
        Xiamen fair

        The 24th CIFIT closed in Xiamen on Sept 11. The total turnover reached US$1.8 billion, organizers said.
        """, published: "2024-09-13")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.value, 1_800_000_000)
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.currency, "USD")
    }

    func testIntendedDealsAfterTheAmount() throws {
        let doc = try extract("""
        Import expo

        The China International Import Expo ended on Sunday with 60.2 billion U.S. dollars of tentative one-year intended deals.
        """, published: "2024-11-12")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeFair)
        XCTAssertEqual(e.outcomes.first?.kind, "intended_deals")
        XCTAssertEqual(e.outcomes.first?.amount?.value, 60_200_000_000)
    }

    func testAmountInDealsSigned() throws {
        let doc = try extract("""
        Commodity fair

        The four-day East China Fair ended in Shanghai on Friday with $1.9 billion in deals signed.
        """, published: "2024-03-04")
        XCTAssertEqual(doc.events.first?.type, .tradeFair)
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.value, 1_900_000_000)
    }

    func testDelegationTransactionVolume() throws {
        let doc = try extract("""
        Wenzhou at the fair

        The Wenzhou business delegation realized a transaction volume of 85 million U.S. dollars at the fair in Guangzhou.
        """, published: "2024-05-06")
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.value, 85_000_000)
    }

    func testBuyersAndVisitorsArePeople() throws {
        let doc = try extract("""
        Yiwu fair

        The Yiwu fair opened in Yiwu on Oct 21. More than 25,000 overseas buyers from 150 countries attended.
        """, published: "2024-10-22")
        XCTAssertEqual(doc.events.first?.count("people"), 25000)
    }

    // MARK: signed projects and contracts

    func testSigningOfProjectsWorthIsOneOutcome() throws {
        let doc = try extract("""
        Expo results

        The China-Arab States Expo facilitated the signing of a total of 45 projects worth $3.2 billion, organizers said on Sunday.
        """, published: "2024-09-01")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.outcomes.count, 1)
        XCTAssertEqual(e.outcomes.first?.amount?.value, 3_200_000_000)
        XCTAssertEqual(e.outcomes.first?.count?.value, 45)
        XCTAssertNil(e.count("projects"))
    }

    func testProjectsWorthWereSigned() throws {
        let doc = try extract("""
        Guizhou signing

        Guizhou province said 62 investment projects worth 80 billion yuan were signed in Guiyang on May 26.
        """, published: "2024-05-27")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .deal)
        XCTAssertEqual(e.outcomes.first?.count?.value, 62)
        XCTAssertEqual(e.outcomes.first?.amount?.currency, "CNY")
    }

    func testAgreementsWereSignedAsACount() throws {
        let doc = try extract("""
        Forum deals

        At the forum in Kunming on March 8, a total of 37 cooperation agreements were signed between firms from Yunnan and Laos.
        """, published: "2024-03-10")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .deal)
        XCTAssertEqual(e.outcomes.first?.count?.value, 37)
    }

    /// Near miss: projects presented, not signed, are what the event is about, not its outcome.
    func testProjectsPresentedStayParticipants() throws {
        let doc = try extract("""
        Roadshow

        Anhui province held an investment promotion roadshow in Singapore on Tuesday, presenting 40 projects.
        """, published: "2024-06-12")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.count("projects"), 40)
        XCTAssertTrue(e.outcomes.isEmpty)
    }
}

private extension MissionEvent {
    /// The participant count of a unit.
    func count(_ unit: String) -> Double? { participants.first { $0.unit == unit }?.count.value }
}

/// A fair's dates, its later mentions and its organizers.
final class FairReportTests: XCTestCase {
    func testDatelineGivesWayToTheCloseDate() throws {
        let doc = try extract("""
        Fair wraps up

        NANNING, Sept 28 (Xinhua) -- The 21st China-ASEAN Expo wrapped up in Nanning on Sept 27, with 3,000 exhibitors.
        """, published: "2024-09-28")
        XCTAssertEqual(doc.events.first?.when.end, "2024-09-27")
    }

    func testOpenedAndClosedDatesAreTheRun() throws {
        let doc = try extract("""
        Fair run

        The Yiwu fair opened on Oct 21 and closed on Oct 24 in Yiwu, with 2,800 booths and 1,900 exhibitors.
        """, published: "2024-10-25")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.when.start, "2024-10-21")
        XCTAssertEqual(e.when.end, "2024-10-24")
    }

    func testBuyersVisitedTheFairJoinTheFair() throws {
        let doc = try extract("""
        Fair attendance

        The East China Fair closed in Shanghai on March 4.

        Some 17,500 overseas buyers visited the four-day fair, said organizer Shanghai Municipal Commission of Commerce.
        """, published: "2024-03-05")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.participants.first { $0.unit == "people" }?.count.value, 17500)
        XCTAssertEqual(e.organizer.map(\.name), ["Shanghai Municipal Commission of Commerce"])
    }

    func testFiveDayEventPointsBackToTheFair() throws {
        let doc = try extract("""
        Expo ends

        The China-South Asia Expo concluded in Kunming on Aug 21.

        Deals worth 9 billion yuan were signed during the five-day event.
        """, published: "2024-08-22")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.value, 9_000_000_000)
    }

    func testJointOrganizersAreAllRead() throws {
        let doc = try extract("""
        Expo hosts

        Jointly organized by the Ministry of Commerce and the Hainan provincial government, the China International Consumer Products Expo opened in Haikou on April 13.
        """, published: "2024-04-14")
        let names = doc.events.first?.organizer.map(\.name) ?? []
        XCTAssertEqual(names.count, 2, "\(names)")
    }
}

/// Amounts in the currencies and spellings of trade news.
final class AmountFormTests: XCTestCase {
    private func amounts(_ text: String) throws -> [(Double, String)] {
        let doc = try runStages("Deals\n\n" + text, through: "entities")
        return doc.entityList.compactMap { if case .money(let a) = $0.1 { return (a.value, a.currency) } else { return nil } }
    }

    func testDollarFormsWithAPrefixAreTheirOwnCurrency() throws {
        let found = try amounts("Firms signed deals worth HK$2.5 billion, S$400 million and NT$1.2 billion.")
        XCTAssertEqual(found.map(\.1), ["HKD", "SGD", "TWD"])
        XCTAssertEqual(found.first?.0, 2_500_000_000)
    }

    /// "US$" and "HK$" are currencies, not the United States or Hong Kong.
    func testCurrencyPrefixIsNoPlace() throws {
        let doc = try runStages("Deals\n\nIntended deals totalled US$4.1 billion and HK$900 million.", through: "entities")
        XCTAssertFalse(doc.entityList.contains { if case .place = $0.1 { return true } else { return false } })
        XCTAssertEqual(try amounts("Intended deals totalled US$4.1 billion and HK$900 million.").map(\.1), ["USD", "HKD"])
    }

    func testCurrencyNamesAfterTheAmount() throws {
        let found = try amounts("Orders reached 800 million baht, 3 billion roubles and 2.1 trillion rupiah.")
        XCTAssertEqual(found.map(\.1), ["THB", "RUB", "IDR"])
    }

    /// "won" is Korean money only after a magnitude; "12 won contracts" is a verb.
    func testWonNeedsAMagnitude() throws {
        XCTAssertEqual(try amounts("Contracts worth 1.5 trillion won were signed.").map(\.1), ["KRW"])
        XCTAssertTrue(try amounts("Of the 30 firms at the fair, 12 won contracts.").isEmpty)
    }
}

final class SpacedMagnitudeTests: XCTestCase {
    func testSpacedBnAndMlnAreMagnitudes() throws {
        let doc = try runStages("Deals\n\nOrders worth 3.5 bn yuan and contracts of $10.3 bn were signed, plus 450 mln euros.", through: "entities")
        let values = doc.entityList.compactMap { if case .money(let a) = $0.1 { return a.value } else { return nil } }
        XCTAssertEqual(values, [3_500_000_000, 10_300_000_000, 450_000_000])
    }
}

/// Outcomes of a trip, and tallies with their counts.
final class TripOutcomeTests: XCTestCase {
    func testOrdersFromTheDelegationsHomeAreTheTripsOutcome() throws {
        let doc = try extract("""
        Hubei delegation back

        Hubei province organized an economic and trade delegation to Vietnam and Thailand from May 5 to 12. Orders valued at more than 1.2 billion yuan were contracted for export from Hubei.
        """, published: "2024-05-15")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.value, 1_200_000_000)
    }

    /// Near miss: a tally with an agent of its own is its own deal.
    func testOrdersOfAnotherProvinceAreTheirOwnDeal() throws {
        let doc = try extract("""
        Two provinces

        Hubei province organized an economic and trade delegation to Vietnam and Thailand from May 5 to 12. Hunan province signed orders worth 900 million yuan with Malaysian buyers on May 9.
        """, published: "2024-05-15")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission, .deal])
    }

    func testDealsWithInvestmentsGrossing() throws {
        let doc = try extract("""
        Jiangxi in Singapore

        Jiangxi province saw 15 deals with investments grossing $800 million inked in Singapore on May 3.
        """, published: "2024-05-06")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .deal)
        XCTAssertEqual(e.outcomes.first?.amount?.value, 800_000_000)
        XCTAssertEqual(e.outcomes.first?.count?.value, 15)
    }
}

/// A named fair that is only the setting or the object of another action.
final class FairSettingTests: XCTestCase {
    func testPromotionToursForAFairAreAMission() throws {
        let doc = try extract("""
        Expo promoted abroad

        From June 3 to 10, the secretary-general of the China-ASEAN Expo led a team to hold three promotion events for the 21st China-ASEAN Expo in Jakarta and Bangkok.
        """, published: "2024-06-14")
        XCTAssertEqual(doc.events.map(\.type), [.tradeMission])
        XCTAssertEqual(doc.events.first?.activities.contains("trade_promotion"), true)
    }

    func testSigningBeforeTheOpeningOfAFairIsADeal() throws {
        let doc = try extract("""
        Early orders

        Before the official opening of the CIIE on Tuesday, a Beijing trading company signed purchase agreements worth $600 million with 12 suppliers.
        """, published: "2024-11-06")
        XCTAssertEqual(doc.events.map(\.type), [.deal])
    }

    func testBracketedAbbreviationKeepsTheSetting() throws {
        let doc = try extract("""
        First day

        Deals worth 8 billion yuan were signed on the first day of the 21st China-ASEAN Expo (CAEXPO) in Nanning on Sept 24.
        """, published: "2024-09-25")
        XCTAssertEqual(doc.events.map(\.type), [.deal])
    }

    /// Near miss: a phase or session "of" the fair is the fair itself.
    func testSecondPhaseOfTheFairIsTheFair() throws {
        let doc = try extract("""
        Phase two

        The second phase of the 135th Canton Fair opened in Guangzhou on April 23, with 9,000 exhibitors.
        """, published: "2024-04-24")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        XCTAssertEqual(doc.events.first?.when.start, "2024-04-23")
    }
}

/// Who hosts a fair and where, as news reports name them.
final class FairHostTests: XCTestCase {
    func testHostNamedAfterTheOrganisation() throws {
        let doc = try extract("""
        Fujian expo

        The Fujian consumer expo opened in Fuzhou on May 18 with 800 exhibitors, according to the Fujian Provincial Department of Commerce, the host of the fair.
        """, published: "2024-05-19")
        XCTAssertEqual(doc.events.first?.organizer.map(\.name), ["Fujian Provincial Department of Commerce"])
    }

    func testVenueAfterChinasPossessive() throws {
        let doc = try extract("""
        Branded goods fair

        A Guangdong branded products fair opened on Friday in China's Hong Kong Special Administrative Region, with 350 exhibitors.
        """, published: "2024-06-08")
        XCTAssertEqual(doc.events.first?.destinations.map(\.code), ["HK"])
    }
}

/// Single contracts with the amount before the noun, and signings that did not happen.
final class ContractAmountTests: XCTestCase {
    func testSignedADollarAmountContract() throws {
        for sentence in [
            "Two Laotian firms signed a US$1.4 billion contract with Yunnan Construction Group on Monday to build a railway depot.",
            "On Friday, a Penang electronics maker inked an RM80 million supply deal with a Shenzhen firm.",
            "Guangxi Beibu Gulf Port Group sealed a $350 million agreement with a Vietnamese shipper in Hanoi on May 2.",
        ] {
            let doc = try extract("Contract\n\n" + sentence, published: "2024-05-08")
            XCTAssertEqual(doc.events.map(\.type), [.deal], sentence)
            XCTAssertNotNil(doc.events.first?.outcomes.first?.amount, sentence)
        }
    }

    /// Near miss: "neither had signed" reports that nothing was signed.
    func testNeitherHadSignedIsNoDeal() throws {
        let doc = try extract("""
        Newcomers

        Neither firm had signed any contracts at earlier editions of the fair.
        """, published: "2024-05-08")
        XCTAssertTrue(doc.events.isEmpty)
    }
}

/// Other verbs of agreement: struck, reached, MoUs; fairs "held by" their hosts.
final class AgreementVerbTests: XCTestCase {
    func testStruckReachedAndMoUsAreDeals() throws {
        for sentence in [
            "Zhejiang firms struck deals worth 300 million yuan with Brazilian buyers in Sao Paulo on Oct 3.",
            "Shandong province signed five MoUs on logistics with Kazakh partners in Almaty on June 12.",
            "In Chengdu on Sept 3, 12 cooperation agreements were reached between Sichuan and Laotian companies.",
        ] {
            let doc = try extract("Agreements\n\n" + sentence, published: "2024-10-08")
            XCTAssertEqual(doc.events.map(\.type), [.deal], sentence)
        }
    }

    func testFairHeldByItsHosts() throws {
        let doc = try extract("""
        Expo hosts

        The China-Eurasia Expo, jointly held by the Ministry of Commerce and the Xinjiang Uygur Autonomous Region government, opened in Urumqi on June 26.
        """, published: "2024-06-27")
        XCTAssertEqual(doc.events.first?.organizer.count, 2)
    }
}

/// Signings with the amount between the count and the verb, and sales secured at a fair.
final class LongSigningTests: XCTestCase {
    func testProjectsWithACombinedInvestmentWereSigned() throws {
        let doc = try extract("""
        Expo signings

        A total of 240 projects with a combined investment of 71.3 billion yuan were signed at the 9th China-Russia Expo in Harbin.
        """, published: "2024-05-21")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .deal)
        XCTAssertEqual(e.outcomes.first?.count?.value, 240)
        XCTAssertEqual(e.outcomes.first?.amount?.value, 71_300_000_000)
    }

    func testSalesSecuredAtAFair() throws {
        let doc = try extract("""
        Thai exhibitors

        Thai companies secured potential sales worth 2.4 billion baht at the China-ASEAN Expo in Nanning, the commerce ministry said on Tuesday.
        """, published: "2024-09-30")
        XCTAssertEqual(doc.events.map(\.type), [.deal])
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.currency, "THB")
    }
}

/// Deals signed by those who attended a named fair, and the venue a fair's name gives.
final class FairAttendanceTests: XCTestCase {
    func testAttendedANamedFairAndSignedDeals() throws {
        for sentence in [
            "Some 45 Anhui firms attended the 21st China-ASEAN Expo in Nanning from Sept 24 to 28 and signed deals worth 1.6 billion yuan.",
            "A group of 30 Shaanxi companies took part in the 7th CIIE in Shanghai on Nov 5 and inked purchase agreements worth $220 million.",
            "Jiangxi exporters attended the Canton Fair in Guangzhou from Oct 15 to 19, signing orders valued at 90 million U.S. dollars.",
        ] {
            let doc = try extract("Fair outcome\n\n" + sentence, published: "2024-11-20")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], sentence)
            XCTAssertNotNil(doc.events.first?.outcomes.first?.amount, sentence)
        }
    }

    func testPlaceInAFairsNameIsItsVenue() throws {
        let doc = try extract("""
        Harbin fair

        The 33rd Harbin International Economic and Trade Fair closed on June 10 with intended deals of 3.1 billion yuan.
        """, published: "2024-06-11")
        XCTAssertEqual(doc.events.first?.destinations.map(\.name), ["Harbin"])
    }
}

/// Targets are not deals.
final class DealTargetTests: XCTestCase {
    func testAimingToSignIsNoDeal() throws {
        for sentence in [
            "Suzhou will hold 40 investment promotion events this year, aiming to sign contracts with a total investment of 90 billion yuan.",
            "The city strives to sign projects worth more than 50 billion yuan by the end of June.",
            "Ningbo exporters are targeting to win orders worth 2 billion U.S. dollars at overseas fairs in the first half.",
        ] {
            let doc = try extract("Targets\n\n" + sentence, published: "2024-01-10")
            XCTAssertFalse(doc.events.contains { $0.type == .deal }, sentence)
        }
    }

    /// Near miss: a signing that happened, in the same words.
    func testSignedContractsAreADeal() throws {
        let doc = try extract("""
        Signed

        Suzhou signed contracts with a total investment of 90 billion yuan at an investment promotion event on Jan 8.
        """, published: "2024-01-10")
        XCTAssertEqual(doc.events.map(\.type), [.deal])
    }
}

/// Totals in trade statistics are no deals; beside a fair they are its tally.
final class StatisticsTotalTests: XCTestCase {
    func testTradeTurnoverAndOrderTotalsAreNoDeals() throws {
        let doc = try extract("""
        Trade figures

        Sino-Kazakh trade turnover reached 41 billion U.S. dollars in 2023, customs data showed.

        New export orders totaled 3 billion dollars in April. The transaction value of online retail hit 1.2 trillion yuan in the first quarter.

        Customs figures show Guangdong's exports ended the year 5 percent higher.
        """, published: "2024-05-09")
        XCTAssertTrue(doc.events.isEmpty, "\(doc.events.map(\.type))")
    }

    func testTotalTurnoverAfterAFairIsItsTally() throws {
        let doc = try extract("""
        Fair tally

        The 26th Harbin fair came to a close on June 9. The total turnover reached 2.2 billion yuan, down 3 percent.
        """, published: "2024-06-10")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        XCTAssertEqual(doc.events.first?.outcomes.first?.amount?.value, 2_200_000_000)
    }
}

/// Exhibitors showing goods at a fair, and a closing fair's count of deals.
final class FairShowcaseTests: XCTestCase {
    func testShowcasedAtANamedFair() throws {
        for sentence in [
            "More than 900 Chinese companies showcased products at CES 2025 in Las Vegas from Jan 7 to 10.",
            "Some 120 Zhejiang firms displayed furniture at Ambiente in Frankfurt from Feb 7 to 11.",
        ] {
            let doc = try extract("Show\n\n" + sentence, published: "2025-02-15")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], sentence)
        }
    }

    /// Near miss: achievements showcased at a summit, an exhibition visited by a leader.
    func testShowcasedAtASummitIsNoFair() throws {
        let doc = try extract("""
        Summit

        China showcased its achievements at the summit in Beijing on May 3 with 20 leaders. Premier Li visited an exhibition on poverty relief in Beijing on May 4.
        """, published: "2024-05-06")
        XCTAssertFalse(doc.events.contains { $0.type == .tradeFair })
    }

    func testClosingFairCountsItsDeals() throws {
        let doc = try extract("""
        Services fair

        The China International Fair for Trade in Services wrapped up in Beijing on Sept 16 with more than 850 deals reached.
        """, published: "2024-09-17")
        XCTAssertEqual(doc.events.first?.outcomes.first?.count?.value, 850)
    }
}

/// A named fair's history is no event.
final class FairHistoryTests: XCTestCase {
    func testHistoryOfANamedFairIsNoEvent() throws {
        for sentence in [
            "Founded in 1957, the Canton Fair is China's largest and oldest trade fair.",
            "The China-ASEAN Expo, first held in 2004, is a platform for regional cooperation.",
            "Launched in 2018, the CIIE is the world's first import-themed national-level expo.",
            "Since 2013, the China-South Asia Expo has drawn more than 18,000 companies.",
        ] {
            let doc = try extract("Background\n\n" + sentence, published: "2024-04-01")
            XCTAssertTrue(doc.events.isEmpty, sentence)
        }
    }

    /// Near miss: this year's edition, with its own date, is news.
    func testThisYearsEditionIsAnEvent() throws {
        let doc = try extract("""
        This year

        The 2024 China-South Asia Expo opened in Kunming on July 23, drawing 2,000 companies.
        """, published: "2024-07-24")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
    }
}

/// The "China (country)" fairs held abroad.
final class ChinaCountryFairTests: XCTestCase {
    func testChinaCountryTradeFairAbroad() throws {
        for sentence in [
            "The China (Turkey) Trade Expo opened in Istanbul on Nov 27, with 1,000 Chinese exhibitors.",
            "More than 600 Chinese firms took part in the 10th China (Poland) Trade Fair in Warsaw from June 4 to 6.",
        ] {
            let doc = try extract("Abroad\n\n" + sentence, published: "2024-12-01")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], sentence)
        }
    }
}

/// A trip's count of what it signed.
final class TripCountTests: XCTestCase {
    func testDelegationSigningProjectsCountsThem() throws {
        let doc = try extract("""
        Sichuan in Laos

        A Sichuan economic and trade delegation visited Laos and Cambodia from May 6 to 12, signing 24 cooperation projects.
        """, published: "2024-05-15")
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.type, .tradeMission)
        XCTAssertEqual(e.outcomes.first?.count?.value, 24)
        XCTAssertNil(e.participants.first { $0.unit == "projects" })
    }
}

/// What an article says of its fair further on, and its preview figures.
final class FairArticleTests: XCTestCase {
    /// Sentences that name no fair of their own and no other organizer, far from the fair's first
    /// mention, are about that fair: its attendance, its history, one exhibitor's presence.
    func testLaterSentencesWithoutTheirOwnFairAreTheArticlesFair() throws {
        let doc = try extract("""
        Expo opens

        The 7th China-South Asia Expo opened in Kunming on Friday.

        Officials from the two sides spoke at the opening ceremony. The event focuses on green energy and tourism.

        Organisers said the host city had improved its airport. Several new hotels opened this year.

        More than 25,000 traders and buyers from 60 countries and regions are attending the fair.
        """, published: "2024-07-20")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair])
        let e = try XCTUnwrap(doc.events.first)
        XCTAssertEqual(e.participants.first { $0.unit == "people" }?.count.value, 25000)
        XCTAssertEqual(e.participants.first { $0.unit == "countries" }?.count.value, 60)
    }

    /// A later mention dated at another precision ("this year", a photo's day inside the run) is the same fair.
    func testAMentionDatedThisYearOrInsideTheRunIsTheSameFair() throws {
        for later in [
            "The CIFTIS this year has attracted more than 12,000 enterprises from 150 countries.",
            "Photo taken on Sept. 5, 2021 shows visitors at the CIFTIS, which has attracted more than 12,000 enterprises from 150 countries.",
        ] {
            let doc = try extract("""
            Services fair

            The six-day 2021 China International Fair for Trade in Services (CIFTIS) is coming to a close on Tuesday in Beijing.

            Organisers said the fair had drawn big crowds over the weekend.

            \(later)
            """, published: "2021-09-07")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], later)
            let e = try XCTUnwrap(doc.events.first)
            XCTAssertEqual(e.when.end, "2021-09-07", later)
            XCTAssertEqual(e.participants.first { $0.unit == "enterprises" }?.count.value, 12000, later)
        }
    }

    /// Two fairs named in one article stay two events.
    func testAnotherNamedFairStaysItsOwnEvent() throws {
        let doc = try extract("""
        Two fairs

        The 7th China-South Asia Expo opened in Kunming on Friday.

        Meanwhile, the 33rd Harbin fair wound up in Harbin on Sunday with 1,600 exhibitors.
        """, published: "2024-07-22")
        XCTAssertEqual(doc.events.map(\.type), [.tradeFair, .tradeFair])
    }

    /// What a fair "is expected to attract" is its preview's figure; the same hedge elsewhere is no event.
    func testAFairsExpectedAttendanceIsItsFigure() throws {
        let doc = try extract("""
        Expo preview

        The five-day China-Eurasia Expo, which opens in Urumqi on Thursday, is expected to attract more than 1,500 exhibitors from 40 countries and regions.
        """, published: "2024-06-24")
        let e = try XCTUnwrap(doc.events.first { $0.type == .tradeFair })
        XCTAssertEqual(e.participants.first { $0.unit == "countries" }?.count.value, 40)
        let hedge = try extract("Outlook\n\nExporters are expected to sign more orders next year, a researcher said.", published: "2024-06-24")
        XCTAssertEqual(hedge.events.map(\.type), [])
    }
}

final class SigningFormTests: XCTestCase {
    /// Deals in the gerund and with the agreement's title in quotes.
    func testSigningAgreementsInEveryForm() throws {
        for sentence in [
            "The forum saw the Jilin provincial government and China Railway Group signing a cooperation framework agreement on Friday.",
            "On March 23, the Jiangxi Provincial Department of Commerce and the Macao Institute signed the \"Strategic Cooperation Agreement\" in Macao.",
            "Chinese buyers agreed to buy goods and services worth US$12 billion from foreign exhibitors at the expo.",
        ] {
            let doc = try extract("Deals\n\n" + sentence, published: "2024-03-25")
            XCTAssertFalse(doc.events.isEmpty, sentence)
        }
    }

    /// A body named second of two parties that signed is an organizer too.
    func testTheSecondPartyThatSignedIsAnOrganizer() throws {
        for sentence in [
            "On May 8, the Secretariat of the Forum Macao and the Hunan Provincial Department of Commerce signed a cooperation framework agreement in Macao.",
            "The Pakistan Business Council and the Xinjiang Department of Commerce inked a memorandum on trade promotion on Friday.",
        ] {
            let doc = try extract("Deals\n\n" + sentence, published: "2024-05-12")
            XCTAssertEqual(doc.events.map(\.type), [.deal], sentence)
            XCTAssertTrue(doc.events.first?.organizer.contains { $0.name.contains("Department of Commerce") } == true, sentence)
        }
    }

    /// An institute's name is no commentary; an institute's voice is.
    func testAnInstitutesVoiceIsCommentaryItsNameIsNot() throws {
        let voice = try extract("Outlook\n\nChinese firms signed more export orders in May, the Development Research Institute said in a report on Monday.", published: "2024-06-12")
        XCTAssertEqual(voice.events.map(\.type), [])
        let name = try extract("Deals\n\nThe Guangdong Provincial Department of Commerce and the Macao Trade and Investment Promotion Institute signed a cooperation agreement on Monday.", published: "2024-06-12")
        XCTAssertEqual(name.events.map(\.type), [.deal])
        XCTAssertEqual(name.events.first?.organizer.first?.name, "Guangdong Provincial Department of Commerce")
    }
}

final class CompassPlaceTests: XCTestCase {
    /// Xinhua's "in east China's Jiangsu Province": the compass word before a place is no stop.
    func testAFairInACompassPlaceHasItsVenue() throws {
        for (sentence, venue) in [
            ("The Eurasia Commodity and Trade Expo opened in northwest China's Xinjiang Uygur Autonomous Region on Thursday.", "Xinjiang"),
            ("The Investment and Trade Fair, which kicked off in northwestern China's Gansu Province on Friday, drew 3,000 exhibitors.", "Gansu"),
            ("The expo opened in east China's Jiangsu Province on Thursday.", "Jiangsu"),
            ("The expo kicked off in the southwestern city of Chongqing on Thursday.", "Chongqing"),
        ] {
            let doc = try extract("Fairs\n\n" + sentence, published: "2023-08-20")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], sentence)
            XCTAssertEqual(doc.events.first?.destinations.map(\.name), [venue], sentence)
        }
    }

    /// A stored page's leading date label is the publication date, not the date of the story that
    /// runs on after it on the same line.
    func testTheStoredDateLabelIsNoEventDate() throws {
        let doc = try extract(" date 2023-08-20 The Eurasia Commodity and Trade Expo, which opened in northwest China's Xinjiang on Thursday, drew 2,000 exhibitors.\n\nThe expo ends on Monday.\n")
        XCTAssertEqual(doc.published, "2023-08-20")
        XCTAssertEqual(doc.events.first?.when.start, "2023-08-17")
    }
}

final class TripBeforeDealsTests: XCTestCase {
    /// A delegation's trip abroad named before the deals it made keeps them as its outcome, also
    /// when the two are named with equal weight.
    func testDealsMadeOnATripAreItsOutcome() throws {
        for sentence in [
            "Recently, a trade delegation consisting of 59 foreign trade enterprises from southeast China's Fujian province attended the ISPO Munich, a leading trade show in Germany, and made over $300 million of intended deals.",
            "A delegation of 30 companies from Ningbo went to Milan, Italy, last week and reached intended deals of 20 million US dollars.",
        ] {
            let doc = try extract("Trips\n\n" + sentence, published: "2022-12-20")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], sentence)
            XCTAssertFalse(doc.events.first?.outcomes.isEmpty ?? true, sentence)
        }
        // no trip abroad: the deals stand alone
        let home = try extract("Deals\n\nA delegation of Shanghai buyers reached intended deals worth 20 million yuan with local firms on Monday.", published: "2022-12-20")
        XCTAssertEqual(home.events.map(\.type), [.deal])
    }
}

final class ExpositionTests: XCTestCase {
    /// "Exposition" names a fair as "Expo" does, also with its abbreviation in brackets before the verb.
    func testAnExpositionThatStartedIsAFair() throws {
        try assertEventTypes([
            "Eighty-three Chinese companies are scouting for deals at the third China-Kenya Industrial Capacity Cooperation Exposition (China-Kenya Expo) which started in Nairobi on Monday.",
            "The China-Arab States Exposition, which opened in Yinchuan on Thursday, drew 1,500 exhibitors.",
            "The International Machinery Exposition began in Jakarta on Monday with 300 Chinese exhibitors.",
            "The Hefei Trade Fair (HTF), which kicked off on Monday in Hefei, drew 2,000 exhibitors.",
        ], heading: "Fairs", published: "2023-08-20", are: [.tradeFair])
        let first = try extract("Fairs\n\nEighty-three Chinese companies are scouting for deals at the third China-Kenya Industrial Capacity Cooperation Exposition (China-Kenya Expo) which started in Nairobi on Monday.", published: "2023-08-20")
        XCTAssertEqual(first.events.first?.participants.first { $0.unit == "enterprises" }?.count.value, 83)
    }

    /// Tens and units joined by a hyphen are one number.
    func testHyphenatedNumberWords() throws {
        let doc = try runStages("Counts\n\nTwenty-one firms from Ningbo and ninety-nine from Wenzhou went to Japan.", through: "entities")
        let counts = doc.entities.compactMap { e -> Double? in if case .count(let v, _, _) = e.value { return v } else { return nil } }
        XCTAssertEqual(counts, [21, 99])
    }
}

final class FairWhichOpenedTests: XCTestCase {
    /// "a domestic trade fair, which was opened here Saturday": a fair named in lower case with its
    /// opening or closing in a relative clause; "closed in Nanning on Sunday": the venue, though the
    /// closing's date cue takes the "in".
    func testAFairWhichOpenedOrClosedIsAFairWithItsVenue() throws {
        for sentence in [
            "The regional expo, which closed in Nanning on Sunday, drew 2,000 exhibitors.",
            "The expo closed in Nanning on Sunday.",
            "A domestic trade fair, which was opened in Urumqi on Saturday, drew 1,200 companies from 20 provinces.",
        ] {
            let doc = try extract("Fairs\n\n" + sentence, published: "2023-08-21")
            XCTAssertEqual(doc.events.map(\.type), [.tradeFair], sentence)
            XCTAssertFalse(doc.events.first?.destinations.isEmpty ?? true, sentence)
        }
    }
}

final class CompaniesToAFairAbroadTests: XCTestCase {
    /// Companies of a Chinese place heading for a fair abroad are a trade mission to it; the fair's
    /// city after "the Russian city of" is its venue.
    func testCompaniesHeadingForAFairAbroadAreAMission() throws {
        for (sentence, venue) in [
            ("A total of 40 enterprises from south China's Guangdong Province are heading for the 7th China-Russia Expo to be held in the Russian city of Yekaterinburg from July 10 to 13.", "Yekaterinburg"),
            ("Some 25 companies from Ningbo travelled to the Big 5 Show held in Dubai from Dec 4 to 7.", "Dubai"),
        ] {
            let doc = try extract("Fairs\n\n" + sentence, published: "2023-07-08")
            XCTAssertEqual(doc.events.map(\.type), [.tradeMission], sentence)
            XCTAssertTrue(doc.events.first?.destinations.contains { $0.name == venue } ?? false, sentence)
        }
        // a fair at home stays a fair
        let home = try extract("Fairs\n\nA total of 40 enterprises from Guangdong are heading for the Canton Fair to be held in Guangzhou from April 15.", published: "2023-04-08")
        XCTAssertEqual(home.events.map(\.type), [.tradeFair])
    }
}
