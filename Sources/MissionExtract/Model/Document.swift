/// One article travelling through the stages; each stage fills in its part.
public struct Document: Sendable {
    public var input: ArticleInput
    /// Normalised text (after decode+clean); evidence offsets index its Unicode scalars.
    /// Made from `bytes` when asked: the stages read the bytes, and no stage needs the String.
    public var text: String { String(textBytes: bytes) }
    /// "sha256:<64 hex>" of `text`, set by the decode stage.
    public var articleID: String = ""
    public var title: String?
    /// ISO date at known precision: "2022-12-26", "2022-12", "--12-07", or nil.
    public var published: String?
    /// "zh" or "en", found from the text (MetadataStage): nobody says which language an article is in.
    public var language: String = "en"
    var isChinese: Bool { language == "zh" }
    public var events: [MissionEvent] = []
    /// When the stages must be done with this article; nil: no limit.
    public var budget: ExtractionBudget?

    // Between stages (internal): the text's UTF-8, its tokens, sentences and entities.
    var bytes: [UInt8] = []
    var envelopeTitle: String?
    var envelopePublished: String?
    /// Lines removed as page furniture (bylines, "Source: … | date"): a fallback for the publication date.
    var furnitureLines: [UInt8] = []
    /// Byte range of a dateline ("BEIJING, Dec. 7 (Xinhua) --") that no event may read from.
    var dateline: Range<Int>?
    var tokens: [Token] = []
    var sentences: [Sentence] = []
    /// Quoted speech ("…,” she said): token ranges of the words between the quotation marks.
    var quotes: [Range<Int>] = []
    var entities: [Entity] = []

    public init(input: ArticleInput) { self.input = input }

    /// The `article` object of the event schema: {"id","name","title","published","source"} as JSON text.
    public func articleJSON() -> String {
        var j = JSONBuffer(capacity: 256)
        j.beginObject()
        j.field("id", articleID)
        j.field("name", input.name)
        j.field("title", title)
        j.field("published", published)
        j.field("language", language)
        j.field("source", input.source.rawValue)
        j.endObject()
        return j.string
    }

    /// The text of a byte range of `bytes`.
    func slice(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }
}
