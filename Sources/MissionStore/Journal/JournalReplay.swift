import Foundation

// Opening the journal: the runs' indexes, then the file's records in order.
extension ArticleJournal {
    /// Opens every run, oldest first. A run that cannot be read is renamed `….damaged` and
    /// noted: the articles it remembered are accepted again if sent again, nothing else is lost.
    static func loadRuns(_ s: inout State, directory: String) throws(StoreError) {
        var found: [(UInt64, String)] = []
        for name in try Directory.list(directory) {
            if name.hasSuffix(".run.tmp") { try Directory.remove(directory + "/" + name); continue }
            if let generation = RememberedRuns.generation(of: name) { found.append((generation, name)) }
        }
        for (generation, name) in found.sorted(by: { $0.0 < $1.0 }) {
            let path = directory + "/" + name
            s.nextGeneration = max(s.nextGeneration, generation + 1)
            do throws(StoreError) {
                let run = try SortedTable(path: path)
                s.highestSeq = max(s.highestSeq, RememberedRuns.Meta(run).highestSeq)
                s.runs.append(run)
            } catch {
                try Directory.rename(path, path + ".damaged")
                s.notes.append("\(name) could not be read (\(error.description)); it is kept as \(name).damaged and the articles it remembered will be accepted again if sent again")
            }
        }
    }

    static func replay(_ s: inout State, offset: Int, kind: UInt8, payload: ArraySlice<UInt8>,
                       path: String) throws(StoreError) {
        var r = PayloadReader(payload)
        let bad = StoreError.store("malformed journal record (kind \(kind)) at offset \(offset)", path)
        guard let id = r.string() else { throw bad }
        let key = TableKey(articleID: id)
        switch kind {
        case Kind.accepted:
            guard let name = r.string() else { throw bad }
            // Accepted again (reopened, or sent again after being forgotten): this record wins.
            s.finished[key] = nil
            if let old = s.pending[key] { s.liveBytes -= liveSize(old) }
            let e = Entry(id: id, name: name, status: .pending(Span(offset: offset, length: RecordFormat.headerSize + payload.count)))
            s.pending[key] = e
            s.liveBytes += liveSize(e)
        case Kind.done:
            var seqs: ClosedRange<UInt64>?
            if !r.isAtEnd {  // older done marks hold only the id
                guard let first = r.u64(), let last = r.u64(), first <= last else { throw bad }
                s.highestSeq = max(s.highestSeq, last)
                seqs = first...last
            }
            guard case let .pending(span)? = s.pending[key]?.status else { return }
            finish(&s, key: key, as: .done(seqs: seqs, accepted: span))
        case Kind.rejected:
            guard let reason = r.string() else { throw bad }
            finish(&s, key: key, as: .rejected(reason))
        case Kind.remembered:  // written by compaction before runs existed
            guard let name = r.string(), let outcome = r.u8(), let reason = r.optionalString() else { throw bad }
            var seqs: ClosedRange<UInt64>?
            if !r.isAtEnd {
                guard let first = r.u64(), let last = r.u64(), first <= last else { throw bad }
                seqs = first...last
                s.highestSeq = max(s.highestSeq, last)
            }
            if let old = s.pending.removeValue(forKey: key) { s.liveBytes -= liveSize(old) }
            s.finished[key] = Entry(id: id, name: name, status: outcome == 2 ? .rejected(reason ?? "") : .done(seqs: seqs, accepted: nil),
                                    ordinal: s.nextOrdinal)
            s.nextOrdinal += 1
        case Kind.attempt:
            if s.pending[key] != nil {
                s.pending[key]!.attempts += 1
                s.liveBytes += RecordFormat.headerSize + payload.count
            }
        case Kind.reopened:  // older journals: a done article made pending again in place
            if let e = s.finished[key], case let .done(_, accepted?) = e.status {
                s.finished[key] = nil
                let p = Entry(id: e.id, name: e.name, status: .pending(accepted))
                s.pending[key] = p
                s.liveBytes += liveSize(p)
            }
        case Kind.highWater:
            // The id slot holds nothing; the seq follows it, then (since runs) the articles
            // finished before this file begins.
            guard let seq = r.u64() else { throw bad }
            s.highestSeq = max(s.highestSeq, seq)
            if !r.isAtEnd {
                guard let finishedBefore = r.u64() else { throw bad }
                s.nextOrdinal = max(s.nextOrdinal, finishedBefore)
            }
        default:
            throw .store("unknown journal record kind \(kind) at offset \(offset)", path)
        }
    }

    static func decodeAccepted(_ payload: ArraySlice<UInt8>) -> JournaledArticle? {
        var r = PayloadReader(payload)
        guard let id = r.string(), let name = r.string(), let source = r.string(),
              let published = r.optionalString(), let url = r.optionalString(), let text = r.string()
        else { return nil }
        return JournaledArticle(articleID: id, name: name, source: source, published: published, sourceURL: url, text: text)
    }
}
