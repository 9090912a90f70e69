/// The pipeline: decode (+clean), metadata, sentences, entities, events.
public struct Extractor: Sendable {
    public let stages: [any ExtractionStage]

    public init(rules: RuleSet) {
        stages = [DecodeStage(rules: rules), MetadataStage(rules: rules), SentenceStage(rules: rules),
                  EntityStage(rules: rules), EventStage(rules: rules)]
    }

    /// Runs all stages in order; with a `budget`, an article still running when it is spent is refused.
    public func extract(_ input: ArticleInput, budget: ExtractionBudget? = nil) throws(ArticleRejection) -> Document {
        var doc = Document(input: input)
        doc.budget = budget
        for stage in stages { try stage.runWithinBudget(&doc) }
        return doc
    }
}
