import Foundation
import MissionExtract

/// `missiond bench --scaling`: the extractor's CPU per MB of text at 5 KB, 50 KB, 500 KB and
/// 5 MB, for news text (the sample paragraphs) and for hostile shapes (a list of place names,
/// a quotation on every line, one endless sentence of organisations). Linear work costs the
/// same per MB at every size; the last column is the ratio to 5 KB (asked: within 1.5×).
package struct ScalingBenchmark {
    package let extractor: Extractor
    /// The sample files the news text is made from.
    package let sampleFiles: [String]

    package init(extractor: Extractor, sampleFiles: [String]) {
        self.extractor = extractor
        self.sampleFiles = sampleFiles
    }

    static let sizes = [5_000, 50_000, 500_000, 5_000_000]

    package func run() throws {
        let news = try BenchCorpus(files: sampleFiles, seedDirectory: "samples", count: 1, targetBytes: 5_000_000, tag: "s")
        let text = String(decoding: news.articles[0].body, as: UTF8.self)
        let shapes: [(String, (Int) -> String)] = [
            ("news text", { size in String(decoding: text.utf8.prefix(size), as: UTF8.self) }),
            ("place-name list", { size in Self.repeated("Zhejiang, Jiangsu, France, Germany, Dubai, Hungary, ", size) }),
            ("quotation per line", { size in Self.repeated("“We signed orders, and more will follow,” the Jiaxing Bureau of Commerce said.\n\n", size) }),
            ("one sentence of organisations", { size in Self.repeated("the Zhejiang Department of Commerce and ", size) }),
        ]
        print("extraction cost per MB (CPU ms), by article size; last: 5 MB against 5 KB")
        print("  shape                            " + Self.sizes.map { Self.sizeName($0).padding(toLength: 9, withPad: " ", startingAt: 0) }.joined() + "ratio")
        for (name, make) in shapes {
            var perMB: [Double] = []
            for size in Self.sizes {
                let body = Array(make(size).utf8)
                // About 10 MB of work per size (at least one article), best of three rounds.
                let repeats = max(1, 10_000_000 / max(1, body.count) / 4)
                var best = Double.infinity
                for _ in 0..<3 {
                    let start = Benchmark.cpuSeconds()
                    for index in 0..<repeats {
                        var unique = body
                        unique.append(contentsOf: Array(" \(index).\n".utf8))
                        _ = try? extractor.extract(ArticleInput(name: "scale.txt", body: unique, source: .cli))
                    }
                    best = min(best, (Benchmark.cpuSeconds() - start) / Double(repeats))
                }
                perMB.append(1000 * best / (Double(body.count) / 1_000_000))
            }
            let ratio = perMB.last! / perMB.first!
            print("  " + name.padding(toLength: 33, withPad: " ", startingAt: 0)
                  + perMB.map { String(format: "%-9.1f", $0) }.joined() + String(format: "%.2f×", ratio))
        }
    }

    private static func repeated(_ unit: String, _ size: Int) -> String {
        String(repeating: unit, count: max(1, size / unit.utf8.count))
    }

    private static func sizeName(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? "\(bytes / 1_000_000) MB" : "\(bytes / 1000) KB"
    }
}
