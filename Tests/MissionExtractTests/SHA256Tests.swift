import XCTest
@testable import MissionExtract

final class SHA256Tests: XCTestCase {
    /// The examples of FIPS 180-2 (appendix B and C of the SHA-256 part): one block, two blocks,
    /// the 896-bit message and a million "a" (15,625 blocks).
    func testFIPS180Vectors() {
        XCTAssertEqual(SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex(Array(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
                                         + "klmnopqrlmnopqrsmnopqrstnopqrstu").utf8)),
                       "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// Lengths at the padding's edges: 55 bytes pad into one block, 56 need a second; 64 is one
    /// whole block and a block of padding; 119 the longest tail still padded into two blocks.
    /// (Digests from Python's hashlib.)
    func testPaddingBoundaries() {
        func a(_ n: Int) -> [UInt8] { [UInt8](repeating: UInt8(ascii: "a"), count: n) }
        XCTAssertEqual(SHA256.hex(a(55)), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318")
        XCTAssertEqual(SHA256.hex(a(56)), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
        XCTAssertEqual(SHA256.hex(a(63)), "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34")
        XCTAssertEqual(SHA256.hex(a(64)), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
        XCTAssertEqual(SHA256.hex(a(65)), "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0")
        XCTAssertEqual(SHA256.hex(a(119)), "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb")
        XCTAssertEqual(SHA256.hex(a(120)), "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c")
    }

    /// The prefixed, shortened form the ids use ("evt_" and 16 hex digits) is the digest's start.
    func testPrefixedHex() {
        let message = Array("abc".utf8)
        XCTAssertEqual(message.withUnsafeBytes { SHA256.hex($0, prefix: "evt_", bytes: 8) }, "evt_ba7816bf8f01cfea")
        XCTAssertEqual(message.withUnsafeBytes { SHA256.hex($0, prefix: "sha256:") },
                       "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testArticleIDIsHashOfNormalisedText() throws {
        let doc = try runStages("Title line\n\nOn March 3, a delegation left.", through: "decode")
        XCTAssertEqual(doc.articleID, "sha256:" + SHA256.hex(Array(doc.text.utf8)))
    }
}
