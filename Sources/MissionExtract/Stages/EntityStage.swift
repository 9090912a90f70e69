/// Finds, sentence by sentence: places (gazetteers), organisations (patterns), people (titles),
/// dates, durations, money and counts. Tokens of the dateline are skipped. Also records which
/// Chinese province and city the text is about before each sentence ("the province", "the city").
struct EntityStage: ExtractionStage {
    let name = "entities"
    let rules: RuleStore

    init(rules: RuleSet) { self.rules = rules.store }

    func run(_ doc: inout Document) throws(ArticleRejection) {
        let published = doc.published.flatMap { DateParts(iso: $0) }
        var entities: [Entity] = []
        entities.reserveCapacity(doc.tokens.count / 8)
        var sentences = doc.sentences
        doc.sentences = []                  // the only reference: writing the context below copies nothing
        var placeEnds = [Int32](repeating: 0, count: doc.tokens.count)
        var used = [Bool](repeating: false, count: doc.tokens.count)
        if let d = doc.dateline {
            for (i, t) in doc.tokens.enumerated() where d.contains(Int(t.start)) { used[i] = true }
        }
        let budget = doc.budget
        let chinese = doc.isChinese
        doc.withBuffers { text in
            let tp = text.tokens, bp = text.bytes
            var province: Int?, city: Int?
            var lastDate: DateParts?
            var bodies = KeyMap(), bodyNames: [(Organizer, Int?)] = []   // body noun → the last organisation named with it
            // Each sentence's entities are appended to the article's list and sorted there: a
            // per-sentence buffer would copy (and retain and release) every entity once more.
            for si in sentences.indices {
                // Sentences can be long: the clock is read at each (runWithinBudget then refuses).
                if budget?.isOver == true { break }
                sentences[si].province = province
                sentences[si].city = city
                let range = sentences[si].tokens
                let base = entities.count
                findPlaces(range, tp, bp, &placeEnds, &used, &entities)
                placeEnds.withUnsafeBufferPointer { pe in
                    let ctx = MatchContext(tokens: tp, bytes: bp, places: pe, limit: range.upperBound)
                    findOrganizations(range, ctx, province: province, city: city, &used, &entities, from: base)
                    for e in base..<entities.count where entities[e].isPlace { for k in entities[e].tokens { used[k] = true } }
                    findBodyMentions(range, ctx, &used, &entities, from: base, bodies: &bodies, names: &bodyNames)
                    findPeople(range, ctx, &used, &entities, from: base)
                    let numbers = NumberReader(rules: rules, ctx: ctx)
                    let dates = DateFinder(rules: rules, ctx: ctx, published: published)
                    if chinese { ChineseDateFinder(finder: dates).find(range, lastDate: &lastDate, &used, &entities) }
                    dates.find(range, lastDate: &lastDate, &used, &entities)
                    numbers.find(range, &used, &entities)
                }
                Self.sortByStart(&entities, from: base)
                sentences[si].entities = base..<entities.count
                // What the text is about from here on: the first province and city of this sentence.
                var newProvince: Int?, newCity: Int?
                for e in base..<entities.count {
                    let p: Int
                    switch entities[e].value {
                    case .place(let p32, let adjective) where !adjective: p = Int(p32)
                    case .organization(_, let home?, false): p = home
                    default: continue
                    }
                    switch rules.places[p].kind {               // fields in place: a Place copy retains its strings
                    case .province: if newProvince == nil { newProvince = p }
                    case .city, .district:
                        if newCity == nil { newCity = p }
                        if newProvince == nil, let prov = rules.places[p].province { newProvince = rules.provinceIndex[prov] }
                    default: break
                    }
                }
                if let p = newProvince { province = p }
                if let c = newCity { city = c }
            }
        }
        // A local paper's "我市" opens its story before it names the city ("副市长周剑带领我市经贸
        // 代表团…"): the sentences before any place is under discussion are about the first Chinese
        // city named later (with its province).
        if chinese, let firstCity = entities.lazy.compactMap({ e -> Int? in
            guard case .place(let p32, false) = e.value else { return nil }
            let p = Int(p32)
            return self.rules.places[p].code == "CN" && (self.rules.places[p].kind == .city || self.rules.places[p].kind == .district) ? p : nil
        }).first {
            let province = rules.places[firstCity].province.flatMap { rules.provinceIndex[$0] }
            for si in sentences.indices {
                guard sentences[si].city == nil, sentences[si].province == nil else { break }
                (sentences[si].city, sentences[si].province) = (firstCity, province)
            }
        }
        doc.sentences = sentences
        doc.entities = entities
    }

