import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A Chinese article as many portals serve it (GBK), through the real daemon: by the inbox and by
/// the intake socket it gives the events of its UTF-8 copy, marked "zh".
final class ChineseIntakeTests: XCTestCase {
    private let article = "z26_jiaxing-baoji-dongjing-aff-qiyejia.txt"

    private func utf8Article() throws -> [UInt8] {
        Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("eval/real-corpus-zh/articles/\(article)")))
    }

    /// UTF-8 → GB18030 by iconv.
    private func gbk(_ utf8: [UInt8]) throws -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        guard cd != iconv_t(bitPattern: -1) else { throw XCTSkip("iconv has no GB18030 here") }
        defer { iconv_close(cd) }
        var input = utf8, out = [UInt8](repeating: 0, count: utf8.count * 2 + 8)
        let n: Int = input.withUnsafeMutableBytes { i in
            out.withUnsafeMutableBytes { o in
                var ip = i.baseAddress?.assumingMemoryBound(to: CChar.self), il = i.count
                var op = o.baseAddress?.assumingMemoryBound(to: CChar.self), ol = o.count
                return iconv(cd, &ip, &il, &op, &ol) == -1 ? -1 : o.count - ol
            }
        }
        XCTAssertGreaterThan(n, 0)
        return Array(out[0..<max(n, 0)])
    }

    /// The article's events as one daemon publishes them: (id, type), and the article's language.
    private func events(viaInbox: Bool, _ body: [UInt8]) throws -> ([String], String?) {
        let daemon = try DaemonProcess(self)
        try daemon.start()
        let subscriber = try Subscriber(daemon: daemon)
        if viaInbox {
            try Data(body).write(to: daemon.inbox.appendingPathComponent(article))
        } else {
            let reply = try daemon.request(daemon.intake, [Array(article.utf8), body])
            XCTAssertEqual(reply.first.map { String(decoding: $0, as: UTF8.self) }, "ok")
        }
        let done = try XCTUnwrap(try subscriber.done(article), "no article.done")
        let language = (done["article"] as? [String: Any])?["language"] as? String
        let events = subscriber.missionEvents(of: article)
        XCTAssertEqual(events.count, done["events"] as? Int)
        return (events.map { "\($0["id"] as? String ?? "?") \($0["type"] as? String ?? "?")" }, language)
    }

    func testGBKThroughTheInboxAndTheSocketGivesTheEventsOfTheUTF8Copy() throws {
        let utf8 = try utf8Article()
        let gb = try gbk(utf8)
        XCTAssertNotEqual(gb, utf8)
        let (expected, language) = try events(viaInbox: true, utf8)
        XCTAssertFalse(expected.isEmpty, "the UTF-8 article gave no event")
        XCTAssertEqual(language, "zh")
        let (inbox, inboxLanguage) = try events(viaInbox: true, gb)
        XCTAssertEqual(inbox, expected)
        XCTAssertEqual(inboxLanguage, "zh")
        let (socket, socketLanguage) = try events(viaInbox: false, gb)
        XCTAssertEqual(socket, expected)
        XCTAssertEqual(socketLanguage, "zh")
    }
}
