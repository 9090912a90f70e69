import Foundation

// A segment's index, `events-<first seq>.idx` beside it: a sorted table of the ids of its
// records up to `coveredBytes`, with what a start needs to go on from there without reading
// them (the last seq, the sparse offsets a read starts from, the last append time). Derived
// data: a missing, torn or stale index only means that segment is scanned at open.

enum SegmentIndex {
    static func path(ofSegment segment: String) -> String {
        String(segment.dropLast(".log".count)) + ".idx"
    }

    struct Meta {
        var firstSeq: UInt64
        var lastSeq: UInt64
        var coveredBytes: Int
        var lastRecordOffset: Int
        var lastAppendMillis: Int64
        var sparse: [Int]

        var bytes: [UInt8] {
            var b = RecordBuffer()
            for v in [firstSeq, lastSeq, UInt64(coveredBytes), UInt64(bitPattern: Int64(lastRecordOffset)),
                      UInt64(bitPattern: lastAppendMillis), UInt64(sparse.count)] { b.append(v) }
            for o in sparse { b.append(UInt64(o)) }
            return b.bytes
        }

        init(firstSeq: UInt64, lastSeq: UInt64, coveredBytes: Int, lastRecordOffset: Int, lastAppendMillis: Int64, sparse: [Int]) {
            self.firstSeq = firstSeq
            self.lastSeq = lastSeq
            self.coveredBytes = coveredBytes
            self.lastRecordOffset = lastRecordOffset
            self.lastAppendMillis = lastAppendMillis
            self.sparse = sparse
        }

        init?(_ bytes: [UInt8]) {
            var r = PayloadReader(bytes[...])
            guard let first = r.u64(), let last = r.u64(), let covered = r.u64(), let lastOffset = r.u64(),
                  let millis = r.u64(), let count = r.u64(), count <= UInt64(bytes.count / 8) else { return nil }
            var sparse: [Int] = []
            sparse.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let o = r.u64() else { return nil }
                sparse.append(Int(truncatingIfNeeded: o))
            }
            self.init(firstSeq: first, lastSeq: last, coveredBytes: Int(truncatingIfNeeded: covered),
                      lastRecordOffset: Int(truncatingIfNeeded: Int64(bitPattern: lastOffset)),
                      lastAppendMillis: Int64(bitPattern: millis), sparse: sparse)
        }
    }

    /// At open: takes what the segment's index says, if it is whole and agrees with the segment
    /// (its first seq, the file at least as long, the last covered record there with the last
    /// seq), and returns the offset to scan from; otherwise removes it and returns 0.
    static func resume(_ seg: inout EventLog.Segment) throws(StoreError) -> Int {
        let path = seg.indexPath
        try Directory.remove(path + ".tmp")
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        guard let table = try? SortedTable(path: path), let meta = Meta(table.meta), meta.firstSeq == seg.firstSeq,
              meta.lastSeq + 1 >= meta.firstSeq, meta.coveredBytes <= (try seg.file.physicalSize()),
              lastRecordAgrees(seg.file, meta) else {
            try Directory.remove(path)
            return 0
        }
        seg.index = table
        seg.indexedBytes = meta.coveredBytes
        seg.lastSeq = meta.lastSeq
        seg.sparse = meta.sparse
        seg.lastAppendMillis = meta.lastAppendMillis
        seg.lastRecordOffset = meta.lastRecordOffset
        return meta.coveredBytes
    }

    private static func lastRecordAgrees(_ file: RecordFile, _ meta: Meta) -> Bool {
        if meta.lastSeq + 1 == meta.firstSeq { return meta.coveredBytes == 0 }
        guard meta.lastRecordOffset >= 0, meta.lastRecordOffset < meta.coveredBytes else { return false }
        var cursor = RecordCursor(file: file, from: meta.lastRecordOffset, to: meta.coveredBytes, chunk: 4096)
        guard case let .record(_, _, payload)? = try? cursor.next(), case .end? = try? cursor.next() else { return false }
        var r = PayloadReader(payload)
        return r.u64() == meta.lastSeq
    }

    /// What an index write works from, copied under the log's lock.
    struct Snapshot: Sendable {
        let path: String
        let meta: Meta
        let recent: Set<EventKey>          // a copy-on-write copy: taken under the lock in O(1)
        let old: SortedTable?
    }
}

