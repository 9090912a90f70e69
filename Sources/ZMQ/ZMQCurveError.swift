/// A CurveZMQ key or key file that cannot be used, in plain words.
package struct ZMQCurveError: Error, Sendable, Equatable, CustomStringConvertible {
    package let description: String

    package init(_ description: String) { self.description = description }
}
