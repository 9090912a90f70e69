/// The JSON envelope an intake may wrap an article in: {"title","published","body","source_url"}.
/// A small reader: it keeps the top-level string fields and skips everything else.
struct JSONEnvelope {
    var fields: [String: String] = [:]

    /// Parses `bytes` as one JSON object, or returns nil when they are not one.
    init?(_ bytes: [UInt8]) {
        var r = Reader(b: bytes)
        r.skipSpace()
        guard r.peek == UInt8(ascii: "{") else { return nil }
        r.i += 1
        r.skipSpace()
        if r.peek == UInt8(ascii: "}") { r.i += 1 } else {
            while true {
                r.skipSpace()
                guard let key = r.string() else { return nil }
                r.skipSpace()
                guard r.peek == UInt8(ascii: ":") else { return nil }
                r.i += 1
                r.skipSpace()
                if r.peek == UInt8(ascii: "\"") {
                    guard let v = r.string() else { return nil }
                    fields[key] = v
                } else if !r.skipValue() { return nil }
                r.skipSpace()
                if r.peek == UInt8(ascii: ",") { r.i += 1; continue }
                if r.peek == UInt8(ascii: "}") { r.i += 1; break }
                return nil
            }
        }
        r.skipSpace()
        guard r.i == bytes.count else { return nil }
    }

    private struct Reader {
        let b: [UInt8]
        var i = 0
        var peek: UInt8? { i < b.count ? b[i] : nil }

        mutating func skipSpace() { while let c = peek, c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } }

        mutating func string() -> String? {
            guard peek == UInt8(ascii: "\"") else { return nil }
            i += 1
            var out: [UInt8] = []
            while let c = peek {
                i += 1
                switch c {
                case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard let e = peek else { return nil }
                    i += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard var u = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(u), peek == UInt8(ascii: "\\"), i + 1 < b.count, b[i + 1] == UInt8(ascii: "u") {
                            i += 2
                            guard let lo = hex4(), (0xDC00..<0xE000).contains(lo) else { return nil }
                            u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                        }
                        out.append(contentsOf: Array(String(Unicode.Scalar(u).map(Character.init) ?? "\u{FFFD}").utf8))
                    default: out.append(e)
                    }
                default:
                    if c < 0x20 { return nil }
                    out.append(c)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let c = b[i]; i += 1
                switch c {
                case 48...57: v = v << 4 | UInt32(c - 48)
                case 65...70: v = v << 4 | UInt32(c - 55)
                case 97...102: v = v << 4 | UInt32(c - 87)
                default: return nil
                }
            }
            return v
        }

        /// Skips a number, literal, array or object.
        mutating func skipValue() -> Bool {
            guard let c = peek else { return false }
            if c == UInt8(ascii: "\"") { return string() != nil }
            if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") {
                var depth = 0
                while let d = peek {
                    if d == UInt8(ascii: "\"") { if string() == nil { return false }; continue }
                    i += 1
                    if d == UInt8(ascii: "{") || d == UInt8(ascii: "[") { depth += 1 }
                    if d == UInt8(ascii: "}") || d == UInt8(ascii: "]") { depth -= 1; if depth == 0 { return true } }
                }
                return false
            }
            let start = i
            while let d = peek, d != UInt8(ascii: ","), d != UInt8(ascii: "}"), d > 0x20 { i += 1 }
            return i > start
        }
    }
}
