import Foundation
import Synchronization

/// An accepted article as the journal keeps it: enough to process it again after a crash.
package struct JournaledArticle: Sendable, Equatable {
    package var articleID: String   // "sha256:<hex>" of the normalised text
    package var name: String
    package var source: String      // "dir" | "socket" | "cli"
    package var published: String?
    package var sourceURL: String?
    package var text: String        // the normalised article text

    package init(articleID: String, name: String, source: String, published: String? = nil,
                sourceURL: String? = nil, text: String) {
        self.articleID = articleID
        self.name = name
        self.source = source
        self.published = published
        self.sourceURL = sourceURL
        self.text = text
    }
}

/// A finished article for `markDone`, with the seqs of the events it added to the event log
/// (consecutive: one batch appends an article's new events back to back), nil if none.
package struct FinishedArticle: Sendable, Equatable {
    package var articleID: String
    package var seqs: ClosedRange<UInt64>?
    package init(articleID: String, seqs: ClosedRange<UInt64>?) {
        self.articleID = articleID
        self.seqs = seqs
    }
}

package enum JournalAppend: Sendable, Equatable {
    case accepted
    case duplicate(originalName: String)
}

/// Where a remembered article stands.
package enum ArticleStatus: Sendable, Equatable {
    case pending
    case done
    case rejected(reason: String)
}

