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
        // After the quotation: up to the end of the sentence that follows the closing mark.
        var afterEnd = min(tp.count, close + 1)
        if let s = doc.sentences.first(where: { $0.tokens.contains(close + 1) }) { afterEnd = s.tokens.upperBound }
        afterEnd = min(afterEnd, close + 45)
        if close + 1 < afterEnd,
           let speaker = window((close + 1)..<afterEnd, doc: doc, rules: rules, tp: tp, bp: bp) {
            return speaker
        }
        // Before it: "X said: “…”" in the same sentence.
        if let s = doc.sentences.first(where: { $0.tokens.contains(q.lowerBound - 1) }), s.tokens.lowerBound < q.lowerBound - 1,
           let speaker = window(s.tokens.lowerBound..<(q.lowerBound - 1), doc: doc, rules: rules, tp: tp, bp: bp) {
            return speaker
        }
        return QuoteSpeaker()
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
        for e in doc.entities.indices where doc.entities[e].tokens.lowerBound >= r.lowerBound
                                          && doc.entities[e].tokens.upperBound <= max(verbStart, r.lowerBound + 30) {
            if case .organization(let o, let home, false) = doc.entities[e].value, speaker.organization == nil {
                speaker.organization = o
                speaker.home = home
            }
        }
        return speaker
    }
}
