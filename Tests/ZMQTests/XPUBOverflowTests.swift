import Foundation
import XCTest
@testable import ZMQ

/// The XPUB publisher: SUB clients are served as by PUB, a full subscriber is noticed, and
/// the others still get every message.
final class XPUBOverflowTests: XCTestCase {
    func testASlowSubscriberIsNoticedWhileAFastOneGetsEverything() throws {
        let context = try ZMQContext()
        let endpoint = "inproc://xpub-overflow-\(UUID().uuidString.prefix(8))"
        let publisher = try ZMQSocket(context: context, type: .xpub)
        defer { publisher.close() }
        try publisher.set(.linger(milliseconds: 0))
        try publisher.set(.sendHighWaterMark(2))
        try publisher.makeOverflowReporting()
        try publisher.bind(endpoint)

        func subscriber(topic: String, highWaterMark: Int32) throws -> ZMQSocket {
            let sub = try ZMQSocket(context: context, type: .sub)
            try sub.set(.linger(milliseconds: 0))
            try sub.set(.receiveHighWaterMark(highWaterMark))
            try sub.set(.subscribe(Array(topic.utf8)))
            try sub.connect(endpoint)
            return sub
        }
        // Distinct prefixes, so that each subscription reaches the XPUB as a message of its own.
        let fast = try subscriber(topic: "t", highWaterMark: 10_000)
        let slow = try subscriber(topic: "", highWaterMark: 2)
        defer { fast.close(); slow.close() }
        try publisher.set(.receiveTimeout(milliseconds: 5000))
        XCTAssertNotNil(try publisher.receive())
        XCTAssertNotNil(try publisher.receive())
        XCTAssertEqual(try publisher.discardSubscriptions(), 0)
        try publisher.set(.receiveTimeout(milliseconds: -1))

        var noticed = 0
        for index in 0..<50 where try !publisher.publishNoticingOverflow(strings: ["t", String(index)]) {
            noticed += 1
        }
        XCTAssertGreaterThanOrEqual(noticed, 1, "the slow subscriber's queue overflowed unnoticed")

        var fastGot: [String] = []
        while let frames = try fast.receive(flags: .dontWait) { fastGot.append(frames.strings[1]) }
        XCTAssertEqual(fastGot, (0..<50).map(String.init), "the fast subscriber must get every message")
        var slowGot = 0
        while try slow.receive(flags: .dontWait) != nil { slowGot += 1 }
        XCTAssertLessThan(slowGot, 50)
        XCTAssertGreaterThan(slowGot, 0)
    }

    func testWithoutSubscribersNothingCountsAsAnOverflow() throws {
        let context = try ZMQContext()
        let publisher = try ZMQSocket(context: context, type: .xpub)
        defer { publisher.close() }
        try publisher.set(.linger(milliseconds: 0))
        try publisher.set(.sendHighWaterMark(1))
        try publisher.makeOverflowReporting()
        try publisher.bind("inproc://xpub-alone-\(UUID().uuidString.prefix(8))")
        for index in 0..<10 {
            XCTAssertTrue(try publisher.publishNoticingOverflow(strings: ["t", String(index)]))
        }
    }
}
