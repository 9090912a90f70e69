import Foundation
import XCTest
@testable import ZMQ

final class ZMQPollerTests: XCTestCase {
    func testPollTimesOutWithNothingReady() throws {
        let context = try ZMQContext()
        let pull = try ZMQSocket(context: context, type: .pull)
        try pull.bind("tcp://127.0.0.1:*")
        var poller = ZMQPoller()
        let index = try poller.add(pull)
        let start = Date()
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 50), 0)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.04)
        XCTAssertFalse(poller.events(at: index).contains(.readable))
    }

    func testPollReportsTheReadySocketAndFileDescriptor() throws {
        let dir = try makeTempDirectory(self)
        let context = try ZMQContext()
        let quiet = try ZMQSocket(context: context, type: .pull)
        try quiet.bind("ipc://\(dir.path)/quiet.sock")
        let pull = try ZMQSocket(context: context, type: .pull)
        try pull.bind("ipc://\(dir.path)/busy.sock")
        let push = try ZMQSocket(context: context, type: .push)
        try push.connect("ipc://\(dir.path)/busy.sock")
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }

        var poller = ZMQPoller()
        let quietIndex = try poller.add(quiet)
        let pullIndex = try poller.add(pull)
        let pipeIndex = poller.add(fileDescriptor: fds[0])

        try push.send([bytes("x")])
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 5000), 1)
        XCTAssertTrue(poller.events(at: pullIndex).contains(.readable))
        XCTAssertFalse(poller.events(at: quietIndex).contains(.readable))
        XCTAssertFalse(poller.events(at: pipeIndex).contains(.readable))
        XCTAssertEqual(try pull.receive(flags: .dontWait), [bytes("x")])

        XCTAssertEqual(write(fds[1], "!", 1), 1)
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 5000), 1)
        XCTAssertTrue(poller.events(at: pipeIndex).contains(.readable))
    }

    func testDisabledItemIsNotPolled() throws {
        let context = try ZMQContext()
        let pull = try ZMQSocket(context: context, type: .pull)
        try pull.bind("tcp://127.0.0.1:*")
        let push = try ZMQSocket(context: context, type: .push)
        try push.connect(try pull.lastEndpoint())
        try push.send([bytes("waiting")])

        var poller = ZMQPoller()
        let index = try poller.add(pull)
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 5000), 1)
        poller.setEvents([], at: index)
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 20), 0)
        poller.setEvents(.readable, at: index)
        XCTAssertEqual(try poller.poll(timeoutMilliseconds: 5000), 1)
    }
}
