/// Reads mission events from the sentences: triggers choose the type, FrameReader fills the slots,
/// then mentions of one action are merged (anaphora "this trip", continuations, the same organizer)
/// and events without enough substance are dropped.
struct EventStage: ExtractionStage {
    let name = "events"
    let rules: RuleStore

    init(rules: RuleSet) { self.rules = rules.store }

    /// Ties between types go to the first in this order.
    static let question = TokenKey.of("?")
    static let timeRelative: Set<UInt64> = Set(["following", "after", "before", "since"].map(TokenKey.of))
    static let precedence: [EventType] = [.deal, .recruitmentDrive, .policyMeasure, .tradeFair, .tradeMission]

    func run(_ doc: inout Document) throws(ArticleRejection) {
        var drafts: [EventDraft] = []
        let document = doc
        doc.tokens.withUnsafeBufferPointer { tp in
            doc.bytes.withUnsafeBufferPointer { bp in
                var places = [Int32](repeating: 0, count: tp.count)
                for e in document.entities {
                    if case .place(let p, _) = e.value {
                        places[e.tokens.lowerBound] = Int32(e.tokens.upperBound) * (rules.places[Int(p)].isChinese ? 1 : -1)
                    }
                }
                let speakers = document.quotes.map { QuoteSpeaker.find(quote: $0, doc: document, rules: rules, tp: tp, bp: bp) }
                places.withUnsafeBufferPointer { pp in
                    drafts = read(document, tp, bp, pp, speakers)
                }
            }
        }
        drafts = merge(drafts, document)
        doc.events = drafts.filter { $0.alive && emit($0) }.map { finish($0, document) }
    }

