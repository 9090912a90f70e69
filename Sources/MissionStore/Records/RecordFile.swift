#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// One append-only file of records (see RecordCodec.swift for the format).
///
/// Thread-safety: appends are serialised by the owner (journal or event log) under its lock;
/// `size` is an atomic, so a reader outside that lock sees a whole value; the system calls
/// themselves are safe from any thread, which lets the owner fdatasync or pread outside its
/// lock. The fd is closed when the last reference goes away, so a reader holding a reference
/// never reads from a recycled descriptor.
final class RecordFile: Sendable {
    let path: String
    private let fd: Int32
    /// End of the last good record = bytes a reader may trust.
    private let end = Atomic<Int>(0)
    var size: Int { end.load(ordering: .acquiring) }
    /// Set when the file can no longer be trusted to hold what we wrote (a failed fdatasync, or a
    /// failed rollback after a failed write): every later append throws.
    private let poison = Mutex<StoreError?>(nil)

    /// Opens (or creates, mode 0600) for appending. `size` starts at 0: call `scan` before appending.
    /// `reportedPath`: the name to use in errors when the file is opened under a temporary name
    /// and renamed into place (compaction).
    init(path: String, create: Bool = true, reportedPath: String? = nil) throws(StoreError) {
        self.path = reportedPath ?? path
        var flags = O_RDWR | O_APPEND | O_CLOEXEC
        if create { flags |= O_CREAT }
        let fd = retryingEINTR { open(path, flags, 0o600) }
        guard fd >= 0 else { throw .sys("open", path) }
        self.fd = fd
    }

    deinit { _ = Glibc.close(fd) }

    var name: String { path.split(separator: "/").last.map(String.init) ?? path }

    /// Appends whole records. On any failure (EFBIG, ENOSPC, EIO…) the file is cut back to the
    /// last good record and the error is thrown: a partial record is never left behind to be
    /// mistaken for a torn tail, and nothing is ever reported written that was not.
    func append(_ bytes: [UInt8]) throws(StoreError) {
        if let p = poison.withLock({ $0 }) { throw p }
        let start = size
        let failed: Int32? = bytes.withUnsafeBytes { buf in
            var done = 0
            while done < buf.count {
                let n = write(fd, buf.baseAddress! + done, buf.count - done)
                if n > 0 { done += n; continue }
                if n < 0 && errno == EINTR { continue }
                return n == 0 ? EIO : errno
            }
            return nil
        }
        if let failed {
            let err = StoreError.sys("write", path, errno: failed)
            if retryingEINTR({ ftruncate(fd, off_t(start)) }) != 0 {
                let cut = StoreError.sys("ftruncate after failed write", path)
                poison.withLock { $0 = cut }
                throw StoreError(description: "\(err.description); then \(cut.description)", path: path, code: failed)
            }
            throw err
        }
        end.store(start + bytes.count, ordering: .releasing)
    }

    /// Refuses every later append and sync with `error`.
    func poison(_ error: StoreError) { poison.withLock { $0 = $0 ?? error } }

    /// fdatasync. A failure poisons the file: after a failed fsync the kernel may have dropped the
    /// dirty pages, so retrying and reporting success would be a lie.
    func sync() throws(StoreError) {
        if let p = poison.withLock({ $0 }) { throw p }
        if retryingEINTR({ fdatasync(fd) }) != 0 {
            let err = StoreError.sys("fdatasync", path)
            poison.withLock { $0 = err }
            throw err
        }
    }

    /// Full fsync, for files whose size changed by truncation (metadata matters).
    func fullSync() throws(StoreError) {
        if retryingEINTR({ fsync(fd) }) != 0 { throw .sys("fsync", path) }
    }

    func truncate(to length: Int) throws(StoreError) {
        if retryingEINTR({ ftruncate(fd, off_t(length)) }) != 0 { throw .sys("ftruncate", path) }
        end.store(length, ordering: .releasing)
    }

