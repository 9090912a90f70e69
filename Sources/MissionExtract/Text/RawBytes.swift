/// First look at raw input bytes: refuse what is not text, repair what UTF-8 damage can be repaired.
enum RawBytes {
    /// Returns valid UTF-8 (BOM removed), or the reason the bytes are not an article.
    static func validate(_ bytes: [UInt8]) throws(ArticleRejection) -> [UInt8] {
        if bytes.isEmpty { throw ArticleRejection(.empty, "empty article: 0 bytes") }
        let (nul, controls) = bytes.withUnsafeBufferPointer { p -> (Int?, Int) in
            var controls = 0
            var i = p.firstControl(from: 0)
            while i < p.count {
                let b = p[i]
                if b == 0 { return (i, controls) }
                if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
                i = p.firstControl(from: i + 1)
            }
            return (nil, controls)
        }
        if let i = nul { throw ArticleRejection(.binary, "binary content: NUL byte at offset \(i)") }
        if controls > 8 && controls * 100 > bytes.count {
            throw ArticleRejection(.binary, "binary content: \(controls) control bytes in \(bytes.count)")
        }
        var out = bytes
        if out.starts(with: [0xEF, 0xBB, 0xBF]) { out.removeFirst(3) }

        let (invalid, firstInvalid, multibyte) = scan(out)
        if invalid > 0 {
            // GBK / GB18030 (a page that says so, or bytes that decode to Chinese) before the Latin guesses
            if let gb = GB18030.decode(out), GB18030.declared(out) || GB18030.looksChinese(gb) {
                out = gb
            } else if multibyte == 0, let latin = windows1252(out) {
                out = latin                      // a Windows-1252 file: every byte has a meaning
            } else if invalid * 100 <= out.count {
                out = dropInvalid(out)           // a few stray bytes: drop them
            } else {
                throw ArticleRejection(.encoding, "invalid UTF-8: \(invalid) undecodable bytes in \(out.count), first at offset \(firstInvalid)")
            }
        }
        // Only white space? The first byte that is no ASCII space decides, unless it starts a
        // non-ASCII scalar (NBSP, U+2000 spaces): then the Unicode test.
        let firstInk = out.firstIndex { !($0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D)) }
        if firstInk.map({ out[$0] >= 0x80 && isBlank(out) }) ?? true {
            throw ArticleRejection(.empty, "empty article: only white space")
        }
        return out
    }

    /// Counts invalid bytes, the first invalid offset, and valid multi-byte sequences.
    static func scan(_ b: [UInt8]) -> (invalid: Int, first: Int, multibyte: Int) {
        b.withUnsafeBufferPointer { p in
            var invalid = 0, first = -1, multi = 0, i = 0
            while true {
                i = p.firstNonASCII(from: i)
                guard i < p.count else { break }
                let n = sequenceLength(p, i)
                if n == 0 { invalid += 1; if first < 0 { first = i }; i += 1 } else { multi += 1; i += n }
            }
            return (invalid, first, multi)
        }
    }

    /// Length of the valid UTF-8 sequence at i, or 0 when invalid (overlongs and surrogates included).
    static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c < 0x80 { return 1 }
        func cont(_ k: Int) -> Bool { i + k < b.count && b[i + k] & 0xC0 == 0x80 }
        switch c {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1) && b[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xED: return cont(1) && b[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xF0: return cont(1) && b[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1) && b[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    static func dropInvalid(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        b.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let n = sequenceLength(p, i)
                if n == 0 { i += 1 } else { out.append(contentsOf: p[i..<(i + n)]); i += n }
            }
        }
        return out
    }

    /// Decodes Windows-1252, or nil when a byte is undefined there (0x81, 0x8D, 0x8F, 0x90, 0x9D).
    static func windows1252(_ b: [UInt8]) -> [UInt8]? {
        var s = String.UnicodeScalarView()
        for c in b {
            if c < 0x80 { s.append(Unicode.Scalar(c)); continue }
            guard let u = Mojibake.cp1252[c], let scalar = Unicode.Scalar(u) else { return nil }
            s.append(scalar)
        }
        return Array(String(s).utf8)
    }

    /// Only spaces of any kind (NBSP, U+2000 block, ideographic space).
    static func isBlank(_ b: [UInt8]) -> Bool {
        String(decoding: b, as: UTF8.self).unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
