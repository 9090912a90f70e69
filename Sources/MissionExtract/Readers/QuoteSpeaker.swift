/// Who is speaking a quotation: "“…,” Zhang Haofu, director of the Jiaxing Bureau of Commerce, said"
/// or "Hong Tao told the reporter, “…”". Events are read from quoted speech only when the speaker
/// speaks for a government body; experts, scholars and company staff give commentary.
struct QuoteSpeaker {
    var organization: Organizer?
    var home: Int?
    var isExpert = false

    /// A government body, or a trade-promotion council / chamber reporting its own work ("We organised 12 groups …").
    var isOfficial: Bool { (organization?.kind == .government || organization?.kind == .association) && !isExpert }

    static func find(quote q: Range<Int>, doc: Document, rules: RuleStore, tp: UnsafeBufferPointer<Token>, bp: UnsafeBufferPointer<UInt8>) -> QuoteSpeaker {
        let close = q.upperBound            // the closing mark
        // "X说:“…”", "X表示:“…”": a colon before the opening mark names the speaker before it
        // (whoever speaks the quotation after this one must not be taken for it).
        let colonFirst = q.lowerBound >= 2 && tp[q.lowerBound - 2].key == colon
        if colonFirst, let speaker = before(q, doc: doc, rules: rules, tp: tp, bp: bp) { return speaker }
        // After the quotation: up to the end of the sentence that follows the closing mark.
        var afterEnd = min(tp.count, close + 1)
        if let s = sentence(containing: close + 1, doc.sentences) { afterEnd = doc.sentences[s].tokens.upperBound }
        afterEnd = min(afterEnd, close + 45)
        if close + 1 < afterEnd,
           let speaker = window((close + 1)..<afterEnd, doc: doc, rules: rules, tp: tp, bp: bp) {
            return speaker
        }
        return (colonFirst ? nil : before(q, doc: doc, rules: rules, tp: tp, bp: bp)) ?? QuoteSpeaker()   // (already read)
    }

    private static let colon = TokenKey.of(":")

    /// Before it: "X said: “…”" in the same sentence, within `maxWordsBefore` (a line of quotations
    /// is one sentence: reading it from its start for each quotation was quadratic).
    private static func before(_ q: Range<Int>, doc: Document, rules: RuleStore, tp: UnsafeBufferPointer<Token>, bp: UnsafeBufferPointer<UInt8>) -> QuoteSpeaker? {
        guard let si = sentence(containing: q.lowerBound - 1, doc.sentences) else { return nil }
        let from = max(doc.sentences[si].tokens.lowerBound, q.lowerBound - 1 - maxWordsBefore)
        guard from < q.lowerBound - 1 else { return nil }
        return window(from..<(q.lowerBound - 1), doc: doc, rules: rules, tp: tp, bp: bp)
    }

    /// Tokens before a quotation looked through for its speaker: longer than any sentence of news.
    static let maxWordsBefore = 150

    /// The sentence holding token t, found by halving: the sentences are in text order, without gaps.
    static func sentence(containing t: Int, _ sentences: [Sentence]) -> Int? {
        var low = 0, high = sentences.count          // the first sentence ending after t is in low..<high
        while low < high {
            let mid = (low + high) / 2
            if sentences[mid].tokens.upperBound <= t { low = mid + 1 } else { high = mid }
        }
        return low < sentences.count && sentences[low].tokens.contains(t) ? low : nil
    }

    /// The first entity starting at or after token t (entities are in text order).
    static func firstEntity(from t: Int, _ entities: [Entity]) -> Int {
        var low = 0, high = entities.count
        while low < high {
            let mid = (low + high) / 2
            if entities[mid].tokens.lowerBound < t { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// A window holding a verb of saying: the organisations and expert words before that verb.
    private static func window(_ r: Range<Int>, doc: Document, rules: RuleStore, tp: UnsafeBufferPointer<Token>, bp: UnsafeBufferPointer<UInt8>) -> QuoteSpeaker? {
        guard !r.isEmpty else { return nil }
        let ctx = MatchContext(tokens: tp, bytes: bp, limit: r.upperBound)
        // The cues read as they are matched, not gathered into an array first.
        var verbStart: Int?, expert = false
        rules.cues.forEachMatch(from: r.lowerBound, ctx) { c in
            if c.label == .speech, verbStart == nil { verbStart = c.start }
            if c.label == .expert { expert = true }
        }
        guard let verbStart else { return nil }
        var speaker = QuoteSpeaker()
        speaker.isExpert = expert
        // Entities in text order: from the first at the window's start, until one starts past its end.
        let bound = max(verbStart, r.lowerBound + 30)
        var e = firstEntity(from: r.lowerBound, doc.entities)
        while e < doc.entities.count, doc.entities[e].tokens.lowerBound < bound {
            if doc.entities[e].tokens.upperBound <= bound, case .organization(let o, let home, false) = doc.entities[e].value,
               speaker.organization == nil {
                speaker.organization = o
                speaker.home = home
            }
            e += 1
        }
        return speaker
    }
}
