import Glibc

/// The wall clock in UTC, formatted with strftime, for log lines and stored names.
enum UTCTime {
    /// Now as `format` (strftime, whole seconds) and the nanoseconds past that second.
    static func now(_ format: String) -> (text: String, nanoseconds: Int) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var parts = tm()
        var seconds = now.tv_sec
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let length = strftime(&buffer, buffer.count, format, &parts)
        return (String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self), Int(now.tv_nsec))
    }
}
