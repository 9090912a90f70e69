/// A word, number or punctuation mark of the normalised text, located by byte offset.
/// Kept to 32 bytes: every stage walks the tokens, some several times.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }

    var start: Int32          // byte offset into Document.bytes
    var end: Int32
    var key: UInt64           // hash of the lower-cased form (curly quotes and dashes folded), see TokenKey
    var kind: Kind
    var capitalized: Bool     // first letter upper-case
    var allCaps: Bool         // every letter upper-case ("UAE", "MOFCOM")
    var spaceBefore: Bool     // white space precedes it
    var newlineBefore: Bool   // a line break precedes it
    /// Which rule tables have a pattern starting with this word (a bit per table, see RuleStore.tokenTables).
    var tables: UInt32 = 0

    var byteRange: Range<Int> { Int(start)..<Int(end) }
}

/// FNV-1a over lower-cased bytes: the key by which every rule table looks tokens up.
enum TokenKey {
    static let seed: UInt64 = 0xcbf29ce484222325

    @inline(__always) static func mix(_ h: UInt64, _ b: UInt8) -> UInt64 { (h ^ UInt64(b)) &* 0x100000001b3 }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    static func of<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = seed
        for b in bytes { h = mix(h, lower(b)) }
        return h
    }

    static func of(_ word: String) -> UInt64 { of(Array(word.utf8)) }
}
