import ArgumentParser
import Foundation
import MissionBench
import MissionDaemon
import MissionExtract
import MissionStore

/// `missiond bench`: the speed and memory figures of issue 5, measured in one run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure extraction speed, end-to-end throughput, latency and daemon memory.",
        discussion: """
            1. extraction: the offline stages over a generated corpus (distinct articles made from \
            the samples; the first 200 run once untimed as a warm-up), MB/s and articles/s per \
            CPU-second, beside one `grep -c -E` pass over the \
            same bytes; 2. end to end: a real `missiond run` child with the default fsync policy, fed \
            over tcp loopback by a pipelining client, counted on a SUB as article.done; 3. latency \
            at a steady rate: send → article.done, p50/p99/max; 4. the daemon's peak resident memory.
            """
    )

    @Option(help: "Articles in the generated corpus.")
    var articles = 5000

    @Option(help: "Size of each generated article in bytes.")
    var articleBytes = 5000

    @Option(help: "Directory of sample articles the corpus is made from.")
    var seeds = "seeds"

    @Option(help: "Directory of extraction rules (default: the installed rules or the source tree's).")
    var rules = ""

    @Option(help: "Articles per second for the latency run.")
    var rate = 1000

    @Option(help: "Seconds of the latency run.")
    var latencySeconds = 5

    @Option(help: "First of three loopback ports for the daemon.")
    var portBase = 27560

    @Option(help: "A config file for the daemon under test (default: built-in defaults, as a fresh install).")
    var daemonConfig: String?

    @Option(help: "Articles the daemon's state holds before the end-to-end runs (filled first, fsync never): start-up time, memory and throughput with a history.")
    var history = 0

    @Option(name: .customLong("state"), help: "The end-to-end state directory, kept afterwards (with --history: filled if it holds fewer articles); default a temporary one, removed.")
    var stateDirectory: String?

    @Flag(help: "Only the extraction figures (no daemon).")
    var extractionOnly = false

    @Flag(help: "Only the storage figures: journal and event-log appends and reads on real files in the temporary directory.")
    var storage = false

    @Flag(help: "Only the extractor's cost per MB at 5 KB to 5 MB, for news text and hostile shapes (linear: the same at every size).")
    var scaling = false

    func run() throws {
        if storage {
            print(StoreBenchmark.run(directory: NSTemporaryDirectory(), articles: articles))
            return
        }
        if scaling {
            let directory = rules.isEmpty ? try RuleLoader.locate() : rules
            let extractor = Extractor(rules: try RuleLoader.load(directory: directory))
            try ScalingBenchmark(extractor: extractor, sampleFiles: try InputFiles.expand([seeds])).run()
            return
        }
        var benchmark = Benchmark(sampleFiles: { [seeds] in try InputFiles.expand([seeds]) })
        benchmark.articles = articles
        benchmark.articleBytes = articleBytes
        benchmark.seeds = seeds
        benchmark.rules = rules
        benchmark.rate = rate
        benchmark.latencySeconds = latencySeconds
        benchmark.portBase = portBase
        benchmark.daemonConfig = daemonConfig
        benchmark.extractionOnly = extractionOnly
        benchmark.history = history
        benchmark.stateDirectory = stateDirectory
        try benchmark.run()
    }
}