    /// One pass over the sentences.
    private func read(_ doc: Document, _ tp: UnsafeBufferPointer<Token>, _ bp: UnsafeBufferPointer<UInt8>,
                      _ places: UnsafeBufferPointer<Int32>, _ speakers: [QuoteSpeaker]) -> [EventDraft] {
        var drafts: [EventDraft] = []
        var draftOf: [Int: Int] = [:]          // sentence → draft
        for (si, s) in doc.sentences.enumerated() {
            guard !s.isHeading, tp[s.tokens.upperBound - 1].key != Self.question else { continue }
            if let d = doc.dateline, d.contains(s.start), d.contains(s.end - 1) { continue }
            let reader = FrameReader(rules: rules, doc: doc, sentence: s, tp: tp, bp: bp, places: places)
            if reader.has(.speculation) || reader.has(.expert) { continue }
            var speaker: QuoteSpeaker?
            if s.quote >= 0 {
                guard speakers[s.quote].isOfficial else { continue }
                speaker = speakers[s.quote]
            }
            let triggers = rules.triggers.scan(from: s.tokens.lowerBound, reader.ctx)
            var score: [EventType: Int] = [:], strongest: [EventType: Int] = [:]
            for t in triggers {
                score[t.label.type, default: 0] += t.label.weight
                strongest[t.label.type] = max(strongest[t.label.type] ?? 0, t.label.weight)
            }
            var best = Self.precedence.max { (score[$0] ?? 0, -(Self.precedence.firstIndex(of: $0)!)) < (score[$1] ?? 0, -(Self.precedence.firstIndex(of: $1)!)) }!
            // A policy announced first governs what follows it ("will step up support for local
            // governments holding exhibitions"); a trip abroad before the deals signed on it keeps
            // them as its outcome ("led 35 enterprises to Japan, where they … signed deals").
            if let first = triggers.filter({ $0.label.weight >= 3 }).min(by: { $0.start < $1.start }) {
                if first.label.type == .policyMeasure { best = .policyMeasure }
                if best == .deal, first.label.type == .tradeMission || first.label.type == .tradeFair,
                   reader.hasForeignPlace(after: first.end) { best = first.label.type }
            }
            let previous = si > 0 ? draftOf[si - 1] : nil

            // "this trip", "the scheme", "these events": another mention of a recent event
            // A capitalised noun is a name ("The online Canton Fair"), not a pointer back.
            // Nor is "after the fair" (a point in time) or "…, the group said" (a source).
            let anaphors = rules.anaphors.scan(from: s.tokens.lowerBound, reader.ctx)
                .filter { !tp[$0.end - 1].capitalized || $0.end - 1 == s.tokens.lowerBound }
                .filter { a in
                    !(a.start > s.tokens.lowerBound && Self.timeRelative.contains(tp[a.start - 1].key))
                        && rules.cue(.speech, at: a.end, reader.ctx) == nil
                }
            if let target = anaphorTarget(anaphors.map(\.label), si, drafts, draftOf) {
                var frame = EventDraft(type: drafts[target].type, sentences: [si], weight: 0, anchor: "")
                reader.read(type: frame.type, triggers: triggers.filter { $0.label.type == frame.type }, into: &frame)
                // "the charter flight organized by Suzhou … from December 9th": a new action, not the last one
                let t = drafts[target]
                let otherAgent = !frame.organizer.isEmpty && !t.organizer.isEmpty && !sameOrganizer(frame, t)
                    && !frame.organizerHomes.contains { t.organizerHomes.contains($0) }
                let otherDate = frame.hasDate && t.hasDate && !frame.relativeDate && !Self.overlaps(frame.start, t.start)
                if !(otherAgent && otherDate) {
                    drafts[target].absorb(frame)
                    draftOf[si] = target
                    continue
                }
            }
            let typeTriggers = triggers.filter { $0.label.type == best }
            guard (strongest[best] ?? 0) >= 2 else {
                // A sentence without its own trigger continues the event of the sentence before.
                if let p = previous, continues(s, doc.sentences[si - 1], doc) {
                    var frame = EventDraft(type: drafts[p].type, sentences: [si], weight: 0, anchor: "")
                    reader.read(type: frame.type, triggers: [], into: &frame)
                    guard frame.organizer.isEmpty, !frame.since else { continue }
                    frame.origin = []
                    drafts[p].absorb(frame)
                    draftOf[si] = p
                }
                continue
            }
            var frame = EventDraft(type: best, sentences: [si], weight: strongest[best] ?? 0,
                                   anchor: typeTriggers.first.map { reader.words($0.start..<$0.end) } ?? "")
            reader.read(type: best, triggers: typeTriggers, into: &frame)
            if frame.organizer.isEmpty, let sp = speaker, let o = sp.organization {
                frame.addOrganizer(o, home: sp.home, rule: "quote speaker", words: o.name)
                if let h = sp.home { frame.addOrigin(h, name: rules.places[h].name, rule: "speaker's home", words: o.name) }
            }
            if let p = previous {
                let prev = drafts[p]
                let sameParagraph = doc.sentences[si - 1].paragraph == s.paragraph
                // Orders signed on a trip are the trip's outcome.
                if best == .deal, prev.type == .tradeMission || prev.type == .tradeFair, frame.organizer.isEmpty, frame.origin.isEmpty {
                    drafts[p].absorb(frame); draftOf[si] = p; continue
                }
                // "On the 21st, …": the same action, a day later (by the same people)
                if prev.type == best, frame.relativeDate, !frame.another, compatibleAgent(frame, prev) {
                    drafts[p].absorb(frame); draftOf[si] = p; continue
                }
                // The next sentence of the same paragraph about the same action, without its own agent or date
                if prev.type == best, sameParagraph, !frame.another, !frame.since, !frame.ownDate,
                   frame.organizer.isEmpty || sameOrganizer(frame, prev) || namesOrganizerOf(frame, prev) {
                    drafts[p].absorb(frame); draftOf[si] = p; continue
                }
            }
            drafts.append(frame)
            draftOf[si] = drafts.count - 1
        }
        return drafts
    }

