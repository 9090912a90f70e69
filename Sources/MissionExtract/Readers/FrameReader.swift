/// Reads the slots of one sentence into a draft, by attachment rather than proximity:
/// the organizer is the agent ("organized by X", "X led", "a delegation of X"), destinations
/// follow a destination word ("to France", "in Hong Kong and Germany"), the origin is the
/// agent's home or where participants come from ("from Haikou", "Wenzhou-based", "Zhejiang's").
struct FrameReader {
    let rules: RuleStore
    let tp: UnsafeBufferPointer<Token>
    let bp: UnsafeBufferPointer<UInt8>
    /// The sentence's entities, in place: loops read fields without copying (and retaining) entities.
    let entities: UnsafeBufferPointer<Entity>
    let sentence: Sentence
    let ctx: MatchContext
    let cues: [(label: RuleSet.Cue, start: Int, end: Int, pattern: Int)]
    /// Read per token: copied out of the lexicon once per sentence.
    private let cityKey: UInt64, provinceKey: UInt64, theKey: UInt64

    // The word lists are in lexicon.tsv (rules.lexicon); punctuation is syntax, kept here.
    static let comma = TokenKey.of(","), dash = TokenKey.of("-")
    static let openParen = TokenKey.of("("), closeParen = TokenKey.of(")")
    /// The "s" of a possessive "'s" (its own token after the apostrophe).
    static let possessiveS = TokenKey.of("s")

    /// `cueBuffer`: an empty array the sentence's cues are scanned into (its storage reused sentence after sentence).
    init(rules: RuleStore, text: TextBuffers, sentence: Sentence, cueBuffer: inout [RuleTable<RuleSet.Cue>.Match]) {
        self.rules = rules; self.tp = text.tokens; self.bp = text.bytes; self.sentence = sentence
        cityKey = rules.lexicon.city; provinceKey = rules.lexicon.province; theKey = rules.lexicon.the
        self.entities = UnsafeBufferPointer(rebasing: text.entities[sentence.entities])
        self.ctx = text.context(limit: sentence.tokens.upperBound)
        rules.cues.scan(from: sentence.tokens.lowerBound, ctx, into: &cueBuffer)
        // A head's cue ends at the verb of going ("副市长王军一行赴"): that verb also leads to the
        // destination, a cue of its own that the one leftmost-longest scan gave to the longer cue.
        for c in cueBuffer where c.label == .cityHead || c.label == .provinceHead {
            for k in max(c.start + 1, c.end - 2)..<c.end where rules.cue(.destPrep, at: k, ctx) == c.end {
                cueBuffer.append((label: .destPrep, start: k, end: c.end, pattern: c.pattern))
                break
            }
        }
        self.cues = cueBuffer
    }

    func words(_ r: Range<Int>) -> String { Self.words(r, tp, bp) }

    static func words(_ r: Range<Int>, _ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>) -> String {
        guard !r.isEmpty else { return "" }
        return String(decoding: bp[Int(tp[r.lowerBound].start)..<Int(tp[r.upperBound - 1].end)], as: UTF8.self)
    }

    /// "221" of a count of 221.0; a count beyond Int ("1e20 projects") keeps its Double text
    /// rather than trapping in Int(_:).
    static func wholeNumberText(_ v: Double) -> String {
        let whole = v.rounded(.towardZero)
        return Int(exactly: whole).map(String.init) ?? whole.description
    }

    func has(_ cue: RuleSet.Cue) -> Bool {
        cues.contains { c in
            guard c.label == cue else { return false }
            // "May" in the middle of a sentence is the month, not the modal.
            if cue == .speculation, tp[c.start].capitalized, c.start != sentence.tokens.lowerBound { return false }
            return true
        }
    }

    /// The entity starting at token k, after "the"/"a"/"many" and the like: its index in `entities`.
    func entity(at k0: Int) -> Int? {
        var k = k0
        while true {
            if let e = entities.firstIndex(where: { $0.tokens.lowerBound == k }) {
                // "the Russian city of Yekaterinburg": the name after "of", not the adjective
                let n = entities[e].tokens.upperBound
                if case .place(_, true) = entities[e].value, n + 1 < sentence.tokens.upperBound,
                   rules.lexicon.placeNounsBeforeOf.contains(tp[n].key), tp[n + 1].key == rules.lexicon.of,
                   let named = entities.firstIndex(where: { $0.tokens.lowerBound == n + 2 }), place(named) != nil { return named }
                return e
            }
            guard k < sentence.tokens.upperBound else { return nil }
            // "the city of Yongkang", "the southwestern province of Yunnan": the name after "of"
            if k > k0, tp[k - 1].key == rules.lexicon.the {
                for n in k...(k + 1) where n + 1 < sentence.tokens.upperBound
                    && rules.lexicon.placeNounsBeforeOf.contains(tp[n].key) && tp[n + 1].key == rules.lexicon.of {
                    if let e = entities.firstIndex(where: { $0.tokens.lowerBound == n + 2 }), place(e) != nil { return e }
                }
            }
            guard k - k0 < 2, rules.lexicon.determiners.contains(tp[k].key) else { return nil }
            k += 1
        }
    }

    /// The gazetteer place of entity e, if it is one.
    func place(_ e: Int) -> (index: Int, adjective: Bool)? {
        guard case .place(let p, let adj) = entities[e].value else { return nil }
        return (Int(p), adj)
    }

    func destination(_ p: Int) -> Destination { Destination(name: rules.places[p].name, code: rules.places[p].code) }

    /// "the city", "the port city", "the province": the place the text is about.
    @inline(__always)
    func contextPlace(endingAt k: Int) -> Int? {
        guard k >= sentence.tokens.lowerBound, k < sentence.tokens.upperBound else { return nil }
        let key = tp[k].key
        guard key == cityKey || key == provinceKey else { return nil }
        return contextPlace(key, k)
    }

    private func contextPlace(_ key: UInt64, _ k: Int) -> Int? {
        guard k >= 1, tp[k - 1].key == theKey || (k >= 2 && tp[k - 2].key == theKey && tp[k - 1].kind == .word) else { return nil }
        return key == cityKey ? (sentence.city ?? sentence.province) : sentence.province
    }

