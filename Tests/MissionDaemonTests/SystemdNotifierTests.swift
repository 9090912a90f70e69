import Foundation
import XCTest
@testable import MissionDaemon

final class SystemdNotifierTests: XCTestCase {
    /// A datagram socket standing in for systemd's notify socket.
    private func listen(at path: [UInt8]) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        XCTAssertGreaterThanOrEqual(fd, 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: path) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard rc == 0 else { throw DaemonTestError("bind: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    private func receive(_ fd: Int32) -> String? {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    func testSendsToAPathSocket() throws {
        let path = "/tmp/notify-\(UUID().uuidString.prefix(8))"
        let fd = try listen(at: Array(path.utf8))
        defer { close(fd); unlink(path) }
        let notifier = SystemdNotifier(socketPath: path)
        notifier.ready()
        XCTAssertEqual(receive(fd), "READY=1")
        notifier.stopping()
        XCTAssertEqual(receive(fd), "STOPPING=1")
        notifier.reloading()
        XCTAssertTrue(receive(fd)?.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") ?? false)
    }

    func testSendsToAnAbstractSocket() throws {
        let name = "missiond-test-\(UUID().uuidString.prefix(8))"
        let fd = try listen(at: [0] + Array(name.utf8))
        defer { close(fd) }
        XCTAssertTrue(SystemdNotifier(socketPath: "@" + name).send("WATCHDOG=1"))
        XCTAssertEqual(receive(fd), "WATCHDOG=1")
    }

    func testWithoutASocketNothingIsSent() {
        XCTAssertFalse(SystemdNotifier(socketPath: nil).send("READY=1"))
        XCTAssertFalse(SystemdNotifier(socketPath: "").send("READY=1"))
    }

    func testTheDaemonProcessReportsReadyAndStopping() throws {
        let path = "/tmp/notify-\(UUID().uuidString.prefix(8))"
        let fd = try listen(at: Array(path.utf8))
        defer { close(fd); unlink(path) }
        setenv("NOTIFY_SOCKET", path, 1)
        defer { unsetenv("NOTIFY_SOCKET") }  // the daemon process inherits it at start
        let daemon = try DaemonProcess(self)
        try daemon.start()
        XCTAssertEqual(receive(fd), "READY=1")
        XCTAssertEqual(daemon.terminate(), 0)
        XCTAssertEqual(receive(fd), "STOPPING=1")
    }
}
