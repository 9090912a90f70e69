/// Hand-written JSON output into a byte buffer: no reflection, correct escaping.
struct JSONBuffer {
    var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() { separator(); bytes.append(UInt8(ascii: "{")); needsComma.append(false) }
    mutating func endObject() { bytes.append(UInt8(ascii: "}")); needsComma.removeLast() }
    mutating func beginArray() { separator(); bytes.append(UInt8(ascii: "[")); needsComma.append(false) }
    mutating func endArray() { bytes.append(UInt8(ascii: "]")); needsComma.removeLast() }

    /// Writes `"key":`; the value call that follows must not add a comma.
    mutating func key(_ k: String) {
        separator()
        appendQuoted(k)
        bytes.append(UInt8(ascii: ":"))
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    mutating func string(_ s: String) { separator(); appendQuoted(s) }
    mutating func raw(_ json: String) { separator(); bytes.append(contentsOf: json.utf8) }
    mutating func null() { separator(); bytes.append(contentsOf: "null".utf8) }
    mutating func bool(_ b: Bool) { separator(); bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func int(_ v: Int) { separator(); bytes.append(contentsOf: String(v).utf8) }
    mutating func uint(_ v: UInt64) { separator(); bytes.append(contentsOf: String(v).utf8) }

    /// Numbers: integers without a fraction, others with up to 6 decimals, trailing zeros trimmed.
    mutating func number(_ v: Double) {
        separator()
        if v.isNaN || v.isInfinite { bytes.append(contentsOf: "null".utf8); return }
        if v == v.rounded(), abs(v) < 9.0e15 { bytes.append(contentsOf: String(Int64(v)).utf8); return }
        var s = String(Int64((v * 1_000_000).rounded()))
        let neg = s.hasPrefix("-")
        if neg { s.removeFirst() }
        while s.count < 7 { s = "0" + s }
        var frac = String(s.suffix(6)); let whole = String(s.dropLast(6))
        while frac.hasSuffix("0") { frac.removeLast() }
        bytes.append(contentsOf: ((neg ? "-" : "") + whole + (frac.isEmpty ? "" : "." + frac)).utf8)
    }

    mutating func field(_ k: String, _ v: String?) { key(k); if let v { appendQuoted(v) } else { bytes.append(contentsOf: "null".utf8) }; markValue() }
    mutating func field(_ k: String, _ v: Int) { key(k); bytes.append(contentsOf: String(v).utf8); markValue() }
    mutating func field(_ k: String, _ v: Double) { key(k); number(v); markValue() }

    private mutating func markValue() { if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true } }

    private mutating func separator() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func appendQuoted(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(b)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(b >> 4)]); bytes.append(Self.hex[Int(b & 15)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
