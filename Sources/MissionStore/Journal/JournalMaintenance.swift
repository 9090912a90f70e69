import Foundation

// The maintenance cycle, on its own queue, beside appends. It takes the journal's lock only to
// snapshot, to install what it wrote, and for the final switch of files (copying the few records
// appended since the last copy, one fdatasync and a rename): no append waits for the writing of
// a run, the copying of the unfinished articles or a merge.
//
// 1. Freeze: the articles finished since the last cycle become `frozen`; P = the file's size.
// 2. Run: `frozen` is written as a new sorted run, fsynced, then installed (lookups use it).
// 3. Compaction, when the file is worth it: a new file with a high-water record, the articles
//    unfinished at P (and their attempts), then every record appended since P, verbatim. All
//    done marks before P are in the runs by now, so nothing is lost with them.
// 4. Merges: the newest two runs are merged while the older is at most twice the newer, so the
//    number of runs grows with the logarithm of the history; a merge drops forgotten articles,
//    and a run holding only forgotten ones is deleted.
extension ArticleJournal {
    /// Under the lock: starts a cycle when one is due.
    func startCycleIfDue(_ s: inout State) {
        guard !s.cycleRunning, !s.closing, let file = s.file else { return }
        guard compactionDue(s, size: file.size) || s.finished.count >= cycleEntries else { return }
        s.cycleRunning = true
        maintenanceQueue.async { self.runCycle() }
    }

    private func compactionDue(_ s: State, size: Int) -> Bool {
        // The slack covers the high-water record, so that a compacted file is never due again.
        size >= max(compactionMinBytes, s.nextCompactionAt) && size > 2 * (s.liveBytes + 64)
    }

    private struct Snapshot {
        let file: RecordFile
        let end: Int                       // P
        let frozen: [TableKey: Entry]      // a copy-on-write copy: taken under the lock in O(1)
        let pending: [(key: TableKey, id: String, span: Span, attempts: Int)]
        let highestSeq: UInt64
        let finishedBefore: UInt64
        let generation: UInt64
        let compact: Bool
    }

    func runCycle() {
        let snapshot = state.withLock { s -> Snapshot? in
            guard let file = s.file else { s.cycleRunning = false; return nil }
            s.frozen = s.finished
            s.finished = [:]
            var pending: [(key: TableKey, id: String, span: Span, attempts: Int)] = []
            for (k, e) in s.pending { if case let .pending(span) = e.status { pending.append((k, e.id, span, e.attempts)) } }
            pending.sort { $0.span.offset < $1.span.offset }
            let generation = s.nextGeneration
            if !s.frozen.isEmpty { s.nextGeneration += 1 }
            return Snapshot(file: file, end: file.size, frozen: s.frozen, pending: pending,
                            highestSeq: s.highestSeq, finishedBefore: s.nextOrdinal, generation: generation,
                            compact: compactionDue(s, size: file.size))
        }
        guard let snapshot else { return }
        do throws(StoreError) {
            if !snapshot.frozen.isEmpty { try writeRun(snapshot) }
            if snapshot.compact { try compact(snapshot) }
            try mergeRuns()
            state.withLock { $0.lastCompactionError = nil }
        } catch {
            try? Directory.remove(compactPath)
            state.withLock { s in
                s.lastCompactionError = error.description
                s.nextCompactionAt = snapshot.end + max(compactionMinBytes, 1 << 20)  // do not retry at every mark
            }
        }
        state.withLock { s in
            s.cycleRunning = false
            startCycleIfDue(&s)
        }
    }

    private func writeRun(_ snapshot: Snapshot) throws(StoreError) {
        let path = directory + "/" + RememberedRuns.name(generation: snapshot.generation)
        do throws(StoreError) {
            let run = try RememberedRuns.write(snapshot.frozen.map { ($0.key, $0.value.remembered) }, to: path, highestSeq: snapshot.highestSeq, sync: fsync != .never)
            if fsync != .never { try Directory.sync(directory) }
            state.withLock { s in
                s.runs.append(run)
                s.frozen = [:]
            }
        } catch {
            try? Directory.remove(path)
            // Still in memory: back with the finished ones (a newer entry of the same key wins).
            state.withLock { s in
                s.finished = s.frozen.merging(s.finished) { _, newer in newer }
                s.frozen = [:]
            }
            throw error
        }
    }

