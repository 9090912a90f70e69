/// The year a text names last, sentence by sentence: for an article without a publication date,
/// the year of a month and day the text gives without one ("… more than 200 charter flights in
/// 2022. … On December 17, …" is 2022-12-17).
enum TextYear {
    /// For each sentence, the year of the last date with a year at or before its end; nil before any.
    static func lastBySentence(_ doc: Document) -> [String?] {
        var years = [String?](repeating: nil, count: doc.sentences.count)
        var last: String?
        for (i, s) in doc.sentences.enumerated() {
            for e in doc.entities[s.entities] {
                if case .date(let start?, _) = e.value, let y = year(of: start) { last = y }
            }
            years[i] = last
        }
        return years
    }

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
