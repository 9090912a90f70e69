// Building and parsing records in memory. A batch of records is built into one
// [UInt8] so it reaches the kernel in a single write(2).
//
// Record = 16-byte header + payload, integers little-endian:
//   0  magic   UInt32  "MSR1"
//   4  length  UInt32  payload bytes
//   8  crc     UInt32  CRC-32C of header bytes 4..<8 and 12..<16, then the payload
//  12  kind    UInt8   what the payload is (see the users of RecordKind)
//  13  zero    3 bytes reserved
// The checksum covers length and kind too, so a flipped bit there is caught as well.

enum RecordFormat {
    static let magic: UInt32 = 0x3152_534D  // bytes "MSR1"
    static let headerSize = 16
    /// Larger lengths are treated as corruption rather than allocated.
    static let maxPayload = 256 << 20

    /// The checksum stored at bytes 8..<12 of a record starting at `start` in `buf`.
    static func checksum(_ buf: UnsafeRawBufferPointer, start: Int, payloadLength: Int) -> UInt32 {
        var c = CRC32C.update(0, UnsafeRawBufferPointer(rebasing: buf[(start + 4)..<(start + 8)]))
        c = CRC32C.update(c, UnsafeRawBufferPointer(rebasing: buf[(start + 12)..<(start + 16)]))
        let p = start + headerSize
        return CRC32C.update(c, UnsafeRawBufferPointer(rebasing: buf[p..<(p + payloadLength)]))
    }
}

/// Accumulates one or more complete records; `bytes` is what gets written.
struct RecordBuffer {
    private(set) var bytes: [UInt8] = []
    private var recordStart = -1

    init(reserving capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count }

    /// Starts a record; follow with payload appends and `end()`.
    mutating func begin(kind: UInt8) {
        precondition(recordStart < 0, "record already open")
        recordStart = bytes.count
        appendLE(RecordFormat.magic)
        appendLE(UInt32(0))  // length, filled by end()
        appendLE(UInt32(0))  // crc, filled by end()
        bytes.append(kind)
        bytes.append(contentsOf: [0, 0, 0])
    }

    /// Closes the open record: fills in its length and checksum.
    mutating func end() {
        precondition(recordStart >= 0, "no open record")
        let start = recordStart
        recordStart = -1
        let length = bytes.count - start - RecordFormat.headerSize
        precondition(length <= RecordFormat.maxPayload, "record too large")
        bytes.withUnsafeMutableBytes { buf in
            buf.storeBytes(of: UInt32(length).littleEndian, toByteOffset: start + 4, as: UInt32.self)
            let crc = RecordFormat.checksum(UnsafeRawBufferPointer(buf), start: start, payloadLength: length)
            buf.storeBytes(of: crc.littleEndian, toByteOffset: start + 8, as: UInt32.self)
        }
    }

    /// Appends a complete record read back from a file (compaction copies them verbatim).
    mutating func append(record raw: [UInt8]) {
        precondition(recordStart < 0, "record open")
        bytes.append(contentsOf: raw)
    }

    mutating func append(_ v: UInt8) { bytes.append(v) }
    mutating func append(_ v: UInt64) { appendLE(v) }
    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { u in
            appendLE(UInt32(u.count))
            bytes.append(contentsOf: u)
        }
    }
    mutating func append(_ s: String?) {
        if let s { bytes.append(1); append(s) } else { bytes.append(0) }
    }

    private mutating func appendLE<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Reads a payload written by RecordBuffer; every read fails (nil) past the end instead of trapping.
struct PayloadReader {
    private let bytes: ArraySlice<UInt8>
    private var i: Int

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes; i = bytes.startIndex }

    var isAtEnd: Bool { i == bytes.endIndex }

    mutating func u8() -> UInt8? {
        guard i < bytes.endIndex else { return nil }
        defer { i += 1 }
        return bytes[i]
    }
    mutating func u32() -> UInt32? { le(UInt32.self) }
    mutating func u64() -> UInt64? { le(UInt64.self) }
    mutating func string() -> String? {
        guard let n = u32().map(Int.init), bytes.endIndex - i >= n else { return nil }
        defer { i += n }
        return String(decoding: bytes[i..<(i + n)], as: UTF8.self)
    }
    mutating func optionalString() -> String?? {
        switch u8() {
        case 0: return .some(nil)
        case 1: return string().map { .some($0) }
        default: return nil
        }
    }

    private mutating func le<T: FixedWidthInteger>(_: T.Type) -> T? {
        let n = MemoryLayout<T>.size
        guard bytes.endIndex - i >= n else { return nil }
        var v: T = 0
        for k in 0..<n { v |= T(bytes[i + k]) << (8 * k) }
        i += n
        return v
    }
}
