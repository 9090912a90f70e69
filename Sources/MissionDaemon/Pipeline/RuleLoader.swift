import Foundation
import MissionExtract

/// Reads the extractor's rule files (`RuleSet.fileNames`) from a directory.
package enum RuleLoader {
    package static func load(directory: String) throws(DaemonError) -> RuleSet {
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
}