    /// The province a governor heads, or the city a mayor heads (lexicon sets): the first of that
    /// level named in the sentence, else the one the text is about.
    func placeHeaded(by title: String) -> Int? {
        let words = title.split(separator: " ").map { TokenKey.of(String($0)) }
        let province = words.contains { rules.lexicon.provinceHeadTitles.contains($0) }
        guard province || words.contains(where: { rules.lexicon.cityHeadTitles.contains($0) }) else { return nil }
        for e in entities.indices {
            guard let (p, adj) = place(e), !adj, rules.places[p].isChinese else { continue }
            if province ? rules.places[p].kind == .province : rules.places[p].kind == .city { return p }
        }
        return province ? sentence.province : sentence.city
    }

    /// A place acting ("Guangxi launched", "organized by Wuxi city") is its government, named with its level.
    func governmentOf(_ p: Int) -> Organizer {
        let place = rules.places[p]
        // "嘉兴市政府": a Chinese sentence names it in Chinese, as the organizer names stay as written
        if let zh = place.chineseName, sentence.tokens.contains(where: { tp[$0].isIdeograph }) {
            return Organizer(name: zh + "政府", kind: .government)
        }
        // "Wuxi municipal government": the level named, as the city's own releases write it (as
        // "Shanghai municipal government", "Guangxi Zhuang Autonomous Region government")
        if let formal = place.formalName {
            return Organizer(name: formal.hasSuffix("Municipality") ? place.name + " municipal government" : formal + " government", kind: .government)
        }
        let level = place.kind == .province ? " provincial government" : place.kind == .city ? " municipal government" : " government"
        return Organizer(name: place.name + level, kind: .government)
    }

    /// The government body or association a sentence reports from: "…, the Ministry of Commerce
    /// (MOC) said on July 2", "according to a State Council executive meeting". `anyForm`: also
    /// "according to X", "said X" and "X said" without the comma before X (a measure is announced
    /// through its author); otherwise only "…, X said" closing the report of an action.
    /// Returns the entity's index and the speech cue.
    func reportingBody(anyForm: Bool) -> (Int, (label: RuleSet.Cue, start: Int, end: Int, pattern: Int))? {
        func body(_ e: Int) -> Bool {
            guard case .organization(let o, _, false) = entities[e].value else { return false }
            return o.kind == .government || o.kind == .association
        }
        for c in cues where c.label == .speech {
            // "according to X", "said the ministry"
            if anyForm, let e = entity(at: c.end), body(e) { return (e, c) }
            // "X said", "X (MOC) said"
            var k = c.start
            if k - 3 >= sentence.tokens.lowerBound, tp[k - 1].key == Self.closeParen, tp[k - 3].key == Self.openParen { k -= 3 }
            guard let e = entities.lastIndex(where: { $0.tokens.upperBound == k }), body(e) else { continue }
            let s = entities[e].tokens.lowerBound
            if anyForm || s > sentence.tokens.lowerBound && tp[s - 1].key == Self.comma { return (e, c) }
        }
        return nil
    }

    /// "Ren Hongbin, chairman of the China Council …": a name of up to four capitalised words from
    /// token k, a comma, a title of up to six words, then an organisation: that organisation's index.
    func officialsBody(after k: Int) -> Int? {
        let hi = sentence.tokens.upperBound
        var j = k
        while j < hi, j - k < 4, tp[j].capitalized { j += 1 }
        guard j > k, j < hi, tp[j].key == Self.comma else { return nil }
        var t = j + 1
        while t < hi, t - j <= 7 {
            if let e = entity(at: t), isOrganization(e) { return e }
            guard tp[t].kind == .word else { return nil }
            t += 1
        }
        return nil
    }

    /// Is the word after token `end` (skipping aux words, "Province", adverbs) an agent verb?
    func agentVerbFollows(_ end: Int) -> Bool {
        var k = end, skipped = 0
        // An apposition or aside between the agent and its verb: "The State Council, China's
        // cabinet, urged …", "The ministry, together with eight other departments, launched …"
        if k < sentence.tokens.upperBound, tp[k].key == Self.comma {
            var j = k + 1
            while j < sentence.tokens.upperBound, j - k <= 8, tp[j].kind != .punct || tp[j].key == Tokenizer.apostropheKey { j += 1 }
            if j < sentence.tokens.upperBound, j - k > 1, j - k <= 8, tp[j].key == Self.comma { k = j + 1 }
        }
        // its abbreviation in brackets: "the Hong Kong Trade Development Council (HKTDC) embarked on …"
        if k + 2 < sentence.tokens.upperBound, tp[k].key == Self.openParen, tp[k + 2].key == Self.closeParen, tp[k + 1].allCaps { k += 3 }
        // a co-party the rules do not know: "X and the Macao Institute signed …"
        if k + 2 < sentence.tokens.upperBound, tp[k].key == PatternSet.andKey {
            var j = k + 1
            if rules.lexicon.determiners.contains(tp[j].key) { j += 1 }
            let first = j
            while j < sentence.tokens.upperBound, j - first < 8, tp[j].capitalized
                    || j > first && j + 1 < sentence.tokens.upperBound && tp[j].key == PatternSet.andKey && tp[j + 1].capitalized { j += 1 }
            if j > first { k = j }
        }
        while k < sentence.tokens.upperBound, skipped <= 4 {
            if rules.cue(.agentVerb, at: k, ctx) != nil || rules.cue(.cityHead, at: k, ctx) != nil || rules.cue(.provinceHead, at: k, ctx) != nil { return true }
            if let e = rules.cue(.aux, at: k, ctx) { k = e; skipped += 1; continue }
            if rules.lexicon.agentSuffixes.contains(tp[k].key) { k += 1; skipped += 1; continue }
            // a date between: "苏州市商务局3月5日召开新闻发布会", "金华市政府于3月16日组织"
            if let e = entity(at: k), case .date = entities[e].value { k = entities[e].tokens.upperBound; skipped += 1; continue }
            if tp[k].kind == .word, isAdverb(k) { k += 1; skipped += 1; continue }
            return false
        }
        return false
    }