    /// Bytes on disk, including any not yet validated by `scan`.
    func physicalSize() throws(StoreError) -> Int {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .sys("fstat", path) }
        return Int(st.st_size)
    }

    /// Reads exactly `count` bytes at `offset` (fewer only at end of file).
    func read(at offset: Int, count: Int) throws(StoreError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        var got = 0
        let failed: Int32? = out.withUnsafeMutableBytes { buf in
            while got < count {
                let n = pread(fd, buf.baseAddress! + got, count - got, off_t(offset + got))
                if n > 0 { got += n; continue }
                if n == 0 { return nil }
                if errno == EINTR { continue }
                return errno
            }
            return nil
        }
        if let failed { throw .sys("pread", path, errno: failed) }
        if got < count { out.removeLast(count - got) }
        return out
    }

    /// Validates every record from the start, calling `visit` for each, and sets `size` to the end
    /// of the last good one. A bad record with nothing valid after it is a torn tail (a crash
    /// mid-write): with `repairTail` it is cut off and described in the returned note. A bad
    /// record followed by valid ones is corruption in the middle, and throws.
    /// `from`: where to start, the end of records already known good (a checkpoint).
    func scan(from start: Int = 0, repairTail: Bool,
              visit: (_ offset: Int, _ kind: UInt8, _ payload: ArraySlice<UInt8>) throws(StoreError) -> Void)
        throws(StoreError) -> String?
    {
        let physical = try physicalSize()
        var cursor = RecordCursor(file: self, from: start, to: physical)
        while true {
            switch try cursor.next() {
            case .end:
                end.store(physical, ordering: .releasing)
                return nil
            case let .record(offset, kind, payload):
                try visit(offset, kind, payload)
            case let .bad(offset, reason):
                if let later = try firstValidRecord(after: offset, end: physical) {
                    throw .store("corrupt record at offset \(offset) (\(reason)), valid record follows at \(later)", path)
                }
                guard repairTail else {
                    throw .store("corrupt tail at offset \(offset) (\(reason)) in a sealed file", path)
                }
                try truncate(to: offset)
                try fullSync()
                return "truncated torn record at offset \(offset) in \(name) (\(reason), \(physical - offset) bytes dropped)"
            }
        }
    }

    /// Offset of a complete, checksummed record starting anywhere after `offset`, if any.
    func firstValidRecord(after offset: Int, end: Int) throws(StoreError) -> Int? {
        guard end - offset > RecordFormat.headerSize else { return nil }
        let rest = try read(at: offset + 1, count: end - offset - 1)
        return rest.withUnsafeBytes { buf -> Int? in
            var i = 0
            while i + RecordFormat.headerSize <= buf.count {
                if UInt32(littleEndian: buf.loadUnaligned(fromByteOffset: i, as: UInt32.self)) == RecordFormat.magic {
                    let len = Int(UInt32(littleEndian: buf.loadUnaligned(fromByteOffset: i + 4, as: UInt32.self)))
                    let crc = UInt32(littleEndian: buf.loadUnaligned(fromByteOffset: i + 8, as: UInt32.self))
                    if len <= RecordFormat.maxPayload, i + RecordFormat.headerSize + len <= buf.count,
                       RecordFormat.checksum(buf, start: i, payloadLength: len) == crc {
                        return offset + 1 + i
                    }
                }
                i += 1
            }
            return nil
        }
    }
}

/// Sequential, buffered reading of records between two offsets: a few large preads instead of
/// two per record.
struct RecordCursor {
    enum Step {
        case record(offset: Int, kind: UInt8, payload: ArraySlice<UInt8>)
        case end
        case bad(offset: Int, reason: String)
    }

    let file: RecordFile
    private(set) var offset: Int
    let end: Int
    private var buf: [UInt8] = []
    private var bufStart = 0
    private let chunk: Int

    init(file: RecordFile, from: Int, to: Int, chunk: Int = 1 << 20) {
        self.file = file
        self.offset = from
        self.end = to
        self.chunk = chunk
    }

    mutating func next() throws(StoreError) -> Step {
        let h = RecordFormat.headerSize
        if offset >= end { return .end }
        guard end - offset >= h else { return .bad(offset: offset, reason: "short header") }
        try ensure(h)
        let at = offset - bufStart
        let (magic, len, crc) = buf.withUnsafeBytes { b in
            (UInt32(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt32.self)),
             Int(UInt32(littleEndian: b.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self))),
             UInt32(littleEndian: b.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self)))
        }
        guard magic == RecordFormat.magic else { return .bad(offset: offset, reason: "bad magic") }
        guard len <= RecordFormat.maxPayload else { return .bad(offset: offset, reason: "implausible length \(len)") }
        guard end - offset - h >= len else { return .bad(offset: offset, reason: "short record") }
        try ensure(h + len)
        let start = offset - bufStart
        let ok = buf.withUnsafeBytes { RecordFormat.checksum($0, start: start, payloadLength: len) == crc }
        guard ok else { return .bad(offset: offset, reason: "checksum mismatch") }
        let kind = buf[start + 12]
        let rec = Step.record(offset: offset, kind: kind, payload: buf[(start + h)..<(start + h + len)])
        offset += h + len
        return rec
    }

    /// Makes bytes offset..<offset+n available in `buf`.
    private mutating func ensure(_ n: Int) throws(StoreError) {
        if offset >= bufStart && offset + n <= bufStart + buf.count { return }
        let want = min(max(n, chunk), end - offset)
        buf = try file.read(at: offset, count: want)
        bufStart = offset
        if buf.count < n { throw .store("file shrank while reading at offset \(offset)", file.path) }
    }
}

/// Retries a system call while it fails with EINTR.
@inline(__always)
func retryingEINTR<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let r = call()
        if r == -1 && errno == EINTR { continue }
        return r
    }
}
