import XCTest
@testable import MissionExtract

final class RuleSetTests: XCTestCase {
    func testMissingAndBadFilesThrowWithLocation() {
        var files = TestRules.files
        files["triggers.tsv"] = nil
        XCTAssertThrowsError(try RuleSet(files: files)) { XCTAssertEqual(($0 as? RuleError)?.description, "triggers.tsv: missing rule file") }
        files = TestRules.files
        files["units.tsv"] = "# header\nenterprises\tcompanies\nwidgets\tthings\n"
        XCTAssertThrowsError(try RuleSet(files: files)) { XCTAssertEqual(($0 as? RuleError)?.description,
            "units.tsv:3: unknown unit 'widgets' (allowed: enterprises, people, groups, officials, projects, countries, industries, trade_shows, contracts, posts)") }
        files = TestRules.files
        files["countries.tsv"] = "XX\tNowhere\ta\tb\tc\td\n"
        XCTAssertThrowsError(try RuleSet(files: files)) { XCTAssertEqual(($0 as? RuleError)?.description, "countries.tsv:1: expected 2–4 tab-separated columns, found 6") }
    }

    func testSmallGazetteerFixture() throws {
        var files = TestRules.files
        files["countries.tsv"] = "VN\tVietnam\tViet Nam\tVietnamese\nCN\tChina\t\tChinese\n"
        files["regions.tsv"] = "region:asean\tASEAN\t\t\n"
        files["cities_abroad.tsv"] = "Hanoi\tVN\t\n"
        files["china.tsv"] = "Guangxi\tprovince\tGuangxi\t\nNanning\tcity\tGuangxi\t\n"
        let extractor = Extractor(rules: try RuleSet(files: files))
        let doc = try extractor.extract(ArticleInput(name: "a", body: Array("On May 2, the Nanning Municipal Bureau of Commerce led 12 firms to Hanoi.".utf8), source: .cli, published: "2023-05-05"))
        XCTAssertEqual(doc.events.first?.destinations.map(\.code), ["VN"])
        XCTAssertEqual(doc.events.first?.origin.map(\.name), ["Nanning"])
    }

    /// The rule error for `files` with `name` replaced by `text`.
    private func loadError(_ name: String, _ text: String) -> String? {
        var files = TestRules.files
        files[name] = text
        do { _ = try RuleSet(files: files); return nil } catch { return error.description }
    }

    /// Every label a rule file writes is checked against the schema at load: an unknown one is
    /// refused with the file, the line and the values allowed there.
    func testUnknownLabelsAreRefusedWithFileLineAndAllowedValues() {
        XCTAssertEqual(loadError("triggers.tsv", "# types\ntrade_mission\t3\tdelegation\nexpedition\t3\tvoyage\n"),
                       "triggers.tsv:3: unknown event type 'expedition' (allowed: trade_mission, trade_fair, deal, policy_measure, recruitment_drive)")
        XCTAssertEqual(loadError("activities.tsv", "exhibition\tfair\nsightseeing\tsightseeing\n"),
                       "activities.tsv:2: unknown activity 'sightseeing' (allowed: exhibition, business_negotiation, investment_promotion, customer_visit, order_grabbing, trade_promotion, recruitment, factory_inspection, online_exhibition, supply_docking)")
        XCTAssertEqual(loadError("transport.tsv", "bus\tcoach\n"),
                       "transport.tsv:1: unknown transport 'bus' (allowed: charter_flight, scheduled_flight, shared_flight, rail, ship, none)")
        XCTAssertEqual(loadError("outcomes.tsv", "\n# kinds\nprofit\tprofit\n"),
                       "outcomes.tsv:3: unknown outcome kind 'profit' (allowed: orders, contract, projects, intended_deals, output_value, investment, jobs)")
        XCTAssertEqual(loadError("cues.tsv", "speech\tsaid\nrumour\treportedly\n"),
                       "cues.tsv:2: unknown cue kind 'rumour' (allowed: \(RuleSet.Cue.allCases.map(\.rawValue).joined(separator: ", ")))")
        XCTAssertEqual(loadError("anaphors.tsv", "every\tthis trip\n"),
                       "anaphors.tsv:1: unknown event type 'every' (allowed: any, trade_mission, trade_fair, deal, policy_measure, recruitment_drive)")
        XCTAssertEqual(loadError("organizations.tsv", "ngo\tRed Cross\n"),
                       "organizations.tsv:1: unknown kind 'ngo' (allowed: government, association, company, person, other, media)")
        XCTAssertEqual(loadError("qualifiers.tsv", "at_least\tat least\n"),
                       "qualifiers.tsv:1: unknown qualifier 'at_least' (allowed: more_than, about, up_to)")
        XCTAssertEqual(loadError("furniture.tsv", "footer\tContact us\n"),
                       "furniture.tsv:1: unknown kind 'footer' (allowed: share, tail, prefix, credit)")
    }

    /// lexicon.tsv: its set names are a closed list, every set must be there, and a set named for
    /// one word holds one.
    func testTheLexiconRefusesUnknownMissingAndOverfullSets() throws {
        let lexicon = try XCTUnwrap(TestRules.files["lexicon.tsv"])
        let unknown = try XCTUnwrap(loadError("lexicon.tsv", lexicon + "signing nouns\tsignature\n"))
        let line = lexicon.split(separator: "\n", omittingEmptySubsequences: false).count     // the added line's number
        XCTAssertTrue(unknown.hasPrefix("lexicon.tsv:\(line): unknown set 'signing nouns' (allowed: \"definite article\", \"preposition in\", "), unknown)
        XCTAssertTrue(unknown.contains("\"signing verbs\", \"audience verbs before 'by'\", \"venue words before 'in'\", "), unknown)

        let withoutVenues = lexicon.split(separator: "\n").filter { !$0.hasPrefix("venue words before 'in'\t") }.joined(separator: "\n")
        XCTAssertEqual(loadError("lexicon.tsv", withoutVenues), "lexicon.tsv: no words for set \"venue words before 'in'\"")

        XCTAssertEqual(loadError("lexicon.tsv", lexicon.replacingOccurrences(of: "preposition in\tin\n", with: "preposition in\tin|inside\n")),
                       "lexicon.tsv:8: set \"preposition in\" takes exactly one word, found 2")
        XCTAssertNil(loadError("lexicon.tsv", lexicon), "the shipped lexicon loads")
    }

    /// The lexicon is built into typed sets at load, matched in any case; a word added to the file
    /// is in its set with no change to the code.
    func testLexiconWordsReachTheStages() throws {
        var files = TestRules.files
        let store = try RuleSet(files: files).store
        XCTAssertTrue(store.lexicon.venueBeforeIn.contains(TokenKey.of("Staged")))
        XCTAssertFalse(store.lexicon.venueBeforeIn.contains(TokenKey.of("convened")))
        XCTAssertEqual(store.lexicon.weekdays.get(TokenKey.of("Wednesday")), 2)
        XCTAssertEqual(store.lexicon.durationDays.get(TokenKey.of("weeks")), 7)
        files["lexicon.tsv"] = files["lexicon.tsv"]! + "venue words before 'in'\tconvened\n"
        XCTAssertTrue(try RuleSet(files: files).store.lexicon.venueBeforeIn.contains(TokenKey.of("convened")))
    }
}
