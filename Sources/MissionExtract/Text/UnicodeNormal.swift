import Foundation

/// Unicode NFC. Almost all news text is already NFC: only text carrying combining marks,
/// Hangul jamo or compatibility ideographs goes through Foundation's normaliser.
enum UnicodeNormal {
    static func nfc(_ b: [UInt8]) -> [UInt8] {
        guard mayChange(b) else { return b }
        return Array(String(decoding: b, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }

    static func mayChange(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer(mayChange)
    }

    static func mayChange(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while true {
            i = b.firstNonASCII(from: i)
            guard i < b.count else { break }
            let c = b[i]
            let n = Tokenizer.seqLength(c)
            var u = UInt32(c) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
            for k in 1..<n where i + k < b.count { u = u << 6 | UInt32(b[i + k] & 0x3F) }
            if (0x0300...0x036F).contains(u) || (0x0483...0x0489).contains(u) || (0x0591...0x05C7).contains(u)
                || (0x0900...0x0DFF).contains(u) || (0x1100...0x11FF).contains(u) || (0x1AB0...0x1AFF).contains(u)
                || (0x1DC0...0x1DFF).contains(u) || (0x20D0...0x20FF).contains(u) || (0x3099...0x309A).contains(u)
                || (0xF900...0xFAFF).contains(u) || (0xFE20...0xFE2F).contains(u) || (0x2F800...0x2FA1F).contains(u) {
                return true
            }
            i += n
        }
        return false
    }
}
