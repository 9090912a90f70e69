import Glibc

/// `mkdir -p` whose new directories are private to the daemon's user (0700, less any umask
/// bits). Directories that exist are left exactly as they are: an operator who made the
/// inbox group-writable for producers keeps it so, and nothing is ever loosened.
enum PrivateDirectory {
    static let mode: mode_t = 0o700

    static func create(_ path: String) throws(DaemonError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            current += "/" + part
            if mkdir(current, mode) != 0 && errno != EEXIST {
                throw DaemonError.system("mkdir", errno, path: current)
            }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw DaemonError.system("stat", errno, path: path) }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw DaemonError(.state, "\(path) exists and is not a directory") }
    }

    /// The permission bits others (not the owner) have on `path`, for a warning at start.
    static func openToOthers(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let loose = info.st_mode & 0o077
        return loose == 0 ? nil : info.st_mode & 0o777
    }
}
