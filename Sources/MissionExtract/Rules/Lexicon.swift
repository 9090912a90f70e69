/// The closed word lists the stages test tokens against ("signing verbs", "venue words before 'in'", …),
/// read from lexicon.tsv: `set <TAB> words` (| separated), each set named after its role. Every set
/// must be given; a set of one word ("preposition in") must hold exactly one. Built once at load
/// into KeySets and keys, so a test per token stays one hash probe (or one compare).
/// Pure punctuation (",", "-", "(", "?") stays in the stages: it is syntax, not vocabulary.
struct Lexicon: Sendable {
    /// The sets lexicon.tsv may name: the schema of the file.
    enum Role: String, CaseIterable, Sendable {
        // Single words
        case definiteArticle = "definite article"
        case prepositionIn = "preposition in"
        case prepositionTo = "preposition to"
        case prepositionOf = "preposition of"
        case prepositionBy = "preposition by"
        case cityNoun = "city noun"
        case provinceNoun = "province noun"
        case departureBeforeTo = "departure word before 'to'"
        case originSuffix = "origin suffix after a dash"
        case bareFlights = "bare flights noun"
        case relativeThis = "relative this"
        case relativeNext = "relative next"
        case relativeLast = "relative last"
        case today = "the day of publication"
        case yesterday = "the day before publication"
        case yearNoun = "year noun"
        case monthNoun = "month noun"
        case weekNoun = "week noun"
        // Sets (FrameReader)
        case determiners = "determiners before an entity"
        case agentSuffixes = "words between an agent and its verb"
        case notSubjectAfter = "words that make the next entity no subject"
        case listJoiners = "list joiners"
        case tripNouns = "trip nouns after a place adjective"
        case signingVerbs = "signing verbs"
        case audienceVerbs = "audience verbs before 'by'"
        case venueBeforeIn = "venue words before 'in'"
        case groupNouns = "group nouns"
        case receivingVerbs = "verbs of receiving a group"
        case notTripLength = "words before a duration that make it no trip's length"
        case placeNounsBeforeOf = "place nouns before 'of' a name"
        case bodyNouns = "body nouns that point back after 'the'"
        case provinceHeadTitles = "titles of a province's head"
        case cityHeadTitles = "titles of a city's head"
        // Sets (DateFinder, DateReader)
        case dateRangeJoiners = "date range joiners"
        case monthLead = "words before a month that keep it a date"
        case yearLead = "words before a year that keep it a date"
        case dateFillers = "fillers before a date"
        case nthLead = "words before 'the Nth' that make it a date"
        case notPastWeekday = "words before a weekday that make it no past day"
        case ordinalSuffixes = "ordinal suffixes"
        case monday = "weekday 1", tuesday = "weekday 2", wednesday = "weekday 3", thursday = "weekday 4"
        case friday = "weekday 5", saturday = "weekday 6", sunday = "weekday 7"
        // Sets (EventStage)
        case timeBeforeAnaphor = "time words before an anaphor"
        case settingBeforeAnaphor = "setting prepositions before an anaphor"
        case fairOccasions = "a fair's own occasions, no setting"
        // Sets (NumberReader)
        case percentWords = "percent words"
        case dayNouns = "duration: day nouns"
        case weekNouns = "duration: week nouns"
        case countNounStops = "words that end a count's noun"
        case gluedMagnitudes = "magnitudes only glued to the number"
        case qualifiersAfterNumber = "Chinese qualifiers after a number"
        case measureWords = "Chinese measure words after a count"
        // Sets (SentenceStage)
        case sentenceStarters = "sentence starters after an abbreviation"

        var isSingleWord: Bool {
            switch self {
            case .definiteArticle, .prepositionIn, .prepositionTo, .prepositionOf, .prepositionBy, .cityNoun, .provinceNoun,
                 .departureBeforeTo, .originSuffix, .bareFlights, .relativeThis, .relativeNext, .relativeLast,
                 .today, .yesterday, .yearNoun, .monthNoun, .weekNoun: true
            default: false
            }
        }
    }

