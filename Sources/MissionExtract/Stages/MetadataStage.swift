/// Title and publication date. Tokenizes the text once; later stages reuse the tokens.
///
/// Publication date, first found wins: the intake's metadata frame, the JSON envelope, a labelled
/// date ("date 2022-12-26", "Post time: Dec-28-2022", "Updated: 2023-03-20 09:41"), a date alone on
/// a line ("2020-10-28 11:13:13"), a dateline ("BEIJING, Dec. 7 (Xinhua) --", "Hangzhou, December 7th
/// (Reporter …)"). A dateline carries no year: "--12-07". The dateline's span is remembered so that
/// no event reads its place or date.
struct MetadataStage: ExtractionStage {
    let name = "metadata"
    static let colon = TokenKey.of(":")
    let rules: RuleStore

    init(rules: RuleSet) { self.rules = rules.store }

    func run(_ doc: inout Document) throws(ArticleRejection) {
        doc.tokens = Tokenizer.tokenize(doc.bytes, tables: rules.tokenTables, budget: doc.budget)
        try doc.budget?.check(stage: name)
        doc.language = Self.language(doc.tokens)
        let fromInput = [doc.input.published, doc.envelopePublished].compactMap { $0 }.compactMap { DateParts(iso: $0)?.iso }.first
        let (labelled, dateline, sourceLine) = scanText(doc.tokens, doc.bytes)
        // A date on a byline or source line that the clean stage removed
        var removed: String?
        if fromInput == nil, labelled == nil, !doc.furnitureLines.isEmpty {
            let tokens = Tokenizer.tokenize(doc.furnitureLines, tables: rules.tokenTables)
            removed = scanText(tokens, doc.furnitureLines).labelled
        }
        // "中新社义乌三月六日电": a Chinese wire dateline (its date, and where it stands)
        let chineseDateline = doc.isChinese && dateline == nil ? chineseDateline(doc) : nil
        // A first line that opens with a dateline is the first paragraph, not a title (a Chinese
        // one opens with the agency and the place, "新华社海口12月12日电").
        let opensWithDateline = dateline?.range.lowerBound == 0 || chineseDateline.map { $0.start <= Self.chineseDatelineStart } == true
        doc.title = doc.envelopeTitle ?? (opensWithDateline ? nil : firstLineTitle(doc))
        doc.published = fromInput ?? labelled ?? removed ?? (dateline?.date?.hasPrefix("--") == false ? dateline?.date : nil)
            ?? sourceLine ?? dateline?.date.map { withYear($0, from: yearNear(doc.tokens, doc.bytes)) }
        // A stored page's leading " date 2023-08-20 " is no date of the story that may run on after it
        // on the same line: skipped like a dateline.
        // "中新社义乌三月六日电": a Chinese wire dateline, its day of the publication's year when one is known
        // (only its date: the dateline runs on into the story's first sentence, whose places are the story's)
        if doc.published == nil, let d = chineseDateline { doc.published = d.date.iso }
        doc.dateline = dateline?.range ?? Self.storedDateLabel(doc.bytes.prefix(24).map(TokenKey.lower)).map { 0..<($0 - 1) }
    }

    /// How many tokens an agency and place may take before a Chinese dateline's date ("中新社香港").
    static let chineseDatelineStart = 10

    private func chineseDateline(_ doc: Document) -> (date: DateParts, start: Int)? {
        doc.withBuffers { text in
            let ctx = text.context(limit: text.tokens.count)
            return ChineseDateFinder(finder: DateFinder(rules: rules, ctx: ctx, published: nil)).dateline(within: ChineseDateFinder.datelineReach)
        }
    }

    /// Chinese when Chinese characters outnumber the other words: a character carries about as much
    /// as an English word, and a Chinese page with English names ("AFF", "CIIE") stays Chinese.
    static func language(_ tokens: [Token]) -> String {
        var chinese = 0, other = 0
        for t in tokens where t.kind == .word { if t.isIdeograph { chinese += 1 } else { other += 1 } }
        return chinese > other ? "zh" : "en"
    }

    /// A dateline's "--09-07" in the year of a dated line near it (a December date above a January
    /// dateline is of the year before).
    private func withYear(_ iso: String, from near: DateParts?) -> String {
        guard iso.hasPrefix("--"), var d = DateParts(iso: iso), let y = near?.year, let m = d.month else { return iso }
        d.year = (near?.month ?? m) > m + 6 ? y + 1 : y
        return d.iso ?? iso
    }

