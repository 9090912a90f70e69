/// Chinese numerals written in characters: 一百 (100), 两千 (2,000), 三十五 (35), 十四 (14),
/// 一千二百 (1,200), 三万 (30,000), 〇/零 as place holders. Digits with a Chinese magnitude
/// ("3.93亿") are the number reader's: only runs of numeral characters are read here.
/// One table by token key (no hashing per lookup): a digit's value, or the unit 10 … 10⁸.
struct ChineseNumerals: Sendable {
    private let table: KeyMap

    static let shared = ChineseNumerals()

    private init() {
        table = KeyMap(["〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                        "十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000])
    }

    /// May a numeral start at this token? (A digit or 十百千; a lone 万 or 亿 is no number: "万企".)
    @inline(__always) func isNumeral(_ t: Token) -> Bool {
        guard t.isNumeralCharacter, let v = table.get(t.key) else { return false }
        return v <= 1000
    }

    /// The value of the numeral run starting at token i and the token after it; nil when none starts there.
    /// (一行 "the party", 一批 "a batch": a lone 一 is read like any number, and the unit after it decides.)
    func read(_ tokens: UnsafeBufferPointer<Token>, at i: Int, limit: Int) -> (value: Double, end: Int)? {
        guard i < limit, isNumeral(tokens[i]) else { return nil }
        var total = 0.0, section = 0, pending = -1, j = i
        while j < limit, tokens[j].isNumeralCharacter, let v = table.get(tokens[j].key).map(Int.init) {
            if v < 10 {
                pending = v
            } else if v <= 1000 {
                section += (pending < 0 ? 1 : pending) * v       // 十四: a bare 十 is ten
                pending = -1
            } else {
                total = (total + Double(section + max(pending, 0))) * Double(v)
                section = 0; pending = -1
            }
            j += 1
        }
        return (total + Double(section + max(pending, 0)), j)
    }
}