    /// "from south-west China's Sichuan province": a place at the end of a from-phrase (within seven
    /// tokens of words, hyphens and possessives after "from", no other place between).
    func inFromPhrase(_ s: Int) -> Bool {
        var k = s - 1
        while k >= sentence.tokens.lowerBound, s - k <= 7 {
            let t = tp[k]
            // ("a delegation from …" is one member_of cue that ends with the "from")
            if cues.contains(where: { $0.label == .originPrep && $0.start == k || $0.label == .memberOf && $0.end == k + 1 && $0.end - $0.start > 1 }) { return k < s - 1 }
            guard t.kind == .word || t.key == Self.dash || t.key == Tokenizer.apostropheKey else { return false }
            if rules.cue(.agentVerb, at: k, ctx) != nil { return false }
            // another place in between, not a possessive ("from Fuzhou Changle Airport"): that one is the origin
            if tp[k + 1].key != Tokenizer.apostropheKey,
               entities.indices.contains(where: { entities[$0].tokens.upperBound == k + 1 && place($0) != nil }) { return false }
            k -= 1
        }
        return false
    }

    /// A place outside China after token k of the sentence: the trip goes abroad.
    func hasForeignPlace(after k: Int) -> Bool {
        entities.indices.contains { e in
            guard entities[e].tokens.lowerBound >= k, let (p, _) = place(e) else { return false }
            return !rules.places[p].isChinese
        }
    }

    /// A word of more than four letters ending in "ly" ("actively"); ASCII words without making a String.
    private func isAdverb(_ k: Int) -> Bool {
        let r = Int(tp[k].start)..<Int(tp[k].end)
        guard bp[r].allSatisfy({ $0 < 0x80 }) else { let w = words(k..<(k + 1)); return w.hasSuffix("ly") && w.count > 4 }
        return r.count > 4 && bp[r.upperBound - 2] == UInt8(ascii: "l") && bp[r.upperBound - 1] == UInt8(ascii: "y")
    }

    /// "China's Ministry of Commerce": the organisation right after place e and its possessive.
    func possessed(_ e: Int) -> Int? {
        guard place(e) != nil else { return nil }
        var k = entities[e].tokens.upperBound
        guard k < sentence.tokens.upperBound, tp[k].key == Tokenizer.apostropheKey else { return nil }
        k += 1
        if k < sentence.tokens.upperBound, tp[k].key == Self.possessiveS { k += 1 }
        guard e + 1 < entities.count, entities[e + 1].tokens.lowerBound == k, isOrganization(e + 1) else { return nil }
        return e + 1
    }

    func isOrganization(_ e: Int) -> Bool {
        if case .organization(_, _, false) = entities[e].value { return true }
        return false
    }

    /// The organisation joined to entity e by "and" or a comma ("X and the Y", "X, Y"), if the next entity is one.
    func joinedOrganization(after e: Int) -> Int? {
        guard e + 1 < entities.count, isOrganization(e + 1) else { return nil }
        var k = entities[e].tokens.upperBound
        let next = entities[e + 1].tokens.lowerBound
        var joined = false
        while k < next, rules.lexicon.listJoiners.contains(tp[k].key) { k += 1; joined = true }
        return joined && k == next ? e + 1 : nil
    }

    /// "Zhejiang, another major export hub, sent …", "Suqian, a city in Jiangsu province, organized …":
    /// a description in commas (opening with a lower-case word) between the agent at `end` and its verb.
    func appositiveThenVerb(after end: Int) -> Bool {
        let hi = sentence.tokens.upperBound
        guard end + 1 < hi, tp[end].key == Self.comma, tp[end + 1].kind == .word, !tp[end + 1].capitalized else { return false }
        var k = end + 2
        while k < hi, k - end <= 10 {
            if tp[k].key == Self.comma { return agentVerbFollows(k + 1) }
            if tp[k].kind == .punct && tp[k].key != Self.dash && tp[k].key != Tokenizer.apostropheKey { return false }
            if rules.cue(.agentVerb, at: k, ctx) != nil { return false }
            k += 1
        }
        return false
    }

    /// "Chen Li, deputy director-general of the X": organisation e ends a title after a name and a comma
    /// (the title's words, hyphens and "of" between, within a dozen tokens, no verb or other entity).
    func inAppositive(_ e: Int) -> Bool {
        let s = entities[e].tokens.lowerBound
        guard s > sentence.tokens.lowerBound, tp[s - 1].key == rules.lexicon.of else { return false }
        var k = s - 2
        while k > sentence.tokens.lowerBound, s - k <= 12 {
            if tp[k].key == Self.comma { return tp[k - 1].capitalized || entities.contains { $0.tokens.upperBound == k } }
            if tp[k].kind != .word && tp[k].key != Self.dash || entities.contains(where: { e in
                guard e.tokens.contains(k) else { return false }
                switch e.value { case .place: return false; default: return true }       // "Director of the European Affairs Division of"
            }) { return false }
            if rules.cue(.agentVerb, at: k, ctx) != nil { return false }
            k -= 1
        }
        return false
    }

    /// "from Qingdao and Yantai": a place listed after a place that follows "from".
    func listedAfterOriginPrep(_ s: Int) -> Bool {
        var k = s - 1
        var joined = false
        while k > sentence.tokens.lowerBound, rules.lexicon.listJoiners.contains(tp[k].key) { k -= 1; joined = true }
        guard joined, let prev = entities.lastIndex(where: { $0.tokens.upperBound == k + 1 }), place(prev) != nil else { return false }
        let ps = entities[prev].tokens.lowerBound
        return cues.contains { $0.label == .originPrep && $0.end == ps } || listedAfterOriginPrep(ps)
    }

    /// A fair's close ("concluded", "came to a close") within the ten tokens before token k, with
    /// no opening between: the date at k is when the fair ended.
    func closes(before k: Int) -> Bool {
        let from = max(sentence.tokens.lowerBound, k - 10)
        guard let close = (from..<k).last(where: { rules.cue(.fairClose, at: $0, ctx).map { $0 <= k } ?? false }) else { return false }
        return cue(.fairOpen, in: (close + 1)..<k) == nil
    }

    /// Chinese puts the close after its date: "广交会5日落下帷幕", "12日在海口闭幕" (a close within eight
    /// tokens after a date written in Chinese, no opening between).
    func closesAfter(_ et: Range<Int>) -> Bool {
        guard tp[et.upperBound - 1].isIdeograph else { return false }
        let to = min(sentence.tokens.upperBound, et.upperBound + 8)
        guard let close = (et.upperBound..<to).first(where: { rules.cue(.fairClose, at: $0, ctx) != nil }) else { return false }
        return cue(.fairOpen, in: et.upperBound..<close) == nil
    }

