/// A token pattern from a rule file, e.g. `organized|organised by` or `{cn} Provincial Department of {cap}`.
///
/// Syntax (space-separated elements):
///   word        a token, matched case-insensitively; `a|b|c` alternatives (each one token)
///   Word!       as `word` but the text must be capitalised
///   ~  ~N       skip 0…4 (0…N) tokens that are words or quotation marks
///   {cn}        a Chinese place (province, city or district) found by the gazetteer
///   {place}     any gazetteer place;  {abroad} a place outside China
///   {cap}       1…6 capitalised words ("Ningbo Federation Changyun International Trade")
///   {num}       a number token
///   {han}       1…12 Chinese characters, the middle of a Chinese name ("{cn} {han} 有限公司"); never first
/// A chunk such as `Co.,` that tokenizes into several tokens becomes that sequence of tokens.
/// Multi-word alternatives are written as separate rows.
struct Pattern: Sendable {
    enum Slot: UInt8, Sendable { case cn, place, abroad, cap, num, han }
    /// How strictly a word's case must agree: gazetteer names are case-sensitive ("US" is not "us").
    enum LetterCase: UInt8, Sendable { case any, capital, upper }

    /// One element, flat (no references, 24 bytes) so that matching costs no reference counting
    /// and the elements of the gazetteer's thousands of names stay compact.
    struct Element: Sendable {
        enum Kind: UInt8, Sendable { case word, gap, slot }
        var kind: Kind
        var letterCase: LetterCase = .any
        var slot: Slot = .cn
        var gap: Int32 = 0
        var keyStart: Int32 = 0                                    // the alternatives: PatternSet.alternatives[keyStart…]
        var keyCount: Int32 = 0
        /// Two bits per alternative (see keyBits): a token whose bits are not all here is none of them.
        var bloom: UInt64 = 0

        @inline(__always) static func keyBits(_ key: UInt64) -> UInt64 { 1 << (key & 63) | 1 << ((key >> 32) & 63) }
    }

    var elements: [(kind: Element.Kind, keys: [UInt64], letterCase: LetterCase, gap: Int, slot: Slot)]
    var payload: Int
    var source: String

    /// The rows one pattern text stands for: an alternative of several tokens ("组织|率领|带领", Chinese
    /// words being sequences of characters) becomes a row of its own; single-token alternatives stay together.
    static func expand(_ text: String) -> [String] {
        var rows = [""]
        for chunk in text.split(separator: " ", omittingEmptySubsequences: true) {
            var forms: [String] = [String(chunk)]
            if chunk.contains("|"), !chunk.hasPrefix("{") {
                let capital = chunk.hasSuffix("!") && chunk.count > 1
                let body = capital ? chunk.dropLast() : chunk[...]
                let alternatives = body.split(separator: "|").map(String.init)
                let long = alternatives.filter { Tokenizer.tokenize(Array($0.utf8)).count > 1 }
                if !long.isEmpty {
                    let short = alternatives.filter { !long.contains($0) }
                    let bang = capital ? "!" : ""
                    forms = (short.isEmpty ? [] : [short.joined(separator: "|") + bang]) + long.map { $0 + bang }
                }
            }
            rows = rows.flatMap { r in forms.map { r.isEmpty ? $0 : r + " " + $0 } }
        }
        return rows
    }

    static func compile(_ text: String, payload: Int) throws(RuleError) -> Pattern {
        var elements: [(kind: Element.Kind, keys: [UInt64], letterCase: LetterCase, gap: Int, slot: Slot)] = []
        for chunk in text.split(separator: " ", omittingEmptySubsequences: true) {
            if chunk.hasPrefix("~") {
                guard let n = chunk == "~" ? 4 : Int(chunk.dropFirst()) else { throw RuleError(.pattern, "bad gap \(chunk) in '\(text)'") }
                elements.append((.gap, [], .any, n, .cn)); continue
            }
            if chunk.hasPrefix("{") && chunk.hasSuffix("}") {
                let name = chunk.dropFirst().dropLast()
                let slots: [String: Slot] = ["cn": .cn, "place": .place, "abroad": .abroad, "cap": .cap, "num": .num, "han": .han]
                guard let slot = slots[String(name)] else { throw RuleError(.pattern, "unknown slot \(chunk) in pattern '\(text)'") }
                elements.append((.slot, [], .any, 0, slot)); continue
            }
            var word = String(chunk)
            let capital = word.hasSuffix("!") && word.count > 1
            if capital { word.removeLast() }
            let lc: LetterCase = capital ? .capital : .any
            let alternatives = word.split(separator: "|")
            if alternatives.count > 1 {
                var keys: [UInt64] = []
                for a in alternatives {
                    let t = Tokenizer.tokenize(Array(a.utf8))
                    guard t.count == 1 else { throw RuleError(.pattern, "alternative '\(a)' in '\(text)' must be a single token") }
                    keys.append(t[0].key)
                }
                elements.append((.word, keys, lc, 0, .cn))
            } else {
                for t in Tokenizer.tokenize(Array(word.utf8)) { elements.append((.word, [t.key], lc, 0, .cn)) }
            }
        }
        guard let first = elements.first else { throw RuleError(.pattern, "empty pattern") }
        if first.kind == .gap { throw RuleError(.pattern, "pattern '\(text)' may not start with ~") }
        if first.kind == .slot && first.slot == .han { throw RuleError(.pattern, "pattern '\(text)' may not start with {han}: Chinese has no word boundary to start it at") }
        return Pattern(elements: elements, payload: payload, source: text)
    }

    /// A case-sensitive phrase (gazetteer names): capitalised words must stay capitalised, acronyms upper-case.
    static func phrase(_ text: String, payload: Int) throws(RuleError) -> Pattern {
        let tokens = Tokenizer.tokenize(Array(text.utf8))
        guard !tokens.isEmpty else { throw RuleError(.pattern, "empty name") }
        let elements = tokens.map { t -> (kind: Element.Kind, keys: [UInt64], letterCase: LetterCase, gap: Int, slot: Slot) in
            let lc: LetterCase = t.kind != .word ? .any : t.allCaps && t.end - t.start > 1 ? .upper : t.capitalized ? .capital : .any
            return (.word, [t.key], lc, 0, .cn)
        }
        return Pattern(elements: elements, payload: payload, source: text)
    }
}
