/// The name an organisation pattern gives its match (organizations.tsv, third column):
/// "{province} Provincial Department of Commerce", with {province} or {city} standing for the
/// place the text is about. Split once when the rules load; filling it is a concatenation.
struct NameTemplate: Sendable {
    private var parts: [(text: String, isPlace: Bool)] = []
    /// The place is the city (else the province) the text is about.
    let usesCity: Bool
    /// A fixed display name ("commerce ministry" → "Ministry of Commerce") names no place.
    let hasPlace: Bool
    /// A Chinese name ("{city}商务局") takes the place's Chinese name ("镇江市").
    let chinese: Bool

    init(_ template: String) {
        chinese = template.unicodeScalars.contains(where: Tokenizer.isIdeograph)
        usesCity = template.contains("{city}")
        hasPlace = usesCity || template.contains("{province}")
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let tail = rest[open...]
            guard let slot = ["{province}", "{city}"].first(where: { tail.hasPrefix($0) }) else {
                parts.append((String(rest[...open]), false)); rest = rest[rest.index(after: open)...]; continue
            }
            parts.append((String(rest[..<open]), false))
            parts.append(("", true))
            rest = tail.dropFirst(slot.count)
        }
        parts.append((String(rest), false))
    }


    func filled(with place: String) -> String {
        var name = ""
        for p in parts { name += p.isPlace ? place : p.text }
        return name
    }
}
