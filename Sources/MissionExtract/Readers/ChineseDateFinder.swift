/// Dates of Chinese text, resolved against the publication date as DateFinder does for English:
/// 2022年12月28日, 12月4日, 六月十四日, 12月9日至18日, 9月26日至29日, 12月28日至1月3日, 12月初 / 上旬 /
/// 中旬 / 下旬 / 底 (the month), 明年1月中旬, 今年6月, 2023年, 今年 / 去年 / 明年, 5日 (a day of the
/// month last named, or of publication), 今天 / 今日 / 昨天 / 昨日.
/// The marks 年 月 日 号 and the range joiners are the syntax of a Chinese date, kept here.
struct ChineseDateFinder {
    let finder: DateFinder
    /// Digit tokens are read as the English dates read them.
    private let reader: DateReader
    private let numerals = ChineseNumerals.shared
    private let words = Words.shared

    init(finder: DateFinder) { self.finder = finder; reader = finder.reader }

    /// The words below in tables by token key, read through one instance (no static per token).
    struct Words: Sendable {
        static let shared = Words()
        let year = TokenKey.of("年"), month = TokenKey.of("月"), day = TokenKey.of("日"), dayAlt = TokenKey.of("号")
        let xun = TokenKey.of("旬"), dispatch = TokenKey.of("电")
        let joiners = KeySet(["至", "到", "-", "~", "～", "—", "－"])
        /// 今天, 昨日: after 今 / 昨
        let dayNouns = KeySet(["天", "日"])
        /// after 月: parts of the month, read as the month ("12月初", "1月中旬")
        let monthParts = KeySet(["初", "上", "中", "下", "底", "末"])
        /// 今年, 去年, 明年, 前年, 次年, 本年: the year counted from publication, by the character before 年
        let relativeYear = KeyMap(["今": 0, "去": -1, "明": 1, "前": -2, "次": 1, "本": 0])
        /// 今天/今日 (the day of publication), 昨天/昨日 (the day before), by their first character
        let relativeDay = KeyMap(["今": 0, "昨": -1])
    }

    private var tokens: UnsafeBufferPointer<Token> { finder.ctx.tokens }

    /// A number of digits or numeral characters at i, and the token after it.
    private func number(_ i: Int, _ limit: Int) -> (Int, Int)? {
        guard i < limit else { return nil }
        if tokens[i].kind == .number { return reader.number(i).map { ($0, i + 1) } }
        guard let (v, e) = numerals.read(tokens, at: i, limit: limit), v == v.rounded(), v < 10_000 else { return nil }
        return (Int(v), e)
    }

    /// [year 年] month 月 [day 日|号] at i: the parts, the token after, and the year offset of a relative year.
    private func date(at i: Int, _ limit: Int) -> (DateParts, Int, Int?)? {
        var parts = DateParts(), k = i, offset: Int?
        if k + 1 < limit, tokens[k + 1].key == words.year, let o = words.relativeYear.get(tokens[k].key).map(Int.init) {
            offset = o; k += 2
        } else if let (y, e) = number(k, limit), e < limit, tokens[e].key == words.year, y >= 1900, y <= 2100, tokens[k].kind == .number {
            parts.year = y; k = e + 1
        }
        if let (m, e) = number(k, limit), e < limit, tokens[e].key == words.month, (1...12).contains(m) {
            parts.month = m; k = e + 1
            if let (d, e2) = number(k, limit), e2 < limit, tokens[e2].key == words.day || tokens[e2].key == words.dayAlt, (1...31).contains(d) {
                parts.day = d; k = e2 + 1
            } else if k < limit, words.monthParts.contains(tokens[k].key) {
                k += 1
                if k < limit, tokens[k].key == words.xun { k += 1 }
            }
        }
        guard parts.month != nil || parts.year != nil || offset != nil else { return nil }
        return (parts, k, offset)
    }

    /// How far into the text a wire dateline's date may stand (in tokens).
    static let datelineReach = 80

