/// The first pieces of a Substring between separators, empty pieces dropped: what
/// `split(separator:)` gives, read without building its array (a date string was split into
/// a fresh array, grown three times, at every parse). Characters are compared as split compares them.
struct Pieces {
    private(set) var parts: (Substring, Substring, Substring) = ("", "", "")
    /// How many pieces there are, counted up to `limit`.
    private(set) var count = 0

    init(_ s: Substring, separator: Character, limit: Int) {
        var i = s.startIndex
        while i < s.endIndex, count < limit {
            let j = s[i...].firstIndex(of: separator) ?? s.endIndex
            if j > i {
                switch count {
                case 0: parts.0 = s[i..<j]
                case 1: parts.1 = s[i..<j]
                case 2: parts.2 = s[i..<j]
                default: break
                }
                count += 1
            }
            i = j < s.endIndex ? s.index(after: j) : j
        }
    }

    /// Piece k (0, 1 or 2); k < count.
    subscript(k: Int) -> Substring { k == 0 ? parts.0 : k == 1 ? parts.1 : parts.2 }
}
