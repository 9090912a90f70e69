/// Money, counts and durations: "39.3 billion yuan (RM24bil)", "$3.8 billion", "more than 100 companies",
/// "nearly 30,000", "eight Wenzhou-based manufacturers", "6-day", "for a period of 9 days".
struct NumberReader {
    let rules: RuleStore
    let ctx: MatchContext
    /// Number words are looked for at every token: their table's start test, kept at hand.
    let numberWordStarts: PatternSet.StartTest
    /// Asked at every Chinese character: kept at hand, not read through a static each time.
    let numerals = ChineseNumerals.shared

    init(rules: RuleStore, ctx: MatchContext) {
        self.rules = rules; self.ctx = ctx; numberWordStarts = rules.numberWords.startTest
    }

    // The word lists ("percent words", "words that end a count's noun" …) are in lexicon.tsv (rules.lexicon).
    static let dash = TokenKey.of("-"), open = TokenKey.of("("), close = TokenKey.of(")")

    /// A number at i (digits or words) with its magnitude: value and end token.
    /// Inlined: most tokens are neither digits nor number words, which the table bits tell.
    @inline(__always)
    func number(at i: Int) -> (value: Double, end: Int)? {
        let t = ctx.tokens[i]
        if t.kind == .number { return numberFrom(i) }
        // (a lone 一 is "a", "one" of 一行, 一批, 一项: no count)
        if t.isIdeograph {
            guard let r = numerals.read(ctx.tokens, at: i, limit: ctx.limit), r.end > i + 1 || r.value != 1 else { return nil }
            return r
        }
        guard t.kind == .word, numberWordStarts.mayStart(at: i, ctx), let m = rules.numberWords.longest(at: i, ctx) else { return nil }
        // "Eighty-three": tens and units joined by a glued hyphen are one number
        if m.label >= 20, m.label < 100, m.label.truncatingRemainder(dividingBy: 10) == 0, m.end + 1 < ctx.limit,
           PatternSet.wordHyphen(m.end, ctx), let u = rules.numberWords.longest(at: m.end + 1, ctx), u.label >= 1, u.label <= 9 {
            return withMagnitude(m.label + u.label, u.end)
        }
        return withMagnitude(m.label, m.end)
    }

    private func numberFrom(_ i: Int) -> (value: Double, end: Int)? {
        let text = ctx.bytes[Int(ctx.tokens[i].start)..<Int(ctx.tokens[i].end)]
        if let v = Self.exactValue(text) { return withMagnitude(v, i + 1) }
        let digits = text.contains(UInt8(ascii: ",")) ? String(decoding: text.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self)
                                                      : String(decoding: text, as: UTF8.self)
        // 400 digits, or "999…9 trillion", are beyond a Double: no readable amount, not infinity.
        guard let v = Double(digits), v.isFinite else { return nil }
        return withMagnitude(v, i + 1)
    }

