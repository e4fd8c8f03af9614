import Testing

@testable import ClaimKit

// Shared helpers for the per-rule tests in this folder. Every sentence in these tests is
// made up for the test; none comes from Corpus/.

/// The English lexicon compiled once for the tests that read internals.
let englishIndex = LexiconIndex(.english)

/// An extraction together with the input it came from.
struct Extracted {
    let input: String
    let extraction: Extraction

    var claims: [Claim] { extraction.claims }
    var attributed: [Claim] { claims.filter { $0.attribution != nil } }
    var unattributed: [Claim] { claims.filter { $0.kind == .unattributed } }

    /// The claim whose text is exactly `text`.
    func claim(_ text: String) -> Claim? { claims.first { $0.text == text } }
}

/// Extracts `input` and checks that every span of the result slices the input to the
/// text it carries (claim, quoted fragments, source, cue, time, and every hop).
func extract(
    _ input: String, lexicon: Lexicon = .english, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Extracted {
    let extraction = ClaimExtractor(lexicon: lexicon).extract(from: input)
    expectSpansSlice(input, extraction, sourceLocation: sourceLocation)
    return Extracted(input: input, extraction: extraction)
}

/// Every span of `extraction` slices `input` to exactly the text carried beside it.
func expectSpansSlice(
    _ input: String, _ extraction: Extraction, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let bytes = Array(input.utf8)
    func sliced(_ span: Span) -> String? {
        guard span.start >= 0, span.start <= span.end, span.end <= bytes.count else { return nil }
        return String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }
    func check(_ what: String, _ span: Span, _ text: String) {
        #expect(
            sliced(span) == text, "\(what) span \(span) does not slice to “\(text)”", sourceLocation: sourceLocation)
    }
    for claim in extraction.claims {
        check("claim", claim.span, claim.text)
        for q in claim.quotes { check("quote of “\(claim.text)”", q.span, q.text) }
        guard let a = claim.attribution else { continue }
        for hop in a.chain {
            check("source of “\(claim.text)”", hop.source.span, hop.source.text)
            check("cue of “\(claim.text)”", hop.cue.span, hop.cue.text)
            if let t = hop.time { check("time of “\(claim.text)”", t.span, t.text) }
        }
    }
    for issue in extraction.issues {
        #expect(
            sliced(issue.span) != nil, "issue span \(issue.span) is outside the input", sourceLocation: sourceLocation)
    }
}

/// The rule that decided `field` of `claim` first (claim fields: `content`, `source`,
/// `time`, `via`; resolution fields: `name`, `role`, `type`).
func rule(_ claim: Claim?, _ field: String) -> String? {
    claim?.decidedBy.first { $0.field == field }?.rule
}

/// Every rule that decided `field`, in order (a claim with hops resolves several sources).
func rules(_ claim: Claim?, _ field: String) -> [String] {
    claim?.decidedBy.filter { $0.field == field }.map(\.rule) ?? []
}

/// Source name, cue lemma and kind of a claim, for compact expectations.
struct Gist: Equatable, CustomStringConvertible {
    var kind: ClaimKind
    var text: String
    var source: String?
    var lemma: String?

    init(_ kind: ClaimKind, _ text: String, source: String? = nil, lemma: String? = nil) {
        self.kind = kind
        self.text = text
        self.source = source
        self.lemma = lemma
    }

    init(_ claim: Claim) {
        self.init(claim.kind, claim.text, source: claim.attribution?.source.name, lemma: claim.attribution?.cue.lemma)
    }

    var description: String { "\(kind) “\(text)” ← \(source ?? "-") (\(lemma ?? "-"))" }
}

func gists(_ e: Extracted) -> [Gist] { e.claims.map(Gist.init) }

// MARK: Internals

/// The analysed text of `input` (tokens, paragraphs, quotations, sentences).
func analyze(_ input: String, index: LexiconIndex = englishIndex) -> TextAnalysis {
    TextAnalysis(bytes: Array(input.utf8), index: index)
}

extension TextAnalysis {
    /// The text of every token.
    var tokenTexts: [String] { tokens.map { string($0.span) } }

    /// The text of every sentence.
    var sentenceTexts: [String] { sentences.map { string($0.span) } }

    /// The text of every paragraph.
    var paragraphTexts: [String] { paragraphs.map { string($0.span) } }

    /// Index of the `occurrence`-th token whose text is `word` (0 = first).
    func token(_ word: String, occurrence: Int = 0) -> Int? {
        var seen = 0
        for t in tokens.indices where string(tokens[t].span) == word {
            if seen == occurrence { return t }
            seen += 1
        }
        return nil
    }

    /// The text of a token range, or nil for none.
    func text(_ range: Range<Int>?) -> String? {
        guard let r = range, !r.isEmpty else { return nil }
        return string(tokens: r)
    }
}

/// ClaimKit's line:column location (Swift Testing has a type of the same name).
typealias JSONLocation = ClaimKit.SourceLocation
