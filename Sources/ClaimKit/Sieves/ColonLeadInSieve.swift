/// `The mayor was blunt: “We cannot afford another delay.”` — a subject that names a
/// source, a short predicate with no reporting verb, a colon, and a quotation that ends
/// the sentence: the quotation is a direct claim of the subject, the colon its cue.
///
/// News writing introduces a quotation with a characterising predicate ("was blunt",
/// "struck a different tone", "put it simply") as often as with a verb of saying; the
/// colon then carries the attribution, as it does for a name label (`Holloway: “…”`,
/// ``SpeakerLabelSieve``). A predicate that holds a cue is left to ``QuoteLeadInSieve``;
/// a subject that names nothing a source can be (`The reason was simple: “…”`) is not a
/// source (``Grammar/namesSource(_:)``).
struct ColonLeadInSieve: AttributionSieve {
    static let name = "ColonLeadIn"
    /// The longest predicate read between the subject and the colon, in tokens.
    static let maxPredicate = 10

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        for q in text.quotations.indices where text.quotations[q].depth == 0 {
            let quotation = text.quotations[q]
            let colon = quotation.open - 1
            guard colon >= 0, text.tokens[colon].isPunctuation(0x3A), let close = quotation.close,
                let first = quotation.contentTokens.first, !state.isClaimed(first)
            else { continue }
            let s = Int(text.sentenceOfToken[colon])
            guard s >= 0, !text.sentences[s].isHeading else { continue }
            let sentence = text.sentences[s]
            guard g.endsSentence(closingQuote: close, end: sentence.tokens.upperBound) else { continue }
            let start = sentence.tokens.lowerBound  // after a dateline: sentences start at the body
            guard start < colon, var mention = g.nounPhrase(startingAt: start, limit: colon) else { continue }
            if mention.appositive == nil, let name = Self.nameBeforeVerb(mention.tokens, text) {
                // No tagger tells a verb from a noun: "Union leader Tom Berg put it simply"
                // reads as one noun phrase, whose name ends the subject.
                mention = MentionDraft(tokens: name)
            }
            let predicate = (mention.appositive ?? mention.tokens).upperBound..<colon
            guard Self.isPredicate(predicate, state),
                g.isPlausibleSource(mention.tokens), g.namesSource(mention),
                !text.classes(mention.tokens.lowerBound).contains(.clauseWord)
            else { continue }
            // `Her verdict was harsh: “…”`: a possessive's thing is not the speaker; only a
            // speaker noun keeps such a subject (`His spokesman was blunt: “…”`).
            if let f = mention.tokens.first, text.classes(f).contains(.determiner), !text.classes(f).contains(.article),
                !SourceTypeSieve.headRegion(mention.tokens, text).contains(where: { t in
                    text.isTitle(t) || !text.nounClasses(t).isDisjoint(with: [.anonymousWord, .groupWord])
                })
            {
                continue
            }
            guard var draft = state.quoteDraft(q, source: mention, cue: nil) else { continue }
            draft.cue = colon..<(colon + 1)
            draft.cueLemma = .colon
            state.add(draft)
        }
    }

    /// The phrase up to its last capitalised word, when lower-case words that can start
    /// a predicate follow it (`Union leader Tom Berg` of `Union leader Tom Berg put it
    /// simply`); nil when the phrase ends with its last capitalised word.
    static func nameBeforeVerb(_ range: Range<Int>, _ text: TextAnalysis) -> Range<Int>? {
        guard
            let last = range.last(where: { t in
                text.tokens[t].flags.contains(.capitalized) && !text.isSentenceStart(t)
            }), last + 1 < range.upperBound
        else { return nil }
        let next = last + 1
        guard text.tokens[next].kind == .word, !text.tokens[next].flags.contains(.possessive),
            text.classes(next).isDisjoint(with: [.preposition, .determiner, .article, .coordinator, .functionWord])
        else { return nil }
        return range.lowerBound..<next
    }

    /// A few words with at least one lower-case word, no cue, no quotation mark and no
    /// sentence-ending punctuation: `was blunt`, `, however, struck a different tone`.
    static func isPredicate(_ range: Range<Int>, _ state: AttributionState) -> Bool {
        guard !range.isEmpty, range.count <= maxPredicate else { return false }
        let tokens = state.text.tokens
        var hasWord = false
        for t in range {
            if state.cueOfToken[t] >= 0 || tokens[t].kind == .quote || tokens[t].isTerminal { return false }
            if tokens[t].kind == .word, !tokens[t].flags.contains(.capitalized) { hasWord = true }
        }
        return hasWord
    }
}
