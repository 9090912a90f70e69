/// Where an article came from; echoed in the event's `article.source`.
public enum ArticleSource: String, Sendable { case dir, socket, cli }

/// One article as the intake hands it over: raw bytes plus optional metadata.
public struct ArticleInput: Sendable {
    public var name: String          // file name, or the client-supplied name
    public var body: [UInt8]         // plain text, HTML, or a JSON envelope {"title","published","body","source_url"}
    public var source: ArticleSource
    public var published: String?    // from the intake's optional metadata frame
    public var sourceURL: String?

    public init(name: String, body: [UInt8], source: ArticleSource, published: String? = nil, sourceURL: String? = nil) {
        self.name = name
        self.body = body
        self.source = source
        self.published = published
        self.sourceURL = sourceURL
    }
}

/// Why an article was refused; `reason` is shown to users on `article.rejected`.
public struct ArticleRejection: Error, Sendable, Equatable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

/// A rule file that is missing or malformed: "countries.tsv:12: expected 4 columns".
public struct RuleError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
