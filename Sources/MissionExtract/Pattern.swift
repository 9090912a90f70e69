/// A token pattern from a rule file, e.g. `organized|organised by` or `{cn} Provincial Department of {cap}`.
///
/// Syntax (space-separated elements):
///   word        a token, matched case-insensitively; `a|b|c` alternatives (each one token)
///   Word!       as `word` but the text must be capitalised
///   ~  ~N       skip 0…4 (0…N) tokens that are words or quotation marks
///   {cn}        a Chinese place (province, city or district) found by the gazetteer
///   {place}     any gazetteer place;  {abroad} a place outside China
///   {cap}       1…6 capitalised words ("Ningbo Federation Changyun International Trade")
///   {num}       a number token
/// A chunk such as `Co.,` that tokenizes into several tokens becomes that sequence of tokens.
/// Multi-word alternatives are written as separate rows.
struct Pattern: Sendable {
    enum Slot: UInt8, Sendable { case cn, place, abroad, cap, num }
    /// How strictly a word's case must agree: gazetteer names are case-sensitive ("US" is not "us").
    enum LetterCase: UInt8, Sendable { case any, capital, upper }

    /// One element, flat (no references) so that matching costs no reference counting.
    struct Element: Sendable {
        enum Kind: UInt8, Sendable { case word, gap, slot }
        var kind: Kind
        var letterCase: LetterCase = .any
        var slot: Slot = .cn
        var gap: Int32 = 0
        var keys: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // up to 4 alternatives inline…
        var more: Int32 = -1                                       // …or an index into PatternSet.extraKeys
        var keyCount: Int32 = 0
    }

    var elements: [(kind: Element.Kind, keys: [UInt64], letterCase: LetterCase, gap: Int, slot: Slot)]
    var payload: Int
    var source: String

    static func compile(_ text: String, payload: Int) throws(RuleError) -> Pattern {
        var elements: [(kind: Element.Kind, keys: [UInt64], letterCase: LetterCase, gap: Int, slot: Slot)] = []
        for chunk in text.split(separator: " ", omittingEmptySubsequences: true) {
            if chunk.hasPrefix("~") {
                guard let n = chunk == "~" ? 4 : Int(chunk.dropFirst()) else { throw RuleError("bad gap \(chunk) in '\(text)'") }
                elements.append((.gap, [], .any, n, .cn)); continue
            }
            if chunk.hasPrefix("{") && chunk.hasSuffix("}") {
                let name = chunk.dropFirst().dropLast()
                let slots: [String: Slot] = ["cn": .cn, "place": .place, "abroad": .abroad, "cap": .cap, "num": .num]
                guard let slot = slots[String(name)] else { throw RuleError("unknown slot \(chunk) in pattern '\(text)'") }
                elements.append((.slot, [], .any, 0, slot)); continue
            }
            var word = String(chunk)
            let capital = word.hasSuffix("!") && word.count > 1
            if capital { word.removeLast() }
            let lc: LetterCase = capital ? .capital : .any
            let alternatives = word.split(separator: "|")
            if alternatives.count > 1 {
                var keys: [UInt64] = []
                for a in alternatives {
                    let t = Tokenizer.tokenize(Array(a.utf8))
                    guard t.count == 1 else { throw RuleError("alternative '\(a)' in '\(text)' must be a single token") }
                    keys.append(t[0].key)
                }
                elements.append((.word, keys, lc, 0, .cn))
            } else {
                for t in Tokenizer.tokenize(Array(word.utf8)) { elements.append((.word, [t.key], lc, 0, .cn)) }
            }
        }
        guard let first = elements.first else { throw RuleError("empty pattern") }
        if first.kind == .gap { throw RuleError("pattern '\(text)' may not start with ~") }
        return Pattern(elements: elements, payload: payload, source: text)
    }

