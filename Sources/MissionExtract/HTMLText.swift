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

    static func strip(_ b: [UInt8]) -> (text: [UInt8], title: String?) {
        var out: [UInt8] = []
        out.reserveCapacity(b.count / 2)
        var title: String?
        // The <title> sits in <head>, which is dropped below: read it first.
        if let open = find(b, Array("<title".utf8), from: 0, caseInsensitive: true),
           let close = b[open...].firstIndex(of: UInt8(ascii: ">")),
           let end = find(b, Array("</title".utf8), from: close, caseInsensitive: true) {
            title = String(decoding: decodeEntities(Array(b[(close + 1)..<end])), as: UTF8.self).trimmingSpaces()
        }
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "<") {
                if b[i...].starts(with: Array("<!--".utf8)) {
                    i = find(b, Array("-->".utf8), from: i + 4).map { $0 + 3 } ?? b.count
                    continue
                }
                guard let close = b[i...].firstIndex(of: UInt8(ascii: ">")) else { out.append(c); i += 1; continue }
                let (name, isEnd) = tagName(b, i + 1, close)
                if name == "title", !isEnd, let endTag = find(b, Array("</title".utf8), from: close, caseInsensitive: true) {
                    i = b[endTag...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? b.count
                    continue
                }
                if dropTags.contains(name), !isEnd, b[close - 1] != UInt8(ascii: "/") {
                    if let endTag = find(b, Array("</\(name)".utf8), from: close, caseInsensitive: true) {
                        i = b[endTag...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? b.count
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
