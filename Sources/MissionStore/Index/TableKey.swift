/// A 128-bit key of a sorted table: an article id's first 16 bytes of SHA-256, an event id's
/// 64 bits (in `hi`, `lo` zero). Ordered as (hi, lo).
struct TableKey: Hashable, Comparable, Sendable {
    let hi: UInt64
    let lo: UInt64

    init(hi: UInt64, lo: UInt64) {
        self.hi = hi
        self.lo = lo
    }

    /// "sha256:<64 hex>" → its first 64 bits, and the other 192 folded into 64 (every digit
    /// counts, so ids that differ only at the end stay apart); any other id → two 64-bit FNV-1a
    /// hashes with different bases (the tests' and older tools' ids).
    init(articleID id: String) {
        if id.utf8.count == 71, id.utf8.starts(with: "sha256:".utf8) {
            var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0, k = 0, hex = true
            for c in id.utf8.dropFirst(7) {
                let v: UInt64
                switch c {
                case 0x30...0x39: v = UInt64(c - 0x30)
                case 0x61...0x66: v = UInt64(c - 0x61 + 10)
                default: hex = false; v = 0
                }
                switch k >> 4 {
                case 0: w0 = w0 << 4 | v
                case 1: w1 = w1 << 4 | v
                case 2: w2 = w2 << 4 | v
                default: w3 = w3 << 4 | v
                }
                k += 1
            }
            if hex {
                self.init(hi: w0, lo: w1 ^ (w2 << 21 | w2 >> 43) ^ (w3 << 42 | w3 >> 22))
                return
            }
        }
        self.init(hi: Self.fnv(id, basis: 0xcbf2_9ce4_8422_2325), lo: Self.fnv(id, basis: 0x8422_2325_cbf2_9ce4))
    }

    static func fnv(_ s: String, basis: UInt64) -> UInt64 {
        var hash = basis
        for c in s.utf8 { hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3 }
        return hash
    }

    static func < (a: TableKey, b: TableKey) -> Bool { a.hi != b.hi ? a.hi < b.hi : a.lo < b.lo }
}