    let the, inKey, to, of, by, city, province, leaving, based, flights: UInt64
    let this, next, last, year, month, week, today, yesterday: UInt64
    let determiners, agentSuffixes, notSubjectAfter, listJoiners, tripNouns, signingVerbs, audienceVerbs,
        venueBeforeIn, groupNouns, receivingVerbs, notTripLength, placeNounsBeforeOf, bodyNouns, provinceHeadTitles, cityHeadTitles: KeySet
    let dateRangeJoiners, monthLead, yearLead, dateFillers, nthLead, notPastWeekday, ordinalSuffixes: KeySet
    /// Weekday names, Monday = 0.
    let weekdays: KeyMap
    let timeBeforeAnaphor, settingBeforeAnaphor, fairOccasions: KeySet
    let percentWords, countNounStops, gluedMagnitudes, qualifiersAfterNumber, measureWords: KeySet
    /// "day", "weeks" → days in one.
    let durationDays: KeyMap
    let sentenceStarters: KeySet

    init(_ f: RuleFile) throws(RuleError) {
        var words: [Role: [String]] = [:]
        for row in try f.rows(min: 2, max: 2) {
            guard let role = Role(rawValue: row[0]) else {
                throw f.unknown(row, "set", row[0], allowed: Role.allCases.map { "\"\($0.rawValue)\"" })
            }
            let list = row.variants(1)
            guard !list.isEmpty else { throw f.error(row, "set \"\(row[0])\" without words") }
            for w in list where w.contains(" ") || Tokenizer.tokenize(Array(w.utf8)).count > 1 {
                throw f.error(row, "'\(w)': one token per word (no spaces; a Chinese word is one character)")
            }
            words[role, default: []] += list
            if role.isSingleWord, words[role, default: []].count != 1 {
                throw f.error(row, "set \"\(row[0])\" takes exactly one word, found \(words[role, default: []].count)")
            }
        }
        if let missing = Role.allCases.first(where: { words[$0] == nil }) {
            throw RuleError(.lexicon, "\(f.name): no words for set \"\(missing.rawValue)\"")
        }
        func word(_ r: Role) -> UInt64 { TokenKey.of(words[r]![0]) }
        func set(_ r: Role) -> KeySet { KeySet(words[r]!) }
        the = word(.definiteArticle); inKey = word(.prepositionIn); to = word(.prepositionTo); of = word(.prepositionOf)
        by = word(.prepositionBy); city = word(.cityNoun); province = word(.provinceNoun); leaving = word(.departureBeforeTo)
        based = word(.originSuffix); flights = word(.bareFlights)
        this = word(.relativeThis); next = word(.relativeNext); last = word(.relativeLast)
        today = word(.today); yesterday = word(.yesterday)
        year = word(.yearNoun); month = word(.monthNoun); week = word(.weekNoun)
        determiners = set(.determiners); agentSuffixes = set(.agentSuffixes); notSubjectAfter = set(.notSubjectAfter)
        listJoiners = set(.listJoiners); tripNouns = set(.tripNouns); signingVerbs = set(.signingVerbs)
        audienceVerbs = set(.audienceVerbs); venueBeforeIn = set(.venueBeforeIn); groupNouns = set(.groupNouns)
        receivingVerbs = set(.receivingVerbs)
        notTripLength = set(.notTripLength); placeNounsBeforeOf = set(.placeNounsBeforeOf); bodyNouns = set(.bodyNouns)
        provinceHeadTitles = set(.provinceHeadTitles); cityHeadTitles = set(.cityHeadTitles)
        dateRangeJoiners = set(.dateRangeJoiners); monthLead = set(.monthLead); yearLead = set(.yearLead)
        dateFillers = set(.dateFillers); nthLead = set(.nthLead); notPastWeekday = set(.notPastWeekday)
        ordinalSuffixes = set(.ordinalSuffixes)
        var weekdays = KeyMap()
        for (n, r) in [Role.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday].enumerated() {
            for w in words[r]! { weekdays.set(TokenKey.of(w), Int32(n)) }
        }
        self.weekdays = weekdays
        timeBeforeAnaphor = set(.timeBeforeAnaphor); settingBeforeAnaphor = set(.settingBeforeAnaphor)
        fairOccasions = set(.fairOccasions)
        percentWords = set(.percentWords); countNounStops = set(.countNounStops); gluedMagnitudes = set(.gluedMagnitudes)
        qualifiersAfterNumber = set(.qualifiersAfterNumber); measureWords = set(.measureWords)
        var durationDays = KeyMap()
        for w in words[.dayNouns]! { durationDays.set(TokenKey.of(w), 1) }
        for w in words[.weekNouns]! { durationDays.set(TokenKey.of(w), 7) }
        self.durationDays = durationDays
        sentenceStarters = set(.sentenceStarters)
    }
}
