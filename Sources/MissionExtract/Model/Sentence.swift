/// A sentence of the normalised text.
struct Sentence: Sendable {
    var start: Int            // byte range in Document.bytes
    var end: Int
    var scalarStart: Int      // the same range in Unicode scalars (evidence offsets)
    var scalarEnd: Int
    var tokens: Range<Int>    // indices into Document.tokens
    var paragraph: Int
    /// Index of the quotation this sentence lies in (-1 when outside any quotation).
    var quote: Int = -1
    /// A heading or furniture line (short, no final punctuation): never an event.
    var isHeading: Bool = false
    /// Indices into Document.entities of the entities inside this sentence.
    var entities: Range<Int> = 0..<0
    /// The Chinese province and city the text was about before this sentence (place indices):
    /// what "the province" and "the city" refer to.
    var province: Int?
    var city: Int?
}
