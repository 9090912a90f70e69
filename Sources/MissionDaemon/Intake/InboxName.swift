import Logging

/// A file name in the inbox, as the bytes the directory holds: Linux names need not be
/// UTF-8, and such a file is an article like any other.
struct InboxName: Hashable, Sendable {
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }
    init(_ text: String) { self.bytes = Array(text.utf8) }

    /// The name in events and in the pipeline: the name itself when it is UTF-8 (almost
    /// always), else with U+FFFD for the bytes that are not. The exact bytes are in the log
    /// lines about the file and in its `.name` file in done/ or quarantine/.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// For log metadata: escaped from the exact bytes (`\xff`, `\n`, …).
    var logValue: Logger.MetadataValue { .stringConvertible(LogBytes(bytes: bytes)) }

    /// The exact name, escaped so it is reversible and fits on one line (the `.name` files).
    var escaped: String { LogEscape.escape(bytes: bytes) }

    /// Names that are not articles yet: hidden files and files still being written.
    var isEligible: Bool {
        guard let first = bytes.first, first != UInt8(ascii: ".") else { return false }
        return !hasSuffix(".tmp") && !hasSuffix(".part")
    }

    private func hasSuffix(_ suffix: String) -> Bool {
        let tail = Array(suffix.utf8)
        return bytes.count >= tail.count && Array(bytes.suffix(tail.count)) == tail
    }
}

/// A path as NUL-terminated bytes for the C calls, so a name that is not UTF-8 is reached
/// exactly; `description` is escaped for messages.
struct RawPath: CustomStringConvertible, Sendable {
    /// Without the terminating NUL.
    let bytes: [UInt8]

    init(_ path: String) { bytes = Array(path.utf8) }
    init(directory: String, name: InboxName) { bytes = Array(directory.utf8) + [UInt8(ascii: "/")] + name.bytes }

    func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        try (bytes + [0]).withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress!) }
        }
    }

    var description: String { LogEscape.escape(bytes: bytes) }
}
