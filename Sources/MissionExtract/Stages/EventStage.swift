/// Reads mission events from the sentences: triggers choose the type, FrameReader fills the slots,
/// then mentions of one action are merged (anaphora "this trip", continuations, the same organizer)
/// and events without enough substance are dropped.
struct EventStage: ExtractionStage {
    let name = "events"
    let rules: RuleStore

    let photoCaption: PhotoCaption

    init(rules: RuleSet) { self.rules = rules.store; photoCaption = PhotoCaption(rules: rules.store) }

    /// How many sentences back "the delegation" may point at the latest delegation when no event is
    /// nearer (headings, captions and another event's sentences in between).
    static let typedAnaphorReach = 6
    static let question = TokenKey.of("?"), openBracket = TokenKey.of("("), comma = TokenKey.of(",")
    /// Ties between types go to the first in this order.
    static let precedence: [EventType] = [.deal, .recruitmentDrive, .policyMeasure, .tradeFair, .tradeMission]

    func run(_ doc: inout Document) throws(ArticleRejection) {
        var drafts: [EventDraft] = []
        var captions: [Bool] = []
        let document = doc
        doc.tokens.withUnsafeBufferPointer { tp in
            doc.bytes.withUnsafeBufferPointer { bp in
                let places = Self.placeStarts(document, rules)
                let speakers = document.quotes.map { QuoteSpeaker.find(quote: $0, doc: document, rules: rules, tp: tp, bp: bp) }
                captions = photoCaption.paragraphs(document, tp)
                places.withUnsafeBufferPointer { pp in
                    document.entities.withUnsafeBufferPointer { entities in
                        drafts = read(document, tp, bp, pp, entities, speakers, captions)
                    }
                }
            }
        }
        merge(&drafts, document)
        joinCaptions(&drafts)
        // By index, each draft's arrays moved into its event: a draft holds a dozen arrays, and each
        // copy of one retains them all.
        var events: [MissionEvent] = []
        events.reserveCapacity(drafts.count)
        // Without a publication date, "December 17" takes the year the text named last before it.
        let textYears = doc.published == nil ? TextYear.lastBySentence(document) : []
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
                if !storyDateRead { storyDate = Self.onlyStoryDate(document); storyDateRead = true }
                if let (iso, words) = storyDate { drafts[i].setWhen(start: iso, end: nil, text: words, rule: "the story's only date") }
            }
            events.append(finish(&drafts[i], document))
        }
        doc.events = events
    }

    /// One pass over the sentences.
    private func read(_ doc: Document, _ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>,
                      _ places: UnsafeBufferPointer<Int32>, _ entities: UnsafeBufferPointer<Entity>, _ speakers: [QuoteSpeaker],
                      _ captions: [Bool]) -> [EventDraft] {
        var drafts: [EventDraft] = []
        var draftOf = [Int?](repeating: nil, count: doc.sentences.count)     // sentence → draft
        // Match buffers shared by all sentences: a sentence's arrays are gone by the next one, so
        // emptying keeps the storage and the scans allocate only when a sentence has more matches.
        var triggerBuffer: [RuleTable<RuleSet.Trigger>.Match] = [], cueBuffer: [RuleTable<RuleSet.Cue>.Match] = []
        var anaphors: [EventType?] = []
        var lastOfType: [EventType: (draft: Int, sentence: Int)] = [:]
        // The frame each sentence is read into, reset (its arrays' storage kept) for the next one;
        // a frame that becomes a new draft is swapped out for an empty one.
        var frame = EventDraft(type: .tradeMission, sentences: [], weight: 0, anchor: "")
        let chinese = doc.isChinese
        for (si, s) in doc.sentences.enumerated() {
            // Sentences can be long: the clock is read at each (runWithinBudget then refuses).
            if doc.budget?.isOver == true { break }
            let ctx = MatchContext(tokens: tp, bytes: bp, places: places, limit: s.tokens.upperBound)
            // (a Chinese notice's title names the measure: "关于做好…组展工作的通知", "…年度资金申报指南")
            guard !s.isHeading || chinese && namesMeasure(s, ctx), tp[s.tokens.upperBound - 1].key != Self.question else { continue }
            if let d = doc.dateline, d.contains(s.start), d.contains(s.end - 1) { continue }
            triggerBuffer.removeAll(keepingCapacity: true)
            rules.triggers.scan(from: s.tokens.lowerBound, ctx, into: &triggerBuffer)
            // named fairs, kept in start order among the triggers; the bare capitalised "Fair" of the
            // name is not counted again
            rules.fairNames.forEachMatch(from: s.tokens.lowerBound, ctx) { m in
                triggerBuffer.removeAll { $0.label.type == .tradeFair && $0.label.weight == 1 && $0.start >= m.start && $0.end <= m.end }
                let at = triggerBuffer.firstIndex { $0.start > m.start } ?? triggerBuffer.count
                triggerBuffer.insert(m, at: at)
            }
            // "signed during the first days of the 6th CIIE": a named fair as the setting of another action is a hint
            // (an abbreviation in brackets after the name, "the 6th China International Import Expo (CIIE)", is that name again)
            var lastName: (end: Int, weight: Int)?
            for t in triggerBuffer.indices where triggerBuffer[t].label.fair >= 0 {
                let start = triggerBuffer[t].start
                if let n = lastName, n.end == start - 1, tp[n.end].key == Self.openBracket {
                    triggerBuffer[t].label.weight = n.weight
                } else if isSetting(start, ctx, s.tokens.lowerBound) {
                    triggerBuffer[t].label.weight = 1
                }
                lastName = (triggerBuffer[t].end, triggerBuffer[t].label.weight)
            }
            // "aiming to sign contracts with a total investment of 80 billion yuan": a target
            for t in triggerBuffer.indices where triggerBuffer[t].label.type == .deal {
                let start = triggerBuffer[t].start
                if (max(s.tokens.lowerBound, start - 4)..<start).contains(where: { rules.cue(.goal, at: $0, ctx).map { $0 >= start - 1 && $0 <= start } ?? false }) {
                    triggerBuffer[t].label.weight = 1
                }
            }
            // "Since China announced a new set of measures …, the department has sent 58 people …": an
            // opening time clause is background; the action is the main clause's
            if rules.lexicon.timeBeforeAnaphor.contains(tp[s.tokens.lowerBound].key),
               let comma = s.tokens.first(where: { tp[$0].key == Self.comma }),
               triggerBuffer.contains(where: { $0.start > comma && $0.label.weight >= 2 }) {
                for t in triggerBuffer.indices where triggerBuffer[t].start < comma { triggerBuffer[t].label.weight = min(triggerBuffer[t].label.weight, 1) }
            }
            let triggers = triggerBuffer
            var (best, strongest) = Self.strongestType(triggers)
            // A policy announced first governs what follows it ("will step up support for local
            // governments holding exhibitions"); a trip abroad before the deals signed on it keeps
            // them as its outcome ("led 35 enterprises to Japan, where they … signed deals": decided
            // once the frame reader is there, for the places).
            let first = triggers.first { $0.label.weight >= 3 }        // scan order: by start
            if let first, first.label.type == .policyMeasure, best != .policyMeasure {
                best = .policyMeasure
                strongest = Self.strongest(of: best, triggers)
            }
            // A named fair attended before the deals ("attended the 20th China-ASEAN Expo … and signed
            // deals worth …") keeps them as its outcome, wherever it is held.
            let dealStart = triggers.first { $0.label.type == .deal }?.start ?? Int.max
            let fairFirst = best == .deal && triggers.contains { $0.label.fair >= 0 && $0.label.weight >= 3 && $0.start < dealStart }
            // (also a trip as strong as the deals that comes before them: "a trade delegation of 59
            // enterprises … attended the ISPO Munich … and made $300 million of intended deals")
            let isTrip: (RuleTable<RuleSet.Trigger>.Match) -> Bool = { $0.label.type == .tradeMission || $0.label.type == .tradeFair }
            let trip = best == .deal ? (first.flatMap { isTrip($0) ? $0 : nil }
                ?? triggers.first { isTrip($0) && $0.label.weight >= strongest && $0.start < dealStart }) : nil
            let tripFirst = trip != nil
            let previous = si > 0 ? draftOf[si - 1] : nil

            // "this trip", "the scheme", "these events": another mention of a recent event
            // A capitalised noun is a name ("The online Canton Fair"), not a pointer back.
            // Without a recent event there is nothing to point back to: no need to look.
            // (the last sentence of each type's latest event, kept as the sentences go: "The business delegation
            // arrived …" after a fair's sentences and two headings is the delegation of a few paragraphs before)
            if si > 0, let d = draftOf[si - 1] { lastOfType[drafts[d].type] = (d, si - 1) }
            let recent = (1...4).contains { si - $0 >= 0 && draftOf[si - $0] != nil }
                || lastOfType.values.contains { si - $0.sentence <= Self.typedAnaphorReach }
            anaphors.removeAll(keepingCapacity: true)
            if recent {
                // Nor is "after the fair" (a point in time) or "…, the group said" (a source).
                rules.anaphors.forEachMatch(from: s.tokens.lowerBound, ctx) { a in
                    guard !tp[a.end - 1].capitalized || a.end - 1 == s.tokens.lowerBound else { return }
                    if a.start > s.tokens.lowerBound && rules.lexicon.timeBeforeAnaphor.contains(tp[a.start - 1].key) { return }
                    if rules.cue(.speech, at: a.end, ctx) != nil { return }
                    // A sentence with its own action of another type mentions the event as its setting
                    // ("on the sidelines of the fair", "at the event"; "this train", "during the campaign" still point back).
                    if strongest >= 2, let t = a.label, t != best, a.start > s.tokens.lowerBound,
                       rules.lexicon.settingBeforeAnaphor.contains(tp[a.start - 1].key),
                       tp[a.start].key == rules.lexicon.the || tp[a.start].isIdeograph { return }       // (参加此次博览会: attending it)
                    anaphors.append(a.label)
                }
            }
            var target = anaphorTarget(anaphors, si, drafts, draftOf)
            // (farther back only for a sentence without a strong action of its own)
            if target == nil, strongest < 3 {
                for case let t? in anaphors {
                    if let last = lastOfType[t], si - last.sentence <= Self.typedAnaphorReach { target = last.draft; break }
                }
            }
            // "The trips are part of a campaign initiated by …": a strong action of another type is
            // a new event; the mention only places it (the trips are the campaign's)
            var partOf: Int?
            if let t = target, strongest >= 3, best != drafts[t].type, best == .policyMeasure { target = nil; partOf = t }
            // A sentence that neither points back, nor has a trigger, nor continues an event is
            // skipped before its frame is read (most sentences of an article).
            guard target != nil || strongest >= 2 || tripFirst || previous != nil && continues(s, doc.sentences[si - 1], doc) else { continue }

            cueBuffer.removeAll(keepingCapacity: true)
            // A frame's sentence is handed to absorb(_:sentence:), and its sentence array and anchor
            // words are made only for a new draft: most frames are absorbed, and those cost allocations.
            let reader = FrameReader(rules: rules, entities: entities, sentence: s, tp: tp, bp: bp, places: places, cueBuffer: &cueBuffer)
            if fairFirst {
                best = .tradeFair
                strongest = Self.strongest(of: best, triggers)
            } else if let trip, reader.hasForeignPlace(after: trip.end) {
                best = trip.label.type
                strongest = Self.strongest(of: best, triggers)
            }
            // Forecasts, commentary, share prices and company results, one person's own story, what
            // did not happen: no action
            // (but what a fair "is expected to attract" is its own preview: its figures are the fair's)
            let aboutFair = target.map { drafts[$0].type == .tradeFair } ?? (best == .tradeFair && triggers.contains { $0.label.fair >= 0 && $0.label.weight >= 2 })
            if reader.has(.speculation) && !aboutFair || reader.has(.expert) || reader.has(.market) || reader.has(.personal) || reader.has(.negated) { continue }
            var speaker: QuoteSpeaker?
            if s.quote >= 0 {
                guard speakers[s.quote].isOfficial else { continue }
                speaker = speakers[s.quote]
            }
            if let target {
                frame.reset(type: drafts[target].type, weight: 0)
                frame.caption = captions[s.paragraph]
                reader.read(type: frame.type, triggers: triggers, of: frame.type, into: &frame)
                // "the charter flight organized by Suzhou … from December 9th": a new action, not the last one
                let otherAgent = !frame.organizer.isEmpty && !drafts[target].organizer.isEmpty
                    && !sameOrganizer(frame.organizer, drafts[target].organizer)
                    && !frame.organizerHomes.contains { drafts[target].organizerHomes.contains($0) }
                let otherDate = frame.hasDate && drafts[target].hasDate && !frame.relativeDate && !Self.overlaps(frame.start, drafts[target].start)
                // "following purchases by another delegation in late February": a date before the event began is another action
                // (a year alone is background: "the first since the outbreak in 2020")
                let before = frame.hasDate && !frame.relativeDate && frame.start.flatMap { DateParts(iso: $0) }?.month != nil
                    && Self.endsBefore(frame.end ?? frame.start, drafts[target].start)
                if !(otherAgent && otherDate) && !before {
                    drafts[target].absorb(frame, sentence: si)
                    draftOf[si] = target
                    continue
                }
            }
            guard strongest >= 2 else {
                // A sentence without its own trigger continues the event of the sentence before
                // (not a fair's mere description: "Held in Guangzhou, the Canton Fair is …" has no action to go on).
                if let p = previous, !drafts[p].isDescription, continues(s, doc.sentences[si - 1], doc) {
                    frame.reset(type: drafts[p].type, weight: 0)
                    frame.caption = captions[s.paragraph]
                    reader.read(type: frame.type, triggers: triggers, of: nil, into: &frame)
                    // (an agent named again, "the Department sent officials …", goes on with it too)
                    let namedAgain = entities[s.entities].allSatisfy { !$0.isOrganization || $0.rule == EntityStage.bodyMentionRule }
                    guard frame.organizer.isEmpty || namedAgain, !frame.since else { continue }
                    // "… have been used to pick up workers from Guangxi, Guizhou and Yunnan": where the
                    // workers came from; in other events a continuation's places are background
                    if !(frame.type == .recruitmentDrive && frame.workersFrom) { frame.origin.removeAll(keepingCapacity: true) }
                    drafts[p].absorb(frame, sentence: si)
                    draftOf[si] = p
                }
                continue
            }
            frame.reset(type: best, weight: strongest)
            frame.caption = captions[s.paragraph]
            reader.read(type: best, triggers: triggers, of: best, into: &frame)
            // "40 enterprises from Guangdong are heading for the 7th China-Russia Expo in Yekaterinburg":
            // companies of a Chinese place travelling to a fair abroad are a mission to it
            if best == .tradeFair, triggers.contains(where: { $0.label.type == .tradeMission }),
               frame.destinations.contains(where: { $0.code != "CN" }), !frame.origin.isEmpty,
               frame.participants.contains(where: { $0.unit == "enterprises" }) {
                best = .tradeMission
                strongest = max(2, Self.strongest(of: best, triggers))
                frame.reset(type: best, weight: strongest)
                frame.caption = captions[s.paragraph]
                reader.read(type: best, triggers: triggers, of: best, into: &frame)
            }
            // "Foreign Minister Wang Yi visited Brazil and held talks with his counterpart": a
            // diplomatic visit, unless companies travel or a body organises it
            if best == .tradeMission, reader.has(.diplomacy), frame.participants.isEmpty, frame.organizer.isEmpty { continue }
            if frame.organizer.isEmpty, let sp = speaker, let o = sp.organization {
                frame.addOrganizer(o, home: sp.home, rule: "quote speaker", words: .text(o.name))
                if let h = sp.home { frame.addOrigin(h, name: rules.places[h].name, rule: "speaker's home", words: .text(o.name)) }
            }
            if let p = previous {
                let prevType = drafts[p].type
                let sameParagraph = doc.sentences[si - 1].paragraph == s.paragraph
                // Orders signed on a trip are the trip's outcome ("… were contracted for export from
                // Liaoning": the trip's own home is no other agent).
                if best == .deal, prevType == .tradeMission || prevType == .tradeFair, frame.organizer.isEmpty,
                   frame.origin.allSatisfy({ drafts[p].origin.contains($0) }) {
                    drafts[p].absorb(frame, sentence: si); draftOf[si] = p; continue
                }
                // "On the 21st, …": the same action, a day later (by the same people)
                if prevType == best, frame.relativeDate, !frame.another, compatibleAgent(frame, drafts, p) {
                    drafts[p].absorb(frame, sentence: si); draftOf[si] = p; continue
                }
                // The next sentence of the same paragraph about the same action, without its own agent or date
                // (People from other places are another group: "Companies in Jiaxing and Ningbo have traveled to Japan")
                let otherOrigin = !frame.origin.isEmpty && !drafts[p].origin.isEmpty && !frame.origin.contains { drafts[p].origin.contains($0) }
                if prevType == best, sameParagraph, !frame.another, !frame.since, !frame.ownDate, !otherOrigin,
                   frame.organizer.isEmpty || sameOrganizer(frame.organizer, drafts[p].organizer) || namesOrganizerOf(frame, drafts, p) {
                    drafts[p].absorb(frame, sentence: si); draftOf[si] = p; continue
                }
            }
            // …and the campaign's author organises the trips that are part of it
            if let t = partOf, drafts[t].organizer.isEmpty, drafts[t].type == .tradeMission || drafts[t].type == .recruitmentDrive {
                for o in frame.organizer {
                    drafts[t].addOrganizer(o, home: nil, rule: "author of the campaign it is part of", words: .text(o.name))
                }
                for h in frame.organizerHomes where !drafts[t].organizerHomes.contains(h) { drafts[t].organizerHomes.append(h) }
            }
            frame.sentences.append(si)
            frame.nameOnly = best == .tradeFair && !triggers.contains { $0.label.type == .tradeFair && $0.label.fair < 0 && $0.label.weight >= 2 }
            // a caption inside its paragraph (PhotoCaption) or one with its credit as the next sentence
            frame.caption = frame.caption || isCaption(si, doc, tp, bp, places)
            frame.anchor = triggers.first { $0.label.type == best }.map { reader.words($0.start..<$0.end) } ?? ""
            // Moved in by a swap with an empty draft (no allocation): appending the frame copied it.
            drafts.append(EventDraft(type: best, sentences: [], weight: 0, anchor: ""))
            swap(&drafts[drafts.count - 1], &frame)
            draftOf[si] = drafts.count - 1
        }
        return drafts
    }

    /// A heading with a strong policy trigger.
    private func namesMeasure(_ s: Sentence, _ ctx: MatchContext) -> Bool {
        var found = false
        rules.triggers.forEachMatch(from: s.tokens.lowerBound, ctx) { m in
            if m.label.type == .policyMeasure && m.label.weight >= 3 { found = true }
        }
        return found
    }

    /// Sentence si is a photo caption: the next sentence is a credit ("[Photo by …]", "(Photo/…)").
    private func isCaption(_ si: Int, _ doc: Document, _ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>,
                           _ places: UnsafeBufferPointer<Int32>) -> Bool {
        guard si + 1 < doc.sentences.count else { return false }
        let next = doc.sentences[si + 1].tokens
        let ctx = MatchContext(tokens: tp, bytes: bp, places: places, limit: next.upperBound)
        return rules.cue(.caption, at: next.lowerBound, ctx) != nil
    }

    /// The type the triggers weigh most for (ties: the first in `precedence`), and its strongest trigger.
    static func strongestType(_ triggers: [(label: RuleSet.Trigger, start: Int, end: Int, pattern: Int)]) -> (EventType, Int) {
        var best = (type: precedence[0], score: 0, strongest: 0)
        for type in precedence {
            var score = 0, strongest = 0
            for t in triggers where t.label.type == type {
                score += t.label.weight
                strongest = max(strongest, t.label.weight)
            }
            if score > best.score { best = (type, score, strongest) }
        }
        return (best.type, best.strongest)
    }

    /// A name after a setting cue ("at", "during", "for", past "the", an ordinal or a year: "at the
    /// 2024 Canton Fair"), or a few words after one ("before the official opening of the CIIE"), is
    /// the setting of the sentence, not its subject.
    func isSetting(_ start: Int, _ ctx: MatchContext, _ lower: Int) -> Bool {
        let tp = ctx.tokens
        var k = start
        // "the", "6", and the "th" glued to a number
        while k > lower, start - k < 4 {
            let t = tp[k - 1]
            guard t.key == rules.lexicon.the || t.kind == .number || (!t.spaceBefore && k - 1 > lower && tp[k - 2].kind == .number) else { break }
            k -= 1
        }
        var j = k
        while j > lower, k - j <= 5 {
            if let end = rules.cue(.setting, at: j - 1, ctx), end <= k { return true }
            guard tp[j - 1].kind == .word, !rules.lexicon.fairOccasions.contains(tp[j - 1].key) else { return false }
            j -= 1
        }
        return false
    }

    /// The weight of the strongest trigger of a type.
    static func strongest(of type: EventType, _ triggers: [(label: RuleSet.Trigger, start: Int, end: Int, pattern: Int)]) -> Int {
        var strongest = 0
        for t in triggers where t.label.type == type { strongest = max(strongest, t.label.weight) }
        return strongest
    }

    /// The recent event an anaphor points at: the nearest one of its type within four sentences.
    private func anaphorTarget(_ types: [EventType?], _ si: Int, _ drafts: [EventDraft], _ draftOf: [Int?]) -> Int? {
        guard !types.isEmpty else { return nil }
        for back in 1...4 where si - back >= 0 {
            guard let d = draftOf[si - back] else { continue }
            // "the fair" after a job fair is that job fair; "the campaign" after a hiring drive is that drive
            if types.contains(where: { $0 == nil || $0 == drafts[d].type || ($0 == .tradeFair || $0 == .policyMeasure) && drafts[d].type == .recruitmentDrive }) { return d }
        }
        return nil
    }

    /// A trigger-less sentence continues the one before: same paragraph, or the first sentence of
    /// the next paragraph when it names no place or organisation of its own.
    private func continues(_ s: Sentence, _ prev: Sentence, _ doc: Document) -> Bool {
        if s.paragraph == prev.paragraph { return true }
        guard s.paragraph == prev.paragraph + 1, s.quote < 0 else { return false }
        return !doc.entities[s.entities].contains { e in
            switch e.value { case .place, .organization: return true; default: return false }
        }
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

    /// Two dates at known precision can be the same day: "2023-03" and "2023-03-07".
    static func overlaps(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == b }
        return a.hasPrefix(b) || b.hasPrefix(a)
    }

    /// The agents of `frame` do not contradict drafts[prev]: no organizer or origin of its own, or shared ones.
    /// (drafts[prev] is read slot by slot: copied out of the array whole, a draft retains its dozen arrays.)
    private func compatibleAgent(_ frame: EventDraft, _ drafts: [EventDraft], _ prev: Int) -> Bool {
        let prevOrganizer = drafts[prev].organizer, prevOrigin = drafts[prev].origin
        if !frame.organizer.isEmpty, !prevOrganizer.isEmpty { return sameOrganizer(frame.organizer, prevOrganizer) }
        if !frame.origin.isEmpty, !prevOrigin.isEmpty { return frame.origin.contains { prevOrigin.contains($0) } }
        return true
    }

    /// `frame` names who organised drafts[prev] (read slot by slot, as above): "a delegation from
    /// Dongguan arrived … Organized by the Dongguan bureau, 46 enterprises …", or the same place's
    /// government ("the province plans …").
    private func namesOrganizerOf(_ frame: EventDraft, _ drafts: [EventDraft], _ prev: Int) -> Bool {
        guard !frame.organizerHomes.isEmpty else { return false }
        if drafts[prev].organizer.isEmpty {
            let prevOrigin = drafts[prev].origin
            return frame.organizerHomes.contains { prevOrigin.contains($0) }
        }
        let prevHomes = drafts[prev].organizerHomes
        return frame.organizerHomes.contains { prevHomes.contains($0) }
    }

    private func sameOrganizer(_ a: [Organizer], _ b: [Organizer]) -> Bool {
        a.contains { x in b.contains { $0.hasSameName(as: x) } }
    }

    /// Article-wide merges: an event with the same organizer and no conflicting date is the same action;
    /// a bare mention (no date, count or agent) right before an event of its type belongs to it.
    private func merge(_ drafts: inout [EventDraft], _ doc: Document) {
        for i in drafts.indices where drafts[i].alive {
            // Quadratic in the drafts of one article: bounded by the budget (runWithinBudget refuses).
            if doc.budget?.isOver == true { return }
            for j in (i + 1)..<drafts.count where drafts[j].alive && drafts[j].type == drafts[i].type && !drafts[j].another {
                // two mentions of one named fair ("The 138th Canton Fair wound up …", "the Canton Fair is …"),
                // dated at any precision ("The CIFTIS this year …" is the fair of Sept 2 to 7)
                let sameFair = drafts[i].fairs.contains { drafts[j].fairs.contains($0) }
                let datesAgree = !drafts[i].hasDate || !drafts[j].hasDate || drafts[i].start == drafts[j].start
                    || sameFair && Self.sameTime(drafts[i], drafts[j])
                if datesAgree, sameFair || sameOrganizer(drafts[i].organizer, drafts[j].organizer) {
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
                let organizerAgrees = drafts[j].organizer.isEmpty || sameOrganizer(drafts[i].organizer, drafts[j].organizer)
                if datesAgree, fairAgrees, organizerAgrees { let b = drafts[j]; drafts[i].absorb(b); drafts[j].alive = false }
            }
        }
        // A later mention whose organizer is of the place an event without organizer starts from, and
        // without a count, destination, outcome or other date of its own, tells who organised it ("54 workers were sent from Jiayu County …
        // The relevant departments of Jiayu county contacted the workers …")
        for j in drafts.indices where drafts[j].alive && !drafts[j].another && !drafts[j].organizerHomes.isEmpty
            && drafts[j].participants.isEmpty && drafts[j].destinations.isEmpty && drafts[j].outcomes.isEmpty {
            guard let i = drafts.indices.last(where: { $0 < j && drafts[$0].alive && drafts[$0].type == drafts[j].type }),
                  drafts[i].organizer.isEmpty, drafts[j].organizerHomes.contains(where: { drafts[i].origin.contains($0) }),
                  !drafts[j].hasDate || !drafts[i].hasDate || Self.overlaps(drafts[j].start, drafts[i].start) else { continue }
            let b = drafts[j]; drafts[i].absorb(b); drafts[j].alive = false
        }
        // A later mention without organizer or date of its own, of people from the same place and
        // going nowhere else: the same action ("The first batch of buses have helped 141 workers from Guangxi …").
        // (a measure's later mention may carry its year: "Shaanxi authorities are offering subsidies … in 2022")
        for j in drafts.indices where drafts[j].alive && !drafts[j].another && !drafts[j].since && drafts[j].organizer.isEmpty && !drafts[j].origin.isEmpty {
            guard let i = drafts.indices.last(where: { $0 < j && drafts[$0].alive && drafts[$0].type == drafts[j].type }) else { continue }
            if drafts[j].hasDate, !(drafts[j].type == .policyMeasure && !drafts[i].hasDate) { continue }
            let sharesOrigin = drafts[j].origin.contains { drafts[i].origin.contains($0) }
            let samePlaces = drafts[j].destinations.allSatisfy { d in drafts[i].destinations.contains { $0.code == d.code && $0.name == d.name } }
            if sharesOrigin, samePlaces { let b = drafts[j]; drafts[i].absorb(b); drafts[j].alive = false }
        }
        for i in drafts.indices where drafts[i].alive && !drafts[i].hasDate && drafts[i].participants.isEmpty {
            guard let last = drafts[i].sentences.last else { continue }
            if let j = drafts.indices.first(where: { $0 != i && drafts[$0].alive && drafts[$0].type == drafts[i].type && drafts[$0].sentences.first == last + 1 }),
               doc.sentences[last].paragraph == doc.sentences[last + 1].paragraph,
               drafts[i].organizer.isEmpty || sameOrganizer(drafts[i].organizer, drafts[j].organizer) {
                drafts[j].absorb(drafts[i]); drafts[i].alive = false
            }
        }
        // A Chinese report tells one trip, fair or drive over many sentences, each with trigger words of
        // its own ("开行农民工返岗专车", "搭乘专车", "专车从宣汉到广东"): a later mention of the same type
        // whose dates, organizer and origin agree with the first is that action.
        if doc.isChinese {
            for i in drafts.indices where drafts[i].alive && drafts[i].type != .deal && drafts[i].type != .policyMeasure {
                for j in (i + 1)..<drafts.count where drafts[j].alive && drafts[j].type == drafts[i].type && !drafts[j].another {
                    let datesAgree = !drafts[i].hasDate || !drafts[j].hasDate || Self.overlaps(drafts[i].start, drafts[j].start) || Self.sameTime(drafts[i], drafts[j])
                    let organizerAgrees = drafts[i].organizer.isEmpty || drafts[j].organizer.isEmpty || sameOrganizer(drafts[i].organizer, drafts[j].organizer)
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
            let j = drafts.indices.filter { $0 != i && drafts[$0].alive && !drafts[$0].caption && drafts[$0].type == drafts[i].type }
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
