/// Text from outside (file names, client names, paths, errors that quote them) made safe for
/// one log line: control characters, DEL and C1 controls become `\n`, `\t`, `\r`, `\x1b`,
/// `\u009b`; bytes that are not UTF-8 become `\xff`; a backslash becomes `\\`. Every other
/// character is kept, so the escaping can be undone and names stay readable.
enum LogEscape {
    static func escape(_ text: String) -> String {
        // Most text has nothing to escape: keep it as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) { return text }
        return escape(bytes: Array(text.utf8))
    }

    static func escape(bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                switch lead {
                case UInt8(ascii: "\\"): out += Array(#"\\"#.utf8)
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                case 0..<0x20, 0x7F: out += hex(lead, prefix: #"\x"#, digits: 2)
                default: out.append(lead)
                }
                index += 1
                continue
            }
            guard let (scalar, length) = scalar(in: bytes, at: index) else {
                out += hex(lead, prefix: #"\x"#, digits: 2)
                index += 1
                continue
            }
            if scalar <= 0x9F {
                out += hex(scalar, prefix: #"\u"#, digits: 4)  // a C1 control (U+0080–U+009F)
            } else {
                out += bytes[index..<(index + length)]
            }
            index += length
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The scalar of the well-formed UTF-8 sequence at `index` and its length, or nil
    /// (a stray continuation byte, a truncated, overlong or surrogate sequence).
    private static func scalar(in bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        let lead = bytes[index]
        let length: Int, minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: (length, minimum, value) = (2, 0x80, UInt32(lead & 0x1F))
        case 0xE0...0xEF: (length, minimum, value) = (3, 0x800, UInt32(lead & 0x0F))
        case 0xF0...0xF4: (length, minimum, value) = (4, 0x10000, UInt32(lead & 0x07))
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        for next in bytes[(index + 1)..<(index + length)] {
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return (value, length)
    }

    private static func hex<Value: BinaryInteger>(_ value: Value, prefix: String, digits: Int) -> [UInt8] {
        let text = String(value, radix: 16)
        return Array(prefix.utf8) + Array(repeating: UInt8(ascii: "0"), count: max(0, digits - text.count)) + Array(text.utf8)
    }
}

/// A name kept as the bytes it came as (an inbox file name need not be UTF-8): the log
/// handler escapes these bytes, so `\xff` shows what was really there.
struct LogBytes: CustomStringConvertible, Sendable {
    let bytes: [UInt8]
    var description: String { LogEscape.escape(bytes: bytes) }
}
