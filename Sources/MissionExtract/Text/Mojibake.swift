/// Repairs UTF-8 text that was once decoded as Windows-1252 or Mac Roman and re-encoded
/// ("â€™" → ’, "Ã©" → é, "¬†" → no-break space), and drops U+FFFD and C1 controls.
enum Mojibake {
    /// Windows-1252 bytes 0x80…0xFF → Unicode (0xA0…0xFF are Latin-1 itself).
    static let cp1252: [UInt8: UInt32] = {
        let high: [UInt32] = [0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                              0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178]
        var m: [UInt8: UInt32] = [:]
        for (i, u) in high.enumerated() where u != 0 { m[UInt8(0x80 + i)] = u }
        for b in 0xA0...0xFF { m[UInt8(b)] = UInt32(b) }
        return m
    }()

    /// Mac Roman bytes 0x80…0xEF → Unicode (enough for lead and continuation bytes).
    static let macRoman: [UInt8: UInt32] = {
        let t: [UInt32] = [
            0xC4, 0xC5, 0xC7, 0xC9, 0xD1, 0xD6, 0xDC, 0xE1, 0xE0, 0xE2, 0xE4, 0xE3, 0xE5, 0xE7, 0xE9, 0xE8,
            0xEA, 0xEB, 0xED, 0xEC, 0xEE, 0xEF, 0xF1, 0xF3, 0xF2, 0xF4, 0xF6, 0xF5, 0xFA, 0xF9, 0xFB, 0xFC,
            0x2020, 0xB0, 0xA2, 0xA3, 0xA7, 0x2022, 0xB6, 0xDF, 0xAE, 0xA9, 0x2122, 0xB4, 0xA8, 0x2260, 0xC6, 0xD8,
            0x221E, 0xB1, 0x2264, 0x2265, 0xA5, 0xB5, 0x2202, 0x2211, 0x220F, 0x3C0, 0x222B, 0xAA, 0xBA, 0x3A9, 0xE6, 0xF8,
            0xBF, 0xA1, 0xAC, 0x221A, 0x192, 0x2248, 0x2206, 0xAB, 0xBB, 0x2026, 0xA0, 0xC0, 0xC3, 0xD5, 0x152, 0x153,
            0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019, 0xF7, 0x25CA, 0xFF, 0x178, 0x2044, 0x20AC, 0x2039, 0x203A, 0xFB01, 0xFB02,
            0x2021, 0xB7, 0x201A, 0x201E, 0x2030, 0xC2, 0xCA, 0xC1, 0xCB, 0xC8, 0xCD, 0xCE, 0xCF, 0xCC, 0xD3, 0xD4,
        ]
        var m: [UInt8: UInt32] = [:]
        for (i, u) in t.enumerated() { m[UInt8(0x80 + i)] = u }
        return m
    }()

    static let reverse1252: [UInt32: UInt8] = Dictionary(uniqueKeysWithValues: cp1252.map { ($0.value, $0.key) })
    static let reverseMacRoman: [UInt32: UInt8] = Dictionary(uniqueKeysWithValues: macRoman.map { ($0.value, $0.key) })

    /// Quick test for the byte signatures of mojibake, U+FFFD and C1 controls, so that clean
    /// text (curly quotes included) is not decoded again: "Ã"/"Â" (C3 82/83), "â€" (C3 A2 E2 82 AC),
    /// "¬†" (C2 AC E2 80 A0), Mac Roman "‚Ä" and "√", U+FFFD (EF BF BD).
    static func mayNeedRepair(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer(mayNeedRepair)
    }

