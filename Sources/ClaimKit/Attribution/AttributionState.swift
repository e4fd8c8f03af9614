/// A reporting expression found in the text, before any rule has used it.
struct CueCandidate: Sendable {
    /// The whole cue group: auxiliaries, adverbs inside it, the verb, an extension.
    var tokens: Range<Int>
    /// The verb (or the first word of a phrase).
    var head: Int
    var lemma: Lemma
    var cueClass: Lexicon.CueClass
    var complement: Lexicon.Complement = .bare
    /// Set for multi-word phrase cues ("according to", "as reported by", "citing").
    var phraseRole: Lexicon.PhraseRole?
    var sentence: Int
    /// A gerund right after a comma: ", adding that …".
    var isParticipial: Bool
    /// The lemma takes an audience ("told reporters"): one of `Grammar.tellLemmas`.
    var takesAudience: Bool
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
    var lemma: Lemma
    var time: Range<Int>?
}

/// A draft's reported-by chain: an index into ``AttributionState/chains`` (0 is the
/// empty chain) and its length. Chains are never changed in place: a rule that adds a
/// hop stores a new chain, so drafts that share one (inherited attributions) stay apart.
struct Chain: Sendable, Equatable {
    var id: Int32 = 0
    /// Stored in 32 bits so that a draft stays small (a chain stops at eight hops).
    private var count32: Int32 = 0
    var count: Int {
        get { Int(count32) }
        set { count32 = Int32(truncatingIfNeeded: newValue) }
    }

    init(id: Int32 = 0, count: Int = 0) {
        self.id = id
        self.count32 = Int32(truncatingIfNeeded: count)
    }
}

/// The fields of a draft a rule can decide (`RuleDecision.field`).
enum DraftField: UInt8, Sendable {
    case content, source, time, via

    var name: String {
        switch self {
        case .content: "content"
        case .source: "source"
        case .time: "time"
        case .via: "via"
        }
    }
}

/// A draft's decisions: the latest entry of ``AttributionState/decisions``, each entry
/// naming the one before (-1: none). Copying a draft copies its history with it, as an
/// array would, without an array per draft.
struct DecisionTrail: Sendable, Equatable {
    var last: Int32 = -1
}

/// A `Range<Int>?` in 8 bytes: token indices and byte offsets fit in 32 bits (the
/// tokenizer refuses text beyond 2 GiB); a negative lower bound is nil.
struct CompactRange: Sendable, Equatable {
    private var lower: Int32
    private var upper: Int32

    init(_ range: Range<Int>?) {
        if let range {
            lower = Int32(truncatingIfNeeded: range.lowerBound)
            upper = Int32(truncatingIfNeeded: range.upperBound)
        } else {
            lower = -1
            upper = -1
        }
    }

    var isNil: Bool { lower < 0 }
    var range: Range<Int>? { lower < 0 ? nil : Range(uncheckedBounds: (Int(lower), Int(upper))) }
    /// The range of a value known not to be nil.
    var present: Range<Int> { Range(uncheckedBounds: (Int(lower), Int(upper))) }
}

/// An `Int?` index in 4 bytes; -1 is nil.
struct CompactIndex: Sendable, Equatable {
    private var raw: Int32
    init(_ value: Int?) { raw = value.map { Int32(truncatingIfNeeded: $0) } ?? -1 }
    var value: Int? { raw < 0 ? nil : Int(raw) }
}

/// A `MentionDraft?` in 32 bytes (see ``CompactRange``).
struct CompactMention: Sendable, Equatable {
    private var tokens: CompactRange
    private var appositive: CompactRange
    private var parenthetical: CompactRange
    private var antecedent: CompactRange

    init(_ mention: MentionDraft?) {
        tokens = CompactRange(mention?.tokens)
        appositive = CompactRange(mention?.appositive)
        parenthetical = CompactRange(mention?.parenthetical)
        antecedent = CompactRange(mention?.antecedent)
    }

