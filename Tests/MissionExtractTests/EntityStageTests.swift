import XCTest
@testable import MissionExtract

final class EntityStageTests: XCTestCase {
    func entities(_ text: String, published: String? = "2023-03-20") throws -> [(String, EntityValue)] {
        try runStages(text, through: "entities", published: published).entityList
    }

    func testPlacesAndOrganizations() throws {
        let list = try entities("The Department of Commerce of Fujian Province and the Xiamen Municipal Bureau of Commerce led firms to Jakarta, the UAE and a European tour.")
        let names = list.compactMap { (w, v) -> String? in
            switch v {
            case .organization(let o, _, _): return "org:" + o.name
            case .place(let p, let adj): return (adj ? "adj:" : "place:") + TestRules.rules.store.places[Int(p)].code + ":" + w
            default: return nil
            }
        }
        XCTAssertEqual(names, ["org:Department of Commerce of Fujian Province", "org:Xiamen Municipal Bureau of Commerce",
                               "place:ID:Jakarta", "place:AE:UAE", "adj:region:europe:European"])
    }

    func testContextOrganizationsAndPeople() throws {
        let list = try entities("Guangxi sent firms abroad. It is the first trip led by the provincial commerce department and Vice Governor Liu Hong.")
        var orgs: [String] = [], people: [String] = []
        for (_, v) in list {
            if case .organization(let o, _, _) = v { orgs.append(o.name) }
            if case .person(let n, let t) = v { people.append("\(t ?? "") \(n)") }
        }
        XCTAssertEqual(orgs, ["Guangxi Provincial Department of Commerce"])
        XCTAssertEqual(people, ["Vice Governor Liu Hong"])
    }

    func testMoneyAndCounts() throws {
        let list = try entities("They signed deals worth 1.2 billion yuan (RM760mil) and $3.8 billion, plus US$70.72 billion, 200 million U.S. dollars, 58.6m euros and more than 100 companies, nearly 30,000 workers, up to eight groups, 40 people from 31 foreign trade companies, thousands of firms and 15% more.")
        var money: [String] = [], counts: [String] = []
        for (_, v) in list {
            if case .money(let a) = v { money.append("\(Int64(a.value)) \(a.currency)") }
            if case .count(let n, let q, let u?) = v { counts.append("\(Int(n)) \(q.rawValue) \(u)") }
        }
        XCTAssertEqual(money, ["1200000000 CNY", "3800000000 USD", "70720000000 USD", "200000000 USD", "58600000 EUR"])
        XCTAssertEqual(counts, ["100 more_than enterprises", "30000 about people", "8 up_to groups", "40 exact people", "31 exact enterprises"])
    }

    func testDatesAndDurations() throws {
        let text = "From December 9th to 18th and Oct 15-24, then from mid-December to mid-January next year, on July 10 this year, in May, by Nov 27. On the 21st a 7-day trip began, for a period of 9 days."
        var dates: [String] = [], durations: [Int] = []
        for (_, v) in try entities(text, published: "2022-12-26") {
            if case .date(let s, let e) = v { dates.append((s ?? "nil") + "/" + (e ?? "nil")) }
            if case .duration(let d) = v { durations.append(d) }
        }
        XCTAssertEqual(dates, ["2022-12-09/2022-12-18", "2022-10-15/2022-10-24", "2022-12/2023-01", "2022-07-10/nil",
                               "2022-05/nil", "2022-11-27/nil", "2022-11-21/nil"])
        XCTAssertEqual(durations, [7, 9])
        // Without a publication year, only month and day are known.
        let noYear = try entities("On July 10 this year a charter flight left.", published: "--12-07")
        XCTAssertTrue(noYear.contains { if case .date(let s, _) = $0.1 { return s == "--07-10" } else { return false } })
    }

    /// "On the 21st" counts from the date before it: the entity says so by a flag, not by its rule's name.
    func testTheNthIsMarkedRelative() throws {
        let doc = try runStages("The fair opened on December 9. On the 21st a trip began.", through: "entities", published: "2022-12-26")
        let marked = doc.entities.filter { if case .date = $0.value { return true } else { return false } }.map(\.relativeDay)
        XCTAssertEqual(marked, [false, true])
    }

    func dates(_ text: String, published: String?) throws -> [String] {
        try entities(text, published: published).compactMap { (w, v) -> String? in
            if case .date(let s, let e) = v { return w + "=" + (s ?? "") + (e.map { "/" + $0 } ?? "") }
            return nil
        }
    }

    func testRelativeDates() throws {
        // 2024-05-15 is a Wednesday
        XCTAssertEqual(try dates("The group left on Monday and returned on Wednesday, a week after last Wednesday.", published: "2024-05-15"),
                       ["Monday=2024-05-13", "Wednesday=2024-05-15", "Wednesday=2024-05-08"])
        XCTAssertEqual(try dates("The fair closed late last month; a second one opens next Friday.", published: "2024-01-10"),
                       ["last month=2023-12"])
        XCTAssertEqual(try dates("Buyers came last week.", published: "2024-03-04"), ["last week=2024-02"])
        // "the 3rd": the publication month when the day is not after it
        XCTAssertEqual(try dates("The plan runs until the end of June, and on the 3rd a job fair was held.", published: "2024-04-05"),
                       ["June=2024-06", "the 3rd=2024-04-03"])
        XCTAssertEqual(try dates("On April 20th a fair opened. On the 22nd, firms signed deals.", published: "2024-05-05"),
                       ["April 20th=2024-04-20", "the 22nd=2024-04-22"])
    }
}
