#if canImport(Glibc)
import Glibc
#endif

/// A subscriber's durable position (`missiond subscribe --durable NAME`): one decimal seq in a
/// small file, replaced atomically (write tmp, fsync, rename, fsync dir) so a crash leaves the
/// old value or the new one, never a mix.
package struct CursorFile: Sendable {
    package let path: String

    package init(path: String) { self.path = path }

    /// The saved seq, or nil when there is none (or it is unreadable).
    package func load() -> UInt64? {
        let fd = retryingEINTR { open(path, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 64)
        var got = 0
        while got < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) }
            if n > 0 { got += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
        let text = String(decoding: bytes[..<got], as: UTF8.self).trimmedOfWhitespace()
        return UInt64(text)
    }

    package func save(_ seq: UInt64) throws(StoreError) {
        let dir = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let tmp = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = retryingEINTR { open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw .sys("open", tmp) }
        var ok = false
        defer { if !ok { unlink(tmp) } }
        let bytes = Array("\(seq)\n".utf8)
        let wrote = bytes.withUnsafeBytes { b in retryingEINTR { write(fd, b.baseAddress!, b.count) } }
        if wrote != bytes.count {
            let err = wrote < 0 ? StoreError.sys("write", tmp) : .sys("write", tmp, errno: EIO)
            close(fd)
            throw err
        }
        if retryingEINTR({ fsync(fd) }) != 0 { let err = StoreError.sys("fsync", tmp); close(fd); throw err }
        close(fd)
        try Directory.rename(tmp, path)
        ok = true
        try Directory.sync(dir.isEmpty ? "/" : dir)
    }
}

private extension String {
    func trimmedOfWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
