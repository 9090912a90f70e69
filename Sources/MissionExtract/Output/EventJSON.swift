extension MissionEvent {
    /// The event as one line of JSON (mission-event/1). `article` is the document's article object, already JSON.
    public func json(seq: UInt64?, article: String) -> String {
        // Room for the evidence text at the first: one allocation for the whole line.
        var j = JSONBuffer(capacity: 1024 + article.utf8.count + evidence.reduce(0) { $0 + $1.text.utf8.count * 9 / 8 })
        j.beginObject()
        j.field("schema", "mission-event/1")
        j.field("id", id)
        if let seq { j.key("seq"); j.uint(seq) }
        j.field("type", type.rawValue)
        j.key("article"); j.raw(article)
        if !organizer.isEmpty {
            j.key("organizer"); j.beginArray()
            for o in organizer { j.beginObject(); j.field("name", o.name); j.field("kind", o.kind.rawValue); j.endObject() }
            j.endArray()
        }
        if !origin.isEmpty {
            j.key("origin"); j.beginArray()
            for o in origin { j.beginObject(); j.field("name", o.name); j.field("level", o.level); j.field("country", o.country); j.endObject() }
            j.endArray()
        }
        if !destinations.isEmpty {
            j.key("destinations"); j.beginArray()
            for d in destinations { j.beginObject(); j.field("name", d.name); j.field("code", d.code); j.endObject() }
            j.endArray()
        }
        if !when.isEmpty {
            j.key("when"); j.beginObject()
            j.field("start", when.start)
            j.field("end", when.end)
            if let d = when.durationDays { j.field("duration_days", d) } else { j.field("duration_days", nil as String?) }
            j.field("text", when.text)
            j.endObject()
        }
        if !participants.isEmpty {
            j.key("participants"); j.beginObject()
            for (unit, c) in participants {
                j.key(text: unit); j.beginObject(); j.field("value", c.value); j.field("qualifier", c.qualifier.rawValue); j.endObject()
            }
            j.endObject()
        }
        if !activities.isEmpty { j.key("activities"); j.beginArray(); for a in activities { j.string(a) }; j.endArray() }
        if !transport.isEmpty { j.key("transport"); j.beginArray(); for t in transport { j.string(t) }; j.endArray() }
        if !outcomes.isEmpty {
            j.key("outcomes"); j.beginArray()
            for o in outcomes {
                j.beginObject()
                j.field("kind", o.kind)
                if let a = o.amount {
                    j.key("amount"); j.beginObject(); j.field("value", a.value); j.field("currency", a.currency); j.field("text", a.text); j.endObject()
                }
                if let c = o.count {
                    j.key("count"); j.beginObject(); j.field("value", c.value); j.field("unit", c.unit); j.endObject()
                }
                j.field("text", o.text)
                j.endObject()
            }
            j.endArray()
        }
        j.key("evidence"); j.beginArray()
        for e in evidence { j.beginObject(); j.field("start", e.start); j.field("end", e.end); j.field("text", e.text); j.endObject() }
        j.endArray()
        j.field("confidence", (confidence * 100).rounded() / 100)
        j.endObject()
        return j.string
    }

    /// `--explain`: for each slot value, the rule that produced it and the words it came from.
    public func explainJSON() -> String {
        var j = JSONBuffer(capacity: 512)
        j.beginObject()
        j.field("id", id)
        j.field("type", type.rawValue)
        j.key("slots"); j.beginArray()
        for t in trace {
            j.beginObject(); j.field("slot", t.slot); j.field("value", t.value); j.field("rule", t.rule); j.field("words", t.words); j.endObject()
        }
        j.endArray()
        j.field("confidence", (confidence * 100).rounded() / 100)
        j.endObject()
        return j.string
    }
}
