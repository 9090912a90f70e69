/// Dates and ranges in running text, resolved against the publication date:
/// "December 9th to 18th", "Oct 15-24", "from mid-December to mid-January next year",
/// "July 10 this year", "On the 21st", "in May", "by Nov 27", "in 2022", "on Wednesday" (the last such
/// day up to publication), "last month", "last week".
/// Without a publication year, dates keep what is known: "--07-10".
struct DateFinder {
    let rules: RuleStore
    let ctx: MatchContext
    let published: DateParts?
    /// Read per token: copied out of the lexicon once per sentence.
    private let theKey: UInt64, yearKey: UInt64, monthKey: UInt64, weekKey: UInt64

    /// The word lists ("date range joiners", "weekday 1" …) are in lexicon.tsv (rules.lexicon).
    init(rules: RuleStore, ctx: MatchContext, published: DateParts?) {
        self.rules = rules; self.ctx = ctx; self.published = published
        let lexicon = rules.lexicon
        theKey = lexicon.the; yearKey = lexicon.year; monthKey = lexicon.month; weekKey = lexicon.week
    }

    /// "on Wednesday": the latest such weekday on or before the publication date ("last Wednesday": before it).
    /// Inlined: asked at every token, most of which are no capitalised word.
    @inline(__always)
    func weekday(at i: Int, prev: UInt64) -> DateParts? {
        guard ctx.tokens[i].capitalized, ctx.tokens[i].kind == .word else { return nil }
        return weekdayOf(i, prev: prev)
    }

    private func weekdayOf(_ i: Int, prev: UInt64) -> DateParts? {
        guard let wd = rules.lexicon.weekdays.get(ctx.tokens[i].key).map(Int.init),
              !rules.lexicon.notPastWeekday.contains(prev), let p = published, let y = p.year, let m = p.month, let d = p.day else { return nil }
        let day = CivilDay(year: y, month: m, day: d)
        var back = (day.weekday - wd + 7) % 7
        if back == 0, prev == rules.lexicon.last { back = 7 }
        let r = day.adding(-back)
        return DateParts(year: r.year, month: r.month, day: r.day)
    }

    /// "last month", "this month", "last week", "this week": the month they fall in, and the token after.
    /// Inlined: asked at every token; the word after it is seldom "month" or "week".
    @inline(__always)
    func monthWord(at i: Int) -> (DateParts, Int)? {
        guard i + 1 < ctx.limit, ctx.tokens[i + 1].key == monthKey || ctx.tokens[i + 1].key == weekKey else { return nil }
        return monthWordOf(i)
    }

    private func monthWordOf(_ i: Int) -> (DateParts, Int)? {
        guard let p = published, let y = p.year, let m = p.month else { return nil }
        let unit = ctx.tokens[i + 1].key
        let offset: Int
        switch ctx.tokens[i].key {
        case rules.lexicon.this: offset = 0
        case rules.lexicon.last: offset = -1
        case rules.lexicon.next: offset = 1
        default: return nil
        }
        if unit == rules.lexicon.month {
            let k = y * 12 + (m - 1) + offset
            return (DateParts(year: k / 12, month: k % 12 + 1), i + 2)
        }
        guard let d = p.day else { return (DateParts(year: y, month: m), i + 2) }
        let r = CivilDay(year: y, month: m, day: d).adding(7 * offset)
        return (DateParts(year: r.year, month: r.month), i + 2)
    }

    /// "month", "week", "year": the word after "this/last/next" in monthWord and yearWord.
    /// Can a date form start at token i? (See find.)
    @inline(__always) private func mayStart(_ i: Int) -> Bool {
        let t = ctx.tokens[i]
        return t.key == theKey || t.capitalized || t.kind == .number || i + 1 < ctx.limit && nextMarksDate(ctx.tokens[i + 1].key)
            || t.key == rules.lexicon.today || t.key == rules.lexicon.yesterday
    }

