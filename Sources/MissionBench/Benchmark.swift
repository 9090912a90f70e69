import Foundation
import MissionDaemon
import MissionExtract

/// `missiond bench`: extraction speed, end-to-end throughput, latency and daemon memory,
/// measured in one run (the command line only fills in these settings).
package struct Benchmark {
    package var articles = 5000
    package var articleBytes = 5000
    /// The sample articles the corpus is made from.
    package var seeds = "seeds"
    /// Empty: found as the daemon finds them.
    package var rules = ""
    package var rate = 1000
    package var latencySeconds = 5
    package var portBase = 27560
    package var daemonConfig: String?
    package var extractionOnly = false
    /// Articles the daemon's state already holds when the end-to-end runs start (0: a fresh state).
    package var history = 0
    /// The end-to-end state, kept afterwards; nil: a temporary one, removed.
    package var stateDirectory: String?
    /// Lists the sample files of `seeds` (the command line's own file walker).
    package var sampleFiles: () throws -> [String]

    package init(sampleFiles: @escaping () throws -> [String]) { self.sampleFiles = sampleFiles }

    package func run() throws {
        let rules = self.rules.isEmpty ? try RuleLoader.locate() : self.rules
        let ruleSet = try RuleLoader.load(directory: rules)
        let seedFiles = try sampleFiles()
        let corpus = try BenchCorpus(files: seedFiles, seedDirectory: seeds, count: articles, targetBytes: articleBytes, tag: "x\(getpid())")
        let megabytes = Double(corpus.totalBytes) / 1_000_000
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.cpuModel())")
        print("corpus: \(corpus.articles.count) articles, \(String(format: "%.1f", megabytes)) MB")

        // 1. Extraction, one thread: CPU seconds are the per-core figure. A short untimed pass
        // first, as a long-running daemon would be: lazy tables, libcrypto and the heap warmed.
        let extractor = Extractor(rules: ruleSet)
        for article in corpus.articles.prefix(200) {
            _ = try? extractor.extract(ArticleInput(name: article.name, body: article.body, source: .cli))
        }
        var events = 0, rejected = 0
        let cpuStart = Self.cpuSeconds(), wallStart = Date()
        for article in corpus.articles {
            do {
                events += try extractor.extract(ArticleInput(name: article.name, body: article.body, source: .cli)).events.count
            } catch {
                rejected += 1
            }
        }
        let cpu = Self.cpuSeconds() - cpuStart, wall = Date().timeIntervalSince(wallStart)
        let offlineRate = Double(corpus.articles.count) / cpu
        print(String(format: "extraction: %.1f MB/s per core, %.0f articles/s per CPU-second (%.2f s CPU, %.2f s wall, %d events, %d rejected)",
                     megabytes / cpu, offlineRate, cpu, wall, events, rejected))
        let grepSeconds = try Self.timeGrep(corpus)
        print(String(format: "grep -c -E over the same bytes: %.1f MB/s (%.3f s)", megabytes / grepSeconds, grepSeconds))
        if extractionOnly { return }

        // 2. End to end through a real daemon, default fsync policy.
        let state = stateDirectory ?? NSTemporaryDirectory() + "missiond-bench-\(getpid())"
        defer { if stateDirectory == nil { try? FileManager.default.removeItem(atPath: state) } }
        let marker = state + "/bench-history"
        let held = (try? String(contentsOfFile: marker, encoding: .utf8)).flatMap { Int($0) } ?? 0
        if history > held {
            try fillHistory(state: state, from: held, rules: rules, seedFiles: seedFiles)
            try String(history).write(toFile: marker, atomically: true, encoding: .utf8)
        } else if history > 0 {
            print("history: \(state) already holds \(held) articles")
        }
        let launched = Date()
        let daemon = try BenchDaemon(executable: RuleLoader.executablePath(), rules: rules, state: state,
                                     portBase: portBase, extraArguments: daemonConfig.map { ["--config", $0] } ?? [])
        var stopped = false
        defer { if !stopped { _ = daemon.stop() } }
        try daemon.warmUp(corpus.articles[0])
        if history > 0 {
            let answered = daemon.firstReplyAt.map { $0.timeIntervalSince(launched) } ?? .nan
            print(String(format: "  with %d articles of history: start → first article journaled and answered %.3f s, resident memory then %.1f MiB (peak %.1f MiB)",
                         history, answered, Double(daemon.residentBytes()) / 1_048_576, Double(daemon.peakResidentBytes()) / 1_048_576))
        }
        let e2eStart = Date(), daemonCPUStart = daemon.cpuSeconds(), clientCPUStart = Self.cpuSeconds()
        // The longest wait between two article.done messages: what a stall (a compaction under a
        // lock, a pause) would show as.
        var lastDone = DispatchTime.now().uptimeNanoseconds, longestGap: UInt64 = 0
        try daemon.pump(corpus.articles, window: 512, onDone: { _ in
            let now = DispatchTime.now().uptimeNanoseconds
            longestGap = max(longestGap, now - lastDone)
            lastDone = now
        })
        let e2eSeconds = Date().timeIntervalSince(e2eStart)
        let daemonCPU = daemon.cpuSeconds() - daemonCPUStart, clientCPU = Self.cpuSeconds() - clientCPUStart
        let e2eRate = Double(corpus.articles.count) / e2eSeconds
        print(String(format: "end to end: %.0f articles/s (%d articles in %.2f s, acknowledged durably and published), %.0f %% of the offline rate",
                     e2eRate, corpus.articles.count, e2eSeconds, 100 * e2eRate / offlineRate))
        print(String(format: "  CPU per article: daemon %.0f µs (offline extraction %.0f µs), this client %.0f µs; %.2f of %d cores used",
                     1e6 * daemonCPU / Double(corpus.articles.count), 1e6 / offlineRate,
                     1e6 * clientCPU / Double(corpus.articles.count), (daemonCPU + clientCPU) / e2eSeconds,
                     ProcessInfo.processInfo.activeProcessorCount))
        print(String(format: "  longest wait between two article.done: %.1f ms", Double(longestGap) / 1e6))

        // 3. Latency at a steady rate, on articles the daemon has not seen.
        let steady = try BenchCorpus(files: seedFiles, seedDirectory: seeds, count: rate * latencySeconds, targetBytes: articleBytes, tag: "l\(getpid())")
        var sentAt: [String: UInt64] = [:]
        var latencies: [Double] = []
        latencies.reserveCapacity(steady.articles.count)
        try daemon.pump(steady.articles, window: 100_000, pace: 1 / Double(rate),
                        onSend: { sentAt[$0] = DispatchTime.now().uptimeNanoseconds },
                        onDone: { name in
                            if let start = sentAt[name] {
                                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                            }
                        })
        latencies.sort()
        var inside = daemon.daemonMilliseconds.suffix(steady.articles.count).sorted()
        if inside.isEmpty { inside = [0] }
        func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
        print(String(format: "latency at %d articles/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d articles)",
                     rate, percentile(0.5), percentile(0.99), latencies.last ?? 0, latencies.count))
        print(String(format: "  of which inside the daemon (article.done ms): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                     inside[inside.count / 2], inside[min(inside.count - 1, Int(Double(inside.count) * 0.99))], inside.last ?? 0))

        // 4. Memory.
        let peak = daemon.peakResidentBytes()
        stopped = true
        let status = daemon.stop()
        print(String(format: "daemon peak resident memory: %.1f MiB (exit status %d)", Double(peak) / 1_048_576, status))
    }

    package static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }


    static func cpuModel() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line.map { $0.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "" } ?? "unknown CPU"
    }

    /// One `grep -c -E` pass over the corpus written to a file: a floor for "reading the bytes".
    static func timeGrep(_ corpus: BenchCorpus) throws -> Double {
        let path = NSTemporaryDirectory() + "missiond-bench-corpus-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(corpus.totalBytes)
        for article in corpus.articles { bytes.append(contentsOf: article.body) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let grep = Process()
        grep.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        grep.arguments = ["grep", "-c", "-E", "delegation|charter flights?|trade (fair|show)s?|signed [0-9]+", path]
        grep.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let start = Date()
        try grep.run()
        grep.waitUntilExit()
        return Date().timeIntervalSince(start)
    }

    /// Journals `history` distinct articles into `state` through a daemon of its own (fsync
    /// never: the figures are about what the state holds, not how fast it was filled), in
    /// chunks, so the bench never holds them all in memory.
    private func fillHistory(state: String, from held: Int, rules: String, seedFiles: [String]) throws {
        let config = NSTemporaryDirectory() + "missiond-bench-history-\(getpid()).yml"
        try "fsync: never\n".write(toFile: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let started = Date()
        let filler = try BenchDaemon(executable: RuleLoader.executablePath(), rules: rules, state: state,
                                     portBase: portBase + 10, extraArguments: ["--config", config])
        defer { _ = filler.stop() }
        var filled = held
        while filled < history {
            let chunk = try BenchCorpus(files: seedFiles, seedDirectory: seeds, count: min(10_000, history - filled),
                                        targetBytes: articleBytes, tag: "h\(filled)")
            if filled == held { try filler.warmUp(chunk.articles[0]) }
            try filler.pump(chunk.articles, window: 512)
            filled += chunk.articles.count
        }
        print(String(format: "history: %d articles journaled and published in %.1f s (fsync never), then the daemon stopped",
                     filled, Date().timeIntervalSince(started)))
    }
}