    var isNil: Bool { tokens.isNil }
    var mention: MentionDraft? {
        guard !tokens.isNil else { return nil }
        return MentionDraft(
            tokens: tokens.present, appositive: appositive.range, parenthetical: parenthetical.range,
            antecedent: antecedent.range)
    }
}

/// A claim under construction. Rules fill what is still empty and record their name.
/// Plain data (no references), so the rules copy drafts freely.
///
/// Stored in 32-bit fields (96 bytes rather than 240) behind the `Int` and `Range<Int>`
/// properties the rules use: every rule passes over the drafts, and an article with a
/// claim per sentence has as many drafts as sentences, so their size is much of the
/// extractor's working set.
struct ClaimDraft: Sendable {
    private var contentStart: Int32
    private var contentEnd: Int32
    private var contentTokens32: CompactRange
    private var sentence32: Int32
    private var source32: CompactMention
    private var cue32: CompactRange
    private var time32 = CompactRange(nil)
    private var cueIndex32 = CompactIndex(nil)
    private var quotation32: CompactIndex
    var cueLemma: Lemma = .none
    var via = Chain()
    var decidedBy = DecisionTrail()
    var kind: ClaimKind
    /// Set by a rule that removes the draft (e.g. it became a relay of another).
    var isDropped = false

    init(
        content: Span, contentTokens: Range<Int>, kind: ClaimKind, sentence: Int, source: MentionDraft? = nil,
        cue: Range<Int>? = nil, quotation: Int? = nil
    ) {
        contentStart = Int32(truncatingIfNeeded: content.start)
        contentEnd = Int32(truncatingIfNeeded: content.end)
        contentTokens32 = CompactRange(contentTokens)
        self.kind = kind
        sentence32 = Int32(truncatingIfNeeded: sentence)
        source32 = CompactMention(source)
        cue32 = CompactRange(cue)
        quotation32 = CompactIndex(quotation)
    }

    var content: Span {
        get { Span(Int(contentStart), Int(contentEnd)) }
        set {
            contentStart = Int32(truncatingIfNeeded: newValue.start)
            contentEnd = Int32(truncatingIfNeeded: newValue.end)
        }
    }

    var contentTokens: Range<Int> {
        get { contentTokens32.present }
        set { contentTokens32 = CompactRange(newValue) }
    }

    var sentence: Int {
        get { Int(sentence32) }
        set { sentence32 = Int32(truncatingIfNeeded: newValue) }
    }

    var source: MentionDraft? {
        get { source32.mention }
        set { source32 = CompactMention(newValue) }
    }

    /// Whether the draft has a source, without building it.
    var hasSource: Bool { !source32.isNil }

    var cue: Range<Int>? {
        get { cue32.range }
        set { cue32 = CompactRange(newValue) }
    }

    var cueIndex: Int? {
        get { cueIndex32.value }
        set { cueIndex32 = CompactIndex(newValue) }
    }

    var time: Range<Int>? {
        get { time32.range }
        set { time32 = CompactRange(newValue) }
    }

    /// Top-level quotation that is the content of a direct claim.
    var quotation: Int? {
        get { quotation32.value }
        set { quotation32 = CompactIndex(newValue) }
    }

    var isAttributed: Bool { hasSource && !cue32.isNil }
}

/// What the attribution rules share: the analysed text, the cue candidates, the drafts.
///
/// A value, passed `inout` from rule to rule: its arrays are read and written millions of
/// times, and a class's `var` properties would pay a dynamic exclusivity check each time.
struct AttributionState {
    let text: TextAnalysis
    let grammar: Grammar
    let cues: [CueCandidate]
    /// Per cue candidate: a rule has used it.
    var cueUsed: [Bool]
    var drafts: [ClaimDraft] = []
    /// Attributions with no content of their own, waiting to become a hop of the next one.
    var relays: [ClaimDraft] = []
    /// Every chain the drafts point to (see ``Chain``); 0 is the empty chain.
    /// (Chain `id` is `chains[id - 1]`: no array until a draft has a hop.)
    private(set) var chains: [[HopDraft]] = []
    /// Rule decisions of all drafts: (field, rule's position in `Pipeline.attribution`,
    /// the draft's previous decision).
    private(set) var decisions: [(field: DraftField, rule: UInt8, previous: Int32)] = []
    /// The position in `Pipeline.attribution` of the rule running now; its decisions carry it.
    var rule: UInt8 = 0
    /// For each token, the cue candidate whose group holds it, or -1.
    let cueOfToken: [Int32]
    /// Per token: inside the content of some draft.
    private(set) var claimedTokens: [Bool]
    /// Per cue: its reported clause and its subject, once a rule has asked (several do).
    /// (One array for both: an allocation is not cheap next to these.)
    /// (Compact: an article with a cue in every sentence has as many memos as sentences.)
    private var memos: [CueMemo]

