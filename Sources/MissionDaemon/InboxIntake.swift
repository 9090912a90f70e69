import Foundation
import Logging
import MissionExtract

/// The directory intake: knows which inbox files wait, which are in flight, and moves a
/// file out of the inbox only once its article is journaled (to `done/`) or rejected (to
/// `quarantine/`, beside a `<name>.reason`). Owned by the intake thread.
final class InboxIntake {
    let inbox: String
    let doneDirectory: String
    let quarantine: Quarantine
    /// `--once`: leave the user's files where they are; remember them instead.
    let keepFiles: Bool
    private let maxArticleBytes: Int
    private let logger: Logger
    /// The inotify watch (nil with `--once`). Kept open even if the directory goes away,
    /// since its descriptor stays in the intake thread's poll set.
    let watcher: InboxWatcher?
    private(set) var isWatching: Bool

    /// Names waiting to be read, in arrival order.
    private var waiting: [String] = []
    private var waitingHead = 0
    private var waitingSet = Set<String>()
    /// Names taken and not yet journaled or rejected, with the version of the file read.
    private var inFlight: [String: SafeFile.Identity?] = [:]
    /// Names written again while in flight: take them again once the first copy is out.
    private var changedWhileInFlight = Set<String>()
    /// With `keepFiles`: names already taken in this run.
    private var taken = Set<String>()

    init(inbox: String, stateDirectory: String, quarantine: Quarantine, maxArticleBytes: Int, keepFiles: Bool,
         watch: Bool, logger: Logger) throws(DaemonError) {
        self.inbox = inbox
        self.doneDirectory = stateDirectory + "/done"
        self.quarantine = quarantine
        self.maxArticleBytes = maxArticleBytes
        self.keepFiles = keepFiles
        self.logger = logger
        // Watch before the first scan, so a file arriving in between is not missed.
        self.watcher = watch ? try InboxWatcher(directory: inbox) : nil
        self.isWatching = watch
        rescan()
    }

    /// Names that are not articles yet: hidden files and files still being written.
    static func isEligible(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.hasSuffix(".tmp") && !name.hasSuffix(".part")
    }

    var hasWaiting: Bool { waitingHead < waiting.count }

    /// Queues every eligible name in the inbox (at start, after an inotify overflow).
    func rescan() {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: inbox).sorted()
        } catch {
            logger.error("cannot list the inbox", metadata: ["inbox": "\(inbox)", "error": "\(error)"])
            return
        }
        for name in names { enqueue(name) }
    }

    /// Reads the inotify events and queues their names.
    func handleWatchEvents() {
        guard let watcher else { return }
        let batch = watcher.read()
        for name in batch.names { enqueue(name) }
        for name in batch.created where !isRegularFile(inbox + "/" + name) { enqueue(name) }
        if batch.overflowed {
            logger.warning("inotify queue overflowed: rescanning the inbox")
            rescan()
        }
        if batch.watchGone {
            logger.error("the inbox is no longer watched (removed or unmounted)", metadata: ["inbox": "\(inbox)"])
            isWatching = false
        }
    }

    private func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    private func enqueue(_ name: String) {
        guard Self.isEligible(name), !taken.contains(name) else { return }
        if inFlight[name] != nil {
            changedWhileInFlight.insert(name)
            return
        }
        if waitingSet.insert(name).inserted { waiting.append(name) }
    }

    enum Next {
        case article(ArticleInput)
        case rejected(name: String, reason: String)
    }

    /// The next waiting file, read; `nil` when none waits. A name that vanished is skipped.
    func next() -> Next? {
        while waitingHead < waiting.count {
            let name = waiting[waitingHead]
            waitingHead += 1
            waitingSet.remove(name)
            if waitingHead > 1024 && waitingHead * 2 > waiting.count {
                waiting.removeFirst(waitingHead)
                waitingHead = 0
            }
            switch SafeFile.readRegularFile(at: inbox + "/" + name, limit: maxArticleBytes) {
            case .gone:
                continue
            case .rejected(let reason):
                inFlight[name] = .some(nil)
                if keepFiles { taken.insert(name) }
                return .rejected(name: name, reason: reason)
            case .bytes(let body, let identity):
                inFlight[name] = identity
                if keepFiles { taken.insert(name) }
                return .article(ArticleInput(name: name, body: body, source: .dir))
            }
        }
        return nil
    }

    /// The article is journaled: the file leaves the inbox for `done/`.
    func journaled(_ name: String) {
        let path = inbox + "/" + name
        if let read = inFlight[name] ?? nil, SafeFile.Identity.current(at: path) != read {
            // Replaced or rewritten since it was read: that is a new article, leave it.
            changedWhileInFlight.insert(name)
        } else if !keepFiles {
            do {
                _ = try SafeFile.move(path, into: doneDirectory, name: name)
            } catch {
                logger.error("cannot move a journaled file to done/", metadata: ["file": "\(name)", "error": "\(error)"])
            }
        }
        release(name)
    }

    /// The file is refused: into `quarantine/` with a `.reason` beside it. Returns the
    /// quarantined path (nil with `keepFiles`, where only the reason is written).
    func quarantine(_ name: String, reason: String) -> String? {
        defer { release(name) }
        do {
            if keepFiles {
                try quarantine.noteOnly(name: name, label: "\(inbox)/\(name)", reason: reason)
                return nil
            }
            return try quarantine.moveIn(inbox + "/" + name, name: name, reason: reason)
        } catch {
            logger.error("cannot quarantine a rejected file", metadata: ["file": "\(name)", "error": "\(error)"])
            return nil
        }
    }

    /// The article could not be journaled: the file stays in the inbox, to be taken again
    /// at the next rescan (restart, inotify overflow).
    func failed(_ name: String) {
        release(name)
    }

    private func release(_ name: String) {
        inFlight[name] = nil
        if changedWhileInFlight.remove(name) != nil { enqueue(name) }
    }
}
