/// An article's arrays lent as buffer pointers: the scans read them token by token without the
/// arrays' bounds checks, retains and exclusivity checks. Valid only inside the call that lends them.
struct TextBuffers {
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>
    /// For each token: the end token of a place starting there (EventStage.placeStarts); nil when not lent.
    let places: UnsafeBufferPointer<Int32>?
    let entities: UnsafeBufferPointer<Entity>

    /// The match context of the tokens up to `limit` (a sentence's end).
    func context(limit: Int) -> MatchContext { MatchContext(tokens: tokens, bytes: bytes, places: places, limit: limit) }

    /// `body` with the arrays lent; `places` and `entities` only when given.
    static func lend<R>(tokens: [Token], bytes: [UInt8], places: [Int32]? = nil, entities: [Entity] = [],
                        _ body: (TextBuffers) -> R) -> R {
        tokens.withUnsafeBufferPointer { tp in
            bytes.withUnsafeBufferPointer { bp in
                entities.withUnsafeBufferPointer { ep in
                    guard let places else { return body(TextBuffers(tokens: tp, bytes: bp, places: nil, entities: ep)) }
                    return places.withUnsafeBufferPointer { pp in body(TextBuffers(tokens: tp, bytes: bp, places: pp, entities: ep)) }
                }
            }
        }
    }
}

extension Document {
    /// `body` with the document's tokens, bytes and entities lent, and `places` when given.
    func withBuffers<R>(places: [Int32]? = nil, _ body: (TextBuffers) -> R) -> R {
        TextBuffers.lend(tokens: tokens, bytes: bytes, places: places, entities: entities, body)
    }
}
