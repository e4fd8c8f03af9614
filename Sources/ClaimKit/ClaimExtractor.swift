import Foundation

/// Splits an article into claims and attributes each one.
///
/// ```swift
/// let extraction = ClaimExtractor().extract(from: articleText)
/// for claim in extraction.claims { print(claim.kind, claim.attribution?.source.name ?? "-") }
/// ```
///
/// Extraction never throws: odd text (unbalanced quotation marks, no punctuation, a
/// single huge paragraph) yields a best-effort result and ``Extraction/issues``. Cost is
/// linear in the input's length. All spans are UTF-8 byte offsets into the input.
/// The extractor is a value; it is safe to share across threads.
public struct ClaimExtractor: Sendable {
    /// The cue lexicon in use (``Lexicon/english`` by default).
    public let lexicon: Lexicon
    let index: LexiconIndex

    private static let englishIndex = LexiconIndex(.english)

    /// Creates an extractor for a language's lexicon (English by default).
    public init(lexicon: Lexicon = .english) {
        self.lexicon = lexicon
        self.index = lexicon == .english ? Self.englishIndex : LexiconIndex(lexicon)
    }

    /// Extracts the claims of `text`; spans are UTF-8 offsets into `text.utf8`.
    public func extract(from text: String) -> Extraction {
        extract(utf8: Array(text.utf8))
    }

    /// Extracts the claims of UTF-8 `bytes`; spans are offsets into `bytes`.
    ///
    /// The bytes should be valid UTF-8 (see ``ArticleReader``); invalid sequences are
    /// read as letters and sliced texts show U+FFFD for them.
    public func extract(utf8 bytes: [UInt8]) -> Extraction {
        let text = TextAnalysis(bytes: bytes, index: index)
        var state = AttributionState(text: text)
        for (k, sieve) in Pipeline.attribution.enumerated() {
            state.rule = UInt8(k)
            sieve.apply(to: &state)
        }
        return ClaimAssembler(text: text).claims(from: state)
    }
}

/// Turns drafts into claims: resolves sources, slices texts, assigns kinds and ids.
struct ClaimAssembler {
    let text: TextAnalysis
    /// Whether the article holds an invisible character at all (most hold none, and then no
    /// name needs `visibleName`).
    let holdsInvisibles: Bool

    init(text: TextAnalysis) {
        self.text = text
        self.holdsInvisibles = Self.holdsInvisibles(text.bytes)
    }

