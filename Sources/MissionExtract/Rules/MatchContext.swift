/// What a pattern match may consult besides tokens: where gazetteer places start.
struct MatchContext {
    var tokens: UnsafeBufferPointer<Token>
    var bytes: UnsafeBufferPointer<UInt8>
    /// For each token: the end token of a place starting there, negated for places abroad; 0 when none.
    var places: UnsafeBufferPointer<Int32>?
    var limit: Int            // matches never run past this token (sentence end)

    init(tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>, places: UnsafeBufferPointer<Int32>? = nil, limit: Int) {
        self.tokens = tokens; self.bytes = bytes; self.places = places; self.limit = limit
    }

    @inline(__always) func placeAt(_ i: Int) -> (end: Int, chinese: Bool)? {
        guard let places, i < places.count else { return nil }
        let v = Int(places[i])
        return v == 0 ? nil : (abs(v), v > 0)
    }
}
