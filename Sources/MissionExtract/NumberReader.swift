/// Money, counts and durations: "39.3 billion yuan (RM24bil)", "$3.8 billion", "more than 100 companies",
/// "nearly 30,000", "eight Wenzhou-based manufacturers", "6-day", "for a period of 9 days".
struct NumberReader {
    let rules: RuleStore
    let ctx: MatchContext

    static let dash = TokenKey.of("-"), open = TokenKey.of("("), close = TokenKey.of(")")
    static let percent: Set<UInt64> = [TokenKey.of("%"), TokenKey.of("percent"), TokenKey.of("per")]
    static let days: [UInt64: Int] = [TokenKey.of("day"): 1, TokenKey.of("days"): 1, TokenKey.of("week"): 7, TokenKey.of("weeks"): 7]
    /// Words that end the search for a count's noun ("40 people from …", "10 key enterprises and …").
    static let stops: Set<UInt64> = Set(["with", "to", "from", "for", "in", "of", "on", "at", "by", "and", "or", "have", "has",
                                         "was", "were", "are", "is", "will", "that", "which", "than"].map(TokenKey.of))
    /// Magnitudes that must be glued to the number ("58.6m", "RM24bil"): alone they mean other things.
    static let gluedOnly: Set<UInt64> = Set(["m", "b", "k", "bil", "mil", "bn", "mln", "tn"].map(TokenKey.of))

    /// A number at i (digits or words) with its magnitude: value and end token.
    func number(at i: Int) -> (value: Double, end: Int)? {
        let t = ctx.tokens[i]
        var value: Double
        var end: Int
        if t.kind == .number {
            var digits: [UInt8] = []
            for k in Int(t.start)..<Int(t.end) where ctx.bytes[k] != UInt8(ascii: ",") { digits.append(ctx.bytes[k]) }
            guard let v = Double(String(decoding: digits, as: UTF8.self)) else { return nil }
            value = v; end = i + 1
        } else if t.kind == .word, let m = rules.numberWords.longest(at: i, ctx) {
            value = m.label; end = m.end
        } else { return nil }
        if end < ctx.limit, let m = rules.magnitudes.longest(at: end, ctx),
           !Self.gluedOnly.contains(ctx.tokens[end].key) || !ctx.tokens[end].spaceBefore {
            value *= m.label; end = m.end
        }
        return (value, end)
    }

    /// A qualifier ending right before token i ("more than", "nearly").
    func qualifier(before i: Int, from lower: Int) -> (Qualifier, Int)? {
        for k in stride(from: i - 1, through: max(lower, i - 4), by: -1) {
            if let m = rules.qualifiers.longest(at: k, ctx), m.end == i { return (m.label, k) }
        }
        return nil
    }

    mutating func find(_ range: Range<Int>, _ used: inout [Bool], _ found: inout [Entity]) {
        var lastMoneyEnd = -1
        var i = range.lowerBound
        while i < range.upperBound {
            guard !used[i], let (value, numEnd) = number(at: i) else { i += 1; continue }
            var start = i, end = numEnd
            // Durations: "6-day", "9 days", "a period of 9 days"
            if value >= 1, value <= 400, value == value.rounded() {
                var j = numEnd
                if j < range.upperBound, ctx.tokens[j].key == Self.dash { j += 1 }
                if j < range.upperBound, let per = Self.days[ctx.tokens[j].key] {
                    found.append(Entity(value: .duration(days: Int(value) * per), tokens: i..<(j + 1), rule: "duration"))
                    for k in i...j { used[k] = true }
                    i = j + 1; continue
                }
            }
            // Money: a currency before ($, RM, US$) or after (yuan, U.S. dollars)
            var currency: String?
            for k in stride(from: i - 1, through: max(range.lowerBound, i - 3), by: -1) {
                if let m = rules.currencyBefore.longest(at: k, ctx), m.end == i { currency = m.label; start = k; break }
            }
            if currency == nil, end < range.upperBound, let m = rules.currencyAfter.longest(at: end, ctx) {
                currency = m.label; end = m.end
            }
            var qual = Qualifier.exact
            if let (q, qs) = qualifier(before: start, from: range.lowerBound) { qual = q; start = qs }
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
            if numEnd < range.upperBound, Self.percent.contains(ctx.tokens[numEnd].key) { i = numEnd + 1; continue }
            let t = ctx.tokens[i]
            if t.kind == .number, numEnd == i + 1, value >= 1900, value <= 2100, t.end - t.start == 4 { i += 1; continue }
            // Counts: the unit noun within five tokens ("eight Wenzhou-based auto parts manufacturers").
            var unit: String?
            var j = numEnd
            // "a five-year contract", "a 10-member team": a compound modifier, not a count of the noun
            let compound = numEnd < range.upperBound && ctx.tokens[numEnd].key == Self.dash && !ctx.tokens[numEnd].spaceBefore
            while !compound, j < min(range.upperBound, numEnd + 6) {
                let tk = ctx.tokens[j]
                if let m = rules.units.longest(at: j, ctx) { unit = m.label; end = m.end; break }
                if tk.kind == .number || Self.stops.contains(tk.key) { break }
                if tk.kind == .punct && tk.key != Self.dash { break }
                j += 1
            }
            found.append(Entity(value: .count(value: value, qualifier: qual, unit: unit), tokens: start..<(unit == nil ? numEnd : end),
                                rule: unit == nil ? "number" : "count"))
            for k in start..<numEnd { used[k] = true }
            i = numEnd
        }
    }
}
