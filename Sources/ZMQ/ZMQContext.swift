import CZMQ
import Synchronization

/// A libzmq context. Thread-safe (libzmq guarantees it for every zmq_ctx_* call), so it may be
/// shared freely: `@unchecked Sendable` only because its handle is a C pointer; its one
/// Swift state, `terminated`, is atomic, and a socket is refused on a terminated context.
/// Sockets keep their context alive; the context is terminated when the last reference goes.
package final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    private let terminated = Atomic<Bool>(false)

    package init(ioThreads: Int32 = 1) throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError.last("zmq_ctx_new") }
        self.handle = handle
        if ioThreads != 1 {
            guard zmq_ctx_set(handle, ZMQ_IO_THREADS, ioThreads) == 0 else {
                let error = ZMQError.last("zmq_ctx_set io_threads")
                zmq_ctx_term(handle)
                throw error
            }
        }
    }

    /// Makes every blocking call on this context's sockets fail with ETERM, so owning
    /// threads can notice and close their sockets.
    package func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    /// Waits until every socket of this context is closed and has sent what it queued
    /// (within its linger time), then releases the context. Idempotent; also done by deinit.
    /// Call it at shutdown so published messages leave before the process exits.
    package func terminate() {
        guard !terminated.exchange(true, ordering: .acquiringAndReleasing) else { return }
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }

    package var isTerminated: Bool { terminated.load(ordering: .acquiring) }

    deinit {
        // Every socket holds a strong reference to its context, so none is open here.
        terminate()
    }
}

/// libzmq's version and compiled-in capabilities.
package enum ZMQLibrary {
    /// `zmq_has`: "ipc", "pgm", "tipc", "norm", "curve", "gssapi", "draft".
    package static func has(_ capability: String) -> Bool {
        zmq_has(capability) == 1
    }

    package static var version: (major: Int, minor: Int, patch: Int) {
        var major: Int32 = 0, minor: Int32 = 0, patch: Int32 = 0
        zmq_version(&major, &minor, &patch)
        return (Int(major), Int(minor), Int(patch))
    }
}
