/// All rules, compiled once from the files of Config/rules/ into pattern tables keyed by first token.
/// A value type over one shared, immutable store: copying a RuleSet costs one reference.
public struct RuleSet: Sendable {
    let store: RuleStore

    public init(files: [String: String]) throws(RuleError) { store = try RuleStore(files: files) }

    /// The files read from Config/rules/.
    public static let fileNames: [String] = [
        "countries.tsv", "regions.tsv", "cities_abroad.tsv", "china.tsv",
        "organizations.tsv", "triggers.tsv", "activities.tsv", "transport.tsv", "units.tsv",
        "currencies.tsv", "numbers.tsv", "months.tsv", "qualifiers.tsv", "outcomes.tsv",
        "cues.tsv", "anaphors.tsv", "abbreviations.tsv", "furniture.tsv", "fairs.tsv", "lexicon.tsv",
    ]

    struct PlaceName: Sendable { var place: Int; var adjective: Bool }
    struct OrgRule: Sendable { var kind: String; var template: NameTemplate? }
    /// `fair`: the fairs.tsv row of a named fair (two mentions of one fair are one event), else -1.
    struct Trigger: Sendable { var type: EventType; var weight: Int; var fair: Int32 = -1 }
    enum Cue: String, Sendable, CaseIterable {
        case speculation, expert, speech, organizerBy = "organizer_by", memberOf = "member_of", agentVerb = "agent_verb", aux
        case destPrep = "dest_prep", originPrep = "origin_prep", dateSince = "date_since", dateEnd = "date_end"
        case dateLabel = "date_label", title, another
        /// A fair opening or closing ("kicked off", "wound up"): the fair's venue follows "in"; a
        /// close dates the fair's end.
        case fairOpen = "fair_open", fairClose = "fair_close"
        /// A signing ("were signed", "the signing of"): projects and contracts counted beside it are an outcome.
        case signing
        case caption
        case business, market, personal, negated, homeward
        /// Words before a named fair that make it the setting of another action ("signed at the CIIE",
        /// "promotion events for the Canton Fair").
        case setting
        /// After an organisation, says it organises: "…, co-hosts of the event", "…, which hosts the fair".
        case organizerAfter = "organizer_after"
        /// A goal before a signing ("aiming to sign contracts worth …"): a target, not a deal.
        case goal
        case notCount = "not_count", diplomacy
        /// A Chinese title of a city's or a province's head ("市长", "副省长") with no body before it:
        /// the head of the place under discussion, acting for its government.
        case cityHead = "city_head", provinceHead = "province_head"
        /// Going abroad without naming where ("赴境外参展", "overseas trips"): a trip's deals are its outcome.
        case abroad
        /// A signing of counted projects or a side event's deals ("6个投资贸易重点项目在现场签约"): a deal of
        /// its own, never the outcome of the fair or trip it is held at.
        case ownDeal = "own_deal"
        /// "我省", "本市": the province or city the text is about, as a local paper calls it.
        case ourProvince = "our_province", ourCity = "our_city"
        /// A station or airport after a place, and the verb of leaving ("火车站发车", "国际机场起飞"):
        /// the place is where the trip sets off.
        case departurePoint = "departure_point"

        /// The kinds that RuleStore.cue(_:at:) is asked for, commonest first: they get table bits of
        /// their own while bits last. The others are only read from a sentence's scanned cues; a kind
        /// asked by position but missing here still matches, sharing the whole cue table's bit.
        static let askedByPosition: [Cue] = [.agentVerb, .aux, .signing, .fairClose, .fairOpen, .speech, .homeward,
                                             .notCount, .goal, .setting, .organizerAfter, .caption]

