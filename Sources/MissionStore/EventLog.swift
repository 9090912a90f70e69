import Foundation
import Synchronization

public struct Retention: Sendable, Equatable {
    /// Total bytes of all segments; 0 = unlimited.
    public var maxBytes: Int
    /// Age of a segment's newest event; 0 = unlimited.
    public var maxAgeSeconds: Int
    public init(maxBytes: Int, maxAgeSeconds: Int) {
        self.maxBytes = maxBytes
        self.maxAgeSeconds = maxAgeSeconds
    }
    public static let unlimited = Retention(maxBytes: 0, maxAgeSeconds: 0)
}

/// An event to log: its content-derived id, and its JSON once it has a seq.
public struct PendingEvent: Sendable {
    public var id: String
    public var render: @Sendable (UInt64) -> String  // JSON with the given seq
    public init(id: String, render: @escaping @Sendable (UInt64) -> String) {
        self.id = id
        self.render = render
    }
}

public struct LoggedEvent: Sendable, Equatable {
    public var seq: UInt64
    public var id: String
    public var json: String
    public init(seq: UInt64, id: String, json: String) {
        self.seq = seq
        self.id = id
        self.json = json
    }
}

public enum EventRead: Sendable, Equatable {
    /// seq > `after`, in order, at most `max`; `more` when later events exist.
    case events([LoggedEvent], more: Bool)
    /// `after + 1` is older than what retention kept.
    case expired(oldestKept: UInt64)
}

/// Every mission event, appended with its seq before it is published. Single writer (the
/// publisher queue); readers (replay) may run concurrently on other threads.
///
/// Segments `events-<first seq, 12+ digits>.log`; each record holds seq, append time (ms since
/// 1970), id and JSON. Retention deletes whole segments, oldest first, never the newest one, so
/// the numbering survives even when everything else has expired.
///
/// Idempotence: ids of *retained* events are remembered (rebuilt by scanning on open); an event
/// whose earlier copy was dropped by retention would be appended again with a new seq.
public final class EventLog: Sendable {
    public static let defaultSegmentBytes = 64 << 20

    public let directory: String
    public let fsync: FsyncPolicy
    public let retention: Retention
    /// A segment is closed once it reaches this size (a batch never straddles two).
    public let segmentBytes: Int

    private static let eventKind: UInt8 = 16
    /// One index entry per `stride` events: a read skips at most stride - 1 records.
    private static let stride: UInt64 = 32

    private struct Segment {
        let firstSeq: UInt64
        var lastSeq: UInt64          // firstSeq - 1 while empty
        let file: RecordFile
        var sparse: [Int] = []       // offset of seq firstSeq + k * stride
        var ids: [String] = []       // to forget them when the segment is dropped
        var lastAppendMillis: Int64 = 0
        var isEmpty: Bool { lastSeq < firstSeq }
    }

    private struct State {
        var segments: [Segment] = []
        var known = Set<String>()
        var lastSeq: UInt64 = 0
        var lock: DirectoryLock?
        var closed = false
        var notes: [String] = []
    }

    private let state: Mutex<State>
    private let syncs = Atomic<Int>(0)

