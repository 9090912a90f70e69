import Foundation
import Glibc
import Synchronization

/// How files are kept in done/ and quarantine/: under a generated name,
/// `<UTC time to the microsecond>-<counter>` (e.g. `20261202T193412.123456Z-17`), beside
/// small files `<stored>.name` (the original name, escaped: see `LogEscape`) and, in
/// quarantine/, `<stored>.reason`. The name is short ASCII whatever the original was (not
/// UTF-8, 255 bytes long, reused a thousand times), sorts by arrival, and is made without
/// looking at the directory: the counter makes it unique within a run and the time across
/// runs. Nothing is ever written over an existing file; should a name be taken after all
/// (a clock set back), the next one is used.
enum StoredFile {
    private static let counter = Atomic<UInt64>(0)
    /// Attempts before giving up on names that keep being taken (one is the rule).
    private static let attempts = 8

    /// A fresh stored name.
    static func nextName() -> String {
        let (base, nanoseconds) = UTCTime.now("%Y%m%dT%H%M%S")
        let micros = String(nanoseconds / 1000)
        let count = counter.add(1, ordering: .relaxed).newValue
        return base + "." + String(repeating: "0", count: 6 - micros.count) + micros + "Z-" + String(count)
    }

    /// The UTC time a stored name begins with (to the second); nil for another name.
    static func time(ofName name: String) -> Date? {
        let digits = Array(name.utf8.prefix(15))
        guard digits.count == 15, digits[8] == UInt8(ascii: "T") else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in digits[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int32(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8),
              let hour = number(9..<11), let minute = number(11..<13), let second = number(13..<15) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Date(timeIntervalSince1970: Double(timegm(&parts)))
    }

    /// Moves `source` into `directory` under a fresh name, its side files written first (so
    /// a stored file never lacks them). Returns the stored path.
    static func move(_ source: RawPath, into directory: String, sides: [(suffix: String, text: String)]) throws(DaemonError) -> String {
        try store(into: directory, sides: sides) { (path: String) throws(DaemonError) in try SafeFile.move(source, to: path) }
    }

    /// Writes `body` into `directory` under a fresh name, beside its side files.
    static func write(_ body: [UInt8], into directory: String, sides: [(suffix: String, text: String)]) throws(DaemonError) -> String {
        try store(into: directory, sides: sides) { (path: String) throws(DaemonError) in try SafeFile.writeNew(body, to: path) }
    }

    private static func store(into directory: String, sides: [(suffix: String, text: String)],
                              place: (String) throws(DaemonError) -> Void) throws(DaemonError) -> String {
        var attempt = 1
        while true {
            let path = directory + "/" + nextName()
            var written: [String] = []
            do {
                for side in sides {
                    try SafeFile.writeNew(Array((side.text + "\n").utf8), to: path + side.suffix)
                    written.append(path + side.suffix)
                }
                try place(path)
                return path
            } catch {
                for file in written { unlink(file) }
                guard error.errno == EEXIST, attempt < attempts else { throw error }
                attempt += 1
            }
        }
    }

    /// Space a file takes on disk (allocated blocks, not its length): what a full disk counts.
    static func diskBytes(_ path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_blocks) * 512 : 0
    }
}
