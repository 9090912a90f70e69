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
    /// Read per token: copied out of the statics once per sentence (a static is a lazy global).
    private let cityKey = FrameReader.city, provinceKey = FrameReader.province, theKey = FrameReader.the

    static let skippable = KeySet(["the", "a", "an", "many", "various", "several", "other", "some", "all"])
    static let placeSuffix = KeySet(["province", "city", "municipality", "government", "'", "s"])
    /// A word before an entity that makes it no subject ("from Qingdao and Yantai set off": Yantai is listed, not acting).
    static let notSubjectAfter = KeySet(["from", "to", "in", "at", "with", "for", "by", "into", "than", "and"])
    static let listJoin = KeySet([",", "and", "&", "as", "well"])
    static let tripNouns = KeySet(["tour", "tours", "trip", "trips", "countries", "markets", "market", "visit", "cities", "nations", "mission"])
    static let city = TokenKey.of("city"), province = TokenKey.of("province"), the = TokenKey.of("the"), to = TokenKey.of("to"), inKey = TokenKey.of("in")
    static let leaving = TokenKey.of("leaving"), comma = TokenKey.of(","), by = TokenKey.of("by")
    static let signing = KeySet(["signed", "signing", "signs", "sign", "inked", "clinched"])
    static let audienceVerbs = KeySet(["attended", "visited", "watched", "joined"])
    /// Words before "in" that make the Chinese place after it a fair's venue ("the Expo will be held in Kunming").
    static let venueBefore = KeySet(["held", "opened", "opens", "open", "staged", "hosted", "off", "place", "expo", "fair", "messe", "exhibition"])
    /// Nouns of a travelling group: an organisation right before one is its organizer ("a Yunnan provincial government delegation").
    static let groupNouns = KeySet(["delegation", "delegations", "mission", "group", "team"])
    static let openParen = TokenKey.of("("), closeParen = TokenKey.of(")")
    static let dash = TokenKey.of("-"), based = TokenKey.of("based"), of = TokenKey.of("of"), signed = TokenKey.of("signed"), flights = TokenKey.of("flights")

    /// `cueBuffer`: an empty array the sentence's cues are scanned into (its storage reused sentence after sentence).
    init(rules: RuleStore, entities: UnsafeBufferPointer<Entity>, sentence: Sentence, tp: UnsafeBufferPointer<Token>,
         bp: UnsafeBufferPointer<UInt8>, places: UnsafeBufferPointer<Int32>, cueBuffer: inout [RuleTable<RuleSet.Cue>.Match]) {
        self.rules = rules; self.tp = tp; self.bp = bp; self.sentence = sentence
        self.entities = UnsafeBufferPointer(rebasing: entities[sentence.entities])
        self.ctx = MatchContext(tokens: tp, bytes: bp, places: places, limit: sentence.tokens.upperBound)
        rules.cues.scan(from: sentence.tokens.lowerBound, ctx, into: &cueBuffer)
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
            if let e = entities.firstIndex(where: { $0.tokens.lowerBound == k }) { return e }
            guard k < sentence.tokens.upperBound, k - k0 < 2, Self.skippable.contains(tp[k].key) else { return nil }
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

    func governmentOf(_ p: Int) -> Organizer {
        let place = rules.places[p]
        return Organizer(name: place.name + (place.kind == .province ? " provincial government" : " government"), kind: .government)
    }

    /// Is the word after token `end` (skipping aux words, "Province", adverbs) an agent verb?
    /// The government body or association a sentence reports from: "…, the Ministry of Commerce
    /// (MOC) said on July 2", "according to a State Council executive meeting". Government news
    /// announces a measure through its author, so for a measure the source is its organizer.
    /// Returns the entity's index and the speech cue.
    func reportingBody() -> (Int, (label: RuleSet.Cue, start: Int, end: Int, pattern: Int))? {
        func body(_ e: Int) -> Bool {
            guard case .organization(let o, _, false) = entities[e].value else { return false }
            return o.kind == .government || o.kind == .association
        }
        for c in cues where c.label == .speech {
            // "according to X", "said the ministry"
            if let e = entity(at: c.end), body(e) { return (e, c) }
            // "X said", "X (MOC) said"
            var k = c.start
            if k - 3 >= sentence.tokens.lowerBound, tp[k - 1].key == Self.closeParen, tp[k - 3].key == Self.openParen { k -= 3 }
            if let e = entities.lastIndex(where: { $0.tokens.upperBound == k }), body(e) { return (e, c) }
        }
        return nil
    }

    func agentVerbFollows(_ end: Int) -> Bool {
        var k = end, skipped = 0
        // An apposition or aside between the agent and its verb: "The State Council, China's
        // cabinet, urged …", "The ministry, together with eight other departments, launched …"
        if k < sentence.tokens.upperBound, tp[k].key == Self.comma {
            var j = k + 1
            while j < sentence.tokens.upperBound, j - k <= 8, tp[j].kind != .punct || tp[j].key == Tokenizer.apostropheKey { j += 1 }
            if j < sentence.tokens.upperBound, j - k > 1, j - k <= 8, tp[j].key == Self.comma { k = j + 1 }
        }
        while k < sentence.tokens.upperBound, skipped <= 4 {
            if rules.cue(.agentVerb, at: k, ctx) != nil { return true }
            if let e = rules.cue(.aux, at: k, ctx) { k = e; skipped += 1; continue }
            if Self.placeSuffix.contains(tp[k].key) { k += 1; skipped += 1; continue }
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
            if cues.contains(where: { $0.label == .originPrep && $0.start == k }) { return k < s - 1 }
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

    /// "from Qingdao and Yantai": a place listed after a place that follows "from".
    func listedAfterOriginPrep(_ s: Int) -> Bool {
        var k = s - 1
        var joined = false
        while k > sentence.tokens.lowerBound, Self.listJoin.contains(tp[k].key) { k -= 1; joined = true }
        guard joined, let prev = entities.lastIndex(where: { $0.tokens.upperBound == k + 1 }), place(prev) != nil else { return false }
        let ps = entities[prev].tokens.lowerBound
        return cues.contains { $0.label == .originPrep && $0.end == ps } || listedAfterOriginPrep(ps)
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

        // Organizer: passive agents and "delegation of X"
        for c in cues where c.label == .organizerBy || c.label == .memberOf {
            guard let e = entity(at: c.end) else { continue }
            let end = entities[e].tokens.upperBound
            switch entities[e].value {
            case .organization(let o, let home, false):
                d.addOrganizer(o, home: home, rule: c.label.rawValue, words: span(c.start..<end))
            case .person(let name, _) where c.label == .organizerBy:
                d.addOrganizer(Organizer(name: name, kind: .person), home: nil, rule: c.label.rawValue, words: span(c.start..<end))
            case .place(let p, false) where c.label == .memberOf && rules.places[Int(p)].isChinese:
                d.addOrigin(Int(p), name: rules.places[Int(p)].name, rule: "member_of", words: span(c.start..<end))
            default: break
            }
        }
        // Organizer: an organisation naming the group ("a Yunnan provincial government delegation")
        for e in entities.indices {
            guard case .organization(let o, let home, false) = entities[e].value else { continue }
            let et = entities[e].tokens
            var k = et.upperBound
            if k < hi, tp[k].key != theKey, tp[k].kind == .word, !Self.groupNouns.contains(tp[k].key), k + 1 < hi, Self.groupNouns.contains(tp[k + 1].key) { k += 1 }  // "trade delegation"
            guard k < hi, Self.groupNouns.contains(tp[k].key) else { continue }
            d.addOrganizer(o, home: home, rule: "X delegation", words: span(et.lowerBound..<(k + 1)))
        }
        // Organizer: an organisation or Chinese place acting as subject ("X led", "Zhejiang Province launched")
        for e in entities.indices {
            let et = entities[e].tokens
            let before = et.lowerBound > lo ? tp[et.lowerBound - 1].key : 0
            guard !Self.notSubjectAfter.contains(before), !inFromPhrase(et.lowerBound), agentVerbFollows(et.upperBound) else { continue }
            switch entities[e].value {
            case .organization(let o, let home, false):
                d.addOrganizer(o, home: home, rule: "subject", words: span(et.lowerBound..<min(hi, et.upperBound + 2)))
            case .place(let p, false) where rules.places[Int(p)].isChinese && rules.places[Int(p)].code == "CN" && rules.places[Int(p)].kind != .country:
                d.addOrganizer(governmentOf(Int(p)), home: Int(p), rule: "place as subject", words: span(et.lowerBound..<min(hi, et.upperBound + 2)))
            default: break
            }
        }
        for k in lo..<hi {
            guard let p = contextPlace(endingAt: k), agentVerbFollows(k + 1) else { continue }
            let before = k >= lo + 2 ? tp[k - 2].key : 0
            guard !Self.notSubjectAfter.contains(before) else { continue }
            d.addOrganizer(governmentOf(p), home: p, rule: "the city/province as subject", words: span((k - 1)..<min(hi, k + 2)))
        }
        if type == .policyMeasure, d.organizer.isEmpty, let (e, c) = reportingBody() {
            guard case .organization(let o, let home, false) = entities[e].value else { preconditionFailure() }
            d.addOrganizer(o, home: home, rule: "source of a measure", words: span(min(c.start, entities[e].tokens.lowerBound)..<max(c.end, entities[e].tokens.upperBound)))
        }
        let firstOrganizer = d.organizer.first?.name ?? ""
        for h in d.organizerHomes { d.addOrigin(h, name: rules.places[h].name, rule: "organizer's home", words: .text(firstOrganizer)) }

        // Destinations: places after to / in / for / visit, with the places listed after them
        for c in cues where c.label == .destPrep {
            // "returned to Hangzhou": a delegation's way home, not where it went
            if type == .tradeMission, c.start > lo, rules.cue(.homeward, at: c.start - 1, ctx) == c.start { continue }
            var k = c.end
            while k < hi {
                guard let e = entity(at: k), let (p, adj) = place(e), !adj else { break }
                let isIn = tp[c.start].key == Self.inKey
                if rules.places[p].code == "CN" && rules.places[p].kind == .country { break }
                if rules.places[p].isChinese && isIn && type != .recruitmentDrive
                    && !(type == .tradeFair && c.start > lo && Self.venueBefore.contains(tp[c.start - 1].key)) { break }
                if k > lo, tp[c.start].key == Self.to, c.start > lo, tp[c.start - 1].key == Self.leaving { break }
                let et = entities[e].tokens
                d.addDestination(destination(p), rule: span("dest_prep: ", c.start..<c.end), words: span(c.start..<et.upperBound))
                destinations.append(et)
                // the list goes on: ", Germany", "and Italy", ", and the European Union"
                var j = et.upperBound
                var joined = false
                while j < hi, Self.listJoin.contains(tp[j].key) { j += 1; joined = true }
                guard joined else { break }
                k = j
            }
        }
        // "a 6-day European tour", "many European countries"
        for e in entities.indices {
            let et = entities[e].tokens
            guard let (p, adj) = place(e), adj, !rules.places[p].isChinese, et.upperBound < hi, Self.tripNouns.contains(tp[et.upperBound].key) else { continue }
            d.addDestination(destination(p), rule: .text("adjective + trip noun"), words: span(et.lowerBound..<(et.upperBound + 1)))
            destinations.append(et)
        }

        // "buyers from New Zealand", "a delegation from Malaysia": visitors coming in (but "back from Germany" is a way home)
        for c in cues where c.label == .originPrep {
            guard let e = entity(at: c.end), let (p, _) = place(e), !rules.places[p].isChinese else { continue }
            if c.start > lo, rules.cue(.homeward, at: c.start - 1, ctx) == c.start { continue }
            d.foreignOrigin = true
        }
        // Origin: "from Haikou", "Wenzhou-based …", "Zhejiang's first … charter flight", "activity of Hainan"
        for e in entities.indices {
            let s = entities[e].tokens.lowerBound, t = entities[e].tokens.upperBound
            guard let (pi, adj) = place(e), !adj, rules.places[pi].isChinese, rules.places[pi].kind != .country, !destinations.contains(where: { $0.contains(s) }) else { continue }
            let before = s > lo ? tp[s - 1].key : 0
            if cues.contains(where: { $0.label == .originPrep && $0.end == s }) || listedAfterOriginPrep(s) || inFromPhrase(s) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "origin_prep", words: span((s - 1)..<t)); continue
            }
            // "In Quanzhou, eight companies …": the scene of the action is where its agents are
            if s == lo + 1, before == Self.inKey, t < hi, tp[t].key == Self.comma, type != .tradeFair || !d.organizer.isEmpty {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "In X, (scene)", words: span((s - 1)..<t)); continue
            }
            if before == Self.to || before == Self.inKey { continue }
            if entities.contains(where: { if case .count(_, _, let u?) = $0.value { return u != "" && $0.tokens.contains(s) } else { return false } }) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "place inside a count", words: span(s..<t)); continue
            }
            if t + 1 < hi, tp[t].key == Self.dash, tp[t + 1].key == Self.based, triggers.contains(where: { $0.label.type == triggerType && $0.start > t && $0.start <= t + 6 }) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "X-based", words: span(s..<(t + 2))); continue
            }
            if triggers.contains(where: { $0.label.type == triggerType && $0.start >= t && $0.start <= t + 5 }) && !(t..<min(hi, t + 5)).contains(where: { tp[$0].kind == .punct && tp[$0].key != Tokenizer.apostropheKey && tp[$0].key != Tokenizer.quoteKey }) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "place before trigger", words: span(s..<t)); continue
            }
            if before == Self.of, s >= 2, triggers.contains(where: { $0.label.type == triggerType && $0.end == s - 1 }) {
                d.addOrigin(pi, name: rules.places[pi].name, rule: "trigger of X", words: span((s - 1)..<t)); continue
            }
        }
        // "from the province", "in the city", "enterprises in the province"
        for k in lo..<hi {
            guard let p = contextPlace(endingAt: k) else { continue }
            let prep = k >= lo + 2 ? tp[k - 2].key : 0
            if prep == Self.inKey || cues.contains(where: { $0.label == .originPrep && $0.end == k - 1 }) {
                d.addOrigin(p, name: rules.places[p].name, rule: "the city/province", words: span((k - 2)..<(k + 1)))
            }
        }

        // When: the first date range, else the first date; "since …" is background, "by …" an end.
        var chosen: (start: String?, end: String?, text: String)?
        for e in entities.indices {
            guard case .date(let s, let en) = entities[e].value else { continue }
            let et = entities[e].tokens
            var k = et.lowerBound - 1
            while k >= lo, et.lowerBound - k <= 4, DateFinder.fillers.contains(tp[k].key) { k -= 1 }
            let cue = k >= lo ? cues.first(where: { $0.end == k + 1 && ($0.label == .dateSince || $0.label == .dateEnd) })?.label : nil
            if cue == .dateSince { d.since = true; continue }
            let text = words(et)
            let value: (String?, String?, String) = cue == .dateEnd ? (nil, s, text) : (s, en, text)
            if entities[e].rule == "date: the Nth" { d.relativeDate = true }
            if chosen == nil || (chosen?.end == nil && en != nil && chosen?.start != nil) { chosen = value }
        }
        if let c = chosen { d.setWhen(start: c.start, end: c.end, text: c.text, rule: "date"); d.ownDate = true }
        for e in entities.indices {
            guard case .duration(let days) = entities[e].value else { continue }
            let et = entities[e].tokens
            let prev = et.lowerBound > lo ? words((et.lowerBound - 1)..<et.lowerBound).lowercased() : ""
            if prev == "past" || prev == "last" || prev == "next" || prev == "recent" { continue }
            d.setDuration(days, text: words(et))
        }

        // Participants, and outcome counts ("signed 221 projects")
        var outcomeCount: (Double, String)?
        for e in entities.indices {
            guard case .count(let v, let q, let unit?) = entities[e].value else { continue }
            let et = entities[e].tokens
            let s = et.lowerBound
            if s > lo, Self.signing.contains(tp[s - 1].key) || (s > lo + 1 && Self.signing.contains(tp[s - 2].key)) {
                outcomeCount = (v, unit); continue
            }
            if unit == "contracts" { continue }
            // "Fortune 500 companies", "the world's top 500 firms": a ranking, not a count of those taking part
            if cues.contains(where: { $0.label == .ranking && $0.start < s && $0.end == s + 1 }) { continue }
            // "a total of 314 cooperation projects worth …": projects are signed or shown, they take no part
            if unit == "projects" { if outcomeCount == nil { outcomeCount = (v, unit) }; continue }
            // "attended by more than 300 officials": the audience, not the participants
            if s > lo + 1, tp[s - 1].key == Self.by, Self.audienceVerbs.contains(tp[s - 2].key) { continue }
            d.addParticipant(unit, Count(value: v, qualifier: q), words: span(et))
        }
        // Outcomes: amounts, with the kind named nearest to them (the kinds are only looked for beside an amount)
        let hasAmount = entities.contains { if case .money = $0.value { return true } else { return false } }
        let kinds = hasAmount ? rules.outcomes.scan(from: lo, ctx) : []
        for e in entities.indices {
            guard case .money(let amount) = entities[e].value else { continue }
            let et = entities[e].tokens
            let s = et.lowerBound
            let near = kinds.filter { $0.end <= s + 6 && $0.start >= s - 10 }
                .min { abs($0.start - s) < abs($1.start - s) }
            guard let kind = near?.label ?? (type == .deal ? "orders" : nil) else { continue }
            var o = Outcome(kind: kind, amount: amount, count: nil, text: words(et))
            if let (v, u) = outcomeCount { o.count = (v, u); outcomeCount = nil }
            d.addOutcome(o, rule: near.map { .prefixed("outcomes.tsv: ", rules.outcomes.source(ofPattern: $0.pattern)) } ?? .text("deal amount"))
        }
        if let (v, u) = outcomeCount, type == .deal {
            d.addOutcome(Outcome(kind: u == "projects" ? "projects" : "contract", amount: nil, count: (v, u), text: "\(Self.wholeNumberText(v)) \(u)"), rule: .text("signed N"))
        }

        // Activities and transport
        // In a recruitment drive a fair is a job fair: recruitment, not an exhibition
        let jobFairs = type == .recruitmentDrive
        rules.activities.forEachMatch(from: lo, ctx) { m in
            if jobFairs, m.label == "exhibition" || m.label == "online_exhibition" { return }
            d.addActivity(m.label, words: span(m.start..<m.end))
        }
        let transport = rules.transport.scan(from: lo, ctx)
        let flightKinds = transport.contains { $0.label != "rail" && $0.label != "ship" && !(tp[$0.start].key == Self.flights && $0.end == $0.start + 1) }
        for m in transport {
            // a bare "flights" beside chartered or shared flights: ordinary scheduled flights
            if tp[m.start].key == Self.flights, m.end == m.start + 1, !flightKinds { continue }
            d.addTransport(m.label, words: span(m.start..<m.end))
        }
        if has(.another) { d.another = true }
        if has(.business) { d.business = true }
        if has(.diplomacy) { d.diplomatic = true }
    }
}
