import Foundation

/// `missiond fsck`: checks a state directory's journal and event log record by record, and
/// with `repair` sets the damaged parts aside so that the daemon can start again.
///
/// Checking reads only. Repairing never deletes: a damaged file is moved (or, for the journal,
/// copied) into `<state>/damaged/<UTC time>/`, and what checks is written back — the journal
/// without its bad spans, an event segment split into one segment per run of good, consecutive
/// records (so a hole between them is a lost range for EventLog). Done articles whose events
/// are gone are reopened in the journal, so the next start runs them again and their events
/// are appended under new seqs. Both directories are locked for the duration: the daemon must
/// not be running.
package enum StoreCheck {
    package struct Report: Sendable {
        /// Records that passed their checksum, journal and event log together.
        package var recordsChecked = 0
        /// Damaged spans: file, offset, reason.
        package var damaged: [String] = []
        /// Incomplete records at the very end, beyond what the journal says was written (a crash
        /// mid-write; the daemon cuts them by itself).
        package var tornTails: [String] = []
        /// Seq ranges assigned but absent from the event log (gaps between segments, or above the
        /// newest one up to the highest seq the journal's done marks record).
        package var missingSeqs: [ClosedRange<UInt64>] = []
        /// Other findings about missing parts (segments, the range before the first segment).
        package var notes: [String] = []
        /// Done articles whose events are gone: "id (name)".
        package var articlesWithoutEvents: [String] = []
        /// What `repair` did.
        package var repairs: [String] = []

        /// Damage that needs attention. A torn tail alone does not, nor a seq gap whose articles
        /// have run again (a lost range the daemon has dealt with: it stays visible, as history).
        package var foundDamage: Bool { !damaged.isEmpty || !articlesWithoutEvents.isEmpty }

        package var text: String {
            var lines = ["records checked: \(recordsChecked)"]
            lines += damaged.map { "damaged: \($0)" }
            lines += tornTails.map { "torn tail: \($0)" }
            lines += missingSeqs.map { "seq gap: seqs \($0.lowerBound)-\($0.upperBound) are not in the event log" }
            lines += notes.map { "note: \($0)" }
            lines += articlesWithoutEvents.map { "events gone: article \($0)" }
            lines += repairs.map { "repaired: \($0)" }
            lines.append(foundDamage ? (repairs.isEmpty ? "damage found; run with --repair to set it aside"
                                                        : "damage found and set aside; the daemon can start")
                                     : "clean")
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Checks (and with `repair`, repairs) `<state>/journal` and `<state>/events`.
    package static func run(state: String, repair: Bool, now: Date = Date()) throws(StoreError) -> Report {
        let journalDirectory = state + "/journal", eventsDirectory = state + "/events"
        for directory in [journalDirectory, eventsDirectory] {
            var st = stat()
            guard stat(directory, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                throw .store("no such state directory (expected journal/ and events/ in it)", directory)
            }
        }
        var report = Report()
        var journalLock: DirectoryLock? = try DirectoryLock(directory: journalDirectory)
        let eventsLock = try DirectoryLock(directory: eventsDirectory)
        defer { withExtendedLifetime(eventsLock) {} }

        let journalPath = journalDirectory + "/journal.log"
        var facts = JournalFacts()
        let journal = try FileCheck(path: journalPath, reportedName: "journal/journal.log") { kind, payload in facts.take(kind, payload) }
        report.recordsChecked += journal.good.count
        report.damaged += journal.badInside
        if let tail = journal.badTail { report.tornTails.append(tail) }
        let runs = try RunCheck(directory: journalDirectory)
        report.recordsChecked += runs.entries
        report.damaged += runs.damage
        facts.highestSeq = max(facts.highestSeq, runs.highestSeq)

        let segments = try segmentFiles(eventsDirectory)
        var checked: [(first: UInt64, path: String, file: FileCheck, runs: [[FileCheck.Good]])] = []
        for (index, (first, path)) in segments.enumerated() {
            let file = try FileCheck(path: path, reportedName: "events/" + (path.split(separator: "/").last.map(String.init) ?? path)) { _, _ in }
            report.recordsChecked += file.good.count
            report.damaged += file.badInside
            if let tail = file.badTail {
                // A bad tail is a torn write only at the end of the newest segment.
                if index == segments.count - 1 { report.tornTails.append(tail) } else { report.damaged.append(tail) }
            }
            checked.append((first, path, file, eventRuns(file)))
        }
        // Which seqs the log holds, run by run, and the holes between runs.
        // From the first segment's own first seq: what is before it was dropped by retention
        // (or deleted, which only the journal can tell, below).
        var expected = checked.first?.first ?? 1
        if expected > 1 { report.notes.append("seqs 1-\(expected - 1) are not in the event log (dropped by retention, or deleted)") }
        for segment in checked {
            if segment.first > expected { report.notes.append("no segment holds seqs \(expected)-\(segment.first - 1)") }
            for run in segment.runs {
                guard let a = run.first?.seq, let b = run.last?.seq else { continue }
                if a > expected { report.missingSeqs.append(expected...(a - 1)) }
                expected = max(expected, b + 1)
            }
            expected = max(expected, segment.first)
        }
        let top = expected - 1
        if facts.highestSeq > top {
            report.missingSeqs.append((top + 1)...facts.highestSeq)
            // The journal says more was written: a bad tail there is damage, not a torn write.
            if let last = checked.last, let tail = last.file.badTail, let i = report.tornTails.firstIndex(of: tail) {
                report.tornTails.remove(at: i)
                report.damaged.append(tail)
            }
        }
        let inJournal = facts.doneArticles(withEventsIn: report.missingSeqs)
        let without = inJournal + runs.doneArticles(withEventsIn: report.missingSeqs, except: Set(facts.articles.keys)).filter { a in
            !inJournal.contains { $0.id == a.id }
        }
        report.articlesWithoutEvents = without.map { "\($0.id) (\($0.name))" }
        guard repair, report.foundDamage || !report.tornTails.isEmpty else { return report }

        // MARK: repair
        let aside = state + "/damaged/" + timestamp(now)
        try Directory.create(aside)
        if !journal.badInside.isEmpty || journal.badTail != nil {
            try copy(journalPath, to: aside + "/journal.log")
            try rewrite(journalPath, keeping: journal, tmp: journalPath + ".repair")
            try Directory.sync(journalDirectory)
            report.repairs.append("journal/journal.log: \(journal.good.count) good records kept; the original is in \(aside)/journal.log")
        }
        for name in runs.unreadable {
            try Directory.rename(journalDirectory + "/" + name, aside + "/" + name)
            report.repairs.append("journal/\(name): moved to \(aside)/\(name); the articles it remembered are accepted again if sent again")
        }
        for segment in checked {
            let whole = segment.runs.count <= 1 && (segment.runs.first?.first?.seq ?? segment.first) == segment.first
            guard !whole || !segment.file.badInside.isEmpty || segment.file.badTail != nil else { continue }
            let name = segment.path.split(separator: "/").last.map(String.init) ?? segment.path
            try Directory.rename(segment.path, aside + "/" + name)
            try Directory.remove(SegmentIndex.path(ofSegment: segment.path))  // rebuilt at the next start
            var written: [String] = []
            for run in segment.runs {
                guard let first = run.first?.seq else { continue }
                let target = eventsDirectory + "/" + EventLog.segmentName(first)
                try Directory.remove(SegmentIndex.path(ofSegment: target))
                try write(run, from: segment.file, to: target)
                written.append(EventLog.segmentName(first))
            }
            try Directory.sync(eventsDirectory)
            try Directory.sync(aside)
            report.repairs.append("events/\(name): moved to \(aside)/\(name); kept \(written.isEmpty ? "nothing" : written.joined(separator: ", "))")
        }
        if !without.isEmpty {
            journalLock = nil  // ArticleJournal takes the lock itself
            let reopened = try ArticleJournal(directory: journalDirectory, fsync: .always)
            defer { reopened.close() }
            let textGone = try reopened.reopen(without.map(\.id))
            report.repairs.append("\(without.count - textGone.count) article(s) whose events are gone will run again at the next start")
            for id in textGone { report.repairs.append("article \(id): its events are gone and its text is no longer in the journal; send it again") }
        }
        withExtendedLifetime(journalLock) {}
        return report
    }

    // MARK: files

    /// One file read record by record: the good records and the damaged spans.
    struct FileCheck {
        struct Good { let offset: Int; let length: Int; var seq: UInt64? }
        let file: RecordFile
        var good: [Good] = []
        /// Bad spans followed by a good record.
        var badInside: [String] = []
        /// A bad span running to the end of the file.
        var badTail: String?
        /// Offsets where good records resume after a bad span (a run boundary).
        var resumes: Set<Int> = []

        init(path: String, reportedName: String, visit: (_ kind: UInt8, _ payload: ArraySlice<UInt8>) -> Void) throws(StoreError) {
            file = try RecordFile(path: path, create: false)
            let end = try file.physicalSize()
            var cursor = RecordCursor(file: file, from: 0, to: end)
            while true {
                switch try cursor.next() {
                case .end:
                    return
                case let .record(offset, kind, payload):
                    var r = PayloadReader(payload)
                    good.append(Good(offset: offset, length: RecordFormat.headerSize + payload.count, seq: kind == 16 ? r.u64() : nil))
                    visit(kind, payload)
                case let .bad(offset, reason):
                    if let next = try file.firstValidRecord(after: offset, end: end) {
                        badInside.append("\(reportedName) offset \(offset): \(reason), \(next - offset) bytes up to the next good record")
                        resumes.insert(next)
                        cursor = RecordCursor(file: file, from: next, to: end)
                    } else {
                        badTail = "\(reportedName) offset \(offset): \(reason), \(end - offset) bytes to the end"
                        return
                    }
                }
            }
        }
    }

    /// Runs of good event records with consecutive seqs and no bad span between them.
    private static func eventRuns(_ file: FileCheck) -> [[FileCheck.Good]] {
        var runs: [[FileCheck.Good]] = []
        for record in file.good {
            guard let seq = record.seq else { continue }
            if let last = runs.last?.last, let lastSeq = last.seq, seq == lastSeq + 1, !file.resumes.contains(record.offset) {
                runs[runs.count - 1].append(record)
            } else {
                runs.append([record])
            }
        }
        return runs
    }

    private static func segmentFiles(_ directory: String) throws(StoreError) -> [(UInt64, String)] {
        try Directory.list(directory).compactMap { name -> (UInt64, String)? in
            guard name.hasPrefix("events-"), name.hasSuffix(".log") else { return nil }
            let digits = name.dropFirst("events-".count).dropLast(".log".count)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let seq = UInt64(digits) else { return nil }
            return (seq, directory + "/" + name)
        }.sorted { $0.0 < $1.0 }
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    private static func copy(_ source: String, to target: String) throws(StoreError) {
        let from = try RecordFile(path: source, create: false)
        let out = try RecordFile(path: target)
        let size = try from.physicalSize()
        var offset = 0
        while offset < size {
            let chunk = try from.read(at: offset, count: min(1 << 20, size - offset))
            guard !chunk.isEmpty else { break }
            try out.append(chunk)
            offset += chunk.count
        }
        try out.sync()
    }

    /// Writes the good records of `check` to `tmp`, then renames it over `path`.
    private static func rewrite(_ path: String, keeping check: FileCheck, tmp: String) throws(StoreError) {
        try Directory.remove(tmp)
        try write(check.good, from: check, to: tmp)
        try Directory.rename(tmp, path)
    }

    private static func write(_ records: [FileCheck.Good], from check: FileCheck, to path: String) throws(StoreError) {
        let out = try RecordFile(path: path)
        if try out.physicalSize() != 0 { throw .store("a file of this name already has data", path) }
        var buf = RecordBuffer(reserving: 1 << 20)
        for record in records {
            buf.append(record: try check.file.read(at: record.offset, count: record.length))
            if buf.count >= 1 << 20 { try out.append(buf.bytes); buf = RecordBuffer(reserving: 1 << 20) }
        }
        try out.append(buf.bytes)
        try out.sync()
    }
}

/// What fsck needs from the journal's records, read without opening the journal (which would
/// change it): done articles with their seqs, and the highest seq.
/// The journal's runs of finished articles, every block read and checked.
private struct RunCheck {
    var entries = 0
    var damage: [String] = []
    var highestSeq: UInt64 = 0
    var readable: [SortedTable] = []
    /// Runs whose footer, fence or Bloom filter cannot be read: repair moves them aside.
    var unreadable: [String] = []

    init(directory: String) throws(StoreError) {
        let names = try Directory.list(directory).compactMap { n in RememberedRuns.generation(of: n).map { ($0, n) } }
        for (_, name) in names.sorted(by: { $0.0 < $1.0 }) {
            do throws(StoreError) {
                let run = try SortedTable(path: directory + "/" + name)
                highestSeq = max(highestSeq, RememberedRuns.Meta(run).highestSeq)
                readable.append(run)
            } catch {
                unreadable.append(name)
                damage.append("journal/\(name): \(error.description)")
            }
        }
        var count = 0
        let bad = try RememberedRuns.forEachLatest(readable, skipDamaged: true) { _, _ in count += 1 }
        entries = count
        damage += bad.map { "journal: \($0.description) (the articles of that block are accepted again if sent again)" }
    }

    /// Done articles of the runs (not also in `except`, the journal's own, which are newer)
    /// whose recorded seqs meet `ranges`.
    func doneArticles(withEventsIn ranges: [ClosedRange<UInt64>], except: Set<String>) -> [(id: String, name: String)] {
        guard !ranges.isEmpty else { return [] }
        var out: [(id: String, name: String)] = []
        _ = try? RememberedRuns.forEachLatest(readable, skipDamaged: true) { _, value in
            guard let a = RememberedArticle(decoding: value), case let .done(seqs?) = a.outcome, !except.contains(a.id),
                  ranges.contains(where: { $0.overlaps(seqs) }) else { return }
            out.append((a.id, a.name))
        }
        return out.sorted { $0.id < $1.id }
    }
}

private struct JournalFacts {
    struct Article { var name: String; var done = false; var seqs: ClosedRange<UInt64>?; var hasText = false }
    var articles: [String: Article] = [:]
    var highestSeq: UInt64 = 0

    mutating func take(_ kind: UInt8, _ payload: ArraySlice<UInt8>) {
        var r = PayloadReader(payload)
        guard let id = r.string() else { return }
        switch kind {
        case 1:  // accepted
            articles[id] = Article(name: r.string() ?? "", hasText: true)
        case 2:  // done
            var seqs: ClosedRange<UInt64>?
            if !r.isAtEnd, let a = r.u64(), let b = r.u64(), a <= b { seqs = a...b; highestSeq = max(highestSeq, b) }
            if articles[id]?.done == false { articles[id]!.done = true; articles[id]!.seqs = seqs }
        case 3:  // rejected
            articles[id]?.done = true
        case 4:  // remembered
            let name = r.string() ?? ""
            let outcome = r.u8()
            _ = r.optionalString()
            var seqs: ClosedRange<UInt64>?
            if !r.isAtEnd, let a = r.u64(), let b = r.u64(), a <= b { seqs = a...b; highestSeq = max(highestSeq, b) }
            articles[id] = Article(name: name, done: true, seqs: outcome == 1 ? seqs : nil)
        case 6:  // reopened
            if articles[id]?.hasText == true { articles[id]!.done = false; articles[id]!.seqs = nil }
        case 7:  // high water
            if let seq = r.u64() { highestSeq = max(highestSeq, seq) }
        default:
            break
        }
    }

    func doneArticles(withEventsIn ranges: [ClosedRange<UInt64>]) -> [(id: String, name: String)] {
        guard !ranges.isEmpty else { return [] }
        return articles.compactMap { id, a -> (id: String, name: String)? in
            guard a.done, let seqs = a.seqs, ranges.contains(where: { $0.overlaps(seqs) }) else { return nil }
            return (id, a.name)
        }.sorted { $0.id < $1.id }
    }
}
