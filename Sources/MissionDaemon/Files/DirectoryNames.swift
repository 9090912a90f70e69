import Glibc

/// The names in a directory as raw bytes (readdir), without `.` and `..`: a name that is
/// not UTF-8 is listed like any other, where FileManager would drop or mangle it.
enum DirectoryNames {
    static func list(_ directory: String) throws(DaemonError) -> [InboxName] {
        guard let dir = opendir(directory) else { throw DaemonError.system("opendir", errno, path: directory) }
        defer { closedir(dir) }
        var names: [InboxName] = []
        while true {
            errno = 0
            guard let entry = readdir(dir) else {
                if errno != 0 { throw DaemonError.system("readdir", errno, path: directory) }
                return names
            }
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes != [UInt8(ascii: ".")] && bytes != [UInt8(ascii: "."), UInt8(ascii: ".")] {
                names.append(InboxName(bytes: bytes))
            }
        }
    }
}
