import Dispatch
import MissionExtract

/// Where an article came from, which says how to answer for it.
enum ArticleOrigin: Sendable {
    /// A message on the intake ROUTER: `envelope` routes the reply back to the client.
    case socket(envelope: [[UInt8]])
    /// A file in the inbox, by its name there.
    case file(name: String)
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

    /// The article's JSON, built on its lane (in parallel with other articles) rather than
    /// on the publisher's single queue under the event log's lock; nil until `render()`.
    var rendered: RenderedJSON?

    struct RenderedJSON: Sendable {
        /// The `article` object.
        var article: String
        /// Each event's JSON split around its seq, which only the event log assigns:
        /// `before + String(seq) + after`. Nil for an event whose JSON had no seq to split at.
        var events: [(before: String, after: String)?]
    }

    /// Renders the article object and every event with a placeholder seq, split at the seq,
    /// then keeps only what the publisher needs: the tokens, sentences and entities of a
    /// finished article are freed here, on the lane that made them, not held while it waits
    /// for the event log.
    mutating func render() {
        let article = document.articleJSON()
        let events = document.events.map { event -> (before: String, after: String)? in
            Self.splitAtSeq(event.json(seq: 0, article: article))
        }
        rendered = RenderedJSON(article: article, events: events)
        var kept = Document(input: ArticleInput(name: document.input.name, body: [], source: document.input.source))
        kept.articleID = document.articleID
        kept.title = document.title
        kept.published = document.published
        kept.events = document.events
        document = kept
    }

    /// `json` cut around the digit of its first `"seq":0` (the event's own: only the schema
    /// and id, JSON strings that cannot contain a bare quote, come before it).
    static func splitAtSeq(_ json: String) -> (before: String, after: String)? {
        let marker = Array(#""seq":0"#.utf8)
        let bytes = Array(json.utf8)
        guard bytes.count >= marker.count else { return nil }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if bytes[start..<(start + marker.count)].elementsEqual(marker) {
                let digit = start + marker.count - 1
                return (String(decoding: bytes[..<digit], as: UTF8.self), String(decoding: bytes[(digit + 1)...], as: UTF8.self))
            }
        }
        return nil
    }
}
