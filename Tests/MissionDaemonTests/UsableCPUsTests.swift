import Foundation
import XCTest
@testable import MissionDaemon

/// The pipeline's lanes follow the CPUs the process may use, unless `workers:` says otherwise.
final class UsableCPUsTests: XCTestCase {
    func testKernelCPUListsAreCounted() {
        XCTAssertEqual(UsableCPUs.cpuListCount("0-1"), 2)
        XCTAssertEqual(UsableCPUs.cpuListCount("0-3,8,10-11"), 7)
        XCTAssertEqual(UsableCPUs.cpuListCount(" 5 "), 1)
        XCTAssertNil(UsableCPUs.cpuListCount("3-1"))
        XCTAssertNil(UsableCPUs.cpuListCount("-"))
        XCTAssertNil(UsableCPUs.cpuListCount(""))
    }

    func testACgroupQuotaLowersTheCountRoundedUp() throws {
        let root = URL(fileURLWithPath: "/tmp/cgroup-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertNil(UsableCPUs.quotaCPUs(cgroupRoot: root.path), "no quota file: no quota")
        try "max 100000\n".write(to: root.appendingPathComponent("cpu.max"), atomically: true, encoding: .utf8)
        XCTAssertNil(UsableCPUs.quotaCPUs(cgroupRoot: root.path), "max: no quota")
        try "150000 100000\n".write(to: root.appendingPathComponent("cpu.max"), atomically: true, encoding: .utf8)
        XCTAssertEqual(UsableCPUs.quotaCPUs(cgroupRoot: root.path), 2, "1.5 CPUs of quota keep 2 lanes busy")
        XCTAssertEqual(UsableCPUs.count(cgroupRoot: root.path), min(2, ProcessInfo.processInfo.activeProcessorCount))
        try "50000 100000\n".write(to: root.appendingPathComponent("cpu.max"), atomically: true, encoding: .utf8)
        XCTAssertEqual(UsableCPUs.count(cgroupRoot: root.path), 1)
    }

    func testWorkersKeyOverridesAndIsChecked() throws {
        XCTAssertEqual(try DaemonConfig.parse(yaml: "workers: 6").lanes, 6)
        XCTAssertEqual(try DaemonConfig.parse(yaml: "workers: 0").lanes, UsableCPUs.count())
        XCTAssertThrowsError(try DaemonConfig.parse(yaml: "workers: -1")) { error in
            XCTAssertEqual((error as? DaemonError)?.code, .config)
        }
    }
}
