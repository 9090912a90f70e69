/// Removes page furniture line by line (share buttons, "Others Also Read" and the headlines after it,
/// "Follow us on …", photo captions, bylines, tag lists) and tidies white space: one blank line
/// between paragraphs, no leading or trailing spaces on a line.
struct PageFurniture {
    private let share: [[UInt8]]
    private let tail: [[UInt8]]
    private let prefix: [[UInt8]]
    private let credit: [[UInt8]]
    /// By byte: does a share, tail or prefix rule start with it (folded)? Most lines start with none.
    private let firstBytes: [Bool]

    init(rules: RuleSet.Furniture) {
        share = rules.share.map { Array($0.utf8) }
        tail = rules.tail.map { Array($0.utf8) }
        prefix = rules.prefix.map { Array($0.utf8) }
        credit = rules.credit.map { Array($0.utf8) }
        var first = [Bool](repeating: false, count: 256)
        for w in share + tail + prefix {
            guard let b = w.first else { first = [Bool](repeating: true, count: 256); break }   // "" matches any line
            first[Int(TokenKey.lower(b))] = true
        }
        firstBytes = first
    }

    func clean(_ bytes: [UInt8]) -> [UInt8] {
        var dropped: [UInt8] = []
        return clean(bytes, dropped: &dropped)
    }

