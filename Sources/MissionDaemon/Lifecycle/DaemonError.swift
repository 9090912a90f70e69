import Glibc

/// Why the daemon could not start or go on, in plain words.
public struct DaemonError: Error, Sendable, CustomStringConvertible {
    public let description: String
    /// The errno of a failed system call (`system`), for callers that act on it.
    public private(set) var code: Int32?

    public init(_ description: String) { self.description = description }

    static func system(_ call: String, _ code: Int32, path: String? = nil) -> DaemonError {
        let subject = path.map { "\(call) \($0)" } ?? call
        var error = DaemonError("\(subject): \(String(cString: strerror(code)))")
        error.code = code
        return error
    }
}