        /// Position in allCases: the index of this kind's table in RuleStore.cuesByKind.
        var ordinal: Int {
            switch self {
            case .speculation: 0
            case .expert: 1
            case .speech: 2
            case .organizerBy: 3
            case .memberOf: 4
            case .agentVerb: 5
            case .aux: 6
            case .destPrep: 7
            case .originPrep: 8
            case .dateSince: 9
            case .dateEnd: 10
            case .dateLabel: 11
            case .title: 12
            case .another: 13
            case .fairOpen: 14
            case .fairClose: 15
            case .signing: 16
            case .caption: 17
            case .business: 18
            case .market: 19
            case .personal: 20
            case .negated: 21
            case .homeward: 22
            case .setting: 23
            case .organizerAfter: 24
            case .goal: 25
            case .notCount: 26
            case .diplomacy: 27
            case .cityHead: 28
            case .provinceHead: 29
            case .abroad: 30
            case .ownDeal: 31
            case .ourProvince: 32
            case .ourCity: 33
            case .departurePoint: 34
            }
        }
    }
    struct Furniture: Sendable {
        var share: Set<String> = []
        var tail: [String] = []
        var prefix: [String] = []
        var credit: [String] = []
    }
}

/// The compiled tables, all `let`: built in init, then read by every extraction thread.
final class RuleStore: Sendable {
    typealias PlaceName = RuleSet.PlaceName
    typealias OrgRule = RuleSet.OrgRule
    typealias Trigger = RuleSet.Trigger
    typealias Cue = RuleSet.Cue
    typealias Furniture = RuleSet.Furniture

    let places: [Place]
    /// Province name → its place index ("Zhejiang" → the province row).
    let provinceIndex: [String: Int]
    let placeNames: RuleTable<PlaceName>
    let organizations: RuleTable<OrgRule>
    let triggers: RuleTable<Trigger>
    /// Named fairs (fairs.tsv), as trade_fair triggers that name the fair.
    let fairNames: RuleTable<Trigger>
    let activities: RuleTable<String>
    let transport: RuleTable<String>
    let units: RuleTable<String>
    let currencyBefore: RuleTable<String>
    let currencyAfter: RuleTable<String>
    /// Forms that are a currency only after a magnitude ("1.2 trillion won"; in "12 won" it is a verb).
    let currencyAfterMagnitude: RuleTable<String>
    let numberWords: RuleTable<Double>
    let magnitudes: RuleTable<Double>
    let months: KeyMap
    let qualifiers: RuleTable<Qualifier>
    let outcomes: RuleTable<String>
    let cues: RuleTable<Cue>
    /// The same cues by kind (index: Cue.ordinal), to test one kind at a token ("is an agent verb here?").
    let cuesByKind: [PatternSet]
    let anaphors: RuleTable<EventType?>
    /// Abbreviation → 1 when it may still end a sentence ("Ltd."), 0 when never ("Dec.").
    let abbreviations: KeyMap
    let furniture: Furniture
    /// Token key → the bits of the tables that have a pattern starting with that word.
    let tokenTables: TableBits
    /// The stages' closed word lists (lexicon.tsv).
    let lexicon: Lexicon


    // The labels a rule file may write (schema mission-event/1), in the order the errors list them.
    static let activityNames: [String] = ["exhibition", "business_negotiation", "investment_promotion", "customer_visit",
        "order_grabbing", "trade_promotion", "recruitment", "factory_inspection", "online_exhibition", "supply_docking"]
    static let transportNames: [String] = ["charter_flight", "scheduled_flight", "shared_flight", "rail", "ship"]
    /// transport.tsv's label for words that name no kind of the schema ("chartered buses"): matched so
    /// that a shorter row ("chartered") does not take them, and then dropped.
    static let noTransport = "none"
    /// `contracts` counts only what was signed (an outcome), never participants.
    static let unitNames: [String] = ["enterprises", "people", "groups", "officials", "projects", "countries", "industries", "trade_shows", "contracts", "posts"]
    static let outcomeKinds: [String] = ["orders", "contract", "projects", "intended_deals", "output_value", "investment", "jobs"]
    /// The trigger weight of a named fair: strong, so that "the Expo … with $8 billion in intended deals" stays a fair.
    static let namedFairWeight = 3
    static let orgKinds: [String] = ["government", "association", "company", "person", "other", "media"]

