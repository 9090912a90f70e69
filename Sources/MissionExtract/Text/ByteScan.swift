/// Word-at-a-time searches over UTF-8: most article bytes are plain ASCII letters, so the
/// checks that look for rarer bytes skip eight of them per step.
extension UnsafeBufferPointer<UInt8> {
    /// The first index at or after `from` whose byte `isMatch` (`count` when none). Eight bytes a
    /// step while `mayHold` says that a word of eight holds no such byte, then byte by byte.
    @inline(__always)
    private func firstIndex(from: Int, mayHold: (UInt64) -> Bool, _ isMatch: (UInt8) -> Bool) -> Int {
        guard let base = baseAddress else { return from }
        var i = from
        let raw = UnsafeRawPointer(base)
        while i + 8 <= count, !mayHold(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) { i += 8 }
        while i < count, !isMatch(self[i]) { i += 1 }
        return i
    }

    /// The first index at or after `from` whose byte is ≥ 0x80 (`count` when none).
    @inline(__always)
    func firstNonASCII(from: Int) -> Int {
        firstIndex(from: from, mayHold: { $0 & 0x8080_8080_8080_8080 != 0 }) { $0 >= 0x80 }
    }

    /// The number of Unicode scalars in bytes[from..<to] of valid UTF-8: the bytes that are not
    /// continuation bytes (10xxxxxx).
    func scalarCount(from: Int, to: Int) -> Int {
        guard let base = baseAddress else { return 0 }
        var n = 0, i = from
        let raw = UnsafeRawPointer(base)
        while i + 8 <= to {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // ASCII: eight scalars. Else count the continuation bytes, top bits 10 (there is no
            // popcnt instruction in the baseline x86-64 that Swift compiles for: rare is better).
            n += x & 0x8080_8080_8080_8080 == 0 ? 8 : 8 - (x & ~(x << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < to { if self[i] & 0xC0 != 0x80 { n += 1 }; i += 1 }
        return n
    }

    /// The first index at or after `from` holding `byte` (`count` when none).
    @inline(__always)
    func firstIndex(of byte: UInt8, from: Int) -> Int {
        let pattern = 0x0101_0101_0101_0101 &* UInt64(byte)
        // x ^ pattern has a zero byte where the byte is; (z - 0x01…) & ~z & 0x80… finds a zero byte.
        return firstIndex(from: from, mayHold: { x in
            let z = x ^ pattern
            return (z &- 0x0101_0101_0101_0101) & ~z & 0x8080_8080_8080_8080 != 0
        }) { $0 == byte }
    }

    /// The first index at or after `from` whose byte is < 0x20, a control (`count` when none).
    @inline(__always)
    func firstControl(from: Int) -> Int {
        // A byte below 0x20 (or at/above 0x80, checked byte by byte) makes (x - 0x20…) & ~x set its top bit.
        firstIndex(from: from, mayHold: { x in (x &- 0x2020_2020_2020_2020) & ~x & 0x8080_8080_8080_8080 != 0 }) { $0 < 0x20 }
    }

    /// The first index at or after `from` whose byte JSON must escape: a control, ", \ or DEL (`count` when none).
    @inline(__always)
    func firstJSONEscape(from: Int) -> Int {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ z: UInt64) -> Bool { (z &- ones) & ~z & highs != 0 }
        return firstIndex(from: from, mayHold: { x in
            (x &- 0x20 &* ones) & ~x & highs != 0 || hasZero(x ^ (0x22 &* ones)) || hasZero(x ^ (0x5C &* ones)) || hasZero(x ^ (0x7F &* ones))
        }) { b in b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F }
    }
}
