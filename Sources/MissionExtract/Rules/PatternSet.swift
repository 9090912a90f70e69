/// A set of patterns indexed by their first element, matched leftmost-longest.
/// Patterns are stored flat in one shared box (copying a set costs one reference count);
/// the first-token index is a KeyMap into lists of candidates.
/// A set is built by add(), frozen by freeze(), then only read, from any thread.
/// @unchecked: the frozen tables sit behind raw pointers. Guarded by that order, checked where it
/// matters: add() refuses a frozen set, matching refuses an unfrozen one; `s` is copied on write.
struct PatternSet: @unchecked Sendable {
    /// Written while rules load (copy-on-write: add() copies a shared one), read-only afterwards.
    private final class Storage {
        var elements: [Pattern.Element] = []
        var alternatives: [UInt64] = []
        var spans: [(start: Int32, count: Int32)] = []
        var payloads: [Int] = []
        var sources: [String] = []
        var firstIndex = KeyMap()
        var candidates: [[Int32]] = []       // by firstIndex value
        var placeFirst: [Int32] = []         // patterns starting with {cn} {place} {abroad}
        var capFirst: [Int32] = []           // … with {cap}
        var numFirst: [Int32] = []           // … with {num}

        func copy() -> Storage {
            let c = Storage()
            c.elements = elements; c.alternatives = alternatives; c.spans = spans; c.payloads = payloads; c.sources = sources
            c.firstIndex = firstIndex; c.candidates = candidates; c.placeFirst = placeFirst; c.capFirst = capFirst; c.numFirst = numFirst
            return c
        }
    }
    private var s = Storage()

    /// The matching tables, frozen into raw memory: reading them costs no reference counting
    /// and no exclusivity checks. `owner` frees the memory when the last copy goes away.
    private struct Frozen {
        var elements: UnsafeMutablePointer<Pattern.Element>
        var alternatives: UnsafeMutablePointer<UInt64>
        var spans: UnsafeMutablePointer<Int32>          // start, count per pattern
        var payloads: UnsafeMutablePointer<Int>
        var firstWord: CandidateIndex                   // first token's key → patterns
        /// Place-first patterns by the key of the token after the place; `otherAfterPlace` is the run
        /// for any other token (the patterns whose second element is no word).
        var afterPlace: CandidateIndex, otherAfterPlace: Int
        var capFirst: UnsafeMutablePointer<Int32>, capCount: Int
        var numFirst: UnsafeMutablePointer<Int32>, numCount: Int

    }

    /// Token key → a run of pattern indices (in pattern order, ended by -1), by open addressing.
    private struct CandidateIndex {
        /// A key and the start of its run in `runs` side by side: a lookup reads one cache line.
        struct Slot { var key: UInt64; var start: Int32 }
        /// One run entry, all that the candidate loop tests in 16 bytes: a run is read in one or two
        /// cache lines however many patterns share the first word (not four arrays' worth).
        struct Entry {
            /// The bloom bits of the words its second element accepts (all bits when that element is
            /// no word), to pass over patterns the next token cannot continue.
            var follow: UInt64
            var pattern: Int32                          // -1: the run's end
            /// The length of the gap that is its second element when a word follows that gap
            /// ("this ~2 trip"), else -1: a pattern whose word is nowhere in reach is passed over.
            var gapAhead: Int8
            /// One word in any case: matched by its index entry alone.
            var plain: Bool
        }
        var slots: UnsafeMutablePointer<Slot>           // key 0: empty
        var mask: Int
        var runs: UnsafeMutablePointer<Entry>

