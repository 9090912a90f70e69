#if canImport(Glibc)
import Glibc
#endif

/// The directory calls the stores need: create (0700), fsync (so a created, renamed or removed
/// file survives power loss), list, and an exclusive lock against a second process.
package enum Directory {
    /// mkdir -p with mode 0700 for the components it creates.
    package static func create(_ path: String) throws(StoreError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            let parent = current.isEmpty ? "/" : current
            current += "/" + part
            if mkdir(current, 0o700) == 0 {
                try sync(parent)  // so the new directory survives power loss
            } else if errno != EEXIST {
                throw .sys("mkdir", current)
            }
        }
        var st = stat()
        guard stat(path, &st) == 0 else { throw .sys("stat", path) }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { throw .store("not a directory", path) }
    }

    static func sync(_ path: String) throws(StoreError) {
        let fd = retryingEINTR { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { throw .sys("open directory", path) }
        defer { close(fd) }
        if retryingEINTR({ fsync(fd) }) != 0 { throw .sys("fsync directory", path) }
    }

    package static func list(_ path: String) throws(StoreError) -> [String] {
        guard let dir = opendir(path) else { throw .sys("opendir", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    package static func remove(_ path: String) throws(StoreError) {
        if unlink(path) != 0 && errno != ENOENT { throw .sys("unlink", path) }
    }

    static func rename(_ from: String, _ to: String) throws(StoreError) {
        if Glibc.rename(from, to) != 0 { throw .sys("rename to \(to)", from) }
    }
}

/// flock(LOCK_EX) on `<dir>/LOCK`: two daemons appending to one log would interleave records.
/// Released by `release()` or when the object goes away.
final class DirectoryLock: Sendable {
    private let fd: Int32

    init(directory: String) throws(StoreError) {
        let path = directory + "/LOCK"
        let fd = retryingEINTR { open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600) }
        guard fd >= 0 else { throw .sys("open", path) }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let err = StoreError.sys("lock (is another missiond using this directory?)", path)
            close(fd)
            throw err
        }
        self.fd = fd
    }

    deinit { close(fd) }
}
