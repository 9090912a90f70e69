/// The pipeline: decode (+clean), metadata, sentences, entities, events.
public struct Extractor: Sendable {
    public let stages: [any ExtractionStage]

    public init(rules: RuleSet) {
        stages = [DecodeStage(rules: rules), MetadataStage(rules: rules), SentenceStage(rules: rules),
                  EntityStage(rules: rules), EventStage(rules: rules)]
    }

    /// Runs all stages in order.
    public func extract(_ input: ArticleInput) throws(ArticleRejection) -> Document {
        var doc = Document(input: input)
        for stage in stages { try stage.run(&doc) }
        return doc
    }
}
