import Foundation

/// A generated corpus of distinct news articles of about `targetBytes` each, made from the
/// paragraphs of the sample articles, shuffled and given a unique closing line, so that
/// every article has its own id and the extractor sees realistic text.
package struct BenchCorpus {
    package struct Article {
        package let name: String
        package let body: [UInt8]
    }

    package let articles: [Article]
    package var totalBytes: Int { articles.reduce(0) { $0 + $1.body.count } }

    /// `files`: the sample articles (`seedDirectory` names them in errors).
    package init(files: [String], seedDirectory: String, count: Int, targetBytes: Int, tag: String) throws {
        var paragraphs: [String] = []
        var titles: [String] = []
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let parts = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            guard let first = parts.first(where: { !$0.isEmpty }) else { continue }
            titles.append(first)
            paragraphs.append(contentsOf: parts.dropFirst().filter { $0.count > 80 })
        }
        guard !paragraphs.isEmpty else { throw BenchError("no sample paragraphs in \(seedDirectory)") }
        var generator = SplitMix64(seed: 0x6D69_7373_696F_6E64)
        var articles: [Article] = []
        articles.reserveCapacity(count)
        for index in 0..<count {
            var text = titles[index % titles.count] + "\n\n"
            while text.utf8.count < targetBytes {
                text += paragraphs[Int(generator.next() % UInt64(paragraphs.count))] + "\n\n"
            }
            text += "Reference \(tag)-\(index)-\(generator.next() % 1_000_000_007).\n"
            articles.append(Article(name: "bench-\(tag)-\(index).txt", body: Array(text.utf8)))
        }
        self.articles = articles
    }
}

/// A small deterministic generator, so every bench run reads the same corpus.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

package struct BenchError: Error, CustomStringConvertible {
    package let description: String
    package init(_ description: String) { self.description = description }
}