    /// Opens or creates the log (directory mode 0700), scanning every segment to rebuild the
    /// index; a torn record at the end of the newest segment is cut off and noted.
    public init(directory: String, fsync: FsyncPolicy, retention: Retention,
                segmentBytes: Int = EventLog.defaultSegmentBytes) throws(StoreError) {
        self.directory = directory
        self.fsync = fsync
        self.retention = retention
        self.segmentBytes = max(1, segmentBytes)
        try Directory.create(directory)
        var s = State()
        s.lock = try DirectoryLock(directory: directory)
        let found = try Directory.list(directory).compactMap { name -> (UInt64, String)? in
            guard name.hasPrefix("events-"), name.hasSuffix(".log") else { return nil }
            let digits = name.dropFirst("events-".count).dropLast(".log".count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let seq = UInt64(digits) else { return nil }
            return (seq, directory + "/" + name)
        }.sorted { $0.0 < $1.0 }
        for (i, (first, path)) in found.enumerated() {
            let file = try RecordFile(path: path, create: false)
            guard first >= 1 else { throw .store("segment numbered 0", path) }
            if let prev = s.segments.last, first != prev.lastSeq + 1 {
                throw .store("gap in event log: segment starts at seq \(first) but the previous one ends at \(prev.lastSeq)", path)
            }
            var seg = Segment(firstSeq: first, lastSeq: first - 1, file: file)
            if let note = try file.scan(repairTail: i == found.count - 1, visit: { (offset, kind, payload) throws(StoreError) in
                var r = PayloadReader(payload)
                guard kind == Self.eventKind, let seq = r.u64(), let millis = r.u64(), let id = r.string() else {
                    throw .store("malformed event record at offset \(offset)", path)
                }
                guard seq == seg.lastSeq + 1 else {
                    throw .store("event seq \(seq) at offset \(offset), expected \(seg.lastSeq + 1)", path)
                }
                if (seq - first) % Self.stride == 0 { seg.sparse.append(offset) }
                seg.lastSeq = seq
                seg.ids.append(id)
                seg.lastAppendMillis = Int64(bitPattern: millis)
                s.known.insert(id)
            }) {
                s.notes.append(note)
            }
            s.segments.append(seg)
        }
        s.lastSeq = s.segments.last?.lastSeq ?? 0
        // Events written just before a crash of the process may never have been synced; they are
        // readable now, so make them durable before anyone replays them.
        if fsync != .never, let last = s.segments.last { try last.file.sync() }
        state = Mutex(s)
    }

    // MARK: writing

    /// Assigns consecutive seqs to the events whose id is not already in the log (nor earlier in
    /// this batch), writes them in one write(2) and, unless the policy is `.never`, one fdatasync
    /// before returning. Returns what it appended. On failure nothing is appended and seqs are
    /// not consumed. `render` runs under the log's lock: it must not call back into the log.
    public func append(_ events: [PendingEvent]) throws(StoreError) -> [LoggedEvent] {
        guard !events.isEmpty else { return [] }
        return try state.withLock { (s: inout State) throws(StoreError) -> [LoggedEvent] in
            guard !s.closed else { throw .store("event log is closed", directory) }
            let millis = UInt64(bitPattern: Int64(Date().timeIntervalSince1970 * 1000))
            var fresh = Set<String>()
            var out: [LoggedEvent] = []
            var starts: [Int] = []
            var buf = RecordBuffer(reserving: events.count * 1024)
            var seq = s.lastSeq
            for e in events where !s.known.contains(e.id) && fresh.insert(e.id).inserted {
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

            if s.segments.isEmpty || (s.segments[s.segments.count - 1].file.size >= segmentBytes && !s.segments[s.segments.count - 1].isEmpty) {
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
                s.segments[last].ids.append(out[k].id)
                s.known.insert(out[k].id)
            }
            s.segments[last].lastSeq = seq
            s.segments[last].lastAppendMillis = Int64(bitPattern: millis)
            s.lastSeq = seq
            return out
        }
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
        try? retain(&s, nowMillis: Int64(Date().timeIntervalSince1970 * 1000))
    }

    static func segmentName(_ first: UInt64) -> String {
        let digits = String(first)
        return "events-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".log"
    }

    // MARK: reading

    /// Events with seq > `after`, in order, at most `max`; `.expired` when `after + 1` was dropped
    /// by retention. Safe concurrently with `append`: the index is copied under the lock, the
    /// preads happen outside it. On a read error (EIO, a record damaged since open) it returns
    /// what it read before, with `more` false when that is nothing, so a replay client does not
    /// spin; `readChecked` reports the error instead.
    public func read(after seq: UInt64, max: Int) -> EventRead {
        let (answer, error) = readEvents(after: seq, max: max)
        guard error != nil, case let .events(events, _) = answer else { return answer }
        return .events(events, more: !events.isEmpty)
    }

    /// `read`, throwing on a read error.
    public func readChecked(after seq: UInt64, max: Int) throws(StoreError) -> EventRead {
        let (answer, error) = readEvents(after: seq, max: max)
        if let error { throw error }
        return answer
    }

    private func readEvents(after seq: UInt64, max: Int) -> (EventRead, StoreError?) {
        let limit = Swift.max(1, max)
        struct Span { let file: RecordFile; let from: Int; let to: Int }
        enum Plan { case answer(EventRead), read([Span], lastSeq: UInt64) }
        let plan = state.withLock { s -> Plan in
            guard !s.closed else { return .answer(.events([], more: false)) }
            let oldest = Self.oldest(s)
            if seq &+ 1 < oldest { return .answer(.expired(oldestKept: oldest)) }
            if seq >= s.lastSeq { return .answer(.events([], more: false)) }
            let want = seq + 1
            // The segment holding `want`: the last one starting at or before it.
            var lo = 0, hi = s.segments.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if s.segments[mid].firstSeq <= want { lo = mid } else { hi = mid - 1 }
            }
            var spans: [Span] = []
            for i in lo..<s.segments.count where !s.segments[i].isEmpty {
                let g = s.segments[i]
                var from = 0
                if i == lo, want > g.firstSeq {
                    let k = Int((want - g.firstSeq) / Self.stride)
                    from = k < g.sparse.count ? g.sparse[k] : 0
                }
                spans.append(Span(file: g.file, from: from, to: g.file.size))
            }
            return .read(spans, lastSeq: s.lastSeq)
        }
        let spans: [Span], lastSeq: UInt64
        switch plan {
        case let .answer(a): return (a, nil)
        case let .read(sp, last): (spans, lastSeq) = (sp, last)
        }
        var out: [LoggedEvent] = []
        out.reserveCapacity(Swift.min(limit, 4096))
        var failure: StoreError?
        scan: for span in spans {
            // Only complete records (up to the size copied under the lock) are read.
            var cursor = RecordCursor(file: span.file, from: span.from, to: span.to, chunk: 256 << 10)
            while out.count < limit {
                let step: RecordCursor.Step
                do throws(StoreError) { step = try cursor.next() } catch { failure = error; break scan }
                switch step {
                case .end:
                    continue scan
                case let .bad(offset, reason):
                    failure = .store("damaged event record at offset \(offset) (\(reason))", span.file.path)
                    break scan
                case let .record(offset, _, payload):
                    var r = PayloadReader(payload)
                    guard let s = r.u64(), r.u64() != nil, let id = r.string(), let json = r.string() else {
                        failure = .store("malformed event record at offset \(offset)", span.file.path)
                        break scan
                    }
                    if s > seq { out.append(LoggedEvent(seq: s, id: id, json: json)) }
                }
            }
            break
        }
        return (.events(out, more: (out.last?.seq ?? seq) < lastSeq), failure)
    }

    private static func oldest(_ s: State) -> UInt64 {
        s.segments.first(where: { !$0.isEmpty })?.firstSeq ?? s.lastSeq + 1
    }

    // MARK: retention and state

    /// Drops whole segments, oldest first, while the log is over `maxBytes` or a segment's newest
    /// event is older than `maxAgeSeconds`. The newest segment is always kept. Also runs by itself
    /// whenever a new segment starts.
    public func applyRetention(now: Date = Date()) throws(StoreError) {
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
            for id in g.ids { s.known.remove(id) }
            removed += 1
        }
        s.segments.removeFirst(removed)
        if let failure { throw failure }
        if fsync != .never { try Directory.sync(directory) }
    }

    /// 0 when empty; the first event gets seq 1; continues across restarts.
    public var lastSeq: UInt64 { state.withLock { $0.lastSeq } }

    /// The oldest seq still readable; `lastSeq + 1` when no event is retained (1 for a new log).
    public var oldestSeq: UInt64 { state.withLock { Self.oldest($0) } }

    public var sizeBytes: Int { state.withLock { $0.segments.reduce(0) { $0 + $1.file.size } } }

    public var segmentCount: Int { state.withLock { $0.segments.count } }

    public var recoveryNotes: [String] { state.withLock { $0.notes } }

    /// fdatasyncs done so far.
    public var syncCount: Int { syncs.load(ordering: .relaxed) }

    /// Whether an event id is in the retained log.
    public func contains(id: String) -> Bool { state.withLock { $0.known.contains(id) } }

    /// Releases files and the directory lock; later appends throw, reads return nothing.
    public func close() {
        let lock = state.withLock { s -> DirectoryLock? in
            let l = s.lock
            s.closed = true
            s.segments = []
            s.known = []
            s.lock = nil
            return l
        }
        withExtendedLifetime(lock) {}
    }
}