    /// A case-sensitive phrase (gazetteer names): capitalised words must stay capitalised, acronyms upper-case.
    static func phrase(_ text: String, payload: Int) throws(RuleError) -> Pattern {
        let tokens = Tokenizer.tokenize(Array(text.utf8))
        guard !tokens.isEmpty else { throw RuleError("empty name") }
        let elements = tokens.map { t -> (kind: Element.Kind, keys: [UInt64], letterCase: LetterCase, gap: Int, slot: Slot) in
            let lc: LetterCase = t.kind != .word ? .any : t.allCaps && t.end - t.start > 1 ? .upper : t.capitalized ? .capital : .any
            return (.word, [t.key], lc, 0, .cn)
        }
        return Pattern(elements: elements, payload: payload, source: text)
    }
}

/// What a pattern match may consult besides tokens: where gazetteer places start.
struct MatchContext {
    var tokens: UnsafeBufferPointer<Token>
    var bytes: UnsafeBufferPointer<UInt8>
    /// For each token: the end token of a place starting there, negated for places abroad; 0 when none.
    var places: UnsafeBufferPointer<Int32>?
    var limit: Int            // matches never run past this token (sentence end)

    init(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, places: UnsafeBufferPointer<Int32>? = nil, limit: Int) {
        self.tokens = tokens; self.bytes = bytes; self.places = places; self.limit = limit
    }

    @inline(__always) func placeAt(_ i: Int) -> (end: Int, chinese: Bool)? {
        guard let places, i < places.count else { return nil }
        let v = Int(places[i])
        return v == 0 ? nil : (abs(v), v > 0)
    }
}

