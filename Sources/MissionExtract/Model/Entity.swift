/// What an entity is; the value it carries.
enum EntityValue: Sendable {
    /// A gazetteer place (index into RuleStore.places); `adjective` for "European", "Chinese".
    case place(Int32, adjective: Bool)
    /// An organisation matched by pattern, resolved to a display name; `place` is the Chinese place
    /// it belongs to (its origin), `media` marks newspapers and agencies.
    case organization(Organizer, place: Int?, media: Bool)
    /// A person with an optional title ("Vice Governor", "director of …").
    case person(name: String, title: String?)
    case money(Amount)
    /// A count with its normalised unit ("enterprises", "people" …) or nil when the noun is unknown.
    case count(value: Double, qualifier: Qualifier, unit: String?)
    /// A date or range resolved against the publication date.
    case date(start: String?, end: String?)
    case duration(days: Int)
}

/// An entity over a run of tokens, with the name of the rule that found it.
struct Entity: Sendable {
    var value: EntityValue
    var tokens: Range<Int>
    var rule: String
    /// For `rule` "org": the organizations.tsv pattern (RuleStore.organizations.source(ofPattern:)).
    /// Kept as an index: spelling out "org: <pattern>" per entity cost an allocation that no one read.
    var pattern: Int32 = -1
    /// A date counted from the one mentioned before it ("On the 21st"): the event's date is relative.
    var relativeDay = false

    var isPlace: Bool { if case .place = value { return true } else { return false } }
    var isOrganization: Bool { if case .organization = value { return true } else { return false } }
}
