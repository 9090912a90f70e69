// The on-disk memory of finished articles: sorted tables ("runs") named `ids-<generation>.run`
// in the journal's directory, one written per maintenance cycle, merged in the background so
// that their number grows with the logarithm of the history. A newer run's entry overrides an
// older one's; the journal's own records override every run (see ArticleJournal).

/// What a run remembers of a finished article.
struct RememberedArticle: Sendable, Equatable {
    enum Outcome: Sendable, Equatable {
        case done(seqs: ClosedRange<UInt64>?)
        case rejected(reason: String)
    }
    var id: String
    var name: String
    var outcome: Outcome
    /// Its place in the order of finishing: the oldest are forgotten first.
    var ordinal: UInt64

    var encoded: [UInt8] {
        var b = RecordBuffer()
        b.append(ordinal)
        switch outcome {
        case .done(nil):
            b.append(UInt8(1))
        case let .done(seqs?):
            b.append(UInt8(2))
            b.append(seqs.lowerBound)
            b.append(seqs.upperBound)
        case .rejected:
            b.append(UInt8(3))
        }
        b.append(id)
        b.append(name)
        if case let .rejected(reason) = outcome { b.append(reason) }
        return b.bytes
    }

    init(id: String, name: String, outcome: Outcome, ordinal: UInt64) {
        self.id = id
        self.name = name
        self.outcome = outcome
        self.ordinal = ordinal
    }

    init?(decoding value: ArraySlice<UInt8>) {
        var r = PayloadReader(value)
        guard let ordinal = r.u64(), let kind = r.u8() else { return nil }
        var seqs: ClosedRange<UInt64>?
        if kind == 2 {
            guard let first = r.u64(), let last = r.u64(), first <= last else { return nil }
            seqs = first...last
        }
        guard let id = r.string(), let name = r.string() else { return nil }
        switch kind {
        case 1, 2: outcome = .done(seqs: seqs)
        case 3:
            guard let reason = r.string() else { return nil }
            outcome = .rejected(reason: reason)
        default: return nil
        }
        self.id = id
        self.name = name
        self.ordinal = ordinal
    }

    /// Ordinal only, without decoding strings (merges test it for every entry).
    static func ordinal(of value: ArraySlice<UInt8>) -> UInt64? { PayloadReader(value).u64Value() }
}

/// Run files: names, metadata, and merging.
enum RememberedRuns {
    static func name(generation: UInt64) -> String {
        let digits = String(generation)
        return "ids-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits + ".run"
    }

    static func generation(of name: String) -> UInt64? {
        guard name.hasPrefix("ids-"), name.hasSuffix(".run") else { return nil }
        let digits = name.dropFirst(4).dropLast(4)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt64(digits)
    }

    /// Meta of a run: the highest seq any done mark in it records, and its newest ordinal.
    struct Meta: Equatable {
        var highestSeq: UInt64
        var newestOrdinal: UInt64
        var bytes: [UInt8] {
            var b = RecordBuffer()
            b.append(highestSeq)
            b.append(newestOrdinal)
            return b.bytes
        }
        init(highestSeq: UInt64, newestOrdinal: UInt64) {
            self.highestSeq = highestSeq
            self.newestOrdinal = newestOrdinal
        }
        init(_ table: SortedTable) {
            var r = PayloadReader(table.meta[...])
            highestSeq = r.u64() ?? 0
            newestOrdinal = r.u64() ?? 0
        }
    }

    /// Visits every key of `runs` (oldest first) once, in key order, with the newest run's value.
    /// With `skipDamaged`, blocks that cannot be read are passed over and their errors returned.
    @discardableResult
    static func forEachLatest(_ runs: [SortedTable], skipDamaged: Bool = false,
                              _ visit: (TableKey, ArraySlice<UInt8>) throws(StoreError) -> Void) throws(StoreError) -> [StoreError] {
        var cursors = runs.map { SortedTable.Cursor($0, skipDamaged: skipDamaged) }
        var heads: [(TableKey, ArraySlice<UInt8>)?] = []
        for i in cursors.indices { heads.append(try cursors[i].next()) }
        while true {
            // The smallest key; among equals, the newest run (highest index) wins.
            var pick = -1
            for (i, h) in heads.enumerated() {
                guard let h else { continue }
                if pick < 0 || h.0 < heads[pick]!.0 || h.0 == heads[pick]!.0 { pick = i }
            }
            guard pick >= 0 else { return cursors.flatMap(\.damaged) }
            let (key, value) = heads[pick]!
            try visit(key, value)
            for i in heads.indices where heads[i]?.0 == key { heads[i] = try cursors[i].next() }
        }
    }

    /// Writes one run holding the latest entry of each key of `runs` whose ordinal is at or
    /// above `forgetBelow`.
    static func merge(_ runs: [SortedTable], into path: String, forgetBelow: UInt64, sync: Bool) throws(StoreError) -> SortedTable {
        var writer = try SortedTableWriter(path: path, expectedKeys: runs.reduce(0) { $0 + $1.entryCount })
        var highest: UInt64 = 0, newest: UInt64 = 0
        do throws(StoreError) {
            try forEachLatest(runs) { (key, value) throws(StoreError) in
                guard let ordinal = RememberedArticle.ordinal(of: value), ordinal >= forgetBelow else { return }
                try writer.add(key, value)
                newest = max(newest, ordinal)
            }
            for run in runs { highest = max(highest, Meta(run).highestSeq) }
            try writer.finish(meta: Meta(highestSeq: highest, newestOrdinal: newest).bytes, sync: sync)
        } catch {
            writer.abandon()
            throw error
        }
        return try SortedTable(path: path)
    }

    /// Writes a run of `entries` (any order).
    static func write(_ entries: [(TableKey, RememberedArticle)], to path: String, highestSeq: UInt64, sync: Bool) throws(StoreError) -> SortedTable {
        let sorted = entries.sorted { $0.0 < $1.0 }
        var writer = try SortedTableWriter(path: path, expectedKeys: sorted.count)
        do throws(StoreError) {
            for (key, a) in sorted { try writer.add(key, a.encoded) }
            let newest = sorted.map(\.1.ordinal).max() ?? 0
            try writer.finish(meta: Meta(highestSeq: highestSeq, newestOrdinal: newest).bytes, sync: sync)
        } catch {
            writer.abandon()
            throw error
        }
        return try SortedTable(path: path)
    }
}

extension PayloadReader {
    /// The first u64 of a payload.
    func u64Value() -> UInt64? {
        var copy = self
        return copy.u64()
    }
}
