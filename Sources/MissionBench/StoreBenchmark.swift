import Foundation
import MissionStore
import Synchronization

/// `missiond bench --storage`: appends and reads against real files in `directory`
/// (a fresh sub-directory is used and removed afterwards). Returns a readable report.
package enum StoreBenchmark {
    package static func run(directory: String, articles: Int) -> String {
        let n = max(1, articles)
        let root = directory + "/store-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var lines = ["storage benchmark: \(n) articles of 5 KB, directory \(directory)"]
        do throws(StoreError) {
            try Directory.create(root)
            defer { removeTree(root) }
            lines.append(try journalAsync(root + "/j-group", n, .groupCommit(milliseconds: 2), producers: 4))
            lines.append(try journalSync(root + "/j-always", min(n, 500), .always))
            lines.append(try journalAsync(root + "/j-never", n, .never, producers: 1))
            let events = max(n * 5, 10_000)
            lines.append(try eventAppend(root + "/e-never-1", events, batch: 1, .never))
            lines.append(try eventAppend(root + "/e-never-10", events, batch: 10, .never))
            lines.append(try eventAppend(root + "/e-group-10", min(events, 20_000), batch: 10, .groupCommit(milliseconds: 2)))
            lines.append(try eventRead(root + "/e-never-10"))
        } catch {
            lines.append("failed: \(error.description)")
        }
        return lines.joined(separator: "\n")
    }

    /// About 5 KB of article-like text, shared by every article (only the id differs).
    private static let articleText: String = {
        let words = ["delegation", "trade", "fair", "orders", "signed", "province", "enterprises", "charter",
                     "flight", "Germany", "France", "billion", "yuan", "commerce", "department", "overseas"]
        var s = ""
        var i = 0
        while s.utf8.count < 5 * 1024 { s += words[(i * 7 + i / 3) % words.count] + (i % 17 == 16 ? ".\n" : " "); i += 1 }
        return s
    }()

    private static func article(_ i: Int) -> JournaledArticle {
        JournaledArticle(articleID: "sha256:bench\(i)", name: "bench-\(i).txt", source: "cli",
                         published: "2022-12-26", sourceURL: nil, text: articleText)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    private static func rate(_ count: Int, _ secs: Double) -> String {
        String(format: "%.0f/s", Double(count) / max(secs, 1e-9))
    }

    /// Many appends in flight (as from a pipelining DEALER client), completions counted.
    private static func journalAsync(_ dir: String, _ n: Int, _ policy: FsyncPolicy, producers: Int) throws(StoreError) -> String {
        let journal = try ArticleJournal(directory: dir, fsync: policy)
        defer { journal.close() }
        let remaining = Atomic<Int>(n)
        let failures = Atomic<Int>(0)
        let allDone = DispatchSemaphore(value: 0)
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: producers) { p in
            var i = p
            while i < n {
                journal.append(article(i)) { r in
                    if case .failure = r { failures.add(1, ordering: .relaxed) }
                    if remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { allDone.signal() }
                }
                i += producers
            }
        }
        allDone.wait()
        let secs = seconds(since: start)
        return "journal append \(policy), \(producers) producers: \(n) in \(String(format: "%.3f", secs)) s = \(rate(n, secs)), "
            + "\(journal.syncCount) fdatasyncs, \(failures.load(ordering: .relaxed)) failures, \(journal.sizeBytes / 1024) KiB"
    }

    private static func journalSync(_ dir: String, _ n: Int, _ policy: FsyncPolicy) throws(StoreError) -> String {
        let journal = try ArticleJournal(directory: dir, fsync: policy)
        defer { journal.close() }
        let start = ContinuousClock.now
        for i in 0..<n { _ = try journal.append(article(i)) }
        let secs = seconds(since: start)
        return "journal append \(policy), 1 thread, synchronous: \(n) in \(String(format: "%.3f", secs)) s = \(rate(n, secs)) "
            + String(format: "(%.2f ms each)", secs * 1000 / Double(n))
    }

    private static func eventAppend(_ dir: String, _ n: Int, batch: Int, _ policy: FsyncPolicy) throws(StoreError) -> String {
        let log = try EventLog(directory: dir, fsync: policy, retention: .unlimited)
        defer { log.close() }
        let json = String(repeating: "x", count: 600)
        let start = ContinuousClock.now
        var i = 0
        while i < n {
            let events = (i..<min(n, i + batch)).map { k in
                PendingEvent(id: "evt_\(k)") { seq in "{\"seq\":\(seq),\"id\":\"evt_\(k)\",\"pad\":\"\(json)\"}" }
            }
            _ = try log.append(events)
            i += batch
        }
        let secs = seconds(since: start)
        return "event append \(policy), batches of \(batch): \(n) in \(String(format: "%.3f", secs)) s = \(rate(n, secs)), "
            + "\(log.syncCount) fdatasyncs, \(log.sizeBytes / 1024) KiB"
    }

    private static func eventRead(_ dir: String) throws(StoreError) -> String {
        let opening = ContinuousClock.now
        let log = try EventLog(directory: dir, fsync: .never, retention: .unlimited)
        let openSecs = seconds(since: opening)
        defer { log.close() }
        let start = ContinuousClock.now
        var after: UInt64 = 0
        var count = 0
        while case let .events(events, more) = log.read(after: after, max: 1000) {
            count += events.count
            after = events.last?.seq ?? after
            if !more { break }
        }
        let secs = seconds(since: start)
        return "event log reopen (scan + index) \(String(format: "%.3f", openSecs)) s; replay in pages of 1000: "
            + "\(count) in \(String(format: "%.3f", secs)) s = \(rate(count, secs))"
    }

    /// Removes the benchmark's own directories (files one level down, then the directories).
    private static func removeTree(_ path: String) {
        guard let names = try? Directory.list(path) else { return }
        for name in names {
            let p = path + "/" + name
            if unlink(p) != 0 { removeTree(p) }
        }
        rmdir(path)
    }
}
