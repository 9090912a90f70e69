extension String {
    /// The String of UTF-8 `bytes`, ill-formed sequences repaired (U+FFFD) as String(decoding:) does.
    /// Built from its runs: the standard library checks a string of ASCII eight bytes at a time but,
    /// once any byte is not ASCII, validates all of it byte by byte. News text is ASCII but for a
    /// few dozen quotation marks, dashes and accents, so this does most of that work eight bytes a step.
    init(textBytes bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { b in
            var s = ""
            s.reserveCapacity(b.count)
            var i = 0
            while i < b.count {
                let j = b.firstNonASCII(from: i)
                if j > i { s += String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: Unicode.ASCII.self) }
                var k = j                              // the non-ASCII run: up to the next ASCII byte
                while k < b.count, b[k] >= 0x80 { k += 1 }
                if k > j { s += String(decoding: UnsafeBufferPointer(rebasing: b[j..<k]), as: UTF8.self) }
                i = k
            }
            return s
        }
    }
}
