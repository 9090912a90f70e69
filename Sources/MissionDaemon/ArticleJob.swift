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
}
