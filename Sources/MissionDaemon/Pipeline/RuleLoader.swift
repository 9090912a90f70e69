import Foundation
import MissionExtract

/// Reads the extractor's rule files (`RuleSet.fileNames`) from a directory, and finds that
/// directory when none is named.
package enum RuleLoader {
    /// `directory` empty: the first of `searchPlaces()` that holds the rules.
    package static func load(directory: String) throws(DaemonError) -> RuleSet {
        let directory = directory.isEmpty ? try locate() : directory
        var files: [String: String] = [:]
        for name in RuleSet.fileNames {
            let path = directory + "/" + name
            do {
                files[name] = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw DaemonError(.rules, "rules: cannot read \(path) (set --rules or `rules:` in the config)")
            }
        }
        do {
            return try RuleSet(files: files)
        } catch {
            throw DaemonError(.rules, "rules in \(directory): \(error.description)")
        }
    }

    /// Where rules are looked for when neither `--rules` nor the config's `rules:` names them,
    /// in order: installed beside the binary (`<prefix>/bin/missiond` →
    /// `<prefix>/share/missiond/rules`), `/etc/missiond/rules`, then a source tree: the
    /// working directory's `Config/rules`, and the `Config/rules` of the checkout the binary
    /// was built in (`<checkout>/.build/release/missiond`).
    package static func searchPlaces(executable: String = executablePath(),
                                     workingDirectory: String = FileManager.default.currentDirectoryPath) -> [String] {
        let binDirectory = URL(fileURLWithPath: executable).deletingLastPathComponent()
        var places = [
            binDirectory.appendingPathComponent("../share/missiond/rules").standardizedFileURL.path,
            "/etc/missiond/rules",
            URL(fileURLWithPath: workingDirectory).appendingPathComponent("Config/rules").standardizedFileURL.path,
        ]
        // The checkout: the nearest parent of the binary with Config/rules (at most 4 levels up).
        var directory = binDirectory
        for _ in 0..<4 {
            directory = directory.deletingLastPathComponent()
            let candidate = directory.appendingPathComponent("Config/rules").standardizedFileURL.path
            if holdsRules(candidate) { places.append(candidate); break }
        }
        var seen = Set<String>()
        return places.filter { seen.insert($0).inserted }
    }

    /// The first search place that holds the rules; the error names every place looked in.
    package static func locate(in places: [String] = searchPlaces()) throws(DaemonError) -> String {
        if let found = places.first(where: holdsRules) { return found }
        throw DaemonError(.rules, "rules: none found; looked in \(places.joined(separator: ", ")) (set --rules or `rules:` in the config)")
    }

    static func holdsRules(_ directory: String) -> Bool {
        RuleSet.fileNames.allSatisfy { FileManager.default.isReadableFile(atPath: directory + "/" + $0) }
    }

    package static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }
}
