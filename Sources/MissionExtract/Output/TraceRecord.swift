/// One part of a slot's `--explain` trace, kept as what it is made from: the trace is only read
/// with --explain, so its Strings (words of the article, "participants." + unit, numbers) are made
/// when `MissionEvent.trace` is read, not for every value of every draft.
enum TracePart: Sendable {
    case text(String)
    /// Words of the article: a byte range of its normalised text.
    case bytes(start: Int32, end: Int32)
    /// `prefix` followed by the words of a byte range ("dest_prep: to").
    case prefixedBytes(String, start: Int32, end: Int32)
    case prefixed(String, String)
    /// "\(value)" of a Double (participant counts) or of an Int (durations).
    case double(Double)
    case int(Int)
    /// The when value: "start/end", or the one that is known.
    case range(String?, String?)

    func string(_ bytes: [UInt8]) -> String {
        switch self {
        case .text(let s): return s
        case .bytes(let a, let b): return String(decoding: bytes[Int(a)..<Int(b)], as: UTF8.self)
        case .prefixedBytes(let p, let a, let b): return p + String(decoding: bytes[Int(a)..<Int(b)], as: UTF8.self)
        case .prefixed(let p, let s): return p + s
        case .double(let v): return "\(v)"
        case .int(let v): return "\(v)"
        case .range(let s, let e): return s.map { start in e.map { start + "/" + $0 } ?? start } ?? e ?? ""
        }
    }
}

/// A `SlotTrace` before its Strings are made.
struct TraceRecord: Sendable {
    var slot: TracePart
    var value: TracePart
    var rule: TracePart
    var words: TracePart

    func slotTrace(_ bytes: [UInt8]) -> SlotTrace {
        SlotTrace(slot: slot.string(bytes), value: value.string(bytes), rule: rule.string(bytes), words: words.string(bytes))
    }
}

/// An event's trace records with the text their byte ranges point into.
struct PendingTrace: Sendable {
    var records: [TraceRecord]
    var bytes: [UInt8]

    var slotTraces: [SlotTrace] { records.map { $0.slotTrace(bytes) } }
}
