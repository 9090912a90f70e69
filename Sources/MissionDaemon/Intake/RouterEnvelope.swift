/// Splits a message received on a ROUTER into the routing envelope (peer identity and
/// the empty delimiter a REQ socket adds) and the payload. A DEALER that sends the
/// delimiter looks exactly like a REQ; one that does not still gets its reply routed.
struct RouterMessage {
    var envelope: [[UInt8]]
    var payload: ArraySlice<[UInt8]>

    init(frames: [[UInt8]]) {
        // frames[0] is the peer identity the ROUTER added; the envelope ends at the first
        // empty frame after it.
        if let delimiter = frames.dropFirst().firstIndex(where: \.isEmpty) {
            envelope = Array(frames[...delimiter])
            payload = frames[(delimiter + 1)...]
        } else {
            envelope = Array(frames.prefix(1))
            payload = frames.dropFirst()
        }
    }

    /// The reply frames: envelope, then the payload given.
    func reply(_ frames: [String]) -> [[UInt8]] {
        envelope + frames.map { Array($0.utf8) }
    }
}
