import Dispatch
import Glibc
import Logging
import MissionExtract

/// The directory intake: knows which inbox files wait, which are in flight, and moves a
/// file out of the inbox only once its article is journaled (to `done/`) or rejected (to
/// `quarantine/`), under a generated name beside its original one (see `StoredFile`).
///
/// A file is taken when inotify says it was closed after writing or moved in. Files found
/// by a scan instead (at start, after an inotify overflow) may still be being written, so
/// they are taken only once unchanged (size and modification time) for the settle time
/// (`inbox_settle_seconds`). A file that cannot be taken for a passing reason (no file
/// descriptor left, a journal that cannot write) is tried again, 100 ms after the first
/// failure, doubling up to 10 s, until it is done. Owned by the intake thread.
final class InboxIntake {
    let inbox: String
    let doneDirectory: String
    private let done: DonePolicy
    /// done/'s retention (nil with `done: delete`, or with `--once`, which moves nothing).
    private let retention: DoneRetention?
    let quarantine: Quarantine
    /// `--once`: leave the user's files where they are; remember them instead.
    let keepFiles: Bool
    private let maxArticleBytes: Int
    private let settleNanoseconds: UInt64
    private let logger: Logger
    /// The inotify watch (nil with `--once`). Kept open even if the directory goes away,
    /// since its descriptor stays in the intake thread's poll set.
    let watcher: InboxWatcher?
    private(set) var isWatching: Bool

    /// Names waiting to be read, in arrival order.
    private var waiting: [InboxName] = []
    private var waitingHead = 0
    private var waitingSet = Set<InboxName>()
    /// Names taken and not yet journaled or rejected, with the version of the file read.
    private var inFlight: [InboxName: SafeFile.Identity?] = [:]
    /// Names written again while in flight: take them again once the first copy is out.
    private var changedWhileInFlight = Set<InboxName>()
    /// With `keepFiles`: names already taken in this run.
    private var taken = Set<InboxName>()

    /// What a file found by a scan looked like, to tell whether it is still being written.
    private struct Snapshot: Equatable {
        var inode: UInt64, size: Int64, modifiedSeconds: Int, modifiedNanoseconds: Int
    }

    /// Found by a scan, not yet unchanged for the settle time.
    private var settling: [InboxName: Snapshot] = [:]
    /// Failed for a passing reason: how many times, and why the first time.
    private var retrying: [InboxName: (attempts: Int, reason: String)] = [:]
    /// When each settling or retrying name is looked at again.
    private var timers = DeadlineQueue<InboxName>()
    /// A scan that failed (the directory could not be listed), and when to scan again.
    private var rescanRetry: (due: UInt64, attempts: Int)?

    static let firstRetryNanoseconds: UInt64 = 100_000_000
    static let maxRetryNanoseconds: UInt64 = 10_000_000_000
    /// EIO may be the disk itself: after this many attempts (about a minute) the file is
    /// quarantined with the error, rather than tried for ever.
    static let ioErrorAttempts = 12

    init(inbox: String, stateDirectory: String, quarantine: Quarantine, maxArticleBytes: Int, keepFiles: Bool,
         watch: Bool, settleSeconds: Double, done: DonePolicy = DaemonConfig().donePolicy,
         logger: Logger) throws(DaemonError) {
        self.inbox = inbox
        self.doneDirectory = stateDirectory + "/done"
        self.done = done
        if case .keep(let maxBytes, let maxAgeSeconds) = done, !keepFiles {
            retention = DoneRetention(directory: doneDirectory, maxBytes: maxBytes, maxAgeSeconds: maxAgeSeconds, logger: logger)
        } else {
            retention = nil
        }
        self.quarantine = quarantine
        self.maxArticleBytes = maxArticleBytes
        self.keepFiles = keepFiles
        self.settleNanoseconds = UInt64(max(0, settleSeconds) * 1e9)
        self.logger = logger
        // Watch before the first scan, so a file arriving in between is not missed.
        self.watcher = watch ? try InboxWatcher(directory: inbox) : nil
        self.isWatching = watch
        rescan()
    }

