/// A calendar date at the precision the text gives: year, month and day each optional.
struct DateParts: Sendable, Equatable {
    var year: Int?
    var month: Int?
    var day: Int?

    /// ISO 8601 at known precision: "2022-12-26", "2022-12", "2022", or without a year "--12-07", "--12".
    /// Written into a small buffer: a date is a dozen bytes, a String without a heap allocation,
    /// where joining the pieces would build (and throw away) a String per piece.
    var iso: String? {
        guard year != nil || month != nil else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 80) { buf in
            var n = 0
            func put(_ s: String) { for b in s.utf8 { buf[n] = b; n += 1 } }
            func dash() { buf[n] = UInt8(ascii: "-"); n += 1 }
            func two(_ v: Int) { if v < 10 { buf[n] = UInt8(ascii: "0"); n += 1 }; put(String(v)) }
            switch (year, month, day) {
            case let (y?, m?, d?): put(String(y)); dash(); two(m); dash(); two(d)
            case let (y?, m?, nil): put(String(y)); dash(); two(m)
            case let (y?, nil, _): put(String(y))
            case let (nil, m?, d?): dash(); dash(); two(m); dash(); two(d)
            case let (nil, m?, nil): dash(); dash(); two(m)
            default: break
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[0..<n]), as: UTF8.self)
        }
    }

    /// Parses the ISO forms above ("2022-12-26T08:00:00Z" keeps its date).
    init?(iso text: String) {
        let s = text.trimmingSpaces()
        if s.hasPrefix("--") {
            let parts = Pieces(s.dropFirst(2), separator: "-", limit: 2)
            guard parts.count > 0, let m = Int(parts[0]), (1...12).contains(m) else { return nil }
            month = m
            if parts.count > 1 { guard let d = Int(parts[1].prefix(2)), (1...31).contains(d) else { return nil }; day = d }
            return
        }
        let parts = Pieces(s.prefix(10), separator: "-", limit: 3)
        guard parts.count > 0, let y = Int(parts[0]), (1900...2100).contains(y) else { return nil }
        year = y
        if parts.count > 1 { guard let m = Int(parts[1]), (1...12).contains(m) else { return nil }; month = m }
        if parts.count > 2 { guard let d = Int(parts[2]), (1...31).contains(d) else { return nil }; day = d }
    }

    init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
        self.year = year; self.month = month; self.day = day
    }
}

/// Reads calendar dates written in the forms of news pages, over tokens:
/// 2022-12-26, 2022/12/26, 2022.12.26, Dec-28-2022, December 26, 2022, Dec. 7, December 7th, 26 December 2022, May 2022.
struct DateReader {
    let months: KeyMap
    /// "st", "nd", "rd", "th" (lexicon.tsv "ordinal suffixes").
    let ordinals: KeySet
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>
    let limit: Int

    static let dash = TokenKey.of("-"), slash = TokenKey.of("/"), dot = TokenKey.of("."), comma = TokenKey.of(",")

    func number(_ i: Int) -> Int? {
        guard i < limit, tokens[i].kind == .number, tokens[i].end - tokens[i].start <= 4 else { return nil }
        var v = 0
        for k in Int(tokens[i].start)..<Int(tokens[i].end) {
            let b = bytes[k]
            guard b >= 48 && b <= 57 else { return nil }
            v = v * 10 + Int(b - 48)
        }
        return v
    }

    func month(_ i: Int) -> Int? {
        guard i < limit, tokens[i].kind == .word, tokens[i].capitalized else { return nil }
        return months.get(tokens[i].key).map(Int.init)
    }

    func key(_ i: Int) -> UInt64? { i < limit ? tokens[i].key : nil }
    /// No white space between token i-1 and i.
    func glued(_ i: Int) -> Bool { i < limit && !tokens[i].spaceBefore }
    func isYear(_ v: Int?) -> Bool { v.map { (1900...2100).contains($0) } ?? false }

