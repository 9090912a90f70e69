/// Reads mission events from the sentences: triggers choose the type, FrameReader fills the slots
/// (SentencePass, sentence by sentence), then mentions of one action are merged (anaphora "this trip",
/// continuations, the same organizer) and events without enough substance are dropped.
struct EventStage: ExtractionStage {
    let name = "events"
    let rules: RuleStore

    let photoCaption: PhotoCaption

    init(rules: RuleSet) { self.rules = rules.store; photoCaption = PhotoCaption(rules: rules.store) }

    func run(_ doc: inout Document) throws(ArticleRejection) {
        let document = doc
        var drafts = read(document)
        merge(&drafts, document)
        joinCaptions(&drafts)
        doc.events = events(from: &drafts, document)
    }

    /// One pass over the sentences: the drafts of their actions.
    private func read(_ doc: Document) -> [EventDraft] {
        doc.withBuffers(places: Self.placeStarts(doc, rules)) { text in
            let speakers = doc.quotes.map { QuoteSpeaker.find(quote: $0, doc: doc, rules: rules, tp: text.tokens, bp: text.bytes) }
            var pass = SentencePass(rules: rules, doc: doc, text: text, speakers: speakers, captions: photoCaption.paragraphs(doc, text.tokens))
            for si in doc.sentences.indices {
                // Sentences can be long: the clock is read at each (runWithinBudget then refuses).
                if doc.budget?.isOver == true { break }
                pass.read(si)
            }
            return pass.drafts
        }
    }

    /// The events of the drafts that have enough substance and are news, with the years and dates
    /// their own sentences leave out.
    private func events(from drafts: inout [EventDraft], _ doc: Document) -> [MissionEvent] {
        // By index, each draft's arrays moved into its event: a draft holds a dozen arrays, and each
        // copy of one retains them all.
        var events: [MissionEvent] = []
        events.reserveCapacity(drafts.count)
        // Without a publication date, "December 17" takes the year the text named last before it.
        let textYears = doc.published == nil ? TextYear.lastBySentence(doc) : []
        // the story's only date, read at the first undated event
        var storyDateRead = false, storyDate: (String, String)?
        for i in drafts.indices where drafts[i].alive && emit(drafts[i], chinese: doc.isChinese) && !BackgroundDate.isBackground(drafts[i].end ?? drafts[i].start, published: doc.published) {
            // (none named yet: the year the next sentence names, "… held on Sept 24. The 2020 Promotion Conference …")
            let first = drafts[i].sentences[0]
            if !textYears.isEmpty, let y = textYears[first] ?? (first + 1 < textYears.count ? textYears[first + 1] : nil) {
                let start = TextYear.fill(drafts[i].start, year: y)
                var end = TextYear.fill(drafts[i].end, year: y)
                // "December 28 to January 3": the end falls in the next year
                if let s = start, let e = end, drafts[i].end?.hasPrefix("--") == true, e < s, let n = Int(y) { end = TextYear.fill(drafts[i].end, year: String(n + 1)) }
                drafts[i].start = start; drafts[i].end = end
            }
            // An event whose sentences name no date happened on the one day the story names
            // ("The ministry held a press conference on Monday. … the ministry will take measures …")
            if !drafts[i].hasDate {
                if !storyDateRead { storyDate = Self.onlyStoryDate(doc); storyDateRead = true }
                if let (iso, words) = storyDate { drafts[i].setWhen(start: iso, end: nil, text: words, rule: "the story's only date") }
            }
            events.append(finish(&drafts[i], doc))
        }
        return events
    }

    /// "a 4-day visit from January 27": the last day, January 30, when the start is a full day.
    /// Negative `days`: counted back from an end ("closed on Sept 19 after four days": Sept 16).
    static func lastDay(from start: String?, days: Int?) -> String? {
        guard let start, let days, abs(days) > 1, abs(days) <= 60, let p = DateParts(iso: start), let m = p.month, let d = p.day else { return nil }
        let r = CivilDay(year: p.year ?? 2001, month: m, day: d).adding(days > 0 ? days - 1 : days + 1)       // a common year when unknown
        return DateParts(year: p.year.map { _ in r.year }, month: r.month, day: r.day).iso
    }

    /// Date a (at its precision) is over before b begins: "2009-02" before "2009-03-07". Dates with
    /// and without a year are not compared.
    static func endsBefore(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b, a.hasPrefix("--") == b.hasPrefix("--"), !overlaps(a, b) else { return false }
        return a < b
    }

