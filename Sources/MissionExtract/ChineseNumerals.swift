/// Chinese numerals written in characters: 一百 (100), 两千 (2,000), 三十五 (35), 十四 (14),
/// 一千二百 (1,200), 三万 (30,000), 〇/零 as place holders. Digits with a Chinese magnitude
/// ("3.93亿") are the number reader's: only runs of numeral characters are read here.
enum ChineseNumerals {
    static let digits: [UInt64: Int] = {
        var m: [UInt64: Int] = [:]
        for (c, v) in [("〇", 0), ("零", 0), ("一", 1), ("二", 2), ("两", 2), ("三", 3), ("四", 4), ("五", 5),
                       ("六", 6), ("七", 7), ("八", 8), ("九", 9)] { m[TokenKey.of(c)] = v }
        return m
    }()
    static let smallUnits: [UInt64: Int] = [TokenKey.of("十"): 10, TokenKey.of("百"): 100, TokenKey.of("千"): 1000]
    static let largeUnits: [UInt64: Int] = [TokenKey.of("万"): 10_000, TokenKey.of("亿"): 100_000_000]

    /// May a numeral start at this token?
    @inline(__always) static func isNumeral(_ t: Token) -> Bool {
        t.isIdeograph && (digits[t.key] != nil || smallUnits[t.key] != nil)
    }

    /// The value of the numeral run starting at token i and the token after it; nil when none starts there.
    /// A lone 万 or 亿 is no number ("万企" is "ten thousand firms" only as a slogan).
    static func read(_ tokens: UnsafeBufferPointer<Token>, at i: Int, limit: Int) -> (value: Double, end: Int)? {
        guard i < limit, isNumeral(tokens[i]) else { return nil }
        var total = 0.0, section = 0, pending = -1, j = i
        while j < limit, tokens[j].isIdeograph {
            let k = tokens[j].key
            if let d = digits[k] {
                pending = d
            } else if let u = smallUnits[k] {
                section += (pending < 0 ? 1 : pending) * u       // 十四: a bare 十 is ten
                pending = -1
            } else if let u = largeUnits[k], j > i {
                total = (total + Double(section + max(pending, 0))) * Double(u)
                section = 0; pending = -1
            } else { break }
            j += 1
        }
        // 一行 ("the party"), 一批 ("a batch"): a lone 一 before a word counts nothing the stages need,
        // but it is read like any number and the unit decides
        let value = total + Double(section + max(pending, 0))
        return (value, j)
    }
}
