/// A word, number or punctuation mark of the normalised text, located by byte offset.
/// Kept to 24 bytes (the four flags share a byte): every stage walks the tokens, some several
/// times, and an article's tokens then fit the first-level cache.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case word, number, punct }

    var start: Int32          // byte offset into Document.bytes
    var end: Int32
    var key: UInt64           // hash of the lower-cased form (curly quotes and dashes folded), see TokenKey
    /// Which rule tables have a pattern starting with this word (a bit per table, see RuleStore.tokenTables).
    var tables: UInt32 = 0
    var kind: Kind
    private var flags: UInt8

    private static let capitalizedFlag: UInt8 = 1, allCapsFlag: UInt8 = 2, spaceFlag: UInt8 = 4, newlineFlag: UInt8 = 8, ideographFlag: UInt8 = 16,
                       numeralFlag: UInt8 = 32

    init(start: Int32, end: Int32, key: UInt64, kind: Kind, capitalized: Bool, allCaps: Bool, spaceBefore: Bool, newlineBefore: Bool,
         ideograph: Bool = false, numeral: Bool = false) {
        self.start = start; self.end = end; self.key = key; self.kind = kind
        flags = (capitalized ? Self.capitalizedFlag : 0) | (allCaps ? Self.allCapsFlag : 0)
            | (spaceBefore ? Self.spaceFlag : 0) | (newlineBefore ? Self.newlineFlag : 0) | (ideograph ? Self.ideographFlag : 0)
            | (numeral ? Self.numeralFlag : 0)
    }

    /// First letter upper-case.
    var capitalized: Bool { flags & Self.capitalizedFlag != 0 }
    /// Every letter upper-case ("UAE", "MOFCOM").
    var allCaps: Bool { flags & Self.allCapsFlag != 0 }
    /// White space precedes it.
    var spaceBefore: Bool { flags & Self.spaceFlag != 0 }
    /// One Chinese character (a word of its own: Chinese has no spaces).
    var isIdeograph: Bool { flags & Self.ideographFlag != 0 }
    /// A Chinese numeral character (一 … 九, 两, 零, 十, 百, 千, 万, 亿): the numeral and date readers
    /// are asked at every character, and most are turned away by this bit alone.
    var isNumeralCharacter: Bool { flags & Self.numeralFlag != 0 }
    /// A line break precedes it.
    var newlineBefore: Bool { flags & Self.newlineFlag != 0 }

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
