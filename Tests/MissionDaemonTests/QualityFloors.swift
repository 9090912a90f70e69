import Foundation

/// One line of eval/quality-floors.tsv: an evaluation set and the lowest figures it may score.
struct QualityFloor {
    let set: String
    let gold: URL
    let articles: URL
    /// Kept as written, so that a failure quotes the floor exactly as the file has it.
    let minFactF1: String
    let minEventP: String
    /// The split file and the part of it to score; nil for the whole directory.
    let split: (file: URL, part: String)?

    static let file = repositoryRoot.appendingPathComponent("eval/quality-floors.tsv")

    /// Every set in the floors file: `#` lines and the header are skipped, anything else
    /// that is not six fields with two numeric floors is an error naming its line.
    static func load() throws -> [QualityFloor] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var floors: [QualityFloor] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("set\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let place = "\(file.lastPathComponent) line \(index + 1)"
            guard fields.count == 6 else {
                throw DaemonTestError("\(place): expected 6 tab-separated fields, found \(fields.count): \(line)")
            }
            guard Double(fields[3]) != nil, Double(fields[4]) != nil else {
                throw DaemonTestError("\(place): min_fact_f1 and min_event_p must be numbers: \(line)")
            }
            var split: (file: URL, part: String)?
            if fields[5] != "-" {
                guard let colon = fields[5].lastIndex(of: ":") else {
                    throw DaemonTestError("\(place): split must be - or SPLIT_FILE:PART, not \(fields[5])")
                }
                split = (resolve(String(fields[5][..<colon])), String(fields[5][fields[5].index(after: colon)...]))
            }
            floors.append(QualityFloor(set: fields[0], gold: resolve(fields[1]), articles: resolve(fields[2]),
                                       minFactF1: fields[3], minEventP: fields[4], split: split))
        }
        return floors
    }

    private static func resolve(_ path: String) -> URL {
        repositoryRoot.appendingPathComponent(path).standardized
    }

    /// The directories to extract and score: the set's own, or, for a split, copies of
    /// the part's articles and their gold files in `scratch` (score.py reads a whole folder).
    func directories(scratch: URL) throws -> (articles: URL, gold: URL) {
        for directory in [gold, articles] + [split?.file].compactMap({ $0 }) where !FileManager.default.fileExists(atPath: directory.path) {
            let outside = !directory.path.hasPrefix(repositoryRoot.standardized.path + "/")
            let hint = outside ? " (the shared evaluation sets must be checked out as ../shared beside the repository)" : ""
            throw DaemonTestError("\(directory.path) does not exist\(hint)")
        }
        guard let split else { return (articles, gold) }
        let names = try String(contentsOf: split.file, encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: "\t")
            return fields.count == 2 && fields[1] == split.part ? String(fields[0]) : nil
        }
        guard !names.isEmpty else { throw DaemonTestError("\(split.file.path) assigns no file to \(split.part)") }
        let articleCopies = scratch.appendingPathComponent("\(set)-articles")
        let goldCopies = scratch.appendingPathComponent("\(set)-gold")
        for directory in [articleCopies, goldCopies] {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        }
        for name in names {
            let goldName = (name as NSString).deletingPathExtension + ".json"
            try FileManager.default.copyItem(at: articles.appendingPathComponent(name), to: articleCopies.appendingPathComponent(name))
            try FileManager.default.copyItem(at: gold.appendingPathComponent(goldName), to: goldCopies.appendingPathComponent(goldName))
        }
        return (articleCopies, goldCopies)
    }
}
