/// Patterns with a label each: the compiled form of one rule file's rows.
struct RuleTable<Label: Sendable>: Sendable {
    var patterns = PatternSet()
    var labels: [Label] = []

    mutating func add(_ pattern: String, _ label: Label, file: RuleFile, row: RuleFile.Row) throws(RuleError) {
        do {
            for row in Pattern.expand(pattern) { patterns.add(try Pattern.compile(row, payload: labels.count)) }
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

    /// longest(at:) for a forward walk over one sentence, see PatternSet.longest(at:_:nextCapWord:).
    @inline(__always)
    func longest(at i: Int, _ ctx: MatchContext, nextCapWord: inout Int) -> (label: Label, end: Int, pattern: Int)? {
        guard let m = patterns.longest(at: i, ctx, nextCapWord: &nextCapWord) else { return nil }
        return (label(ofPattern: m.pattern), m.end, m.pattern)
    }

    /// See PatternSet.nextPossibleStart(from:to:_:).
    @inline(__always)
    func nextPossibleStart(from i: Int, to end: Int, _ ctx: MatchContext) -> Int { patterns.nextPossibleStart(from: i, to: end, ctx) }

    typealias Match = (label: Label, start: Int, end: Int, pattern: Int)

    /// Non-overlapping leftmost-longest matches in tokens[from..<ctx.limit].
    func scan(from: Int, _ ctx: MatchContext) -> [Match] {
        var out: [Match] = []
        scan(from: from, ctx, into: &out)
        return out
    }

    /// scan(from:) appending to `out`: a caller that scans every sentence reuses one buffer
    /// (emptied with removeAll(keepingCapacity:)) instead of allocating an array per sentence.
    func scan(from: Int, _ ctx: MatchContext, into out: inout [Match]) {
        forEachMatch(from: from, ctx) { m in
            if out.capacity == 0 { out.reserveCapacity(8) }      // one allocation for a sentence's matches
            out.append(m)
        }
    }

    /// The matches of scan(from:), in order, handed to `body` one by one: no array at all.
    @inline(__always)
    func forEachMatch(from: Int, _ ctx: MatchContext, _ body: (Match) -> Void) {
        var i = from
        while let m = patterns.nextMatch(from: i, ctx) {
            body((label(ofPattern: m.pattern), m.start, m.end, m.pattern))
            i = m.end
        }
    }
}
