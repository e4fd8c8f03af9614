/// A reporting expression found in the text, before any rule has used it.
struct CueCandidate: Sendable {
    /// The whole cue group: auxiliaries, adverbs inside it, the verb, an extension.
    var tokens: Range<Int>
    /// The verb (or the first word of a phrase).
    var head: Int
    var lemma: String
    var cueClass: Lexicon.CueClass
    var complement: Lexicon.Complement = .bare
    /// Set for multi-word phrase cues ("according to", "as reported by", "citing").
    var phraseRole: Lexicon.PhraseRole?
    var sentence: Int
    /// A gerund right after a comma: ", adding that …".
    var isParticipial: Bool
}

/// A source mention as tokens, with an appositive after it if there is one.
struct MentionDraft: Sendable, Equatable {
    var tokens: Range<Int>
    /// `X, a spokeswoman for the ministry,` → the tokens of the appositive.
    var appositive: Range<Int>? = nil
    /// A parenthetical between source and cue (`X, seen by Reuters, says`).
    var parenthetical: Range<Int>? = nil
    /// For a relative pronoun source ("Trump, who says …"), the noun phrase it refers to.
    var antecedent: Range<Int>? = nil
}

struct HopDraft: Sendable {
    var source: MentionDraft
    var cue: Range<Int>
    var lemma: String
    var time: Range<Int>?
}

/// A claim under construction. Rules fill what is still empty and record their name.
struct ClaimDraft: Sendable {
    var content: Span
    var contentTokens: Range<Int>
    var kind: ClaimKind
    var sentence: Int
    var source: MentionDraft?
    var cue: Range<Int>?
    var cueLemma: String = ""
    var cueIndex: Int?
    var time: Range<Int>?
    var via: [HopDraft] = []
    /// Top-level quotation that is the content of a direct claim.
    var quotation: Int?
    var decidedBy: [RuleDecision] = []
    /// Set by a rule that removes the draft (e.g. it became a relay of another).
    var isDropped = false

    var isAttributed: Bool { source != nil && cue != nil }

    mutating func decided(_ field: String, by rule: String) {
        decidedBy.append(RuleDecision(field: field, rule: rule))
    }
}

/// What the attribution rules share: the analysed text, the cue candidates, the drafts.
final class AttributionState {
    let text: TextAnalysis
    let grammar: Grammar
    var cues: [CueCandidate]
    /// Per cue candidate: a rule has used it.
    var cueUsed: [Bool]
    var drafts: [ClaimDraft] = []
    /// Attributions with no content of their own, waiting to become a hop of the next one.
    var relays: [ClaimDraft] = []

    init(text: TextAnalysis) {
        self.text = text
        self.grammar = Grammar(text: text)
        self.cues = CueScanner.scan(text)
        self.cueUsed = Array(repeating: false, count: cues.count)
        self.claimedTokens = Array(repeating: false, count: text.tokens.count)
    }

    /// For each token, the cue candidate whose group starts there, or -1.
    lazy var cueStartingAt: [Int32] = {
        var map = Array(repeating: Int32(-1), count: text.tokens.count)
        for (c, cue) in cues.enumerated() { map[cue.tokens.lowerBound] = Int32(c) }
        return map
    }()

    /// For each token, the cue candidate whose group holds it, or -1.
    lazy var cueCovering: [Int32] = {
        var map = Array(repeating: Int32(-1), count: text.tokens.count)
        for (c, cue) in cues.enumerated() { for t in cue.tokens { map[t] = Int32(c) } }
        return map
    }()

    /// A draft for a top-level quotation, attributed by `rule`.
    func quoteDraft(_ q: Int, source: MentionDraft?, cue: Int?, rule: String) -> ClaimDraft? {
        let quotation = text.quotations[q]
        guard let content = grammar.trimmed(quotation.content) else { return nil }
        var draft = ClaimDraft(
            content: content, contentTokens: quotation.contentTokens, kind: .direct,
            sentence: Int(text.sentenceOfToken[quotation.open]), source: source, quotation: q)
        if let c = cue {
            draft.cue = cues[c].tokens
            draft.cueLemma = cues[c].lemma
            draft.cueIndex = c
        }
        draft.decided("content", by: rule)
        if source != nil { draft.decided("source", by: rule) }
        return draft
    }

    /// A draft for reported speech over `tokens`, attributed by `rule`; nil if empty.
    func reportedDraft(_ tokens: Range<Int>, source: MentionDraft, cue c: Int, time: Range<Int>?, rule: String)
        -> ClaimDraft?
    {
        var range = tokens
        // The complementizer is not part of the content.
        if let first = range.first, text.tokens[first].kind == .word, text.classes(first).contains(.complementizer),
            range.count > 1
        {
            range = (first + 1)..<range.upperBound
        }
        let end = grammar.trimEnd(range.lowerBound, range.upperBound)
        guard end > range.lowerBound else { return nil }
        range = range.lowerBound..<end
        var draft = ClaimDraft(
            content: text.span(of: range), contentTokens: range, kind: .indirect,
            sentence: Int(text.sentenceOfToken[range.lowerBound]), source: source)
        draft.cue = cues[c].tokens
        draft.cueLemma = cues[c].lemma
        draft.cueIndex = c
        draft.time = time
        draft.decided("content", by: rule)
        draft.decided("source", by: rule)
        return draft
    }

    /// Per token: inside the content of some draft. A stored property, not `lazy`: a
    /// lazy array is copied on every element write (get + set), which made `add` cost
    /// O(tokens) per draft.
    var claimedTokens: [Bool]

    /// Whether some draft already holds token `t` in its content.
    func isClaimed(_ t: Int) -> Bool { claimedTokens[t] }

    func add(_ draft: ClaimDraft) {
        if let c = draft.cueIndex { cueUsed[c] = true }
        // One exclusive access for the whole range, not one per token.
        claimedTokens.withUnsafeMutableBufferPointer { claimed in
            let range = draft.contentTokens.clamped(to: 0..<claimed.count)
            for t in range { claimed[t] = true }
        }
        drafts.append(draft)
    }

    /// Index of the unused cue candidate whose group starts at token `t`.
    func unusedCue(startingAt t: Int) -> Int? {
        guard t >= 0, t < cueStartingAt.count else { return nil }
        let c = Int(cueStartingAt[t])
        return c >= 0 && !cueUsed[c] ? c : nil
    }

    /// Index of the cue candidate whose group holds token `t`.
    func cue(at t: Int) -> Int? {
        guard t >= 0, t < cueCovering.count else { return nil }
        let c = Int(cueCovering[t])
        return c >= 0 ? c : nil
    }
}

/// One attribution rule ("sieve"): fills only what is still empty and records its name.
protocol AttributionSieve: Sendable {
    static var name: String { get }
    func apply(to state: AttributionState)
}
