import XCTest
@testable import MissionExtract

/// String(textBytes:) builds the document text in pieces; it must equal String(decoding:as:) exactly.
final class TextStringTests: XCTestCase {
    func testEqualsDecodingOnMixedAndBrokenInput() {
        let pieces: [[UInt8]] = [
            Array("é".utf8), Array("“".utf8), Array("中国".utf8), Array("😀".utf8), Array("\u{00A0}".utf8),
            [0xFF], [0x80], [0xE2, 0x80], [0xF0, 0x9F], [0xC3],           // ill-formed: repaired to U+FFFD
        ]
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {                                       // deterministic LCG
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<500 {
            var bytes: [UInt8] = []
            for _ in 0..<next(12) {
                if next(2) == 0 {
                    bytes += (0..<next(400)).map { _ in UInt8(32 + next(95)) }  // an ASCII run, often a long one
                } else {
                    bytes += pieces[next(pieces.count)]
                }
            }
            XCTAssertEqual(String(textBytes: bytes), String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(Array(String(textBytes: bytes).utf8), Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
        XCTAssertEqual(String(textBytes: []), "")
    }
}
