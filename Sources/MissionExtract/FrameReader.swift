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
    static let possessiveS = TokenKey.of("s")
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
    func agentVerbFollows(_ end: Int) -> Bool {
        var k = end, skipped = 0
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

    /// A fair's close ("concluded", "came to a close") within the ten tokens before token k, with
    /// no opening between: the date at k is when the fair ended.
    func closes(before k: Int) -> Bool {
        let from = max(sentence.tokens.lowerBound, k - 10)
        guard let close = (from..<k).last(where: { rules.cue(.fairClose, at: $0, ctx).map { $0 <= k } ?? false }) else { return false }
        return cue(.fairOpen, in: (close + 1)..<k) == nil
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
            guard let e = entity(at: c.end) else { continue }
            let end = entities[e].tokens.upperBound
            switch entities[e].value {
            case .organization(let o, let home, false):
                d.addOrganizer(o, home: home, rule: c.label.rawValue, words: span(c.start..<end))
                // "jointly organized by the Ministry of Commerce and the Yunnan provincial government"
                var j = end
                while c.label == .organizerBy {
                    var k = j
                    while k < hi, Self.listJoin.contains(tp[k].key) { k += 1 }
                    guard k > j, let next = entity(at: k), case .organization(let o2, let home2, false) = entities[next].value else { break }
                    j = entities[next].tokens.upperBound
                    d.addOrganizer(o2, home: home2, rule: "organizer_by, listed", words: span(c.start..<j))
                }
            case .person(let name, _) where c.label == .organizerBy:
                d.addOrganizer(Organizer(name: name, kind: .person), home: nil, rule: c.label.rawValue, words: span(c.start..<end))
            case .place(let p, false) where c.label == .memberOf && rules.places[Int(p)].isChinese:
                d.addOrigin(Int(p), name: rules.places[Int(p)].name, rule: "member_of", words: span(c.start..<end))
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
                while k > lo, Self.listJoin.contains(tp[k - 1].key) || Self.skippable.contains(tp[k - 1].key) { k -= 1 }
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
        let firstOrganizer = d.organizer.first?.name ?? ""
        for h in d.organizerHomes { d.addOrigin(h, name: rules.places[h].name, rule: "organizer's home", words: .text(firstOrganizer)) }

        // Destinations: places after to / in / for / visit, with the places listed after them
        for c in cues where c.label == .destPrep {
            var k = c.end
            while k < hi {
                guard let e = entity(at: k), let (p, adj) = place(e), !adj else { break }
                let isIn = tp[c.start].key == Self.inKey
                if rules.places[p].code == "CN" && rules.places[p].kind == .country {
                    // "in China's Macao Special Administrative Region": the place after the possessive
                    let j = entities[e].tokens.upperBound
                    guard j + 1 < hi, tp[j].key == Tokenizer.apostropheKey, tp[j + 1].key == Self.possessiveS else { break }
                    k = j + 2; continue
                }
                if rules.places[p].isChinese && isIn && type != .recruitmentDrive
                    && !(type == .tradeFair && (fairPhase || c.start > lo && Self.venueBefore.contains(tp[c.start - 1].key))) { break }
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

        // Origin: "from Haikou", "Wenzhou-based …", "Zhejiang's first … charter flight", "activity of Hainan"
        for e in entities.indices {
            let s = entities[e].tokens.lowerBound, t = entities[e].tokens.upperBound
            guard let (pi, adj) = place(e), !adj, rules.places[pi].isChinese, rules.places[pi].kind != .country, !destinations.contains(where: { $0.contains(s) }) else { continue }
            let before = s > lo ? tp[s - 1].key : 0
            // "the China Yiwu International Commodities Fair", "the Harbin fair": the fair's venue
            if triggers.contains(where: { $0.label.fair >= 0 && $0.start <= s && $0.end >= t }) {
                d.addDestination(destination(pi), rule: .text("place in a fair's name"), words: span(s..<t)); continue
            }
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
        // "The Expo concluded on Monday", "wound up in Guangzhou on Tuesday": the day a fair ended
        var closeDate: (date: String, text: String)?
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
            if type == .tradeFair, closeDate == nil, en == nil, cue == nil, closes(before: et.lowerBound) { closeDate = (s ?? "", text) }
            if chosen == nil || (chosen?.end == nil && en != nil && chosen?.start != nil) { chosen = value }
        }
        // A single date before the close is the opening ("opened on Nov 5 and closed on Nov 10"),
        // any other (a dateline's) gives way to it.
        if let cd = closeDate, !cd.date.isEmpty, var c = chosen, c.end == nil {
            if let s = c.start, s < cd.date, s.count == cd.date.count { c.end = cd.date; c.text += " … " + cd.text } else { c = (nil, cd.date, cd.text) }
            chosen = c
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
        // Counts of what was signed, with their end token: each goes to the amount it comes before.
        var outcomeCounts: [(value: Double, unit: String, end: Int)] = []
        for e in entities.indices {
            guard case .count(let v, let q, let unit?) = entities[e].value else { continue }
            let et = entities[e].tokens
            let s = et.lowerBound
            if s > lo, Self.signing.contains(tp[s - 1].key) || (s > lo + 1 && Self.signing.contains(tp[s - 2].key)) {
                outcomeCounts.append((v, unit, et.upperBound)); continue
            }
            // "the signing of a total of 120 projects", "86 investment projects worth … were signed",
            // "120 projects worth $10.3 billion": projects and contracts signed are an outcome
            if unit == "projects" || unit == "contracts", signedNear(et) || moneyFollows(et.upperBound) {
                outcomeCounts.append((v, unit, et.upperBound)); continue
            }
            if unit == "contracts" { continue }
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
        rules.activities.forEachMatch(from: lo, ctx) { m in d.addActivity(m.label, words: span(m.start..<m.end)) }
        let transport = rules.transport.scan(from: lo, ctx)
        let flightKinds = transport.contains { $0.label != "rail" && $0.label != "ship" && !(tp[$0.start].key == Self.flights && $0.end == $0.start + 1) }
        for m in transport {
            // a bare "flights" beside chartered or shared flights: ordinary scheduled flights
            if tp[m.start].key == Self.flights, m.end == m.start + 1, !flightKinds { continue }
            d.addTransport(m.label, words: span(m.start..<m.end))
        }
        if has(.another) { d.another = true }
        for t in triggers where t.label.fair >= 0 { d.addFair(t.label.fair) }
    }
}
