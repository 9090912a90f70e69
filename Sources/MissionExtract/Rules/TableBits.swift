/// Token key → the bits of the rule tables that have a pattern starting with that word, looked up
/// once per token. Compact so that it stays in cache: 8-byte slots of a 32-bit fingerprint of the
/// key and the bits. Keys that share a fingerprint share a slot and their bits: a token may then
/// get a table's bit that its word lacks — harmless, the table's own index decides — but it never
/// misses one of its own.
struct TableBits: Sendable {
    private var slots: [UInt64]            // fingerprint << 32 | bits; 0: empty
    private var mask: Int

    init(capacity: Int) {
        var size = 16
        while size * 2 < capacity * 3 { size <<= 1 }       // at most two thirds full
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always) private static func fingerprint(_ key: UInt64) -> UInt64 { key >> 32 | 1 }   // never 0
    @inline(__always) private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    mutating func add(_ key: UInt64, _ bits: UInt32) {
        let fp = Self.fingerprint(key)
        var i = slot(key)
        while slots[i] != 0 && slots[i] >> 32 != fp { i = (i + 1) & mask }
        slots[i] = fp << 32 | (slots[i] & 0xFFFF_FFFF) | UInt64(bits)
    }

    @inline(__always) func bits(_ key: UInt64) -> UInt32 {
        let fp = Self.fingerprint(key)
        return slots.withUnsafeBufferPointer { s in
            var i = slot(key)
            while true {
                let v = s[i]
                if v >> 32 == fp { return UInt32(truncatingIfNeeded: v) }
                if v == 0 { return 0 }
                i = (i + 1) & mask
            }
        }
    }
}
