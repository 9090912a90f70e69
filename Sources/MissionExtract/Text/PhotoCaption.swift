/// Photo captions: a paragraph that ends with a bracketed credit ("… on Aug. 19. (Xinhua/Wang Peng)",
/// "[Photo provided to chinadaily.com.cn]", "(Photo: Nanfang Daily)"). A caption shows an action the
/// story reports: what is read from it joins the story's event of its type rather than standing alone.
struct PhotoCaption {
    /// First words of the credits of furniture.tsv ("photo", "xinhua", "afp"…); "the" and "china"
    /// start too many other brackets ("(China) Co.") to mark a credit.
    private let creditWords: KeySet

    init(rules: RuleStore) {
        let first = rules.furniture.credit.compactMap { $0.split(separator: " ").first.map(String.init) }
        creditWords = KeySet(first.filter { $0 != "the" && $0 != "china" })
    }

    /// By paragraph: does it end with a bracketed credit?
    func paragraphs(_ doc: Document, _ tp: UnsafeBufferPointer<Token>) -> [Bool] {
        guard let last = doc.sentences.last else { return [] }
        var caption = [Bool](repeating: false, count: last.paragraph + 1)
        let close = [TokenKey.of(")"), TokenKey.of("]")], open = [TokenKey.of("("), TokenKey.of("[")]
        for (i, s) in doc.sentences.enumerated() {
            // the last sentence of its paragraph
            guard i + 1 == doc.sentences.count || doc.sentences[i + 1].paragraph != s.paragraph else { continue }
            let end = s.tokens.upperBound - 1
            guard let c = close.firstIndex(of: tp[end].key) else { continue }
            var k = end - 1
            while k >= s.tokens.lowerBound, end - k <= 12, tp[k].key != open[c] { k -= 1 }
            guard k >= s.tokens.lowerBound, end - k <= 12, k + 1 < end, creditWords.contains(tp[k + 1].key) else { continue }
            caption[s.paragraph] = true
        }
        return caption
    }
}