    @inline(__always) private func nextMarksDate(_ key: UInt64) -> Bool { key == monthKey || key == weekKey || key == yearKey }

    var reader: DateReader { DateReader(months: rules.months, ordinals: rules.lexicon.ordinalSuffixes, tokens: ctx.tokens, bytes: ctx.bytes, limit: ctx.limit) }

    /// The month of "the 21st": the month of the date last mentioned, unless that lies after the
    /// publication month ("until the end of March"); then the month of publication when the day is not after it.
    func nthMonth(_ d: Int, lastDate: DateParts?) -> DateParts? {
        if let last = lastDate, let lm = last.month {
            guard let p = published, let pm = p.month, let ly = last.year, let py = p.year else { return last }
            if ly * 12 + lm <= py * 12 + pm { return last }
        }
        if let p = published, p.month != nil, let pd = p.day, d <= pd { return p }
        return nil
    }

    /// "this year" / "next year" / "last year" at i: the year offset and the token after.
    func yearWord(at i: Int) -> (Int, Int)? {
        guard i + 1 < ctx.limit, ctx.tokens[i + 1].key == yearKey else { return nil }
        switch ctx.tokens[i].key {
        case rules.lexicon.this: return (0, i + 2)
        case rules.lexicon.next: return (1, i + 2)
        case rules.lexicon.last: return (-1, i + 2)
        default: return nil
        }
    }

    /// Fills in the year from the publication date (a month far after it belongs to the year before).
    func resolve(_ d: DateParts, offset: Int?) -> DateParts {
        var r = d
        guard r.year == nil, let py = published?.year else { return r }
        r.year = py + (offset ?? 0)
        if offset == nil, let m = r.month, let pm = published?.month, m - pm > 6 { r.year = py - 1 }
        return r
    }

