import ArgumentParser
import Foundation
import MissionDaemon
import MissionExtract

/// `missiond extract`: the daemon's stages, offline, over files. Events go to stdout as
/// JSON lines without `seq` (what shared/eval/score.py reads); problems go to stderr.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract mission events from files offline; print them as JSON lines."
    )

    @Argument(help: "Article files, or directories (walked in sorted order).")
    var paths: [String]
    @Option(help: "Directory of the extractor's rule files (default: the config's `rules:`, else the installed rules or the source tree's).")
    var rules: String?
    @Option(help: "A daemon config file: its rules, max_article_bytes and article_time_budget_ms apply (the flags win).")
    var config: String?
    @Option(help: "Refuse a file larger than this, as the daemon does (max_article_bytes; default: the config's, else the daemon's default).")
    var maxArticleBytes: Int?
    @Flag(help: "After each event, print on stderr which rule filled each slot, from which words.")
    var explain = false
    @Flag(help: "Before each file's events, print on stderr its sentences and the entities found in them.")
    var dump = false
    @Option(help: "Refuse a file the extractor is still reading after this many milliseconds (article_time_budget_ms); 0: no limit.")
    var timeBudgetMs: Int?

    func run() throws {
        let extractor: Extractor, ruleSet: RuleSet, settings: DaemonConfig
        do {
            settings = try config.map { path throws(DaemonError) in try DaemonConfig.load(path: path) } ?? DaemonConfig()
            ruleSet = try RuleLoader.load(directory: rules ?? settings.rules)
            extractor = Extractor(rules: ruleSet)
        } catch {
            printError("missiond extract: \(error)")
            throw ExitCode(2)
        }
        let sizeLimit = maxArticleBytes ?? settings.maxArticleBytes
        let timeBudgetMs = self.timeBudgetMs ?? settings.articleTimeBudgetMilliseconds
        var files: [String] = []
        for path in paths {
            do {
                files += try InputFiles.expand([path])
            } catch {
                printError("\(path): \(error)")
            }
        }
        var read = 0
        for file in files {
            let body: [UInt8]
            do {
                let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
                if size > sizeLimit {
                    read += 1
                    printError("\(file): rejected: \(ArticleSizeLimit.overLimit(size, sizeLimit))")
                    continue
                }
                body = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                printError("\(file): cannot read: \(error.localizedDescription)")
                continue
            }
            read += 1
            let name = URL(fileURLWithPath: file).lastPathComponent
            do {
                let budget = timeBudgetMs > 0 ? ExtractionBudget(limit: .milliseconds(timeBudgetMs)) : nil
                let document = try extractor.extract(ArticleInput(name: name, body: body, source: .cli), budget: budget)
                if dump { printError(document.debugDump() + document.debugTriggers(rules: ruleSet)) }
                let article = document.articleJSON()
                var lines = ""
                for event in document.events {
                    lines += event.json(seq: nil, article: article) + "\n"
                    if explain { printError("explain \(name) \(event.id): \(event.explainJSON())") }
                }
                FileHandle.standardOutput.write(Data(lines.utf8))
            } catch {
                printError("\(file): rejected: \(error.reason)")
            }
        }
        if read == 0 {
            printError("missiond extract: no file could be read")
            throw ExitCode.failure
        }
    }

    private func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
