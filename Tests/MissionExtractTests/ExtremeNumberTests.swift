import Foundation
import XCTest
@testable import MissionExtract

/// Numbers of any size in an article's text: none may trap the process (it is in-process here, so a
/// trap fails the whole run), every event stays valid JSON, and every amount is finite.
final class ExtremeNumberTests: XCTestCase {
    /// The poison article of issue 10: 9e15 reached Int64(v * 1e6) and the daemon died.
    func testNineThousandTrillionYuanIsWrittenExactly() throws {
        let doc = try extract("Zhejiang enterprises signed orders worth 9000 trillion yuan at the fair in Paris.\n")
        let event = try XCTUnwrap(doc.events.first, "no event for the poison article")
        let json = event.json(seq: 1, article: doc.articleJSON())
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let amounts = Self.amounts(in: object)
        XCTAssertEqual(amounts, [9e15], json)
        XCTAssertTrue(json.contains("\"value\":9000000000000000"), json)
    }

    /// What JSONBuffer writes for a number reads back as that number (to the millionth below 9e12).
    func testNumbersOfEveryMagnitudeAreValidJSON() throws {
        let values: [Double] = [0, -0.0, 1, -1, 41.76e12, 9.2e12 + 0.5, 9e12 - 0.25, 9e15, 9.007199254740993e15, 9.223372036854775807e18,
                                -9.3e18, 1.8e19, 1e20, 1e100, 1e300, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude,
                                0.1, 0.000001, 1e-7, 5e-324, 123456.789012, -3.25]
        for value in values {
            var buffer = JSONBuffer()
            buffer.number(value)
            let text = buffer.string
            let parsed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? NSNumber,
                                       "\(value) written as \(text)")
            let expected = abs(value) < 9e12 ? (value * 1e6).rounded() / 1e6 : value
            XCTAssertEqual(parsed.doubleValue, expected, "\(value) written as \(text)")
        }
        var buffer = JSONBuffer()
        buffer.number(.infinity)
        XCTAssertEqual(buffer.string, "null")
    }

    /// 10,000 articles in the sentence shapes of the seeds, with extreme numbers in every slot.
    func testTenThousandArticlesWithExtremeNumbersNeverTrap() throws {
        var random = SplitMix64(seed: 0x6D69_7373_696F_6E64)
        var events = 0, rejected = 0, amountsSeen = 0
        for n in 0..<10_000 {
            let text = Self.article(&random)
            let document: Document
            do {
                document = try TestRules.extractor.extract(ArticleInput(name: "fuzz-\(n).txt", body: Array(text.utf8), source: .cli))
            } catch {
                rejected += 1
                continue
            }
            let article = document.articleJSON()
            for event in document.events {
                events += 1
                let json = event.json(seq: UInt64(n), article: article)
                guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
                    return XCTFail("article \(n): its event is not JSON: \(json)\n--- article:\n\(text)")
                }
                for amount in Self.amounts(in: object) {
                    amountsSeen += 1
                    XCTAssertTrue(amount.isFinite, "article \(n): amount \(amount) in \(json)")
                }
                for outcome in event.outcomes {
                    if let amount = outcome.amount { XCTAssertTrue(amount.value.isFinite, "article \(n): \(amount)") }
                    if let count = outcome.count { XCTAssertTrue(count.value.isFinite, "article \(n): \(count)") }
                }
                for (unit, count) in event.participants { XCTAssertTrue(count.value.isFinite, "article \(n): \(unit) \(count)") }
            }
        }
        // The shapes are made to give events; if none came, the test would prove nothing.
        XCTAssertGreaterThan(events, 5_000)
        XCTAssertGreaterThan(amountsSeen, 1_000)
        XCTAssertLessThan(rejected, 100)
    }

    // MARK: generated articles

    /// Every `"amount": {"value": …}` in an event, wherever it sits.
    static func amounts(in value: Any) -> [Double] {
        if let object = value as? [String: Any] {
            var found: [Double] = []
            for (key, member) in object {
                if key == "amount", let amount = member as? [String: Any] {
                    if let number = amount["value"] as? NSNumber { found.append(number.doubleValue) }
                    else { found.append(.nan) }  // null or missing: not a finite amount
                } else {
                    found += amounts(in: member)
                }
            }
            return found
        }
        if let array = value as? [Any] { return array.flatMap { amounts(in: $0) } }
        return []
    }

    static let sentences: [String] = [
        "Zhejiang enterprises signed orders worth {N} yuan at the fair in Paris.",
        "On December {D}, the Guangxi Department of Commerce led a delegation of {N} enterprises to Vietnam and Thailand for a {N}-day trade promotion tour.",
        "China's foreign trade reached {N} trillion yuan in {Y}, the General Administration of Customs said.",
        "The Jiangsu Provincial Department of Commerce organized {N} companies to attend the fair in Germany, lasting {N} days, and signed intended deals of US${N} billion.",
        "A total of {N} projects were signed, with a total investment of {N} yuan ({N} U.S. dollars).",
        "On {M} {D}, {Y}, more than {N} exporters from Wenzhou flew to Milan on a chartered flight and clinched orders worth ${N}.",
        "The Shandong delegation signed {N} contracts worth RM{N}bil during the {N}-day mission to Malaysia from {M} {D} to {D}.",
        "The expo, which runs for a period of {N} days, attracted nearly {N} buyers and intended transactions of {N} million euros.",
        "In {Y}, Guangdong firms sent {N} business delegations to {N} countries and signed orders worth {N} billion yuan.",
        "Ningbo enterprises won orders of {N} tn yuan, up {N} percent year on year, the Ningbo Bureau of Commerce said on {M} {D}.",
    ]

    static let titles = ["Zhejiang firms head abroad", "Trade fair draws record orders", "", "Foreign trade reaches new high"]
    static let months = ["January", "Feb.", "March", "December", "Dec", "Oct"]
    static let magnitudes = ["", " thousand", " million", " billion", " trillion", "tn", "bn", " hundred million", "m", " ten thousand"]

    static func article(_ random: inout SplitMix64) -> String {
        var text = titles[random.below(titles.count)] + "\n\n"
        for _ in 0..<(1 + random.below(2)) {
            var sentence = sentences[random.below(sentences.count)]
            while let slot = sentence.range(of: "{N}") { sentence.replaceSubrange(slot, with: number(&random) + magnitudeAfter(&random)) }
            while let slot = sentence.range(of: "{D}") { sentence.replaceSubrange(slot, with: day(&random)) }
            while let slot = sentence.range(of: "{Y}") { sentence.replaceSubrange(slot, with: year(&random)) }
            while let slot = sentence.range(of: "{M}") { sentence.replaceSubrange(slot, with: months[random.below(months.count)]) }
            text += sentence + (random.below(3) == 0 ? "\n\n" : " ")
        }
        return text
    }

    static func magnitudeAfter(_ random: inout SplitMix64) -> String {
        random.below(3) == 0 ? magnitudes[random.below(magnitudes.count)] : ""
    }

    static func digits(_ count: Int, _ random: inout SplitMix64) -> String {
        String((0..<count).map { _ in Character(String(random.below(10))) })
    }

    /// Ordinary, huge, tiny, grouped, negative-looking and malformed numbers.
    static func number(_ random: inout SplitMix64) -> String {
        switch random.below(20) {
        case 0: return digits(400, &random)
        case 1: return String(repeating: "9", count: 300 + random.below(20))
        case 2: return "9,223,372,036,854,775,808"
        case 3: return "1" + String(repeating: "0", count: 305 + random.below(5))
        case 4: return "9000"
        case 5: return "9200000000000.5"
        case 6: return digits(1 + random.below(40), &random) + "." + digits(1 + random.below(30), &random)
        case 7: return "0." + String(repeating: "0", count: random.below(40)) + "1"
        case 8: return "-" + digits(1 + random.below(25), &random)
        case 9: return "\u{2212}" + digits(1 + random.below(6), &random)
        case 10: return (0..<(1 + random.below(12))).map { _ in digits(3, &random) }.joined(separator: ",")
        case 11: return "1e308"
        case 12: return "4000000000"
        case 13: return "9999999999"
        case 14: return digits(1 + random.below(3), &random) + ".." + digits(2, &random)
        case 15: return ["ninety", "a thousand", "eight", "one hundred", "ten thousand"][random.below(5)]
        case 16: return String(repeating: "0", count: 30) + digits(3, &random)
        case 17: return "18446744073709551616"
        default: return digits(1 + random.below(4), &random)
        }
    }

    static func day(_ random: inout SplitMix64) -> String {
        ["7", "31", "0", "32", "4000000000", "99999", "18446744073709551617", "9th", "21st"][random.below(9)]
    }

    static func year(_ random: inout SplitMix64) -> String {
        ["2022", "1899", "99999", "0", "4000000000", "9223372036854775808", "2100", "-2022"][random.below(8)]
    }
}

/// A small deterministic generator: the same articles on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
