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

    /// One endless sentence of organisation names: each name used to look through all the
    /// sentence's entities for the places inside it.
    func testOneLongSentenceOfOrganisationsTakesLinearTime() {
        let unit = "the Zhejiang Department of Commerce and "
        let small = Array(String(repeating: unit, count: 100_000 / unit.utf8.count).utf8)
        let large = Array(String(repeating: unit, count: 1_000_000 / unit.utf8.count).utf8)
        let ratio = Self.growth(small, large) { body in
            _ = try? TestRules.extractor.extract(ArticleInput(name: "names.txt", body: body, source: .cli))
        }
        XCTAssertLessThan(ratio, 30, "organisations: 10× the input took \(ratio)× the time")
    }

    /// The linear strip gives what the straightforward one (each search from scratch, as before)
    /// gives, on random mixes of the pieces that open and close what it skips.
    func testHTMLStrippingMatchesTheStraightforwardSearches() {
        let pieces = ["<", ">", "/", "<div>", "<p>", "</p>", "<br/>", "<script>", "</script>", "<SCRIPT >", "</Script>", "<style>",
                      "</style>", "<title>", "</title>", "<!--", "-->", "<a ", "<a href='x'>", "</a>", "text ", "&amp;", "&#x41;", "\n"]
        var random = SplitMix64(seed: 42)
        for n in 0..<3_000 {
            let html = "<div>" + (0..<(1 + random.below(40))).map { _ in pieces[random.below(pieces.count)] }.joined()
            let bytes = Array(html.utf8)
            let (text, title) = HTMLText.strip(bytes)
            let (expectedText, expectedTitle) = Self.straightforwardStrip(bytes)
            XCTAssertEqual(text, expectedText, "case \(n): \(html)")
            XCTAssertEqual(title, expectedTitle, "case \(n): \(html)")
        }
    }

    /// HTMLText.strip as it was, with every search from scratch: quadratic, the reference.
    static func straightforwardStrip(_ b: [UInt8]) -> (text: [UInt8], title: String?) {
        let blockTags: Set<String> = ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                                      "article", "section", "header", "footer", "blockquote", "figure", "figcaption", "dd", "dt", "hr", "main", "pre"]
        let dropTags: Set<String> = ["script", "style", "noscript", "nav", "aside", "head", "iframe", "svg", "form", "button", "select"]
        func tagName(_ from: Int, _ to: Int) -> (String, Bool) {
            var i = from, isEnd = false
            if i < to, b[i] == UInt8(ascii: "/") { isEnd = true; i += 1 }
            var name: [UInt8] = []
            while i < to, Tokenizer.isLetter(b[i]) || Tokenizer.isDigit(b[i]) { name.append(TokenKey.lower(b[i])); i += 1 }
            return (String(decoding: name, as: UTF8.self), isEnd)
        }
        var out: [UInt8] = []
        var title: String?
        if let open = HTMLText.find(b, Array("<title".utf8), from: 0, caseInsensitive: true),
           let close = b[open...].firstIndex(of: UInt8(ascii: ">")),
           let end = HTMLText.find(b, Array("</title".utf8), from: close, caseInsensitive: true) {
            title = String(decoding: HTMLText.decodeEntities(Array(b[(close + 1)..<end])), as: UTF8.self).trimmingSpaces()
        }
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "<") {
                if b[i...].starts(with: Array("<!--".utf8)) {
                    i = HTMLText.find(b, Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? b.count
                    continue
                }
                guard let close = b[i...].firstIndex(of: UInt8(ascii: ">")) else { out.append(c); i += 1; continue }
                let (name, isEnd) = tagName(i + 1, close)
                if name == "title", !isEnd, let endTag = HTMLText.find(b, Array("</title".utf8), from: close, caseInsensitive: true) {
                    i = b[endTag...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? b.count
                    continue
                }
                if dropTags.contains(name), !isEnd, b[close - 1] != UInt8(ascii: "/"),
                   let endTag = HTMLText.find(b, Array("</\(name)".utf8), from: close, caseInsensitive: true) {
                    i = b[endTag...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? b.count
                    continue
                }
                if blockTags.contains(name) {
                    out.append(0x0A)
                    if name != "br" && name != "li" && name != "tr" { out.append(0x0A) }
                }
                i = close + 1
                continue
            }
            if c == 0x0A || c == 0x0D || c == 0x09 { out.append(0x20); i += 1; continue }
            out.append(c)
            i += 1
        }
        return (HTMLText.decodeEntities(out), title)
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
