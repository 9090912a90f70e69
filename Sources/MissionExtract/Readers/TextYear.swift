/// The year a text names last, sentence by sentence: for an article without a publication date,
/// the year of a month and day the text gives without one ("… more than 200 charter flights in
/// 2022. … On December 17, …" is 2022-12-17).
enum TextYear {
    /// For each sentence, the year of the last date with a year at or before its end; nil before any.
    /// A year that is part of a name counts too: "the 2012 (Hong Kong) Tai'an Key Industries Seminar",
    /// "China Homelife Show 2017", "The 2020 Promotion Conference" (no date entity of its own).
    static func lastBySentence(_ doc: Document) -> [String?] {
        var years = [String?](repeating: nil, count: doc.sentences.count)
        var last: String?
        for (i, s) in doc.sentences.enumerated() {
            var dated = -1              // the token where the last date entity with a year ends
            for e in doc.entities[s.entities] {
                if case .date(let start?, _) = e.value, let y = year(of: start) { last = y; dated = e.tokens.upperBound }
            }
            // a name's year after the sentence's last dated entity is the text's latest year
            for k in s.tokens where k >= dated {
                if let y = nameYear(at: k, doc) { last = y }
            }
            years[i] = last
        }
        return years
    }

    /// A four-digit year 1980–2039 written into a name: after "the" or a capitalised word, and
    /// before a capitalised word or a bracket, or closing a capitalised name ("Show 2017").
    private static func nameYear(at k: Int, _ doc: Document) -> String? {
        let t = doc.tokens[k]
        guard t.kind == .number, t.end - t.start == 4 else { return nil }
        let digits = doc.bytes[Int(t.start)..<Int(t.end)]
        guard digits.allSatisfy({ (0x30...0x39).contains($0) }), let n = Int(String(decoding: digits, as: UTF8.self)),
              (1980...2039).contains(n) else { return nil }
        let before = k > 0 ? doc.tokens[k - 1] : nil, after = k + 1 < doc.tokens.count ? doc.tokens[k + 1] : nil
        let nameBefore = before.map { $0.capitalized || $0.key == the } ?? false
        let nameAfter = after.map { $0.capitalized || $0.key == openBracket } ?? false
        let closesName = before?.capitalized == true && (after.map { $0.kind == .punct || !$0.capitalized && wordsAfterName.contains($0.key) } ?? true)
        return nameBefore && nameAfter || closesName ? String(n) : nil
    }

    private static let the = TokenKey.of("the"), openBracket = TokenKey.of("(")
    /// "the China Homelife Show 2019 in Warsaw", "… Expo 2020 was": a name goes on to its verb or place.
    private static let wordsAfterName = KeySet(keys: ["in", "at", "on", "was", "is", "will", "and", "has", "opened", "held", "kicked"].map { TokenKey.of($0) })

    /// "--12-17" in the year `year`; a date that has its own year is left as it is.
    static func fill(_ iso: String?, year: String?) -> String? {
        guard let iso, let year, iso.hasPrefix("--") else { return iso }
        return year + iso.dropFirst(1)
    }

    private static func year(of iso: String) -> String? {
        let digits = iso.utf8.prefix(4)
        guard digits.count == 4, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return String(iso.prefix(4))
    }
}