    /// Two mentions of one fair in time: starts that agree at their precision, or one's day inside
    /// the other's run ("Sept 2 to 7" and a photo of Sept 6).
    static func sameTime(_ a: EventDraft, _ b: EventDraft) -> Bool {
        if overlaps(a.start ?? a.end, b.start ?? b.end) { return true }
        func within(_ day: String?, _ r: EventDraft) -> Bool {
            // ("the six-day fair … closes on Tuesday": its first day is counted back from the last)
            let first = r.start ?? lastDay(from: r.end, days: r.duration.map { -$0 })
            guard let day, let s = first, let e = r.end, s.count == day.count, e.count == day.count else { return false }
            return s <= day && day <= e
        }
        return within(b.start, a) || within(a.start, b)
    }

    /// Two dates at known precision can be the same day: "2023-03" and "2023-03-07"; a date
    /// without its year and one with it, "--01-14" and "2023-01-14" or "2023" (a text that names
    /// "1月14日" and "2023年“春风行动”" speaks of one January).
    static func overlaps(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == b }
        if a.hasPrefix("--") != b.hasPrefix("--") {
            let (yearless, dated) = a.hasPrefix("--") ? (a, b) : (b, a)
            guard dated.count > 4 else { return true }
            let monthDay = "--" + dated.dropFirst(5)
            return monthDay.hasPrefix(yearless) || yearless.hasPrefix(monthDay)
        }
        return a.hasPrefix(b) || b.hasPrefix(a)
    }

    /// Two organizer lists share a name (but for letter case).
    static func sameOrganizer(_ a: [Organizer], _ b: [Organizer]) -> Bool {
        a.contains { x in b.contains { $0.hasSameName(as: x) } }
    }

    /// How far apart (in drafts) two mentions of one action may be to be merged: real articles
    /// hold far fewer drafts than this, so it changes nothing there, and it keeps the merges
    /// linear in the drafts of a very long text instead of quadratic.
    static let mergeWindow = 256

    /// Article-wide merges: an event with the same organizer and no conflicting date is the same action;
    /// a bare mention (no date, count or agent) right before an event of its type belongs to it.
    private func merge(_ drafts: inout [EventDraft], _ doc: Document) {
        let window = Self.mergeWindow
        for i in drafts.indices where drafts[i].alive {
            if doc.budget?.isOver == true { return }
            for j in (i + 1)..<min(drafts.count, i + 1 + window) where drafts[j].alive && drafts[j].type == drafts[i].type && !drafts[j].another {
                // two mentions of one named fair ("The 138th Canton Fair wound up …", "the Canton Fair is …"),
                // dated at any precision ("The CIFTIS this year …" is the fair of Sept 2 to 7)
                let sameFair = drafts[i].fairs.contains { drafts[j].fairs.contains($0) }
                let datesAgree = !drafts[i].hasDate || !drafts[j].hasDate || drafts[i].start == drafts[j].start
                    || sameFair && Self.sameTime(drafts[i], drafts[j])
                if datesAgree, sameFair || Self.sameOrganizer(drafts[i].organizer, drafts[j].organizer) {
                    let b = drafts[j]
                    drafts[i].absorb(b); drafts[j].alive = false
                    drafts[i].nameOnly = drafts[i].nameOnly && b.nameOnly
                }
            }
        }
        // A later fair sentence that names no fair of its own (or the same) and no other organizer is about
        // the fair the article reports ("more than 15,000 people are attending the fair", "… also participates in this year's CIFTIS")
        if let i = drafts.indices.first(where: { drafts[$0].alive && drafts[$0].type == .tradeFair }) {
            for j in (i + 1)..<drafts.count where drafts[j].alive && drafts[j].type == .tradeFair && !drafts[j].another {
                let datesAgree = !drafts[i].hasDate || !drafts[j].hasDate || Self.sameTime(drafts[i], drafts[j])
                let fairAgrees = drafts[j].fairs.isEmpty || drafts[i].fairs.contains { drafts[j].fairs.contains($0) }
                let organizerAgrees = drafts[j].organizer.isEmpty || Self.sameOrganizer(drafts[i].organizer, drafts[j].organizer)
                if datesAgree, fairAgrees, organizerAgrees { let b = drafts[j]; drafts[i].absorb(b); drafts[j].alive = false }
            }
        }
        // A later mention whose organizer is of the place an event without organizer starts from, and
        // without a count, destination, outcome or other date of its own, tells who organised it ("54 workers were sent from Jiayu County …
        // The relevant departments of Jiayu county contacted the workers …")
        for j in drafts.indices where drafts[j].alive && !drafts[j].another && !drafts[j].organizerHomes.isEmpty
            && drafts[j].participants.isEmpty && drafts[j].destinations.isEmpty && drafts[j].outcomes.isEmpty {
            guard let i = drafts.indices[max(0, j - window)..<j].last(where: { drafts[$0].alive && drafts[$0].type == drafts[j].type }),
                  drafts[i].organizer.isEmpty, drafts[j].organizerHomes.contains(where: { drafts[i].origin.contains($0) }),
                  !drafts[j].hasDate || !drafts[i].hasDate || Self.overlaps(drafts[j].start, drafts[i].start) else { continue }
            let b = drafts[j]; drafts[i].absorb(b); drafts[j].alive = false
        }
        // A later mention without organizer or date of its own, of people from the same place and
        // going nowhere else: the same action ("The first batch of buses have helped 141 workers from Guangxi …").
        // (a measure's later mention may carry its year: "Shaanxi authorities are offering subsidies … in 2022")
        for j in drafts.indices where drafts[j].alive && !drafts[j].another && !drafts[j].since && drafts[j].organizer.isEmpty && !drafts[j].origin.isEmpty {
            guard let i = drafts.indices[max(0, j - window)..<j].last(where: { drafts[$0].alive && drafts[$0].type == drafts[j].type }) else { continue }
            if drafts[j].hasDate, !(drafts[j].type == .policyMeasure && !drafts[i].hasDate) { continue }
            let sharesOrigin = drafts[j].origin.contains { drafts[i].origin.contains($0) }
            let samePlaces = drafts[j].destinations.allSatisfy { d in drafts[i].destinations.contains { $0.code == d.code && $0.name == d.name } }
            if sharesOrigin, samePlaces { let b = drafts[j]; drafts[i].absorb(b); drafts[j].alive = false }
        }
        for i in drafts.indices where drafts[i].alive && !drafts[i].hasDate && drafts[i].participants.isEmpty {
            guard let last = drafts[i].sentences.last else { continue }
            let near = max(0, i - window)..<min(drafts.count, i + 1 + window)
            if let j = drafts.indices[near].first(where: { $0 != i && drafts[$0].alive && drafts[$0].type == drafts[i].type && drafts[$0].sentences.first == last + 1 }),
               doc.sentences[last].paragraph == doc.sentences[last + 1].paragraph,
               drafts[i].organizer.isEmpty || Self.sameOrganizer(drafts[i].organizer, drafts[j].organizer) {
                drafts[j].absorb(drafts[i]); drafts[i].alive = false
            }
        }
        // A Chinese report tells one trip, fair or drive over many sentences, each with trigger words of
        // its own ("开行农民工返岗专车", "搭乘专车", "专车从宣汉到广东"): a later mention of the same type
        // whose dates, organizer and origin agree with the first is that action.
        if doc.isChinese {
            for i in drafts.indices where drafts[i].alive && drafts[i].type != .deal && drafts[i].type != .policyMeasure {
                for j in (i + 1)..<min(drafts.count, i + 1 + window) where drafts[j].alive && drafts[j].type == drafts[i].type && !drafts[j].another {
                    let datesAgree = !drafts[i].hasDate || !drafts[j].hasDate || Self.overlaps(drafts[i].start, drafts[j].start) || Self.sameTime(drafts[i], drafts[j])
                    let organizerAgrees = drafts[i].organizer.isEmpty || drafts[j].organizer.isEmpty || Self.sameOrganizer(drafts[i].organizer, drafts[j].organizer)
                    let originAgrees = drafts[i].origin.isEmpty || drafts[j].origin.isEmpty || drafts[j].origin.contains { drafts[i].origin.contains($0) }
                    if datesAgree, organizerAgrees, originAgrees { let b = drafts[j]; drafts[i].absorb(b); drafts[j].alive = false }
                }
            }
        }
        // Without any agent, an event is about the place the text is discussing.
        for i in drafts.indices where drafts[i].alive && drafts[i].organizer.isEmpty && drafts[i].origin.isEmpty {
            let s = doc.sentences[drafts[i].sentences[0]]
            if let p = s.city ?? s.province {
                drafts[i].addOrigin(p, name: rules.places[p].name, rule: "place under discussion", words: .text(""))
            }
        }
    }

    /// An event read only from a photo caption is the nearest event of its type the story reports
    /// (the caption shows it); alone, it stands.
    private func joinCaptions(_ drafts: inout [EventDraft]) {
        for i in drafts.indices where drafts[i].alive && drafts[i].caption {
            let at = drafts[i].sentences[0]
            let near = max(0, i - Self.mergeWindow)..<min(drafts.count, i + 1 + Self.mergeWindow)
            let j = drafts.indices[near].filter { $0 != i && drafts[$0].alive && !drafts[$0].caption && drafts[$0].type == drafts[i].type }
                .min { abs(drafts[$0].sentences[0] - at) < abs(drafts[$1].sentences[0] - at) }
            guard let j else { continue }
            let c = drafts[i]
            drafts[j].absorb(c); drafts[i].alive = false
        }
    }

    /// For each token: the end token of a place starting there, negated for places abroad; 0 when
    /// none (MatchContext.places).
    static func placeStarts(_ doc: Document, _ rules: RuleStore) -> [Int32] {
        var places = [Int32](repeating: 0, count: doc.tokens.count)
        for e in doc.entities {
            if case .place(let p, _) = e.value {
                places[e.tokens.lowerBound] = Int32(e.tokens.upperBound) * (rules.places[Int(p)].isChinese ? 1 : -1)
            }
        }
        return places
    }

    /// The one full date (year, month and day) the article's text names besides its publication
    /// date, with its words; nil when it names none or several.
    static func onlyStoryDate(_ doc: Document) -> (String, String)? {
        var found: (String, String)?
        for e in doc.entities {
            guard case .date(let start?, nil) = e.value, !start.hasPrefix("--"), start.utf8.count == 10, start != doc.published else { continue }
            if let f = found, f.0 != start { return nil }
            if found == nil {
                found = (start, doc.slice(Int(doc.tokens[e.tokens.lowerBound].start)..<Int(doc.tokens[e.tokens.upperBound - 1].end)))
            }
        }
        return found
    }

    /// Enough substance to publish: something concrete (date, count, destination, outcome) and
    /// someone (organizer, origin or destination); a policy needs its author. A trip is a trade
    /// mission only when its sentences name business (a minister's visit or a worker's trip home is
    /// not) and someone goes out (buyers from abroad at a fair in China are the fair's).
    private func emit(_ d: EventDraft, chinese: Bool) -> Bool {
        switch d.type {
        // Visitors from abroad who go nowhere abroad came to China (buyers at a fair): no mission of theirs is reported.
        case .tradeMission:
            let inbound = d.foreignOrigin && !d.destinations.contains { $0.code != "CN" }
            // A state visit or ministers' talks without companies, people or groups counted is diplomacy
            // ("the two countries" are its parties).
            let stateVisit = d.diplomatic && !d.businessGroup && !d.participants.contains { $0.unit == "enterprises" || $0.unit == "people" || $0.unit == "groups" }
            // (a Chinese report of a body sending firms "赴境外参展" often names no country, date or count)
            return d.business && !inbound && !stateVisit && (d.isConcrete || chinese && !d.organizer.isEmpty && d.weight >= 3) && d.hasAgent
        // (a measure of this news is for trade, business or jobs: "plans to curb sintering at mills" is none)
        case .policyMeasure: return d.business && (!d.organizer.isEmpty || (!d.origin.isEmpty && d.hasDate))
        // (a Chinese report names the two parties that signed and the agreement, often with no date:
        // "A公司与B集团签订…框架协议")
        case .deal: return !d.outcomes.isEmpty || (d.hasAgent && (d.hasDate || !d.participants.isEmpty)) || chinese && d.organizer.count >= 2
        // a named fair is known by its name ("The CIIE ended on Sunday with $60 billion in deals")
        case .tradeFair:
            // (its tallies "since 2013" are its history)
            let news = !d.isDescription
            return d.isConcrete && news && (d.hasAgent || !d.fairs.isEmpty)
        // (a county portal's own job fair, "1月31日,…专场招聘会在县人力资源市场举行。本次招聘会共有56家企业参会",
        // names no place: its date, its strong name and its counts make it news)
        case .recruitmentDrive where chinese && !d.hasAgent: return d.hasDate && !d.participants.isEmpty && d.weight >= 3
        default: return d.isConcrete && d.hasAgent
        }
    }

    /// The event of a draft; the draft's slot arrays are moved into it (the draft is spent).
    private func finish(_ d: inout EventDraft, _ doc: Document) -> MissionEvent {
        let first = doc.sentences[d.sentences[0]]
        // id: the first 16 hex digits of SHA-256("<article id>|<type>|<first scalar>|<anchor>"),
        // the source assembled on the stack and the id written as one string.
        let capacity = doc.articleID.utf8.count + d.anchor.utf8.count + 64
        let id = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var n = 0
            func put(_ text: String, then separator: Bool) {
                var text = text
                text.withUTF8 { u in for k in 0..<u.count { buffer[n + k] = u[k] } }   // not byte by byte through the UTF8View
                n += text.utf8.count
                if separator { buffer[n] = UInt8(ascii: "|"); n += 1 }
            }
            put(doc.articleID, then: true)
            put(d.type.rawValue, then: true)
            put(String(first.scalarStart), then: true)
            put(d.anchor, then: false)
            return SHA256.hex(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: buffer[0..<n])), prefix: "evt_", bytes: 8)
        }
        // The slots filled, counted before the arrays move (and without an array of flags).
        func one(_ filled: Bool) -> Int { filled ? 1 : 0 }
        let filled = one(!d.organizer.isEmpty) + one(!d.origin.isEmpty) + one(!d.destinations.isEmpty)
            + one(d.hasDate) + one(!d.participants.isEmpty) + one(!d.outcomes.isEmpty)
        // Workers brought "from Guangxi" by a city's bureau come from there, not from the bureau's city
        // (named as the organizer's home in another sentence): that is where they go.
        if d.type == .recruitmentDrive, d.workersFrom, d.origin.contains(where: { !d.organizerHomes.contains($0) }) {
            let homes = d.origin.filter { d.organizerHomes.contains($0) }
            d.origin.removeAll { homes.contains($0) }
            if d.destinations.isEmpty { d.destinations = homes.map { Destination(name: rules.places[$0].name, code: rules.places[$0].code) } }
        }
        // A job fair without a venue named is held where it is held for ("六安市…专场招聘会在城区万达广场举行"):
        // its own city (workers carried away by bus or train go elsewhere).
        if d.type == .recruitmentDrive, d.destinations.isEmpty, d.transport.isEmpty, !d.vehicles, !d.workersFrom, d.activities.contains("recruitment"),
           let p = d.origin.first(where: { rules.places[$0].kind == .city || rules.places[$0].kind == .district }) ?? d.origin.first {
            d.destinations = [Destination(name: rules.places[p].name, code: rules.places[p].code)]
        }
        var e = MissionEvent(id: id, type: d.type)
        swap(&e.organizer, &d.organizer)
        e.origin = d.origin.map { p in Origin(name: rules.places[p].name, level: rules.places[p].level, country: "CN") }
        // A recruitment drive's fair is a job fair, not an exhibition of goods.
        if d.type == .recruitmentDrive { d.activities.removeAll { $0 == "exhibition" || $0 == "online_exhibition" } }
        // A mission abroad goes abroad: a Chinese place beside foreign ones is where it set off or
        // what it serves ("an important mechanism for Zhejiang"), not where it went.
        if d.type == .tradeMission, d.destinations.contains(where: { $0.code != "CN" }) { d.destinations.removeAll { $0.code == "CN" } }
        swap(&e.destinations, &d.destinations)
        e.when = When(start: d.start ?? Self.lastDay(from: d.end, days: d.duration.map { -$0 }), end: d.end ?? Self.lastDay(from: d.start, days: d.duration),
                      durationDays: d.duration, text: d.whenText)
        swap(&e.participants, &d.participants)
        swap(&e.activities, &d.activities)
        swap(&e.transport, &d.transport)
        swap(&e.outcomes, &d.outcomes)
        e.evidence = d.sentences.map { si in
            let s = doc.sentences[si]
            return Evidence(start: s.scalarStart, end: s.scalarEnd, text: doc.slice(s.start..<s.end))
        }
        e.confidence = min(0.95, 0.35 + 0.1 * Double(d.weight) + 0.05 * Double(filled))
        e.pendingTrace = PendingTrace(records: d.trace, bytes: doc.bytes)
        d.trace = []
        return e
    }
}
