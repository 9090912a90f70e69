/// Splits the token stream into sentences. A sentence ends at . ! ? (with any closing quotes or
/// brackets after it) when the next token starts a sentence, and always at a paragraph break.
/// Abbreviations from abbreviations.tsv ("Dec.", "Co., Ltd.") do not end sentences unless a clear
/// sentence start follows a "maybe" one. Also finds quoted speech and marks headings.
struct SentenceStage: ExtractionStage {
    let name = "sentences"
    let abbreviations: KeyMap
    /// Words that clearly begin a sentence after "Co., Ltd." and the like (lexicon.tsv).
    let starters: KeySet

    init(rules: RuleSet) { abbreviations = rules.store.abbreviations; starters = rules.store.lexicon.sentenceStarters }

    // The word lists are stage properties, not statics: they are read per token, and every read
    // of a static goes through its lazy initialiser.
    let period = TokenKey.of("."), comma = TokenKey.of(","), colon = TokenKey.of(":")
    let asciiTerminals = KeySet(["!", "?", ";"])
    let terminal = KeySet([".", "!", "?", "…", "。"])
    let closers = KeySet(keys: [Tokenizer.quoteKey, Tokenizer.apostropheKey, TokenKey.of(")"), TokenKey.of("]")])
    let openers = KeySet(keys: [Tokenizer.quoteKey, Tokenizer.apostropheKey, TokenKey.of("("), TokenKey.of("["), TokenKey.of("•")])

    func run(_ doc: inout Document) throws(ArticleRejection) {
        let budget = doc.budget
        let (sentences, quotes) = doc.withBuffers { split($0.tokens, $0.bytes, budget: budget) }
        doc.sentences = sentences
        doc.quotes = quotes
    }

    /// With a `budget`, stops early once it is spent (`run` then refuses the article).
    func split(_ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>, budget: ExtractionBudget? = nil) -> ([Sentence], [Range<Int>]) {
        var sentences: [Sentence] = []
        sentences.reserveCapacity(tp.count / 16 + 4)      // news sentences run 20–40 tokens: one allocation
        var paragraph = 0
        var start = 0
        var i = 0
        // Scalar offsets (for evidence), counted on as the sentences come, in text order.
        var counted = 0, scalars = 0
        func scalarOffset(_ byte: Int) -> Int {
            scalars += bp.scalarCount(from: counted, to: byte)
            counted = byte
            return scalars
        }
        func close(_ end: Int, newParagraph: Bool) {
            guard end > start else { return }
            let from = Int(tp[start].start), to = Int(tp[end - 1].end)
            var s = Sentence(start: from, end: to, scalarStart: scalarOffset(from), scalarEnd: scalarOffset(to),
                             tokens: start..<end, paragraph: paragraph)
            let lineStart = tp[start].newlineBefore || start == 0
            let lineEnd = end == tp.count || tp[end].newlineBefore
            let last = tp[end - 1].key
            // (a Chinese line ending in a full-width colon introduces what follows: "这次出台的…政策,主要是:")
            // (many pages write Chinese with ASCII marks: a ":" after a Chinese character too)
            let wideColon = end - 1 > start && tp[end - 2].isIdeograph && (tp[end - 1].key == colon
                || tp[end - 1].end - tp[end - 1].start == 3 && bp[Int(tp[end - 1].start)] == 0xEF && bp[Int(tp[end - 1].start) + 2] == 0x9A)
            if lineStart, lineEnd, s.end - s.start < (start == 0 ? 300 : 150), !terminal.contains(last), last != Tokenizer.quoteKey, !wideColon {
                s.isHeading = true
            }
            sentences.append(s)
            start = end
            if newParagraph { paragraph += 1 }
        }
        var step = 0
        while i < tp.count {
            step &+= 1
            if budget.isOver(atStep: step) { break }
            if i > start, tp[i].newlineBefore, lineBreakEnds(tp, bp, i) {
                close(i, newParagraph: true)
                continue
            }
            // (Chinese 。！？； end a sentence whatever follows: no space, no capital letter comes next)
            // (and ASCII ! ? ; between Chinese characters, as many pages write them)
            let wide = tp[i].kind == .punct && (isChineseTerminal(tp[i], bp)
                || i > 0 && i + 1 < tp.count && tp[i - 1].isIdeograph && tp[i + 1].isIdeograph && asciiTerminals.contains(tp[i].key))
            if tp[i].kind == .punct, wide || terminal.contains(tp[i].key) && endsSentence(tp, i) {     // . ! ? … are punctuation
                var j = i + 1
                while j < tp.count, !tp[j].spaceBefore, closers.contains(tp[j].key) { j += 1 }
                if wide || j == tp.count || startsSentence(tp, j) {
                    let paragraphEnd = j < tp.count && tp[j].newlineBefore && lineBreakEnds(tp, bp, j)
                    close(j, newParagraph: paragraphEnd)
                    i = j
                    continue
                }
            }
            i += 1
        }
        close(tp.count, newParagraph: true)
        let quotes = findQuotes(tp, bp, sentences)
        // A sentence belongs to a quotation when its first word lies inside it. Both lists are in
        // text order and the quotations do not overlap: one pass over both (looking through every
        // quotation for each sentence was quadratic in an article of quoted lines).
        var q = 0
        for si in sentences.indices {
            var first = sentences[si].tokens.lowerBound
            if tp[first].key == Tokenizer.quoteKey, first + 1 < sentences[si].tokens.upperBound { first += 1 }
            while q < quotes.count, quotes[q].upperBound <= first { q += 1 }
            if q < quotes.count, quotes[q].contains(first) { sentences[si].quote = q }
        }
        return (sentences, quotes)
    }

