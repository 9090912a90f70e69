/// The five kinds of mission event (schema `mission-event/1`).
public enum EventType: String, Sendable, CaseIterable {
    case tradeMission = "trade_mission"
    case tradeFair = "trade_fair"
    case deal
    case policyMeasure = "policy_measure"
    case recruitmentDrive = "recruitment_drive"
}

public enum OrganizerKind: String, Sendable { case government, association, company, person, other }

public struct Organizer: Sendable, Equatable {
    public var name: String
    public var kind: OrganizerKind

    /// The same name but for letter case ("Department" / "department").
    func hasSameName(as other: Organizer) -> Bool {
        var a = name, b = other.name
        // ASCII names (nearly all): A–Z folded byte by byte, no lower-case copies.
        let ascii = a.withUTF8 { x in b.withUTF8 { y in Self.equalFoldingASCII(x, y) } }
        return ascii ?? (name.lowercased() == other.name.lowercased())
    }

    /// x and y alike but for the case of A–Z; nil when either is not ASCII.
    private static func equalFoldingASCII(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard x.firstNonASCII(from: 0) == x.count, y.firstNonASCII(from: 0) == y.count else { return nil }
        guard x.count == y.count else { return false }
        for k in 0..<x.count where TokenKey.lower(x[k]) != TokenKey.lower(y[k]) { return false }
        return true
    }
}

/// Where participants come from: `level` is country, province, city or district.
public struct Origin: Sendable, Equatable {
    public var name: String
    public var level: String
    public var country: String
}

/// Where they go: ISO alpha-2 `code`, `region:…`, or `CN` for a place inside China.
public struct Destination: Sendable, Equatable {
    public var name: String
    public var code: String
}

public struct When: Sendable, Equatable {
    public var start: String?
    public var end: String?
    public var durationDays: Int?
    public var text: String?
    public var isEmpty: Bool { start == nil && end == nil && durationDays == nil }
}

public enum Qualifier: String, Sendable { case exact, moreThan = "more_than", about, upTo = "up_to" }

public struct Count: Sendable, Equatable {
    public var value: Double
    public var qualifier: Qualifier
}

public struct Amount: Sendable, Equatable {
    public var value: Double
    public var currency: String
    public var text: String
}

public struct Outcome: Sendable, Equatable {
    public var kind: String                 // orders, contract, projects, intended_deals, output_value, investment, jobs
    public var amount: Amount?
    public var count: (value: Double, unit: String)?
    public var text: String
    public static func == (a: Outcome, b: Outcome) -> Bool {
        a.kind == b.kind && a.amount == b.amount && a.count?.value == b.count?.value && a.count?.unit == b.count?.unit && a.text == b.text
    }
}

/// A span of the normalised text, in Unicode scalars (0-based, end exclusive).
public struct Evidence: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var text: String
}

/// Why a slot holds a value: the rule that fired and the words it read.
public struct SlotTrace: Sendable, Equatable {
    public var slot: String
    public var value: String
    public var rule: String
    public var words: String
}

public struct MissionEvent: Sendable {
    public var id: String
    public var type: EventType
    public var organizer: [Organizer] = []
    public var origin: [Origin] = []
    public var destinations: [Destination] = []
    public var when = When()
    /// Counts by unit, in the order units were first seen.
    public var participants: [(unit: String, count: Count)] = []
    public var activities: [String] = []
    public var transport: [String] = []
    public var outcomes: [Outcome] = []
    public var evidence: [Evidence] = []
    public var confidence: Double = 0
    /// Made when read (only --explain reads it) from the records the event stage left.
    public var trace: [SlotTrace] {
        get { pendingTrace?.slotTraces ?? storedTrace }
        set { storedTrace = newValue; pendingTrace = nil }
    }
    var storedTrace: [SlotTrace] = []
    var pendingTrace: PendingTrace?

    public init(id: String, type: EventType) {
        self.id = id
        self.type = type
    }

    public func participant(_ unit: String) -> Count? { participants.first { $0.unit == unit }?.count }
}