    private static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }

    /// The value of a number token ("10,000", "39.3") without making a String for Double(_:), when
    /// that is exact: digits below 2^53 and at most 22 decimals are exact doubles, and one IEEE
    /// division rounds their quotient as strtod rounds the text. Anything else (two points, more
    /// digits) is nil, left to Double(_:).
    static func exactValue(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
        var mantissa: UInt64 = 0, decimals = 0, point = false
        for b in text {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                mantissa = mantissa &* 10 &+ UInt64(b &- UInt8(ascii: "0"))
                guard mantissa <= 1 << 53 else { return nil }
                if point { decimals += 1 }
            case UInt8(ascii: ","): guard !point else { return nil }
            case UInt8(ascii: "."): guard !point else { return nil }; point = true
            default: return nil
            }
        }
        guard !text.isEmpty, decimals <= 22 else { return nil }
        return decimals == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[decimals]
    }

    /// "58.6m", "3.8 billion": a magnitude after the number multiplies it. Nil when the product
    /// is beyond a Double ("1e300 trillion"): such a number cannot be read, and is not one.
    private func withMagnitude(_ number: Double, _ after: Int) -> (value: Double, end: Int)? {
        var value = number, end = after
        if end < ctx.limit, let m = rules.magnitudes.longest(at: end, ctx),
           !rules.lexicon.gluedMagnitudes.contains(ctx.tokens[end].key) || !ctx.tokens[end].spaceBefore {
            value *= m.label; end = m.end
        }
        return value.isFinite ? (value, end) : nil
    }

    /// A qualifier ending right before token i ("more than", "nearly").
    func qualifier(before i: Int, from lower: Int) -> (Qualifier, Int)? {
        for k in stride(from: i - 1, through: max(lower, i - 4), by: -1) {
            if let m = rules.qualifiers.longest(at: k, ctx), m.end == i { return (m.label, k) }
        }
        return nil
    }

    func find(_ range: Range<Int>, _ used: inout [Bool], _ found: inout [Entity]) {
        var lastMoneyEnd = -1
        var i = range.lowerBound
        let tokens = ctx.tokens, starts = numberWordStarts, numerals = self.numerals
        while i < range.upperBound {
            // Most tokens are neither a number nor a word that may start a number word: number(at:)
            // would turn them away, a tight loop passes them first.
            while i < range.upperBound, tokens[i].kind != .number,
                  tokens[i].kind != .word || !starts.mayStart(at: i, ctx) && !numerals.isNumeral(tokens[i]) { i += 1 }
            guard i < range.upperBound else { break }
            guard !used[i], let (value, numEnd) = number(at: i) else { i += 1; continue }
            var start = i, end = numEnd
            // Durations: "6-day", "9 days", "a period of 9 days"
            if value >= 1, value <= 400, value == value.rounded() {
                var j = numEnd
                if j < range.upperBound, ctx.tokens[j].key == Self.dash { j += 1 }
                if j < range.upperBound, let per = rules.lexicon.durationDays.get(ctx.tokens[j].key).map(Int.init) {
                    found.append(Entity(value: .duration(days: Int(value) * per), tokens: i..<(j + 1), rule: "duration"))
                    for k in i...j { used[k] = true }
                    i = j + 1; continue
                }
            }
            // Money: a currency before ($, RM, US$) or after (yuan, U.S. dollars)
            var currency: String?
            // the longest form first: "HK$" and "S$" before the "$" they end with
            for k in max(range.lowerBound, i - 3)..<i {
                if let m = rules.currencyBefore.longest(at: k, ctx), m.end == i { currency = m.label; start = k; break }
            }
            if currency == nil, end < range.upperBound, let m = rules.currencyAfter.longest(at: end, ctx) {
                currency = m.label; end = m.end
            }
            // "1.2 trillion won": a digit number with its magnitude
            if currency == nil, end < range.upperBound, ctx.tokens[i].kind == .number, numEnd > i + 1,
               let m = rules.currencyAfterMagnitude.longest(at: end, ctx) {
                currency = m.label; end = m.end
            }
            var qual = Qualifier.exact
            if let (q, qs) = qualifier(before: start, from: range.lowerBound) { qual = q; start = qs }
            // "50多家", "160余名": Chinese says "more than" after the number
            if numEnd < range.upperBound, rules.lexicon.qualifiersAfterNumber.contains(ctx.tokens[numEnd].key) { qual = .moreThan }
            if let currency {
                // "39.3 billion yuan (RM24bil)": the bracketed conversion is the same amount.
                let conversion = lastMoneyEnd >= 0 && start - lastMoneyEnd == 1 && ctx.tokens[lastMoneyEnd].key == Self.open
                if !conversion {
                    let text = String(decoding: ctx.bytes[Int(ctx.tokens[start].start)..<Int(ctx.tokens[end - 1].end)], as: UTF8.self)
                    found.append(Entity(value: .money(Amount(value: value, currency: currency, text: text)), tokens: start..<end, rule: "money"))
                    lastMoneyEnd = end
                }
                for k in start..<end { used[k] = true }
                i = end; continue
            }
            // Percentages and years are not counts.
            if numEnd < range.upperBound, rules.lexicon.percentWords.contains(ctx.tokens[numEnd].key) { i = numEnd + 1; continue }
            let t = ctx.tokens[i]
            if t.kind == .number, numEnd == i + 1, value >= 1900, value <= 2100, t.end - t.start == 4 { i += 1; continue }
            // "Fortune 500 companies", "the world's top 500 enterprises": a ranking, not a count
            if i > range.lowerBound, (max(range.lowerBound, i - 4)..<i).contains(where: { rules.cue(.notCount, at: $0, ctx) == i }) { i = numEnd; continue }
            // Flight, train and model codes ("MF8492", "D2811"): digits glued to letters count nothing.
            // (Chinese glues every number to the character before it: "率6家企业")
            if t.kind == .number, i > range.lowerBound, !t.spaceBefore, ctx.tokens[i - 1].kind == .word, !ctx.tokens[i - 1].isIdeograph { i = numEnd; continue }
            // Counts: the unit noun within five tokens ("eight Wenzhou-based auto parts manufacturers").
            var unit: String?
            var j = numEnd
            // "a five-year contract", "a 10-member team": a compound modifier, not a count of the noun
            let compound = numEnd < range.upperBound && ctx.tokens[numEnd].key == Self.dash && !ctx.tokens[numEnd].spaceBefore
            while !compound, j < min(range.upperBound, numEnd + 6) {
                let tk = ctx.tokens[j]
                if let m = rules.units.longest(at: j, ctx) { unit = m.label; end = m.end; break }
                if tk.kind == .number || rules.lexicon.countNounStops.contains(tk.key) { break }
                if tk.kind == .punct && tk.key != Self.dash { break }
                j += 1
            }
            // "签约投资项目32个", "参展企业800余家": Chinese may name the noun before the count and its measure word
            if unit == nil, numEnd < range.upperBound, ctx.tokens[numEnd].isIdeograph {
                var m = numEnd
                if rules.lexicon.qualifiersAfterNumber.contains(ctx.tokens[m].key) { m += 1 }
                if m < range.upperBound, rules.lexicon.measureWords.contains(ctx.tokens[m].key) {
                    for k in max(range.lowerBound, i - 4)..<i {
                        if let u = rules.units.longest(at: k, ctx), u.end == i { unit = u.label; end = m + 1; break }
                    }
                }
            }
            found.append(Entity(value: .count(value: value, qualifier: qual, unit: unit), tokens: start..<(unit == nil ? numEnd : end),
                                rule: unit == nil ? "number" : "count"))
            for k in start..<numEnd { used[k] = true }
            i = numEnd
        }
    }
}
