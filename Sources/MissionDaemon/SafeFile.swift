import Glibc

/// File operations the inbox needs, done without following symbolic links.
enum SafeFile {
    /// Which version of a file was read: a file replaced or rewritten since differs.
    struct Identity: Equatable {
        var device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int, modifiedNanoseconds: Int

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            modifiedSeconds = Int(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        }

        /// The identity of what is at `path` now (nil if nothing is).
        static func current(at path: String) -> Identity? {
            var info = stat()
            return lstat(path, &info) == 0 ? Identity(info) : nil
        }
    }

    enum ReadResult {
        case bytes([UInt8], Identity)
        /// The file cannot be taken; `reason` says why in plain words.
        case rejected(String)
        /// The name no longer exists (moved away or deleted meanwhile).
        case gone
    }

    /// Reads a regular file of at most `limit` bytes. Symbolic links and other non-regular
    /// files are rejected, never followed (lstat first, then O_NOFOLLOW against a race).
    static func readRegularFile(at path: String, limit: Int) -> ReadResult {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT ? .gone : .rejected("cannot stat: \(String(cString: strerror(errno)))")
        }
        if let reason = notRegular(info.st_mode) { return .rejected(reason) }
        if Int(info.st_size) > limit { return .rejected(tooLarge(Int(info.st_size), limit)) }

        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return .gone
            case ELOOP: return .rejected("symbolic link: not followed")
            default: return .rejected("cannot open: \(String(cString: strerror(errno)))")
            }
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return .rejected("cannot stat: \(String(cString: strerror(errno)))") }
        if let reason = notRegular(info.st_mode) { return .rejected(reason) }
        if Int(info.st_size) > limit { return .rejected(tooLarge(Int(info.st_size), limit)) }

        // Read to EOF, not just st_size bytes: the file may have grown since fstat.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit + 1 - bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + total, $0.count - total) }
            if count < 0 {
                if errno == EINTR { continue }
                return .rejected("cannot read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            total += count
            if total > limit { return .rejected("larger than the limit of \(limit) bytes") }
        }
        bytes.removeLast(bytes.count - total)
        return .bytes(bytes, Identity(info))
    }

    private static func notRegular(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFLNK: "symbolic link: not followed"
        case S_IFDIR: "a directory, not a regular file"
        default: "not a regular file"
        }
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> String {
        "\(size) bytes is over the limit of \(limit) bytes"
    }

    /// Moves `source` into `directory` under its own name, or `name.1`, `name.2`, … if taken.
    /// Returns the new path. Falls back to copy + unlink across file systems.
    static func move(_ source: String, into directory: String, name: String) throws(DaemonError) -> String {
        let target = freeName(in: directory, for: name)
        if rename(source, target) == 0 { return target }
        let code = errno
        guard code == EXDEV else { throw DaemonError.system("rename", code, path: "\(source) -> \(target)") }
        try copy(source, to: target)
        guard unlink(source) == 0 else { throw DaemonError.system("unlink", errno, path: source) }
        return target
    }

    /// Writes a small text file (a quarantine reason) in one go.
    static func writeText(_ text: String, to path: String) throws(DaemonError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DaemonError.system("open", errno, path: path) }
        defer { close(fd) }
        var text = text
        let written = text.withUTF8 { write(fd, $0.baseAddress, $0.count) }
        guard written == text.utf8.count else { throw DaemonError.system("write", errno, path: path) }
    }

    static func freeName(in directory: String, for name: String) -> String {
        var candidate = directory + "/" + name
        var info = stat()
        var suffix = 1
        while lstat(candidate, &info) == 0 {
            candidate = directory + "/" + name + ".\(suffix)"
            suffix += 1
        }
        return candidate
    }

    /// Byte copy that does not follow a symbolic link at `source` (it is copied as a link).
    private static func copy(_ source: String, to target: String) throws(DaemonError) {
        var info = stat()
        guard lstat(source, &info) == 0 else { throw DaemonError.system("lstat", errno, path: source) }
        if info.st_mode & S_IFMT == S_IFLNK {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(source, &buffer, buffer.count - 1)
            guard length >= 0 else { throw DaemonError.system("readlink", errno, path: source) }
            buffer[length] = 0
            guard symlink(buffer, target) == 0 else { throw DaemonError.system("symlink", errno, path: target) }
            return
        }
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard input >= 0 else { throw DaemonError.system("open", errno, path: source) }
        defer { close(input) }
        let output = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw DaemonError.system("open", errno, path: target) }
        defer { close(output) }
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw DaemonError.system("read", errno, path: source) }
            if count == 0 { break }
            let written = chunk.withUnsafeBytes { write(output, $0.baseAddress, count) }
            guard written == count else { throw DaemonError.system("write", errno, path: target) }
        }
        guard fsync(output) == 0 else { throw DaemonError.system("fsync", errno, path: target) }
    }
}
