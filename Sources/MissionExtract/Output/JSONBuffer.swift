/// Hand-written JSON output into a byte buffer: no reflection, correct escaping.
/// The bytes go into memory of its own rather than an [UInt8]: an array append checks uniqueness
/// (a runtime call) and capacity per byte, here a byte is a capacity test and a store. Strings are
/// copied in runs: most text needs no escaping. Not copyable: it owns (and frees) that memory.
struct JSONBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// One bit per open object or array, innermost lowest: set once it holds a value (the next needs a comma).
    private var needsComma: UInt64 = 0
    private var depth = 0

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var string: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func open(_ bracket: UInt8) {
        separator()
        put(bracket)
        precondition(depth < 64, "JSONBuffer: nested too deep")
        needsComma <<= 1
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        put(bracket)
        precondition(depth > 0, "JSONBuffer: close without open")
        needsComma >>= 1
        depth -= 1
    }

    /// Writes `"key":`; the value call that follows must not add a comma. Literal keys are plain
    /// schema names, copied without escaping; `key(text:)` takes one made at run time.
    mutating func key(_ k: StaticString) {
        separator()
        k.withUTF8Buffer { k in
            assert(k.firstJSONEscape(from: 0) == k.count, "a literal JSON key that needs escaping")
            reserve(k.count + 3)
            base[count] = UInt8(ascii: "\"")
            if let from = k.baseAddress { (base + count + 1).initialize(from: from, count: k.count) }
            base[count + 1 + k.count] = UInt8(ascii: "\"")
            base[count + 2 + k.count] = UInt8(ascii: ":")
            count += k.count + 3
        }
        needsComma &= ~1
    }

    mutating func key(text k: String) {
        separator()
        appendQuoted(k)
        put(UInt8(ascii: ":"))
        needsComma &= ~1
    }

    mutating func string(_ s: String) { separator(); appendQuoted(s) }
    mutating func raw(_ json: String) { separator(); appendUTF8(json) }
    mutating func null() { separator(); appendASCII("null") }
    mutating func bool(_ b: Bool) { separator(); appendASCII(b ? "true" : "false") }
    mutating func int(_ v: Int) { separator(); appendDecimal(v) }
    mutating func uint(_ v: UInt64) { separator(); appendDecimal(v) }

    /// Numbers: integers without a fraction, others with up to 6 decimals, trailing zeros trimmed.
    /// Any finite magnitude: "9000 trillion yuan" is 9e15, and text can hold larger numbers still.
    mutating func number(_ v: Double) {
        separator()
        if v.isNaN || v.isInfinite { appendASCII("null"); return }
        if v == v.rounded(), let whole = Int64(exactly: v) { appendDecimal(Int(whole)); return }
        // Millionths fit an Int64 below 9.2e12; beyond that a Double has few fractional digits left
        // and its shortest round-trip text ("1e+300", "9200000000000.5") is valid JSON as it is.
        guard abs(v) < Self.largestInMillionths else { appendUTF8(v.description); return }
        // Millionths, written as <whole>.<six digits less trailing zeros>.
        let m = Int64((v * 1_000_000).rounded())
        if m < 0 { put(UInt8(ascii: "-")) }
        let whole = m.magnitude / 1_000_000
        var frac = m.magnitude % 1_000_000
        appendDecimal(whole)
        guard frac != 0 else { return }
        var digits = 6
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        put(UInt8(ascii: "."))
        appendDigits(frac, count: digits)
    }

    mutating func field(_ k: StaticString, _ v: String?) { key(k); if let v { appendQuoted(v) } else { appendASCII("null") }; markValue() }
    mutating func field(_ k: StaticString, _ v: Int) { key(k); appendDecimal(v); markValue() }
    mutating func field(_ k: StaticString, _ v: Double) { key(k); number(v); markValue() }

    private mutating func markValue() { if depth > 0 { needsComma |= 1 } }

    private mutating func separator() {
        guard depth > 0 else { return }
        if needsComma & 1 != 0 { put(UInt8(ascii: ",")) }
        needsComma |= 1
    }

    // MARK: bytes

    /// Room for n more bytes.
    @inline(__always) private mutating func reserve(_ n: Int) {
        if count + n > capacity { grow(to: count + n) }
    }

    private mutating func grow(to needed: Int) {
        var c = capacity * 2
        while c < needed { c *= 2 }
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
        p.initialize(from: base, count: count)
        base.deallocate()
        base = p
        capacity = c
    }

    @inline(__always) private mutating func put(_ b: UInt8) {
        reserve(1)
        base[count] = b
        count += 1
    }

    private mutating func put(_ p: UnsafeBufferPointer<UInt8>) {
        guard let from = p.baseAddress, !p.isEmpty else { return }
        reserve(p.count)
        (base + count).initialize(from: from, count: p.count)
        count += p.count
    }

    /// Below this, `v * 1_000_000` rounds to an Int64 (Int64.max is about 9.22e18).
    private static let largestInMillionths = 9.0e12

    private mutating func appendASCII(_ s: StaticString) {
        s.withUTF8Buffer { put($0) }
    }

    private mutating func appendUTF8(_ s: String) {
        var s = s
        s.withUTF8 { put($0) }
    }

    private mutating func appendDecimal(_ v: Int) {
        if v < 0 { put(UInt8(ascii: "-")) }
        appendDecimal(v.magnitude)
    }

    private mutating func appendDecimal<T: UnsignedInteger & FixedWidthInteger>(_ v: T) {
        var n = 1
        var rest = v / 10
        while rest != 0 { n += 1; rest /= 10 }
        appendDigits(UInt64(v), count: n)
    }

    /// The low `count` decimal digits of v, zero-padded.
    private mutating func appendDigits(_ v: UInt64, count n: Int) {
        reserve(n)
        var v = v
        for k in stride(from: count + n - 1, through: count, by: -1) { base[k] = UInt8(ascii: "0") + UInt8(v % 10); v /= 10 }
        count += n
    }

    private static let hex: StaticString = "0123456789abcdef"

    /// `"s"` with ", \ and control bytes escaped; the runs between them are copied whole.
    private mutating func appendQuoted(_ s: String) {
        var s = s
        s.withUTF8 { appendQuoted($0) }
    }

    private mutating func appendQuoted(_ p: UnsafeBufferPointer<UInt8>) {
        put(UInt8(ascii: "\""))
        var run = 0
        var i = p.firstJSONEscape(from: 0)
        while i < p.count {
            if i > run { put(UnsafeBufferPointer(rebasing: p[run..<i])) }
            escape(p[i])
            run = i + 1
            i = p.firstJSONEscape(from: run)
        }
        if p.count > run { put(UnsafeBufferPointer(rebasing: p[run...])) }
        put(UInt8(ascii: "\""))
    }

    private mutating func escape(_ b: UInt8) {
        put(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(b)
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x09: put(UInt8(ascii: "t"))
        default:                                         // other controls and DEL: \u00XX
            appendASCII("u00")
            Self.hex.withUTF8Buffer { h in put(h[Int(b >> 4)]); put(h[Int(b & 15)]) }
        }
    }
}
