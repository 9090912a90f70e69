import XCTest
@testable import MissionExtract

/// Hostile shapes of input must cost time in proportion to their size. Each shape runs at 100 KB
/// and at 1 MB: linear work grows about 10×, quadratic 100×. The bound of 30× leaves room for a
/// slow, shared machine without letting quadratic growth through; each size takes the best of
/// three runs, so one preempted run does not decide.
final class LinearTimeTests: XCTestCase {
    /// The shapes of issue 10, after a "<div>" that makes the body HTML.
    static let htmlShapes: [(name: String, unit: String)] = [
        ("<div> + N×<", "<"), ("N×<script>", "<script>"), ("N×<title>", "<title>"), ("N×<!--", "<!--"), ("N×<a ", "<a "),
        ("N×<style x", "<style x"),
    ]

    func testHTMLStrippingGrowsLinearlyForUnclosedTags() {
        for shape in Self.htmlShapes {
            let small = Self.html(shape.unit, bytes: 100_000), large = Self.html(shape.unit, bytes: 1_000_000)
            let ratio = Self.growth(small, large) { _ = HTMLText.strip($0) }
            XCTAssertLessThan(ratio, 30, "\(shape.name): 10× the input took \(ratio)× the time")
        }
    }

    /// Quoted speech on every line: each sentence used to look through every quotation for its own.
    func testQuotationsAreMatchedToSentencesInLinearTime() {
        let line = "“We signed orders, and more will follow,” the Jiaxing Bureau of Commerce said.\n\n"
        let small = Array(String(repeating: line, count: 100_000 / line.utf8.count).utf8)
        let large = Array(String(repeating: line, count: 1_000_000 / line.utf8.count).utf8)
        let ratio = Self.growth(small, large) { body in
            _ = try? TestRules.extractor.extract(ArticleInput(name: "quotes.txt", body: body, source: .cli))
        }
        XCTAssertLessThan(ratio, 30, "quotations: 10× the input took \(ratio)× the time")
    }

    static func html(_ unit: String, bytes: Int) -> [UInt8] {
        Array(("<div>" + String(repeating: unit, count: bytes / unit.utf8.count)).utf8)
    }

    /// Best time of three at each size, large over small.
    static func growth(_ small: [UInt8], _ large: [UInt8], _ work: ([UInt8]) -> Void) -> Double {
        func best(_ input: [UInt8]) -> Double {
            var fastest = Double.infinity
            for _ in 0..<3 {
                let clock = ContinuousClock()
                let elapsed = clock.measure { work(input) }
                fastest = min(fastest, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
            return fastest
        }
        return best(large) / max(best(small), 1e-6)
    }
}
