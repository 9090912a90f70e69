import Glibc

/// inotify on the inbox directory: reports names that were closed after writing or moved
/// in. The caller polls `descriptor` and calls `read()` when it is readable.
final class InboxWatcher {
    let descriptor: Int32
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    struct Batch {
        /// Names in the order they appeared, each once (a rename then a close of the same
        /// file, as `Data.write(options: .atomic)` does, gives one name).
        var names: [InboxName] = []
        /// Names just created. A regular file among them is still being written (its
        /// close comes later); anything else (a symlink, a directory) never sends a close.
        var created: [InboxName] = []
        /// The kernel's queue overflowed: some events were lost, rescan the directory.
        var overflowed = false
        /// The watched directory was removed or unmounted.
        var watchGone = false
    }

    init(directory: String) throws(DaemonError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw DaemonError.system("inotify_init1", errno) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ONLYDIR)
        guard inotify_add_watch(fd, directory, mask) >= 0 else {
            let code = errno
            close(fd)
            throw DaemonError.system("inotify_add_watch", code, path: directory)
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Reads every queued event until EAGAIN.
    func read() -> Batch {
        var batch = Batch()
        var seen = Set<InboxName>()
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                break  // EAGAIN: drained
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
                while offset + 16 <= count {
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 { batch.overflowed = true }
                    if mask & UInt32(IN_IGNORED | IN_UNMOUNT) != 0 { batch.watchGone = true }
                    if length > 0, offset + 16 + length <= count {
                        // The exact bytes: a name need not be UTF-8.
                        let name = InboxName(bytes: Array(raw[(offset + 16)..<(offset + 16 + length)].prefix { $0 != 0 }))
                        if name.bytes.isEmpty {
                            // an event about the directory itself
                        } else if mask & UInt32(IN_CREATE) != 0 {
                            batch.created.append(name)
                        } else if seen.insert(name).inserted {
                            batch.names.append(name)
                        }
                    }
                    offset += 16 + length
                }
            }
        }
        return batch
    }
}