/// A set of patterns indexed by their first element, matched leftmost-longest.
/// Patterns are stored flat in one shared box (copying a set costs one reference count);
/// the first-token index is a KeyMap into lists of candidates.
struct PatternSet: Sendable {
    /// Written while rules load (copy-on-write), read-only afterwards.
    private final class Storage: @unchecked Sendable {
        var elements: [Pattern.Element] = []
        var extraKeys: [UInt64] = []
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
            c.elements = elements; c.extraKeys = extraKeys; c.spans = spans; c.payloads = payloads; c.sources = sources
            c.firstIndex = firstIndex; c.candidates = candidates; c.placeFirst = placeFirst; c.capFirst = capFirst; c.numFirst = numFirst
            return c
        }
    }
    private var s = Storage()

    /// The matching tables, frozen into raw memory: reading them costs no reference counting
    /// and no exclusivity checks. `owner` frees the memory when the last copy goes away.
    private struct Frozen: @unchecked Sendable {
        var elements: UnsafeMutablePointer<Pattern.Element>
        var extraKeys: UnsafeMutablePointer<UInt64>
        var spans: UnsafeMutablePointer<Int32>          // start, count per pattern
        var mapKeys: UnsafeMutablePointer<UInt64>       // first-token index: open addressing
        var mapValues: UnsafeMutablePointer<Int32>      // → start in `candidates`, -1 when empty
        var mask: Int
        var candidates: UnsafeMutablePointer<Int32>     // runs of pattern indices, each ended by -1
        var placeFirst: UnsafeMutablePointer<Int32>, placeCount: Int
        var capFirst: UnsafeMutablePointer<Int32>, capCount: Int
        /// Words that follow {cap} in the {cap}-first patterns ("Co", "Association"): unless one
        /// of them comes within a few tokens, no such pattern can match and none is tried.
        var capNext: UnsafeMutablePointer<UInt64>, capNextCount: Int
        var numFirst: UnsafeMutablePointer<Int32>, numCount: Int

        @inline(__always) func lookup(_ key: UInt64) -> Int32 {
            let k = key == 0 ? 1 : key
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while true {
                let found = mapKeys[i]
                if found == k { return mapValues[i] }
                if found == 0 { return -1 }
                i = (i + 1) & mask
            }
        }
    }
    private final class Owner: @unchecked Sendable {
        var blocks: [UnsafeMutableRawPointer] = []
        func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(a.count, 1))
            if !a.isEmpty { p.initialize(from: a, count: a.count) }
            blocks.append(UnsafeMutableRawPointer(p))
            return p
        }
        deinit { for b in blocks { b.deallocate() } }
    }
    private var f: Frozen?
    private var owner: Owner?
    /// This set's bit in Token.tables (0: not assigned, look every word up).
    private var bit: UInt32 = 0

    /// The words that start a pattern.
    var firstWords: [UInt64] { s.firstIndex.entries.map(\.0) }

    /// Builds the matching tables; patterns added later are seen only after another freeze().
    mutating func freeze(bit: UInt32 = 0) {
        self.bit = bit
        let o = Owner()
        var size = 16
        while size < s.candidates.count * 2 + 2 { size <<= 1 }
        var keys = [UInt64](repeating: 0, count: size), values = [Int32](repeating: -1, count: size)
        var flat: [Int32] = []
        for (key, c) in s.firstIndex.entries {
            let k = key == 0 ? 1 : key
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & (size - 1)
            while keys[i] != 0 { i = (i + 1) & (size - 1) }
            keys[i] = k
            values[i] = Int32(flat.count)
            flat.append(contentsOf: s.candidates[Int(c)])
            flat.append(-1)
        }
        var capNext: [UInt64] = []
        for pi in s.capFirst {
            let span = s.spans[Int(pi)]
            guard span.count > 1 else { capNext = []; break }     // a bare {cap}: always try
            let el = s.elements[Int(span.start) + 1]
            guard el.kind == .word, el.more < 0 else { capNext = []; break }
            for k in [el.keys.0, el.keys.1, el.keys.2, el.keys.3].prefix(Int(el.keyCount)) where !capNext.contains(k) { capNext.append(k) }
        }
        f = Frozen(elements: o.copy(s.elements), extraKeys: o.copy(s.extraKeys),
                   spans: o.copy(s.spans.flatMap { [$0.start, $0.count] }),
                   mapKeys: o.copy(keys), mapValues: o.copy(values), mask: size - 1, candidates: o.copy(flat),
                   placeFirst: o.copy(s.placeFirst), placeCount: s.placeFirst.count,
                   capFirst: o.copy(s.capFirst), capCount: s.capFirst.count,
                   capNext: o.copy(capNext), capNextCount: capNext.count,
                   numFirst: o.copy(s.numFirst), numCount: s.numFirst.count)
        owner = o
    }

    var isEmpty: Bool { s.spans.isEmpty }
    var count: Int { s.spans.count }
    var payloads: [Int] { s.payloads }
    var sources: [String] { s.sources }
    func payload(_ p: Int) -> Int { s.payloads[p] }
    func source(_ p: Int) -> String { s.sources[p] }

    mutating func add(_ p: Pattern) {
        if !isKnownUniquelyReferenced(&s) { s = s.copy() }
        f = nil; owner = nil
        let s = self.s
        let index = Int32(s.spans.count)
        s.spans.append((Int32(s.elements.count), Int32(p.elements.count)))
        s.payloads.append(p.payload)
        s.sources.append(p.source)
        for e in p.elements {
            var el = Pattern.Element(kind: e.kind, letterCase: e.letterCase, slot: e.slot, gap: Int32(e.gap))
            el.keyCount = Int32(e.keys.count)
            if e.keys.count <= 4 {
                let k = e.keys + [UInt64](repeating: 0, count: 4 - e.keys.count)
                el.keys = (k[0], k[1], k[2], k[3])
            } else {
                el.more = Int32(s.extraKeys.count)
                s.extraKeys.append(contentsOf: e.keys)
            }
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
            }
        case .gap: break
        }
    }

    /// The longest match starting at token `i`: (pattern index, end token exclusive).
    func longest(at i: Int, _ ctx: MatchContext) -> (pattern: Int, end: Int)? {
        var best: (pattern: Int, end: Int)?
        let t = ctx.tokens[i]
        guard let s = f else { preconditionFailure("PatternSet used before freeze()") }
        var c = bit == 0 || t.tables & bit != 0 ? Int(s.lookup(t.key)) : -1
        if c >= 0 {
            while s.candidates[c] >= 0 { consider(s, Int(s.candidates[c]), i, ctx, &best); c += 1 }
        }
        if s.placeCount > 0, ctx.placeAt(i) != nil { for k in 0..<s.placeCount { consider(s, Int(s.placeFirst[k]), i, ctx, &best) } }
        if s.capCount > 0, t.capitalized, capWordAhead(s, i, ctx) { for k in 0..<s.capCount { consider(s, Int(s.capFirst[k]), i, ctx, &best) } }
        if s.numCount > 0, t.kind == .number { for k in 0..<s.numCount { consider(s, Int(s.numFirst[k]), i, ctx, &best) } }
        return best
    }

    /// Is a word that can follow {cap} within the next seven tokens?
    @inline(__always) private func capWordAhead(_ s: Frozen, _ i: Int, _ ctx: MatchContext) -> Bool {
        if s.capNextCount == 0 { return true }
        var j = i + 1
        while j < min(ctx.limit, i + 8) {
            let key = ctx.tokens[j].key
            for k in 0..<s.capNextCount where s.capNext[k] == key { return true }
            j += 1
        }
        return false
    }

    @inline(__always) private func consider(_ s: Frozen, _ pi: Int, _ i: Int, _ ctx: MatchContext, _ best: inout (pattern: Int, end: Int)?) {
        let start = Int(s.spans[2 * pi]), count = Int(s.spans[2 * pi + 1])
        if let e = matchElements(s, start, start + count, i, ctx), e > (best?.end ?? i) { best = (pi, e) }
    }

    /// All non-overlapping leftmost-longest matches in tokens[from..<ctx.limit].
    func scan(from: Int, _ ctx: MatchContext) -> [(pattern: Int, start: Int, end: Int)] {
        var out: [(pattern: Int, start: Int, end: Int)] = []
        var i = from
        while i < ctx.limit {
            if let m = longest(at: i, ctx) { out.append((m.pattern, i, m.end)); i = m.end } else { i += 1 }
        }
        return out
    }

    func match(_ pi: Int, at i: Int, _ ctx: MatchContext) -> Int? {
        guard let s = f else { preconditionFailure("PatternSet used before freeze()") }
        let start = Int(s.spans[2 * pi]), count = Int(s.spans[2 * pi + 1])
        return matchElements(s, start, start + count, i, ctx)
    }

    @inline(__always) private func hasKey(_ s: Frozen, _ el: Pattern.Element, _ key: UInt64) -> Bool {
        if el.more >= 0 {
            for k in Int(el.more)..<(Int(el.more) + Int(el.keyCount)) where s.extraKeys[k] == key { return true }
            return false
        }
        return el.keys.0 == key || (el.keyCount > 1 && (el.keys.1 == key || el.keys.2 == key || el.keys.3 == key))
    }

    private func matchElements(_ s: Frozen, _ e: Int, _ last: Int, _ i: Int, _ ctx: MatchContext) -> Int? {
        if e == last { return i }
        let el = s.elements[e]
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
            return matchElements(s, e + 1, last, i + 1, ctx)
        case .gap:
            var j = i
            // Shortest gap first: keeps "organized ~ to" from swallowing a later "to".
            while j <= min(i + Int(el.gap), ctx.limit) {
                if let r = matchElements(s, e + 1, last, j, ctx) { return r }
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
                return matchElements(s, e + 1, last, p.end, ctx)
            case .num:
                guard ctx.tokens[i].kind == .number else { return nil }
                return matchElements(s, e + 1, last, i + 1, ctx)
            case .cap:
                guard ctx.tokens[i].capitalized else { return nil }
                var j = i
                while j < ctx.limit, j - i < 6, ctx.tokens[j].capitalized || (j > i && ctx.tokens[j].key == PatternSet.andKey) { j += 1 }
                while j > i {           // longest run first, then shorter
                    if ctx.tokens[j - 1].capitalized, let r = matchElements(s, e + 1, last, j, ctx) { return r }
                    j -= 1
                }
                return nil
            }
        }
    }

    static let andKey = TokenKey.of("and")
    static let hyphenKey = TokenKey.of("-")

    /// A hyphen glued to the words on both sides ("China-ASEAN").
    @inline(__always) static func wordHyphen(_ j: Int, _ ctx: MatchContext) -> Bool {
        ctx.tokens[j].key == hyphenKey && !ctx.tokens[j].spaceBefore && j + 1 < ctx.limit && !ctx.tokens[j + 1].spaceBefore
    }
}
