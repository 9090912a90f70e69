/// An event while it is being assembled from one or more sentences.
/// The add… methods take the trace's words and rule as autoclosures: most values are repeats,
/// and their words are only read for the --explain trace of a new value.
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
    var trace: [TraceRecord] = []
    /// The sentence that created it had its own date ("On the 21st" counts as relative).
    var ownDate = false
    var relativeDate = false
    var since = false                     // "since the beginning of 2022": a background tally
    var another = false                   // "another", "second": a separate action
    var fairs: [Int32] = []               // the named fairs it mentions (fairs.tsv rows)
    /// A fair event started by a fair's name alone ("Held in Guangzhou, the Canton Fair is …"): a
    /// description until a date, a count or an outcome makes it news.
    var nameOnly = false
    var foreignOrigin = false             // its people come from abroad ("buyers from Chile")
    var diplomatic = false                // a sentence of it names a state visit, ministers' talks (cues.tsv `diplomacy`)
    var businessGroup = false             // … or a group of business people travelling (`business_group`)
    var caption = false                   // read only from a photo caption
    var business = false                  // a sentence of it names business (cues.tsv `business`)
    var workersFrom = false               // an origin read from "from X"
    var vehicles = false                  // buses or cars carry its people ("返岗专车", "special cars"): no transport of the schema
    var alive = true

    var hasDate: Bool { start != nil || end != nil }
    /// Started by a fair's name alone and still without a date, or a count or outcome other than
    /// its history ("since 2013"): no news yet.
    var isDescription: Bool { nameOnly && !hasDate && (since || participants.isEmpty && outcomes.isEmpty) }
    var isConcrete: Bool { hasDate || !participants.isEmpty || !destinations.isEmpty || !outcomes.isEmpty }
    var hasAgent: Bool { !organizer.isEmpty || !origin.isEmpty || !destinations.isEmpty }

    mutating func addOrganizer(_ o: Organizer, home: Int?, rule: String, words: @autoclosure () -> TracePart) {
        guard !organizer.contains(where: { $0.hasSameName(as: o) }) else { return }
        organizer.add(o)
        if let home { organizerHomes.add(home) }
        record(TraceRecord(slot: .text("organizer"), value: .text(o.name), rule: .text(rule), words: words()))
    }

    mutating func addOrigin(_ p: Int, name: String, rule: String, words: @autoclosure () -> TracePart) {
        guard !origin.contains(p) else { return }
        origin.add(p)
        record(TraceRecord(slot: .text("origin"), value: .text(name), rule: .text(rule), words: words()))
    }

    mutating func addDestination(_ d: Destination, rule: @autoclosure () -> TracePart, words: @autoclosure () -> TracePart) {
        guard !destinations.contains(where: { $0.code == d.code && ($0.code != "CN" || $0.name == d.name) }) else { return }
        destinations.add(d)
        record(TraceRecord(slot: .text("destinations"), value: .text(d.code == "CN" ? d.name : d.code), rule: rule(), words: words()))
    }

    mutating func addParticipant(_ unit: String, _ c: Count, words: @autoclosure () -> TracePart) {
        guard !participants.contains(where: { $0.unit == unit }) else { return }
        participants.add((unit, c))
        record(TraceRecord(slot: .prefixed("participants.", unit), value: .double(c.value), rule: .text("count"), words: words()))
    }

    mutating func addActivity(_ a: String, words: @autoclosure () -> TracePart) {
        guard !activities.contains(a) else { return }
        activities.add(a)
        record(TraceRecord(slot: .text("activities"), value: .text(a), rule: .text("activities.tsv"), words: words()))
    }

    mutating func addTransport(_ t: String, words: @autoclosure () -> TracePart) {
        guard !transport.contains(t) else { return }
        transport.add(t)
        record(TraceRecord(slot: .text("transport"), value: .text(t), rule: .text("transport.tsv"), words: words()))
    }

    mutating func addOutcome(_ o: Outcome, rule: @autoclosure () -> TracePart) {
        guard !outcomes.contains(where: { $0.amount == o.amount && $0.amount != nil || $0.text == o.text }) else { return }
        outcomes.add(o)
        record(TraceRecord(slot: .text("outcomes"), value: .text(o.kind), rule: rule(), words: .text(o.text)))
    }

    mutating func setWhen(start s: String?, end e: String?, text: String, rule: String) {
        guard !hasDate else { return }
        start = s; end = e
        whenText = whenText.map { $0 + " … " + text } ?? text
        record(TraceRecord(slot: .text("when"), value: .range(s, e), rule: .text(rule), words: .text(text)))
    }

    mutating func setDuration(_ d: Int, text: String) {
        guard duration == nil else { return }
        duration = d
        whenText = whenText.map { $0 + " … " + text } ?? text
        record(TraceRecord(slot: .text("when.duration_days"), value: .int(d), rule: .text("duration"), words: .text(text)))
    }

    /// Empties the draft for the next sentence's frame, keeping its arrays' storage: a frame is
    /// most often absorbed into an earlier draft, and a fresh one allocated each of its slot arrays.
    mutating func reset(type: EventType, weight: Int) {
        self.type = type; self.weight = weight; anchor = ""
        sentences.empty(); organizer.empty(); organizerHomes.empty(); origin.empty(); destinations.empty()
        start = nil; end = nil; duration = nil; whenText = nil
        participants.empty(); activities.empty(); transport.empty(); outcomes.empty(); fairs.empty()
        trace = []      // not emptied in place: absorb may have taken its storage whole
        ownDate = false; relativeDate = false; since = false; another = false; nameOnly = false; caption = false; business = false; workersFrom = false; vehicles = false; diplomatic = false; businessGroup = false; foreignOrigin = false; alive = true
    }

    /// Room for a sentence's traces at the first: one allocation instead of a doubling series.
    private mutating func record(_ t: TraceRecord) {
        if trace.isEmpty { trace.reserveCapacity(8) }
        trace.append(t)
    }

    mutating func addFair(_ f: Int32) {
        if !fairs.contains(f) { fairs.add(f) }
    }

    /// Takes in another draft of the same action (another mention, a continuation); `sentence`:
    /// the sentence of a frame that holds none in `sentences`.
    mutating func absorb(_ o: EventDraft, sentence: Int? = nil) {
        Self.merge(o.sentences, into: &sentences)
        if let s = sentence { Self.merge(s, into: &sentences) }
        weight = max(weight, o.weight)
        business = business || o.business
        workersFrom = workersFrom || o.workersFrom
        vehicles = vehicles || o.vehicles
        caption = caption && o.caption
        diplomatic = diplomatic || o.diplomatic
        businessGroup = businessGroup || o.businessGroup
        foreignOrigin = foreignOrigin || o.foreignOrigin
        for org in o.organizer where !organizer.contains(where: { $0.hasSameName(as: org) }) {
            organizer.add(org)
        }
        for h in o.organizerHomes where !organizerHomes.contains(h) { organizerHomes.add(h) }
        for p in o.origin where !origin.contains(p) { origin.add(p) }
        for d in o.destinations where !destinations.contains(where: { $0.code == d.code && ($0.code != "CN" || $0.name == d.name) }) { destinations.add(d) }
        if !hasDate, o.hasDate { start = o.start; end = o.end; ownDate = o.ownDate }
        // "… concluded on Monday. Held on Nov. 5-10, …": the dates of the whole run
        else if start == nil, o.start != nil, o.end != nil { start = o.start; if end == nil { end = o.end } }
        // "… opened on Saturday. The fair runs until May 5": the later mention gives the end
        else if start != nil, end == nil, o.start == nil, let e = o.end, e >= (start ?? "") { end = e }
        // "The CIFTIS this year …" absorbing "… opened on Sept 2 and runs to Sept 7": the more precise dates
        else if let s = start, let os = o.start, os.count > s.count, os.hasPrefix(s), end == nil { start = os; end = o.end; ownDate = o.ownDate }
        if duration == nil { duration = o.duration }
        if let t = o.whenText, whenText == nil || !Self.contains(whenText ?? "", t) { whenText = whenText.map { $0 + " … " + t } ?? t }
        for p in o.participants where !participants.contains(where: { $0.unit == p.unit }) { participants.add(p) }
        for a in o.activities where !activities.contains(a) { activities.add(a) }
        for t in o.transport where !transport.contains(t) { transport.add(t) }
        for f in o.fairs where !fairs.contains(f) { fairs.add(f) }
        for out in o.outcomes where !outcomes.contains(where: { $0.amount == out.amount && $0.amount != nil || $0.text == out.text }) { outcomes.add(out) }
        // Grown by doubling: reserving the exact count at each absorb reallocated every time.
        if trace.isEmpty { trace = o.trace } else { trace.append(contentsOf: o.trace) }
    }
}

