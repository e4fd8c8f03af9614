/// Something noticed in the text that the extractor worked around; never an error.
public struct TextIssue: Hashable, Sendable, Codable {
    /// What was noticed.
    public enum Kind: String, Codable, Sendable {
        /// A quotation mark that opens a quotation never closed in its paragraph
        /// (and not continued in the next one).
        case unclosedQuote
        /// A closing quotation mark with nothing open.
        case strayClosingQuote
    }
    /// What was noticed.
    public var kind: Kind
    /// UTF-8 byte offsets of the mark concerned.
    public var span: Span

    /// Creates an issue at `span` (UTF-8 byte offsets).
    public init(kind: Kind, span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The result of extracting claims from one article.
public struct Extraction: Hashable, Sendable, Codable {
    /// Claims in article order (sorted by span).
    public var claims: [Claim]
    /// Oddities in the text the extractor worked around (unbalanced quotes, …).
    public var issues: [TextIssue]

    /// Creates an extraction; `claims` should be in article order.
    public init(claims: [Claim], issues: [TextIssue] = []) {
        self.claims = claims
        self.issues = issues
    }
}