    func claims(from state: AttributionState) -> Extraction {
        // Article order: by content start, then end, then draft order (the stable sort it
        // was). Sorted as compact (key, index) pairs: a comparison that read two drafts'
        // spans from a large article's draft array missed the cache every time.
        let all = state.drafts
        var keyed: [(key: UInt64, draft: Int32)] = []
        keyed.reserveCapacity(all.count)
        for d in all.indices where !all[d].isDropped {
            // Offsets fit in 32 bits (tokens store them as Int32).
            keyed.append(((UInt64(all[d].content.start) << 32) | UInt64(all[d].content.end), Int32(d)))
        }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.draft < $1.draft }
        let order = keyed.map { Int($0.draft) }
        var context = ResolutionContext(text: text, entities: EntityIndex(text: text))
        context.persons.reserveCapacity(order.count)
        let ruleNames = Pipeline.attributionRuleNames
        // Repeats of an id, keyed by the hash the id is made of (hashing the id String
        // again for a Dictionary cost more than making it).
        var seenIds = KeyIndex(capacity: order.count)
        var repeats: [Int] = []
        // Resolve sources in the order they appear, so pronouns see the sources before them.
        // One claim per draft, each made once and moved into place: a claim built aside and
        // appended, or changed in the array, was copied (every String in it retained, and
        // the original's released).
        let claims = [Claim](unsafeUninitializedCapacity: order.count) { buffer, initialized in
            for d in order {
                let draft = all[d]
                let (kind, span, quotes) =
                    draft.kind == .indirect ? classifyQuotes(draft) : (draft.kind, draft.content, [])
                let claimText = text.string(span)
                // The attribution rules' decisions, then three at most per source resolved.
                var decidedBy: [RuleDecision] = []
                decidedBy.reserveCapacity(
                    state.decisionCount(draft.decidedBy) + (draft.source == nil ? 0 : 3 * (1 + draft.via.count)))
                state.appendDecisions(of: draft.decidedBy, to: &decidedBy, ruleNames: ruleNames)
                // A `let`: a `var` set in a branch is copied when it is moved into the claim.
                let attribution = self.attribution(of: draft, state, &context, &decidedBy)
                let hash = Self.idHash(claimText)
                var n = 1
                if let k = seenIds.value(for: UInt64(hash)) {
                    repeats[k] += 1
                    n = repeats[k]
                } else {
                    seenIds.set(repeats.count, for: UInt64(hash))
                    repeats.append(1)
                }
                let base = Self.id(hash: hash)
                (buffer.baseAddress! + initialized).initialize(
                    to: Claim(
                        id: n == 1 ? base : "\(base)-\(n)", text: claimText, span: span, kind: kind, quotes: quotes,
                        attribution: attribution, decidedBy: decidedBy))
                initialized += 1
            }
        }
        return Extraction(claims: claims, issues: text.issues)
    }

    /// The draft's attribution with every source resolved (relays first, outermost first),
    /// or nil for a draft without source and cue.
    private func attribution(
        of draft: ClaimDraft, _ state: AttributionState, _ context: inout ResolutionContext,
        _ decidedBy: inout [RuleDecision]
    ) -> Attribution? {
        guard let mention = draft.source, let cue = draft.cue else { return nil }
        var via: [Hop] = []
        for hop in state.hops(draft.via) {
            let resolved = resolve(hop.source, &context, &decidedBy)
            via.append(Hop(source: resolved, cue: makeCue(hop.cue, hop.lemma), time: hop.time.map(textSpan)))
        }
        let source = resolve(mention, &context, &decidedBy)
        return Attribution(
            source: source, cue: makeCue(cue, draft.cueLemma), time: draft.time.map(textSpan), via: via)
    }

    private func resolve(
        _ mention: MentionDraft, _ context: inout ResolutionContext, _ decidedBy: inout [RuleDecision]
    ) -> Source {
        var partial = PartialSource()
        Pipeline.resolve(&partial, mention: mention, context: context)
        context.remember(partial, mention: mention)
        partial.appendDecisions(to: &decidedBy)
        let span = text.span(of: mention.tokens)
        let mentionText = text.string(span)
        return Source(
            text: mentionText, span: span, name: visible(partial.name ?? mentionText),
            role: partial.role.map(visible),
            type: partial.type ?? .organization)
    }

    private func makeCue(_ tokens: Range<Int>, _ lemma: Lemma) -> Cue {
        let span = text.span(of: tokens)
        return Cue(text: text.string(span), span: span, lemma: text.index.name(of: lemma))
    }

    private func textSpan(_ tokens: Range<Int>) -> TextSpan {
        let span = text.span(of: tokens)
        return TextSpan(text: text.string(span), span: span)
    }

    /// Kind, span and quoted fragments of reported speech: holding quoted fragments, it is
    /// mixed; a single whole quotation, direct (its span the quotation's content).
    private func classifyQuotes(_ draft: ClaimDraft) -> (ClaimKind, Span, [TextSpan]) {
        var quotes: [TextSpan] = []
        for t in draft.contentTokens where text.tokens[t].flags.contains(.opensQuote) {
            guard let q = text.quotation(openedAt: t) else { continue }
            let quotation = text.quotations[q]
            if quotation.open == draft.contentTokens.lowerBound,
                quotation.close == draft.contentTokens.upperBound - 1
                    || (quotation.close == nil && quotation.contentTokens.upperBound >= draft.contentTokens.upperBound)
            {
                return (.direct, quotation.content, [])
            }
            if !quotation.content.isEmpty, !isTitleOrName(quotation) {
                let span = Grammar(text: text).trimmed(quotation.content) ?? quotation.content
                quotes.append(TextSpan(text: text.string(span), span: span))
            }
        }
        return quotes.isEmpty ? (draft.kind, draft.content, []) : (.mixed, draft.content, quotes)
    }

    /// A quoted title or nickname, not a partial quote: right after a word like
    /// "called", "titled", "nicknamed" (but "called it a “death sentence”" is a
    /// characterisation, a partial quote), or in Title Case ("The Orchard at Dusk").
    private func isTitleOrName(_ q: Quotation) -> Bool {
        if q.open > 0, text.classes(q.open - 1).contains(.titleMarker) { return true }
        let isWord = { (t: Int) in text.tokens[t].kind == .word }
        guard let first = q.contentTokens.first(where: isWord), text.tokens[first].flags.contains(.capitalized) else {
            return false
        }
        if q.contentTokens.contains(where: { text.tokens[$0].isTerminal || text.tokens[$0].isPunctuation(0x2C) }) {
            return false
        }
        return q.contentTokens.allSatisfy {
            !isWord($0) || text.tokens[$0].flags.contains(.capitalized) || text.classes($0).contains(.functionWord)
        }
    }

    /// A resolved name or role without invisible characters (zero-width and direction
    /// marks, soft hyphens, BOM): the mention keeps the text as written, the name is for
    /// people and programs to compare.
    private func visible(_ s: String) -> String { holdsInvisibles ? Self.visibleName(s) : s }

    /// Whether `bytes` hold one of the characters `visibleName` drops: all are encoded with a
    /// lead byte 0xC2, 0xE2 or 0xEF, found with `memchr` (the 0xE2 of a curly quotation mark
    /// is checked and passed).
    static func holdsInvisibles(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            let n = buffer.count
            for lead: UInt8 in [0xC2, 0xE2, 0xEF] {
                var i = 0
                while i < n, let hit = memchr(base + i, Int32(lead), n - i) {
                    let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if WordKey.invisibleLength(buffer, k, n) != nil { return true }
                    i = k + 1
                }
            }
            return false
        }
    }

    static func visibleName(_ s: String) -> String {
        // All of them are encoded with a lead byte of 0xC2 or more: most names are ASCII.
        let plain =
            s.utf8.withContiguousStorageIfAvailable { bytes in !bytes.contains { $0 >= 0xC2 } }
            ?? !s.utf8.contains { $0 >= 0xC2 }
        if plain { return s }
        let invisible: (Unicode.Scalar) -> Bool = { c in
            c.value == 0xAD || (0x200B...0x200F).contains(c.value) || (0x202A...0x202E).contains(c.value)
                || (0x2060...0x206F).contains(c.value) || c.value == 0xFEFF
        }
        guard s.unicodeScalars.contains(where: invisible) else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.filter { !invisible($0) }))
    }

    /// `c` + 8 hex digits of FNV-1a (32-bit) over the text with white space collapsed.
    static func id(for text: String) -> String { id(hash: idHash(text)) }

    /// FNV-1a (32-bit) over the UTF-8 of `text`, each run of white space counted as one
    /// space and leading white space skipped.
    static func idHash(_ text: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        var lastWasSpace = true
        var copy = text
        copy.withUTF8 { bytes in
            for byte in bytes {
                // Space, LF, CR or tab, with one compare for every byte above space.
                let isSpace = byte <= 0x20 && (byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09)
                if isSpace {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                    hash = (hash ^ 0x20) &* 0x0100_0193
                    continue
                }
                lastWasSpace = false
                hash = (hash ^ UInt32(byte)) &* 0x0100_0193
            }
        }
        return hash
    }

    /// `c` + the 8 lower-case hex digits of `hash`, written directly (String(radix:) and
    /// padding cost more than the hash).
    static func id(hash: UInt32) -> String {
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 9) { out in
            out[0] = 0x63  // c
            digits.withUTF8Buffer { hex in
                for k in 0..<8 { out[1 + k] = hex[Int((hash >> UInt32(28 - 4 * k)) & 0xF)] }
            }
            return 9
        }
    }
}
