import XCTest
@testable import MissionExtract

final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The Swift rounds give the same digests as the system's SHA-256, which SHA256.hex prefers.
    func testOwnRoundsMatchKnownVectors() {
        func rounds(_ text: String) -> String { SHA256.hexString(Array(text.utf8).withUnsafeBytes { SHA256.rounds($0) }) }
        XCTAssertEqual(rounds(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(rounds("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(rounds(String(repeating: "a", count: 55)), SHA256.hex(Array(String(repeating: "a", count: 55).utf8)))
        XCTAssertEqual(rounds(String(repeating: "a", count: 56)), SHA256.hex(Array(String(repeating: "a", count: 56).utf8)))
        XCTAssertEqual(rounds(String(repeating: "b", count: 1000)), SHA256.hex(Array(String(repeating: "b", count: 1000).utf8)))
    }

    func testArticleIDIsHashOfNormalisedText() throws {
        let doc = try runStages("Title line\n\nOn March 3, a delegation left.", through: "decode")
        XCTAssertEqual(doc.articleID, "sha256:" + SHA256.hex(Array(doc.text.utf8)))
    }
}
