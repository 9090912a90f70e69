/// The project's one JSON string escaper, for code outside the extractor (the daemon's own
/// messages): the same bytes as in every event (`"`, `\` and control bytes escaped, DEL too).
public enum JSONString {
    /// `value` as a JSON string literal, quotes included.
    public static func quoted(_ value: String) -> String {
        var buffer = JSONBuffer(capacity: value.utf8.count + 16)
        buffer.string(value)
        return buffer.string
    }
}