    /// …and its opening: "将于9月20日开幕", "12日在海口开幕" (an opening within eight tokens after a
    /// date written in Chinese, no close between).
    func opensAfter(_ et: Range<Int>) -> Bool {
        guard tp[et.upperBound - 1].isIdeograph else { return false }
        let to = min(sentence.tokens.upperBound, et.upperBound + 8)
        guard let open = (et.upperBound..<to).first(where: { rules.cue(.fairOpen, at: $0, ctx) != nil }) else { return false }
        return cue(.fairClose, in: et.upperBound..<open) == nil
    }

    /// A signing cue ("signed", "inked", "signing of") within eight tokens before the tokens r, or
    /// twelve after ("310 projects with a combined investment of 95.6 billion yuan were signed").
    func signedNear(_ r: Range<Int>) -> Bool {
        cue(.signing, in: max(sentence.tokens.lowerBound, r.lowerBound - 8)..<r.lowerBound) != nil
            || cue(.signing, in: r.upperBound..<min(sentence.tokens.upperBound, r.upperBound + 12)) != nil
    }

    /// The first token of r where a cue of this kind starts, tested kind by kind: the sentence's
    /// scanned cues keep one cue per word ("signed" is also an agent verb).
    func cue(_ kind: RuleSet.Cue, in r: Range<Int>) -> Int? {
        r.first { rules.cue(kind, at: $0, ctx) != nil }
    }

    /// An amount within three tokens after token k ("120 projects worth $10.3 billion").
    func moneyFollows(_ k: Int) -> Bool {
        entities.contains { e in
            guard case .money = e.value else { return false }
            return e.tokens.lowerBound >= k && e.tokens.lowerBound - k <= 3
        }
    }