    static func isEligible(_ name: String) -> Bool { InboxName(name).isEligible }

    /// Anything left to do: files to read, files settling or waiting for a retry.
    var hasWaiting: Bool { waitingHead < waiting.count || !timers.isEmpty || rescanRetry != nil }

    /// Files that failed for a passing reason and wait to be tried again.
    var retryPending: Int { retrying.count }

    /// Milliseconds until a settling or retrying file is due (nil: none is), for the poll.
    func millisecondsUntilDue() -> Int? {
        guard let due = [timers.earliest(), rescanRetry?.due].compactMap({ $0 }).min() else { return nil }
        let now = DispatchTime.now().uptimeNanoseconds
        return due <= now ? 0 : Int((due - now + 999_999) / 1_000_000)
    }

    /// Queues every eligible name in the inbox (at start, after an inotify overflow); each
    /// is taken once it has been unchanged for the settle time.
    func rescan() {
        let names: [InboxName]
        do {
            names = try DirectoryNames.list(inbox)
        } catch {
            let attempts = (rescanRetry?.attempts ?? 0) + 1
            logger.error("cannot list the inbox; trying again", metadata: ["inbox": "\(inbox)", "error": "\(error)"])
            rescanRetry = (DispatchTime.now().uptimeNanoseconds + Self.retryDelay(attempts), attempts)
            return
        }
        if rescanRetry != nil { logger.notice("the inbox can be listed again", metadata: ["inbox": "\(inbox)"]) }
        rescanRetry = nil
        for name in names.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) { found(name) }
    }

    /// Reads the inotify events and queues their names.
    func handleWatchEvents() {
        guard let watcher else { return }
        let batch = watcher.read()
        for name in batch.names { closed(name) }
        for name in batch.created where !isRegularFile(name) { closed(name) }
        if batch.overflowed {
            logger.warning("inotify queue overflowed: rescanning the inbox")
            rescan()
        }
        if batch.watchGone {
            logger.error("the inbox is no longer watched (removed or unmounted)", metadata: ["inbox": "\(inbox)"])
            isWatching = false
        }
    }

    private func path(_ name: InboxName) -> RawPath { RawPath(directory: inbox, name: name) }

    private func isRegularFile(_ name: InboxName) -> Bool {
        var info = stat()
        return path(name).withCString { lstat($0, &info) } == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    private func snapshot(_ name: InboxName) -> (Snapshot, ageNanoseconds: UInt64, regular: Bool)? {
        var info = stat()
        guard path(name).withCString({ lstat($0, &info) }) == 0 else { return nil }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let age = (Int64(now.tv_sec) - Int64(info.st_mtim.tv_sec)) * 1_000_000_000 + (Int64(now.tv_nsec) - Int64(info.st_mtim.tv_nsec))
        let snapshot = Snapshot(inode: UInt64(info.st_ino), size: Int64(info.st_size),
                                modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec))
        return (snapshot, UInt64(max(0, age)), info.st_mode & S_IFMT == S_IFREG)
    }

    /// A name closed after writing or moved in: complete, take it now.
    private func closed(_ name: InboxName) {
        guard name.isEligible, !taken.contains(name) else { return }
        if inFlight[name] != nil {
            changedWhileInFlight.insert(name)
            return
        }
        settling[name] = nil
        timers.cancel(name)
        addWaiting(name)
    }

    /// A name found by a scan: taken once unchanged for the settle time. Its mtime counts:
    /// a file last modified longer ago than that is taken at once.
    private func found(_ name: InboxName) {
        guard name.isEligible, !taken.contains(name), inFlight[name] == nil, !waitingSet.contains(name),
              !timers.contains(name) else { return }
        guard let (seen, age, regular) = snapshot(name) else { return }
        if !regular || age >= settleNanoseconds {
            addWaiting(name)  // not a regular file: refused at once, nothing to wait for
        } else {
            settle(name, seen, waitNanoseconds: settleNanoseconds - age)
        }
    }

    private func settle(_ name: InboxName, _ seen: Snapshot, waitNanoseconds: UInt64) {
        settling[name] = seen
        timers.schedule(name, at: DispatchTime.now().uptimeNanoseconds + waitNanoseconds)
    }

    private func addWaiting(_ name: InboxName) {
        if waitingSet.insert(name).inserted { waiting.append(name) }
    }

    /// Moves the settling and retrying names whose time has come to `waiting`.
    private func promoteDue() {
        let now = DispatchTime.now().uptimeNanoseconds
        if let retry = rescanRetry, retry.due <= now { rescan() }
        while let name = timers.popDue(now: now) {
            guard let seen = settling.removeValue(forKey: name) else {
                addWaiting(name)  // a retry
                continue
            }
            guard let (current, _, _) = snapshot(name) else { continue }  // gone
            if current == seen {
                addWaiting(name)
            } else {
                settle(name, current, waitNanoseconds: settleNanoseconds)  // still being written
            }
        }
    }

    enum Next {
        case article(ArticleInput, InboxName)
        case rejected(name: InboxName, reason: String)
    }

    /// The next waiting file, read; `nil` when none waits now. A name that vanished is
    /// skipped; one that cannot be read for now waits for its retry.
    func next() -> Next? {
        promoteDue()
        while waitingHead < waiting.count {
            let name = waiting[waitingHead]
            waitingHead += 1
            waitingSet.remove(name)
            if waitingHead > 1024 && waitingHead * 2 > waiting.count {
                waiting.removeFirst(waitingHead)
                waitingHead = 0
            }
            switch SafeFile.readRegularFile(at: path(name), limit: maxArticleBytes) {
            case .gone:
                if retrying.removeValue(forKey: name) != nil {
                    logger.notice("inbox file gone while waiting to be tried again", metadata: ["file": name.logValue])
                }
                continue
            case .changing:
                if let (seen, _, _) = snapshot(name) { settle(name, seen, waitNanoseconds: settleNanoseconds) }
                continue
            case .unavailable(let reason, let code):
                if code == EIO, (retrying[name]?.attempts ?? 0) + 1 >= Self.ioErrorAttempts {
                    return take(name, .rejected(name: name, reason: "\(reason) (after \(Self.ioErrorAttempts) attempts)"), nil)
                }
                retryLater(name, reason: reason)
                continue
            case .rejected(let reason):
                return take(name, .rejected(name: name, reason: reason), nil)
            case .bytes(let body, let identity):
                return take(name, .article(ArticleInput(name: name.text, body: body, source: .dir), name), identity)
            }
        }
        return nil
    }

    private func take(_ name: InboxName, _ next: Next, _ identity: SafeFile.Identity?) -> Next {
        // A retry scheduled while it waited is this very read: it must not read it twice.
        timers.cancel(name)
        settling[name] = nil
        inFlight[name] = .some(identity)
        if keepFiles { taken.insert(name) }
        return next
    }

    /// The article is journaled: the file leaves the inbox for `done/`.
    func journaled(_ name: InboxName) {
        if let read = inFlight[name] ?? nil, SafeFile.Identity.current(at: path(name)) != read {
            // Replaced or rewritten since it was read: that is a new article, leave it.
            changedWhileInFlight.insert(name)
        } else if keepFiles {
            logger.info("inbox file journaled (left in place: --once)", metadata: ["file": name.logValue])
            recovered(name)
        } else {
            do {
                // (with `done: delete` the file is removed at once: no side file to write for it)
                let stored = try StoredFile.move(path(name), into: doneDirectory, sides: done == .delete ? [] : [(".name", name.escaped)])
                if let read = inFlight[name] ?? nil, let moved = SafeFile.Identity.current(at: RawPath(stored)),
                   moved.device == read.device, moved != read {
                    // Written to between the check and the rename: not what was journaled.
                    putBack(name, from: stored)
                    release(name)
                    return
                }
                if done == .delete {
                    // Moved first all the same: the checks above are about the file that was read.
                    unlink(stored)
                    logger.info("inbox file journaled and deleted (done: delete)", metadata: ["file": name.logValue])
                } else {
                    logger.info("inbox file journaled", metadata: ["file": name.logValue, "done": "\(stored)"])
                    retention?.noteStored()
                }
                recovered(name)
            } catch {
                guard SafeFile.Identity.current(at: path(name)) == nil else {
                    logger.error("cannot move a journaled file to done/", metadata: ["file": name.logValue, "error": "\(error)"])
                    release(name)
                    retryLater(name, reason: error.description)
                    return
                }
                retrying[name] = nil  // removed by someone else: nothing left to retry
            }
        }
        release(name)
    }

    /// Returns a file moved to done/ too early to the inbox, where its close or the next
    /// scan takes it again; should a new file have taken its name meanwhile, both are kept.
    private func putBack(_ name: InboxName, from stored: String) {
        do {
            try SafeFile.move(RawPath(stored), to: RawPath(directory: inbox, name: name))
            unlink(stored + ".name")
            changedWhileInFlight.insert(name)
        } catch {
            logger.warning("an inbox file changed while it was moved to done/; its new content stays there, not journaled",
                           metadata: ["file": name.logValue, "done": "\(stored)", "error": "\(error)"])
        }
    }

    /// The file is refused: into `quarantine/` beside its reason and name. Returns the
    /// quarantined path (nil with `keepFiles`, where only the reason is written).
    func quarantine(_ name: InboxName, reason: String) -> String? {
        do {
            var stored: String?
            if keepFiles {
                try quarantine.noteOnly(name: name, label: path(name).description, reason: reason)
            } else {
                stored = try quarantine.moveIn(path(name), name: name, reason: reason)
            }
            recovered(name)
            release(name)
            return stored
        } catch {
            release(name)
            if SafeFile.Identity.current(at: path(name)) == nil {
                retrying[name] = nil  // removed by someone else: nothing left to retry
            } else {
                logger.error("cannot quarantine a rejected file; trying again", metadata: ["file": name.logValue, "error": "\(error)"])
                retryLater(name, reason: error.description)
            }
            return nil
        }
    }

    /// The article could not be journaled (a full disk, say): the file stays in the inbox
    /// and is tried again.
    func failed(_ name: InboxName, reason: String) {
        release(name)
        retryLater(name, reason: reason)
    }

    private func retryLater(_ name: InboxName, reason: String) {
        let attempts = (retrying[name]?.attempts ?? 0) + 1
        let delay = Self.retryDelay(attempts)
        if attempts == 1 {
            logger.warning("inbox file not taken for now; trying again until it is",
                           metadata: ["file": name.logValue, "error": "\(reason)", "retry_in_ms": "\(delay / 1_000_000)"])
        }
        retrying[name] = (attempts, retrying[name]?.reason ?? reason)
        taken.remove(name)
        timers.schedule(name, at: DispatchTime.now().uptimeNanoseconds + delay)
    }

    /// 100 ms after the first failure, doubling up to 10 s.
    static func retryDelay(_ attempts: Int) -> UInt64 {
        let doublings = UInt64(min(attempts - 1, 20))
        return min(firstRetryNanoseconds << doublings, maxRetryNanoseconds)
    }

    private func recovered(_ name: InboxName) {
        guard let retry = retrying.removeValue(forKey: name) else { return }
        logger.notice("inbox file taken after trying again",
                      metadata: ["file": name.logValue, "attempts": "\(retry.attempts + 1)", "first_error": "\(retry.reason)"])
    }

    private func release(_ name: InboxName) {
        inFlight[name] = nil
        if changedWhileInFlight.remove(name) != nil { closed(name) }
    }
}
