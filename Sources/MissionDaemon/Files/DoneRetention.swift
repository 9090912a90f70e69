import Dispatch
import Foundation
import Logging
import Synchronization

/// What becomes of an inbox file once its article is journaled (the journal holds its text):
/// kept in `done/` within a retention, or deleted.
package enum DonePolicy: Sendable, Equatable {
    /// Kept, oldest removed first beyond `maxBytes` (disk space) or `maxAgeSeconds`.
    case keep(maxBytes: Int, maxAgeSeconds: Int)
    case delete
}

/// Applies `done/`'s retention off the intake thread: after every `pruneEvery` files stored,
/// or once `pruneInterval` has passed since the last pass, and at start. A pass lists the
/// directory once and removes the oldest stored files (with their `.name`) while the
/// directory is over its size or they are over its age. Stored names begin with their UTC
/// time (`StoredFile`), so they sort oldest first and carry their age.
final class DoneRetention: Sendable {
    static let pruneEvery = 256
    static let pruneInterval: Duration = .seconds(60)

    private let directory: String
    private let maxBytes: Int
    private let maxAgeSeconds: Int
    private let logger: Logger
    private let queue = DispatchQueue(label: "missiond.done-retention", qos: .utility)
    private struct Pace { var storedSince = 0; var lastPass = ContinuousClock.now; var scheduled = false }
    private let pace = Mutex(Pace())

    init(directory: String, maxBytes: Int, maxAgeSeconds: Int, logger: Logger) {
        self.directory = directory
        self.maxBytes = maxBytes
        self.maxAgeSeconds = maxAgeSeconds
        self.logger = logger
        schedule()
    }

    /// One more file stored in `done/`.
    func noteStored() {
        let due = pace.withLock { pace -> Bool in
            pace.storedSince += 1
            guard !pace.scheduled, pace.storedSince >= Self.pruneEvery || ContinuousClock.now - pace.lastPass >= Self.pruneInterval else { return false }
            pace.scheduled = true  // decided and marked under one lock
            return true
        }
        if due { pass() }
    }

    private func schedule() {
        pace.withLock { $0.scheduled = true }
        pass()
    }

    private func pass() {
        queue.async { [self] in
            let (files, bytes) = prune(now: Date())
            if files > 0 {
                logger.info("done/ retention: removed the oldest files", metadata: ["files": "\(files)", "bytes": "\(bytes)"])
            }
            pace.withLock { $0 = Pace() }
        }
    }

    func prune(now: Date) -> (files: Int, bytes: Int) {
        Self.prune(directory, maxBytes: maxBytes, maxAgeSeconds: maxAgeSeconds, now: now)
    }

    /// One pass over `directory`; returns the stored files removed and their disk bytes.
    static func prune(_ directory: String, maxBytes: Int, maxAgeSeconds: Int, now: Date) -> (files: Int, bytes: Int) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return (0, 0) }
        // A stored file and its side files, by the stored name.
        var groups: [String: Int] = [:]
        for name in names {
            let stored = name.hasSuffix(".name") ? String(name.dropLast(5)) : name
            groups[stored, default: 0] += StoredFile.diskBytes(directory + "/" + name)
        }
        var total = groups.values.reduce(0, +)
        let oldestKept = now.addingTimeInterval(-Double(maxAgeSeconds))
        var removed = 0, removedBytes = 0
        for stored in groups.keys.sorted() {
            let tooOld = StoredFile.time(ofName: stored).map { $0 < oldestKept } ?? false
            guard total > maxBytes || tooOld else { break }
            unlink(directory + "/" + stored + ".name")
            unlink(directory + "/" + stored)
            let bytes = groups[stored] ?? 0
            total -= bytes
            removed += 1
            removedBytes += bytes
        }
        return (removed, removedBytes)
    }
}
