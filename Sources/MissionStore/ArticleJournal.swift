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

/// Accepted articles, durable before the intake replies `ok`.
///
/// File `journal.log` in the directory, records of these kinds:
/// accepted (the whole article), done (id, and the seq range of the events it added),
/// rejected (id, reason), remembered (id, name, outcome, seq range: what compaction keeps of a
/// finished article so duplicates are still recognised), attempt (id: a recovery run is about
/// to start, fsynced first, so a poison article is noticed), reopened (id: a done article whose
/// events were lost runs again), and high water (the highest seq of any done mark, which
/// compaction writes first so that forgetting ids never lowers it).
/// Compaction writes `journal.log.compact` and renames it over `journal.log`.
///
/// After a failed fdatasync the journal refuses appends (the kernel may have dropped the data,
/// see RecordFile.sync); restart the daemon, which re-reads what is really on disk.
package final class ArticleJournal: Sendable {
    package static let defaultMaxRememberedIDs = 1_000_000
    package static let defaultCompactionMinBytes = 64 << 20

    package let directory: String
    package let fsync: FsyncPolicy
    /// Finished articles whose ids are kept for duplicate detection; the oldest are forgotten first.
    package let maxRememberedIDs: Int
    /// No compaction below this size.
    package let compactionMinBytes: Int
    /// Group commit only: a group's fdatasync starts at least this long after the previous one
    /// ended. An idle journal syncs at once; a busy one gathers more appends per fdatasync,
    /// which on a virtual disk costs as much CPU for one record as for fifty.
    package let minSyncSpacing: Duration
    /// The clock the spacing is measured on, and how a flush is started later.
    private let syncClock: SyncClock

    private var path: String { directory + "/journal.log" }
    private var compactPath: String { directory + "/journal.log.compact" }

    private enum Kind {
        static let accepted: UInt8 = 1
        static let done: UInt8 = 2
        static let rejected: UInt8 = 3
        static let remembered: UInt8 = 4
        static let attempt: UInt8 = 5
        static let reopened: UInt8 = 6
        static let highWater: UInt8 = 7
    }

    /// Where the accepted record is in the current file (until compaction drops it).
    private struct Span { var offset: Int; var length: Int }

    private enum Status {
        case pending(offset: Int, length: Int)
        case done(seqs: ClosedRange<UInt64>?, accepted: Span?)
        case rejected(String)

        var isFinished: Bool { if case .pending = self { return false } else { return true } }
        static let doneWithout = Status.done(seqs: nil, accepted: nil)
    }

    private struct Entry {
        var name: String
        var status: Status
        /// Recovery runs started since it was accepted (or reopened).
        var attempts = 0
    }

    private struct Waiter {
        let result: JournalAppend
        let completion: @Sendable (Result<JournalAppend, StoreError>) -> Void
    }

    private struct State {
        var file: RecordFile?            // nil once closed
        var lock: DirectoryLock?
        var entries: [String: Entry] = [:]
        var finishedOrder: [String] = [] // FIFO for forgetting; may hold stale ids, checked on pop
        var finishedHead = 0
        var finishedCount = 0
        var liveBytes = 0                // what a compacted file would hold
        var nextCompactionAt = 0
        var waiters: [Waiter] = []
        var flushScheduled = false
        var durableEnd = 0               // bytes of `file` known to be on stable storage
        var lastSyncEnded: ContinuousClock.Instant?  // nil: never synced
        var notes: [String] = []
        var lastCompactionError: String?
        var compactions = 0
        var highestSeq: UInt64 = 0       // the highest seq any done mark recorded
    }

    private let state: Mutex<State>
    private let syncs = Atomic<Int>(0)
    private let flushQueue = DispatchQueue(label: "missiond.journal.groupcommit")

    package convenience init(directory: String, fsync: FsyncPolicy) throws(StoreError) {
        try self.init(directory: directory, fsync: fsync, maxRememberedIDs: ArticleJournal.defaultMaxRememberedIDs)
    }

    /// Opens or creates the journal (directory mode 0700), replaying it to rebuild the index.
    package convenience init(directory: String, fsync: FsyncPolicy, maxRememberedIDs: Int,
                            compactionMinBytes: Int = ArticleJournal.defaultCompactionMinBytes,
                            minSyncSpacing: Duration = .zero) throws(StoreError) {
        try self.init(directory: directory, fsync: fsync, maxRememberedIDs: maxRememberedIDs,
                      compactionMinBytes: compactionMinBytes, minSyncSpacing: minSyncSpacing, syncClock: .system)
    }

    /// `syncClock`: a test's clock and flush starter instead of the real ones.
    init(directory: String, fsync: FsyncPolicy, maxRememberedIDs: Int, compactionMinBytes: Int,
         minSyncSpacing: Duration, syncClock: SyncClock) throws(StoreError) {
        self.directory = directory
        self.fsync = fsync
        self.minSyncSpacing = minSyncSpacing
        self.syncClock = syncClock
        self.maxRememberedIDs = max(0, maxRememberedIDs)
        self.compactionMinBytes = max(0, compactionMinBytes)
        try Directory.create(directory)
        var s = State()
        s.lock = try DirectoryLock(directory: directory)
        try Directory.remove(directory + "/journal.log.compact")  // an interrupted compaction
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
        state.withLock { s in
            forgetOverLimit(&s)
            compactIfWorthwhile(&s)
        }
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

        enum Next { case complete(Result<JournalAppend, StoreError>), syncNow(RecordFile, Int, JournalAppend), waiting(JournalAppend, schedule: Bool, lastSync: ContinuousClock.Instant?) }
        let next = state.withLock { s -> Next in
            guard let file = s.file else { return .complete(.failure(.store("journal is closed", path))) }
            let result: JournalAppend
            if let e = s.entries[article.articleID] {
                result = .duplicate(originalName: e.name)
                // A duplicate is only "already accepted" once the original is durable.
                if case let .pending(offset, length) = e.status, offset + length > s.durableEnd {} else {
                    return .complete(.success(result))
                }
            } else {
                do throws(StoreError) { try file.append(rec.bytes) } catch { return .complete(.failure(error)) }
                s.entries[article.articleID] = Entry(name: article.name, status: .pending(offset: file.size - rec.count, length: rec.count))
                s.liveBytes += rec.count
                result = .accepted
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
    private func synced(_ file: RecordFile, upTo end: Int) {
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
            var marked: [(id: String, name: String, status: Status, length: Int)] = []
            marked.reserveCapacity(finished.count)
            for f in finished {
                let id = f.articleID
                // Unknown (never accepted, or long forgotten) or already finished: nothing to record.
                guard let e = s.entries[id], case let .pending(offset, length) = e.status,
                      !marked.contains(where: { $0.id == id }) else { continue }
                rec.begin(kind: Kind.done)
                rec.append(id)
                if let seqs = f.seqs {
                    rec.append(seqs.lowerBound)
                    rec.append(seqs.upperBound)
                }
                rec.end()
                marked.append((id, e.name, .done(seqs: f.seqs, accepted: Span(offset: offset, length: length)), Self.liveSize(id: id, e)))
            }
            guard !marked.isEmpty else { return }
            try file.append(rec.bytes)
            for m in marked {
                s.entries[m.id]!.status = m.status
                s.finishedOrder.append(m.id)
                s.finishedCount += 1
                s.liveBytes += Self.rememberedSize(id: m.id, name: m.name, status: m.status) - m.length
                if case let .done(seqs?, _) = m.status { s.highestSeq = max(s.highestSeq, seqs.upperBound) }
            }
            forgetOverLimit(&s)
            compactIfWorthwhile(&s)
        }
    }

    /// The article was rejected in processing; the reason is kept. Durability as for markDone.
    package func markRejected(_ articleID: String, reason: String) throws(StoreError) {
        try finish(articleID, as: .rejected(reason))
    }

    private func finish(_ id: String, as outcome: Status) throws(StoreError) {
        var rec = RecordBuffer()
        switch outcome {
        case .done:
            preconditionFailure("markDone writes done marks")
        case let .rejected(reason):
            rec.begin(kind: Kind.rejected)
            rec.append(id)
            rec.append(reason)
        case .pending:
            preconditionFailure("not an outcome")
        }
        rec.end()
        try state.withLock { (s: inout State) throws(StoreError) in
            guard let file = s.file else { throw .store("journal is closed", path) }
            // Unknown (never accepted, or long forgotten) or already finished: nothing to record.
            guard let e = s.entries[id], case let .pending(_, length) = e.status else { return }
            try file.append(rec.bytes)
            s.entries[id]!.status = outcome
            s.finishedOrder.append(id)
            s.finishedCount += 1
            s.liveBytes += Self.rememberedSize(id: id, name: e.name, status: outcome) - length
            forgetOverLimit(&s)
            compactIfWorthwhile(&s)
        }
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
        let (file, end, count) = try state.withLock { (s: inout State) throws(StoreError) -> (RecordFile, Int, Int) in
            guard let file = s.file else { throw .store("journal is closed", path) }
            guard let e = s.entries[articleID], case .pending = e.status else {
                throw .store("no unfinished article \(articleID) to attempt", path)
            }
            try file.append(rec.bytes)
            s.entries[articleID]!.attempts += 1
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
        state.withLock { $0.entries[articleID]?.attempts ?? 0 }
    }

    /// The highest seq recorded by any done mark, ever: the event log's seq never goes below it.
    package var highestSeq: UInt64 { state.withLock { $0.highestSeq } }

    /// Done articles whose recorded seqs meet one of `ranges` (their events are lost).
    package func articles(withEventsIn ranges: [ClosedRange<UInt64>]) -> [String] {
        guard !ranges.isEmpty else { return [] }
        return state.withLock { s in
            s.entries.compactMap { id, e -> String? in
                guard case let .done(seqs?, _) = e.status, ranges.contains(where: { $0.overlaps(seqs) }) else { return nil }
                return id
            }.sorted()
        }
    }

    /// Makes done articles unfinished again, durably, so that `unfinished()` returns them and
    /// the next run re-processes them (their events were lost). Returns the ids it could not
    /// reopen because their text is no longer in the journal (compacted away).
    package func reopen(_ articleIDs: [String]) throws(StoreError) -> [String] {
        guard !articleIDs.isEmpty else { return [] }
        let written = try state.withLock { (s: inout State) throws(StoreError) -> (RecordFile, Int)? in
            guard let file = s.file else { throw .store("journal is closed", path) }
            var rec = RecordBuffer()
            var spans: [(String, Span)] = []
            for id in articleIDs {
                guard let e = s.entries[id], case let .done(_, accepted?) = e.status else { continue }
                rec.begin(kind: Kind.reopened)
                rec.append(id)
                rec.end()
                spans.append((id, accepted))
            }
            guard !spans.isEmpty else { return nil }
            try file.append(rec.bytes)
            for (id, span) in spans { Self.reopen(&s, id: id, span) }
            return (file, file.size)
        }
        if let (file, end) = written, fsync != .never {
            try file.sync()
            synced(file, upTo: end)
        }
        return state.withLock { s in articleIDs.filter { id in s.entries[id].map { $0.status.isFinished } ?? true } }
    }

    private static func reopen(_ s: inout State, id: String, _ accepted: Span) {
        guard let e = s.entries[id], e.status.isFinished else { return }
        s.liveBytes -= liveSize(id: id, e)
        s.entries[id]!.status = .pending(offset: accepted.offset, length: accepted.length)
        s.entries[id]!.attempts = 0
        s.liveBytes += accepted.length
        s.finishedCount -= 1  // its id stays in finishedOrder: stale entries are checked on pop
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
        let (file, spans) = state.withLock { s -> (RecordFile?, [(Int, Int)]) in
            var spans: [(Int, Int)] = []
            for e in s.entries.values { if case let .pending(o, l) = e.status { spans.append((o, l)) } }
            return (s.file, spans.sorted { $0.0 < $1.0 })
        }
        guard let file else { return [] }
        var out: [JournaledArticle] = []
        out.reserveCapacity(spans.count)
        for (offset, length) in spans {
            let bytes = try file.read(at: offset, count: length)
            guard bytes.count == length,
                  let a = Self.decodeAccepted(bytes[RecordFormat.headerSize...]) else {
                throw .store("unreadable accepted record at offset \(offset)", file.path)
            }
            out.append(a)
        }
        return out
    }

    /// Where an article stands, if the journal remembers it.
    package func status(_ articleID: String) -> ArticleStatus? {
        state.withLock { s in
            switch s.entries[articleID]?.status {
            case nil: return nil
            case .pending: return .pending
            case .done: return .done
            case let .rejected(reason): return .rejected(reason: reason)
            }
        }
    }

    package var recoveryNotes: [String] { state.withLock { $0.notes } }

    /// Bytes on disk.
    package var sizeBytes: Int { state.withLock { $0.file?.size ?? 0 } }

    /// fdatasyncs done so far (group commit makes this far smaller than the number of appends).
    package var syncCount: Int { syncs.load(ordering: .relaxed) }

    /// Compactions done since open.
    package var compactionCount: Int { state.withLock { $0.compactions } }

    /// Why the last compaction failed, if it did (the journal keeps working on the old file).
    package var lastCompactionError: String? { state.withLock { $0.lastCompactionError } }

    /// Completes waiting appends, makes done/rejected marks durable, releases the directory.
    package func close() {
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

    // MARK: replay, forgetting, compaction

    private static func replay(_ s: inout State, offset: Int, kind: UInt8, payload: ArraySlice<UInt8>,
                               path: String) throws(StoreError) {
        var r = PayloadReader(payload)
        let bad = StoreError.store("malformed journal record (kind \(kind)) at offset \(offset)", path)
        guard let id = r.string() else { throw bad }
        switch kind {
        case Kind.accepted:
            guard let name = r.string() else { throw bad }
            if let old = s.entries[id] {  // re-accepted after being forgotten: the new record wins
                if old.status.isFinished { s.finishedCount -= 1 }
                s.liveBytes -= Self.liveSize(id: id, old)
            }
            let e = Entry(name: name, status: .pending(offset: offset, length: RecordFormat.headerSize + payload.count))
            s.entries[id] = e
            s.liveBytes += Self.liveSize(id: id, e)
        case Kind.done, Kind.rejected:
            var outcome = Status.doneWithout
            if kind == Kind.rejected {
                guard let reason = r.string() else { throw bad }
                outcome = .rejected(reason)
            } else {
                var seqs: ClosedRange<UInt64>?
                if !r.isAtEnd {  // older done marks hold only the id
                    guard let first = r.u64(), let last = r.u64(), first <= last else { throw bad }
                    s.highestSeq = max(s.highestSeq, last)
                    seqs = first...last
                }
                // The accepted record stays where it is until compaction: reopen can use it.
                var accepted: Span?
                if case let .pending(o, l)? = s.entries[id]?.status { accepted = Span(offset: o, length: l) }
                outcome = .done(seqs: seqs, accepted: accepted)
            }
            guard let e = s.entries[id], !e.status.isFinished else { return }
            s.liveBytes -= Self.liveSize(id: id, e)
            s.entries[id]!.status = outcome
            s.liveBytes += Self.liveSize(id: id, s.entries[id]!)
            s.finishedOrder.append(id)
            s.finishedCount += 1
        case Kind.remembered:
            guard let name = r.string(), let outcome = r.u8(), let reason = r.optionalString() else { throw bad }
            if let old = s.entries[id] {
                if old.status.isFinished { s.finishedCount -= 1 }
                s.liveBytes -= Self.liveSize(id: id, old)
            }
            var seqs: ClosedRange<UInt64>?
            if !r.isAtEnd {
                guard let first = r.u64(), let last = r.u64(), first <= last else { throw bad }
                seqs = first...last
                s.highestSeq = max(s.highestSeq, last)
            }
            let e = Entry(name: name, status: outcome == 2 ? .rejected(reason ?? "") : .done(seqs: seqs, accepted: nil))
            s.entries[id] = e
            s.liveBytes += Self.liveSize(id: id, e)
            s.finishedOrder.append(id)
            s.finishedCount += 1
        case Kind.attempt:
            if let e = s.entries[id], case .pending = e.status {
                s.entries[id]!.attempts += 1
                s.liveBytes += RecordFormat.headerSize + payload.count
            }
        case Kind.reopened:
            if case let .done(_, accepted?)? = s.entries[id]?.status { reopen(&s, id: id, accepted) }
        case Kind.highWater:
            // The id slot holds nothing; the seq follows it.
            guard let seq = r.u64() else { throw bad }
            s.highestSeq = max(s.highestSeq, seq)
        default:
            throw .store("unknown journal record kind \(kind) at offset \(offset)", path)
        }
    }

    /// Bytes this entry would take in a compacted journal.
    private static func liveSize(id: String, _ e: Entry) -> Int {
        if case let .pending(_, length) = e.status { return length + e.attempts * (RecordFormat.headerSize + 4 + id.utf8.count) }
        return rememberedSize(id: id, name: e.name, status: e.status)
    }

    private static func rememberedSize(id: String, name: String, status: Status) -> Int {
        var reasonBytes = 0
        if case let .rejected(reason) = status { reasonBytes = 4 + reason.utf8.count }
        if case .done(_?, _) = status { reasonBytes = 16 }
        return RecordFormat.headerSize + 4 + id.utf8.count + 4 + name.utf8.count + 2 + reasonBytes
    }

    private static func encodeRemembered(_ buf: inout RecordBuffer, id: String, _ e: Entry) {
        buf.begin(kind: Kind.remembered)
        buf.append(id)
        buf.append(e.name)
        if case let .rejected(reason) = e.status {
            buf.append(UInt8(2))
            buf.append(Optional(reason))
        } else {
            buf.append(UInt8(1))
            buf.append(String?.none)
            if case let .done(seqs?, _) = e.status {
                buf.append(seqs.lowerBound)
                buf.append(seqs.upperBound)
            }
        }
        buf.end()
    }

    private static func decodeAccepted(_ payload: ArraySlice<UInt8>) -> JournaledArticle? {
        var r = PayloadReader(payload)
        guard let id = r.string(), let name = r.string(), let source = r.string(),
              let published = r.optionalString(), let url = r.optionalString(), let text = r.string()
        else { return nil }
        return JournaledArticle(articleID: id, name: name, source: source, published: published, sourceURL: url, text: text)
    }

    /// Forgets the oldest finished ids beyond `maxRememberedIDs` (pending ones are never forgotten).
    private func forgetOverLimit(_ s: inout State) {
        while s.finishedCount > maxRememberedIDs && s.finishedHead < s.finishedOrder.count {
            let id = s.finishedOrder[s.finishedHead]
            s.finishedHead += 1
            if let e = s.entries[id], e.status.isFinished {
                s.entries[id] = nil
                s.finishedCount -= 1
                s.liveBytes -= Self.liveSize(id: id, e)
            }
        }
        if s.finishedHead > 4096 && s.finishedHead * 2 > s.finishedOrder.count {
            s.finishedOrder.removeFirst(s.finishedHead)
            s.finishedHead = 0
        }
    }

    /// Rewrites the journal once finished records dominate it: remembered ids, then the pending
    /// articles in acceptance order. A failure leaves the old journal in use.
    private func compactIfWorthwhile(_ s: inout State) {
        guard let file = s.file, file.size >= max(compactionMinBytes, s.nextCompactionAt),
              file.size > 2 * s.liveBytes else { return }
        do throws(StoreError) {
            try compact(&s, from: file)
            s.lastCompactionError = nil
            s.compactions += 1
        } catch {
            try? Directory.remove(compactPath)
            s.lastCompactionError = error.description
            s.nextCompactionAt = file.size + max(compactionMinBytes, 1 << 20)  // do not retry at every mark
        }
    }

    private func compact(_ s: inout State, from old: RecordFile) throws(StoreError) {
        try Directory.remove(compactPath)
        let out = try RecordFile(path: compactPath, reportedPath: path)
        var buf = RecordBuffer(reserving: 1 << 20)
        func spill() throws(StoreError) {
            if buf.count >= 1 << 20 { try out.append(buf.bytes); buf = RecordBuffer(reserving: 1 << 20) }
        }
        buf.begin(kind: Kind.highWater)
        buf.append("")
        buf.append(s.highestSeq)
        buf.end()
        var seen = Set<String>()
        var order: [String] = []
        for id in s.finishedOrder[s.finishedHead...] {
            guard let e = s.entries[id], e.status.isFinished, seen.insert(id).inserted else { continue }
            Self.encodeRemembered(&buf, id: id, e)
            order.append(id)
            try spill()
        }
        seen = []
        var pending: [(id: String, offset: Int, length: Int, attempts: Int)] = []
        for (id, e) in s.entries { if case let .pending(o, l) = e.status { pending.append((id, o, l, e.attempts)) } }
        pending.sort { $0.offset < $1.offset }
        var moved: [(String, Int)] = []
        for p in pending {
            let bytes = try old.read(at: p.offset, count: p.length)
            guard bytes.count == p.length else { throw .store("short read while compacting at \(p.offset)", old.path) }
            moved.append((p.id, out.size + buf.count))
            buf.append(record: bytes)
            for _ in 0..<p.attempts {  // a poison article stays one
                buf.begin(kind: Kind.attempt)
                buf.append(p.id)
                buf.end()
            }
            try spill()
        }
        try out.append(buf.bytes)
        if fsync != .never { try out.sync() }
        try Directory.rename(compactPath, path)
        // `out` is now the journal: switch to it before anything else can fail, or later appends
        // would go to the unlinked old file.
        for (id, offset) in moved {
            if case let .pending(_, length) = s.entries[id]!.status {
                s.entries[id]!.status = .pending(offset: offset, length: length)
            }
        }
        for id in order {
            if case let .done(seqs, _) = s.entries[id]!.status { s.entries[id]!.status = .done(seqs: seqs, accepted: nil) }
        }
        s.finishedOrder = order
        s.finishedHead = 0
        s.finishedCount = order.count
        s.file = out
        s.durableEnd = fsync == .never ? 0 : out.size
        if fsync != .never {
            do throws(StoreError) { try Directory.sync(directory) } catch {
                // The rename may not survive power loss, and with it what is appended from now on.
                out.poison(error)
                throw error
            }
        }
        s.nextCompactionAt = compactionMinBytes
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