    static func mayNeedRepair(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = b.count
        while true {
            i = b.firstNonASCII(from: i)      // every signature starts with a byte ≥ 0xC2
            guard i + 1 < n else { break }
            let c = b[i]
            if c >= 0xC2 {
                let d = b[i + 1]
                if c == 0xC2 && (d < 0xA0 || d == 0xAC) { return true }
                if c == 0xC3 && (d == 0x82 || d == 0x83 || d == 0xA2) { return true }
                if c == 0xE2 && d == 0x88 && i + 2 < n && b[i + 2] == 0x9A { return true }   // Mac Roman "√"
                if c == 0xE2 && d == 0x80 && i + 2 < n && b[i + 2] == 0x9A && i + 3 < n && b[i + 3] == 0xC3 { return true }
                if c == 0xEF && d == 0xBF && i + 2 < n && b[i + 2] == 0xBD { return true }
            }
            i += 1
        }
        return false
    }

    /// Works on the UTF-8 bytes (valid here: RawBytes and HTMLText only cut at ASCII), copying
    /// ASCII as it is; only non-ASCII scalars are looked at.
    static func repair(_ b: [UInt8]) -> [UInt8] {
        guard mayNeedRepair(b) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        b.withUnsafeBufferPointer { p in
            let s = ScalarReader(bytes: p)
            var i = 0
            while i < p.count {
                if p[i] < 0x80 {
                    let j = p.firstNonASCII(from: i)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<j])); i = j; continue
                }
                let (u, n) = s.scalar(at: i)
                if u == 0xFFFD || (u >= 0x80 && u < 0xA0) { i += n; continue }
                if u >= 0xA0, let (fixed, used) = decode(s, i, reverse1252, windows: true) ?? decode(s, i, reverseMacRoman, windows: false) {
                    appendUTF8(fixed, &out); i = used; continue
                }
                out.append(contentsOf: p[i..<(i + n)]); i += n
            }
        }
        return out
    }

    /// Decodes the scalar starting at a byte offset of valid UTF-8; past the end: (0, 0).
    private struct ScalarReader {
        let bytes: UnsafeBufferPointer<UInt8>
        @inline(__always) func scalar(at i: Int) -> (value: UInt32, length: Int) {
            guard i < bytes.count else { return (0, 0) }
            let c = bytes[i]
            let n = Tokenizer.seqLength(c)
            var u = UInt32(c) & (n == 1 ? 0x7F : n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
            for k in 1..<n { u = u << 6 | UInt32(bytes[i + k] & 0x3F) }
            return (u, n)
        }
    }

    private static func appendUTF8(_ s: Unicode.Scalar, _ out: inout [UInt8]) {
        UTF8.encode(s) { out.append($0) }
    }

    /// Re-encodes the scalars from byte offset i with a single-byte table; when they form one plausible
    /// UTF-8 character (Latin-1 letter or general punctuation), returns it and the byte offset after them.
    private static func decode(_ s: ScalarReader, _ i: Int, _ table: [UInt32: UInt8], windows: Bool) -> (Unicode.Scalar, Int)? {
        let first = s.scalar(at: i)
        guard let lead = table[first.value], lead >= 0xC2, lead <= 0xEF else { return nil }
        let n = lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (n == 2 ? 0x1F : 0x0F)
        var at = i + first.length
        var second: UInt32 = 0
        for k in 1..<n {
            let next = s.scalar(at: at)
            guard next.length > 0 else { return nil }          // the text ends first
            if k == 1 { second = next.value }
            guard let c = table[next.value] ?? (next.value == 0x9D ? 0x9D : nil), c & 0xC0 == 0x80 else {
                // "â€" + a lost 0x9D byte (undefined in Windows-1252) is a right double quote.
                if windows, n == 3, k == 2, lead == 0xE2, table[second] == 0x80 { return ("\u{201D}", at) }
                return nil
            }
            value = value << 6 | UInt32(c & 0x3F)
            at += next.length
        }
        let plausible = n == 2 ? (0xA0...0xFF).contains(value) : (0x2000...0x206F).contains(value) || value == 0x20AC || value == 0x2122
        guard plausible, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar == "\u{A0}" ? " " : scalar, at)
    }
}