    private func compact(_ snapshot: Snapshot) throws(StoreError) {
        let old = snapshot.file
        try Directory.remove(compactPath)
        let out = try RecordFile(path: compactPath, reportedPath: path)
        var buf = RecordBuffer(reserving: 1 << 20)
        buf.begin(kind: Kind.highWater)
        buf.append("")
        buf.append(snapshot.highestSeq)
        buf.append(snapshot.finishedBefore)
        buf.end()
        var moved: [TableKey: Int] = [:]
        for p in snapshot.pending {
            let bytes = try old.read(at: p.span.offset, count: p.span.length)
            guard bytes.count == p.span.length else { throw .store("short read while compacting at \(p.span.offset)", old.path) }
            moved[p.key] = out.size + buf.count
            buf.append(record: bytes)
            for _ in 0..<p.attempts {  // a poison article stays one
                buf.begin(kind: Kind.attempt)
                buf.append(p.id)
                buf.end()
            }
            if buf.count >= 1 << 20 { try out.append(buf.bytes); buf = RecordBuffer(reserving: 1 << 20) }
        }
        try out.append(buf.bytes)
        let tailBase = out.size
        // What was appended since P: most of it now, the rest under the lock.
        var copied = snapshot.end
        copied = try Self.copy(old, from: copied, to: old.size, into: out)
        if fsync != .never { try out.sync() }
        try state.withLock { (s: inout State) throws(StoreError) in
            guard s.file === old else { throw .store("the journal file changed during compaction", path) }
            copied = try Self.copy(old, from: copied, to: old.size, into: out)
            func remap(_ key: TableKey, _ span: Span) -> Span? {
                if span.offset >= snapshot.end { return Span(offset: span.offset - snapshot.end + tailBase, length: span.length) }
                return moved[key].map { Span(offset: $0, length: span.length) }
            }
            var pendingSpans: [(TableKey, Span)] = []
            for (k, e) in s.pending {
                guard case let .pending(span) = e.status else { continue }
                guard let to = remap(k, span) else { throw .store("an unfinished article was not copied by compaction", path) }
                pendingSpans.append((k, to))
            }
            if fsync != .never { try out.sync() }
            try Directory.rename(compactPath, path)
            // `out` is now the journal: switch to it before anything else can fail, or later
            // appends would go to the unlinked old file.
            for (k, span) in pendingSpans { s.pending[k]!.status = .pending(span) }
            for (k, e) in s.finished {
                if case let .done(seqs, accepted?) = e.status { s.finished[k]!.status = .done(seqs: seqs, accepted: remap(k, accepted)) }
            }
            s.file = out
            s.durableEnd = fsync == .never ? 0 : out.size
            s.nextCompactionAt = compactionMinBytes
            s.compactions += 1
            if fsync != .never {
                do throws(StoreError) { try Directory.sync(directory) } catch {
                    // The rename may not survive power loss, and with it what is appended from now on.
                    out.poison(error)
                    throw error
                }
            }
        }
    }

    /// Appends bytes `from..<to` of `old` (whole records) to `out`; returns `to`.
    private static func copy(_ old: RecordFile, from: Int, to: Int, into out: RecordFile) throws(StoreError) -> Int {
        var at = from
        while at < to {
            let bytes = try old.read(at: at, count: min(1 << 20, to - at))
            guard !bytes.isEmpty else { throw .store("short read while compacting at \(at)", old.path) }
            try out.append(bytes)
            at += bytes.count
        }
        return to
    }

    private enum MergeStep { case drop([SortedTable]), merge(SortedTable, SortedTable, forgetBelow: UInt64) }

    private func mergeRuns() throws(StoreError) {
        while true {
            let step = state.withLock { s -> MergeStep? in
                let forget = forgetBelow(s)
                let expired = s.runs.filter { RememberedRuns.Meta($0).newestOrdinal < forget }
                if !expired.isEmpty {
                    s.runs.removeAll { run in expired.contains { $0 === run } }
                    return .drop(expired)
                }
                let n = s.runs.count
                guard n >= 2, s.runs[n - 2].entryCount <= 2 * max(1, s.runs[n - 1].entryCount) else { return nil }
                return .merge(s.runs[n - 2], s.runs[n - 1], forgetBelow: forget)
            }
            switch step {
            case nil:
                return
            case let .drop(runs):
                for run in runs { try Directory.remove(run.path) }
                if fsync != .never { try Directory.sync(directory) }
            case let .merge(older, newer, forget):
                // Written over the newer one's name: a crash before the older is removed leaves
                // its entries twice, and the newer copy wins.
                let merged = try RememberedRuns.merge([older, newer], into: newer.path, forgetBelow: forget, sync: fsync != .never)
                state.withLock { s in
                    s.runs.removeAll { $0 === older || $0 === newer }
                    s.runs.append(merged)
                }
                try Directory.remove(older.path)
                if fsync != .never { try Directory.sync(directory) }
            }
        }
    }
}
