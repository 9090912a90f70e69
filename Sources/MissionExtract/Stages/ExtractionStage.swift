/// One step of the pipeline; each fills in its part of the document.
public protocol ExtractionStage: Sendable {
    var name: String { get }
    func run(_ document: inout Document) throws(ArticleRejection)
}