    /// `lastDate`: the last date with a month so far in the text, what "the 21st" counts from.
    func find(_ range: Range<Int>, lastDate: inout DateParts?, _ used: inout [Bool], _ found: inout [Entity]) {
        let reader = self.reader
        var i = range.lowerBound
        while i < range.upperBound {
            // Every form below starts with "the", a capitalised word or a number, or is a word
            // before "month", "week" or "year": a tight loop passes over the other tokens (most of them).
            while i < range.upperBound, !mayStart(i) { i += 1 }
            guard i < range.upperBound else { break }
            guard !used[i] else { i += 1; continue }
            let t = ctx.tokens[i]
            let prevKey = i > range.lowerBound ? ctx.tokens[i - 1].key : 0
            // "On the 21st": a day of the month last mentioned (not "the 3rd China … Expo", an edition)
            if t.key == theKey, i + 2 < range.upperBound, let d = reader.number(i + 1), (1...31).contains(d),
               rules.lexicon.ordinalSuffixes.contains(ctx.tokens[i + 2].key),
               rules.lexicon.nthLead.contains(prevKey) || (i + 3 < range.upperBound && ctx.tokens[i + 3].kind == .punct),
               let month = nthMonth(d, lastDate: lastDate) {
                let date = DateParts(year: month.year, month: month.month, day: d)
                add(date, nil, i..<(i + 3), "date: the Nth", &lastDate, &used, &found, relativeDay: true)
                i += 3; continue
            }
            // "on Wednesday", "last Friday"
            if let date = weekday(at: i, prev: prevKey) {
                add(date, nil, i..<(i + 1), "date: weekday", &lastDate, &used, &found)
                i += 1; continue
            }
            // "today", "yesterday": counted from the publication day
            if t.key == rules.lexicon.today || t.key == rules.lexicon.yesterday, let p = published, let y = p.year, let m = p.month, let d = p.day {
                let r = CivilDay(year: y, month: m, day: d).adding(t.key == rules.lexicon.today ? 0 : -1)
                add(DateParts(year: r.year, month: r.month, day: r.day), nil, i..<(i + 1), "date: today/yesterday", &lastDate, &used, &found)
                i += 1; continue
            }
            // "last month", "this week"
            if let (date, e) = monthWord(at: i) {
                add(date, nil, i..<e, "date: this/last month", &lastDate, &used, &found)
                i = e; continue
            }
            // "in 2022"
            if t.kind == .number, let y = reader.number(i), reader.isYear(y), rules.lexicon.yearLead.contains(prevKey),
               !(i + 1 < range.upperBound && rules.lexicon.percentWords.contains(ctx.tokens[i + 1].key)) {
                add(DateParts(year: y), nil, i..<(i + 1), "date: year", &lastDate, &used, &found)
                i += 1; continue
            }
            // "last year", "this year" on their own
            if let (offset, e) = yearWord(at: i), let py = published?.year,
               !(i > range.lowerBound && reader.month(i - 1) != nil) {
                add(DateParts(year: py + offset), nil, i..<e, "date: this/next/last year", &lastDate, &used, &found)
                i = e; continue
            }
            // "26 to 27 July 2019", "26-27 July": the first day takes the month and year of the second date
            if t.kind == .number, let d = reader.number(i), (1...31).contains(d), i + 2 < range.upperBound,
               rules.lexicon.dateRangeJoiners.contains(ctx.tokens[i + 1].key), reader.month(i + 1) == nil,
               let (e2, after) = reader.read(at: i + 2), let d2 = e2.day, e2.month != nil, d < d2 {
                var stop = after, endOffset: Int?
                if let (o, e) = yearWord(at: after) { endOffset = o; stop = e }
                let endDate = resolve(e2, offset: endOffset)
                add(DateParts(year: endDate.year, month: endDate.month, day: d), endDate, i..<stop, "date: day range", &lastDate, &used, &found)
                i = stop; continue
            }
            guard let (start, end0) = reader.read(at: i) else { i += 1; continue }
            var end = end0
            if start.day == nil, start.year == nil, !rules.lexicon.monthLead.contains(prevKey), yearWord(at: end) == nil { i = end; continue }
            var offset: Int?
            if let (o, e) = yearWord(at: end) { offset = o; end = e }
            var endDate: DateParts?
            // "December 9th to 18th", "Oct 15-24"
            if end < range.upperBound, rules.lexicon.dateRangeJoiners.contains(ctx.tokens[end].key) {
                var j = end + 1
                if start.day != nil, let d = reader.number(j), (1...31).contains(d), reader.month(j + 1) == nil {
                    j += 1
                    if j < range.upperBound, rules.lexicon.ordinalSuffixes.contains(ctx.tokens[j].key) { j += 1 }
                    endDate = DateParts(year: start.year, month: start.month, day: d)
                    end = j
                } else {
                    while j < range.upperBound, j - end < 5, rules.lexicon.dateFillers.contains(ctx.tokens[j].key) { j += 1 }
                    if let (e2, after) = reader.read(at: j) {
                        var endOffset: Int?
                        var stop = after
                        if let (o, e) = yearWord(at: after) { endOffset = o; stop = e }
                        endDate = resolve(e2, offset: endOffset ?? offset)
                        end = stop
                    }
                }
            }
            let s = resolve(start, offset: offset)
            if let e = endDate, e.year == nil, let y = s.year { endDate?.year = y }
            add(s, endDate.map { resolve($0, offset: offset) }, i..<end, "date", &lastDate, &used, &found)
            i = end
        }
    }

    func add(_ start: DateParts, _ end: DateParts?, _ tokens: Range<Int>, _ rule: String, _ lastDate: inout DateParts?,
                     _ used: inout [Bool], _ found: inout [Entity], relativeDay: Bool = false) {
        found.append(Entity(value: .date(start: start.iso, end: end?.iso), tokens: tokens, rule: rule, relativeDay: relativeDay))
        for k in tokens { used[k] = true }
        if start.month != nil { lastDate = start }
    }
}
