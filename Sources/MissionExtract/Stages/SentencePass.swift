/// The event stage's pass over the sentences, one sentence at a time: a sentence with an action
/// of its own starts a draft; one that points back at a recent event ("this trip") or goes on
/// with the event of the sentence before adds to it; the others are passed over.
/// Lives inside the call that lends `text` (EventStage.read).
struct SentencePass {
    private let rules: RuleStore
    private let doc: Document
    private let text: TextBuffers
    /// The speaker of each quotation.
    private let speakers: [QuoteSpeaker]
    /// By paragraph: a photo caption (PhotoCaption).
    private let captions: [Bool]

    private(set) var drafts: [EventDraft] = []
    /// Sentence → the draft it was read into.
    private var draftOf: [Int?]
    /// The last sentence of each type's latest event, kept as the sentences go: "The business delegation
    /// arrived …" after a fair's sentences and two headings is the delegation of a few paragraphs before.
    private var lastOfType: [EventType: (draft: Int, sentence: Int)] = [:]
    // Match buffers shared by all sentences: a sentence's arrays are gone by the next one, so
    // emptying keeps the storage and the scans allocate only when a sentence has more matches.
    private var triggerBuffer: [TriggerMatch] = [], cueBuffer: [RuleTable<RuleSet.Cue>.Match] = []
    private var anaphorTypes: [EventType?] = []
    /// The frame each sentence is read into, reset (its arrays' storage kept) for the next one;
    /// a frame that becomes a new draft is swapped out for an empty one.
    private var frame = EventDraft(type: .tradeMission, sentences: [], weight: 0, anchor: "")

    typealias TriggerMatch = RuleTable<RuleSet.Trigger>.Match

    /// How many sentences back "the delegation" may point at the latest delegation when no event is
    /// nearer (headings, captions and another event's sentences in between).
    private static let typedAnaphorReach = 6
    private static let question = TokenKey.of("?"), openBracket = TokenKey.of("("), comma = TokenKey.of(",")
    /// Ties between types go to the first in this order.
    private static let precedence: [EventType] = [.deal, .recruitmentDrive, .policyMeasure, .tradeFair, .tradeMission]

    init(rules: RuleStore, doc: Document, text: TextBuffers, speakers: [QuoteSpeaker], captions: [Bool]) {
        self.rules = rules; self.doc = doc; self.text = text; self.speakers = speakers; self.captions = captions
        draftOf = [Int?](repeating: nil, count: doc.sentences.count)
    }