    /// Also hands back the dropped lines (bylines, "Source: … | 2023-05-22"), one per line, for the
    /// publication date they may carry.
    func clean(_ bytes: [UInt8], dropped: inout [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { clean($0, &dropped) }
    }

    private func clean(_ b: UnsafeBufferPointer<UInt8>, _ dropped: inout [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var pendingBlank = false
        // A headline list ("Related News") closes a story only after one: before the first paragraph
        // it is navigation above the story, and only its own line goes.
        var storySeen = false
        var lineStart = 0
        while lineStart <= b.count {
            var lineEnd = lineStart
            while true {                   // to the next CR or LF, skipping plain bytes eight at a time
                lineEnd = b.firstControl(from: lineEnd)
                guard lineEnd < b.count, b[lineEnd] != 0x0A, b[lineEnd] != 0x0D else { break }
                lineEnd += 1
            }
            let next = lineEnd < b.count && b[lineEnd] == 0x0D && lineEnd + 1 < b.count && b[lineEnd + 1] == 0x0A ? lineEnd + 2 : lineEnd + 1
            var (s, e) = trim(b, lineStart, lineEnd)
            s = pastShareButtons(b, s, e)
            if s == e {
                pendingBlank = !out.isEmpty
            } else {
                switch verdict(b, s, e) {
                case .keep:
                    if !out.isEmpty { out.append(0x0A); if pendingBlank { out.append(0x0A) } }
                    out.append(contentsOf: b[s..<e])
                    pendingBlank = false
                    if Self.isSentenceLine(b, s, e) { storySeen = true }
                case .drop:
                    if !dropped.isEmpty { dropped.append(0x0A) }
                    dropped.append(contentsOf: b[s..<e])
                case .dropRest:
                    if storySeen { return out }
                    if !dropped.isEmpty { dropped.append(0x0A) }
                    dropped.append(contentsOf: b[s..<e])
                }
            }
            lineStart = next
        }
        return out
    }

    enum Verdict { case keep, drop, dropRest }

    /// A line of the story: 60 bytes or more ending a sentence (". ! ?" or a closing quote).
    static func isSentenceLine(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 60 else { return false }
        let last = b[e - 1]
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || last == UInt8(ascii: "\"")
            || e - s >= 3 && b[e - 3] == 0xE2 && b[e - 2] == 0x80 && b[e - 1] == 0x9D
    }

    /// Rule words are lower-case; the line is compared with its ASCII letters folded, byte by byte.
    func verdict(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Verdict {
        guard e - s < 400 else { return .keep }            // furniture lines are short
        let line = UnsafeBufferPointer(rebasing: b[s..<e])
        var k = 0                                          // skip bullets: • · * - – — | >
        while k < line.count {
            let c = line[k]
            if c == 0x20 || c == UInt8(ascii: "*") || c == UInt8(ascii: "-") || c == UInt8(ascii: "|") || c == UInt8(ascii: ">") { k += 1; continue }
            if c == 0xE2, k + 2 < line.count, line[k + 1] == 0x80, [0xA2, 0x93, 0x94].contains(line[k + 2]) { k += 3; continue }
            if c == 0xC2, k + 1 < line.count, line[k + 1] == 0xB7 { k += 2; continue }
            break
        }
        let bare = line[k...]
        if bare.isEmpty { return .drop }
        if firstBytes[Int(TokenKey.lower(bare.first!))] || firstBytes[Int(TokenKey.lower(line[0]))] {
            if share.contains(where: { Self.foldedEqual(bare, $0[...]) }) { return .drop }
            // A link line inside the story ("Read more: <headline>") is dropped alone: its prefix row,
            // followed by text, wins over the bare marker that starts a headline list.
            if prefix.contains(where: { $0.count < line.count && Self.foldedEqual(line[..<$0.count], $0[...]) }) { return .drop }
            if e - s < 80, tail.contains(where: { $0.count <= line.count && Self.foldedEqual(line[..<$0.count], $0[...]) }) { return .dropRest }
            if prefix.contains(where: { $0.count <= line.count && Self.foldedEqual(line[..<$0.count], $0[...]) }) { return .drop }
        }
        if isCaption(line) || isByline(b, s, e) || isTagList(line) { return .drop }
        return .keep
    }

    /// "Print PrintDelegations from Jinan …": share buttons of four letters or more, capitalised, at the
    /// start of a story line, with a space or glued to the capital of the next word; the story starts after them.
    private func pastShareButtons(_ b: UnsafeBufferPointer<UInt8>, _ s0: Int, _ e: Int) -> Int {
        var s = s0
        func isCapital(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
        while s < e, isCapital(b[s]) {
            guard let w = share.first(where: { $0.count >= 4 && s + $0.count + 1 < e && Self.foldedEqual(b[s..<(s + $0.count)], $0[...]) }) else { break }
            var k = s + w.count
            if b[k] == 0x20 { k += 1 }
            guard k < e, isCapital(b[k]) else { break }
            s = k
        }
        return s
    }

    /// The bytes equal the lower-case word once ASCII letters are folded.
    private static func foldedEqual(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ word: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == word.count else { return false }
        var i = bytes.startIndex, j = word.startIndex
        while i < bytes.endIndex {
            if TokenKey.lower(bytes[i]) != word[j] { return false }
            i += 1; j += 1
        }
        return true
    }

    /// "Expansion drive: Workers produce furniture … — AFP": a short label, a colon, a credit at the end.
    private func isCaption(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line[0] >= 65 && line[0] <= 90 else { return false }
        let colon = line.firstIndex(of: UInt8(ascii: ":"), from: 0)
        guard colon < line.count else { return false }
        var labelWords = 0                                 // runs of bytes other than spaces before the colon
        for k in 0..<colon where line[k] != 0x20 && (k == 0 || line[k - 1] == 0x20) {
            labelWords += 1
            if labelWords > 5 { return false }
        }
        guard labelWords >= 1 else { return false }
        var end = line.count
        if line.last == UInt8(ascii: ")") { end -= 1 }
        for c in credit where end >= c.count && Self.foldedEqual(line[(end - c.count)..<end], c[...]) {
            let before = line[..<(end - c.count)].suffix(12).map(TokenKey.lower)
            let t = String(decoding: before, as: UTF8.self)
            if t.hasSuffix("— ") || t.hasSuffix("– ") || t.hasSuffix("- ") || t.hasSuffix("/") || t.hasSuffix("(") || t.hasSuffix("photo: ") || t.hasSuffix("photo by ") {
                return true
            }
        }
        return false
    }

    /// "By Zhang Wei" or "By Zhang Wei and Li Na | China Daily".
    private func isByline(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s > 3, b[s] == UInt8(ascii: "B"), TokenKey.lower(b[s + 1]) == UInt8(ascii: "y"), b[s + 2] == 0x20 else { return false }
        return b[s..<e].split(separator: 0x20).count <= 8 && b[e - 1] != UInt8(ascii: ".")
    }

    /// "Wenzhou , China , export , trade": keyword tags.
    private func isTagList(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.last != UInt8(ascii: "."), line.count > 3 else { return false }
        var spacedComma = false
        for k in 1..<(line.count - 1) where line[k] == UInt8(ascii: ",") && line[k - 1] == 0x20 && line[k + 1] == 0x20 { spacedComma = true; break }
        guard spacedComma else { return false }
        let parts = line.split(separator: UInt8(ascii: ","))
        return parts.count >= 3 && parts.allSatisfy { $0.split(separator: 0x20).count <= 3 }
    }

    private func trim(_ b: UnsafeBufferPointer<UInt8>, _ s0: Int, _ e0: Int) -> (Int, Int) {
        var s = s0, e = e0
        func spaceAt(_ i: Int) -> Int {        // length of a space sequence at i, or 0
            if b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0C { return 1 }
            if b[i] == 0xC2, i + 1 < e0, b[i + 1] == 0xA0 { return 2 }
            if b[i] == 0xE3, i + 2 < e0, b[i + 1] == 0x80, b[i + 2] == 0x80 { return 3 }
            return 0
        }
        while s < e { let n = spaceAt(s); if n == 0 { break }; s += n }
        while e > s {
            if b[e - 1] == 0x20 || b[e - 1] == 0x09 || b[e - 1] == 0x0C { e -= 1; continue }
            if e - 2 >= s, b[e - 2] == 0xC2, b[e - 1] == 0xA0 { e -= 2; continue }
            break
        }
        return (s, e)
    }
}
