/// SHA-256 (FIPS 180-4), written here to keep the module free of dependencies.
/// Every article is hashed whole, so the block loop works in place on the caller's bytes:
/// no copy of the message, no heap allocation, only the final block is padded.
enum SHA256 {
    /// The eight working words a…h, kept in registers between blocks.
    private typealias State = (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)
    private static let initial: State = (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)

    static func digest<C: Collection>(_ message: C) -> [UInt8] where C.Element == UInt8 {
        if let d = message.withContiguousStorageIfAvailable({ digest(UnsafeRawBufferPointer($0)) }) { return d }
        return Array(message).withUnsafeBytes { digest($0) }
    }

    static func digest(_ message: UnsafeRawBufferPointer) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { out, n in
            digest(message, into: out)
            n = 32
        }
    }

    /// The digest into `out` (32 bytes): no array for a digest that is only read once.
    static func digest(_ message: UnsafeRawBufferPointer, into out: UnsafeMutableBufferPointer<UInt8>) {
        var h = initial
        let full = message.count / 64
        for block in 0..<full { compress(&h, message.baseAddress! + block * 64) }
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
            for b in 0..<blocks { compress(&h, base + b * 64) }
        }
        let words = UnsafeMutableRawPointer(out.baseAddress!)
        func put(_ i: Int, _ v: UInt32) { words.storeBytes(of: v.bigEndian, toByteOffset: 4 * i, as: UInt32.self) }
        put(0, h.0); put(1, h.1); put(2, h.2); put(3, h.3); put(4, h.4); put(5, h.5); put(6, h.6); put(7, h.7)
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

    /// One 64-byte block into the state. The rounds are written out, each with its constant K and
    /// the schedule word it adds: the schedule lives in sixteen locals, w[i] overwriting w[i - 16]
    /// just before round i uses it, and the words are loaded big-endian straight from the block.
    /// (Unrolled, a block takes about a fifth less time than by a loop over tables of K and W.)
    private static func compress(_ state: inout State, _ p: UnsafeRawPointer) {
        @inline(__always) func load(_ i: Int) -> UInt32 { UInt32(bigEndian: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
        var w0 = load(0), w1 = load(1), w2 = load(2), w3 = load(3), w4 = load(4), w5 = load(5), w6 = load(6), w7 = load(7)
        var w8 = load(8), w9 = load(9), w10 = load(10), w11 = load(11), w12 = load(12), w13 = load(13), w14 = load(14), w15 = load(15)
        var (a, b, c, d, e, f, g, h) = state
        // Eight rounds a group, the roles of the variables rotated: no moves between rounds.
        round(a, b, c, &d, e, f, g, &h, 0x428a2f98 &+ w0)
        round(h, a, b, &c, d, e, f, &g, 0x71374491 &+ w1)
        round(g, h, a, &b, c, d, e, &f, 0xb5c0fbcf &+ w2)
        round(f, g, h, &a, b, c, d, &e, 0xe9b5dba5 &+ w3)
        round(e, f, g, &h, a, b, c, &d, 0x3956c25b &+ w4)
        round(d, e, f, &g, h, a, b, &c, 0x59f111f1 &+ w5)
        round(c, d, e, &f, g, h, a, &b, 0x923f82a4 &+ w6)
        round(b, c, d, &e, f, g, h, &a, 0xab1c5ed5 &+ w7)

        round(a, b, c, &d, e, f, g, &h, 0xd807aa98 &+ w8)
        round(h, a, b, &c, d, e, f, &g, 0x12835b01 &+ w9)
        round(g, h, a, &b, c, d, e, &f, 0x243185be &+ w10)
        round(f, g, h, &a, b, c, d, &e, 0x550c7dc3 &+ w11)
        round(e, f, g, &h, a, b, c, &d, 0x72be5d74 &+ w12)
        round(d, e, f, &g, h, a, b, &c, 0x80deb1fe &+ w13)
        round(c, d, e, &f, g, h, a, &b, 0x9bdc06a7 &+ w14)
        round(b, c, d, &e, f, g, h, &a, 0xc19bf174 &+ w15)

        round(a, b, c, &d, e, f, g, &h, 0xe49b69c1 &+ schedule(&w0, w14, w9, w1))
        round(h, a, b, &c, d, e, f, &g, 0xefbe4786 &+ schedule(&w1, w15, w10, w2))
        round(g, h, a, &b, c, d, e, &f, 0x0fc19dc6 &+ schedule(&w2, w0, w11, w3))
        round(f, g, h, &a, b, c, d, &e, 0x240ca1cc &+ schedule(&w3, w1, w12, w4))
        round(e, f, g, &h, a, b, c, &d, 0x2de92c6f &+ schedule(&w4, w2, w13, w5))
        round(d, e, f, &g, h, a, b, &c, 0x4a7484aa &+ schedule(&w5, w3, w14, w6))
        round(c, d, e, &f, g, h, a, &b, 0x5cb0a9dc &+ schedule(&w6, w4, w15, w7))
        round(b, c, d, &e, f, g, h, &a, 0x76f988da &+ schedule(&w7, w5, w0, w8))

        round(a, b, c, &d, e, f, g, &h, 0x983e5152 &+ schedule(&w8, w6, w1, w9))
        round(h, a, b, &c, d, e, f, &g, 0xa831c66d &+ schedule(&w9, w7, w2, w10))
        round(g, h, a, &b, c, d, e, &f, 0xb00327c8 &+ schedule(&w10, w8, w3, w11))
        round(f, g, h, &a, b, c, d, &e, 0xbf597fc7 &+ schedule(&w11, w9, w4, w12))
        round(e, f, g, &h, a, b, c, &d, 0xc6e00bf3 &+ schedule(&w12, w10, w5, w13))
        round(d, e, f, &g, h, a, b, &c, 0xd5a79147 &+ schedule(&w13, w11, w6, w14))
        round(c, d, e, &f, g, h, a, &b, 0x06ca6351 &+ schedule(&w14, w12, w7, w15))
        round(b, c, d, &e, f, g, h, &a, 0x14292967 &+ schedule(&w15, w13, w8, w0))

        round(a, b, c, &d, e, f, g, &h, 0x27b70a85 &+ schedule(&w0, w14, w9, w1))
        round(h, a, b, &c, d, e, f, &g, 0x2e1b2138 &+ schedule(&w1, w15, w10, w2))
        round(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc &+ schedule(&w2, w0, w11, w3))
        round(f, g, h, &a, b, c, d, &e, 0x53380d13 &+ schedule(&w3, w1, w12, w4))
        round(e, f, g, &h, a, b, c, &d, 0x650a7354 &+ schedule(&w4, w2, w13, w5))
        round(d, e, f, &g, h, a, b, &c, 0x766a0abb &+ schedule(&w5, w3, w14, w6))
        round(c, d, e, &f, g, h, a, &b, 0x81c2c92e &+ schedule(&w6, w4, w15, w7))
        round(b, c, d, &e, f, g, h, &a, 0x92722c85 &+ schedule(&w7, w5, w0, w8))

        round(a, b, c, &d, e, f, g, &h, 0xa2bfe8a1 &+ schedule(&w8, w6, w1, w9))
        round(h, a, b, &c, d, e, f, &g, 0xa81a664b &+ schedule(&w9, w7, w2, w10))
        round(g, h, a, &b, c, d, e, &f, 0xc24b8b70 &+ schedule(&w10, w8, w3, w11))
        round(f, g, h, &a, b, c, d, &e, 0xc76c51a3 &+ schedule(&w11, w9, w4, w12))
        round(e, f, g, &h, a, b, c, &d, 0xd192e819 &+ schedule(&w12, w10, w5, w13))
        round(d, e, f, &g, h, a, b, &c, 0xd6990624 &+ schedule(&w13, w11, w6, w14))
        round(c, d, e, &f, g, h, a, &b, 0xf40e3585 &+ schedule(&w14, w12, w7, w15))
        round(b, c, d, &e, f, g, h, &a, 0x106aa070 &+ schedule(&w15, w13, w8, w0))

        round(a, b, c, &d, e, f, g, &h, 0x19a4c116 &+ schedule(&w0, w14, w9, w1))
        round(h, a, b, &c, d, e, f, &g, 0x1e376c08 &+ schedule(&w1, w15, w10, w2))
        round(g, h, a, &b, c, d, e, &f, 0x2748774c &+ schedule(&w2, w0, w11, w3))
        round(f, g, h, &a, b, c, d, &e, 0x34b0bcb5 &+ schedule(&w3, w1, w12, w4))
        round(e, f, g, &h, a, b, c, &d, 0x391c0cb3 &+ schedule(&w4, w2, w13, w5))
        round(d, e, f, &g, h, a, b, &c, 0x4ed8aa4a &+ schedule(&w5, w3, w14, w6))
        round(c, d, e, &f, g, h, a, &b, 0x5b9cca4f &+ schedule(&w6, w4, w15, w7))
        round(b, c, d, &e, f, g, h, &a, 0x682e6ff3 &+ schedule(&w7, w5, w0, w8))

        round(a, b, c, &d, e, f, g, &h, 0x748f82ee &+ schedule(&w8, w6, w1, w9))
        round(h, a, b, &c, d, e, f, &g, 0x78a5636f &+ schedule(&w9, w7, w2, w10))
        round(g, h, a, &b, c, d, e, &f, 0x84c87814 &+ schedule(&w10, w8, w3, w11))
        round(f, g, h, &a, b, c, d, &e, 0x8cc70208 &+ schedule(&w11, w9, w4, w12))
        round(e, f, g, &h, a, b, c, &d, 0x90befffa &+ schedule(&w12, w10, w5, w13))
        round(d, e, f, &g, h, a, b, &c, 0xa4506ceb &+ schedule(&w13, w11, w6, w14))
        round(c, d, e, &f, g, h, a, &b, 0xbef9a3f7 &+ schedule(&w14, w12, w7, w15))
        round(b, c, d, &e, f, g, h, &a, 0xc67178f2 &+ schedule(&w15, w13, w8, w0))

        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }

    /// The schedule's next word, w[i] = σ1(w[i-2]) + w[i-7] + σ0(w[i-15]) + w[i-16], written over
    /// w[i-16] (the window's oldest word) and returned.
    @inline(__always)
    private static func schedule(_ w16: inout UInt32, _ w2: UInt32, _ w7: UInt32, _ w15: UInt32) -> UInt32 {
        w16 = w16 &+ (rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >> 10)) &+ w7 &+ (rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >> 3))
        return w16
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
