/// A set of token keys, such as the fixed word lists of the stages ("the", "this", …). Token keys
/// are already hashes, so membership is a KeyMap probe: no Hasher per token, unlike Set<UInt64>.
struct KeySet: Sendable {
    private var map = KeyMap()

    init(keys: [UInt64]) { for k in keys { map.set(k, 0) } }
    init(_ words: [String]) { self.init(keys: words.map(TokenKey.of)) }

    @inline(__always) func contains(_ key: UInt64) -> Bool { map.get(key) != nil }
}
