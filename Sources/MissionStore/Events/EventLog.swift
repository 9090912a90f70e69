// Damage and lost events: the design.
//
// The journal's done marks say which seqs were written (each mark holds the seq range of the
// events its article added, see ArticleJournal), so the highest seq ever assigned to a finished
// article, `syncedThrough`, survives whatever happens to this log. At open:
//
// - A bad record at the very end of the newest segment, with nothing valid after it, is a torn
//   tail. It is cut. If what remains ends at or beyond `syncedThrough` the cut bytes were never
//   acknowledged by the journal: nothing else happens (a note). Otherwise the journal says more
//   was written than survives: that is damage, not a torn tail (below).
// - Seqs the log does not hold but that were assigned — a missing or short segment between two
//   others, a missing first segment when retention is off (nothing else deletes it), or a log
//   that ends before `syncedThrough` — are *lost ranges*. Each is reported in `damage`. The seq
//   counter continues after `max(last seq on disk, syncedThrough)`: seqs never go back. The
//   next append starts a new segment named after its first seq, so the hole stays visible as
//   the gap between two segments and is found again at every later open.
// - A bad record anywhere else (a checksum mismatch with valid records after it, a short sealed
//   segment, a seq out of order) throws: the daemon does not start and `missiond fsck --repair`
//   moves the damaged part aside, after which it is a lost range as above.
//
// The daemon re-runs the articles whose journaled seq ranges meet a lost range: their events
// are appended again under new seqs (their ids are no longer known). Replay answers a request
// that reaches a lost range with `.lost(range)`, and a record damaged since open with
// `.damaged(seq:)`, never with a silent short answer.

import Foundation
import Synchronization

package struct Retention: Sendable, Equatable {
    /// Total bytes of all segments; 0 = unlimited.
    package var maxBytes: Int
    /// Age of a segment's newest event; 0 = unlimited.
    package var maxAgeSeconds: Int
    package init(maxBytes: Int, maxAgeSeconds: Int) {
        self.maxBytes = maxBytes
        self.maxAgeSeconds = maxAgeSeconds
    }
    package static let unlimited = Retention(maxBytes: 0, maxAgeSeconds: 0)
}

/// An event to log: its content-derived id, and its JSON once it has a seq.
package struct PendingEvent: Sendable {
    package var id: String
    package var render: @Sendable (UInt64) -> String  // JSON with the given seq
    package init(id: String, render: @escaping @Sendable (UInt64) -> String) {
        self.id = id
        self.render = render
    }
}

package struct LoggedEvent: Sendable, Equatable {
    package var seq: UInt64
    package var id: String
    package var json: String
    package init(seq: UInt64, id: String, json: String) {
        self.seq = seq
        self.id = id
        self.json = json
    }
}

package enum EventRead: Sendable, Equatable {
    /// seq > `after`, in order, at most `max`; `more` when later events exist.
    case events([LoggedEvent], more: Bool)
    /// `after + 1` is older than what retention kept.
    case expired(oldestKept: UInt64)
    /// `after + 1` was assigned but its event is gone (see `lostRanges`).
    case lost(ClosedRange<UInt64>)
    /// The record of `seq` cannot be read (damaged since open, or an I/O error).
    case damaged(seq: UInt64, reason: String)
}

