import XCTest
@testable import MissionExtract

final class RuleSetTests: XCTestCase {
    func testMissingAndBadFilesThrowWithLocation() {
        var files = TestRules.files
        files["triggers.tsv"] = nil
        XCTAssertThrowsError(try RuleSet(files: files)) { XCTAssertEqual(($0 as? RuleError)?.description, "triggers.tsv: missing rule file") }
        files = TestRules.files
        files["units.tsv"] = "# header\nenterprises\tcompanies\nwidgets\tthings\n"
        XCTAssertThrowsError(try RuleSet(files: files)) { XCTAssertEqual(($0 as? RuleError)?.description, "units.tsv:3: unknown unit 'widgets'") }
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
}
