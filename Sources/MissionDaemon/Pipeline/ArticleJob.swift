import Dispatch
import MissionExtract

/// Where an article came from, which says how to answer for it.
enum ArticleOrigin: Sendable {
    /// A message on the intake ROUTER: `envelope` routes the reply back to the client.
    case socket(envelope: [[UInt8]])
    /// A file in the inbox, by its exact name there.
    case file(name: InboxName)
    /// Journaled before a restart but not finished: already acknowledged, run it again.
    case recovered

    var intake: IntakeKind? {
        switch self {
        case .socket: .socket
        case .file: .directory
        case .recovered: nil
        }
    }
}

/// One article travelling through the pipeline stages; each stage fills in its part of
/// `document`. A struct moved from queue to queue: no lock, no sharing.
struct ArticleJob: Sendable {
    var origin: ArticleOrigin
    var document: Document
    /// When the daemon took the article (for `ms` in `article.done`).
    let startedAt: DispatchTime

    init(origin: ArticleOrigin, input: ArticleInput) {
        self.origin = origin
        self.document = Document(input: input)
        self.startedAt = .now()
    }

    var name: String { document.input.name }

    /// Freed when both the journal and the stages are done with the article (set by the pipeline).
    var slot: PipelineSlot?

    /// The socket body's bytes in the memory budget, given back when the job is gone.
    var budgetCharge: MemoryBudget.Charge?

    /// What the publisher needs of a finished article, built on its lane (in parallel with
    /// other articles) rather than on the publisher's single queue; nil until `render()`.
    var rendered: RenderedArticle?

    struct RenderedArticle: Sendable {
        /// The `article` object.
        var article: String
        /// Every event's JSON, one after another, each with `0` where its seq goes: one
        /// block for the publisher to free, not two strings per event.
        var eventJSON: [UInt8]
        var events: [RenderedEvent]

        /// Event `index`'s JSON with its seq filled in.
        func json(_ index: Int, seq: UInt64) -> String {
            let event = events[index]
            let digits = String(seq).utf8
            return String(unsafeUninitializedCapacity: event.bytes.count - 1 + digits.count) { out in
                var at = 0
                for byte in eventJSON[event.bytes.lowerBound..<event.seqDigit] { out[at] = byte; at += 1 }
                for byte in digits { out[at] = byte; at += 1 }
                for byte in eventJSON[(event.seqDigit + 1)..<event.bytes.upperBound] { out[at] = byte; at += 1 }
                return at
            }
        }
    }

    struct RenderedEvent: Sendable {
        var id: String
        var type: EventType
        /// Where its JSON is in `eventJSON`, and the placeholder `0` of its seq.
        var bytes: Range<Int>
        var seqDigit: Int
    }

    /// Renders the article object and every event with a placeholder seq, then drops
    /// everything else. The events, tokens, sentences and entities are freed here, on the
    /// lane that made them: freed on the publisher's thread instead, their hundreds of blocks
    /// went back to this lane's malloc arena under its lock, and the lanes and the publisher
    /// queued on that lock.
    mutating func render() {
        let article = document.articleJSON()
        var eventJSON: [UInt8] = []
        eventJSON.reserveCapacity(document.events.count * 1536)
        let events = document.events.map { event -> RenderedEvent in
            let start = eventJSON.count
            eventJSON.append(contentsOf: event.json(seq: 0, article: article).utf8)
            guard let digit = Self.seqDigit(in: eventJSON, from: start) else {
                preconditionFailure("MissionEvent.json writes \"seq\" right after the schema and the id")
            }
            return RenderedEvent(id: event.id, type: event.type, bytes: start..<eventJSON.count, seqDigit: digit)
        }
        rendered = RenderedArticle(article: article, eventJSON: eventJSON, events: events)
        var kept = Document(input: ArticleInput(name: document.input.name, body: [], source: document.input.source))
        kept.articleID = document.articleID
        document = kept
    }

    /// The offset of the `0` in the first `"seq":0` at or after `start` (the event's own: only
    /// the schema and id, JSON strings that cannot contain a bare quote, come before it).
    static func seqDigit(in bytes: [UInt8], from start: Int) -> Int? {
        bytes[start...].firstRange(of: #""seq":0"#.utf8).map { $0.upperBound - 1 }
    }
}
