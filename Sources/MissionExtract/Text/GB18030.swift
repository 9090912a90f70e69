#if canImport(Glibc)
import Glibc
#endif

/// GB18030 (and so GBK and GB2312, its subsets) → UTF-8, by glibc's iconv: many Chinese government
/// portals still serve GBK. Nil when the bytes are no GB18030 text.
enum GB18030 {
    static func decode(_ bytes: [UInt8]) -> [UInt8]? {
        let cd = iconv_open("UTF-8", "GB18030")
        guard cd != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(cd) }
        // UTF-8 takes at most 3 bytes for a 2-byte GBK character, 4 for a 4-byte GB18030 one
        var out = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var input = bytes
        let written: Int? = input.withUnsafeMutableBytes { inRaw in
            out.withUnsafeMutableBytes { outRaw in
                var inPtr = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPtr = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                guard r != -1, inLeft == 0 else { return nil }
                return outRaw.count - outLeft
            }
        }
        guard let written else { return nil }
        return Array(out[0..<written])
    }

    /// Does the text look like Chinese: ten CJK characters or more, two thirds of its non-ASCII scalars (a
    /// Windows-1252 page that happens to decode gives scattered rare characters and symbols).
    static func looksChinese(_ utf8: [UInt8]) -> Bool {
        var ideographs = 0, other = 0
        for s in String(decoding: utf8, as: UTF8.self).unicodeScalars where s.value >= 0x80 {
            if Tokenizer.isIdeograph(s) || (0x3000...0x303F).contains(s.value) || (0xFF00...0xFFEF).contains(s.value) { ideographs += 1 } else { other += 1 }
        }
        return ideographs >= 10 && ideographs * 3 >= (ideographs + other) * 2
    }

    /// `<meta charset="gbk">`, `content="text/html; charset=gb2312"`: the page says it is GB text.
    static func declared(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(4096).map(TokenKey.lower), as: UTF8.self)
        guard let r = head.range(of: "charset") else { return false }
        let after = head[r.upperBound...].drop { $0 == "=" || $0 == "\"" || $0 == "'" || $0 == " " }
        return after.hasPrefix("gb2312") || after.hasPrefix("gbk") || after.hasPrefix("gb18030")
    }
}