    init(files: [String: String]) throws(RuleError) {
        func file(_ name: String) throws(RuleError) -> RuleFile {
            guard let text = files[name] else { throw RuleError(.missingFile, "\(name): missing rule file") }
            return RuleFile(name: name, text: text)
        }
        var places: [Place] = []
        var provinceIndex: [String: Int] = [:]
        var placeNames: RuleTable<PlaceName> = RuleTable<PlaceName>()
        var organizations: RuleTable<OrgRule> = RuleTable<OrgRule>()
        var triggers: RuleTable<Trigger> = RuleTable<Trigger>()
        var fairNames: RuleTable<Trigger> = RuleTable<Trigger>()
        var activities: RuleTable<String> = RuleTable<String>()
        var transport: RuleTable<String> = RuleTable<String>()
        var units: RuleTable<String> = RuleTable<String>()
        var currencyBefore: RuleTable<String> = RuleTable<String>()
        var currencyAfter: RuleTable<String> = RuleTable<String>()
        var currencyAfterMagnitude: RuleTable<String> = RuleTable<String>()
        var numberWords: RuleTable<Double> = RuleTable<Double>()
        var magnitudes: RuleTable<Double> = RuleTable<Double>()
        var months = KeyMap()
        var qualifiers: RuleTable<Qualifier> = RuleTable<Qualifier>()
        var outcomes: RuleTable<String> = RuleTable<String>()
        var cues: RuleTable<Cue> = RuleTable<Cue>()
        precondition(Cue.allCases.enumerated().allSatisfy { $0.offset == $0.element.ordinal }, "Cue.ordinal out of step")
        var cuesByKind = [PatternSet](repeating: PatternSet(), count: Cue.allCases.count)
        var anaphors: RuleTable<EventType?> = RuleTable<EventType?>()
        var abbreviations = KeyMap()
        var furniture: Furniture = Furniture()
        try Self.loadPlaces(try file("countries.tsv"), try file("regions.tsv"), try file("cities_abroad.tsv"), try file("china.tsv"),
                            &places, &provinceIndex, &placeNames)

        let orgs = try file("organizations.tsv")
        for row in try orgs.rows(min: 2, max: 3) {
            guard Self.orgKinds.contains(row[0]) else { throw orgs.unknown(row, "kind", row[0], allowed: Self.orgKinds) }
            try organizations.add(row[1], OrgRule(kind: row[0], template: row[2].isEmpty ? nil : NameTemplate(row[2])), file: orgs, row: row)
        }
        let trig = try file("triggers.tsv")
        for row in try trig.rows(min: 3, max: 3) {
            guard let type = EventType(rawValue: row[0]) else { throw trig.unknown(row, "event type", row[0], allowed: EventType.allCases.map(\.rawValue)) }
            guard let w = Int(row[1]), (1...3).contains(w) else { throw trig.error(row, "weight must be 1, 2 or 3") }
            try triggers.add(row[2], Trigger(type: type, weight: w), file: trig, row: row)
        }
        // A named fair ("the 138th Canton Fair") is a strong trade_fair trigger; its names are
        // case-sensitive phrases, as gazetteer names are ("CES" is not "ces").
        // (a table of their own, scanned beside the triggers: "attended the 20th China-ASEAN Expo" is
        // one trigger row, and the name in it still counts)
        let fairs = try file("fairs.tsv")
        for (n, row) in try fairs.rows(min: 1, max: 1).enumerated() {
            for name in row.variants(0) {
                do { try fairNames.addPhrase(name, Trigger(type: .tradeFair, weight: Self.namedFairWeight, fair: Int32(n))) }
                catch { throw fairs.error(row, error.description) }
            }
        }
        try Self.loadLabelled(try file("activities.tsv"), into: &activities, "activity", allowed: Self.activityNames)
        try Self.loadLabelled(try file("transport.tsv"), into: &transport, "transport", allowed: Self.transportNames + [Self.noTransport])
        try Self.loadLabelled(try file("outcomes.tsv"), into: &outcomes, "outcome kind", allowed: Self.outcomeKinds)

        let unitFile = try file("units.tsv")
        for row in try unitFile.rows(min: 2, max: 2) {
            guard Self.unitNames.contains(row[0]) else { throw unitFile.unknown(row, "unit", row[0], allowed: Self.unitNames) }
            for noun in row.variants(1) { try units.add(noun, row[0], file: unitFile, row: row) }
        }
        let cur = try file("currencies.tsv")
        for row in try cur.rows(min: 3, max: 3) {
            guard row[0].count == 3, row[0].allSatisfy({ $0.isUppercase }) else { throw cur.error(row, "currency must be an ISO 4217 code") }
            for form in row.variants(2) {
                switch row[1] {
                case "before": try currencyBefore.add(form, row[0], file: cur, row: row)
                case "after": try currencyAfter.add(form, row[0], file: cur, row: row)
                case "after_magnitude": try currencyAfterMagnitude.add(form, row[0], file: cur, row: row)
                default: throw cur.unknown(row, "position", row[1], allowed: ["before", "after", "after_magnitude"])
                }
            }
        }
        let nums = try file("numbers.tsv")
        for row in try nums.rows(min: 3, max: 3) {
            guard let v = Double(row[1]) else { throw nums.error(row, "bad value '\(row[1])'") }
            for w in row.variants(2) {
                switch row[0] {
                case "number": try numberWords.add(w, v, file: nums, row: row)
                case "magnitude": try magnitudes.add(w, v, file: nums, row: row)
                default: throw nums.unknown(row, "kind", row[0], allowed: ["number", "magnitude"])
                }
            }
        }
        let mon = try file("months.tsv")
        for row in try mon.rows(min: 2, max: 2) {
            guard let m = Int(row[0]), (1...12).contains(m) else { throw mon.error(row, "month must be 1…12") }
            for name in row.variants(1) { months.set(TokenKey.of(name), Int32(m)) }
        }
        let qual = try file("qualifiers.tsv")
        for row in try qual.rows(min: 2, max: 2) {
            guard let q = Qualifier(rawValue: row[0]), q != .exact else { throw qual.unknown(row, "qualifier", row[0], allowed: ["more_than", "about", "up_to"]) }
            try qualifiers.add(row[1], q, file: qual, row: row)
        }
        let cueFile = try file("cues.tsv")
        for row in try cueFile.rows(min: 2, max: 2) {
            guard let c = Cue(rawValue: row[0]) else { throw cueFile.unknown(row, "cue kind", row[0], allowed: Cue.allCases.map(\.rawValue)) }
            try cues.add(row[1], c, file: cueFile, row: row)
            do { for r in Pattern.expand(row[1]) { cuesByKind[c.ordinal].add(try Pattern.compile(r, payload: 0)) } } catch { throw cueFile.error(row, error.description) }
        }
        let ana = try file("anaphors.tsv")
        for row in try ana.rows(min: 2, max: 2) {
            let type: EventType?
            if row[0] == "any" { type = nil } else {
                guard let t = EventType(rawValue: row[0]) else { throw ana.unknown(row, "event type", row[0], allowed: ["any"] + EventType.allCases.map(\.rawValue)) }
                type = t
            }
            try anaphors.add(row[1], type, file: ana, row: row)
        }
        let abbr = try file("abbreviations.tsv")
        for row in try abbr.rows(min: 2, max: 2) {
            guard row[1] == "never" || row[1] == "maybe" else { throw abbr.unknown(row, "kind", row[1], allowed: ["never", "maybe"]) }
            let word = row[0].hasSuffix(".") ? String(row[0].dropLast()) : row[0]
            // "e.g" is stored by its last token ("g"), the one before the final period.
            let last = word.split(separator: ".").last.map(String.init) ?? word
            abbreviations.set(TokenKey.of(last), row[1] == "maybe" ? 1 : 0)
        }
        let furn = try file("furniture.tsv")
        for row in try furn.rows(min: 2, max: 2) {
            let w = row[1].lowercased()
            switch row[0] {
            case "share": furniture.share.insert(w)
            case "tail": furniture.tail.append(w)
            case "prefix": furniture.prefix.append(w)
            case "credit": furniture.credit.append(w)
            default: throw furn.unknown(row, "kind", row[0], allowed: ["share", "tail", "prefix", "credit"])
            }
        }
        // Each table gets a bit; every word that starts a pattern records the bits of its tables.
        var firstWords: [UInt64: UInt32] = [:]
        var nextBit: UInt32 = 1
        // A bit only says "may start a pattern" (the table's own index decides), so tables may share
        // one: past 32 tables a table takes `shared` (a table whose words include its own), or else
        // the least loaded bit, at the cost of some failed look-ups. Never bit 0 ("always look up"),
        // which made every token look up in every table past the 32nd.
        var load = [Int](repeating: 0, count: 32)       // words marked with each bit
        func mark(_ words: [UInt64], shared: UInt32 = 0) -> UInt32 {
            if nextBit == 0 && shared != 0 { return shared }
            let index: Int
            if nextBit != 0 {
                index = nextBit.trailingZeroBitCount
                nextBit = nextBit << 1
            } else {
                index = load.indices.min { load[$0] < load[$1] }!
            }
            let bit: UInt32 = 1 << UInt32(index)
            load[index] += words.count
            for k in words { firstWords[k, default: 0] |= bit }
            return bit
        }
        func mark(_ set: PatternSet, shared: UInt32 = 0) -> UInt32 { mark(set.firstWords, shared: shared) }
        placeNames.freeze(bit: mark(placeNames.patterns))
        organizations.freeze(bit: mark(organizations.patterns), capNextBit: mark(organizations.patterns.capNextWords ?? []))
        let triggerBit = mark(triggers.patterns), activityBit = mark(activities.patterns)
        transport.freeze(bit: mark(transport.patterns))
        fairNames.freeze(bit: mark(fairNames.patterns))
        units.freeze(bit: mark(units.patterns))
        currencyBefore.freeze(bit: mark(currencyBefore.patterns))
        currencyAfter.freeze(bit: mark(currencyAfter.patterns))
        currencyAfterMagnitude.freeze(bit: mark(currencyAfterMagnitude.patterns))
        numberWords.freeze(bit: mark(numberWords.patterns))
        magnitudes.freeze(bit: mark(magnitudes.patterns))
        qualifiers.freeze(bit: mark(qualifiers.patterns))
        outcomes.freeze(bit: mark(outcomes.patterns))
        let cueBit = mark(cues.patterns)
        cues.freeze(bit: cueBit)
        // The words after a gap, for the tables that often start one on a common word ("the ~2 fair",
        // "held ~6 roadshow"): they filter whole-sentence scans, so they come before the cue kinds.
        let anaphorBit = mark(anaphors.patterns)
        anaphors.freeze(bit: anaphorBit, gapNextBit: mark(anaphors.patterns.gapNextWords))
        triggers.freeze(bit: triggerBit, gapNextBit: mark(triggers.patterns.gapNextWords))
        activities.freeze(bit: activityBit, gapNextBit: mark(activities.patterns.gapNextWords))
        // Last, as the bits they save least without (each is asked at a few positions, never scanned):
        // the cue kinds asked by position, each with a bit of its own while bits last, then the whole
        // cue table's; the other kinds' tables need none of their own.
        for c in Cue.allCases {
            let own = Cue.askedByPosition.contains(c)
            cuesByKind[c.ordinal].freeze(bit: own ? mark(cuesByKind[c.ordinal], shared: cueBit) : cueBit)
        }
        var tokenTables = TableBits(capacity: firstWords.count)
        for (k, bits) in firstWords { tokenTables.add(k, bits) }
        self.tokenTables = tokenTables
        self.places = places
        self.provinceIndex = provinceIndex
        self.placeNames = placeNames
        self.organizations = organizations
        self.triggers = triggers
        self.fairNames = fairNames
        self.activities = activities
        self.transport = transport
        self.units = units
        self.currencyBefore = currencyBefore
        self.currencyAfter = currencyAfter
        self.currencyAfterMagnitude = currencyAfterMagnitude
        self.numberWords = numberWords
        self.magnitudes = magnitudes
        self.months = months
        self.qualifiers = qualifiers
        self.outcomes = outcomes
        self.cues = cues
        self.cuesByKind = cuesByKind
        self.anaphors = anaphors
        self.abbreviations = abbreviations
        self.furniture = furniture
        self.lexicon = try Lexicon(try file("lexicon.tsv"))
    }