/// Every mission event, appended with its seq before it is published. Single writer (the
/// publisher queue); readers (replay) may run concurrently on other threads.
///
/// Segments `events-<first seq, 12+ digits>.log`; each record holds seq, append time (ms since
/// 1970), id and JSON. Retention deletes whole segments, oldest first, never the newest one, so
/// the numbering survives even when everything else has expired.
///
/// Idempotence: ids of *retained* events are remembered; an event whose earlier copy was dropped
/// by retention would be appended again with a new seq. Each segment's ids are kept on disk in
/// its index, `events-<first seq>.idx` (SegmentIndex.swift), written when the segment is sealed
/// and, for the newest one, every `checkpointEvents` events and at close; memory holds only the
/// indexes' Bloom filters and fences and the ids appended since the newest checkpoint.
///
/// Start in constant time: a segment with a valid index is not scanned up to what the index
/// covers (its last covered record is read back and checked); only what follows is. A missing,
/// torn or stale index means a scan of that segment, as before. Damage inside the covered part
/// is found by reads (`.damaged`) and by `missiond fsck`, which reads every record.
package final class EventLog: Sendable {
    package static let defaultSegmentBytes = 64 << 20

    package let directory: String
    package let fsync: FsyncPolicy
    package let retention: Retention
    /// A segment is closed once it reaches this size (a batch never straddles two).
    package let segmentBytes: Int

    private static let eventKind: UInt8 = 16
    /// One index entry per `stride` events: a read skips at most stride - 1 records.
    static let stride: UInt64 = 32
    package static let defaultCheckpointEvents = 8192
    /// The newest segment's index is rewritten once this many events were appended since.
    package let checkpointEvents: Int
    /// Bytes of segments the open read record by record (what no index covered).
    package let bytesScannedAtOpen: Int

    struct Segment {
        let firstSeq: UInt64
        var lastSeq: UInt64          // firstSeq - 1 while empty
        let file: RecordFile
        var sparse: [Int] = []       // offset of seq firstSeq + k * stride
        var lastAppendMillis: Int64 = 0
        var lastRecordOffset = -1
        /// The ids of the records before `indexedBytes`, on disk.
        var index: SortedTable?
        var indexedBytes = 0
        /// The ids of the records after `indexedBytes`.
        var recent = Set<EventKey>()
        var indexing = false         // an index write is queued
        var isEmpty: Bool { lastSeq < firstSeq }
        var indexPath: String { SegmentIndex.path(ofSegment: file.path) }

        func contains(_ key: EventKey) -> Bool {
            if recent.contains(key) { return true }
            guard let index else { return false }
            return ((try? index.value(for: key.tableKey)) ?? nil) != nil   // a Bloom test, then a block read
        }
    }

    struct State {
        var segments: [Segment] = []
        var lastSeq: UInt64 = 0
        var lock: DirectoryLock?
        var closed = false
        var notes: [String] = []
        /// Seqs assigned once whose events are not in the log, ascending and disjoint.
        var lost: [ClosedRange<UInt64>] = []
        var damage: [String] = []
        var damagedReads = 0
    }

    let state: Mutex<State>
    private let syncs = Atomic<Int>(0)
    /// Index writes run here, beside appends.
    let indexQueue = DispatchQueue(label: "missiond.eventlog.index")

    /// Opens or creates the log (directory mode 0700), scanning every segment to rebuild the
    /// index; a torn record at the end of the newest segment is cut off and noted.
    /// `syncedThrough`: the highest seq the journal's done marks say was written (see the top of
    /// this file); seqs up to it that the log lacks are lost ranges, reported in `damage`.
    package init(directory: String, fsync: FsyncPolicy, retention: Retention,
                segmentBytes: Int = EventLog.defaultSegmentBytes, syncedThrough: UInt64 = 0,
                checkpointEvents: Int = EventLog.defaultCheckpointEvents) throws(StoreError) {
        self.directory = directory
        self.fsync = fsync
        self.retention = retention
        self.segmentBytes = max(1, segmentBytes)
        self.checkpointEvents = max(1, checkpointEvents)
        try Directory.create(directory)
        var s = State()
        s.lock = try DirectoryLock(directory: directory)
        let found = try Directory.list(directory).compactMap { name -> (UInt64, String)? in
            guard name.hasPrefix("events-"), name.hasSuffix(".log") else { return nil }
            let digits = name.dropFirst("events-".count).dropLast(".log".count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let seq = UInt64(digits) else { return nil }
            return (seq, directory + "/" + name)
        }.sorted { $0.0 < $1.0 }
        var expected: UInt64 = 1  // the seq the next segment should start with
        var scanned = 0
        for (i, (first, path)) in found.enumerated() {
            let file = try RecordFile(path: path, create: false)
            guard first >= 1 else { throw .store("segment numbered 0", path) }
            if first < expected {
                throw .store("event log segments overlap: segment starts at seq \(first) but the previous one ends at \(expected - 1)", path)
            }
            // Retention drops the oldest segments; nothing drops one in the middle.
            if first > expected && (!s.segments.isEmpty || retention == .unlimited) {
                s.lost.append(expected...(first - 1))
                s.damage.append("event log: seqs \(expected)-\(first - 1) are missing before \(Self.segmentName(first)) (a segment deleted or cut short)")
            }
            var seg = Segment(firstSeq: first, lastSeq: first - 1, file: file)
            let scanFrom = try SegmentIndex.resume(&seg)
            scanned += try file.physicalSize() - scanFrom
            if let note = try file.scan(from: scanFrom, repairTail: i == found.count - 1, visit: { (offset, kind, payload) throws(StoreError) in
                var r = PayloadReader(payload)
                guard kind == Self.eventKind, let seq = r.u64(), let millis = r.u64(), let id = r.string() else {
                    throw .store("malformed event record at offset \(offset)", path)
                }
                guard seq == seg.lastSeq + 1 else {
                    throw .store("event seq \(seq) at offset \(offset), expected \(seg.lastSeq + 1)", path)
                }
                if (seq - first) % Self.stride == 0 { seg.sparse.append(offset) }
                seg.lastSeq = seq
                seg.lastRecordOffset = offset
                seg.recent.insert(EventKey(id))
                seg.lastAppendMillis = Int64(bitPattern: millis)
            }) {
                s.notes.append(note)
            }
            s.segments.append(seg)
            expected = seg.lastSeq + 1
        }
        let onDisk = s.segments.last?.lastSeq ?? 0
        if syncedThrough > onDisk {
            let from = max(onDisk + 1, s.lost.last.map { $0.upperBound + 1 } ?? 1)
            if from <= syncedThrough {
                s.lost.append(from...syncedThrough)
                s.damage.append("event log: it ends at seq \(onDisk) but the journal records events up to seq \(syncedThrough) as written: seqs \(from)-\(syncedThrough) are lost (the newest segment cut short or deleted); seq continues at \(syncedThrough + 1)")
            }
        }
        s.lastSeq = max(onDisk, syncedThrough)
        bytesScannedAtOpen = scanned
        // Events written just before a crash of the process may never have been synced; they are
        // readable now, so make them durable before anyone replays them.
        if fsync != .never, let last = s.segments.last { try last.file.sync() }
        state = Mutex(s)
        // Segments scanned past their index get a new one, in the background.
        state.withLock { s in
            for i in s.segments.indices where i < s.segments.count - 1 && !s.segments[i].recent.isEmpty {
                scheduleIndex(&s, i)
            }
            if let last = s.segments.indices.last, s.segments[last].recent.count >= checkpointEvents { scheduleIndex(&s, last) }
        }
    }

    // MARK: writing

    /// Assigns consecutive seqs to the events whose id is not already in the log (nor earlier in
    /// this batch), writes them in one write(2) and, unless the policy is `.never`, one fdatasync
    /// before returning. Returns what it appended. On failure nothing is appended and seqs are
    /// not consumed. `render` runs under the log's lock: it must not call back into the log.
    package func append(_ events: [PendingEvent]) throws(StoreError) -> [LoggedEvent] {
        guard !events.isEmpty else { return [] }
        return try state.withLock { (s: inout State) throws(StoreError) -> [LoggedEvent] in
            guard !s.closed else { throw .store("event log is closed", directory) }
            let millis = UInt64(bitPattern: Int64(Date().timeIntervalSince1970 * 1000))
            var fresh = Set<String>()
            var out: [LoggedEvent] = []
            var starts: [Int] = []
            var buf = RecordBuffer(reserving: events.count * 1024)
            var seq = s.lastSeq
            for e in events where fresh.insert(e.id).inserted && !Self.contains(s, EventKey(e.id)) {
                seq += 1
                let json = e.render(seq)
                starts.append(buf.count)
                buf.begin(kind: Self.eventKind)
                buf.append(seq)
                buf.append(millis)
                buf.append(e.id)
                buf.append(json)
                buf.end()
                out.append(LoggedEvent(seq: seq, id: e.id, json: json))
            }
            guard !out.isEmpty else { return [] }

            // A new segment also after a lost range at the top: its name keeps the hole visible.
            if s.segments.isEmpty || s.segments[s.segments.count - 1].lastSeq != s.lastSeq
                || (s.segments[s.segments.count - 1].file.size >= segmentBytes && !s.segments[s.segments.count - 1].isEmpty) {
                try startSegment(&s)
            }
            let last = s.segments.count - 1
            let file = s.segments[last].file
            let base = file.size
            try file.append(buf.bytes)
            if fsync != .never {
                do throws(StoreError) { try file.sync() } catch {
                    try? file.truncate(to: base)  // best effort; the file is poisoned anyway
                    throw error
                }
                syncs.add(1, ordering: .relaxed)
            }
            for (k, start) in starts.enumerated() {
                let seq = out[k].seq
                if (seq - s.segments[last].firstSeq) % Self.stride == 0 { s.segments[last].sparse.append(base + start) }
                s.segments[last].recent.insert(EventKey(out[k].id))
            }
            s.segments[last].lastRecordOffset = base + starts[starts.count - 1]
            s.segments[last].lastSeq = seq
            s.segments[last].lastAppendMillis = Int64(bitPattern: millis)
            s.lastSeq = seq
            if s.segments[last].recent.count >= checkpointEvents { scheduleIndex(&s, last) }
            return out
        }
    }

    /// Whether a retained event has this id: the newest segments first.
    static func contains(_ s: State, _ key: EventKey) -> Bool {
        for g in s.segments.reversed() where g.contains(key) { return true }
        return false
    }

    /// Opens the segment whose first seq is `lastSeq + 1`, made durable in the directory, and
    /// drops what retention no longer wants.
    private func startSegment(_ s: inout State) throws(StoreError) {
        let first = s.lastSeq + 1
        let path = directory + "/" + Self.segmentName(first)
        let file = try RecordFile(path: path)
        if try file.physicalSize() != 0 { throw .store("new segment already has data", path) }
        if fsync != .never { try Directory.sync(directory) }
        s.segments.append(Segment(firstSeq: first, lastSeq: first - 1, file: file))
        // The previous one is sealed: its index now covers all of it.
        if s.segments.count >= 2, !s.segments[s.segments.count - 2].recent.isEmpty { scheduleIndex(&s, s.segments.count - 2) }
        try? retain(&s, nowMillis: Int64(Date().timeIntervalSince1970 * 1000))
    }

    package static func segmentName(_ first: UInt64) -> String {
        let digits = String(first)
        return "events-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".log"
    }

    // MARK: reading

    /// Events with seq > `after`, in order, at most `max`; `.expired` when `after + 1` was dropped
    /// by retention, `.lost` when it is in a lost range, `.damaged` when its record cannot be
    /// read. A read stops before a lost range or a damaged record, with `more` true, so the next
    /// read names the problem. Safe concurrently with `append`: the index is copied under the
    /// lock, the preads happen outside it.
    package func read(after seq: UInt64, max: Int) -> EventRead {
        readWithHead(after: seq, max: max).read
    }

    /// `read`, and the newest seq at the moment of the read (what replay calls `last` when there
    /// is nothing newer than `after`, even if `after` is beyond it).
    package func readWithHead(after seq: UInt64, max: Int) -> (read: EventRead, head: UInt64) {
        let (answer, head) = readEvents(after: seq, max: max)
        if case .damaged = answer { state.withLock { $0.damagedReads += 1 } }
        return (answer, head)
    }

    /// `read`, throwing when the record of the next seq is damaged.
    package func readChecked(after seq: UInt64, max: Int) throws(StoreError) -> EventRead {
        let answer = read(after: seq, max: max)
        if case let .damaged(at, reason) = answer { throw .store("event seq \(at): \(reason)", directory) }
        return answer
    }

    private func readEvents(after seq: UInt64, max: Int) -> (EventRead, UInt64) {
        let limit = Swift.max(1, max)
        struct Span { let file: RecordFile; let from: Int; let to: Int; let fromSeq: UInt64 }
        enum Plan { case answer(EventRead), read([Span], stopAt: UInt64) }
        let (plan, head) = state.withLock { s -> (Plan, UInt64) in
            guard !s.closed else { return (.answer(.events([], more: false)), 0) }
            // First, so that no `seq + 1` below can wrap.
            if seq >= s.lastSeq { return (.answer(.events([], more: false)), s.lastSeq) }
            let want = seq + 1
            if let hole = s.lost.first(where: { $0.contains(want) }) { return (.answer(.lost(hole)), s.lastSeq) }
            let oldest = Self.oldest(s)
            if want < oldest { return (.answer(.expired(oldestKept: oldest)), s.lastSeq) }
            // Up to the next lost range, if any: the read after this one names it.
            let stopAt = s.lost.first(where: { $0.lowerBound > want }).map { $0.lowerBound - 1 } ?? s.lastSeq
            // The segment holding `want`: the last one starting at or before it.
            var lo = 0, hi = s.segments.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if s.segments[mid].firstSeq <= want { lo = mid } else { hi = mid - 1 }
            }
            var spans: [Span] = []
            for i in lo..<s.segments.count where !s.segments[i].isEmpty && s.segments[i].firstSeq <= stopAt {
                let g = s.segments[i]
                var from = 0, fromSeq = g.firstSeq
                if i == lo, want > g.firstSeq {
                    let k = Int((want - g.firstSeq) / Self.stride)
                    if k < g.sparse.count { (from, fromSeq) = (g.sparse[k], g.firstSeq + UInt64(k) * Self.stride) }
                }
                spans.append(Span(file: g.file, from: from, to: g.file.size, fromSeq: fromSeq))
            }
            return (.read(spans, stopAt: stopAt), s.lastSeq)
        }
        let spans: [Span], stopAt: UInt64
        switch plan {
        case let .answer(a): return (a, head)
        case let .read(sp, stop): (spans, stopAt) = (sp, stop)
        }
        var out: [LoggedEvent] = []
        out.reserveCapacity(Swift.min(limit, 4096))
        var failure: (seq: UInt64, reason: String)?
        scan: for span in spans {
            // Only complete records (up to the size copied under the lock) are read.
            var cursor = RecordCursor(file: span.file, from: span.from, to: span.to, chunk: 256 << 10)
            var previous = span.fromSeq - 1  // seq of the last record seen in this span
            while out.count < limit {
                let step: RecordCursor.Step
                do throws(StoreError) { step = try cursor.next() } catch {
                    failure = (previous + 1, error.description)
                    break scan
                }
                switch step {
                case .end:
                    continue scan
                case let .bad(offset, reason):
                    failure = (previous + 1, "damaged record at offset \(offset) of \(span.file.name) (\(reason))")
                    break scan
                case let .record(offset, _, payload):
                    var r = PayloadReader(payload)
                    guard let s = r.u64(), r.u64() != nil, let id = r.string(), let json = r.string() else {
                        failure = (previous + 1, "malformed record at offset \(offset) of \(span.file.name)")
                        break scan
                    }
                    previous = s
                    if s > stopAt { break scan }
                    if s > seq { out.append(LoggedEvent(seq: s, id: id, json: json)) }
                }
            }
            break
        }
        if let failure, out.isEmpty { return (.damaged(seq: failure.seq, reason: failure.reason), head) }
        return (.events(out, more: (out.last?.seq ?? seq) < head || failure != nil), head)
    }

    private static func oldest(_ s: State) -> UInt64 {
        s.segments.first(where: { !$0.isEmpty })?.firstSeq ?? s.lastSeq + 1
    }

    // MARK: retention and state

    /// Drops whole segments, oldest first, while the log is over `maxBytes` or a segment's newest
    /// event is older than `maxAgeSeconds`. The newest segment is always kept. Also runs by itself
    /// whenever a new segment starts.
    package func applyRetention(now: Date = Date()) throws(StoreError) {
        try state.withLock { (s: inout State) throws(StoreError) in
            guard !s.closed else { return }
            try retain(&s, nowMillis: Int64(now.timeIntervalSince1970 * 1000))
        }
    }

    private func retain(_ s: inout State, nowMillis: Int64) throws(StoreError) {
        var total = s.segments.reduce(0) { $0 + $1.file.size }
        var drop = 0
        while drop < s.segments.count - 1 {
            let g = s.segments[drop]
            let tooBig = retention.maxBytes > 0 && total > retention.maxBytes
            let tooOld = retention.maxAgeSeconds > 0 && g.lastAppendMillis < nowMillis - Int64(retention.maxAgeSeconds) * 1000
            guard tooBig || tooOld else { break }
            total -= g.file.size
            drop += 1
        }
        guard drop > 0 else { return }
        // Oldest first, so a crash midway still leaves a contiguous log.
        var removed = 0
        var failure: StoreError?
        for g in s.segments[..<drop] {
            do throws(StoreError) { try Directory.remove(g.file.path) } catch { failure = error; break }
            try? Directory.remove(g.indexPath)
            removed += 1
        }
        s.segments.removeFirst(removed)
        // A lost range older than what is kept is now simply expired.
        let oldest = Self.oldest(s)
        s.lost.removeAll { $0.upperBound < oldest }
        if let failure { throw failure }
        if fsync != .never { try Directory.sync(directory) }
    }

    /// 0 when empty; the first event gets seq 1; continues across restarts.
    package var lastSeq: UInt64 { state.withLock { $0.lastSeq } }

    /// The oldest seq still readable; `lastSeq + 1` when no event is retained (1 for a new log).
    package var oldestSeq: UInt64 { state.withLock { Self.oldest($0) } }

    package var sizeBytes: Int { state.withLock { $0.segments.reduce(0) { $0 + $1.file.size } } }

    package var segmentCount: Int { state.withLock { $0.segments.count } }

    package var recoveryNotes: [String] { state.withLock { $0.notes } }

    /// What open found damaged or missing (each a sentence for an error log line).
    package var damage: [String] { state.withLock { $0.damage } }

    /// Seqs assigned once whose events are gone (see the top of this file).
    package var lostRanges: [ClosedRange<UInt64>] { state.withLock { $0.lost } }

    /// Damaged records met by reads since open.
    package var damagedReadCount: Int { state.withLock { $0.damagedReads } }

    /// fdatasyncs done so far.
    package var syncCount: Int { syncs.load(ordering: .relaxed) }

    /// Whether an event id is in the retained log.
    package func contains(id: String) -> Bool { state.withLock { Self.contains($0, EventKey(id)) } }

    /// Ids held in memory (appended since the newest segment's last index).
    package var idsInMemory: Int { state.withLock { $0.segments.reduce(0) { $0 + $1.recent.count } } }

    /// Bytes the segment indexes hold in memory (Bloom filters, fences, sparse offsets).
    package var indexResidentBytes: Int {
        state.withLock { $0.segments.reduce(0) { $0 + ($1.index?.residentBytes ?? 0) + $1.sparse.count * 8 } }
    }

    /// Returns once every queued index write is done.
    package func waitForIndexes() {
        while true {
            indexQueue.sync {}
            if !state.withLock({ $0.segments.contains { $0.indexing } }) { return }
        }
    }

    /// Writes the newest segment's index (so the next start scans nothing), then releases files
    /// and the directory lock; later appends throw, reads return nothing.
    package func close() {
        state.withLock { s in
            if let last = s.segments.indices.last, !s.segments[last].recent.isEmpty, !s.closed { scheduleIndex(&s, last) }
        }
        waitForIndexes()
        let lock = state.withLock { s -> DirectoryLock? in
            let l = s.lock
            s.closed = true
            s.segments = []
            s.lock = nil
            return l
        }
        withExtendedLifetime(lock) {}
    }
}

/// An event id as the log remembers it: the 64 bits of an `evt_` + 16 hex id exactly (the
/// extractor's ids are that: a truncated SHA-256), any other id by its 64-bit FNV-1a hash.
struct EventKey: Hashable, Sendable {
    let value: UInt64

    var tableKey: TableKey { TableKey(hi: value, lo: 0) }
    init(value: UInt64) { self.value = value }

    init(_ id: String) {
        var utf8 = id.utf8.makeIterator()
        if id.utf8.count == 20, id.utf8.starts(with: "evt_".utf8) {
            for _ in 0..<4 { _ = utf8.next() }
            var value: UInt64 = 0, hex = true
            while let c = utf8.next() {
                switch c {
                case 0x30...0x39: value = value << 4 | UInt64(c - 0x30)
                case 0x61...0x66: value = value << 4 | UInt64(c - 0x61 + 10)
                default: hex = false
                }
                if !hex { break }
            }
            if hex { self.value = value; return }
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in id.utf8 { hash = (hash ^ UInt64(c)) &* 0x100_0000_01b3 }
        self.value = hash
    }
}

