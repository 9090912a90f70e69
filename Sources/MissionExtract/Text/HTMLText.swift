/// Turns an HTML page into plain text: block elements become line breaks, scripts, styles and
/// navigation disappear, entities are decoded. The <title> is kept aside.
enum HTMLText {
    /// Does this look like HTML rather than text that merely mentions "<"?
    private static let markers: [[UInt8]] = ["html", "!doctype", "body", "p>", "p ", "div", "br", "article", "span"].map { Array($0.utf8) }

    static func looksLikeHTML(_ b: [UInt8]) -> Bool {
        let n = min(b.count, 4096)
        let markers = Self.markers
        return b.withUnsafeBufferPointer { p in
            var i = p.firstIndex(of: UInt8(ascii: "<"), from: 0)      // from one "<" to the next
            while i < n {
                for m in markers where i + m.count < p.count {
                    var ok = true
                    for k in 0..<m.count where TokenKey.lower(p[i + 1 + k]) != m[k] { ok = false; break }
                    if ok { return true }
                }
                i = p.firstIndex(of: UInt8(ascii: "<"), from: i + 1)
            }
            return false
        }
    }

    private static let blockTags: Set<String> = ["p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
                                                 "article", "section", "header", "footer", "blockquote", "figure", "figcaption", "dd", "dt", "hr", "main", "pre"]
    /// Elements whose content is dropped with them.
    private static let dropTags: Set<String> = ["script", "style", "noscript", "nav", "aside", "head", "iframe", "svg", "form", "button", "select"]

    /// Linear in the input whatever it holds: an unclosed "<", "<script>" or "<title>" used to
    /// send a search to the end of the text from each of them (700 KB of "<" took minutes). Every
    /// forward search here goes through a `ForwardSearch`, which never reads a byte twice.
    /// With a `budget`, stops early once it is spent (the caller then refuses the article).
    static func strip(_ b: [UInt8], budget: ExtractionBudget? = nil) -> (text: [UInt8], title: String?) {
        var out: [UInt8] = []
        out.reserveCapacity(b.count / 2)
        var title: String?
        // The <title> sits in <head>, which is dropped below: read it first.
        if let open = find(b, Array("<title".utf8), from: 0, caseInsensitive: true),
           let close = b[open...].firstIndex(of: UInt8(ascii: ">")),
           let end = find(b, Array("</title".utf8), from: close, caseInsensitive: true) {
            title = String(decoding: decodeEntities(Array(b[(close + 1)..<end])), as: UTF8.self).trimmingSpaces()
        }
        var nextClose = ForwardSearch(">"), commentEnd = ForwardSearch("-->"), titleEnd = ForwardSearch("</title", caseInsensitive: true)
        var dropEnds: [String: ForwardSearch] = [:]
        var i = 0, step = 0
        while i < b.count {
            step += 1
            if budget.isOver(atStep: step) { break }
            let c = b[i]
            if c == UInt8(ascii: "<") {
                if i + 4 <= b.count, b[i + 1] == UInt8(ascii: "!"), b[i + 2] == UInt8(ascii: "-"), b[i + 3] == UInt8(ascii: "-") {
                    i = commentEnd.next(in: b, from: i + 4).map { $0 + 3 } ?? b.count
                    continue
                }
                guard let close = nextClose.next(in: b, from: i) else { out.append(c); i += 1; continue }
                let (name, isEnd) = tagName(b, i + 1, close)
                if name == "title", !isEnd, let endTag = titleEnd.next(in: b, from: close) {
                    i = nextClose.next(in: b, from: endTag).map { $0 + 1 } ?? b.count
                    continue
                }
                if dropTags.contains(name), !isEnd, b[close - 1] != UInt8(ascii: "/") {
                    var search = dropEnds[name] ?? ForwardSearch("</" + name, caseInsensitive: true)
                    let endTag = search.next(in: b, from: close)
                    dropEnds[name] = search
                    if let endTag {
                        i = nextClose.next(in: b, from: endTag).map { $0 + 1 } ?? b.count
                        continue
                    }
                }
                if blockTags.contains(name) {
                    out.append(0x0A)
                    if name != "br" && name != "li" && name != "tr" { out.append(0x0A) }
                }
                i = close + 1
                continue
            }
            if c == 0x0A || c == 0x0D || c == 0x09 { out.append(0x20); i += 1; continue }   // HTML source lines are not paragraphs
            out.append(c)
            i += 1
        }
        return (decodeEntities(out), title)
    }

