/// Splits UTF-8 bytes into words, numbers and punctuation, keeping their byte offsets.
/// Letters and digits are split apart ("RM24bil" → RM 24 bil, "3rd" → 3 rd) so that rules see units.
enum Tokenizer {
    /// With `tables` (RuleStore.tokenTables), each token also gets the bits of the rule tables it may start.
    /// With a `budget`, stops early once it is spent (the caller then refuses the article).
    static func tokenize(_ bytes: [UInt8], tables: TableBits? = nil, budget: ExtractionBudget? = nil) -> [Token] {
        bytes.withUnsafeBufferPointer { tokenize($0, from: 0, to: $0.count, tables: tables, budget: budget) }
    }

    static func tokenize(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int, tables: TableBits? = nil,
                         budget: ExtractionBudget? = nil) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity((to - from) / 4 + 4)
        var i = from
        var space = true, newline = true
        while i < to {
            let b = p[i]
            // The plain space first: it is most of the white space, and passes the dispatch below.
            if b == 0x20 { space = true; i += 1; continue }
            // White space, including NBSP (C2 A0) and the U+2000 block spaces. Every white-space lead
            // byte is ≤ 0x20 or ≥ 0xC2: one range test passes over the usual letters and digits.
            if b <= 0x20 || b >= 0xC2 {
                if b == 0x20 || b == 0x09 || b == 0x0D { space = true; i += 1; continue }
                if b == 0x0A { space = true; newline = true; i += 1; continue }
                if b == 0xC2, i + 1 < to, p[i + 1] == 0xA0 { space = true; i += 2; continue }
                if b == 0xE2, i + 2 < to, p[i + 1] == 0x80, p[i + 2] >= 0x80 && p[i + 2] <= 0x8B { space = true; i += 3; continue }
                if b == 0xE3, i + 2 < to, p[i + 1] == 0x80, p[i + 2] == 0x80 { space = true; i += 3; continue }
            }

            let start = i
            var kind = Token.Kind.word
            var key = TokenKey.seed
            var ideograph = false, numeral = false
            if isDigit(b) {
                kind = .number
                while i < to {
                    if isDigit(p[i]) { key = TokenKey.mix(key, p[i]); i += 1; continue }
                    // A separator between digits stays inside the number: 10,000 and 39.3.
                    if (p[i] == 0x2C || p[i] == 0x2E), i + 1 < to, isDigit(p[i + 1]) {
                        key = TokenKey.mix(key, p[i]); i += 1; continue
                    }
                    break
                }
            } else if b >= 0xE3 && isIdeograph(p, i, to) {
                // Chinese has no spaces between words: each character is a token of its own, and rules
                // written in Chinese ("商务厅", "赴 ~8 参展") are sequences of characters.
                let end = min(i + seqLength(b), to)
                for k in i..<end { key = TokenKey.mix(key, p[k]) }
                numeral = end - i == 3 && isNumeralCharacter(p, i)
                i = end
                ideograph = true
            } else if isLetter(b) || (b >= 0xC0 && isLetterScalar(p, i, to)) {
                while i < to {
                    let c = p[i]
                    if isLetter(c) {
                        // A run of ASCII letters, each byte lower-cased once for both the test and the key.
                        var l = c | 0x20
                        repeat {
                            key = TokenKey.mix(key, l)
                            i &+= 1
                            guard i < to else { break }
                            l = p[i] | 0x20
                        } while l &- 97 < 26
                        // Most runs end at a space or ASCII punctuation: no letter can follow, the word ends.
                        if i >= to || p[i] < 0xC0 { break }
                        continue
                    }
                    if c >= 0xC0 && isLetterScalar(p, i, to) && !isIdeograph(p, i, to) {
                        let n = seqLength(c)
                        for k in 0..<n where i + k < to { key = TokenKey.mix(key, p[i + k]) }
                        i += n; continue
                    }
                    break
                }
            } else {
                kind = .punct
                let n = b < 0x80 ? 1 : seqLength(b)
                let end = min(i + n, to)
                key = punctKey(p, i, end)
                i = end
            }
            let cap = (b >= 65 && b <= 90)
            var upper = cap
            if cap { for k in start..<i where p[k] >= 97 && p[k] <= 122 { upper = false; break } }
            // Offsets fit in Int32: articles are far below 2 GB.
            out.append(Token(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: i), key: key, kind: kind, capitalized: cap, allCaps: upper, spaceBefore: space, newlineBefore: newline, ideograph: ideograph, numeral: numeral))
            space = false; newline = false
            if budget.isOver(atStep: out.count) { break }
        }
        // The table bits in a pass of their own: the lookups miss the cache for rare words, and
        // with nothing else between them the processor overlaps those misses.
        if let tables {
            out.withUnsafeMutableBufferPointer { tokens in
                for k in tokens.indices { tokens[k].tables = tables.bits(tokens[k].key) }
            }
        }
        return out
    }

    /// Punctuation keys fold typographic variants: ‘’ → ', “” → ", –— → -.
    static func punctKey(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        // Chinese full-width marks that work as the ASCII ones: ，、 → , ：→ : （）→ ( ) ！？→ ! ?
        if to - from == 3, p[from] == 0xEF, p[from + 1] == 0xBC {
            switch p[from + 2] {
            case 0x8C: return TokenKey.mix(TokenKey.seed, UInt8(ascii: ","))
            case 0x9A: return TokenKey.mix(TokenKey.seed, UInt8(ascii: ":"))
            case 0x88: return TokenKey.mix(TokenKey.seed, UInt8(ascii: "("))
            case 0x89: return TokenKey.mix(TokenKey.seed, UInt8(ascii: ")"))
            case 0x81: return TokenKey.mix(TokenKey.seed, UInt8(ascii: "!"))
            case 0x9F: return TokenKey.mix(TokenKey.seed, UInt8(ascii: "?"))
            case 0x9B: return TokenKey.mix(TokenKey.seed, UInt8(ascii: ";"))
            default: break
            }
        }
        if to - from == 3, p[from] == 0xE3, p[from + 1] == 0x80, p[from + 2] == 0x81 {
            return TokenKey.mix(TokenKey.seed, UInt8(ascii: ","))
        }
        if to - from == 3, p[from] == 0xE2, p[from + 1] == 0x80 {
            switch p[from + 2] {
            case 0x98, 0x99: return TokenKey.mix(TokenKey.seed, UInt8(ascii: "'"))
            case 0x9C, 0x9D: return TokenKey.mix(TokenKey.seed, UInt8(ascii: "\""))
            case 0x93, 0x94: return TokenKey.mix(TokenKey.seed, UInt8(ascii: "-"))
            default: break
            }
        }
        var h = TokenKey.seed
        for k in from..<to { h = TokenKey.mix(h, p[k]) }
        return h
    }

    static let quoteKey = TokenKey.mix(TokenKey.seed, UInt8(ascii: "\""))
    static let apostropheKey = TokenKey.mix(TokenKey.seed, UInt8(ascii: "'"))

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

    @inline(__always) static func seqLength(_ b: UInt8) -> Int { b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1 }

    /// A CJK ideograph: U+3400–U+9FFF (lead bytes E3 90… to E9) and the supplementary planes' U+20000–U+2FFFF.
    @inline(__always) static func isIdeograph(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Bool {
        let b = p[i]
        if b >= 0xE4 && b <= 0xE9 { return true }
        if b == 0xE3 { return i + 1 < to && p[i + 1] >= 0x90 }
        if b == 0xF0 { return i + 1 < to && p[i + 1] >= 0xA0 && p[i + 1] <= 0xAF }
        return false
    }

    /// 零 一 二 两 三 四 五 六 七 八 九 十 百 千 万 亿, by the scalar of the three bytes at i (an ideograph).
    @inline(__always) static func isNumeralCharacter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = UInt32(p[i] & 0x0F) << 12 | UInt32(p[i + 1] & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
        switch c {
        case 0x96F6, 0x4E00, 0x4E8C, 0x4E24, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D,
             0x5341, 0x767E, 0x5343, 0x4E07, 0x4EBF: return true
        default: return false
        }
    }

    /// The same test on a scalar, for rule text read as Strings ("嘉兴市", "{city}商务局").
    static func isIdeograph(_ s: Unicode.Scalar) -> Bool { (0x3400...0x9FFF).contains(s.value) || (0x20000...0x2FFFF).contains(s.value) }

    /// Non-ASCII letters: Latin-1 letters and beyond, but not the punctuation and symbol blocks.
    static func isLetterScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ to: Int) -> Bool {
        let b = p[i]
        if b == 0xC2 { return false }                       // U+0080–U+00BF: symbols, NBSP
        if b == 0xC3, i + 1 < to { return p[i + 1] != 0x97 && p[i + 1] != 0xB7 } // × ÷
        if b < 0xE0 { return true }
        if b == 0xE2 || b == 0xEF { return false }          // U+2000–U+2FFF punctuation/symbols; FE/FF forms
        if b == 0xE3, i + 1 < to, p[i + 1] == 0x80 { return false } // CJK punctuation
        return true
    }
}
