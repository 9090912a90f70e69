extension String {
    /// The String of UTF-8 `bytes`, ill-formed sequences repaired (U+FFFD) as String(decoding:) does.
    /// Built in pieces: the standard library checks ASCII eight bytes at a time, but once any byte is
    /// not ASCII it validates the whole string byte by byte. News text is long ASCII runs between a
    /// few dozen quotation marks, dashes and accents: the long runs are taken on their own (a piece
    /// costs an allocation and an append, worth it from about a hundred bytes), the rest validated.
    init(textBytes bytes: [UInt8]) {
        self = bytes.withUnsafeBufferPointer { b in
            let longRun = 128
            var s = ""
            s.reserveCapacity(b.count)
            var mixed = 0                              // start of the piece not yet appended
            var i = 0
            while i < b.count {
                let j = b.firstNonASCII(from: i)       // ASCII run i..<j
                if j - i >= longRun || j == b.count {
                    if i > mixed { s += String(decoding: UnsafeBufferPointer(rebasing: b[mixed..<i]), as: UTF8.self) }
                    s += String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: Unicode.ASCII.self)
                    mixed = j
                }
                i = j
                while i < b.count, b[i] >= 0x80 { i += 1 }
            }
            if b.count > mixed { s += String(decoding: UnsafeBufferPointer(rebasing: b[mixed...]), as: UTF8.self) }
            return s
        }
    }
}
