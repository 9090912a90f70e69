import MissionExtract

/// Just enough JSON writing for the daemon's own messages (article.done, stats, …):
/// string building is cheaper than an encoder on the per-article path. Strings are escaped by
/// `JSONString`, the one escaper.
enum JSONText {
    /// `value` as a JSON string literal, quotes included: the extractor's escaper, so that
    /// the daemon's messages and the events escape alike.
    static func quoted(_ value: String) -> String {
        JSONString.quoted(value)
    }

    static func quotedOrNull(_ value: String?) -> String {
        value.map(quoted) ?? "null"
    }

    /// Microseconds as milliseconds with one decimal (`12.3`), without Foundation's formatter.
    static func tenths(_ micros: UInt64) -> String {
        let tenths = (micros + 50) / 100
        return String(tenths / 10) + "." + String(tenths % 10)
    }

    static func numberOrNull(_ value: UInt64?) -> String {
        value.map { String($0) } ?? "null"
    }

    /// `{"k":v,…}` from keys and already-encoded values, in the given order.
    static func object(_ members: [(String, String)]) -> String {
        var out = "{"
        out.reserveCapacity(members.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { out += "," }
            out += quoted(key)
            out += ":"
            out += value
        }
        out += "}"
        return out
    }
}
