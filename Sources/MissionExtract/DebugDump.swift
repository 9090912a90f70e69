extension Document {
    /// A readable listing of sentences and their entities, for rule writers (`--dump`).
    public func debugDump() -> String {
        var out = "# \(input.name) title=\(title ?? "nil") published=\(published ?? "nil") id=\(articleID.prefix(20))…\n"
        for (n, s) in sentences.enumerated() {
            let flags = (s.isHeading ? "H" : "") + (s.quote >= 0 ? "Q\(s.quote)" : "")
            out += "[\(n) p\(s.paragraph) \(flags)] \(slice(s.start..<s.end))\n"
            for e in entities[s.entities] {
                let words = slice(Int(tokens[e.tokens.lowerBound].start)..<Int(tokens[e.tokens.upperBound - 1].end))
                out += "    \(e.value)  «\(words)»\n"
            }
        }
        return out
    }

    /// Who speaks each quotation, for rule writers.
    public func debugQuotes(rules: RuleSet) -> String {
        var out = ""
        tokens.withUnsafeBufferPointer { tp in
            bytes.withUnsafeBufferPointer { bp in
                for (n, q) in quotes.enumerated() {
                    let s = QuoteSpeaker.find(quote: q, doc: self, rules: rules.store, tp: tp, bp: bp)
                    out += "quote \(n) tokens \(q): speaker org=\(s.organization?.name ?? "nil") expert=\(s.isExpert)\n"
                }
            }
        }
        return out
    }
}
