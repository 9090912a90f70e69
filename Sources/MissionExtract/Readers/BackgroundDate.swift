/// Background: an action dated well before the article was published ("The first expo was held in
/// May 2021" in a 2022 article, "last year's deals") is context for today's news, not its event.
enum BackgroundDate {
    /// Days before publication past which an action dated to the month or day is background:
    /// round-ups and features still report the spring's trips in the autumn.
    static let days = 180

    /// `date` ends long before `published`: a month or day more than `days` before it, a bare year
    /// two or more years before (last year's tally is reported well into this year). Dates are ISO
    /// at any precision ("2021", "2021-05", "2021-05-07"); one without a year ("--05-07") or an
    /// unreadable one is never background.
    static func isBackground(_ date: String?, published: String?) -> Bool {
        guard let date, let published, let end = lastDay(date), let pub = lastDay(published) else { return false }
        if !date.contains("-") {
            guard let y = Int(date), let py = Int(published.prefix(4)) else { return false }
            return y < py - 1
        }
        return pub - end > days
    }

    /// The last day a date can mean, as a day count (year-only: Dec 31; year-month: the month's last day).
    /// Read in place, field by field between the "-": asked for every event, and a split made an array
    /// of substrings each time. A field reads as Int(_:) would ("+" then digits, ASCII only).
    static func lastDay(_ s: String) -> Int? {
        var s = s
        return s.withUTF8 { b -> Int? in
            let dash = UInt8(ascii: "-")
            /// The field from `lo` to the next dash: its value (saturated, for range checks) and end; nil when no number.
            func field(_ lo: Int) -> (value: Int, end: Int)? {
                var hi = lo
                while hi < b.count && b[hi] != dash { hi += 1 }
                var k = lo
                if k < hi && b[k] == UInt8(ascii: "+") { k += 1 }
                guard k < hi else { return nil }
                var v = 0
                while k < hi {
                    guard b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9") else { return nil }
                    v = min(v * 10 + Int(b[k] - UInt8(ascii: "0")), 1 << 40)
                    k += 1
                }
                return (v, hi)
            }
            guard let y = field(0), y.end == 4 else { return nil }
            var m = 12, d: Int?
            var next = y.end
            if next < b.count {            // a dash: a month field follows (maybe empty)
                guard let mm = field(next + 1), (1...12).contains(mm.value) else { return nil }
                m = mm.value; next = mm.end
                if next < b.count {
                    guard let dd = field(next + 1), (1...31).contains(dd.value) else { return nil }
                    d = dd.value
                }
            }
            return dayNumber(y.value, m, d ?? daysIn(y.value, m))
        }
    }

    private static func daysIn(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since a fixed epoch (civil calendar), for differences only.
    private static func dayNumber(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = y / 400, yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
    }
}