    /// A date starting at token i: its parts and the token after it.
    /// Inlined test first: every form starts with a number or a month name, which most tokens are not.
    @inline(__always)
    func read(at i: Int) -> (DateParts, Int)? {
        guard i < limit, tokens[i].kind == .number || tokens[i].kind == .word && tokens[i].capitalized else { return nil }
        return readFrom(i)
    }

    private func readFrom(_ i: Int) -> (DateParts, Int)? {
        // 2022-12-26, 2022/12/26, 2022-12
        if let y = number(i), isYear(y), let sep = key(i + 1), sep == Self.dash || sep == Self.slash, glued(i + 1),
           let m = number(i + 2), (1...12).contains(m), glued(i + 2) {
            if key(i + 3) == sep, glued(i + 3), let d = number(i + 4), (1...31).contains(d), glued(i + 4) {
                return (DateParts(year: y, month: m, day: d), i + 5)
            }
            return (DateParts(year: y, month: m), i + 3)
        }
        // 01-11-2023, 01/11/2023: month first (the US order of English-language sites) unless the
        // first number cannot be a month (25-12-2023)
        if let a = number(i), (1...31).contains(a), let sep = key(i + 1), sep == Self.dash || sep == Self.slash, glued(i + 1),
           let b = number(i + 2), (1...31).contains(b), glued(i + 2), key(i + 3) == sep, glued(i + 3),
           let y = number(i + 4), isYear(y), glued(i + 4) {
            let (m, d) = a <= 12 ? (a, b) : (b, a)
            if (1...12).contains(m) { return (DateParts(year: y, month: m, day: d), i + 5) }
        }
        // 2022.12.26 (one number token)
        if tokens[i].kind == .number, bytes[Int(tokens[i].start)..<Int(tokens[i].end)].count(where: { $0 == UInt8(ascii: ".") }) == 2 {
            let text = String(decoding: bytes[Int(tokens[i].start)..<Int(tokens[i].end)], as: UTF8.self)
            let parts = Pieces(text[...], separator: ".", limit: 4)
            if parts.count == 3, let y = Int(parts[0]), isYear(y), let m = Int(parts[1]), (1...12).contains(m), let d = Int(parts[2]), (1...31).contains(d) {
                return (DateParts(year: y, month: m, day: d), i + 1)
            }
        }
        // Dec-28-2022, December 26, 2022, Dec. 7, December 7th
        if let m = month(i) {
            var j = i + 1
            if key(j) == Self.dot, glued(j) { j += 1 }
            let dashed = key(j) == Self.dash && glued(j)
            if dashed { j += 1 }
            if let d = number(j), (1...31).contains(d), !isYear(d) {
                j += 1
                if let k = key(j), ordinals.contains(k), glued(j) { j += 1 }
                var y: Int?
                if dashed, key(j) == Self.dash, let yy = number(j + 1), isYear(yy) { y = yy; j += 2 }
                else if key(j) == Self.comma, let yy = number(j + 1), isYear(yy) { y = yy; j += 2 }
                else if let yy = number(j), isYear(yy) { y = yy; j += 1 }
                return (DateParts(year: y, month: m, day: d), j)
            }
            if !dashed, let yy = number(j), isYear(yy) { return (DateParts(year: yy, month: m), j + 1) }
            return (DateParts(month: m), j)
        }
        // 26 December 2022
        if let d = number(i), (1...31).contains(d), let m = month(i + 1) {
            var j = i + 2
            if key(j) == Self.dot, glued(j) { j += 1 }
            if let yy = number(j), isYear(yy) { return (DateParts(year: yy, month: m, day: d), j + 1) }
            return (DateParts(month: m, day: d), j)
        }
        return nil
    }
}

/// A day of the proleptic Gregorian calendar, for weekday arithmetic ("on Wednesday", "last week").
struct CivilDay {
    var year: Int, month: Int, day: Int

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Monday = 0 … Sunday = 6.
    var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }

    init(ordinal z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    func adding(_ days: Int) -> CivilDay { CivilDay(ordinal: ordinal + days) }
}
