import Glibc

/// Why the daemon could not start or go on. Callers match `code` (`error.code == .config`),
/// never the words; `message` is for a person; `errno` is set for a failed system call;
/// `file`/`line` say where it was raised (shown by `debugDescription`, not in logs).
package struct DaemonError: Error, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// What went wrong, as a value a caller can switch on. A struct with static members rather
    /// than a public enum, so that a new code is not a breaking change (swift-service-lifecycle's shape).
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable {
            case config, rules, state, socket, address, curve, metrics, http, system
        }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }
        package var description: String { kind.rawValue }

        /// A config key or command-line value is missing, unknown or out of range.
        package static let config = Code(.config)
        /// The extraction rules cannot be read or do not fit the running pipeline.
        package static let rules = Code(.rules)
        /// The state directory (journal, event log) is damaged or cannot be used.
        package static let state = Code(.state)
        /// A ZeroMQ socket cannot be made, bound or used.
        package static let socket = Code(.socket)
        /// A host or address is not valid, not resolvable, or not allowed.
        package static let address = Code(.address)
        /// The CurveZMQ settings or key files are wrong.
        package static let curve = Code(.curve)
        /// The metrics server cannot start.
        package static let metrics = Code(.metrics)
        /// An HTTP exchange with a metrics server failed (`missiond status`).
        package static let http = Code(.http)
        /// A system call failed: `errno` says why.
        package static let system = Code(.system)
    }

    package let code: Code
    package let message: String
    /// The errno of a failed system call (code `.system`).
    package let errno: Int32?
    package let file: String
    package let line: UInt

    package var description: String { message }
    package var debugDescription: String { "DaemonError.\(code) at \(file):\(line): \(message)" }

    package init(_ code: Code, _ message: String, errno: Int32? = nil, file: String = #fileID, line: UInt = #line) {
        self.code = code
        self.message = message
        self.errno = errno
        self.file = file
        self.line = line
    }

    /// `call` (on `path`) failed with `code`: the message is strerror's words.
    package static func system(_ call: String, _ code: Int32, path: String? = nil,
                               file: String = #fileID, line: UInt = #line) -> DaemonError {
        let subject = path.map { "\(call) \($0)" } ?? call
        return DaemonError(.system, "\(subject): \(String(cString: strerror(code)))", errno: code, file: file, line: line)
    }
}