/// Accepted articles, durable before the intake replies `ok`, and the memory of finished ones
/// for duplicate detection.
///
/// `journal.log` holds records of these kinds: accepted (the whole article), done (id, and the
/// seq range of the events it added), rejected (id, reason), attempt (id: a recovery run is
/// about to start, fsynced first, so a poison article is noticed), and high water (the highest
/// seq of any done mark and the count of articles finished before the file begins, written
/// first by compaction). Older journals may also hold remembered and reopened records.
///
/// Finished articles leave the file: a maintenance cycle, in the background, writes those
/// finished since the last cycle to a sorted run (RememberedArticles.swift), then rewrites the
/// journal with only its unfinished articles and whatever was appended meanwhile. Memory holds
/// the unfinished articles and those finished since the last cycle; the runs answer the rest
/// from disk (a Bloom filter, then one block read). The `maxRememberedIDs` most recently
/// finished articles are remembered; an older one sent again is accepted as new.
///
/// After a failed fdatasync the journal refuses appends (the kernel may have dropped the data,
/// see RecordFile.sync); restart the daemon, which re-reads what is really on disk.
package final class ArticleJournal: Sendable {
    package static let defaultMaxRememberedIDs = 1_000_000
    package static let defaultCompactionMinBytes = 16 << 20
    package static let defaultCycleEntries = 16_384

    package let directory: String
    package let fsync: FsyncPolicy
    /// Finished articles whose ids are kept for duplicate detection; the oldest are forgotten first.
    package let maxRememberedIDs: Int
    /// No compaction of the file below this size.
    package let compactionMinBytes: Int
    /// A cycle also starts once this many articles finished since the last one.
    package let cycleEntries: Int
    /// Group commit only: a group's fdatasync starts at least this long after the previous one
    /// ended. An idle journal syncs at once; a busy one gathers more appends per fdatasync,
    /// which on a virtual disk costs as much CPU for one record as for fifty.
    package let minSyncSpacing: Duration
    /// The clock the spacing is measured on, and how a flush is started later.
    let syncClock: SyncClock

    var path: String { directory + "/journal.log" }
    var compactPath: String { directory + "/journal.log.compact" }

    enum Kind {
        static let accepted: UInt8 = 1
        static let done: UInt8 = 2
        static let rejected: UInt8 = 3
        static let remembered: UInt8 = 4
        static let attempt: UInt8 = 5
        static let reopened: UInt8 = 6
        static let highWater: UInt8 = 7
    }

    /// Where a record is in the current file.
    struct Span { var offset: Int; var length: Int }

    enum Status {
        case pending(Span)
        case done(seqs: ClosedRange<UInt64>?, accepted: Span?)
        case rejected(String)
    }

    struct Entry {
        var id: String
        var name: String
        var status: Status
        /// Recovery runs started since it was accepted.
        var attempts = 0
        /// For a finished entry, its place in the order of finishing.
        var ordinal: UInt64 = 0

        var remembered: RememberedArticle {
            switch status {
            case let .rejected(reason): return RememberedArticle(id: id, name: name, outcome: .rejected(reason: reason), ordinal: ordinal)
            case let .done(seqs, _): return RememberedArticle(id: id, name: name, outcome: .done(seqs: seqs), ordinal: ordinal)
            case .pending: preconditionFailure("a pending article is not remembered in a run")
            }
        }
    }

    struct Waiter {
        let result: JournalAppend
        let completion: @Sendable (Result<JournalAppend, StoreError>) -> Void
    }

    struct State {
        var file: RecordFile?                  // nil once closed
        var lock: DirectoryLock?
        var pending: [TableKey: Entry] = [:]
        var finished: [TableKey: Entry] = [:]  // finished since the last cycle began
        var frozen: [TableKey: Entry] = [:]    // finished before it, being written to a run
        var runs: [SortedTable] = []           // oldest first
        var nextGeneration: UInt64 = 1
        var nextOrdinal: UInt64 = 0            // articles finished, ever (forgetting counts from it)
        var liveBytes = 0                      // what a compacted file would hold
        var nextCompactionAt = 0
        var cycleRunning = false
        var waiters: [Waiter] = []
        var flushScheduled = false
        var durableEnd = 0                     // bytes of `file` known to be on stable storage
        var lastSyncEnded: ContinuousClock.Instant?  // nil: never synced
        var notes: [String] = []
        var lastCompactionError: String?
        var compactions = 0
        var highestSeq: UInt64 = 0             // the highest seq any done mark recorded
        var closing = false                    // no new cycle
    }

    let state: Mutex<State>
    let syncs = Atomic<Int>(0)
    let flushQueue = DispatchQueue(label: "missiond.journal.groupcommit")
    /// Cycles run here, one at a time, beside appends.
    let maintenanceQueue = DispatchQueue(label: "missiond.journal.maintenance")

    package convenience init(directory: String, fsync: FsyncPolicy) throws(StoreError) {
        try self.init(directory: directory, fsync: fsync, maxRememberedIDs: ArticleJournal.defaultMaxRememberedIDs)
    }

    /// Opens or creates the journal (directory mode 0700): loads the runs' indexes and replays
    /// the file.
    package convenience init(directory: String, fsync: FsyncPolicy, maxRememberedIDs: Int,
                            compactionMinBytes: Int = ArticleJournal.defaultCompactionMinBytes,
                            cycleEntries: Int = ArticleJournal.defaultCycleEntries,
                            minSyncSpacing: Duration = .zero) throws(StoreError) {
        try self.init(directory: directory, fsync: fsync, maxRememberedIDs: maxRememberedIDs,
                      compactionMinBytes: compactionMinBytes, cycleEntries: cycleEntries,
                      minSyncSpacing: minSyncSpacing, syncClock: .system)
    }

    /// `syncClock`: a test's clock and flush starter instead of the real ones.
    init(directory: String, fsync: FsyncPolicy, maxRememberedIDs: Int, compactionMinBytes: Int,
         cycleEntries: Int = ArticleJournal.defaultCycleEntries,
         minSyncSpacing: Duration, syncClock: SyncClock) throws(StoreError) {
        self.directory = directory
        self.fsync = fsync
        self.minSyncSpacing = minSyncSpacing
        self.syncClock = syncClock
        self.maxRememberedIDs = max(0, maxRememberedIDs)
        self.compactionMinBytes = max(0, compactionMinBytes)
        self.cycleEntries = max(1, cycleEntries)
        try Directory.create(directory)
        var s = State()
        s.lock = try DirectoryLock(directory: directory)
        try Directory.remove(directory + "/journal.log.compact")  // an interrupted compaction
        try Self.loadRuns(&s, directory: directory)
        let file = try RecordFile(path: directory + "/journal.log")
        if let note = try file.scan(repairTail: true, visit: { (offset, kind, payload) throws(StoreError) in
            try ArticleJournal.replay(&s, offset: offset, kind: kind, payload: payload, path: file.path)
        }) {
            s.notes.append(note)
        }
        // Records written before a crash of the process (not of the machine) are read back from the
        // page cache even if never synced: sync them now, before they count as accepted.
        if fsync != .never {
            try file.sync()
            try Directory.sync(directory)  // the journal file may have just been created
        }
        s.durableEnd = file.size
        s.file = file
        s.nextCompactionAt = self.compactionMinBytes
        state = Mutex(s)
        state.withLock { startCycleIfDue(&$0) }
    }

    // MARK: appending

    /// Calls `completion` once the record is durable under the policy: for `.always` and `.never`
    /// before this returns, on the calling thread; for group commit from the journal's flush queue
    /// after the shared fdatasync. Keep the completion short (the next batch waits for it) and
    /// never call the synchronous `append` from it: that would wait for the queue it runs on.
    /// A duplicate articleID completes with `.duplicate` and writes nothing; if the original is
    /// itself not yet durable, the duplicate waits for the same fdatasync.
    ///
    /// Returns at once what the record is (`accepted` or `duplicate`: it is written, not yet
    /// durable), or nil if it could not be written (the completion then has the error), so that
    /// a caller can go on working on the article while the fdatasync runs.
    @discardableResult
    package func append(_ article: JournaledArticle,
                       completion: @escaping @Sendable (Result<JournalAppend, StoreError>) -> Void) -> JournalAppend? {
        var rec = RecordBuffer(reserving: article.text.utf8.count + article.name.utf8.count + 160)
        rec.begin(kind: Kind.accepted)
        rec.append(article.articleID)
        rec.append(article.name)
        rec.append(article.source)
        rec.append(article.published)
        rec.append(article.sourceURL)
        rec.append(article.text)
        rec.end()
        let key = TableKey(articleID: article.articleID)

        enum Next { case complete(Result<JournalAppend, StoreError>), syncNow(RecordFile, Int, JournalAppend), waiting(JournalAppend, schedule: Bool, lastSync: ContinuousClock.Instant?) }
        let next = state.withLock { s -> Next in
            guard let file = s.file else { return .complete(.failure(.store("journal is closed", path))) }
            let result: JournalAppend
            if let e = s.pending[key] {
                result = .duplicate(originalName: e.name)
                // A duplicate is only "already accepted" once the original is durable.
                if case let .pending(span) = e.status, span.offset + span.length > s.durableEnd {} else {
                    return .complete(.success(result))
                }
            } else if let known = lookupFinished(s, key) {
                return .complete(.success(.duplicate(originalName: known.name)))
            } else {
                do throws(StoreError) { try file.append(rec.bytes) } catch { return .complete(.failure(error)) }
                s.pending[key] = Entry(id: article.articleID, name: article.name,
                                       status: .pending(Span(offset: file.size - rec.count, length: rec.count)))
                s.liveBytes += rec.count
                result = .accepted
                startCycleIfDue(&s)
            }
            switch fsync {
            case .never:
                return .complete(.success(result))
            case .always:
                return .syncNow(file, file.size, result)
            case .groupCommit:
                s.waiters.append(Waiter(result: result, completion: completion))
                defer { s.flushScheduled = true }
                return .waiting(result, schedule: !s.flushScheduled, lastSync: s.lastSyncEnded)
            }
        }
        switch next {
        case let .complete(r):
            completion(r)
            return try? r.get()
        case let .syncNow(file, end, result):
            do throws(StoreError) {
                try file.sync()
                synced(file, upTo: end)
                completion(.success(result))
                return result
            } catch {
                completion(.failure(error))
                return nil
            }
        case let .waiting(result, schedule, lastSync):
            if schedule, case let .groupCommit(ms) = fsync {
                let wait = Self.flushDelay(groupWait: .milliseconds(ms), spacing: minSyncSpacing,
                                           lastSyncEnded: lastSync, now: syncClock.now())
                if wait <= .zero {
                    flushQueue.async { self.flush() }
                } else {
                    syncClock.after(wait, flushQueue) { self.flush() }
                }
            }
            return result
        }
    }

    /// How long a group waits before its fdatasync: its own wait, or longer while the previous
    /// fdatasync ended less than `spacing` ago.
    static func flushDelay(groupWait: Duration, spacing: Duration, lastSyncEnded: ContinuousClock.Instant?,
                           now: ContinuousClock.Instant) -> Duration {
        max(groupWait, lastSyncEnded.map { $0 + spacing - now } ?? .zero)
    }

    /// Synchronous convenience used by tests and the directory intake.
    package func append(_ article: JournaledArticle) throws(StoreError) -> JournalAppend {
        let box = Mutex<Result<JournalAppend, StoreError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        append(article) { r in
            box.withLock { $0 = r }
            done.signal()
        }
        done.wait()
        return try box.withLock { $0! }.get()
    }

    /// One group commit: everything written before this fdatasync is covered by it.
    private func flush() {
        let (batch, file, end) = state.withLock { s in
            let b = s.waiters
            s.waiters.removeAll(keepingCapacity: true)
            s.flushScheduled = false
            return (b, s.file, s.file?.size ?? 0)
        }
        guard !batch.isEmpty else { return }
        complete(batch, syncing: file, upTo: end)
    }

    /// Records that `file` is durable up to `end` (if it is still the journal's file).
    func synced(_ file: RecordFile, upTo end: Int) {
        syncs.add(1, ordering: .relaxed)
        let now = syncClock.now()
        state.withLock { s in
            if s.file === file { s.durableEnd = max(s.durableEnd, end) }
            s.lastSyncEnded = now
        }
    }

    private func complete(_ batch: [Waiter], syncing file: RecordFile?, upTo end: Int) {
        var outcome: StoreError? = .store("journal is closed", path)
        if let file {
            do throws(StoreError) {
                try file.sync()
                synced(file, upTo: end)
                outcome = nil
            } catch {
                outcome = error
            }
        }
        for w in batch {
            w.completion(outcome.map { .failure($0) } ?? .success(w.result))
        }
    }

    // MARK: finishing

    /// The article's events are logged and published: it needs no re-processing. Not fsynced on
    /// its own (re-processing is idempotent); the next fdatasync, or close, makes it durable.
    package func markDone(_ articleID: String) throws(StoreError) {
        try markDone([FinishedArticle(articleID: articleID, seqs: nil)])
    }

    /// `markDone` for several articles, without seqs.
    package func markDone(_ articleIDs: [String]) throws(StoreError) {
        try markDone(articleIDs.map { FinishedArticle(articleID: $0, seqs: nil) })
    }

    /// `markDone` for several articles, each with the seqs of the events it logged: one write(2)
    /// and one lock round for the lot. The seqs let a later start tell which articles lost
    /// events, and keep the highest seq known even if the event log loses its tail.
    package func markDone(_ finished: [FinishedArticle]) throws(StoreError) {
        guard !finished.isEmpty else { return }
        try state.withLock { (s: inout State) throws(StoreError) in
            guard let file = s.file else { throw .store("journal is closed", path) }
            var rec = RecordBuffer(reserving: finished.count * 112)
            var marked: [(key: TableKey, status: Status)] = []
            marked.reserveCapacity(finished.count)
            for f in finished {
                let key = TableKey(articleID: f.articleID)
                // Unknown (never accepted, or long forgotten) or already finished: nothing to record.
                guard let e = s.pending[key], case let .pending(span) = e.status,
                      !marked.contains(where: { $0.key == key }) else { continue }
                rec.begin(kind: Kind.done)
                rec.append(f.articleID)
                if let seqs = f.seqs {
                    rec.append(seqs.lowerBound)
                    rec.append(seqs.upperBound)
                }
                rec.end()
                marked.append((key, .done(seqs: f.seqs, accepted: span)))
            }
            guard !marked.isEmpty else { return }
            try file.append(rec.bytes)
            for m in marked {
                Self.finish(&s, key: m.key, as: m.status)
                if case let .done(seqs?, _) = m.status { s.highestSeq = max(s.highestSeq, seqs.upperBound) }
            }
            startCycleIfDue(&s)
        }
    }

    /// The article was rejected in processing; the reason is kept. Durability as for markDone.
    package func markRejected(_ articleID: String, reason: String) throws(StoreError) {
        var rec = RecordBuffer()
        rec.begin(kind: Kind.rejected)
        rec.append(articleID)
        rec.append(reason)
        rec.end()
        let key = TableKey(articleID: articleID)
        try state.withLock { (s: inout State) throws(StoreError) in
            guard let file = s.file else { throw .store("journal is closed", path) }
            // Unknown (never accepted, or long forgotten) or already finished: nothing to record.
            guard s.pending[key] != nil else { return }
            try file.append(rec.bytes)
            Self.finish(&s, key: key, as: .rejected(reason))
            startCycleIfDue(&s)
        }
    }

    /// Moves a pending entry to the finished ones, with the next ordinal.
    static func finish(_ s: inout State, key: TableKey, as outcome: Status) {
        guard var e = s.pending.removeValue(forKey: key) else { return }
        s.liveBytes -= liveSize(e)
        e.status = outcome
        e.attempts = 0
        e.ordinal = s.nextOrdinal
        s.nextOrdinal += 1
        s.finished[key] = e
    }

    /// Bytes a pending entry takes in a compacted journal (finished ones take none).
    static func liveSize(_ e: Entry) -> Int {
        guard case let .pending(span) = e.status else { return 0 }
        return span.length + e.attempts * (RecordFormat.headerSize + 4 + e.id.utf8.count)
    }

    // MARK: recovery

    /// Records, durably (unless the policy is `.never`) before returning, that a recovery run of
    /// the article starts now; returns how many have started, this one included. An article
    /// that kills the process leaves these behind: see `attempts`.
    @discardableResult
    package func recordAttempt(_ articleID: String) throws(StoreError) -> Int {
        var rec = RecordBuffer()
        rec.begin(kind: Kind.attempt)
        rec.append(articleID)
        rec.end()
        let key = TableKey(articleID: articleID)
        let (file, end, count) = try state.withLock { (s: inout State) throws(StoreError) -> (RecordFile, Int, Int) in
            guard let file = s.file else { throw .store("journal is closed", path) }
            guard let e = s.pending[key] else {
                throw .store("no unfinished article \(articleID) to attempt", path)
            }
            try file.append(rec.bytes)
            s.pending[key]!.attempts += 1
            s.liveBytes += rec.count
            return (file, file.size, e.attempts + 1)
        }
        if fsync != .never {
            try file.sync()
            synced(file, upTo: end)
        }
        return count
    }

    /// Recovery runs started for an unfinished article without it finishing (0 if unknown).
    package func attempts(_ articleID: String) -> Int {
        state.withLock { $0.pending[TableKey(articleID: articleID)]?.attempts ?? 0 }
    }

    /// The highest seq recorded by any done mark, ever: the event log's seq never goes below it.
    package var highestSeq: UInt64 { state.withLock { $0.highestSeq } }

    /// Done articles whose recorded seqs meet one of `ranges` (their events are lost). Reads
    /// every run: for a start that found damage, not for the steady state.
    package func articles(withEventsIn ranges: [ClosedRange<UInt64>]) -> [String] {
        guard !ranges.isEmpty else { return [] }
        waitForMaintenance()
        let (memory, runs, forget) = state.withLock { s in
            (Array(s.pending) + Array(s.frozen) + Array(s.finished), s.runs, forgetBelow(s))
        }
        func meets(_ seqs: ClosedRange<UInt64>?) -> Bool { seqs.map { s in ranges.contains { $0.overlaps(s) } } ?? false }
        var out: [String] = []
        let inMemory = Set(memory.map(\.key))
        for (_, e) in memory {
            if case let .done(seqs, _) = e.status, e.ordinal >= forget, meets(seqs) { out.append(e.id) }
        }
        do throws(StoreError) {
            try RememberedRuns.forEachLatest(runs) { (key, value) throws(StoreError) in
                guard !inMemory.contains(key), let a = RememberedArticle(decoding: value), a.ordinal >= forget,
                      case let .done(seqs) = a.outcome, meets(seqs) else { return }
                out.append(a.id)
            }
        } catch {
            state.withLock { $0.notes.append("could not read the remembered articles: \(error.description)") }
        }
        return Array(Set(out)).sorted()
    }

    /// Makes done articles unfinished again, durably, so that `unfinished()` returns them and
    /// the next run re-processes them (their events were lost): each one's accepted record is
    /// written again. Returns the ids it could not reopen because their text is no longer in
    /// the journal (compacted away).
    package func reopen(_ articleIDs: [String]) throws(StoreError) -> [String] {
        guard !articleIDs.isEmpty else { return [] }
        waitForMaintenance()
        let written = try state.withLock { (s: inout State) throws(StoreError) -> (RecordFile, Int)? in
            guard let file = s.file else { throw .store("journal is closed", path) }
            var any = false
            for id in articleIDs {
                let key = TableKey(articleID: id)
                guard let e = s.finished[key] ?? s.frozen[key], case let .done(_, accepted?) = e.status else { continue }
                let bytes = try file.read(at: accepted.offset, count: accepted.length)
                guard bytes.count == accepted.length else { continue }
                try file.append(bytes)
                s.finished[key] = nil
                s.frozen[key] = nil
                s.pending[key] = Entry(id: e.id, name: e.name,
                                       status: .pending(Span(offset: file.size - bytes.count, length: bytes.count)))
                s.liveBytes += bytes.count
                any = true
            }
            return any ? (file, file.size) : nil
        }
        if let (file, end) = written, fsync != .never {
            try file.sync()
            synced(file, upTo: end)
        }
        return state.withLock { s in articleIDs.filter { s.pending[TableKey(articleID: $0)] == nil } }
    }

    // MARK: queries

    /// Accepted but neither done nor rejected, in acceptance order. Call it after init, before the
    /// intake opens, to re-process what a crash interrupted. Read from disk; a read failure is
    /// added to `recoveryNotes` (see `loadUnfinished` to get the error instead).
    package func unfinished() -> [JournaledArticle] {
        do throws(StoreError) {
            return try loadUnfinished()
        } catch {
            state.withLock { $0.notes.append("could not read unfinished articles: \(error.description)") }
            return []
        }
    }

    /// `unfinished()`, throwing a read error instead of noting it.
    package func loadUnfinished() throws(StoreError) -> [JournaledArticle] {
        let (file, spans) = state.withLock { s -> (RecordFile?, [Span]) in
            var spans: [Span] = []
            for e in s.pending.values { if case let .pending(span) = e.status { spans.append(span) } }
            return (s.file, spans.sorted { $0.offset < $1.offset })
        }
        guard let file else { return [] }
        var out: [JournaledArticle] = []
        out.reserveCapacity(spans.count)
        for span in spans {
            let bytes = try file.read(at: span.offset, count: span.length)
            guard bytes.count == span.length,
                  let a = Self.decodeAccepted(bytes[RecordFormat.headerSize...]) else {
                throw .store("unreadable accepted record at offset \(span.offset)", file.path)
            }
            out.append(a)
        }
        return out
    }

    /// Where an article stands, if the journal remembers it.
    package func status(_ articleID: String) -> ArticleStatus? {
        let key = TableKey(articleID: articleID)
        return state.withLock { s in
            if s.pending[key] != nil { return .pending }
            switch lookupFinished(s, key)?.outcome {
            case nil: return nil
            case .done: return .done
            case let .rejected(reason): return .rejected(reason: reason)
            }
        }
    }

    /// A finished article the journal still remembers: in memory, then in the runs, newest first.
    /// A block that cannot be read answers "not remembered" (the article is then accepted again).
    func lookupFinished(_ s: State, _ key: TableKey) -> RememberedArticle? {
        let forget = forgetBelow(s)
        if let e = s.finished[key] ?? s.frozen[key] { return e.ordinal >= forget ? e.remembered : nil }
        for run in s.runs.reversed() {
            guard let value = try? run.value(for: key) else { continue }   // a Bloom test, then a block read
            guard let a = RememberedArticle(decoding: value[...]) else { return nil }
            return a.ordinal >= forget ? a : nil
        }
        return nil
    }

    /// Finished articles with a smaller ordinal are forgotten.
    func forgetBelow(_ s: State) -> UInt64 {
        s.nextOrdinal > UInt64(maxRememberedIDs) ? s.nextOrdinal - UInt64(maxRememberedIDs) : 0
    }

    package var recoveryNotes: [String] { state.withLock { $0.notes } }

    /// Bytes on disk: the file and the runs.
    package var sizeBytes: Int {
        state.withLock { s in (s.file?.size ?? 0) + s.runs.reduce(0) { $0 + $1.byteCount } }
    }

    /// Bytes the journal's index holds in memory for the runs (Bloom filters, fences).
    package var runResidentBytes: Int { state.withLock { $0.runs.reduce(0) { $0 + $1.residentBytes } } }

    /// Sorted runs of finished articles on disk.
    package var runCount: Int { state.withLock { $0.runs.count } }

    /// Articles held in memory (unfinished, and finished since the last cycle).
    package var entriesInMemory: Int { state.withLock { $0.pending.count + $0.finished.count + $0.frozen.count } }

    /// fdatasyncs done so far (group commit makes this far smaller than the number of appends).
    package var syncCount: Int { syncs.load(ordering: .relaxed) }

    /// Compactions done since open.
    package var compactionCount: Int { state.withLock { $0.compactions } }

    /// Why the last cycle failed, if it did (the journal keeps working on the old file).
    package var lastCompactionError: String? { state.withLock { $0.lastCompactionError } }

    /// Returns once no maintenance cycle is running or queued.
    package func waitForMaintenance() {
        while true {
            maintenanceQueue.sync {}
            if !state.withLock({ $0.cycleRunning }) { return }
        }
    }

    /// Completes waiting appends, makes done/rejected marks durable, releases the directory.
    /// A running cycle is finished first.
    package func close() {
        state.withLock { $0.closing = true }
        waitForMaintenance()
        let (batch, file, end, lock) = state.withLock { s in
            let r = (s.waiters, s.file, s.file?.size ?? 0, s.lock)
            s.waiters = []
            s.file = nil
            s.lock = nil
            return r
        }
        if let file, fsync != .never { try? file.sync() }
        if !batch.isEmpty { complete(batch, syncing: file, upTo: end) }
        withExtendedLifetime(lock) {}
    }
}

/// The clock a group commit's spacing is measured on and the way a flush is started after a
/// delay: the real ones, or a test's (which then starts the flush when it chooses).
struct SyncClock: Sendable {
    let now: @Sendable () -> ContinuousClock.Instant
    /// Runs `flush` on `queue` once `delay` (more than zero) has passed.
    let after: @Sendable (_ delay: Duration, _ queue: DispatchQueue, _ flush: @escaping @Sendable () -> Void) -> Void

    static let system = SyncClock(now: { ContinuousClock.now }, after: { delay, queue, flush in
        let (seconds, attoseconds) = delay.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        queue.asyncAfter(deadline: .now() + .nanoseconds(nanoseconds), execute: flush)
    })
}