    init(text: TextAnalysis) {
        self.text = text
        self.grammar = Grammar(text: text)
        let cues = CueScanner.scan(text)
        self.cues = cues
        self.cueUsed = Array(filling: false, count: cues.count)
        self.claimedTokens = Array(filling: false, count: text.tokens.count)
        var map = Array(filling: Int32(-1), count: text.tokens.count)
        map.withUnsafeMutableBufferPointer { map in
            for (c, cue) in cues.enumerated() { for t in cue.tokens { map[t] = Int32(c) } }
        }
        self.cueOfToken = map
        // About a draft per sentence and per cue.
        drafts.reserveCapacity(text.sentences.count + cues.count)
        self.memos = Array(filling: CueMemo(), count: cues.count)
        decisions.reserveCapacity(64)
    }

    /// `grammar.reportedClause(after:sentence:)` for cue `c` in its sentence, computed once.
    mutating func reportedClause(ofCue c: Int) -> Grammar.ClauseStart? {
        if let known = memos[c].clause { return known }
        let clause = grammar.reportedClause(after: cues[c], sentence: text.sentences[cues[c].sentence])
        memos[c].clause = clause
        return clause
    }

    /// `grammar.subject(endingBefore:limit:)` before cue `c`, back to its sentence's start,
    /// computed once.
    mutating func subject(ofCue c: Int) -> (mention: MentionDraft, time: Range<Int>?)? {
        if let known = memos[c].subject { return known }
        let cue = cues[c]
        let subject = grammar.subject(
            endingBefore: cue.tokens.lowerBound, limit: text.sentences[cue.sentence].tokens.lowerBound)
        memos[c].subject = subject
        return subject
    }

    /// Records that the running rule decided `field` of `draft` (not yet added).
    mutating func decide(_ draft: inout ClaimDraft, _ field: DraftField) {
        decisions.append((field, rule, draft.decidedBy.last))
        draft.decidedBy.last = Int32(decisions.count - 1)
    }

    /// Records that the running rule decided `field` of draft `d`.
    mutating func decide(draft d: Int, _ field: DraftField) {
        decisions.append((field, rule, drafts[d].decidedBy.last))
        drafts[d].decidedBy.last = Int32(decisions.count - 1)
    }

    /// The number of decisions on a trail.
    func decisionCount(_ trail: DecisionTrail) -> Int {
        var n = 0
        var k = trail.last
        while k >= 0 {
            n += 1
            k = decisions[Int(k)].previous
        }
        return n
    }

