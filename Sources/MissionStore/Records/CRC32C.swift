// CRC-32C (Castagnoli), the checksum of every record. Slicing-by-8: eight
// 256-entry tables let the loop consume 8 bytes per step, which keeps the
// checksum far below the cost of the write(2) it protects.

/// CRC-32C, reflected polynomial 0x82F63B78 (as in iSCSI, ext4, LevelDB).
package enum CRC32C {
    /// Checksum of `bytes`, continuing from `crc` (pass the previous result to chain pieces).
    package static func checksum<C: Collection>(_ bytes: C, continuing crc: UInt32 = 0) -> UInt32 where C.Element == UInt8 {
        if let r = bytes.withContiguousStorageIfAvailable({ update(crc, UnsafeRawBufferPointer($0)) }) {
            return r
        }
        return Array(bytes).withUnsafeBytes { update(crc, $0) }
    }

    /// Checksum of raw memory, continuing from `crc`.
    package static func update(_ crc: UInt32, _ buf: UnsafeRawBufferPointer) -> UInt32 {
        var c = ~crc
        let n = buf.count
        var i = 0
        crcTables.withUnsafeBufferPointer { t in
            while n - i >= 8 {
                let w = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let lo = UInt32(truncatingIfNeeded: w) ^ c
                let hi = UInt32(truncatingIfNeeded: w >> 32)
                c = t[7 &* 256 &+ Int(lo & 0xFF)] ^ t[6 &* 256 &+ Int((lo >> 8) & 0xFF)]
                    ^ t[5 &* 256 &+ Int((lo >> 16) & 0xFF)] ^ t[4 &* 256 &+ Int(lo >> 24)]
                    ^ t[3 &* 256 &+ Int(hi & 0xFF)] ^ t[2 &* 256 &+ Int((hi >> 8) & 0xFF)]
                    ^ t[256 &+ Int((hi >> 16) & 0xFF)] ^ t[Int(hi >> 24)]
                i &+= 8
            }
            while i < n {
                c = t[Int((c ^ UInt32(buf[i])) & 0xFF)] ^ (c >> 8)
                i &+= 1
            }
        }
        return ~c
    }
}

/// Table k maps a byte to its CRC contribution k bytes further back; flat, 8 × 256.
private let crcTables: [UInt32] = {
    var t = [UInt32](repeating: 0, count: 8 * 256)
    for i in 0..<256 {
        var c = UInt32(i)
        for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
        t[i] = c
    }
    for k in 1..<8 {
        for i in 0..<256 {
            let prev = t[(k - 1) * 256 + i]
            t[k * 256 + i] = (prev >> 8) ^ t[Int(prev & 0xFF)]
        }
    }
    return t
}()
