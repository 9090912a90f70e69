/// A CurveZMQ key or key file that cannot be used, in plain words.
public struct ZMQCurveError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
