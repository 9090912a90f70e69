import XCTest
@testable import MissionDaemon

final class LoopbackAddressTests: XCTestCase {
    func testEndpointsReachableOnlyFromThisHost() {
        for endpoint in ["tcp://127.0.0.1:5560", "tcp://127.1.2.3:*", "tcp://[::1]:5560",
                         "tcp://lo:5560", "ipc:///run/missiond/intake.sock", "inproc://x",
                         "tcp://10.0.0.1:1234;127.0.0.1:5560", "TCP://127.0.0.1:1"] {
            XCTAssertTrue(LoopbackAddress.isLocal(endpoint: endpoint), endpoint)
        }
        for endpoint in ["tcp://*:5560", "tcp://0.0.0.0:5560", "tcp://[::]:5560", "tcp://192.168.1.10:5560",
                         "tcp://eth0:5560", "tcp://example.org:5560", "tcp://localhost:5560", "epgm://eth0;239.192.1.1:5555",
                         "tcp://[::ffff:10.0.0.1]:1", "tcp://127.0.0.1", "nonsense"] {
            XCTAssertFalse(LoopbackAddress.isLocal(endpoint: endpoint), endpoint)
        }
        XCTAssertTrue(LoopbackAddress.isLoopback(host: "::ffff:127.0.0.1"))
        XCTAssertFalse(LoopbackAddress.isLoopback(host: "128.0.0.1"))
    }

    func testExposureRule() throws {
        try LoopbackAddress.checkExposure(of: "intake", endpoint: "tcp://127.0.0.1:5560", curve: false, allowInsecure: false)
        try LoopbackAddress.checkExposure(of: "intake", endpoint: "tcp://*:5560", curve: true, allowInsecure: false)
        try LoopbackAddress.checkExposure(of: "intake", endpoint: "tcp://*:5560", curve: false, allowInsecure: true)
        XCTAssertThrowsError(try LoopbackAddress.checkExposure(of: "publish", endpoint: "tcp://0.0.0.0:5561", curve: false, allowInsecure: false)) { error in
            XCTAssertTrue("\(error)".hasPrefix("publish: tcp://0.0.0.0:5561 is reachable from other hosts and has no CURVE"), "\(error)")
        }
    }
}