    /// Reads sentence si into the drafts.
    mutating func read(_ si: Int) {
        let s = doc.sentences[si]
        let ctx = text.context(limit: s.tokens.upperBound)
        if passesOver(s, ctx) { return }
        let triggers = scanTriggers(s, ctx)
        var choice = TypeChoice(triggers)
        let previous = si > 0 ? draftOf[si - 1] : nil
        rememberLatestOfType(before: si)
        var target = pointedAt(si, s, ctx, choice)
        // "The trips are part of a campaign initiated by …": a strong action of another type is
        // a new event; the mention only places it (the trips are the campaign's)
        var partOf: Int?
        if let t = target, choice.strongest >= 3, choice.best != drafts[t].type, choice.best == .policyMeasure { target = nil; partOf = t }
        // A sentence that neither points back, nor has a trigger, nor continues an event is
        // skipped before its frame is read (most sentences of an article).
        guard target != nil || choice.strongest >= 2 || choice.tripFirst || previous != nil && continues(s, doc.sentences[si - 1]) else { return }

        cueBuffer.removeAll(keepingCapacity: true)
        // A frame's sentence is handed to absorb(_:sentence:), and its sentence array and anchor
        // words are made only for a new draft: most frames are absorbed, and those cost allocations.
        let reader = FrameReader(rules: rules, text: text, sentence: s, cueBuffer: &cueBuffer)
        choice.settle(triggers, reader)
        if tellsNoAction(reader, target, choice, triggers) { return }
        // Quoted speech tells an action only in an official's words.
        if s.quote >= 0, !speakers[s.quote].isOfficial { return }
        // (or the official who speaks a quotation this sentence opens: "X副主任李婷说:“…”")
        let speaker = s.quote >= 0 ? speakers[s.quote] : openedQuote(in: s).map { speakers[$0] }.flatMap { $0.isOfficial ? $0 : nil }
        if let target, readMention(of: target, si, s, reader, triggers, speaker: speaker) { return }
        guard choice.strongest >= 2 else {
            if let p = previous { readContinuation(of: p, si, s, reader, triggers) }
            return
        }
        readOwnAction(s, reader, triggers, &choice)
        // "Foreign Minister Wang Yi visited Brazil and held talks with his counterpart": a
        // diplomatic visit, unless companies travel or a body organises it
        if choice.best == .tradeMission, reader.has(.diplomacy), frame.participants.isEmpty, frame.organizer.isEmpty { return }
        // (an official quoted without an organizer named: the official's body, and its home)
        if frame.organizer.isEmpty, let sp = speaker, let o = sp.organization {
            frame.addOrganizer(o, home: sp.home, rule: "quote speaker", words: .text(o.name))
            if let h = sp.home { frame.addOrigin(h, name: rules.places[h].name, rule: "speaker's home", words: .text(o.name)) }
        }
        if let p = previous, joinsPrevious(p, si, s, choice.best, ownDeal: reader.has(.ownDeal)) {
            drafts[p].absorb(frame, sentence: si); draftOf[si] = p
            return
        }
        if let t = partOf { creditCampaign(t) }
        startDraft(si, reader, triggers, choice.best)
    }

    /// Reads sentence s into a fresh `frame` of `type` (a photo caption's own as such).
    private mutating func readFrame(_ type: EventType, weight: Int, of target: EventType?, _ s: Sentence,
                                    _ reader: FrameReader, _ triggers: [TriggerMatch]) {
        frame.reset(type: type, weight: weight)
        frame.caption = captions[s.paragraph]
        reader.read(type: type, triggers: triggers, of: target, into: &frame)
    }

