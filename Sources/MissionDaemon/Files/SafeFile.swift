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
        static func current(at path: RawPath) -> Identity? {
            var info = stat()
            return path.withCString { lstat($0, &info) } == 0 ? Identity(info) : nil
        }
    }

    enum ReadResult {
        case bytes([UInt8], Identity)
        /// The file cannot be taken, ever; `reason` says why in plain words.
        case rejected(String)
        /// It cannot be read now for a reason that passes (no file descriptor or memory
        /// left, an I/O error): try again later, it is not the file's fault.
        case unavailable(reason: String, code: Int32)
        /// Its size or modification time changed while it was read: still being written.
        case changing
        /// The name no longer exists (moved away or deleted meanwhile).
        case gone
    }

    /// Errors that say nothing about the file itself. EIO is among them: a device or network
    /// file system hiccup must not move a good file out of the inbox (the caller bounds how
    /// often it tries again before it gives up on the file).
    static func isTransient(_ code: Int32) -> Bool {
        [EMFILE, ENFILE, ENOMEM, ENOBUFS, EAGAIN, EWOULDBLOCK, EINTR, EIO].contains(code)
    }

    static func readRegularFile(at path: String, limit: Int) -> ReadResult {
        readRegularFile(at: RawPath(path), limit: limit)
    }

    /// Reads a regular file of at most `limit` bytes. Symbolic links and other non-regular
    /// files are rejected, never followed (lstat first, then O_NOFOLLOW against a race).
    static func readRegularFile(at path: RawPath, limit: Int) -> ReadResult {
        var info = stat()
        guard path.withCString({ lstat($0, &info) }) == 0 else { return failure("cannot stat", errno) }
        if let reason = notRegular(info.st_mode) { return .rejected(reason) }
        if Int(info.st_size) > limit { return .rejected(tooLarge(Int(info.st_size), limit)) }

        var fd: Int32
        repeat {
            fd = path.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK) }
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            return errno == ELOOP ? .rejected("symbolic link: not followed") : failure("cannot open", errno)
        }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { return failure("cannot stat", errno) }
        if let reason = notRegular(info.st_mode) { return .rejected(reason) }
        if Int(info.st_size) > limit { return .rejected(tooLarge(Int(info.st_size), limit)) }
        let before = Identity(info)

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
                return failure("cannot read", errno)
            }
            if count == 0 { break }
            total += count
            if total > limit { return .rejected("larger than the limit of \(limit) bytes") }
        }
        // Changed while read (a writer still at it): what was read is a fragment.
        guard fstat(fd, &info) == 0 else { return failure("cannot stat", errno) }
        guard Identity(info) == before, total == Int(before.size) else { return .changing }
        bytes.removeLast(bytes.count - total)
        return .bytes(bytes, before)
    }

    private static func failure(_ what: String, _ code: Int32) -> ReadResult {
        let reason = "\(what): \(String(cString: strerror(code)))"
        if code == ENOENT { return .gone }
        return isTransient(code) ? .unavailable(reason: reason, code: code) : .rejected(reason)
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
        ArticleSizeLimit.overLimit(size, limit)
    }

    /// Moves `source` to `target`, never over an existing file (EEXIST instead). Falls back
    /// to copy + unlink across file systems.
    static func move(_ source: RawPath, to target: String) throws(DaemonError) {
        try move(source, to: RawPath(target))
    }

    static func move(_ source: RawPath, to target: RawPath) throws(DaemonError) {
        let renamed = source.withCString { from in target.withCString { to in renameNoReplace(from, to) } }
        if renamed == 0 { return }
        let code = errno
        guard code == EXDEV else { throw DaemonError.system("rename", code, path: "\(source) -> \(target)") }
        try copy(source, to: target)
        guard source.withCString({ unlink($0) }) == 0 else { throw DaemonError.system("unlink", errno, path: source.description) }
    }

    private typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's renameat2, which Swift's Glibc module does not import.
    private static let renameat2: Renameat2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: Renameat2.self) }

    /// rename(2) that refuses to replace `target` (RENAME_NOREPLACE); where the file system
    /// cannot do that, a check just before a plain rename (the names are fresh, see StoredFile).
    private static func renameNoReplace(_ source: UnsafePointer<CChar>, _ target: UnsafePointer<CChar>) -> Int32 {
        let noReplace: UInt32 = 1  // RENAME_NOREPLACE
        if let renameat2 {
            let result = renameat2(AT_FDCWD, source, AT_FDCWD, target, noReplace)
            if result == 0 || (errno != EINVAL && errno != ENOSYS) { return result }
        }
        var info = stat()
        if lstat(target, &info) == 0 {
            errno = EEXIST
            return -1
        }
        return rename(source, target)
    }

    /// Writes a new small file (a `.reason` or `.name` beside a stored file), never over another.
    static func writeNew(_ bytes: [UInt8], to path: String) throws(DaemonError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw DaemonError.system("open", errno, path: path) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(path)
                throw DaemonError.system("write", code, path: path)
            }
            offset += written
        }
    }

    /// Byte copy that does not follow a symbolic link at `source` (it is copied as a link).
    private static func copy(_ source: RawPath, to target: RawPath) throws(DaemonError) {
        var info = stat()
        guard source.withCString({ lstat($0, &info) }) == 0 else { throw DaemonError.system("lstat", errno, path: source.description) }
        if info.st_mode & S_IFMT == S_IFLNK {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = source.withCString { readlink($0, &buffer, buffer.count - 1) }
            guard length >= 0 else { throw DaemonError.system("readlink", errno, path: source.description) }
            buffer[length] = 0
            guard target.withCString({ symlink(buffer, $0) }) == 0 else { throw DaemonError.system("symlink", errno, path: target.description) }
            return
        }
        let input = source.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK) }
        guard input >= 0 else { throw DaemonError.system("open", errno, path: source.description) }
        defer { close(input) }
        let output = target.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        guard output >= 0 else { throw DaemonError.system("open", errno, path: target.description) }
        defer { close(output) }
        var chunk = [UInt8](repeating: 0, count: 256 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw DaemonError.system("read", errno, path: source.description) }
            if count == 0 { break }
            let written = chunk.withUnsafeBytes { write(output, $0.baseAddress, count) }
            guard written == count else { throw DaemonError.system("write", errno, path: target.description) }
        }
        guard fsync(output) == 0 else { throw DaemonError.system("fsync", errno, path: target.description) }
    }
}
