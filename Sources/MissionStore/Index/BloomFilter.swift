/// A blocked Bloom filter: each key sets 6 bits inside one 512-bit block, so a probe costs one
/// cache line. About 10 bits per key: roughly 1 % false positives, never a false negative.
struct BloomFilter: Sendable {
    static let bitsPerKey = 10
    private static let wordsPerBlock = 8
    private(set) var words: [UInt64]

    init(expectedKeys: Int) {
        let blocks = max(1, (max(1, expectedKeys) * Self.bitsPerKey + 511) / 512)
        words = [UInt64](repeating: 0, count: blocks * Self.wordsPerBlock)
    }

    /// From stored bytes (little-endian words); nil when the length is not whole blocks.
    init?(bytes: ArraySlice<UInt8>) {
        guard !bytes.isEmpty, bytes.count % (Self.wordsPerBlock * 8) == 0 else { return nil }
        var w = [UInt64](repeating: 0, count: bytes.count / 8)
        w.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { out.copyMemory(from: $0) }
        }
        words = w.map { UInt64(littleEndian: $0) }
    }

    var bytes: [UInt8] {
        var out = [UInt8](repeating: 0, count: words.count * 8)
        out.withUnsafeMutableBytes { buf in
            for (i, w) in words.enumerated() { buf.storeBytes(of: w.littleEndian, toByteOffset: i * 8, as: UInt64.self) }
        }
        return out
    }

    mutating func insert(_ key: TableKey) {
        let (base, h) = Self.probe(key, blocks: words.count / Self.wordsPerBlock)
        for i in 0..<6 {
            let b = Int(truncatingIfNeeded: (h >> UInt64(9 * i)) & 511)
            words[base + b >> 6] |= 1 << UInt64(b & 63)
        }
    }

    func mayContain(_ key: TableKey) -> Bool {
        let (base, h) = Self.probe(key, blocks: words.count / Self.wordsPerBlock)
        for i in 0..<6 {
            let b = Int(truncatingIfNeeded: (h >> UInt64(9 * i)) & 511)
            if words[base + b >> 6] & (1 << UInt64(b & 63)) == 0 { return false }
        }
        return true
    }

    /// The block's first word, and a hash whose six 9-bit fields are the bits within it, from a
    /// mix of the key (keys made by FNV are not uniform enough to use raw).
    @inline(__always)
    private static func probe(_ key: TableKey, blocks: Int) -> (Int, UInt64) {
        let h = mix(key.hi ^ mix(key.lo))
        let block = Int(truncatingIfNeeded: mix(h) % UInt64(blocks))
        return (block * wordsPerBlock, h)
    }

    /// splitmix64's finaliser.
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