    /// A line break ends a sentence unless it is a hard wrap: a long line without final
    /// punctuation followed by a lower-case word.
    private func lineBreakEnds(_ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let prevEnd = Int(tp[i - 1].end), nextStart = Int(tp[i].start)
        var newlines = 0
        for k in prevEnd..<nextStart where bp[k] == 0x0A { newlines += 1 }
        if newlines >= 2 { return true }
        var lineStart = i - 1
        while lineStart > 0, !tp[lineStart].newlineBefore { lineStart -= 1 }
        let lineLength = prevEnd - Int(tp[lineStart].start)
        let lower = tp[i].kind == .word && !tp[i].capitalized
        return !(lineLength >= 60 && lower && !terminal.contains(tp[i - 1].key))
    }

    /// 。 (E3 80 82) and the full-width ！？； (EF BC 81, 9F, 9B).
    private func isChineseTerminal(_ t: Token, _ bp: UnsafeBufferPointer<UInt8>) -> Bool {
        guard t.end - t.start == 3 else { return false }
        let a = bp[Int(t.start)], b = bp[Int(t.start) + 1], c = bp[Int(t.start) + 2]
        return a == 0xE3 && b == 0x80 && c == 0x82 || a == 0xEF && b == 0xBC && (c == 0x81 || c == 0x9F || c == 0x9B)
    }

    /// Is the period at i a sentence end, given the word before it?
    private func endsSentence(_ tp: UnsafeBufferPointer<Token>, _ i: Int) -> Bool {
        guard tp[i].key == period, i > 0, !tp[i].spaceBefore else { return true }
        let prev = tp[i - 1]
        if let abbreviation = abbreviations.get(prev.key) {
            let maybe = abbreviation == 1
            guard maybe, i + 1 < tp.count else { return maybe }
            return starters.contains(tp[i + 1].key) && tp[i + 1].capitalized
        }
        // Initials and dotted abbreviations: "U.S.", "J. Smith".
        if prev.kind == .word, prev.end - prev.start == 1 { return false }
        return true
    }

    private func startsSentence(_ tp: UnsafeBufferPointer<Token>, _ j: Int) -> Bool {
        let t = tp[j]
        guard t.spaceBefore else { return false }
        if t.kind == .number || t.capitalized { return true }
        if openers.contains(t.key) { return true }
        return t.kind == .word && t.newlineBefore
    }

    /// Quoted speech: a pair of quotation marks around at least three tokens that holds a sentence
    /// end or ends in punctuation (“…,” / “….”). Quoted names ("big move") are not speech.
    private func findQuotes(_ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>, _ sentences: [Sentence]) -> [Range<Int>] {
        var quotes: [Range<Int>] = []
        var openAt: Int?
        let quoteKey = Tokenizer.quoteKey                // a static is a lazy global: read once, not per token
        for i in 0..<tp.count {
            if tp[i].newlineBefore { openAt = nil }      // a quotation never runs across lines
            guard tp[i].key == quoteKey else { continue }
            let opening = isOpening(tp, bp, i)
            if opening, openAt == nil { openAt = i; continue }
            if !opening, let o = openAt {
                let inner = (o + 1)..<i
                if inner.count >= 3 {
                    let last = tp[i - 1].key
                    let speech = terminal.contains(last) || last == comma
                        || inner.contains { terminal.contains(tp[$0].key) }
                    if speech { quotes.append(inner) }
                }
                openAt = nil
            }
        }
        return quotes
    }

    /// An opening mark follows white space (or starts the text) and is glued to the next token.
    private func isOpening(_ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let t = tp[i]
        // “ opens whatever is around it: Chinese has no spaces to tell ("李婷说:“今天…”")
        let at = Int(t.start)
        if t.end - t.start == 3, bp[at] == 0xE2, bp[at + 1] == 0x80, bp[at + 2] == 0x9C { return true }
        let afterSpace = i == 0 || t.spaceBefore
        let gluedNext = i + 1 < tp.count && !tp[i + 1].spaceBefore
        if afterSpace && gluedNext { return true }
        if !afterSpace { return false }
        return i + 1 < tp.count && tp[i + 1].kind == .word
    }
}
