import Dispatch
import Glibc

/// `<state>/quarantine/`: articles that cannot be processed, each beside a `<name>.reason`.
/// Inbox files are moved in (no new disk space; always kept). Bodies received on the
/// socket are written, but only while the folder holds less than `maxBytes`, so a client
/// sending bad articles cannot fill the disk; past that only the reason is logged and
/// published. Owned by the intake thread.
final class Quarantine {
    let directory: String
    var maxBytes: Int
    /// What the folder holds, as last measured plus what was added since.
    private(set) var usedBytes = 0
    private var lastMeasured: DispatchTime = .now()

    enum Outcome: Equatable {
        case kept(path: String)
        /// Not kept, and why (for the `article.rejected` event and the log).
        case notKept(String)
    }

    init(directory: String, maxBytes: Int) {
        self.directory = directory
        self.maxBytes = maxBytes
        measure()
    }

    /// Moves an inbox file in and writes its reason; returns the path it has there.
    func moveIn(_ source: String, name: String, reason: String) throws(DaemonError) -> String {
        let path = try SafeFile.move(source, into: directory, name: name)
        try SafeFile.writeText(reason + "\n", to: path + ".reason")
        usedBytes += Self.size(of: path) + reason.utf8.count + 1
        return path
    }

    /// Writes only a reason file, `<label>: reason` (`--once`, where files stay in place).
    func noteOnly(name: String, label: String, reason: String) throws(DaemonError) {
        let text = "\(label): \(reason)\n"
        try SafeFile.writeText(text, to: SafeFile.freeName(in: directory, for: name + ".reason"))
        usedBytes += text.utf8.count
    }

    /// Keeps a body received on the socket under a file name made from the client's `name`.
    func keep(body: [UInt8], name: String, reason: String) -> Outcome {
        let needed = body.count + reason.utf8.count + 1
        if usedBytes + needed > maxBytes {
            // The operator may have cleared the folder since: measure again, at most every 10 s.
            if DispatchTime.now().uptimeNanoseconds - lastMeasured.uptimeNanoseconds > 10_000_000_000 { measure() }
            guard usedBytes + needed <= maxBytes else {
                return .notKept("body not kept: the quarantine holds \(usedBytes) bytes and its limit is \(maxBytes) (quarantine_max_bytes)")
            }
        }
        let path = SafeFile.freeName(in: directory, for: Self.fileName(forClientName: name))
        do {
            try Self.writeNew(body, to: path)
            try SafeFile.writeText(reason + "\n", to: path + ".reason")
        } catch {
            return .notKept("body not kept: \(error.description)")
        }
        usedBytes += needed
        return .kept(path: path)
    }

    /// A client's name made safe as a file name: no `/`, no leading `.`, no control
    /// characters, at most 100 bytes.
    static func fileName(forClientName name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+=@,".unicodeScalars)
        var safe = String(String.UnicodeScalarView(name.unicodeScalars.map { allowed.contains($0) ? $0 : "_" }))
        while safe.hasPrefix(".") { safe.removeFirst() }
        safe = String(safe.prefix(100))  // ASCII only by now: 100 characters are 100 bytes
        return safe.isEmpty ? "unnamed" : safe
    }

    private func measure() {
        lastMeasured = .now()
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        var total = 0
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { total += Self.size(of: directory + "/" + name) }
        }
        usedBytes = total
    }

    private static func size(of path: String) -> Int {
        var info = stat()
        return lstat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// A new file of mode 0600 (never through a symbolic link, never over another file).
    private static func writeNew(_ bytes: [UInt8], to path: String) throws(DaemonError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DaemonError.system("open", errno, path: path) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw DaemonError.system("write", errno, path: path)
            }
            offset += written
        }
    }
}
