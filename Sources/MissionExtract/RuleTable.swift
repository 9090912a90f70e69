/// Patterns with a label each: the compiled form of one rule file's rows.
struct RuleTable<Label: Sendable>: Sendable {
    var patterns = PatternSet()
    var labels: [Label] = []

    mutating func add(_ pattern: String, _ label: Label, file: RuleFile, row: RuleFile.Row) throws(RuleError) {
        do {
            patterns.add(try Pattern.compile(pattern, payload: labels.count))
        } catch {
            throw file.error(row, error.description)
        }
        labels.append(label)
    }

    mutating func addPhrase(_ phrase: String, _ label: Label) throws(RuleError) {
        patterns.add(try Pattern.phrase(phrase, payload: labels.count))
        labels.append(label)
    }

    /// Builds the read-only matching tables; call once all rows are added.
    mutating func freeze(bit: UInt32 = 0, capNextBit: UInt32 = 0, gapNextBit: UInt32 = 0) {
        patterns.freeze(bit: bit, capNextBit: capNextBit, gapNextBit: gapNextBit)
    }

    func label(ofPattern p: Int) -> Label { labels[patterns.payload(p)] }
    func source(ofPattern p: Int) -> String { patterns.source(p) }

    var startTest: PatternSet.StartTest { patterns.startTest }

    /// Longest match at token i: label and end.
    @inline(__always)
    func longest(at i: Int, _ ctx: MatchContext) -> (label: Label, end: Int, pattern: Int)? {
        guard let m = patterns.longest(at: i, ctx) else { return nil }
        return (label(ofPattern: m.pattern), m.end, m.pattern)
    }

    /// Non-overlapping leftmost-longest matches in tokens[from..<ctx.limit].
    func scan(from: Int, _ ctx: MatchContext) -> [(label: Label, start: Int, end: Int, pattern: Int)] {
        var out: [(label: Label, start: Int, end: Int, pattern: Int)] = []
        var i = from
        while let m = patterns.nextMatch(from: i, ctx) {
            if out.isEmpty { out.reserveCapacity(8) }      // one allocation for a sentence's matches
            out.append((label(ofPattern: m.pattern), m.start, m.end, m.pattern))
            i = m.end
        }
        return out
    }
}