    /// The recent event an anaphor points at: the nearest one of its type within four sentences.
    private func anaphorTarget(_ types: [EventType?], _ si: Int, _ drafts: [EventDraft], _ draftOf: [Int: Int]) -> Int? {
        guard !types.isEmpty else { return nil }
        for back in 1...4 where si - back >= 0 {
            guard let d = draftOf[si - back] else { continue }
            if types.contains(where: { $0 == nil || $0 == drafts[d].type }) { return d }
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

    /// Two dates at known precision can be the same day: "2023-03" and "2023-03-07".
    static func overlaps(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return a == b }
        return a.hasPrefix(b) || b.hasPrefix(a)
    }

    /// The agents of `frame` do not contradict `prev`: no organizer or origin of its own, or shared ones.
    private func compatibleAgent(_ frame: EventDraft, _ prev: EventDraft) -> Bool {
        if !frame.organizer.isEmpty, !prev.organizer.isEmpty { return sameOrganizer(frame, prev) }
        if !frame.origin.isEmpty, !prev.origin.isEmpty { return frame.origin.contains { prev.origin.contains($0) } }
        return true
    }

    /// `frame` names who organised `prev`: "a delegation from Dongguan arrived … Organized by the Dongguan
    /// bureau, 46 enterprises …", or the same place's government ("the province plans …").
    private func namesOrganizerOf(_ frame: EventDraft, _ prev: EventDraft) -> Bool {
        guard !frame.organizerHomes.isEmpty else { return false }
        if prev.organizer.isEmpty { return frame.organizerHomes.contains { prev.origin.contains($0) } }
        return frame.organizerHomes.contains { prev.organizerHomes.contains($0) }
    }

    private func sameOrganizer(_ a: EventDraft, _ b: EventDraft) -> Bool {
        a.organizer.contains { x in b.organizer.contains { $0.name.lowercased() == x.name.lowercased() } }
    }

    /// Article-wide merges: an event with the same organizer and no conflicting date is the same action;
    /// a bare mention (no date, count or agent) right before an event of its type belongs to it.
    private func merge(_ input: [EventDraft], _ doc: Document) -> [EventDraft] {
        var drafts = input
        for i in drafts.indices where drafts[i].alive {
            for j in (i + 1)..<drafts.count where drafts[j].alive && drafts[j].type == drafts[i].type {
                let a = drafts[i], b = drafts[j]
                let datesAgree = !a.hasDate || !b.hasDate || a.start == b.start
                if sameOrganizer(a, b), datesAgree, !b.another {
                    drafts[i].absorb(b); drafts[j].alive = false
                }
            }
        }
        for i in drafts.indices where drafts[i].alive && !drafts[i].hasDate && drafts[i].participants.isEmpty {
            guard let last = drafts[i].sentences.last else { continue }
            if let j = drafts.indices.first(where: { $0 != i && drafts[$0].alive && drafts[$0].type == drafts[i].type && drafts[$0].sentences.first == last + 1 }),
               doc.sentences[last].paragraph == doc.sentences[last + 1].paragraph,
               drafts[i].organizer.isEmpty || sameOrganizer(drafts[i], drafts[j]) {
                drafts[j].absorb(drafts[i]); drafts[i].alive = false
            }
        }
        // Without any agent, an event is about the place the text is discussing.
        for i in drafts.indices where drafts[i].alive && drafts[i].organizer.isEmpty && drafts[i].origin.isEmpty {
            let s = doc.sentences[drafts[i].sentences[0]]
            if let p = s.city ?? s.province {
                drafts[i].addOrigin(p, name: rules.places[p].name, rule: "place under discussion", words: "")
            }
        }
        return drafts
    }

    /// Enough substance to publish: something concrete (date, count, destination, outcome) and
    /// someone (organizer, origin or destination); a policy needs its author.
    private func emit(_ d: EventDraft) -> Bool {
        switch d.type {
        case .policyMeasure: return !d.organizer.isEmpty || (!d.origin.isEmpty && d.hasDate)
        case .deal: return !d.outcomes.isEmpty || (d.hasAgent && (d.hasDate || !d.participants.isEmpty))
        default: return d.isConcrete && d.hasAgent
        }
    }

    private func finish(_ d: EventDraft, _ doc: Document) -> MissionEvent {
        let first = doc.sentences[d.sentences[0]]
        let idSource = doc.articleID + "|" + d.type.rawValue + "|" + String(first.scalarStart) + "|" + d.anchor
        var e = MissionEvent(id: "evt_" + SHA256.hex(Array(idSource.utf8)).prefix(16), type: d.type)
        e.organizer = d.organizer
        e.origin = d.origin.map { p in
            let place = rules.places[p]
            return Origin(name: place.name, level: place.level, country: "CN")
        }
        e.destinations = d.destinations
        e.when = When(start: d.start, end: d.end, durationDays: d.duration, text: d.whenText)
        e.participants = d.participants
        e.activities = d.activities
        e.transport = d.transport
        e.outcomes = d.outcomes
        e.evidence = d.sentences.map { si in
            let s = doc.sentences[si]
            return Evidence(start: s.scalarStart, end: s.scalarEnd, text: doc.slice(s.start..<s.end))
        }
        let filled = [!d.organizer.isEmpty, !d.origin.isEmpty, !d.destinations.isEmpty, d.hasDate,
                      !d.participants.isEmpty, !d.outcomes.isEmpty].filter { $0 }.count
        e.confidence = min(0.95, 0.35 + 0.1 * Double(d.weight) + 0.05 * Double(filled))
        e.trace = d.trace
        return e
    }
}