    /// The first line, without "date 2022-12-26" or "Original title:" in front, when it reads like a title.
    private func firstLineTitle(_ doc: Document) -> String? {
        guard let nl = doc.bytes.firstIndex(of: 0x0A) ?? (doc.bytes.isEmpty ? nil : doc.bytes.count) else { return nil }
        if doc.bytes[..<nl].allSatisfy({ $0 < 0x80 }) { return asciiTitle(doc.bytes[..<nl]) }
        var line = Substring(doc.slice(0..<nl))
        // Both labels end in "title:", which the Unicode lower case can only hold where the bytes,
        // A–Z folded, do (no other capital lowers to t, i, l or e alone). Most lines lack it: they
        // skip the lower-casing and Foundation's search, which bridges the line to an NSString.
        if Self.containsFolded(doc.bytes[..<nl], "title:") {
            let lower = line.lowercased()
            if lower.hasPrefix("date "), let title = lower.range(of: "title:") {
                line = line[title.upperBound...]
            } else if let r = lower.range(of: "original title:") {
                line = line[line.index(line.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.upperBound))...]
            }
        }
        let t = line.trimmingSpaces()
        guard !t.isEmpty, t.count <= 250, !(t.hasSuffix(".") && t.count > 120) else { return nil }
        return t
    }

    /// The length of a stored page's leading date label, " date 2023-01-30 " (spaces included),
    /// that runs on into the page's first line: the date is the publication date, not the title.
    static func storedDateLabel(_ lower: [UInt8]) -> Int? {
        var i = 0
        while i < lower.count, lower[i] == 0x20 { i += 1 }
        let shape = Array("date dddd-dd-dd ".utf8)
        guard lower.count - i >= shape.count else { return nil }
        for (k, c) in shape.enumerated() {
            let b = lower[i + k]
            guard c == UInt8(ascii: "d") && k >= 5 ? (0x30...0x39).contains(b) : b == c else { return nil }
        }
        return i + shape.count
    }

    /// Do the bytes, A–Z folded, contain the lower-case ASCII `word`?
    static func containsFolded(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool { firstFolded(bytes, word) != nil }

    /// Where the lower-case ASCII `word` first occurs in the bytes, A–Z folded: an offset from their
    /// start. A byte loop: the generic firstRange(of:) cost ~4 % of all extraction on long first lines.
    static func firstFolded(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Int? {
        word.withUTF8Buffer { w in
            guard bytes.count >= w.count else { return nil }
            var i = bytes.startIndex
            while i + w.count <= bytes.endIndex {
                var k = 0
                while k < w.count, TokenKey.lower(bytes[i + k]) == w[k] { k += 1 }
                if k == w.count { return i - bytes.startIndex }
                i += 1
            }
            return nil
        }
    }

    /// firstLineTitle for a plain ASCII line (nearly every one), on bytes: one Character per byte
    /// (no CR LF inside a line), lower case is A–Z folded.
    private func asciiTitle(_ line: ArraySlice<UInt8>) -> String? {
        let lower = line.map(TokenKey.lower)
        func find(_ word: StaticString) -> Int? { Self.firstFolded(lower[...], word) }
        var start = line.startIndex, end = line.endIndex
        if lower.starts(with: "date ".utf8), let t = find("title:") { start += t + 6 }
        else if let t = find("original title:") { start += t + 15 }
        else if let n = Self.storedDateLabel(lower) { start += n }
        let space: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        while start < end, space(line[start]) { start += 1 }
        while end > start, space(line[end - 1]) { end -= 1 }
        let n = end - start
        guard n > 0, n <= 250, !(line[end - 1] == UInt8(ascii: ".") && n > 120) else { return nil }
        return String(decoding: line[start..<end], as: UTF8.self)
    }

    /// The first date with a year and month in the first four lines ("Photo taken on Sept. 6, 2021 …"
    /// above "BEIJING, Sept. 7 (Xinhua) --"): the year a dateline lacks. Read only for such a dateline.
    private func yearNear(_ tokens: [Token], _ bytes: [UInt8]) -> DateParts? {
        TextBuffers.lend(tokens: tokens, bytes: bytes) { text in
            let tp = text.tokens, bp = text.bytes
            let reader = DateReader(months: rules.months, ordinals: rules.lexicon.ordinalSuffixes, tokens: tp, bytes: bp, limit: tp.count)
            var i = 0, lineIndex = 0
            while i < tp.count, lineIndex < 4 {
                var j = i + 1
                while j < tp.count, !tp[j].newlineBefore { j += 1 }
                for k in i..<min(j, i + 80) {
                    if let (d, _) = reader.read(at: k), d.year != nil, d.month != nil { return d }
                }
                lineIndex += 1
                i = j
            }
            return nil
        }
    }

    /// Labelled or stand-alone dates in short lines, and the dateline of the first paragraphs.
    private func scanText(_ tokens: [Token], _ bytes: [UInt8]) -> (labelled: String?, dateline: (date: String?, range: Range<Int>)?, sourceLine: String?) {
        TextBuffers.lend(tokens: tokens, bytes: bytes) { text in
            let tp = text.tokens, bp = text.bytes
            let ctx = text.context(limit: tp.count)
            let reader = DateReader(months: rules.months, ordinals: rules.lexicon.ordinalSuffixes, tokens: tp, bytes: bp, limit: tp.count)
            var labelled: String?
            var dateline: (date: String?, range: Range<Int>)?
            var sourceLine: String?
            var lineIndex = 0
            var i = 0
            while i < tp.count {
                // One line at a time: tokens i..<j.
                var j = i + 1
                while j < tp.count, !tp[j].newlineBefore { j += 1 }
                let lineBytes = Int(tp[j - 1].end) - Int(tp[i].start)
                if labelled == nil {
                    labelled = labelledDate(i, j, lineBytes, ctx, reader)
                        ?? (lineIndex < 6 ? headerDate(i, j, lineBytes, tp, reader) : nil)
                }
                if dateline == nil, lineIndex < 4, j - i > 8 {
                    dateline = datelineAt(i, min(j, i + 16), tp, reader)
                }
                // the last one wins: a source line closes the article
                if lineIndex > 0, let d = sourceLineDate(i, j, lineBytes, tp, reader) { sourceLine = d }
                lineIndex += 1
                i = j
            }
            return (labelled, dateline, sourceLine)
        }
    }

    private func labelledDate(_ i: Int, _ j: Int, _ lineBytes: Int, _ ctx: MatchContext, _ reader: DateReader) -> String? {
        // "2020-10-28 11:13:13" alone on its line
        if lineBytes <= 40, let (d, _) = reader.read(at: i), d.year != nil, d.month != nil {
            return d.iso
        }
        // A label in the first three tokens of the line (anywhere in a short byline line:
        // "By … | chinadaily.com.cn | Updated: 2023-03-20 09:41"), then a dated form within four tokens.
        var lctx = ctx
        lctx.limit = j
        for k in i..<min(j, lineBytes <= 120 ? j : i + 3) {
            guard let cue = rules.cues.longest(at: k, lctx), cue.label == .dateLabel else { continue }
            var m = cue.end
            while m < min(j, cue.end + 4) {
                if let (d, _) = reader.read(at: m), d.year != nil, d.month != nil { return d.iso }
                m += 1
            }
        }
        return nil
    }

    /// A complete date (year, month, day) in a short line near the top that is no sentence:
    /// "Source: Xinhua | 2023-02-08 20:13:45 | Editor: …", "Tuesday, 14 Mar 2023",
    /// "By Liu Ning (People's Daily Online) 14:26, June 12, 2023".
    private func headerDate(_ i: Int, _ j: Int, _ lineBytes: Int, _ tp: UnsafeBufferPointer<Token>, _ reader: DateReader) -> String? {
        guard lineBytes <= 120, tp[j - 1].key != DateReader.dot else { return nil }
        for k in i..<j {
            if let (d, _) = reader.read(at: k), d.year != nil, d.month != nil, d.day != nil { return d.iso }
        }
        return nil
    }

    /// "(Xinhua News Agency March 8, 2009)", "(Source: China Daily, 2023-05-04)": a short line in
    /// parentheses with a complete date, where some sites put the source and date under the story.
    private func sourceLineDate(_ i: Int, _ j: Int, _ lineBytes: Int, _ tp: UnsafeBufferPointer<Token>, _ reader: DateReader) -> String? {
        guard lineBytes <= 100, j - i >= 4, tp[i].key == NumberReader.open, tp[j - 1].key == NumberReader.close else { return nil }
        for k in (i + 1)..<(j - 1) {
            if let (d, _) = reader.read(at: k), d.year != nil, d.month != nil, d.day != nil { return d.iso }
        }
        return nil
    }

    /// "[Agency,] City, Month Day[th] (…)" or "CITY, Mon. D (Xinhua) --" at a paragraph start.
    private func datelineAt(_ i: Int, _ limit: Int, _ tp: UnsafeBufferPointer<Token>, _ reader: DateReader) -> (date: String?, range: Range<Int>)? {
        for k in i..<limit {
            guard k > i, tp[k - 1].key == DateReader.comma, let (d, after) = reader.read(at: k), d.month != nil, d.day != nil else { continue }
            var end = after
            let open = NumberReader.open, close = NumberReader.close
            if end < tp.count, tp[end].key == open {
                while end < tp.count, end - after < 12, tp[end].key != close { end += 1 }
                guard end < tp.count, tp[end].key == close else { return nil }
                end += 1
            }
            while end < tp.count, tp[end].key == DateReader.dash || tp[end].key == Self.colon { end += 1 }
            guard end > after else { return nil }       // a date in running text, not a dateline
            return (d.iso, Int(tp[i].start)..<Int(tp[end - 1].end))
        }
        return nil
    }
}
