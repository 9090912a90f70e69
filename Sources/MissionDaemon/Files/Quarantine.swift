import Dispatch
import Glibc

/// `<state>/quarantine/`: articles that cannot be processed, each stored under a generated
/// name (see `StoredFile`) beside `<stored>.reason` and `<stored>.name` (the original
/// name). Inbox files are moved in (no new disk space; always kept). Bodies received on
/// the socket are written, but only while the folder holds less than `maxBytes` of disk
/// space (allocated blocks), so a client sending bad articles cannot fill the disk; past
/// that only the reason is logged and published. Owned by the intake thread.
final class Quarantine {
    let directory: String
    var maxBytes: Int
    /// Disk space the folder takes, as last measured plus what was added since.
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

    /// Moves an inbox file in beside its reason and name; returns the path it has there.
    func moveIn(_ source: RawPath, name: InboxName, reason: String) throws(DaemonError) -> String {
        let path = try StoredFile.move(source, into: directory, sides: [(".reason", reason), (".name", name.escaped)])
        usedBytes += Self.storedBytes(path)
        return path
    }

    /// Writes only a reason file, `<label>: reason` (`--once`, where files stay in place).
    func noteOnly(name: InboxName, label: String, reason: String) throws(DaemonError) {
        let path = try StoredFile.write(Array("\(label): \(reason)\n".utf8), into: directory, sides: [(".name", name.escaped)])
        usedBytes += StoredFile.diskBytes(path) + StoredFile.diskBytes(path + ".name")
    }

    /// Keeps a body received on the socket, beside its reason and the client's name.
    func keep(body: [UInt8], name: String, reason: String) -> Outcome {
        // At least a block for each of the three files: what they will take on disk.
        let block = 4096
        let needed = (body.count + block - 1) / block * block + 2 * block
        if usedBytes + needed > maxBytes {
            // The operator may have cleared the folder since: measure again, at most every 10 s.
            if DispatchTime.now().uptimeNanoseconds - lastMeasured.uptimeNanoseconds > 10_000_000_000 { measure() }
            guard usedBytes + needed <= maxBytes else {
                return .notKept("body not kept: the quarantine holds \(usedBytes) bytes on disk and its limit is \(maxBytes) (quarantine_max_bytes)")
            }
        }
        do {
            let path = try StoredFile.write(body, into: directory, sides: [(".reason", reason), (".name", LogEscape.escape(name))])
            usedBytes += Self.storedBytes(path)
            return .kept(path: path)
        } catch {
            return .notKept("body not kept: \(error.description)")
        }
    }

    private static func storedBytes(_ path: String) -> Int {
        [path, path + ".reason", path + ".name"].reduce(0) { $0 + StoredFile.diskBytes($1) }
    }

    private func measure() {
        lastMeasured = .now()
        guard let names = try? DirectoryNames.list(directory) else { return }
        usedBytes = names.reduce(0) { total, name in
            total + RawPath(directory: directory, name: name).withCString { path in
                var info = stat()
                return lstat(path, &info) == 0 ? Int(info.st_blocks) * 512 : 0
            }
        }
    }
}
