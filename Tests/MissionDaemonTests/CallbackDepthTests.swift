import Foundation
import Synchronization
import XCTest
@testable import MissionDaemon

/// A callback kept in a Mutex and called again and again must not grow: it once gained two
/// reabstraction thunks per call, so the 50,000th article's release ran 100,000 frames deep
/// (filling a history of 50,000 articles took 290 s against 5 s for 10,000).
final class CallbackDepthTests: XCTestCase {
    func testTheBudgetsWakeUpStaysAsShallowAsItsFirstCall() {
        let budget = MemoryBudget(limit: 1 << 20)
        let depths = Mutex<[Int]>([])
        budget.whenReleased { depths.withLock { $0.append(Thread.callStackReturnAddresses.count) } }
        for _ in 0..<5_000 { _ = budget.charge(10) }  // each charge is released as it goes
        let seen = depths.withLock { $0 }
        XCTAssertEqual(seen.count, 5_000)
        XCTAssertEqual(seen.last, seen.first, "the call stack of the 5,000th wake-up against the first")
    }

    func testTheScrapeHookStaysAsShallowAsItsFirstCall() {
        let metrics = DaemonMetrics()
        let depths = Mutex<[Int]>([])
        metrics.setScrapeHook { _ in depths.withLock { $0.append(Thread.callStackReturnAddresses.count) } }
        for _ in 0..<2_000 { _ = metrics.exposition() }
        let seen = depths.withLock { $0 }
        XCTAssertEqual(seen.count, 2_000)
        XCTAssertEqual(seen.last, seen.first)
    }
}
