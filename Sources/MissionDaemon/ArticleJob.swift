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

    /// Renders the article object and every event with a placeholder seq, split at the seq.
    mutating func render() {
        let article = document.articleJSON()
        let marker = "\"seq\":0"
        let events = document.events.map { event -> (before: String, after: String)? in
            let json = event.json(seq: 0, article: article)
            // The first `"seq":0` is the event's own: schema and id (JSON strings) come before it.
            guard let range = json.range(of: marker) else { return nil }
            return (String(json[..<json.index(range.upperBound, offsetBy: -1)]), String(json[range.upperBound...]))
        }
        rendered = RenderedJSON(article: article, events: events)
    }
}
