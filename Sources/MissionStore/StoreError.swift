#if canImport(Glibc)
import Glibc
#endif

/// A storage failure, described for an operator: what was being done, to which path, and why
/// (the strerror text when the kernel said no).
package struct StoreError: Error, Sendable, CustomStringConvertible {
    package var description: String
    /// The file or directory concerned.
    package var path: String
    /// The errno value when a system call failed (EFBIG, ENOSPC, EIO…), otherwise 0.
    package var code: Int32

    /// A failed system call: reads `errno` now, so call it right after the failing call.
    static func sys(_ operation: String, _ path: String, errno err: Int32 = errno) -> StoreError {
        let text = String(cString: strerror(err))
        return StoreError(description: "\(operation) \(path): \(text) (errno \(err))", path: path, code: err)
    }

    /// A failure the kernel did not report: corruption, bad arguments, a closed store.
    static func store(_ message: String, _ path: String) -> StoreError {
        StoreError(description: "\(message): \(path)", path: path, code: 0)
    }
}