    /// The next occurrence of a needle at or after positions that only grow. It remembers the
    /// last answer: while that lies ahead it is the answer again, and "none after p" stays none,
    /// so all the searches of one text read each byte at most once per needle.
    struct ForwardSearch {
        let needle: [UInt8]
        let caseInsensitive: Bool
        private var searchedFrom = -1
        private var found: Int?

        init(_ needle: String, caseInsensitive: Bool = false) {
            self.needle = Array(needle.utf8)
            self.caseInsensitive = caseInsensitive
        }

        mutating func next(in b: [UInt8], from start: Int) -> Int? {
            precondition(start >= searchedFrom, "ForwardSearch: positions must not go back")
            if searchedFrom >= 0 {
                guard let at = found else { return nil }
                if at >= start { return at }
            }
            searchedFrom = start
            found = HTMLText.find(b, needle, from: start, caseInsensitive: caseInsensitive)
            return found
        }
    }

    private static func tagName(_ b: [UInt8], _ from: Int, _ to: Int) -> (String, Bool) {
        var i = from
        var isEnd = false
        if i < to, b[i] == UInt8(ascii: "/") { isEnd = true; i += 1 }
        var name: [UInt8] = []
        while i < to, Tokenizer.isLetter(b[i]) || Tokenizer.isDigit(b[i]) { name.append(TokenKey.lower(b[i])); i += 1 }
        return (String(decoding: name, as: UTF8.self), isEnd)
    }

    static func find(_ b: [UInt8], _ needle: [UInt8], from: Int, caseInsensitive: Bool = false) -> Int? {
        guard needle.count <= b.count else { return nil }
        if needle.count == 1, !caseInsensitive {       // ">": eight bytes a step
            let at = b.withUnsafeBufferPointer { $0.firstIndex(of: needle[0], from: from) }
            return at < b.count ? at : nil
        }
        var i = from
        while i + needle.count <= b.count {
            var ok = true
            for k in 0..<needle.count {
                let x = caseInsensitive ? TokenKey.lower(b[i + k]) : b[i + k]
                if x != needle[k] { ok = false; break }
            }
            if ok { return i }
            i += 1
        }
        return nil
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "rsquo": "\u{2019}", "lsquo": "\u{2018}",
        "rdquo": "\u{201D}", "ldquo": "\u{201C}", "mdash": "\u{2014}", "ndash": "\u{2013}", "hellip": "\u{2026}", "middot": "\u{00B7}",
        "bull": "\u{2022}", "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "euro": "\u{20AC}", "yen": "\u{00A5}",
        "pound": "\u{00A3}", "deg": "\u{00B0}", "times": "\u{00D7}", "ensp": " ", "emsp": " ", "thinsp": " ", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
    ]

    /// Decodes &name; &#NNN; &#xHH; (unknown entities stay as written).
    static func decodeEntities(_ b: [UInt8]) -> [UInt8] {
        guard b.contains(UInt8(ascii: "&")) else { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "&"), let semi = b[(i + 1)..<min(b.count, i + 12)].firstIndex(of: UInt8(ascii: ";")) {
                let body = String(decoding: b[(i + 1)..<semi], as: UTF8.self)
                var replacement: String?
                if body.hasPrefix("#x") || body.hasPrefix("#X") {
                    replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if body.hasPrefix("#") {
                    replacement = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    replacement = named[body]
                }
                if let r = replacement {
                    out.append(contentsOf: r == "\u{A0}" ? Array(" ".utf8) : Array(r.utf8))
                    i = semi + 1
                    continue
                }
            }
            out.append(b[i])
            i += 1
        }
        return out
    }
}
