/// An event while it is being assembled from one or more sentences.
struct EventDraft {
    var type: EventType
    var sentences: [Int]
    var weight: Int                       // strongest trigger that fired
    var anchor: String                    // the trigger words, for the stable id
    var organizer: [Organizer] = []
    var organizerHomes: [Int] = []        // place indices of the organizers
    var origin: [Int] = []                // place indices
    var destinations: [Destination] = []
    var start: String?
    var end: String?
    var duration: Int?
    var whenText: String?
    var participants: [(unit: String, count: Count)] = []
    var activities: [String] = []
    var transport: [String] = []
    var outcomes: [Outcome] = []
    var trace: [SlotTrace] = []
    /// The sentence that created it had its own date ("On the 21st" counts as relative).
    var ownDate = false
    var relativeDate = false
    var since = false                     // "since the beginning of 2022": a background tally
    var another = false                   // "another", "second": a separate action
    var alive = true

    var hasDate: Bool { start != nil || end != nil }
    var isConcrete: Bool { hasDate || !participants.isEmpty || !destinations.isEmpty || !outcomes.isEmpty }
    var hasAgent: Bool { !organizer.isEmpty || !origin.isEmpty || !destinations.isEmpty }

    mutating func addOrganizer(_ o: Organizer, home: Int?, rule: String, words: String) {
        guard !organizer.contains(where: { $0.name.lowercased() == o.name.lowercased() }) else { return }
        organizer.append(o)
        if let home { organizerHomes.append(home) }
        trace.append(SlotTrace(slot: "organizer", value: o.name, rule: rule, words: words))
    }

    mutating func addOrigin(_ p: Int, name: String, rule: String, words: String) {
        guard !origin.contains(p) else { return }
        origin.append(p)
        trace.append(SlotTrace(slot: "origin", value: name, rule: rule, words: words))
    }

    mutating func addDestination(_ d: Destination, rule: String, words: String) {
        guard !destinations.contains(where: { $0.code == d.code && ($0.code != "CN" || $0.name == d.name) }) else { return }
        destinations.append(d)
        trace.append(SlotTrace(slot: "destinations", value: d.code == "CN" ? d.name : d.code, rule: rule, words: words))
    }

    mutating func addParticipant(_ unit: String, _ c: Count, words: String) {
        guard !participants.contains(where: { $0.unit == unit }) else { return }
        participants.append((unit, c))
        trace.append(SlotTrace(slot: "participants." + unit, value: "\(c.value)", rule: "count", words: words))
    }

    mutating func addActivity(_ a: String, words: String) {
        guard !activities.contains(a) else { return }
        activities.append(a)
        trace.append(SlotTrace(slot: "activities", value: a, rule: "activities.tsv", words: words))
    }

    mutating func addTransport(_ t: String, words: String) {
        guard !transport.contains(t) else { return }
        transport.append(t)
        trace.append(SlotTrace(slot: "transport", value: t, rule: "transport.tsv", words: words))
    }

    mutating func addOutcome(_ o: Outcome, rule: String) {
        guard !outcomes.contains(where: { $0.amount == o.amount && $0.amount != nil || $0.text == o.text }) else { return }
        outcomes.append(o)
        trace.append(SlotTrace(slot: "outcomes", value: o.kind, rule: rule, words: o.text))
    }

    mutating func setWhen(start s: String?, end e: String?, text: String, rule: String) {
        guard !hasDate else { return }
        start = s; end = e
        whenText = whenText.map { $0 + " … " + text } ?? text
        trace.append(SlotTrace(slot: "when", value: [s, e].compactMap { $0 }.joined(separator: "/"), rule: rule, words: text))
    }

    mutating func setDuration(_ d: Int, text: String) {
        guard duration == nil else { return }
        duration = d
        whenText = whenText.map { $0 + " … " + text } ?? text
        trace.append(SlotTrace(slot: "when.duration_days", value: "\(d)", rule: "duration", words: text))
    }

    /// Takes in another draft of the same action (another mention, a continuation).
    mutating func absorb(_ o: EventDraft) {
        for s in o.sentences where !sentences.contains(s) { sentences.append(s) }
        sentences.sort()
        weight = max(weight, o.weight)
        for org in o.organizer where !organizer.contains(where: { $0.name.lowercased() == org.name.lowercased() }) {
            organizer.append(org)
        }
        for h in o.organizerHomes where !organizerHomes.contains(h) { organizerHomes.append(h) }
        for p in o.origin where !origin.contains(p) { origin.append(p) }
        for d in o.destinations where !destinations.contains(where: { $0.code == d.code && ($0.code != "CN" || $0.name == d.name) }) { destinations.append(d) }
        if !hasDate, o.hasDate { start = o.start; end = o.end; ownDate = o.ownDate }
        // "… opened on Saturday. The fair runs until May 5": the later mention gives the end
        else if start != nil, end == nil, o.start == nil, let e = o.end, e >= (start ?? "") { end = e }
        if duration == nil { duration = o.duration }
        if let t = o.whenText, whenText == nil || !(whenText ?? "").contains(t) { whenText = whenText.map { $0 + " … " + t } ?? t }
        for p in o.participants where !participants.contains(where: { $0.unit == p.unit }) { participants.append(p) }
        for a in o.activities where !activities.contains(a) { activities.append(a) }
        for t in o.transport where !transport.contains(t) { transport.append(t) }
        for out in o.outcomes where !outcomes.contains(where: { $0.amount == out.amount && $0.amount != nil || $0.text == out.text }) { outcomes.append(out) }
        trace.append(contentsOf: o.trace)
    }
}
