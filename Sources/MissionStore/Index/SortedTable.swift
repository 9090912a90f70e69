// An immutable file of (key, value) entries sorted by key, for lookups from disk with a small
// memory cost: the in-memory part is one fence entry per ~4 KB block and a Bloom filter.
//
// Layout, integers little-endian:
//   blocks   entries back to back: key hi u64, key lo u64, value length u32, value bytes
//   meta     the owner's bytes (what the table describes)
//   fence    per block: first key hi u64, lo u64, offset u64, length u32, CRC-32C u32 of the block
//   bloom    BloomFilter words
//   footer   64 bytes: magic "MSNTBL01", entries, blocks, meta offset, meta length, fence offset,
//            bloom offset (u64 each), CRC-32C u32 of meta + fence + bloom + the footer's first 56 bytes
// A table is written under a temporary name, fsynced and renamed into place: it is whole or absent.
// Opening checks the footer's CRC (meta, fence, bloom); each block read checks its own.

/// Reading a table: lookups, and blocks in key order for merges.
final class SortedTable: Sendable {
    static let footerSize = 64
    private static let magic: UInt64 = 0x3130_4C42_544E_534D  // "MSNTBL01"
    static let fenceEntrySize = 32

    let path: String
    let entryCount: Int
    /// The file's size.
    let byteCount: Int
    let meta: [UInt8]
    private let file: RecordFile
    private let fenceKeys: [TableKey]
    private let fenceOffsets: [Int]
    private let fenceLengths: [UInt32]
    private let fenceCRCs: [UInt32]
    private let bloom: BloomFilter

    var blockCount: Int { fenceKeys.count }
    /// Bytes this table holds in memory.
    var residentBytes: Int { meta.count + fenceKeys.count * 40 + bloom.words.count * 8 }

    init(path: String) throws(StoreError) {
        self.path = path
        file = try RecordFile(path: path, create: false)
        let size = try file.physicalSize()
        byteCount = size
        let bad = { (why: String) in StoreError.store("unreadable index table (\(why))", path) }
        guard size >= Self.footerSize else { throw bad("shorter than its footer") }
        let footer = try file.read(at: size - Self.footerSize, count: Self.footerSize)
        func u64(_ b: [UInt8], _ at: Int) -> UInt64 { b.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt64.self)) } }
        func u32(_ b: [UInt8], _ at: Int) -> UInt32 { b.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) } }
        guard footer.count == Self.footerSize, u64(footer, 0) == Self.magic else { throw bad("no footer") }
        let entries = Int(truncatingIfNeeded: u64(footer, 8)), blocks = Int(truncatingIfNeeded: u64(footer, 16))
        let metaOffset = Int(truncatingIfNeeded: u64(footer, 24)), metaLength = Int(truncatingIfNeeded: u64(footer, 32))
        let fenceOffset = Int(truncatingIfNeeded: u64(footer, 40)), bloomOffset = Int(truncatingIfNeeded: u64(footer, 48))
        let footerStart = size - Self.footerSize
        guard entries >= 0, blocks >= 0, metaOffset >= 0, metaLength >= 0, metaOffset + metaLength == fenceOffset,
              fenceOffset + blocks * Self.fenceEntrySize == bloomOffset, bloomOffset < footerStart else {
            throw bad("inconsistent footer")
        }
        let tail = try file.read(at: metaOffset, count: footerStart - metaOffset)
        var crc = CRC32C.checksum(tail)
        crc = CRC32C.checksum(footer[0..<56], continuing: crc)
        guard tail.count == footerStart - metaOffset, crc == u32(footer, 56) else { throw bad("checksum mismatch") }
        guard let bloom = BloomFilter(bytes: tail[(bloomOffset - metaOffset)...]) else { throw bad("bloom size") }
        meta = Array(tail[0..<metaLength])
        var keys: [TableKey] = [], offsets: [Int] = [], lengths: [UInt32] = [], crcs: [UInt32] = []
        keys.reserveCapacity(blocks); offsets.reserveCapacity(blocks); lengths.reserveCapacity(blocks); crcs.reserveCapacity(blocks)
        let fence = Array(tail[(fenceOffset - metaOffset)..<(bloomOffset - metaOffset)])
        for i in 0..<blocks {
            let at = i * Self.fenceEntrySize
            keys.append(TableKey(hi: u64(fence, at), lo: u64(fence, at + 8)))
            offsets.append(Int(truncatingIfNeeded: u64(fence, at + 16)))
            lengths.append(u32(fence, at + 24))
            crcs.append(u32(fence, at + 28))
        }
        fenceKeys = keys
        fenceOffsets = offsets
        fenceLengths = lengths
        fenceCRCs = crcs
        entryCount = entries
        self.bloom = bloom
    }

    func mayContain(_ key: TableKey) -> Bool { bloom.mayContain(key) }

    /// The value stored under `key`, if any: a Bloom test, then one block read.
    func value(for key: TableKey) throws(StoreError) -> [UInt8]? {
        guard bloom.mayContain(key), let first = fenceKeys.first, first <= key else { return nil }
        // The last block whose first key is <= key.
        var lo = 0, hi = fenceKeys.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if fenceKeys[mid] <= key { lo = mid } else { hi = mid - 1 }
        }
        for (k, v) in try block(lo) where k == key { return Array(v) }
        return nil
    }

    /// The entries of block `i`, in key order, checked against the block's CRC.
    func block(_ i: Int) throws(StoreError) -> [(TableKey, ArraySlice<UInt8>)] {
        let length = Int(fenceLengths[i])
        let bytes = try file.read(at: fenceOffsets[i], count: length)
        guard bytes.count == length, CRC32C.checksum(bytes) == fenceCRCs[i] else {
            throw .store("index table block \(i) at offset \(fenceOffsets[i]) is damaged", path)
        }
        var out: [(TableKey, ArraySlice<UInt8>)] = []
        var at = 0
        let whole = bytes.withUnsafeBytes { b -> Bool in
            while at < length {
                guard length - at >= 20 else { return false }
                let key = TableKey(hi: UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt64.self)),
                                   lo: UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self)))
                let n = Int(UInt32(littleEndian: b.loadUnaligned(fromByteOffset: at + 16, as: UInt32.self)))
                guard length - at - 20 >= n else { return false }
                out.append((key, bytes[(at + 20)..<(at + 20 + n)]))
                at += 20 + n
            }
            return true
        }
        guard whole else { throw .store("index table block \(i) is malformed", path) }
        return out
    }

    /// Every entry in key order, block by block (for merges and scans).
    struct Cursor {
        let table: SortedTable
        private var blockIndex = 0
        private var entries: [(TableKey, ArraySlice<UInt8>)] = []
        private var position = 0
        /// With `skipDamaged`, the errors of the blocks passed over (fsck reads on past them).
        private(set) var damaged: [StoreError] = []
        private let skipDamaged: Bool

        init(_ table: SortedTable, skipDamaged: Bool = false) {
            self.table = table
            self.skipDamaged = skipDamaged
        }

        mutating func next() throws(StoreError) -> (TableKey, ArraySlice<UInt8>)? {
            while position == entries.count {
                guard blockIndex < table.blockCount else { return nil }
                do throws(StoreError) { entries = try table.block(blockIndex) } catch {
                    guard skipDamaged else { throw error }
                    damaged.append(error)
                    entries = []
                }
                blockIndex += 1
                position = 0
            }
            defer { position += 1 }
            return entries[position]
        }
    }
}