extension EventDraft {
    /// Adds `new` to the sorted, repeat-free `list`, keeping it so. Sentences come in text order, so
    /// most often they go after the last: appended. Otherwise one merge pass. (A search of the list
    /// per sentence, then a sort, made a draft that absorbs thousands of mentions quadratic.)
    static func merge(_ new: [Int], into list: inout [Int]) {
        if new.count == 1 { merge(new[0], into: &list); return }
        let new = new.isSorted ? new : new.sorted()
        guard let first = new.first else { return }
        if list.last.map({ $0 < first }) ?? true {
            for s in new where list.last.map({ $0 < s }) ?? true { list.add(s) }
            return
        }
        var merged: [Int] = []
        merged.reserveCapacity(list.count + new.count)
        var a = 0, b = 0
        while a < list.count || b < new.count {
            let next: Int
            if b == new.count || a < list.count && list[a] <= new[b] { next = list[a]; a += 1 } else { next = new[b]; b += 1 }
            if merged.last != next { merged.append(next) }
        }
        list = merged
    }

    /// One sentence into the sorted, repeat-free `list`, without making an array of it (absorb is
    /// called for most sentences of an article).
    static func merge(_ s: Int, into list: inout [Int]) {
        guard let last = list.last, s <= last else { list.add(s); return }
        var low = 0, high = list.count             // the first element >= s is in low..<high
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < s { low = mid + 1 } else { high = mid }
        }
        if list[low] != s { list.insert(s, at: low) }
    }

    /// `text.contains(part)`. With both plain ASCII without CR (nearly always: date words), every
    /// byte is a Character of its own and Foundation's search finds exactly what a byte search
    /// finds, without bridging to an NSString; anything else (and an empty part) goes to Foundation.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        let bytes: Bool? = text.withUTF8 { x in
            part.withUTF8 { y in
                guard !y.isEmpty, plain(x), plain(y) else { return nil }
                guard y.count <= x.count else { return false }
                for i in 0...(x.count - y.count) where x[i] == y[0] {
                    var k = 1
                    while k < y.count, x[i + k] == y[k] { k += 1 }
                    if k == y.count { return true }
                }
                return false
            }
        }
        return bytes ?? text.contains(part)
    }

    private static func plain(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.firstNonASCII(from: 0) == b.count && !b.contains(0x0D)
    }
}

private extension Array where Element: Comparable {
    var isSorted: Bool { indices.dropFirst().allSatisfy { self[$0 - 1] <= self[$0] } }
}

private extension Array {
    /// Empties, keeping the storage; an empty array is left alone (the call costs more than the check).
    mutating func empty() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }

    /// Appends, making room for a few at the first: a draft holds a few values per slot, and the
    /// doubling series from one element would cost an allocation for each of them.
    mutating func add(_ e: Element) {
        if isEmpty { reserveCapacity(4) }
        append(e)
    }
}