extension SegmentIndex.Meta: Sendable {}

extension EventLog {
    /// Under the lock: queues a write of segment `i`'s index covering all of it as it is now.
    func scheduleIndex(_ s: inout State, _ i: Int) {
        guard !s.segments[i].indexing, !s.closed else { return }
        s.segments[i].indexing = true
        let g = s.segments[i]
        let snapshot = SegmentIndex.Snapshot(
            path: g.indexPath,
            meta: .init(firstSeq: g.firstSeq, lastSeq: g.lastSeq, coveredBytes: g.file.size, lastRecordOffset: g.lastRecordOffset,
                        lastAppendMillis: g.lastAppendMillis, sparse: g.sparse),
            recent: g.recent, old: g.index)
        indexQueue.async { self.writeIndex(snapshot) }
    }

    private func writeIndex(_ snapshot: SegmentIndex.Snapshot) {
        var table: SortedTable?
        do throws(StoreError) {
            var keys = snapshot.recent.map(\.value)
            if let old = snapshot.old {
                var cursor = SortedTable.Cursor(old)
                while let (key, _) = try cursor.next() { keys.append(key.hi) }
            }
            keys.sort()
            var writer = try SortedTableWriter(path: snapshot.path, expectedKeys: keys.count)
            var previous: UInt64?
            do throws(StoreError) {
                for k in keys where k != previous {
                    try writer.add(TableKey(hi: k, lo: 0), EmptyCollection<UInt8>())
                    previous = k
                }
                try writer.finish(meta: snapshot.meta.bytes, sync: fsync != .never)
            } catch {
                writer.abandon()
                throw error
            }
            table = try SortedTable(path: snapshot.path)
        } catch {
            table = nil  // the ids stay in memory; the next checkpoint tries again
        }
        state.withLock { s in
            guard let i = s.segments.firstIndex(where: { $0.firstSeq == snapshot.meta.firstSeq }) else {
                try? Directory.remove(snapshot.path)  // the segment was dropped meanwhile
                return
            }
            s.segments[i].indexing = false
            guard let table else { return }
            s.segments[i].index = table
            s.segments[i].indexedBytes = snapshot.meta.coveredBytes
            s.segments[i].recent.subtract(snapshot.recent)
            let isLast = i == s.segments.count - 1
            if (!isLast && !s.segments[i].recent.isEmpty) || s.segments[i].recent.count >= checkpointEvents { scheduleIndex(&s, i) }
        }
    }
}

extension EventLog {
    /// Reads every record a segment index vouched for at open (a start does not read them) and
    /// returns a sentence for each damaged one. For a background check after the start; the
    /// same damage is also reported by a read that reaches it, and by `missiond fsck`.
    /// At most `bytesPerSecond`, so that it does not compete with the work for the disk.
    package func verifyIndexedRecords(bytesPerSecond: Int = 64 << 20) -> [String] {
        let bytesPerSecond = max(1, bytesPerSecond)
        let spans = state.withLock { s in s.segments.map { ($0.file, $0.indexedBytes) } }
        var found: [String] = []
        let started = ContinuousClock.now
        var read = 0
        for (file, covered) in spans where covered > 0 {
            var cursor = RecordCursor(file: file, from: 0, to: covered, chunk: 1 << 20)
            var lastOffset = 0
            reading: while true {
                switch try? cursor.next() {
                case let .record(offset, _, _)?:
                    read += offset - lastOffset
                    lastOffset = offset
                    // Ahead of the allowed rate: wait until it catches up.
                    let due = started + .milliseconds(read * 1000 / bytesPerSecond)
                    let ahead = due - ContinuousClock.now
                    if ahead > .milliseconds(20) {
                        let (seconds, attoseconds) = ahead.components
                        usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
                    }
                    continue
                case .end?: break reading
                case let .bad(offset, reason)?:
                    found.append("event log: corrupt record at offset \(offset) of \(file.name) (\(reason))")
                    break reading
                case nil:
                    found.append("event log: \(file.name) cannot be read")
                    break reading
                }
            }
        }
        return found
    }
}
