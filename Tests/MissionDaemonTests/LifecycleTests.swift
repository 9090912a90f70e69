import Dispatch
import Foundation
import Logging
import MissionExtract
import Synchronization
import XCTest
@testable import MissionDaemon

/// The pieces every component's life is made of: OwnerThread, ServiceGroup, typed errors.
final class LifecycleTests: XCTestCase {
    private final class Worker: Sendable {
        let thread: OwnerThread<Worker>
        let ran = Mutex<[String]>([])
        init() throws { thread = try OwnerThread(name: "test.worker") }

        func start() {
            thread.start { [self] in
                while !thread.isStopping {
                    var item = pollfd(fd: thread.control.wakeup.descriptor, events: Int16(POLLIN), revents: 0)
                    _ = poll(&item, 1, -1)
                    for work in thread.control.takeAll() { work(self) }
                }
            }
        }
    }

    func testAskRunsOnTheThreadAndLateWorkIsWithdrawn() throws {
        let worker = try Worker()
        worker.start()
        defer { worker.thread.requestStop(); XCTAssertTrue(worker.thread.waitUntilStopped(timeout: .seconds(30))) }

        let onThread = worker.thread.ask(timeout: .seconds(30)) { (w: Worker) -> Bool in
            w.thread.preconditionOnThread()  // would trap off the thread
            return !Thread.isMainThread
        }
        XCTAssertEqual(onThread, true)

        // Hold the thread, so that the next ask times out before the thread takes it.
        let release = DispatchSemaphore(value: 0)
        worker.thread.control.post { _ in release.wait() }
        let late = worker.thread.ask(timeout: .milliseconds(50)) { (w: Worker) -> Int in
            w.ran.withLock { $0.append("late") }
            return 1
        }
        XCTAssertNil(late, "the thread was held: it cannot have answered")
        release.signal()
        // Positive evidence that the late work had its turn and was skipped: a later marker ran.
        let marker = worker.thread.ask(timeout: .seconds(30)) { (w: Worker) -> Bool in
            w.ran.withLock { $0.append("marker") }
            return true
        }
        XCTAssertEqual(marker, true)
        XCTAssertEqual(worker.ran.withLock { $0 }, ["marker"], "work withdrawn by a caller that gave up must never run")
    }

    func testWaitUntilStoppedReportsAThreadThatDoesNotEnd() throws {
        let worker = try Worker()
        let release = DispatchSemaphore(value: 0)
        let entered = DispatchSemaphore(value: 0)
        worker.start()
        worker.thread.control.post { _ in entered.signal(); release.wait() }
        entered.wait()  // the thread is inside the held work
        worker.thread.requestStop()
        XCTAssertFalse(worker.thread.waitUntilStopped(timeout: .milliseconds(50)), "held: it cannot have ended")
        release.signal()
        XCTAssertTrue(worker.thread.waitUntilStopped(timeout: .seconds(30)))
        XCTAssertTrue(worker.thread.waitUntilStopped(timeout: .milliseconds(1)), "a second wait returns at once")
    }

    func testServicesStopInReverseOrderAndOverrunsAreNamed() {
        let order = Mutex<[String]>([])
        let stuck = DispatchSemaphore(value: 0)
        let group = ServiceGroup()
        group.add(ClosureService("storage", start: { order.withLock { $0.append("start storage") } },
                                 stop: { order.withLock { $0.append("stop storage") } }))
        group.add(ClosureService("slow", stop: { stuck.wait() }), stopTimeout: .milliseconds(50))
        group.add(ClosureService("intake", start: { order.withLock { $0.append("start intake") } },
                                 stop: { order.withLock { $0.append("stop intake") } }))
        group.startAll()
        let overran = group.stopAll(logger: Logger(label: "test"))
        stuck.signal()
        XCTAssertEqual(overran, ["slow"])
        XCTAssertEqual(order.withLock { $0 }, ["start storage", "start intake", "stop intake", "stop storage"])
    }

    func testErrorsCarryACodeToMatch() throws {
        XCTAssertThrowsError(try DaemonConfig.parse(yaml: "max_in_flight: 0")) { error in
            let error = error as? DaemonError
            XCTAssertEqual(error?.code, .config)
            XCTAssertEqual(error?.message.hasSuffix("max_in_flight must be positive"), true, "\(String(describing: error))")
        }
        XCTAssertThrowsError(try RuleLoader.load(directory: "/nonexistent-rules")) { error in
            XCTAssertEqual((error as? DaemonError)?.code, .rules)
            XCTAssertTrue("\(error)".contains("/nonexistent-rules"), "\(error)")
        }
        let failed = DaemonError.system("open", ENOENT, path: "/x")
        XCTAssertEqual(failed.code, .system)
        XCTAssertEqual(failed.errno, ENOENT)
        XCTAssertEqual(failed.description, "open /x: No such file or directory")
        XCTAssertTrue(failed.debugDescription.contains("LifecycleTests.swift"), failed.debugDescription)
        XCTAssertNotEqual(DaemonError.Code.config, .rules)
    }

    func testTheDaemonsMessagesEscapeAsTheEventsDo() {
        XCTAssertEqual(JSONText.quoted("plain"), "\"plain\"")
        XCTAssertEqual(JSONText.quoted("a\"b\\c\nd\te\u{1}f\u{7f}g"), #""a\"b\\c\nd\te\u0001f\u007fg""#)
        XCTAssertEqual(JSONText.quoted("浙江 → Paris"), "\"浙江 → Paris\"")
    }
}
