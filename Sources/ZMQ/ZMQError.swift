import CZMQ

/// A failed libzmq call: the `errno` it left and libzmq's own text for it.
package struct ZMQError: Error, Sendable, Equatable, CustomStringConvertible {
    package let errno: Int32
    package let message: String
    /// What was being attempted, e.g. `bind tcp://127.0.0.1:5560`.
    package let operation: String

    package init(errno: Int32, operation: String) {
        self.errno = errno
        self.message = String(cString: zmq_strerror(errno))
        self.operation = operation
    }

    /// The error libzmq reports for the call that just failed on this thread.
    static func last(_ operation: String) -> ZMQError {
        ZMQError(errno: zmq_errno(), operation: operation)
    }

    /// The call would have blocked (only with `.dontWait` or a timeout).
    package var isWouldBlock: Bool { errno == EAGAIN }
    /// The context was terminated while the call was under way.
    package var isTerminated: Bool { errno == ETERM }

    package var description: String { "\(operation): \(message) (errno \(errno))" }
}
