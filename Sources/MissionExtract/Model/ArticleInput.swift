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

/// Why an article was refused: `code` for a caller to match, `reason` the words shown to
/// users on `article.rejected` and kept beside the quarantined file.
public struct ArticleRejection: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable { case empty, binary, encoding, tooLong = "too_long", envelope, timeBudget = "time_budget" }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }
        public var description: String { kind.rawValue }

        /// No bytes, only white space, or no text left once markup and page furniture are gone.
        public static let empty = Code(.empty)
        /// NUL or control bytes: not text.
        public static let binary = Code(.binary)
        /// Bytes that decode as neither UTF-8 nor the GB encodings.
        public static let encoding = Code(.encoding)
        /// More text than the extractor reads.
        public static let tooLong = Code(.tooLong)
        /// A JSON envelope without its `body`.
        public static let envelope = Code(.envelope)
        /// Extraction ran past its time budget.
        public static let timeBudget = Code(.timeBudget)
    }

    public let code: Code
    public var reason: String
    public var description: String { reason }

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }
}

/// A rule file that is missing or malformed: "countries.tsv:12: expected 4 columns".
/// `code` says which kind of mistake; the description names the file and line.
public struct RuleError: Error, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Kind: String, Hashable, Sendable { case missingFile = "missing_file", columns, value, pattern, lexicon }
        private let kind: Kind
        private init(_ kind: Kind) { self.kind = kind }
        public var description: String { kind.rawValue }

        /// A rule file the rule set needs is not there.
        public static let missingFile = Code(.missingFile)
        /// A row has too few or too many columns.
        public static let columns = Code(.columns)
        /// A value in a row is not one the schema allows (an unknown label, kind, set…).
        public static let value = Code(.value)
        /// A pattern does not compile.
        public static let pattern = Code(.pattern)
        /// A lexicon set is missing or holds a word that is not one token.
        public static let lexicon = Code(.lexicon)
    }

    public let code: Code
    public var description: String

    public init(_ code: Code, _ description: String) {
        self.code = code
        self.description = description
    }
}