    /// End of a cue of this kind starting at token i, if one does (none at or past the limit: callers
    /// ask at the token after a name, which may be the sentence's end or the text's).
    func cue(_ kind: Cue, at i: Int, _ ctx: MatchContext) -> Int? {
        guard i < ctx.limit else { return nil }
        return cuesByKind[kind.ordinal].longest(at: i, ctx)?.end
    }

    private static func loadLabelled(_ f: RuleFile, into table: inout RuleTable<String>, _ what: String, allowed: [String]) throws(RuleError) {
        for row in try f.rows(min: 2, max: 2) {
            guard allowed.contains(row[0]) else { throw f.unknown(row, what, row[0], allowed: allowed) }
            try table.add(row[1], row[0], file: f, row: row)
        }
    }

    private static func loadPlaces(_ countries: RuleFile, _ regions: RuleFile, _ cities: RuleFile, _ china: RuleFile,
                                   _ places: inout [Place], _ provinceIndex: inout [String: Int], _ placeNames: inout RuleTable<PlaceName>) throws(RuleError) {
        var countryCodes: Set<String> = []
        func addNames(_ p: Place, _ names: [String], adjectives: [String], file: RuleFile, row: RuleFile.Row) throws(RuleError) {
            let index = places.count
            places.append(p)
            // "the UAE" is matched as "UAE": no pattern starts with "the", the commonest word.
            var bare: [String] = []
            for n in names {
                let b = n.hasPrefix("the ") ? String(n.dropFirst(4)) : n
                if !bare.contains(b) { bare.append(b) }
            }
            do {
                for n in bare { try placeNames.addPhrase(n, PlaceName(place: index, adjective: false)) }
                for a in adjectives { try placeNames.addPhrase(a, PlaceName(place: index, adjective: true)) }
            } catch { throw file.error(row, error.description) }
        }
        for row in try countries.rows(min: 2, max: 4) {
            guard row[0].count == 2 else { throw countries.error(row, "code must be ISO 3166-1 alpha-2") }
            countryCodes.insert(row[0])
            try addNames(Place(name: row[1], kind: .country, code: row[0]), [row[1]] + row.variants(2), adjectives: row.variants(3), file: countries, row: row)
        }
        for row in try regions.rows(min: 2, max: 4) {
            guard row[0].hasPrefix("region:") else { throw regions.error(row, "code must start with region:") }
            try addNames(Place(name: row[1], kind: .region, code: row[0]), [row[1]] + row.variants(2), adjectives: row.variants(3), file: regions, row: row)
        }
        for row in try cities.rows(min: 2, max: 3) {
            guard countryCodes.contains(row[1]) else { throw cities.error(row, "unknown country code '\(row[1])'") }
            try addNames(Place(name: row[0], kind: .cityAbroad, code: row[1]), [row[0]] + row.variants(2), adjectives: [], file: cities, row: row)
        }
        for row in try china.rows(min: 3, max: 4) {
            let kind: Place.Kind
            switch row[1] {
            case "province": kind = .province
            case "city": kind = .city
            case "district": kind = .district
            default: throw china.unknown(row, "level", row[1], allowed: ["province", "city", "district"])
            }
            if kind == .province { provinceIndex[row[0]] = places.count }
            var place = Place(name: row[0], kind: kind, code: "CN", province: row[2])
            // "Guangxi Zhuang Autonomous Region", "Shanghai Municipality": the formal name its government goes by
            place.formalName = row.variants(3).first { $0.hasSuffix("Autonomous Region") || $0.hasSuffix("Municipality") }
            let chinese = row.variants(3).filter { $0.unicodeScalars.contains(where: Tokenizer.isIdeograph) }
            place.chineseName = chinese.first { ["市", "省", "自治区", "县", "区"].contains(where: $0.hasSuffix) } ?? chinese.first
            try addNames(place, [row[0]] + row.variants(3), adjectives: [], file: china, row: row)
        }
    }
}
