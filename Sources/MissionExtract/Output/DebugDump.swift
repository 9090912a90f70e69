extension Document {
    /// A readable listing of sentences and their entities, for rule writers (`--dump`).
    public func debugDump() -> String {
        var out = "# \(input.name) title=\(title ?? "nil") published=\(published ?? "nil") dateline=\(dateline.map { "«" + slice($0) + "»" } ?? "nil") id=\(articleID.prefix(20))…\n"
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

    /// Each sentence's triggers (type, weight, words, rule) as the event stage scans them, for rule
    /// writers (`--dump`): why a sentence did or did not become an event.
    public func debugTriggers(rules: RuleSet) -> String {
        let store = rules.store
        let places = EventStage.placeStarts(self, store)
        var out = ""
        withBuffers(places: places) { text in
            let tp = text.tokens
            for (n, s) in sentences.enumerated() {
                let ctx = text.context(limit: s.tokens.upperBound)
                var lines: [String] = []
                for (table, name) in [(store.triggers, "trigger"), (store.fairNames, "fair")] {
                    table.forEachMatch(from: s.tokens.lowerBound, ctx) { m in
                        let words = slice(Int(tp[m.start].start)..<Int(tp[m.end - 1].end))
                        lines.append("    \(name) \(m.label.type.rawValue) w\(m.label.weight) «\(words)»  \(table.source(ofPattern: m.pattern))")
                    }
                }
                store.cues.forEachMatch(from: s.tokens.lowerBound, ctx) { m in
                    let words = slice(Int(tp[m.start].start)..<Int(tp[m.end - 1].end))
                    lines.append("    cue \(m.label.rawValue) «\(words)»")
                }
                if !lines.isEmpty { out += "[\(n)]\n" + lines.joined(separator: "\n") + "\n" }
            }
        }
        return out
    }

    /// Who speaks each quotation, for rule writers.
    public func debugQuotes(rules: RuleSet) -> String {
        var out = ""
        withBuffers { text in
            for (n, q) in quotes.enumerated() {
                let s = QuoteSpeaker.find(quote: q, doc: self, rules: rules.store, tp: text.tokens, bp: text.bytes)
                out += "quote \(n) tokens \(q): speaker org=\(s.organization?.name ?? "nil") expert=\(s.isExpert)\n"
            }
        }
        return out
    }
}
