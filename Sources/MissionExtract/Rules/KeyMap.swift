/// An open-addressing hash map from token keys to small integers. Token keys are already
/// FNV hashes, so the key itself picks the slot: no hashing per lookup, unlike Dictionary.
struct KeyMap: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// A fixed table of words: the keys of the words → values.
    init(_ words: [String: Int32]) {
        self.init(capacity: words.count)
        for (w, v) in words { set(TokenKey.of(w), v) }
    }

    @inline(__always) func get(_ key: UInt64) -> Int32? {
        let k = key == 0 ? 1 : key                 // 0 marks an empty slot
        return keys.withUnsafeBufferPointer { keys in  // the mask keeps i in bounds: no checks needed
            var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
            while true {
                let found = keys[i]
                if found == k { return values[i] }
                if found == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    mutating func set(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = key == 0 ? 1 : key
        var i = Int(truncatingIfNeeded: k ^ (k >> 29)) & mask
        while keys[i] != 0 && keys[i] != k { i = (i + 1) & mask }
        if keys[i] == 0 { count += 1 }
        keys[i] = k
        values[i] = value
    }

    /// All (key, value) pairs.
    var entries: [(UInt64, Int32)] { keys.indices.filter { keys[$0] != 0 }.map { (keys[$0], values[$0]) } }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, k) in oldKeys.enumerated() where k != 0 { set(k, oldValues[i]) }
    }
}
