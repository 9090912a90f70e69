import Foundation

/// When appended records are forced to stable storage.
package enum FsyncPolicy: Sendable, Equatable {
    /// fdatasync before every append returns / completes.
    case always
    /// Appends arriving within the window share one fdatasync (the journal); the event log,
    /// having a single writer, syncs once per `append` call: its batch is the group.
    case groupCommit(milliseconds: Int)
    /// Never sync: tests and benchmarks only; a crash of the machine may lose acknowledged data.
    case never

    /// Parses a config value: `always`, `never`, `group`, `group:5`, `group 5ms`, `group=5ms`.
    /// A bare `group` means 2 ms. Returns nil for anything else.
    package init?(configValue: String) {
        let v = configValue.trimmingCharacters(in: .whitespaces).lowercased()
        switch v {
        case "always": self = .always; return
        case "never": self = .never; return
        case "group", "groupcommit", "group-commit": self = .groupCommit(milliseconds: 2); return
        default: break
        }
        var rest: Substring
        if v.hasPrefix("group-commit") { rest = v.dropFirst("group-commit".count) }
        else if v.hasPrefix("groupcommit") { rest = v.dropFirst("groupcommit".count) }
        else if v.hasPrefix("group") { rest = v.dropFirst("group".count) }
        else { return nil }
        rest = rest.drop(while: { $0 == ":" || $0 == "=" || $0 == " " || $0 == "\t" })
        if rest.hasSuffix("ms") { rest = rest.dropLast(2) }
        rest = Substring(rest.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let ms = Int(rest), ms <= 10_000 else {
            return nil
        }
        self = .groupCommit(milliseconds: ms)
    }
}
