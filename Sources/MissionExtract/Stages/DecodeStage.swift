/// bytes → normalised text: refuses non-text, unwraps a JSON envelope, strips HTML, repairs
/// mojibake, applies NFC, removes page furniture, and names the article by the SHA-256 of the result.
struct DecodeStage: ExtractionStage {
    let name = "decode"
    let furniture: PageFurniture

    init(rules: RuleSet) { furniture = PageFurniture(rules: rules.store.furniture) }

    func run(_ doc: inout Document) throws(ArticleRejection) {
        var bytes = try RawBytes.validate(doc.input.body)
        if let env = JSONEnvelope(bytes) {
            guard let body = env.fields["body"] else { throw ArticleRejection(.envelope, "JSON envelope without a \"body\" string") }
            bytes = try RawBytes.validate(Array(body.utf8))
            doc.envelopeTitle = env.fields["title"].flatMap { $0.isEmpty ? nil : $0 }
            doc.envelopePublished = env.fields["published"].flatMap { $0.isEmpty ? nil : $0 }
            if doc.input.sourceURL == nil { doc.input.sourceURL = env.fields["source_url"] }
        }
        if HTMLText.looksLikeHTML(bytes) {
            let (text, title) = HTMLText.strip(bytes, budget: doc.budget)
            try doc.budget?.check(stage: name)
            bytes = text
            if doc.envelopeTitle == nil, let title, !title.isEmpty { doc.envelopeTitle = title }
        }
        bytes = UnicodeNormal.nfc(Mojibake.repair(bytes))
        bytes = furniture.clean(bytes, dropped: &doc.furnitureLines)
        if bytes.isEmpty { throw ArticleRejection(.empty, "empty article: no text left after removing markup and page furniture") }
        // Tokens keep their byte offsets in Int32: a longer text would wrap them.
        if bytes.count > Int(Int32.max) { throw ArticleRejection(.tooLong, "article too long: \(bytes.count) bytes of text, the extractor reads at most \(Int32.max)") }
        doc.bytes = bytes
        doc.articleID = bytes.withUnsafeBytes { SHA256.hex($0, prefix: "sha256:") }
    }
}
