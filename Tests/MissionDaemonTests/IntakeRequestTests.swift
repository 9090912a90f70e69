import XCTest
@testable import MissionDaemon

final class IntakeRequestTests: XCTestCase {
    private func frames(_ strings: String...) -> [[UInt8]] { strings.map { Array($0.utf8) } }

    func testREQAndDealerEnvelopesAreSplitAtTheDelimiter() {
        let req = RouterMessage(frames: [[1, 2], []] + frames("name", "body"))
        XCTAssertEqual(req.envelope, [[1, 2], []])
        XCTAssertEqual(Array(req.payload), frames("name", "body"))
        XCTAssertEqual(req.reply(["ok", "id", "name"]), [[1, 2], []] + frames("ok", "id", "name"))

        let bare = RouterMessage(frames: [[9]] + frames("name", "body"))
        XCTAssertEqual(bare.envelope, [[9]])
        XCTAssertEqual(Array(bare.payload), frames("name", "body"))
    }

    func testAWellFormedArticleWithMetadata() {
        let request = IntakeRequest(payload: ArraySlice(frames("a.txt", "Some text.", #"{"published":"2022-12-26","source_url":"https://x/y","other":1}"#)),
                                    maxArticleBytes: 100)
        guard case .article(let input) = request else { return XCTFail("\(request)") }
        XCTAssertEqual(input.name, "a.txt")
        XCTAssertEqual(input.body, Array("Some text.".utf8))
        XCTAssertEqual(input.source, .socket)
        XCTAssertEqual(input.published, "2022-12-26")
        XCTAssertEqual(input.sourceURL, "https://x/y")
    }

    func testMalformedMessagesSayWhy() {
        let cases: [([[UInt8]], String)] = [
            (frames("only"), "2 or 3 frames"),
            (frames("a", "b", "{}", "d"), "2 or 3 frames"),
            ([[], Array("body".utf8)], "name"),
            ([[0xff, 0xfe], Array("body".utf8)], "name"),
            (frames("big", String(repeating: "x", count: 101)), "limit"),
            (frames("meta", "body", "[1]"), "metadata"),
            (frames("meta", "body", #"{"published": 5}"#), "published"),
        ]
        for (payload, word) in cases {
            guard case .malformed(_, let reason, _) = IntakeRequest(payload: ArraySlice(payload), maxArticleBytes: 100) else {
                XCTFail("accepted \(payload)")
                continue
            }
            XCTAssertTrue(reason.contains(word), "\(reason) should mention \(word)")
        }
    }
}
