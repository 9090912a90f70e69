/// Reads the simple line formats of Config/rules/: `#` starts a comment line, columns are separated
/// by tabs, `|` separates variants inside a column. Errors name the file and line.
struct RuleFile {
    let name: String
    let text: String

    struct Row {
        var line: Int
        var columns: [String]
        func variants(_ i: Int) -> [String] {
            guard i < columns.count else { return [] }
            return columns[i].split(separator: "|").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        }
        subscript(_ i: Int) -> String { i < columns.count ? columns[i] : "" }
    }

    /// The data rows, each with between `min` and `max` columns (missing trailing columns are empty).
    func rows(min: Int, max: Int) throws(RuleError) -> [Row] {
        var out: [Row] = []
        var lineNo = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNo += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw[...]
            let trimmed = line.trimmingSpaces()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            var cols = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            while cols.count > min, cols.last?.isEmpty == true { cols.removeLast() }
            guard cols.count >= min, cols.count <= max else {
                throw RuleError(.columns, "\(name):\(lineNo): expected \(min == max ? "\(min)" : "\(min)–\(max)") tab-separated columns, found \(cols.count)")
            }
            out.append(Row(line: lineNo, columns: cols))
        }
        return out
    }

    func error(_ row: Row, _ message: String) -> RuleError { RuleError(.value, "\(name):\(row.line): \(message)") }

    /// A label outside the schema: "units.tsv:3: unknown unit 'widgets' (allowed: enterprises, people, …)".
    func unknown(_ row: Row, _ what: String, _ value: String, allowed: [String]) -> RuleError {
        error(row, "unknown \(what) '\(value)' (allowed: \(allowed.joined(separator: ", ")))")
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