    /// `triggers`: the sentence's triggers, of which only those of `triggerType` count (none when nil):
    /// filtered where asked, not into an array of their own per sentence.
    func read(type: EventType, triggers: [(label: RuleSet.Trigger, start: Int, end: Int, pattern: Int)], of triggerType: EventType?,
              into d: inout EventDraft) {
        let lo = sentence.tokens.lowerBound, hi = sentence.tokens.upperBound
        let tp = self.tp, bp = self.bp      // closures below capture the buffers, not a copy of the reader
        // The add… calls' autoclosures read words through this local function, which shadows the
        // method: one capturing self copied the reader (retaining its store and cues) at each call.
        func words(_ r: Range<Int>) -> String { FrameReader.words(r, tp, bp) }
        // The trace's words, as the byte range they span: made into a String only if the trace is read.
        func span(_ r: Range<Int>) -> TracePart {
            guard !r.isEmpty else { return .text("") }
            return .bytes(start: tp[r.lowerBound].start, end: tp[r.upperBound - 1].end)
        }
        func span(_ prefix: String, _ r: Range<Int>) -> TracePart {
            guard !r.isEmpty else { return .text(prefix) }
            return .prefixedBytes(prefix, start: tp[r.lowerBound].start, end: tp[r.upperBound - 1].end)
        }
        var destinations: [Range<Int>] = [] // their tokens: a few ranges beat a hash set of tokens
        // A fair that opens or closes "in Nanning" is held there: a Chinese place after "in" is its venue.
        let fairPhase = type == .tradeFair && (cue(.fairOpen, in: lo..<hi) != nil || cue(.fairClose, in: lo..<hi) != nil)

        // Organizer: passive agents and "delegation of X"
        for c in cues where c.label == .organizerBy || c.label == .memberOf {
            // "led by Ren Hongbin, chairman of the China Council for the Promotion of International Trade": the official's body
            if c.label == .organizerBy, let b = officialsBody(after: c.end), case .organization(let o, let home, false) = entities[b].value {
                d.addOrganizer(o, home: home, rule: "organizer_by: official's body", words: span(c.start..<entities[b].tokens.upperBound))
                continue
            }
            guard var e = entity(at: c.end) else { continue }
            if let owned = possessed(e) { e = owned }         // "organized by China's Ministry of Commerce"
            let end = entities[e].tokens.upperBound
            switch entities[e].value {
            case .organization(let o, let home, false):
                d.addOrganizer(o, home: home, rule: c.label.rawValue, words: span(c.start..<end))
                // "jointly organized by the Sichuan department and the Guangdong department"
                var last = e
                while let n = joinedOrganization(after: last), case .organization(let o2, let home2, false) = entities[n].value {
                    d.addOrganizer(o2, home: home2, rule: c.label.rawValue + " (joined)", words: span(c.start..<entities[n].tokens.upperBound))
                    last = n
                }
            case .person(let name, let title) where c.label == .organizerBy:
                // "led by Governor Xu Dazhe" of a delegation from Hunan: the head of a province's or
                // city's government leads for it
                if let title, let p = placeHeaded(by: title) {
                    d.addOrganizer(governmentOf(p), home: p, rule: "organizer_by: head of a place's government", words: span(c.start..<end))
                } else {
                    d.addOrganizer(Organizer(name: name, kind: .person), home: nil, rule: c.label.rawValue, words: span(c.start..<end))
                }
            case .place(let p, false) where c.label == .memberOf && rules.places[Int(p)].isChinese:
                d.addOrigin(Int(p), name: rules.places[Int(p)].name, rule: "member_of", words: span(c.start..<end))
            // "the first charter flight launched by Wuxi city": the city's government
            case .place(let p, false) where c.label == .organizerBy && rules.places[Int(p)].isChinese && rules.places[Int(p)].kind != .country:
                d.addOrganizer(governmentOf(Int(p)), home: Int(p), rule: "organizer_by: place", words: span(c.start..<end))
            default: break
            }
        }
        // Organizer: organisations said to organise after their names ("the Macao Trade and Investment
        // Promotion Institute and the Department of Commerce of Guangdong Province, co-hosts of the event")
        for e in entities.indices {
            guard case .organization(let o, let home, false) = entities[e].value, rules.cue(.organizerAfter, at: entities[e].tokens.upperBound, ctx) != nil else { continue }
            d.addOrganizer(o, home: home, rule: "organizer_after", words: span(entities[e].tokens))
            var first = e
            while true {
                var k = entities[first].tokens.lowerBound
                let listEnd = k
                while k > lo, rules.lexicon.listJoiners.contains(tp[k - 1].key) || rules.lexicon.determiners.contains(tp[k - 1].key) { k -= 1 }
                guard k < listEnd, let prev = entities.indices.last(where: { entities[$0].tokens.upperBound == k }),
                      case .organization(let o2, let home2, false) = entities[prev].value else { break }
                d.addOrganizer(o2, home: home2, rule: "organizer_after, listed", words: span(entities[prev].tokens.lowerBound..<listEnd))
                first = prev
            }
        }
        // Organizer: an organisation naming the group ("a Yunnan provincial government delegation")
        for e in entities.indices {
            guard case .organization(let o, let home, false) = entities[e].value else { continue }
            let et = entities[e].tokens
            var k = et.upperBound
            if k < hi, tp[k].key != theKey, tp[k].kind == .word, !rules.lexicon.groupNouns.contains(tp[k].key), k + 1 < hi, rules.lexicon.groupNouns.contains(tp[k + 1].key) { k += 1 }  // "trade delegation"
            guard k < hi, rules.lexicon.groupNouns.contains(tp[k].key) else { continue }
            d.addOrganizer(o, home: home, rule: "X delegation", words: span(et.lowerBound..<(k + 1)))
        }
        // Organizer: an organisation or Chinese place acting as subject ("X led", "Zhejiang Province launched")
        for e in entities.indices {
            let et = entities[e].tokens
            let before = et.lowerBound > lo ? tp[et.lowerBound - 1].key : 0
            // (but a body after another name and "and" is a co-party: "the Permanent Secretariat of Forum
            // Macao and the Heilongjiang Province Department of Commerce signed …")
            let coParty = before == PatternSet.andKey && isOrganization(e) && et.lowerBound - 2 >= lo && tp[et.lowerBound - 2].capitalized
            guard !rules.lexicon.notSubjectAfter.contains(before) || coParty, !inFromPhrase(et.lowerBound) else { continue }
            // "the city government and the HR bureau organized": organisations joined into one subject
            var last = e
            if isOrganization(e) { while let n = joinedOrganization(after: last) { last = n } }
            var end = entities[last].tokens.upperBound
            // "CCPIT Chairman Ren Hongbin led …", "Sichuan Vice Governor Li Hong led …": the body's official acts for it
            if last + 1 < entities.count, entities[last + 1].tokens.lowerBound == end, case .person = entities[last + 1].value {
                end = entities[last + 1].tokens.upperBound
            }
            if !agentVerbFollows(end) {
                // "Chen Li, deputy director of the X Department of Commerce, led …": the official's body acts
                let official = last == e && isOrganization(e) && inAppositive(e) && end < hi && tp[end].key == Self.comma && agentVerbFollows(end + 1)
                guard official || appositiveThenVerb(after: end) else { continue }
            }
            for m in e...last {
                let mt = entities[m].tokens
                switch entities[m].value {
                case .organization(let o, let home, false):
                    d.addOrganizer(o, home: home, rule: m == e ? "subject" : "joined subject", words: span(mt.lowerBound..<min(hi, end + 2)))
                case .place(let p, false) where rules.places[Int(p)].isChinese && rules.places[Int(p)].code == "CN" && rules.places[Int(p)].kind != .country:
                    d.addOrganizer(governmentOf(Int(p)), home: Int(p), rule: "place as subject", words: span(mt.lowerBound..<min(hi, mt.upperBound + 2)))
                default: break
                }
            }
        }
        for k in lo..<hi {
            guard let p = contextPlace(endingAt: k), agentVerbFollows(k + 1) else { continue }
            let before = k >= lo + 2 ? tp[k - 2].key : 0
            guard !rules.lexicon.notSubjectAfter.contains(before) else { continue }
            d.addOrganizer(governmentOf(p), home: p, rule: "the city/province as subject", words: span((k - 1)..<min(hi, k + 2)))
        }
        // "市长曹新平…率经贸代表团": a Chinese head's title with no body before it is the head of the
        // city (province) the text is about, acting for its government (the cue ends at the verb of leading)
        if d.organizer.isEmpty, let c = cues.first(where: { c in (c.label == .cityHead || c.label == .provinceHead)
                && tp[c.start].isIdeograph && !entities.contains { e in e.tokens.upperBound == c.start } }),
           let p = c.label == .cityHead ? (sentence.city ?? sentence.province) : sentence.province {
            d.addOrganizer(governmentOf(p), home: p, rule: "a head's title: the government of the place under discussion", words: span(c.start..<c.end))
        }
        // The body a measure is announced through is its author; a province's or city's body reporting
        // trips organises them ("According to the Anhui provincial department of commerce, 119 people
        // from 54 enterprises will make business trips overseas").
        if type == .policyMeasure || type == .tradeMission, d.organizer.isEmpty, let (e, c) = reportingBody(anyForm: true),
           case .organization(let o, let home, false) = entities[e].value {
            let local = o.kind == .government && home.map { rules.places[$0].isChinese && rules.places[$0].kind != .country } == true
            if type == .policyMeasure || local {
                d.addOrganizer(o, home: home, rule: type == .policyMeasure ? "source of a measure" : "a local body reporting its trips",
                               words: span(min(c.start, entities[e].tokens.lowerBound)..<max(c.end, entities[e].tokens.upperBound)))
            }
        }

        // Destinations: places after to / in / for / visit, with the places listed after them
        // (also the "in" inside a closing's date cue, "closed in Nanning on Sunday", which the one
        // leftmost-longest scan of the cues gave to the date)
        var destCues = cues.filter { $0.label == .destPrep }
        for c in cues where c.label == .dateEnd {
            for k in c.start..<c.end where tp[k].key == rules.lexicon.inKey { destCues.append((.destPrep, k, k + 1, c.pattern)) }
        }
        for c in destCues {
            // "returned to Hangzhou": a delegation's way home, not where it went (workers returning
            // to Guangdong do go there)
            if type == .tradeMission, c.start > lo, rules.cue(.homeward, at: c.start - 1, ctx) == c.start { continue }
            // "workers from Jinping county in Qiandongnan": a place after "in" right after the
            // origin only locates it
            if tp[c.start].key == rules.lexicon.inKey, c.start > lo,
               let o = entities.lastIndex(where: { $0.tokens.upperBound == c.start }), place(o) != nil,
               cues.contains(where: { $0.label == .originPrep && $0.end == entities[o].tokens.lowerBound }) || inFromPhrase(entities[o].tokens.lowerBound) { continue }
            var k = c.end
            while k < hi {
                guard let e = entity(at: k), let (p, adj) = place(e), !adj else { break }
                let isIn = tp[c.start].key == rules.lexicon.inKey
                if rules.places[p].code == "CN" && rules.places[p].kind == .country {
                    // "in China's Macao Special Administrative Region": the place after the possessive
                    let j = entities[e].tokens.upperBound
                    guard j + 1 < hi, tp[j].key == Tokenizer.apostropheKey, tp[j + 1].key == Self.possessiveS else { break }
                    k = j + 2; continue
                }
                if rules.places[p].isChinese && isIn && type != .recruitmentDrive
                    && !(type == .tradeFair && (fairPhase || c.start > lo && rules.lexicon.venueBeforeIn.contains(tp[c.start - 1].key))) { break }
                if k > lo, tp[c.start].key == rules.lexicon.to, c.start > lo, tp[c.start - 1].key == rules.lexicon.leaving { break }
                let et = entities[e].tokens
                // "在铜仁火车站发车": a station or airport the trip leaves from is no destination
                if rules.cue(.departurePoint, at: et.upperBound, ctx) != nil { break }
                d.addDestination(destination(p), rule: span("dest_prep: ", c.start..<c.end), words: span(c.start..<et.upperBound))
                destinations.append(et)
                // the list goes on: ", Germany", "and Italy", ", and the European Union"
                var j = et.upperBound
                var joined = false
                while j < hi, rules.lexicon.listJoiners.contains(tp[j].key) { j += 1; joined = true }
                guard joined else { break }
                k = j
            }
        }
        // "a 6-day European tour", "many European countries"
        for e in entities.indices {
            let et = entities[e].tokens
            guard let (p, adj) = place(e), adj, !rules.places[p].isChinese, et.upperBound < hi, rules.lexicon.tripNouns.contains(tp[et.upperBound].key) else { continue }
            d.addDestination(destination(p), rule: .text("adjective + trip noun"), words: span(et.lowerBound..<(et.upperBound + 1)))
            destinations.append(et)
        }

        // "buyers from New Zealand", "a delegation from Malaysia": visitors coming in (but "back from Germany" is a way home)
        for c in cues where c.label == .originPrep {
            guard let e = entity(at: c.end), let (p, _) = place(e), !rules.places[p].isChinese else { continue }
            if c.start > lo, rules.cue(.homeward, at: c.start - 1, ctx) == c.start { continue }
            d.foreignOrigin = true
        }
        // "德国巴伐利亚州经济代表团抵达杭州": a delegation named after a place abroad comes from there
        for e in entities.indices {
            let et = entities[e].tokens
            guard let (p, _) = place(e), !rules.places[p].isChinese, tp[et.lowerBound].isIdeograph,
                  !destinations.contains(where: { $0.contains(et.lowerBound) }),
                  triggers.contains(where: { $0.label.type == .tradeMission && $0.start >= et.upperBound && $0.start <= et.upperBound + 8 }) else { continue }
            d.foreignOrigin = true
        }
        // Origin: "from Haikou", "Wenzhou-based …", "Zhejiang's first … charter flight", "activity of Hainan"
        var workersFrom = false             // an origin read from "from X"
        for e in entities.indices {
            let s = entities[e].tokens.lowerBound, t = entities[e].tokens.upperBound
            guard let (pi, adj) = place(e), !adj, rules.places[pi].isChinese, rules.places[pi].kind != .country, !destinations.contains(where: { $0.contains(s) }) else { continue }
            let before = s > lo ? tp[s - 1].key : 0
            // "the China Yiwu International Commodities Fair", "the Harbin fair": the fair's venue
            // (but not a Chinese fair held abroad: "在阿联酋迪拜举办“中国义乌国际小商品博览会”迪拜展")
            if triggers.contains(where: { $0.label.fair >= 0 && $0.start <= s && $0.end >= t }) {
                if !(tp[s].isIdeograph && hasForeignPlace(after: lo)) { d.addDestination(destination(pi), rule: .text("place in a fair's name"), words: span(s..<t)) }
                continue
            }
            if cues.contains(where: { $0.label == .originPrep && $0.end == s }) || listedAfterOriginPrep(s) || inFromPhrase(s) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "origin_prep", words: span((s - 1)..<t))
                workersFrom = true; d.workersFrom = true
                continue
            }
            // "In Quanzhou, eight companies …": the scene of the action is where its agents are
            if s == lo + 1, before == rules.lexicon.inKey, t < hi, tp[t].key == Self.comma, type != .tradeFair || !d.organizer.isEmpty {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "In X, (scene)", words: span((s - 1)..<t)); continue
            }
            if before == rules.lexicon.to || before == rules.lexicon.inKey { continue }
            // (or right before it, in Chinese: "义乌一百家企业将包机前往…", "我省54家企事业单位")
            if entities.contains(where: { if case .count(_, _, let u?) = $0.value { return u != "" && ($0.tokens.contains(s) || $0.tokens.lowerBound == t && tp[s].isIdeograph) } else { return false } }) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "place inside a count", words: span(s..<t)); continue
            }
            if t + 1 < hi, tp[t].key == Self.dash, tp[t + 1].key == rules.lexicon.based, triggers.contains(where: { $0.label.type == triggerType && $0.start > t && $0.start <= t + 6 }) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "X-based", words: span(s..<(t + 2))); continue
            }
            if triggers.contains(where: { $0.label.type == triggerType && $0.start >= t && $0.start <= t + 5 }) && !(t..<min(hi, t + 5)).contains(where: { tp[$0].kind == .punct && tp[$0].key != Tokenizer.apostropheKey && tp[$0].key != Tokenizer.quoteKey }) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "place before trigger", words: span(s..<t)); continue
            }
            if before == rules.lexicon.of, s >= 2, triggers.contains(where: { $0.label.type == triggerType && $0.end == s - 1 }) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "trigger of X", words: span((s - 1)..<t)); continue
            }
        }
        // "我省54家企事业单位160余名代表组团参加": the paper's own province or city, right before a count
        // or the trigger, is where the participants come from
        for c in cues where c.label == .ourProvince || c.label == .ourCity {
            let p = c.label == .ourCity ? (sentence.city ?? sentence.province) : sentence.province
            guard let p, entities.contains(where: { e in
                if case .count(_, _, let u?) = e.value { return u != "" && e.tokens.lowerBound == c.end } else { return false } })
                || triggers.contains(where: { $0.label.type == triggerType && $0.start >= c.end && $0.start <= c.end + 2 }) else { continue }
            d.addOrigin(p, name: rules.places[p].name, rule: "our province/city", words: span(c.start..<c.end))
        }
        // "a Chinese procurement delegation", "China's Ministry of Commerce": a national group or body
        // comes from the country (when the sentence names no province or city they come from)
        if d.origin.isEmpty {
            for e in entities.indices {
                guard let (pi, _) = place(e), rules.places[pi].kind == .country, rules.places[pi].isChinese else { continue }
                var k = entities[e].tokens.upperBound
                while k < hi, tp[k].key == Tokenizer.apostropheKey || tp[k].key == Self.possessiveS { k += 1 }
                guard k < hi else { continue }
                let body = possessed(e) != nil
                let group = rules.lexicon.groupNouns.contains(tp[k].key) || k + 1 < hi && tp[k].kind == .word && rules.lexicon.groupNouns.contains(tp[k + 1].key)
                if body || group {
                    d.addOrigin(pi, name: rules.places[pi].name, rule: "national group or body", words: span(entities[e].tokens.lowerBound..<min(hi, k + 2)))
                    break
                }
            }
        }
        // "from the province", "in the city", "enterprises in the province"
        for k in lo..<hi {
            guard var p = contextPlace(endingAt: k) else { continue }
            // "the Suzhou bureau … enterprises in the city": the organizer's city, not the one before
            if let h = d.organizerHomes.first(where: { rules.places[$0].kind == rules.places[p].kind }) { p = h }
            let prep = k >= lo + 2 ? tp[k - 2].key : 0
            if prep == rules.lexicon.inKey || cues.contains(where: { $0.label == .originPrep && $0.end == k - 1 }) {
                d.addOrigin(p, name: rules.places[p].name, rule: "the city/province", words: span((k - 2)..<(k + 1)))
            }
        }

        // "…, the Yiwu Municipal Bureau of Commerce said": a government body or council reporting
        // the action at the end of the sentence is, without another agent, its organizer.
        if d.organizer.isEmpty, let (e, _) = reportingBody(anyForm: false),
           case .organization(let o, let home, false) = entities[e].value {
            let et = entities[e].tokens
            d.addOrganizer(o, home: home, rule: "reporting body", words: span(et.lowerBound..<min(hi, et.upperBound + 1)))
        }
        // The organizer's home is the origin; but workers brought "from Guizhou" by a city's bureau
        // come from there, and go to the organizer's place.
        let firstOrganizer = d.organizer.first?.name ?? ""
        if type == .recruitmentDrive && workersFrom {
            d.origin.removeAll { d.organizerHomes.contains($0) }       // "Huai'an organized buses …" named the organizer
            if destinations.isEmpty {
                for h in d.organizerHomes where !d.origin.contains(h) {
                    d.addDestination(destination(h), rule: .text("organizer's home (workers from elsewhere)"), words: .text(firstOrganizer))
                }
            }
        } else {
            for h in d.organizerHomes { d.addOrigin(h, name: rules.places[h].name, rule: "organizer's home", words: .text(firstOrganizer)) }
        }

        // When: the first date range, else the first date; "since …" is background, "by …" an end.
        var chosen: (start: String?, end: String?, text: String)?
        // "The Expo concluded on Monday", "wound up in Guangzhou on Tuesday": the day a fair ended
        var closeDate: (date: String, text: String)?
        // "9月18日,记者从…发布会上了解到,将于9月20日开幕的第五届…博览会": the day it opens, not the report's
        var openDate: (date: String, text: String)?
        var lastDateEnd = -1            // the token after the last date read
        for e in entities.indices {
            guard case .date(let s, let en) = entities[e].value else { continue }
            let et = entities[e].tokens
            defer { lastDateEnd = et.upperBound }
            // "from Wednesday to Friday": two days the reader left apart are one range
            if let c = chosen, c.end == nil, let cs = c.start, let s, en == nil, lastDateEnd == et.lowerBound - 1,
               rules.lexicon.dateRangeJoiners.contains(tp[et.lowerBound - 1].key), cs.count == s.count, s > cs {
                chosen = (cs, s, c.text + " … " + words(et)); continue
            }
            var k = et.lowerBound - 1
            while k >= lo, et.lowerBound - k <= 4, rules.lexicon.dateFillers.contains(tp[k].key) { k -= 1 }
            let cue = k >= lo ? cues.first(where: { $0.end == k + 1 && ($0.label == .dateSince || $0.label == .dateEnd) })?.label : nil
            if cue == .dateSince { d.since = true; continue }
            let text = words(et)
            let value: (String?, String?, String) = cue == .dateEnd ? (nil, s, text) : (s, en, text)
            if entities[e].relativeDay { d.relativeDate = true }
            if type == .tradeFair, closeDate == nil, en == nil, cue == nil, closes(before: et.lowerBound) || closesAfter(et) { closeDate = (s ?? "", text) }
            if type == .tradeFair, openDate == nil, en == nil, cue == nil, let s, chosen != nil, opensAfter(et) { openDate = (s, text) }
            // "opened on Thursday … until Dec 20": the later "until" date ends the one before
            if cue == .dateEnd, let c = chosen, c.end == nil, let cs = c.start, let until = s, cs.hasPrefix("--") == until.hasPrefix("--"), until > cs {
                chosen = (cs, until, c.text + " … " + text); continue
            }
            if chosen == nil || (chosen?.end == nil && en != nil && chosen?.start != nil) { chosen = value }
        }
        // A single date before the close is the opening ("opened on Nov 5 and closed on Nov 10"),
        // any other (a dateline's) gives way to it.
        if let cd = closeDate, !cd.date.isEmpty, var c = chosen, c.end == nil {
            if let s = c.start, s < cd.date, s.count == cd.date.count { c.end = cd.date; c.text += " … " + cd.text } else { c = (nil, cd.date, cd.text) }
            chosen = c
        }
        if let od = openDate, closeDate == nil, let c = chosen, c.end == nil, c.start != od.date { chosen = (od.date, nil, od.text) }
        if let c = chosen { d.setWhen(start: c.start, end: c.end, text: c.text, rule: "date"); d.ownDate = true }
        for e in entities.indices {
            guard case .duration(let days) = entities[e].value else { continue }
            let et = entities[e].tokens
            if et.lowerBound > lo, rules.lexicon.notTripLength.contains(tp[et.lowerBound - 1].key) { continue }
            d.setDuration(days, text: words(et))
        }

        // Participants, and outcome counts ("signed 221 projects")
        // Counts of what was signed, with their end token: each goes to the amount it comes before.
        var outcomeCounts: [(value: Double, unit: String, end: Int)] = []
        for e in entities.indices {
            guard case .count(let v, let q, let unit?) = entities[e].value else { continue }
            let et = entities[e].tokens
            let s = et.lowerBound
            // "提供5647个工作岗位": the posts a job fair or a drive offers are its outcome, never participants
            if unit == "posts" {
                if type == .recruitmentDrive {
                    d.addOutcome(Outcome(kind: "jobs", amount: nil, count: (v, unit), text: words(et)), rule: .text("posts offered"))
                }
                continue
            }
            if s > lo, rules.lexicon.signingVerbs.contains(tp[s - 1].key) || (s > lo + 1 && rules.lexicon.signingVerbs.contains(tp[s - 2].key)) {
                outcomeCounts.append((v, unit, et.upperBound)); continue
            }
            // "the signing of a total of 120 projects", "86 investment projects worth … were signed",
            // "120 projects worth $10.3 billion": projects and contracts signed are an outcome
            if unit == "projects" || unit == "contracts", signedNear(et) || moneyFollows(et.upperBound) {
                outcomeCounts.append((v, unit, et.upperBound)); continue
            }
            if unit == "contracts" { continue }
            // "between the two countries": the two sides of a relation, not a count of participants
            if unit == "countries", v == 2, s > lo, tp[s - 1].key == theKey { continue }
            // "attended by more than 300 officials": the audience, not the participants
            if s > lo + 1, tp[s - 1].key == rules.lexicon.by, rules.lexicon.audienceVerbs.contains(tp[s - 2].key) { continue }
            d.addParticipant(unit, Count(value: v, qualifier: q), words: span(et))
        }
        // Outcomes: amounts, with the kind named nearest to them (the kinds are only looked for beside an amount)
        let hasAmount = entities.contains { if case .money = $0.value { return true } else { return false } }
        let kinds = hasAmount ? rules.outcomes.scan(from: lo, ctx) : []
        for e in entities.indices {
            guard case .money(let amount) = entities[e].value else { continue }
            let et = entities[e].tokens
            let s = et.lowerBound
            // before the amount ("deals worth $2 billion"), or right after it ("$8 billion one-year intended deals")
            let near = kinds.filter { $0.start <= et.upperBound + 5 && $0.start >= s - 10 }
                .min { abs($0.start - s) < abs($1.start - s) }
            guard let kind = near?.label ?? (type == .deal ? "orders" : nil) else { continue }
            var o = Outcome(kind: kind, amount: amount, count: nil, text: words(et))
            // the nearest count before the amount ("21 major deals with investments grossing $2.24 billion")
            if let c = outcomeCounts.indices.filter({ outcomeCounts[$0].end <= s && s - outcomeCounts[$0].end <= 15 }).last {
                o.count = (outcomeCounts[c].value, outcomeCounts[c].unit); outcomeCounts.remove(at: c)
            } else if !outcomeCounts.isEmpty, outcomeCounts[0].end > s {
                o.count = (outcomeCounts[0].value, outcomeCounts[0].unit); outcomeCounts.remove(at: 0)
            }
            d.addOutcome(o, rule: near.map { .prefixed("outcomes.tsv: ", rules.outcomes.source(ofPattern: $0.pattern)) } ?? .text("deal amount"))
        }
        // (a trip counts what it signed, "the delegation signed 30 projects"; so does a fair reported
        // opening or closing, "wrapped up … with 900 deals reached")
        if let (v, u, _) = outcomeCounts.first, type == .deal || type == .tradeMission || fairPhase {
            d.addOutcome(Outcome(kind: u == "projects" ? "projects" : "contract", amount: nil, count: (v, u), text: "\(Self.wholeNumberText(v)) \(u)"), rule: .text("signed N"))
        }

        // Activities and transport
        // In a recruitment drive a fair is a job fair: recruitment, not an exhibition
        let jobFairs = type == .recruitmentDrive
        rules.activities.forEachMatch(from: lo, ctx) { m in
            // (and its talks, "现场洽谈1200余人", are between employers and job-seekers: no business negotiation)
            if jobFairs, m.label == "exhibition" || m.label == "online_exhibition" || m.label == "business_negotiation" { return }
            d.addActivity(m.label, words: span(m.start..<m.end))
        }
        let transport = rules.transport.scan(from: lo, ctx)
        let flightKinds = transport.contains { $0.label != "rail" && $0.label != "ship" && $0.label != RuleStore.noTransport && !(tp[$0.start].key == rules.lexicon.flights && $0.end == $0.start + 1) }
        for m in transport {
            // a bare "flights" beside chartered or shared flights: ordinary scheduled flights
            if tp[m.start].key == rules.lexicon.flights, m.end == m.start + 1, !flightKinds { continue }
            if m.label == RuleStore.noTransport { d.vehicles = true; continue }
            d.addTransport(m.label, words: span(m.start..<m.end))
        }
        if has(.another) || has(.ownDeal) { d.another = true }
        for t in triggers where t.label.fair >= 0 { d.addFair(t.label.fair) }
        if has(.business) { d.business = true }
        if has(.diplomacy) { d.diplomatic = true }
        // a group of business people: "a delegation of Chinese entrepreneurs", "a business delegation"
        // (a group received is visited: "received the delegation of Vietnam Business Community")
        let received: (Int) -> Bool = { k in (max(lo, k - 3)..<k).contains { rules.lexicon.receivingVerbs.contains(tp[$0].key) } }
        if cues.contains(where: { m in m.label == .memberOf && !received(m.start) && cues.contains { $0.label == .business && $0.start >= m.end && $0.start <= m.end + 2 } })
            || cues.contains(where: { $0.label == .business && $0.end < hi && rules.lexicon.groupNouns.contains(tp[$0.end].key) && !received($0.start) }) {
            d.businessGroup = true
        }
    }
}
