/// How a claim is reported: the PARC distinction between direct, indirect and mixed
/// quotation, plus statements the article makes in its own voice.
public enum ClaimKind: String, Codable, Sendable, CaseIterable {
    /// A quotation: the content is inside quotation marks.
    case direct
    /// Reported speech: a paraphrased content.
    case indirect
    /// Reported speech that contains quoted fragments (a partial quote).
    case mixed
    /// A narrator statement: no source is given.
    case unattributed
}

/// A stretch of text with its span; `text` is always the input sliced at `span`.
public struct TextSpan: Hashable, Sendable, Codable {
    /// The exact input text at `span`.
    public var text: String
    /// UTF-8 byte offsets into the input.
    public var span: Span

    /// Creates a stretch of text; `span` is in UTF-8 byte offsets.
    public init(text: String, span: Span) {
        self.text = text
        self.span = span
    }
}

/// Which rule (sieve) decided a field of a claim: the "why" of an attribution.
public struct RuleDecision: Hashable, Sendable, Codable {
    /// The field decided, e.g. `content`, `source`, `name`, `time`, `via`.
    public var field: String
    /// The rule's name, e.g. `ReportedSpeech`, `PronounSource`.
    public var rule: String

    /// Records that `rule` decided `field`.
    public init(field: String, rule: String) {
        self.field = field
        self.rule = rule
    }
}

/// One statement of an article and, unless unattributed, who it is attributed to.
public struct Claim: Hashable, Sendable, Codable, Identifiable {
    /// Stable identifier derived from the claim text (`c` + 8 hex digits of a 32-bit
    /// FNV-1a hash of the whitespace-normalised text), with `-2`, `-3` … appended to
    /// repeats in article order. Adding a claim does not renumber the others.
    public var id: String
    /// The content: the input sliced at `span` (see docs/ANNOTATION.md for boundaries).
    public var text: String
    /// UTF-8 byte offsets of the content.
    public var span: Span
    /// Direct, indirect, mixed or unattributed.
    public var kind: ClaimKind
    /// For a mixed claim, the quoted fragments inside the content (without marks).
    public var quotes: [TextSpan]
    // `Optional<…>` spelled out: see `Source.role`.
    // swift-format-ignore: UseShorthandTypeNames
    /// Source, cue, time and chain; `nil` for unattributed claims.
    public var attribution: Optional<Attribution>
    /// The rules that decided this claim's fields, in the order they decided.
    public var decidedBy: [RuleDecision]

    /// Creates a claim; `span` is in UTF-8 byte offsets and `text` should be the input sliced there.
    public init(
        id: String, text: String, span: Span, kind: ClaimKind, quotes: [TextSpan] = [],
        attribution: Attribution? = nil, decidedBy: [RuleDecision] = []
    ) {
        self.id = id
        self.text = text
        self.span = span
        self.kind = kind
        self.quotes = quotes
        self.attribution = attribution
        self.decidedBy = decidedBy
    }
}
