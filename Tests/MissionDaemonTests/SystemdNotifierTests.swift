import Foundation
import XCTest
@testable import MissionDaemon

final class SystemdNotifierTests: XCTestCase {
    func testSendsToAPathSocket() throws {
        let listener = try NotifySocket()
        let notifier = SystemdNotifier(socketPath: listener.path)
        notifier.ready()
        XCTAssertEqual(listener.receive(), "READY=1")
        notifier.stopping()
        XCTAssertEqual(listener.receive(), "STOPPING=1")
        notifier.reloading()
        XCTAssertTrue(listener.receive()?.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") ?? false)
    }

    func testSendsToAnAbstractSocket() throws {
        let listener = try NotifySocket(abstractName: "missiond-test-\(UUID().uuidString.prefix(8))")
        XCTAssertTrue(SystemdNotifier(socketPath: listener.path).send("WATCHDOG=1"))
        XCTAssertEqual(listener.receive(), "WATCHDOG=1")
    }

    func testWithoutASocketNothingIsSent() {
        XCTAssertFalse(SystemdNotifier(socketPath: nil).send("READY=1"))
        XCTAssertFalse(SystemdNotifier(socketPath: "").send("READY=1"))
    }

    func testTheDaemonProcessReportsReadyAndStopping() throws {
        let listener = try NotifySocket()
        let daemon = try DaemonProcess(self)
        try daemon.start(environment: ["NOTIFY_SOCKET": listener.path])
        XCTAssertEqual(listener.receive(), "READY=1")
        XCTAssertEqual(daemon.terminate(), 0)
        XCTAssertEqual(listener.receive(), "STOPPING=1")
    }
}