        init(_ entries: [(key: UInt64, patterns: [Int32])], extraRuns: [[Int32]] = [], follow: (Int32) -> UInt64,
             gapAhead: (Int32) -> Int8 = { _ in -1 }, plain: (Int32) -> Bool = { _ in false }, _ o: Owner) {
            var size = 16
            while size < entries.count * 2 + 2 { size <<= 1 }
            var slots = [Slot](repeating: Slot(key: 0, start: -1), count: size)
            var runs: [Int32] = []
            for (key, patterns) in entries {
                let k = key == 0 ? 1 : key
                var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & (size - 1)
                while slots[i].key != 0 { i = (i + 1) & (size - 1) }
                slots[i] = Slot(key: k, start: Int32(runs.count))
                runs += patterns + [-1]
            }
            for r in extraRuns { runs += r + [-1] }      // found by offset, after the keyed runs
            self.slots = o.copy(slots); self.mask = size - 1
            self.runs = o.copy(runs.map { $0 < 0 ? Entry(follow: 0, pattern: -1, gapAhead: -1, plain: false)
                                                 : Entry(follow: follow($0), pattern: $0, gapAhead: gapAhead($0), plain: plain($0)) })
        }

        @inline(__always) func lookup(_ key: UInt64) -> Int {
            let k = key == 0 ? 1 : key
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while true {
                let found = slots[i].key
                if found == k { return Int(slots[i].start) }
                if found == 0 { return -1 }
                i = (i + 1) & mask
            }
        }
    }
    private final class Owner {
        var blocks: [UnsafeMutableRawPointer] = []
        func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(a.count, 1))
            if !a.isEmpty { p.initialize(from: a, count: a.count) }
            blocks.append(UnsafeMutableRawPointer(p))
            return p
        }
        deinit { for b in blocks { b.deallocate() } }
    }
    /// Behind a pointer (in `owner`'s memory): a PatternSet stays small, and reading a table out of
    /// RuleStore copies a few words, not the whole table header.
    private var f: UnsafePointer<Frozen>?
    private var owner: Owner?
    /// Set by freeze(): from then on the set is only read (see the @unchecked above).
    private var isFrozen: Bool { f != nil }
    /// This set's bit in Token.tables (0: not assigned, look every word up).
    private var bit: UInt32 = 0
    /// Patterns start with a place slot, {cap} or {num}: tokens without the bit may still start them.
    private var placeFirst = false, capFirst = false, numFirst = false
    /// Token.tables bit of the words that follow {cap} in the {cap}-first patterns ("Co",
    /// "Association"): unless one comes within a few tokens, no such pattern can match and none
    /// is tried. 0: no such words known, always try.
    private var capNextBit: UInt32 = 0
    /// Token.tables bit of the words that follow a gap in second place (see `gapNextWords`); 0: unmarked.
    private var gapNextBit: UInt32 = 0

    /// The words that start a pattern.
    var firstWords: [UInt64] { s.firstIndex.entries.map(\.0) }

    /// The test by which `longest` turns most tokens away, as a two-word value that a loop over
    /// tokens keeps in registers (calling `longest` on a table in the rule store re-reads the table).
    struct StartTest {
        let bit: UInt32
        let anyToken: Bool                  // slot-first patterns, or no bit: every token may start one
        @inline(__always) func mayStart(at i: Int, _ ctx: MatchContext) -> Bool { anyToken || ctx.tokens[i].tables & bit != 0 }
    }
    var startTest: StartTest { StartTest(bit: bit, anyToken: bit == 0 || placeFirst || capFirst || numFirst) }

    /// The words that follow {cap} in the {cap}-first patterns; nil when any word may (a bare {cap}).
    var capNextWords: [UInt64]? {
        var words: [UInt64] = []
        for pi in s.capFirst {
            let span = s.spans[Int(pi)]
            guard span.count > 1 else { return nil }
            let el = s.elements[Int(span.start) + 1]
            guard el.kind == .word, el.keyCount <= 4 else { return nil }
            for k in s.alternatives[Int(el.keyStart)..<Int(el.keyStart + el.keyCount)] where !words.contains(k) { words.append(k) }
        }
        return words.isEmpty ? nil : words
    }

    /// The words right after a gap that is a pattern's second element ("this ~2 trip|tour": trip, tour).
    var gapNextWords: [UInt64] {
        var words: [UInt64] = []
        for span in s.spans where span.count > 2 && s.elements[Int(span.start) + 1].kind == .gap {
            let el = s.elements[Int(span.start) + 2]
            guard el.kind == .word else { continue }
            for k in s.alternatives[Int(el.keyStart)..<Int(el.keyStart + el.keyCount)] where !words.contains(k) { words.append(k) }
        }
        return words
    }

    /// Builds the matching tables, once every pattern is added (add() refuses a frozen set).
    /// `bit` marks tokens that start a pattern, `capNextBit` those in `capNextWords`, `gapNextBit`
    /// those in `gapNextWords` (0: unmarked).
    mutating func freeze(bit: UInt32 = 0, capNextBit: UInt32 = 0, gapNextBit: UInt32 = 0) {
        self.bit = bit
        self.gapNextBit = gapNextBit
        placeFirst = !s.placeFirst.isEmpty
        capFirst = !s.capFirst.isEmpty
        numFirst = !s.numFirst.isEmpty
        self.capNextBit = capNextWords == nil ? 0 : capNextBit
        let o = Owner()
        let secondWords: (Int32) -> UInt64 = { pi in
            let span = s.spans[Int(pi)]
            return span.count > 1 && s.elements[Int(span.start) + 1].kind == .word ? s.elements[Int(span.start) + 1].bloom : ~0
        }
        let gapAhead: (Int32) -> Int8 = { pi in
            let span = s.spans[Int(pi)]
            guard gapNextBit != 0, span.count > 2, s.elements[Int(span.start) + 1].kind == .gap,
                  s.elements[Int(span.start) + 2].kind == .word else { return -1 }
            return Int8(min(s.elements[Int(span.start) + 1].gap, 100))
        }
        let plain: (Int32) -> Bool = { pi in
            let span = s.spans[Int(pi)]
            return span.count == 1 && s.elements[Int(span.start)].kind == .word && s.elements[Int(span.start)].letterCase == .any
        }
        let firstWord = CandidateIndex(s.firstIndex.entries.map { ($0.0, s.candidates[Int($0.1)]) }, follow: secondWords,
                                       gapAhead: gapAhead, plain: plain, o)
        // After a place: a pattern whose second element is a word waits for one of its keys; the others
        // (another slot, or nothing more) are tried whatever follows, in every run.
        var secondKeys: [[UInt64]?] = []
        for pi in s.placeFirst {
            let span = s.spans[Int(pi)]
            let el = span.count > 1 ? s.elements[Int(span.start) + 1] : nil
            guard let el, el.kind == .word else { secondKeys.append(nil); continue }
            secondKeys.append(Array(s.alternatives[Int(el.keyStart)..<Int(el.keyStart + el.keyCount)]))
        }
        var keysAfterPlace: [UInt64] = []
        for ks in secondKeys { for k in ks ?? [] where !keysAfterPlace.contains(k) { keysAfterPlace.append(k) } }
        let runs = keysAfterPlace.map { k in (k, s.placeFirst.indices.filter { secondKeys[$0]?.contains(k) ?? true }.map { s.placeFirst[$0] }) }
        let others = s.placeFirst.indices.filter { secondKeys[$0] == nil }.map { s.placeFirst[$0] }
        let afterPlace = CandidateIndex(runs, extraRuns: [others], follow: { _ in ~0 }, o)
        f = UnsafePointer(o.copy([Frozen(elements: o.copy(s.elements), alternatives: o.copy(s.alternatives),
                   spans: o.copy(s.spans.flatMap { [$0.start, $0.count] }),
                   payloads: o.copy(s.payloads),
                   firstWord: firstWord,
                   afterPlace: afterPlace, otherAfterPlace: runs.reduce(0) { $0 + $1.1.count + 1 },
                   capFirst: o.copy(s.capFirst), capCount: s.capFirst.count,
                   numFirst: o.copy(s.numFirst), numCount: s.numFirst.count)]))
        owner = o
    }

    var isEmpty: Bool { s.spans.isEmpty }
    var count: Int { s.spans.count }
    var payloads: [Int] { s.payloads }
    var sources: [String] { s.sources }
    /// Read per match: from the frozen tables (the load-time storage is a class, read with access checks).
    func payload(_ p: Int) -> Int { f.map { $0.pointee.payloads[p] } ?? s.payloads[p] }
    func source(_ p: Int) -> String { s.sources[p] }

    mutating func add(_ p: Pattern) {
        precondition(!isFrozen, "PatternSet.add after freeze()")     // the frozen tables are shared read-only
        if !isKnownUniquelyReferenced(&s) { s = s.copy() }
        let s = self.s
        let index = Int32(s.spans.count)
        s.spans.append((Int32(s.elements.count), Int32(p.elements.count)))
        s.payloads.append(p.payload)
        s.sources.append(p.source)
        for e in p.elements {
            var el = Pattern.Element(kind: e.kind, letterCase: e.letterCase, slot: e.slot, gap: Int32(e.gap))
            el.keyCount = Int32(e.keys.count)
            el.bloom = e.keys.reduce(0) { $0 | Pattern.Element.keyBits($1) }
            el.keyStart = Int32(s.alternatives.count)
            s.alternatives.append(contentsOf: e.keys)
            s.elements.append(el)
        }
        let first = p.elements[0]
        switch first.kind {
        case .word:
            for k in first.keys {
                if let c = s.firstIndex.get(k) { s.candidates[Int(c)].append(index) } else {
                    s.firstIndex.set(k, Int32(s.candidates.count)); s.candidates.append([index])
                }
            }
        case .slot:
            switch first.slot {
            case .cn, .place, .abroad: s.placeFirst.append(index)
            case .cap: s.capFirst.append(index)
            case .num: s.numFirst.append(index)
            case .han: break        // refused by Pattern.compile
            }
        case .gap: break
        }
    }

    /// The longest match starting at token `i`: (pattern index, end token exclusive).
    /// Inlined: most tokens start no pattern of the set, which their table bits tell without a call.
    @inline(__always)
    func longest(at i: Int, _ ctx: MatchContext) -> (pattern: Int, end: Int)? {
        let t = ctx.tokens[i]
        guard bit == 0 || t.tables & bit != 0 || placeFirst && ctx.placeAt(i) != nil
              || capFirst && t.capitalized && capWordAhead(i, ctx) || numFirst && t.kind == .number else { return nil }
        return longestFrom(i, ctx)
    }

    /// `longest` for a caller walking a sentence's tokens forward: `nextCapWord` (start at -1 for each
    /// new limit) remembers the next token with `capNextBit`, so that a capitalised token tests its
    /// {cap}-first patterns by one comparison instead of a look over the next seven tokens.
    @inline(__always)
    func longest(at i: Int, _ ctx: MatchContext, nextCapWord: inout Int) -> (pattern: Int, end: Int)? {
        let t = ctx.tokens[i]
        guard bit == 0 || t.tables & bit != 0 || placeFirst && ctx.placeAt(i) != nil
              || capFirst && t.capitalized && capWordAhead(i, ctx, &nextCapWord) || numFirst && t.kind == .number else { return nil }
        return longestFrom(i, ctx)
    }

    /// The first token from i on (before `end`) that may start a pattern of this set by its table
    /// bit, a place, capitalisation or being a number: the tokens `longest` would turn away at
    /// once are passed in a tight loop. (Capitalised tokens are stopped at without the look ahead.)
    @inline(__always)
    func nextPossibleStart(from i: Int, to end: Int, _ ctx: MatchContext) -> Int {
        if bit == 0 { return i }
        let capFlag = capFirst, numFlag = numFirst
        var j = i
        if placeFirst, let places = ctx.places, end <= places.count {
            while j < end {
                let t = ctx.tokens[j]
                if t.tables & bit != 0 || places[j] != 0 || capFlag && t.capitalized || numFlag && t.kind == .number { break }
                j += 1
            }
        } else {
            while j < end {
                let t = ctx.tokens[j]
                if t.tables & bit != 0 || placeFirst && ctx.placeAt(j) != nil || capFlag && t.capitalized
                    || numFlag && t.kind == .number { break }
                j += 1
            }
        }
        return j
    }

    /// capWordAhead(i, ctx) with the next marked token remembered (ctx.limit: none).
    @inline(__always) private func capWordAhead(_ i: Int, _ ctx: MatchContext, _ next: inout Int) -> Bool {
        if capNextBit == 0 { return true }
        if next <= i {
            var j = i + 1
            while j < ctx.limit && ctx.tokens[j].tables & capNextBit == 0 { j += 1 }
            next = j
        }
        return next < min(ctx.limit, i + 8)
    }

    private func longestFrom(_ i: Int, _ ctx: MatchContext) -> (pattern: Int, end: Int)? {
        var best: (pattern: Int, end: Int)?
        let t = ctx.tokens[i]
        guard let s = f else { preconditionFailure("PatternSet used before freeze()") }
        var c = bit == 0 || t.tables & bit != 0 ? s.pointee.firstWord.lookup(t.key) : -1
        if c >= 0 {
            let index = s.pointee.firstWord
            let next = i + 1 < ctx.limit ? Pattern.Element.keyBits(ctx.tokens[i + 1].key) : ~0
            while true {
                let entry = index.runs[c]
                let pi = Int(entry.pattern)
                if pi < 0 { break }
                c += 1
                // A one-word pattern matches here; any other match is at least as long.
                if entry.plain { if best == nil, i < ctx.limit { best = (pi, i + 1) }; continue }
                if entry.follow & next != next { continue }
                let gap = Int(entry.gapAhead)
                if gap >= 0, !markedAhead(i + 1, within: gap, bit: gapNextBit, ctx) { continue }
                consider(s, pi, i, after: i + 1, ctx, &best)
            }
        }
        if placeFirst, let p = ctx.placeAt(i) {
            let index = s.pointee.afterPlace
            var c = p.end < ctx.limit ? index.lookup(ctx.tokens[p.end].key) : -1
            if c < 0 { c = s.pointee.otherAfterPlace }
            while index.runs[c].pattern >= 0 { consider(s, Int(index.runs[c].pattern), i, after: p.end, ctx, &best); c += 1 }
        }
        if capFirst, t.capitalized, capWordAhead(i, ctx) { considerCapFirst(s, i, ctx, &best) }
        if numFirst, t.kind == .number { for k in 0..<s.pointee.numCount { consider(s, Int(s.pointee.numFirst[k]), i, after: i + 1, ctx, &best) } }
        return best
    }

    /// The {cap}-first patterns at token i. {cap} reads the same capitalised run for all of them, and
    /// tries its ends longest first; only ends followed by a word that can come after {cap} can go on,
    /// so those few are found once and each pattern tries just them.
    private func considerCapFirst(_ s: UnsafePointer<Frozen>, _ i: Int, _ ctx: MatchContext, _ best: inout (pattern: Int, end: Int)?) {
        var run = i
        while run < ctx.limit, run - i < 6, ctx.tokens[run].capitalized || (run > i && ctx.tokens[run].key == PatternSet.andKey) { run += 1 }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 6) { ends in
            var n = 0
            for end in stride(from: run, to: i, by: -1) where ctx.tokens[end - 1].capitalized
                && (capNextBit == 0 || end < ctx.limit && ctx.tokens[end].tables & capNextBit != 0) {
                ends[n] = end; n += 1
            }
            guard n > 0 else { return }
            for k in 0..<s.pointee.capCount {
                let pi = Int(s.pointee.capFirst[k])
                let start = Int(s.pointee.spans[2 * pi]), last = start + Int(s.pointee.spans[2 * pi + 1])
                for m in 0..<n where wordMayMatch(s, start + 1, last, ends[m], ctx) {
                    guard let e = matchElements(s, start + 1, last, ends[m], ctx) else { continue }
                    if e > (best?.end ?? i) { best = (pi, e) }
                    break
                }
            }
        }
    }

    /// Has a token of from...from+gap (before the limit) the bit? The word after a gap is among them.
    @inline(__always) private func markedAhead(_ from: Int, within gap: Int, bit: UInt32, _ ctx: MatchContext) -> Bool {
        var j = from
        while j <= from + gap && j < ctx.limit {
            if ctx.tokens[j].tables & bit != 0 { return true }
            j += 1
        }
        return false
    }

    /// Is a word that can follow {cap} within the next seven tokens?
    @inline(__always) private func capWordAhead(_ i: Int, _ ctx: MatchContext) -> Bool {
        if capNextBit == 0 { return true }
        var j = i + 1
        while j < min(ctx.limit, i + 8) {
            if ctx.tokens[j].tables & capNextBit != 0 { return true }
            j += 1
        }
        return false
    }

    /// Tries pattern `pi` at token i. `after`: where its second element would start when the first
    /// matches (-1: not known, {cap}); a second word that cannot match there saves the call.
    @inline(__always) private func consider(_ s: UnsafePointer<Frozen>, _ pi: Int, _ i: Int, after: Int, _ ctx: MatchContext,
                                            _ best: inout (pattern: Int, end: Int)?) {
        let start = Int(s.pointee.spans[2 * pi]), count = Int(s.pointee.spans[2 * pi + 1])
        if after >= 0, !wordMayMatch(s, start + 1, start + count, after, ctx) { return }
        if let e = matchElements(s, start, start + count, i, ctx), e > (best?.end ?? i) { best = (pi, e) }
    }

    /// False when element e is a word that token i is not: matchElements(e, i) would fail at once.
    @inline(__always) private func wordMayMatch(_ s: UnsafePointer<Frozen>, _ e: Int, _ last: Int, _ i: Int, _ ctx: MatchContext) -> Bool {
        guard e < last, s.pointee.elements[e].kind == .word else { return true }
        return i < ctx.limit && hasKey(s, s.pointee.elements[e], ctx.tokens[i].key)
    }

    /// The leftmost match in tokens[from..<ctx.limit], longest there: scanning goes on from its end.
    @inline(__always)
    func nextMatch(from: Int, _ ctx: MatchContext) -> (pattern: Int, start: Int, end: Int)? {
        // The tokens that cannot start a match are passed in nextPossibleStart's tight loop, also in a
        // set with slot-first patterns (one "{abroad} …" row must not make a whole-sentence scan call
        // `longest` at every token).
        var i = from
        while i < ctx.limit {
            i = nextPossibleStart(from: i, to: ctx.limit, ctx)
            guard i < ctx.limit else { break }
            if let m = longest(at: i, ctx) { return (m.pattern, i, m.end) }
            i += 1
        }
        return nil
    }

    func match(_ pi: Int, at i: Int, _ ctx: MatchContext) -> Int? {
        guard let s = f else { preconditionFailure("PatternSet used before freeze()") }
        let start = Int(s.pointee.spans[2 * pi]), count = Int(s.pointee.spans[2 * pi + 1])
        return matchElements(s, start, start + count, i, ctx)
    }

    @inline(__always) private func hasKey(_ s: UnsafePointer<Frozen>, _ el: Pattern.Element, _ key: UInt64) -> Bool {
        let bits = Pattern.Element.keyBits(key)
        guard el.bloom & bits == bits else { return false }
        for k in Int(el.keyStart)..<(Int(el.keyStart) + Int(el.keyCount)) where s.pointee.alternatives[k] == key { return true }
        return false
    }

    /// Matches elements e..<last from token i: the end token, or nil. Words, places and numbers
    /// advance in a loop; gaps and {cap} try their lengths by recursion.
    private func matchElements(_ s: UnsafePointer<Frozen>, _ e0: Int, _ last: Int, _ i0: Int, _ ctx: MatchContext) -> Int? {
        var e = e0, i = i0
        while e < last {
            let el = s.pointee.elements[e]
            switch el.kind {
            case .word:
                guard i < ctx.limit else { return nil }
                let t = ctx.tokens[i]
                guard hasKey(s, el, t.key) else { return nil }
                switch el.letterCase {
                case .any: break
                case .capital: guard t.capitalized else { return nil }
                case .upper: guard t.allCaps else { return nil }
                }
                i += 1
            case .gap:
                var j = i
                // Shortest gap first: keeps "organized ~ to" from swallowing a later "to".
                while j <= min(i + Int(el.gap), ctx.limit) {
                    if wordMayMatch(s, e + 1, last, j, ctx), let r = matchElements(s, e + 1, last, j, ctx) { return r }
                    // Quotation marks do not break a phrase: launched the “Action …”; nor does the
                    // hyphen inside a word: took part in the China-ASEAN Expo.
                    guard j < ctx.limit, ctx.tokens[j].kind != .punct || ctx.tokens[j].key == Tokenizer.quoteKey
                            || PatternSet.wordHyphen(j, ctx) else { return nil }
                    j += 1
                }
                return nil
            case .slot:
                guard i < ctx.limit else { return nil }
                switch el.slot {
                case .cn, .place, .abroad:
                    guard let p = ctx.placeAt(i), p.end <= ctx.limit else { return nil }
                    if el.slot == .cn && !p.chinese || el.slot == .abroad && p.chinese { return nil }
                    i = p.end
                case .num:
                    guard ctx.tokens[i].kind == .number else { return nil }
                    i += 1
                case .han:
                    // longest run first (the name's end is the word after it: "…实业有限公司")
                    var j = i
                    while j < ctx.limit, j - i < 12, ctx.tokens[j].isIdeograph, !PatternSet.nameBreaks.contains(ctx.tokens[j].key) { j += 1 }
                    while j > i {
                        if wordMayMatch(s, e + 1, last, j, ctx), let r = matchElements(s, e + 1, last, j, ctx) { return r }
                        j -= 1
                    }
                    return nil
                case .cap:
                    guard ctx.tokens[i].capitalized else { return nil }
                    var j = i
                    // "Human Resources and Social Security" is one name; "Commerce and China Railway Group"
                    // is two (an "and" before a place starts another)
                    while j < ctx.limit, j - i < 6, ctx.tokens[j].capitalized
                            || (j > i && ctx.tokens[j].key == PatternSet.andKey && !(j + 1 < ctx.limit && ctx.placeAt(j + 1) != nil)) { j += 1 }
                    while j > i {           // longest run first, then shorter
                        if ctx.tokens[j - 1].capitalized, wordMayMatch(s, e + 1, last, j, ctx), let r = matchElements(s, e + 1, last, j, ctx) { return r }
                        j -= 1
                    }
                    return nil
                }
            }
            e += 1
        }
        return i
    }

    /// Chinese conjunctions and particles no name holds: "义乌政府和商城集团" is two names, not one.
    static let nameBreaks = KeySet(["和", "与", "及", "的", "在", "赴", "到", "是", "将", "了", "为", "对", "向", "由", "等"])
    static let andKey = TokenKey.of("and")
    static let hyphenKey = TokenKey.of("-")

    /// A hyphen glued to the words on both sides ("China-ASEAN").
    @inline(__always) static func wordHyphen(_ j: Int, _ ctx: MatchContext) -> Bool {
        ctx.tokens[j].key == hyphenKey && !ctx.tokens[j].spaceBefore && j + 1 < ctx.limit && !ctx.tokens[j + 1].spaceBefore
    }
}