    /// Appends the decisions of a trail, oldest first, to `list`; `ruleNames` names the
    /// rules by their position in `Pipeline.attribution`.
    func appendDecisions(of trail: DecisionTrail, to list: inout [RuleDecision], ruleNames: [String]) {
        // The trail runs newest first: gather its nodes (on the stack), then append them
        // oldest first.
        let n = decisionCount(trail)
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: n) { nodes in
            var k = trail.last
            var i = n
            while k >= 0 {
                i -= 1
                nodes[i] = k
                k = decisions[Int(k)].previous
            }
            for k in nodes {
                let node = decisions[Int(k)]
                list.append(RuleDecision(field: node.field.name, rule: ruleNames[Int(node.rule)]))
            }
        }
    }

    /// The hops of `chain`, outermost first.
    func hops(_ chain: Chain) -> [HopDraft] { chain.id == 0 ? [] : chains[Int(chain.id) - 1] }

    /// `chain` with `hop` put first (outermost) or last (nearest the origin).
    mutating func chain(_ chain: Chain, adding hop: HopDraft, first: Bool) -> Chain {
        var list = hops(chain)
        if first { list.insert(hop, at: 0) } else { list.append(hop) }
        chains.append(list)
        return Chain(id: Int32(chains.count), count: list.count)
    }

    /// Puts `hop` first in draft `d`'s chain (the outermost relay).
    mutating func prependHop(_ hop: HopDraft, toDraft d: Int) {
        drafts[d].via = chain(drafts[d].via, adding: hop, first: true)
    }

    /// Puts `hop` last in draft `d`'s chain (nearest the origin).
    mutating func appendHop(_ hop: HopDraft, toDraft d: Int) {
        drafts[d].via = chain(drafts[d].via, adding: hop, first: false)
    }

    /// A draft for a top-level quotation, attributed by the running rule.
    mutating func quoteDraft(_ q: Int, source: MentionDraft?, cue: Int?) -> ClaimDraft? {
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
        decide(&draft, .content)
        if source != nil { decide(&draft, .source) }
        return draft
    }

    /// A draft for reported speech over `tokens`, attributed by the running rule; nil if empty.
    mutating func reportedDraft(_ tokens: Range<Int>, source: MentionDraft, cue c: Int, time: Range<Int>?)
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
        decide(&draft, .content)
        decide(&draft, .source)
        return draft
    }

    /// Whether some draft already holds token `t` in its content.
    func isClaimed(_ t: Int) -> Bool { claimedTokens[t] }

    mutating func add(_ draft: ClaimDraft) {
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
        guard t >= 0, t < cueOfToken.count else { return nil }
        let c = Int(cueOfToken[t])
        return c >= 0 && cues[c].tokens.lowerBound == t && !cueUsed[c] ? c : nil
    }

    /// Index of the cue candidate whose group holds token `t`.
    func cue(at t: Int) -> Int? {
        guard t >= 0, t < cueOfToken.count else { return nil }
        let c = Int(cueOfToken[t])
        return c >= 0 ? c : nil
    }
}

/// One attribution rule ("sieve"): fills only what is still empty and records its name.
protocol AttributionSieve: Sendable {
    static var name: String { get }
    func apply(to state: inout AttributionState)
}

/// What ``AttributionState`` remembers of one cue: its reported clause and its subject,
/// each unknown until a rule asks, in 32-bit fields (a nil start or mention: known to
/// have none).
private struct CueMemo {
    private var clauseKnown = false
    private var subjectKnown = false
    private var hasThat = false
    private var clauseStart = CompactIndex(nil)
    private var clauseTime = CompactRange(nil)
    private var colon = CompactIndex(nil)
    private var quoteOpen = CompactIndex(nil)
    private var subjectMention = CompactMention(nil)
    private var subjectTime = CompactRange(nil)

    /// nil: not known yet; `.some(nil)`: known to have none.
    var clause: Grammar.ClauseStart?? {
        get {
            guard clauseKnown else { return nil }
            return .some(
                clauseStart.value.map {
                    Grammar.ClauseStart(
                        start: $0, time: clauseTime.range, hasThat: hasThat, colon: colon.value,
                        quoteOpen: quoteOpen.value)
                })
        }
        set {
            guard let known = newValue else { return }
            clauseKnown = true
            clauseStart = CompactIndex(known?.start)
            clauseTime = CompactRange(known?.time)
            hasThat = known?.hasThat ?? false
            colon = CompactIndex(known?.colon)
            quoteOpen = CompactIndex(known?.quoteOpen)
        }
    }

    /// nil: not known yet; `.some(nil)`: known to have none.
    var subject: (mention: MentionDraft, time: Range<Int>?)?? {
        get { subjectKnown ? .some(subjectMention.mention.map { ($0, subjectTime.range) }) : nil }
        set {
            guard let known = newValue else { return }
            subjectKnown = true
            subjectMention = CompactMention(known?.mention)
            subjectTime = CompactRange(known?.time)
        }
    }
}