/// Writing a table: entries in strictly ascending key order, then `finish`.
struct SortedTableWriter {
    static let blockTarget = 4096
    let path: String          // the final name
    private let tmpPath: String
    private let file: RecordFile
    private var out: [UInt8] = []
    private var block: [UInt8] = []
    private var blockFirst: TableKey?
    private var written = 0
    private var fence: [UInt8] = []
    private var blocks = 0
    private var entries = 0
    private var last: TableKey?
    private var bloom: BloomFilter

    /// `expectedKeys`: an upper bound, which sizes the Bloom filter.
    init(path: String, expectedKeys: Int) throws(StoreError) {
        self.path = path
        tmpPath = path + ".tmp"
        try Directory.remove(tmpPath)
        file = try RecordFile(path: tmpPath, reportedPath: path)
        bloom = BloomFilter(expectedKeys: expectedKeys)
        out.reserveCapacity(1 << 20)
    }

    mutating func add(_ key: TableKey, _ value: some Collection<UInt8>) throws(StoreError) {
        precondition(last.map { $0 < key } ?? true, "sorted table keys must ascend")
        last = key
        if blockFirst == nil { blockFirst = key }
        Self.put(&block, key.hi)
        Self.put(&block, key.lo)
        Self.put(&block, UInt32(value.count))
        block.append(contentsOf: value)
        bloom.insert(key)
        entries += 1
        if block.count >= Self.blockTarget { try closeBlock() }
    }

    private mutating func closeBlock() throws(StoreError) {
        guard let first = blockFirst else { return }
        Self.put(&fence, first.hi)
        Self.put(&fence, first.lo)
        Self.put(&fence, UInt64(written + out.count))
        Self.put(&fence, UInt32(block.count))
        Self.put(&fence, CRC32C.checksum(block))
        out.append(contentsOf: block)
        block.removeAll(keepingCapacity: true)
        blockFirst = nil
        blocks += 1
        if out.count >= 1 << 20 { try spill() }
    }

    private mutating func spill() throws(StoreError) {
        try file.append(out)
        written += out.count
        out.removeAll(keepingCapacity: true)
    }

    /// Writes meta, fence, bloom and footer; fsyncs (unless `sync` is false) and renames the
    /// table into place. The directory itself is the caller's to sync.
    mutating func finish(meta: [UInt8], sync: Bool) throws(StoreError) {
        try closeBlock()
        let metaOffset = written + out.count
        var tail = meta
        tail.append(contentsOf: fence)
        let bloomOffset = metaOffset + tail.count
        tail.append(contentsOf: bloom.bytes)
        var footer: [UInt8] = []
        Self.put(&footer, UInt64(0x3130_4C42_544E_534D))
        for v in [entries, blocks, metaOffset, meta.count, metaOffset + meta.count, bloomOffset] { Self.put(&footer, UInt64(v)) }
        let crc = CRC32C.checksum(footer, continuing: CRC32C.checksum(tail))
        Self.put(&footer, crc)
        Self.put(&footer, UInt32(0))
        out.append(contentsOf: tail)
        out.append(contentsOf: footer)
        try spill()
        if sync { try file.sync() }
        try Directory.rename(tmpPath, path)
    }

    /// Removes the temporary file of a table that will not be finished.
    func abandon() { try? Directory.remove(tmpPath) }

    private static func put<T: FixedWidthInteger>(_ b: inout [UInt8], _ v: T) {
        withUnsafeBytes(of: v.littleEndian) { b.append(contentsOf: $0) }
    }
}
