import Foundation
import XCTest
@testable import ZMQ

/// A fresh temp directory for ipc:// endpoints, removed when the test ends.
func makeTempDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("zmqtests-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

extension Array where Element == [UInt8] {
    var strings: [String] { map { String(decoding: $0, as: UTF8.self) } }
}

func bytes(_ string: String) -> [UInt8] { Array(string.utf8) }
