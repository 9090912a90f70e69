/// SHA-256 (FIPS 180-4), written here to keep the module free of dependencies (SystemSHA256 is used
/// instead when the system has it).
/// Every article is hashed whole, so the block loop works in place on the caller's bytes:
/// no copy of the message, no heap allocation, only the final block is padded.
enum SHA256 {
    private static let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    static func digest<C: Collection>(_ message: C) -> [UInt8] where C.Element == UInt8 {
        if let d = message.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) { return d }
        return Array(message).withUnsafeBytes { digest($0) }
    }

    static func digest(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        if SystemSHA256.isAvailable {
            return [UInt8](unsafeUninitializedCapacity: 32) { out, n in
                _ = SystemSHA256.digest(message, into: out.baseAddress!)
                n = 32
            }
        }
        return rounds(message)
    }

    /// The digest into `out` (32 bytes): no array for a digest that is only read once.
    static func digest(_ message: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) {
        if SystemSHA256.digest(message, into: out.baseAddress!) { return }
        let d = rounds(message)
        for i in 0..<32 { out[i] = d[i] }
    }

    /// `prefix` followed by the hex of the first `bytes` bytes of the digest, as one string (one allocation).
    static func hex(_ message: UnsafeRawBufferPointer, prefix: StaticString, bytes: Int = 32) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { d in
            digest(message, into: d)
            let p = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            return String(unsafeUninitializedCapacity: p.count + bytes * 2) { out in
                for i in 0..<p.count { out[i] = p[i] }
                writeHex(UnsafeBufferPointer(rebasing: d[0..<bytes]), to: UnsafeMutableBufferPointer(rebasing: out[p.count...]))
                return p.count + bytes * 2
            }
        }
    }

    /// The digest by this file's own rounds.
    static func rounds(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        var h: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
            (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
        k.withUnsafeBufferPointer { k in
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
                let full = message.count / 64
                for block in 0..<full { compress(&h, message.baseAddress! + block * 64, w, k) }
                // The tail, 0x80, zeros and the bit length: one or two more blocks.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 128) { pad in
                    let rest = message.count - full * 64
                    pad.initialize(repeating: 0)
                    if rest > 0 { UnsafeMutableRawBufferPointer(pad).copyMemory(from: UnsafeRawBufferPointer(rebasing: message[(full * 64)...])) }
                    pad[rest] = 0x80
                    let blocks = rest < 56 ? 1 : 2
                    let bits = UInt64(message.count) &* 8
                    for i in 0..<8 { pad[blocks * 64 - 1 - i] = UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8)) }
                    let base = UnsafeRawPointer(pad.baseAddress!)
                    for b in 0..<blocks { compress(&h, base + b * 64, w, k) }
                }
            }
        }
        var out = [UInt8](repeating: 0, count: 32)
        for (i, v) in [h.0, h.1, h.2, h.3, h.4, h.5, h.6, h.7].enumerated() {
            out[4 * i] = UInt8(truncatingIfNeeded: v >> 24); out[4 * i + 1] = UInt8(truncatingIfNeeded: v >> 16)
            out[4 * i + 2] = UInt8(truncatingIfNeeded: v >> 8); out[4 * i + 3] = UInt8(truncatingIfNeeded: v)
        }
        return out
    }

    @inline(__always)
    private static func compress(_ h: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
                                 _ p: UnsafeRawPointer, _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>) {
        for i in 0..<16 { w[i] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = h
        // Eight rounds per pass with the roles of the variables rotated: no moves between rounds.
        var i = 0
        while i < 64 {
            round(a, b, c, &d, e, f, g, &hh, k[i] &+ w[i])
            round(hh, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
            round(g, hh, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
            round(f, g, hh, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
            round(e, f, g, &hh, a, b, c, &d, k[i + 4] &+ w[i + 4])
            round(d, e, f, &g, hh, a, b, &c, k[i + 5] &+ w[i + 5])
            round(c, d, e, &f, g, hh, a, &b, k[i + 6] &+ w[i + 6])
            round(b, c, d, &e, f, g, hh, &a, k[i + 7] &+ w[i + 7])
            i += 8
        }
        h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e, h.5 &+ f, h.6 &+ g, h.7 &+ hh)
    }

    /// One round: h += Σ1(e) + Ch(e,f,g) + k + w; d += h; h += Σ0(a) + Maj(a,b,c).
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
        d = d &+ t1
        h = t1 &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
    }

    static func hex<C: Collection>(_ message: C) -> String where C.Element == UInt8 {
        hexString(digest(message))
    }

    static func hexString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(unsafeUninitializedCapacity: bytes.count * 2) { out in
            for (i, b) in bytes.enumerated() { out[2 * i] = hexDigit(b >> 4); out[2 * i + 1] = hexDigit(b & 15) }
            return bytes.count * 2
        }
    }

    private static func writeHex(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) {
        for i in 0..<bytes.count { out[2 * i] = hexDigit(bytes[i] >> 4); out[2 * i + 1] = hexDigit(bytes[i] & 15) }
    }

    @inline(__always) private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 48 + v : 87 + v }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}
