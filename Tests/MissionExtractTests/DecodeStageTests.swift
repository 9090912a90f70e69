import XCTest
@testable import MissionExtract

final class DecodeStageTests: XCTestCase {
    func rejection(_ bytes: [UInt8]) -> String? {
        do {
            _ = try TestRules.extractor.extract(ArticleInput(name: "x", body: bytes, source: .socket))
            return nil
        } catch { return error.reason }
    }

    func testRejectsEmptyBinaryAndBrokenInput() {
        XCTAssertEqual(rejection([]), "empty article: 0 bytes")
        XCTAssertEqual(rejection(Array(" \n\t \u{00A0}\n".utf8)), "empty article: only white space")
        XCTAssertEqual(rejection(Array("Guangxi delegation".utf8) + [0] + Array("more".utf8)), "binary content: NUL byte at offset 18")
        XCTAssertTrue(rejection(Array(repeating: [0x01, 0x02, 0x41], count: 50).flatMap { $0 })?.hasPrefix("binary content") == true)
        // Mostly invalid UTF-8 that also holds valid multi-byte characters: no single-byte charset fits.
        let broken: [UInt8] = Array("Trade fair “opened”".utf8) + Array(repeating: 0xFF, count: 40)
        XCTAssertTrue(rejection(broken)?.hasPrefix("invalid UTF-8") == true)
    }

    func testRepairsWindows1252AndStrayBytes() throws {
        let latin: [UInt8] = Array("Caf".utf8) + [0xE9] + Array(" exporters met in Orl".utf8) + [0xE9, 0x61, 0x6E, 0x73]
        let doc = try TestRules.extractor.extract(ArticleInput(name: "x", body: latin, source: .dir))
        XCTAssertEqual(doc.text, "Café exporters met in Orléans")
    }

    func testRepairsMojibake() throws {
        let doc = try runStages("The province‚Äôs plan: â€œgo outâ€ In¬†November, itâ€™s done\u{FFFD}.", through: "decode")
        XCTAssertEqual(doc.text, "The province’s plan: “go out” In November, it’s done.")
    }

    func testStripsHTMLAndReadsEnvelope() throws {
        let html = "<html><head><title>Fair opens</title><script>var x=1;</script></head><body><p>Exporters&nbsp;from Ningbo &amp; Wenzhou.</p><div>Second&#8217;s</div></body></html>"
        let doc = try runStages(html, through: "metadata")
        XCTAssertEqual(doc.text, "Exporters from Ningbo & Wenzhou.\n\nSecond’s")
        XCTAssertEqual(doc.title, "Fair opens")

        let envelope = #"{"title":"Hunan expo","published":"2023-05-04","body":"Line one.\nLine \"two\" \u00e9.","source_url":"http://x"}"#
        let env = try runStages(envelope, through: "metadata")
        XCTAssertEqual(env.text, "Line one.\nLine \"two\" é.")
        XCTAssertEqual(env.title, "Hunan expo")
        XCTAssertEqual(env.published, "2023-05-04")
        XCTAssertEqual(env.input.sourceURL, "http://x")
    }

    func testDropsPageFurniture() throws {
        let page = """
        Fujian firms head to Jakarta

        Caption drive: Workers load containers at a port in Fujian province. — Reuters

        By Li Ming

        On June 2, the Fujian Department of Commerce led 30 companies to Indonesia.
          • facebook
          • twitter
        Follow us on our channel for updates!
        Fujian , Indonesia , trade

        Related stories
        Another headline that is not part of the article
        """
        let doc = try runStages(page, through: "decode")
        XCTAssertEqual(doc.text, "Fujian firms head to Jakarta\n\nOn June 2, the Fujian Department of Commerce led 30 companies to Indonesia.")
    }

    /// Share buttons glued to the first word of the story ("Print PrintDelegations from …") are furniture;
    /// a story that starts with the same word in its own sense keeps it.
    func testShareButtonsBeforeTheStoryAreFurniture() throws {
        let doc = try runStages("Title\n\nPrint PrintDelegations from Jinan left for Japan on Feb 6.\n\nShare prices fell on Monday.", through: "decode")
        let text = doc.text
        XCTAssertTrue(text.contains("\nDelegations from Jinan left"), text)
        XCTAssertTrue(text.contains("Share prices fell"), text)
    }

    /// A headline list above the story ("Related News" in the page's navigation) drops only its own
    /// line; after the story it drops the rest.
    func testAHeadlineListBeforeTheStoryIsNavigation() throws {
        let page = """
        View shopping cart

        Related News

        Home » Metro » Society

        City offers aid to migrants wanting work

        The annual campaign to help people from outside Shanghai find jobs will be launched today with a job fair in Jiading District.

        Related News
        Another headline that is not part of the article
        """
        let text = try runStages(page, through: "decode").text
        XCTAssertTrue(text.contains("will be launched today with a job fair"), text)
        XCTAssertFalse(text.contains("Another headline"), text)
        XCTAssertFalse(text.contains("Related News"), text)
    }

    /// "The campaign" after a hiring drive is that drive.
    func testTheCampaignAfterAJobFairIsTheSameDrive() throws {
        let doc = try extract("Jobs\n\nThe annual government campaign to help migrants find jobs in Shanghai will be launched today with a job fair in Jiading District.\n\nThe campaign will run until the end of March with more than 40 job fairs for migrant workers across the city.", published: "2017-02-10")
        XCTAssertEqual(doc.events.map(\.type), [.recruitmentDrive])
    }
}

/// Callers tell one refusal from another by its code, not by its words.
final class RejectionCodeTests: XCTestCase {
    private func code(_ bytes: [UInt8]) -> ArticleRejection.Code? {
        do {
            _ = try TestRules.extractor.extract(ArticleInput(name: "x", body: bytes, source: .cli))
            return nil
        } catch {
            return error.code
        }
    }

    func testEachRefusalHasItsCode() {
        XCTAssertEqual(code([]), .empty)
        XCTAssertEqual(code(Array("   \n\t ".utf8)), .empty)
        XCTAssertEqual(code([0x41, 0x00, 0x42]), .binary)
        XCTAssertEqual(code(Array(#"{"title":"t"}"#.utf8)), .envelope)
        XCTAssertNil(code(Array("Zhejiang sent 40 firms to France.".utf8)))
    }

    func testRuleMistakesHaveTheirCode() {
        XCTAssertThrowsError(try RuleSet(files: [:])) { error in
            XCTAssertEqual((error as? RuleError)?.code, .missingFile, "\(error)")
        }
    }
}