    /// The date of a wire dateline among the first tokens: "中新社义乌三月六日电", "新华社北京12月7日电" (a date then 电).
    /// Returns the date and the token where it starts.
    func dateline(within first: Int) -> (date: DateParts, start: Int)? {
        let limit = min(first, finder.ctx.limit)
        for i in 0..<max(limit, 0) {
            if let (d, after, _) = date(at: i, limit), d.month != nil, d.day != nil, after < limit, tokens[after].key == words.dispatch { return (d, i) }
        }
        return nil
    }

    func find(_ range: Range<Int>, lastDate: inout DateParts?, _ used: inout [Bool], _ found: inout [Entity]) {
        let limit = range.upperBound
        let published = finder.published
        var i = range.lowerBound
        while i < limit {
            let t = tokens[i]
            guard !used[i], t.kind == .number || t.isIdeograph else { i += 1; continue }
            // A date opens with a number, or with the character of a relative year or day (今年, 明年,
            // 昨日): any other character, most of them, is passed over before the readers are asked.
            if t.kind != .number, !t.isNumeralCharacter,
               !(i + 1 < limit && (tokens[i + 1].key == words.year || words.dayNouns.contains(tokens[i + 1].key))) { i += 1; continue }
            // 今天, 昨日
            if i + 1 < limit, words.dayNouns.contains(tokens[i + 1].key), let back = words.relativeDay.get(t.key).map(Int.init),
               let p = published, let y = p.year, let m = p.month, let d = p.day {
                let r = CivilDay(year: y, month: m, day: d).adding(back)
                finder.add(DateParts(year: r.year, month: r.month, day: r.day), nil, i..<(i + 2), "date: 今天/昨天", &lastDate, &used, &found)
                i += 2; continue
            }
            guard let (start, after, offset) = date(at: i, limit) else {
                // 5日: a day of the month last named (or of publication)
                if let (d, e) = number(i, limit), e < limit, tokens[e].key == words.day, (1...31).contains(d),
                   i == range.lowerBound || tokens[i - 1].key != words.month, let m = finder.nthMonth(d, lastDate: lastDate) {
                    finder.add(DateParts(year: m.year, month: m.month, day: d), nil, i..<(e + 1), "date: 日", &lastDate, &used, &found, relativeDay: true)
                    i = e + 1; continue
                }
                i += 1; continue
            }
            // "中新社义乌三月六日电": the wire's dateline dates the report, not the action (its month
            // still names the month of a later "12日")
            if i < Self.datelineReach, after < limit, tokens[after].key == words.dispatch, start.day != nil {
                for k in i...after { used[k] = true }
                lastDate = start
                i = after + 1; continue
            }
            var end = after
            var endDate: DateParts?
            // 12月9日至18日, 12月28日至1月3日, 2022年12月至2023年1月
            if end < limit, words.joiners.contains(tokens[end].key) {
                if let (e2, after2, o2) = date(at: end + 1, limit), e2.month != nil {
                    var e = e2
                    if e.year == nil, o2 == nil { e.year = start.year }
                    endDate = finder.resolve(e, offset: o2 ?? offset)
                    end = after2
                } else if start.day != nil, let (d, e) = number(end + 1, limit), e < limit,
                          tokens[e].key == words.day || tokens[e].key == words.dayAlt, (1...31).contains(d) {
                    endDate = finder.resolve(DateParts(year: start.year, month: start.month, day: d), offset: offset)
                    end = e + 1
                }
            }
            var s = start
            if s.year == nil, s.month == nil, let o = offset {
                // 今年, 明年 alone: the year
                guard let py = published?.year else { i = end; continue }
                s.year = py + o
                finder.add(s, nil, i..<end, "date: 今年/明年", &lastDate, &used, &found)
                i = end; continue
            }
            let resolved = finder.resolve(s, offset: offset)
            // "December 28 to January 3": an end month before the start month is of the next year
            if var e = endDate, let sm = resolved.month, let em = e.month, em < sm, e.year != nil, e.year == resolved.year { e.year = e.year! + 1; endDate = e }
            finder.add(resolved, endDate, i..<end, "date", &lastDate, &used, &found)
            i = end
        }
    }
}