    static let bodyMentionRule = "the body named before"

    /// 市, 省, 县, 区: the level a Chinese body's name opens with ("市商务局", "省商务厅").
    static let levelWords = KeySet(["市", "省", "县", "区"])

    /// Sorts entities[from...] (one sentence's) by their first token, in place.
    private static func sortByStart(_ entities: inout [Entity], from base: Int) {
        entities.withUnsafeMutableBufferPointer { all in
            var sentence = UnsafeMutableBufferPointer(rebasing: all[base...])
            sentence.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }
        }
    }

    /// "the ministry", "the Department": the last organisation named with that noun, in this sentence
    /// before it or in an earlier one. `bodies` maps the noun to that organisation in `names` (not to
    /// an entity index: a sentence's entities are sorted after); one lookup per mention and one update
    /// per organisation word keep this linear.
    private func findBodyMentions(_ range: Range<Int>, _ ctx: MatchContext, _ used: inout [Bool], _ found: inout [Entity],
                                  from first: Int, bodies: inout KeyMap, names: inout [(Organizer, Int?)]) {
        let nouns = rules.lexicon.bodyNouns, the = rules.lexicon.the, of = rules.lexicon.of
        let sentenceOrgs = first..<found.count
        var nextOrg = sentenceOrgs.lowerBound
        func remember(upTo token: Int) {
            while nextOrg < sentenceOrgs.upperBound, found[nextOrg].tokens.lowerBound < token {
                if case .organization(let o, let home, false) = found[nextOrg].value,
                   found[nextOrg].tokens.contains(where: { nouns.contains(ctx.tokens[$0].key) }) {
                    names.append((o, home))
                    for k in found[nextOrg].tokens where nouns.contains(ctx.tokens[k].key) { bodies.set(ctx.tokens[k].key, Int32(names.count - 1)) }
                }
                nextOrg += 1
            }
        }
        var i = range.lowerBound
        while i + 1 < range.upperBound {
            defer { i += 1 }
            guard ctx.tokens[i].key == the, nouns.contains(ctx.tokens[i + 1].key), !used[i], !used[i + 1],
                  !(i + 2 < range.upperBound && (ctx.tokens[i + 2].key == of || ctx.tokens[i + 2].capitalized)) else { continue }
            // "…, the department said": the source of the report, not an agent in it
            if i + 2 < range.upperBound, rules.cue(.speech, at: i + 2, ctx) != nil { continue }
            remember(upTo: i)
            guard let n = bodies.get(ctx.tokens[i + 1].key) else { continue }
            let (o, home) = names[Int(n)]
            found.append(Entity(value: .organization(o, place: home, media: false), tokens: i..<(i + 2), rule: Self.bodyMentionRule))
            used[i] = true; used[i + 1] = true
        }
        remember(upTo: Int.max)
    }

    /// Gazetteer places, longest match first; a place is only taken where no other entity is.
    private func findPlaces(_ range: Range<Int>, _ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>,
                            _ placeEnds: inout [Int32], _ used: inout [Bool], _ found: inout [Entity]) {
        let ctx = MatchContext(tokens: tp, bytes: bp, limit: range.upperBound)
        let starts = rules.placeNames.startTest
        var i = range.lowerBound
        while i < range.upperBound {
            // Tokens that start no place name, most of them, are passed by their table bit alone.
            while i < range.upperBound, tp[i].kind != .word || !starts.mayStart(at: i, ctx) { i += 1 }
            guard i < range.upperBound else { break }
            guard !used[i], let m = rules.placeNames.longest(at: i, ctx),
                  !(i..<m.end).contains(where: { used[$0] }) else { i += 1; continue }
            // "US$25.65 billion", "HK$2 billion": a currency before its number, not a place
            if let c = rules.currencyBefore.longest(at: i, ctx), c.end > m.end || c.end == m.end + 1,
               c.end < range.upperBound, tp[c.end].kind == .number { i = c.end; continue }
            // "广东东莞", "四川省遂宁市船山区": Chinese writes a place after the one it lies in; the
            // innermost is the place meant, the whole run its name
            var place = m.label.place, end = m.end
            while end < range.upperBound, tp[end].isIdeograph, tp[end - 1].isIdeograph, !used[end],
                  let inner = rules.placeNames.longest(at: end, ctx), !inner.label.adjective, liesIn(inner.label.place, place) {
                place = inner.label.place; end = inner.end
            }
            placeEnds[i] = Int32(end) * (rules.places[place].isChinese ? 1 : -1)
            found.append(Entity(value: .place(Int32(place), adjective: m.label.adjective), tokens: i..<end, rule: "gazetteer"))
            i = end
        }
    }

    /// Place `inner` lies in `outer`: a city or county of a province, a county or district of a
    /// city's province (china.tsv names only the province a place belongs to).
    private func liesIn(_ inner: Int, _ outer: Int) -> Bool {
        let i = rules.places[inner], o = rules.places[outer]
        guard i.isChinese, o.isChinese, inner != outer else { return false }
        switch o.kind {
        case .province: return i.kind != .province && i.province == o.name
        case .city: return i.kind == .district && i.province == o.province
        default: return false
        }
    }

    /// Organisation patterns; the places inside an organisation name become part of it.
    /// `found[first...]` are the sentence's entities so far; the ones before belong to earlier sentences
    /// and lie before `range`, so the removals here and in findPeople never touch them.
    private func findOrganizations(_ range: Range<Int>, _ ctx: MatchContext, province: Int?, city: Int?,
                                   _ used: inout [Bool], _ found: inout [Entity], from first: Int) {
        let organizations = rules.organizations     // a local copy stays in registers; the store's is re-read per token
        // found[first..<placesEnd]: this sentence's places, in text order and apart (findPlaces). A place
        // inside an organisation's name is marked, and all marked ones go at the end: removing each at
        // once, looking through the sentence's entities, was quadratic in a long sentence of names.
        let placesEnd = found.count
        // Made at the first place swallowed (seldom): an array per sentence cost an allocation each.
        var swallowed: [Bool] = []
        var nextPlace = first                       // the first place not before i (i only grows)
        var i = range.lowerBound
        var nextCapWord = -1
        while i < range.upperBound {
            i = organizations.nextPossibleStart(from: i, to: range.upperBound, ctx)
            guard i < range.upperBound else { break }
            guard !used[i], let m = organizations.longest(at: i, ctx, nextCapWord: &nextCapWord) else { i += 1; continue }
            var start = i
            if start > range.lowerBound, ctx.tokens[start - 1].key == rules.lexicon.the { start -= 1 }
            // "The State Council" at a sentence start: {cap} took the capital "The", which is no part of the name
            let nameStart = ctx.tokens[i].key == rules.lexicon.the && i + 1 < m.end ? i + 1 : i
            // Places inside the name: the first Chinese one is the organisation's home.
            var home: Int?
            while nextPlace < placesEnd, found[nextPlace].tokens.lowerBound < i { nextPlace += 1 }
            // A name the gazetteer knows as one place ("the Gulf Cooperation Council") stays that place.
            if (nextPlace..<min(nextPlace + 2, placesEnd)).contains(where: { found[$0].tokens == nameStart..<m.end }) { i = m.end; continue }
            var k = nextPlace
            while k < placesEnd, found[k].tokens.lowerBound < m.end {
                if found[k].tokens.upperBound <= m.end {
                    if home == nil, case .place(let p, _) = found[k].value, rules.places[Int(p)].isChinese { home = Int(p) }
                    if swallowed.isEmpty { swallowed = [Bool](repeating: false, count: placesEnd - first) }
                    swallowed[k - first] = true
                }
                k += 1
            }
            var name = String(decoding: ctx.bytes[Int(ctx.tokens[nameStart].start)..<Int(ctx.tokens[m.end - 1].end)], as: UTF8.self)
            if let template = m.label.template, !template.hasPlace {
                name = template.filled(with: "")
            } else if let template = m.label.template {
                // "In Qingdao, the municipal commerce bureau …": the scene the sentence opens with comes first
                var hereCity: Int?, hereProvince: Int?
                // A province, or a city or district with its province; false for other places.
                func locate(_ pi: Int) -> Bool {
                    switch rules.places[pi].kind {              // fields in place: a Place copy retains its strings
                    case .province: hereProvince = pi
                    case .city, .district:
                        hereCity = pi
                        if let prov = rules.places[pi].province { hereProvince = rules.provinceIndex[prov] }
                    default: return false
                    }
                    return true
                }
                if ctx.tokens[range.lowerBound].key == rules.lexicon.inKey {
                    // The place right after "In": among the first places of the sentence.
                    for e in first..<placesEnd {
                        if found[e].tokens.lowerBound > range.lowerBound + 1 { break }      // the rest lie further on
                        guard swallowed.isEmpty || !swallowed[e - first], found[e].tokens.lowerBound == range.lowerBound + 1, found[e].tokens.upperBound < i,
                              ctx.tokens[found[e].tokens.upperBound].key == Self.comma,
                              case .place(let p32, false) = found[e].value else { continue }
                        _ = locate(Int(p32))
                    }
                }
                // Without a place before this sentence, the first Chinese place of the sentence before the
                // name ("A delegation from Zhejiang … on a flight chartered by the provincial Department of Commerce")
                if province == nil && city == nil && hereProvince == nil && hereCity == nil {
                    // (also one inside a body named before: "浙江省商务厅、省财政厅联合下发通知")
                    for e in first..<placesEnd where found[e].tokens.upperBound <= i {
                        guard case .place(let p32, false) = found[e].value else { continue }
                        if locate(Int(p32)) { break }
                    }
                    // (a Chinese lead may name its city after the body: "由市政府主办,市人社局承办的六安市…招聘会")
                    if hereProvince == nil && hereCity == nil, ctx.tokens[nameStart].isIdeograph {
                        for e in first..<placesEnd where found[e].tokens.lowerBound >= m.end {
                            guard swallowed.isEmpty || !swallowed[e - first], case .place(let p32, false) = found[e].value,
                                  rules.places[Int(p32)].isChinese else { continue }
                            if locate(Int(p32)) { break }
                        }
                    }
                }
                let p = template.usesCity ? (hereCity ?? city ?? hereProvince ?? province) : (hereProvince ?? province)
                if let p {
                    home = p
                    name = template.filled(with: template.chinese ? rules.places[p].chineseName ?? rules.places[p].name : rules.places[p].name)
                } else if !(template.chinese && Self.levelWords.contains(ctx.tokens[nameStart].key)) {
                    i = m.end; continue                     // "the provincial government" of an unknown province
                }
                // (a Chinese body of a place the text never names, "市商务局组织我市18家企业…", keeps the
                // name as written: it says its level, and a reader knows the city from the portal)
            }
            let kind = OrganizerKind(rawValue: m.label.kind) ?? .other
            found.append(Entity(value: .organization(Organizer(name: name, kind: kind), place: home, media: m.label.kind == "media"),
                                tokens: start..<m.end, rule: "org", pattern: Int32(m.pattern)))
            for k in start..<m.end { used[k] = true }
            i = m.end
        }
        if !swallowed.isEmpty {
            var kept = first
            for e in first..<found.count where e >= placesEnd || !swallowed[e - first] {
                if kept != e { found[kept] = found[e] }
                kept += 1
            }
            found.removeSubrange(kept..<found.count)
        }
    }

    /// "Vice Governor Ni Qiang": a title from cues.tsv and up to three capitalised words.
    private func findPeople(_ range: Range<Int>, _ ctx: MatchContext, _ used: inout [Bool], _ found: inout [Entity], from first: Int) {
        let starts = rules.cues.startTest
        var i = range.lowerBound
        while i < range.upperBound {
            // Only a capitalised token that may start a cue can start a title.
            while i < range.upperBound, !ctx.tokens[i].capitalized || !starts.mayStart(at: i, ctx) { i += 1 }
            guard i < range.upperBound else { break }
            guard !used[i], let cue = rules.cues.longest(at: i, ctx), cue.label == .title else { i += 1; continue }
            var j = cue.end
            while j < range.upperBound, j - cue.end < 3, ctx.tokens[j].kind == .word, ctx.tokens[j].capitalized, !used[j] { j += 1 }
            guard j - cue.end >= 2 else { i = cue.end; continue }
            let title = String(decoding: ctx.bytes[Int(ctx.tokens[i].start)..<Int(ctx.tokens[cue.end - 1].end)], as: UTF8.self)
            let name = String(decoding: ctx.bytes[Int(ctx.tokens[cue.end].start)..<Int(ctx.tokens[j - 1].end)], as: UTF8.self)
            found.removeAll(from: first) { $0.tokens.lowerBound >= cue.end && $0.tokens.upperBound <= j }
            found.append(Entity(value: .person(name: name, title: title), tokens: i..<j, rule: "person: title"))
            for k in i..<j { used[k] = true }
            i = j
        }
    }

    static let comma = TokenKey.of(",")
}

private extension Array {
    /// `removeAll(where:)` over the elements from `start` on, keeping their order. The entities of
    /// the sentence being read start at `first`: those of earlier sentences cannot lie inside its
    /// matches, and looking through all of them at each match made a long article quadratic.
    mutating func removeAll(from start: Int, where remove: (Element) -> Bool) {
        var kept = start
        for e in start..<count where !remove(self[e]) {
            if kept != e { self[kept] = self[e] }
            kept += 1
        }
        removeSubrange(kept..<count)
    }
}