    /// The first quotation that opens inside sentence s (doc.quotes are in text order).
    private func openedQuote(in s: Sentence) -> Int? {
        var low = 0, high = doc.quotes.count
        while low < high {
            let mid = (low + high) / 2
            if doc.quotes[mid].lowerBound < s.tokens.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < doc.quotes.count && doc.quotes[low].lowerBound < s.tokens.upperBound ? low : nil
    }

    // MARK: Which sentences are read

    /// Headings (but a Chinese notice's title naming a measure: "关于做好…组展工作的通知",
    /// "…年度资金申报指南"), questions and the dateline tell no action.
    private func passesOver(_ s: Sentence, _ ctx: MatchContext) -> Bool {
        guard !s.isHeading || doc.isChinese && namesMeasure(s, ctx), text.tokens[s.tokens.upperBound - 1].key != Self.question else { return true }
        if let d = doc.dateline, d.contains(s.start), d.contains(s.end - 1) { return true }
        return false
    }

    /// A heading with a strong policy trigger.
    private func namesMeasure(_ s: Sentence, _ ctx: MatchContext) -> Bool {
        var found = false
        rules.triggers.forEachMatch(from: s.tokens.lowerBound, ctx) { m in
            if m.label.type == .policyMeasure && m.label.weight >= 3 { found = true }
        }
        return found
    }

    /// Forecasts, commentary, share prices and company results, one person's own story, what
    /// did not happen: no action
    /// (but what a fair "is expected to attract" is its own preview: its figures are the fair's).
    private func tellsNoAction(_ reader: FrameReader, _ target: Int?, _ choice: TypeChoice, _ triggers: [TriggerMatch]) -> Bool {
        let aboutFair = target.map { drafts[$0].type == .tradeFair } ?? (choice.best == .tradeFair && triggers.contains { $0.label.fair >= 0 && $0.label.weight >= 2 })
        return reader.has(.speculation) && !aboutFair || reader.has(.expert) || reader.has(.market) || reader.has(.personal) || reader.has(.negated)
    }

    // MARK: Triggers and the type they choose

    /// The sentence's triggers, named fairs among them, weighed for where they stand.
    private mutating func scanTriggers(_ s: Sentence, _ ctx: MatchContext) -> [TriggerMatch] {
        triggerBuffer.removeAll(keepingCapacity: true)
        rules.triggers.scan(from: s.tokens.lowerBound, ctx, into: &triggerBuffer)
        addFairNames(s, ctx)
        weighFairSettings(s, ctx)
        weighTargets(s, ctx)
        weighOpeningTimeClause(s)
        return triggerBuffer
    }

    /// Named fairs, kept in start order among the triggers; the bare capitalised "Fair" of the
    /// name is not counted again.
    private mutating func addFairNames(_ s: Sentence, _ ctx: MatchContext) {
        rules.fairNames.forEachMatch(from: s.tokens.lowerBound, ctx) { m in
            triggerBuffer.removeAll { $0.label.type == .tradeFair && $0.label.weight == 1 && $0.start >= m.start && $0.end <= m.end }
            let at = triggerBuffer.firstIndex { $0.start > m.start } ?? triggerBuffer.count
            triggerBuffer.insert(m, at: at)
        }
    }

    /// "signed during the first days of the 6th CIIE": a named fair as the setting of another action is a hint
    /// (an abbreviation in brackets after the name, "the 6th China International Import Expo (CIIE)", is that name again).
    private mutating func weighFairSettings(_ s: Sentence, _ ctx: MatchContext) {
        var lastName: (end: Int, weight: Int)?
        for t in triggerBuffer.indices where triggerBuffer[t].label.fair >= 0 {
            let start = triggerBuffer[t].start
            if let n = lastName, n.end == start - 1, text.tokens[n.end].key == Self.openBracket {
                triggerBuffer[t].label.weight = n.weight
            } else if isSetting(start, ctx, s.tokens.lowerBound) {
                triggerBuffer[t].label.weight = 1
            }
            lastName = (triggerBuffer[t].end, triggerBuffer[t].label.weight)
        }
    }

    /// "aiming to sign contracts with a total investment of 80 billion yuan": a target, not a deal.
    private mutating func weighTargets(_ s: Sentence, _ ctx: MatchContext) {
        for t in triggerBuffer.indices where triggerBuffer[t].label.type == .deal {
            let start = triggerBuffer[t].start
            if (max(s.tokens.lowerBound, start - 4)..<start).contains(where: { rules.cue(.goal, at: $0, ctx).map { $0 >= start - 1 && $0 <= start } ?? false }) {
                triggerBuffer[t].label.weight = 1
            }
        }
    }

    /// "Since China announced a new set of measures …, the department has sent 58 people …": an
    /// opening time clause is background; the action is the main clause's.
    private mutating func weighOpeningTimeClause(_ s: Sentence) {
        let tp = text.tokens
        guard rules.lexicon.timeBeforeAnaphor.contains(tp[s.tokens.lowerBound].key),
              let comma = s.tokens.first(where: { tp[$0].key == Self.comma }),
              triggerBuffer.contains(where: { $0.start > comma && $0.label.weight >= 2 }) else { return }
        for t in triggerBuffer.indices where triggerBuffer[t].start < comma { triggerBuffer[t].label.weight = min(triggerBuffer[t].label.weight, 1) }
    }

    /// A name after a setting cue ("at", "during", "for", past "the", an ordinal or a year: "at the
    /// 2024 Canton Fair"), or a few words after one ("before the official opening of the CIIE"), is
    /// the setting of the sentence, not its subject.
    private func isSetting(_ start: Int, _ ctx: MatchContext, _ lower: Int) -> Bool {
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

    /// The type a sentence's triggers choose and the weight of its strongest trigger of that type.
    struct TypeChoice {
        var best: EventType
        var strongest: Int
        /// A named fair attended before the deals ("attended the 20th China-ASEAN Expo … and signed
        /// deals worth …") keeps them as its outcome, wherever it is held.
        let fairFirst: Bool
        /// A trip before the deals signed on it ("led 35 enterprises to Japan, where they … signed
        /// deals"): they are its outcome when it goes abroad, decided once the frame reader is there.
        let trip: TriggerMatch?
        var tripFirst: Bool { trip != nil }

        init(_ triggers: [TriggerMatch]) {
            (best, strongest) = Self.strongestType(triggers)
            // A policy announced first governs what follows it ("will step up support for local
            // governments holding exhibitions").
            let first = triggers.first { $0.label.weight >= 3 }        // scan order: by start
            if let first, first.label.type == .policyMeasure, best != .policyMeasure {
                best = .policyMeasure
                strongest = Self.strongest(of: best, triggers)
            }
            let best = best, strongest = strongest
            let dealStart = triggers.first { $0.label.type == .deal }?.start ?? Int.max
            fairFirst = best == .deal && triggers.contains { $0.label.fair >= 0 && $0.label.weight >= 3 && $0.start < dealStart }
            // (also a trip as strong as the deals that comes before them: "a trade delegation of 59
            // enterprises … attended the ISPO Munich … and made $300 million of intended deals")
            let isTrip: (TriggerMatch) -> Bool = { $0.label.type == .tradeMission || $0.label.type == .tradeFair }
            trip = best == .deal ? (first.flatMap { isTrip($0) ? $0 : nil }
                ?? triggers.first { isTrip($0) && $0.label.weight >= strongest && $0.start < dealStart }) : nil
        }

        /// The deals' sentence is the fair's, or the trip's when it goes abroad (to a place named, or "境外").
        mutating func settle(_ triggers: [TriggerMatch], _ reader: FrameReader) {
            // (a signing of counted projects at the fair is a deal of its own; on a trip abroad it is
            // the trip's outcome, below)
            let ownDeal = reader.has(.ownDeal)
            if fairFirst, !ownDeal {
                best = .tradeFair
                strongest = Self.strongest(of: best, triggers)
            } else if let trip, !(ownDeal && trip.label.type == .tradeFair), reader.hasForeignPlace(after: trip.start) || reader.cues.contains(where: { $0.label == .abroad && $0.start >= trip.start }) {
                best = trip.label.type
                strongest = Self.strongest(of: best, triggers)
            }
        }

        /// The type the triggers weigh most for (ties: the first in `precedence`), and its strongest trigger.
        static func strongestType(_ triggers: [TriggerMatch]) -> (EventType, Int) {
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

        /// The weight of the strongest trigger of a type.
        static func strongest(of type: EventType, _ triggers: [TriggerMatch]) -> Int {
            var strongest = 0
            for t in triggers where t.label.type == type { strongest = max(strongest, t.label.weight) }
            return strongest
        }
    }

    // MARK: Pointing back

    /// Before sentence si: the latest event of the type of the sentence before it, at that sentence.
    private mutating func rememberLatestOfType(before si: Int) {
        if si > 0, let d = draftOf[si - 1] { lastOfType[drafts[d].type] = (d, si - 1) }
    }

    /// "this trip", "the scheme", "these events": the recent event another mention points at.
    private mutating func pointedAt(_ si: Int, _ s: Sentence, _ ctx: MatchContext, _ choice: TypeChoice) -> Int? {
        scanAnaphors(si, s, ctx, choice)
        if let d = anaphorTarget(si) { return d }
        // (farther back only for a sentence without a strong action of its own)
        if choice.strongest < 3 {
            for case let t? in anaphorTypes {
                if let last = lastOfType[t], si - last.sentence <= Self.typedAnaphorReach { return last.draft }
            }
        }
        return nil
    }

    /// The anaphors of sentence s, by the type they name (nil: any), into `anaphorTypes`.
    /// A capitalised noun is a name ("The online Canton Fair"), not a pointer back.
    /// Without a recent event there is nothing to point back to: no need to look.
    private mutating func scanAnaphors(_ si: Int, _ s: Sentence, _ ctx: MatchContext, _ choice: TypeChoice) {
        let recent = (1...4).contains { si - $0 >= 0 && draftOf[si - $0] != nil }
            || lastOfType.values.contains { si - $0.sentence <= Self.typedAnaphorReach }
        anaphorTypes.removeAll(keepingCapacity: true)
        guard recent else { return }
        let tp = text.tokens, rules = rules
        // Nor is "after the fair" (a point in time) or "…, the group said" (a source).
        rules.anaphors.forEachMatch(from: s.tokens.lowerBound, ctx) { a in
            guard !tp[a.end - 1].capitalized || a.end - 1 == s.tokens.lowerBound else { return }
            if a.start > s.tokens.lowerBound && rules.lexicon.timeBeforeAnaphor.contains(tp[a.start - 1].key) { return }
            if rules.cue(.speech, at: a.end, ctx) != nil { return }
            // A sentence with its own action of another type mentions the event as its setting
            // ("on the sidelines of the fair", "at the event"; "this train", "during the campaign" still point back).
            if choice.strongest >= 2, let t = a.label, t != choice.best, a.start > s.tokens.lowerBound,
               rules.lexicon.settingBeforeAnaphor.contains(tp[a.start - 1].key),
               tp[a.start].key == rules.lexicon.the || tp[a.start].isIdeograph { return }       // (参加此次博览会: attending it)
            anaphorTypes.append(a.label)
        }
    }

    /// The recent event an anaphor points at: the nearest one of its type within four sentences.
    private func anaphorTarget(_ si: Int) -> Int? {
        guard !anaphorTypes.isEmpty else { return nil }
        for back in 1...4 where si - back >= 0 {
            guard let d = draftOf[si - back] else { continue }
            // "the fair" after a job fair is that job fair; "the campaign" after a hiring drive is that drive
            if anaphorTypes.contains(where: { $0 == nil || $0 == drafts[d].type || ($0 == .tradeFair || $0 == .policyMeasure) && drafts[d].type == .recruitmentDrive }) { return d }
        }
        return nil
    }

    // MARK: Reading the frame

    /// Reads the sentence as another mention of drafts[target] and adds it there, unless it is
    /// another action; true when added.
    private mutating func readMention(of target: Int, _ si: Int, _ s: Sentence, _ reader: FrameReader, _ triggers: [TriggerMatch],
                                      speaker: QuoteSpeaker?) -> Bool {
        readFrame(drafts[target].type, weight: 0, of: drafts[target].type, s, reader, triggers)
        // "服务中心副主任李婷说：“今天是首批返岗专车，我们…”": an official speaking of the event
        // of an organizer not yet named speaks for the body that runs it
        if frame.organizer.isEmpty, drafts[target].organizer.isEmpty, let sp = speaker, let o = sp.organization {
            frame.addOrganizer(o, home: sp.home, rule: "quote speaker", words: .text(o.name))
        }
        // "the charter flight organized by Suzhou … from December 9th": a new action, not the last one
        let otherAgent = !frame.organizer.isEmpty && !drafts[target].organizer.isEmpty
            && !EventStage.sameOrganizer(frame.organizer, drafts[target].organizer)
            && !frame.organizerHomes.contains { drafts[target].organizerHomes.contains($0) }
        let otherDate = frame.hasDate && drafts[target].hasDate && !frame.relativeDate && !EventStage.overlaps(frame.start, drafts[target].start)
        // "following purchases by another delegation in late February": a date before the event began is another action
        // (a year alone is background: "the first since the outbreak in 2020")
        let before = frame.hasDate && !frame.relativeDate && frame.start.flatMap { DateParts(iso: $0) }?.month != nil
            && EventStage.endsBefore(frame.end ?? frame.start, drafts[target].start)
        guard !(otherAgent && otherDate) && !before else { return false }
        drafts[target].absorb(frame, sentence: si)
        draftOf[si] = target
        return true
    }

    /// A sentence without its own trigger continues the event of the sentence before, drafts[p]
    /// (not a fair's mere description: "Held in Guangzhou, the Canton Fair is …" has no action to go on).
    private mutating func readContinuation(of p: Int, _ si: Int, _ s: Sentence, _ reader: FrameReader, _ triggers: [TriggerMatch]) {
        guard !drafts[p].isDescription, continues(s, doc.sentences[si - 1]) else { return }
        readFrame(drafts[p].type, weight: 0, of: nil, s, reader, triggers)
        // (an agent named again, "the Department sent officials …", goes on with it too)
        let namedAgain = text.entities[s.entities].allSatisfy { !$0.isOrganization || $0.rule == EntityStage.bodyMentionRule }
        guard frame.organizer.isEmpty || namedAgain, !frame.since else { return }
        // "… have been used to pick up workers from Guangxi, Guizhou and Yunnan": where the
        // workers came from; in other events a continuation's places are background
        if !(frame.type == .recruitmentDrive && frame.workersFrom) { frame.origin.removeAll(keepingCapacity: true) }
        drafts[p].absorb(frame, sentence: si)
        draftOf[si] = p
    }

    /// A trigger-less sentence continues the one before: same paragraph, or the first sentence of
    /// the next paragraph when it names no place or organisation of its own.
    private func continues(_ s: Sentence, _ prev: Sentence) -> Bool {
        if s.paragraph == prev.paragraph { return true }
        guard s.paragraph == prev.paragraph + 1, s.quote < 0 else { return false }
        return !doc.entities[s.entities].contains { e in
            switch e.value { case .place, .organization: return true; default: return false }
        }
    }

    /// Reads the sentence's own action into the frame, as the chosen type.
    private mutating func readOwnAction(_ s: Sentence, _ reader: FrameReader, _ triggers: [TriggerMatch], _ choice: inout TypeChoice) {
        readFrame(choice.best, weight: choice.strongest, of: choice.best, s, reader, triggers)
        // "40 enterprises from Guangdong are heading for the 7th China-Russia Expo in Yekaterinburg":
        // companies of a Chinese place travelling to a fair abroad are a mission to it
        if choice.best == .tradeFair, triggers.contains(where: { $0.label.type == .tradeMission }),
           frame.destinations.contains(where: { $0.code != "CN" }), !frame.origin.isEmpty,
           frame.participants.contains(where: { $0.unit == "enterprises" }) {
            choice.best = .tradeMission
            choice.strongest = max(2, TypeChoice.strongest(of: choice.best, triggers))
            readFrame(choice.best, weight: choice.strongest, of: choice.best, s, reader, triggers)
        }
    }

    // MARK: Where the frame goes

    /// The frame, an action of type `best`, is more of drafts[p], the event of the sentence before.
    private func joinsPrevious(_ p: Int, _ si: Int, _ s: Sentence, _ best: EventType, ownDeal: Bool) -> Bool {
        let prevType = drafts[p].type
        let sameParagraph = doc.sentences[si - 1].paragraph == s.paragraph
        // Orders signed on a trip are the trip's outcome ("… were contracted for export from
        // Liaoning": the trip's own home is no other agent).
        if best == .deal, prevType == .tradeMission || prevType == .tradeFair, frame.organizer.isEmpty, !ownDeal,
           frame.origin.allSatisfy({ drafts[p].origin.contains($0) }) { return true }
        // "On the 21st, …": the same action, a day later (by the same people)
        if prevType == best, frame.relativeDate, !frame.another, compatibleAgent(p) { return true }
        // The next sentence of the same paragraph about the same action, without its own agent or date
        // (People from other places are another group: "Companies in Jiaxing and Ningbo have traveled to Japan")
        let otherOrigin = !frame.origin.isEmpty && !drafts[p].origin.isEmpty && !frame.origin.contains { drafts[p].origin.contains($0) }
        return prevType == best && sameParagraph && !frame.another && !frame.since && !frame.ownDate && !otherOrigin
            && (frame.organizer.isEmpty || EventStage.sameOrganizer(frame.organizer, drafts[p].organizer) || namesOrganizer(of: p))
    }

    /// The frame's agents do not contradict drafts[prev]: no organizer or origin of its own, or shared ones.
    /// (drafts[prev] is read slot by slot: copied out of the array whole, a draft retains its dozen arrays.)
    private func compatibleAgent(_ prev: Int) -> Bool {
        let prevOrganizer = drafts[prev].organizer, prevOrigin = drafts[prev].origin
        if !frame.organizer.isEmpty, !prevOrganizer.isEmpty { return EventStage.sameOrganizer(frame.organizer, prevOrganizer) }
        if !frame.origin.isEmpty, !prevOrigin.isEmpty { return frame.origin.contains { prevOrigin.contains($0) } }
        return true
    }

    /// The frame names who organised drafts[prev] (read slot by slot, as above): "a delegation from
    /// Dongguan arrived … Organized by the Dongguan bureau, 46 enterprises …", or the same place's
    /// government ("the province plans …").
    private func namesOrganizer(of prev: Int) -> Bool {
        guard !frame.organizerHomes.isEmpty else { return false }
        if drafts[prev].organizer.isEmpty {
            let prevOrigin = drafts[prev].origin
            return frame.organizerHomes.contains { prevOrigin.contains($0) }
        }
        let prevHomes = drafts[prev].organizerHomes
        return frame.organizerHomes.contains { prevHomes.contains($0) }
    }

    /// …and the campaign's author (the frame's organizer) organises the trips, drafts[t], that are part of it.
    private mutating func creditCampaign(_ t: Int) {
        guard drafts[t].organizer.isEmpty, drafts[t].type == .tradeMission || drafts[t].type == .recruitmentDrive else { return }
        for o in frame.organizer {
            drafts[t].addOrganizer(o, home: nil, rule: "author of the campaign it is part of", words: .text(o.name))
        }
        for h in frame.organizerHomes where !drafts[t].organizerHomes.contains(h) { drafts[t].organizerHomes.append(h) }
    }

    /// The frame becomes a new draft, of sentence si.
    private mutating func startDraft(_ si: Int, _ reader: FrameReader, _ triggers: [TriggerMatch], _ best: EventType) {
        frame.sentences.append(si)
        frame.nameOnly = best == .tradeFair && !triggers.contains { $0.label.type == .tradeFair && $0.label.fair < 0 && $0.label.weight >= 2 }
        // a caption inside its paragraph (PhotoCaption) or one with its credit as the next sentence
        frame.caption = frame.caption || isCaption(si)
        frame.anchor = triggers.first { $0.label.type == best }.map { reader.words($0.start..<$0.end) } ?? ""
        // Moved in by a swap with an empty draft (no allocation): appending the frame copied it.
        drafts.append(EventDraft(type: best, sentences: [], weight: 0, anchor: ""))
        swap(&drafts[drafts.count - 1], &frame)
        draftOf[si] = drafts.count - 1
    }

    /// Sentence si is a photo caption: the next sentence is a credit ("[Photo by …]", "(Photo/…)").
    private func isCaption(_ si: Int) -> Bool {
        guard si + 1 < doc.sentences.count else { return false }
        let next = doc.sentences[si + 1].tokens
        return rules.cue(.caption, at: next.lowerBound, text.context(limit: next.upperBound)) != nil
    }
}
