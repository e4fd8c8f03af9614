/// `“…,” she said.` / `“…,” said Ana Ruiz, a spokeswoman.` / `“…?” he asked.`
///
/// A top-level quotation whose closing mark (and an optional comma) is followed by a
/// source and a cue, or by a cue and a source, in the same sentence. CoreNLP's first
/// quote → mention sieve (trigram patterns at the quote's edge).
struct QuoteTrailingCueSieve: AttributionSieve {
    static let name = "QuoteTrailingCue"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        for (q, quotation) in text.quotations.enumerated() where quotation.depth == 0 {
            guard let close = quotation.close, !state.isClaimed(quotation.open + 1 < close ? quotation.open + 1 : close)
            else { continue }
            let s = Int(text.sentenceOfToken[close])
            guard s >= 0, state.grammar.opensClause(quotation.open, sentence: text.sentences[s]) else { continue }
            let sentence = text.sentences[s]
            var t = close + 1
            if t < sentence.tokens.upperBound, g.isComma(t) { t += 1 }
            guard t < sentence.tokens.upperBound else { continue }
            // "…," said X — but not "…," state media reported: a bare base form whose noun
            // phrase is followed by a cue of its own is a modifier of that cue's subject.
            let first = state.unusedCue(startingAt: t)
            let modifier = first.map { Self.modifiesTheNextSubject($0, sentence, state) } ?? false
            if let c = first, state.cues[c].phraseRole != .relayAfter, !modifier {
                let cue = state.cues[c]
                var after = cue.tokens.upperBound
                var time: Range<Int>? = nil
                if let r = g.timeExpression(startingAt: after, limit: sentence.tokens.upperBound) {
                    time = r
                    after = r.upperBound
                }
                if let mention = g.nounPhrase(startingAt: after, limit: sentence.tokens.upperBound),
                    var draft = state.quoteDraft(q, source: mention, cue: c)
                {
                    // "said a fisherman on Sunday"
                    let afterSource = (mention.appositive ?? mention.tokens).upperBound
                    draft.time = time ?? g.timeExpression(startingAt: afterSource, limit: sentence.tokens.upperBound)
                    state.add(draft)
                }
                continue
            }
            // "…," X said
            let window = min(sentence.tokens.upperBound, t + Grammar.maxPhrase + Grammar.maxParenthetical)
            var u = modifier ? t + 1 : t
            while u < window, state.unusedCue(startingAt: u) == nil, !text.isQuoteMark(u), !g.isSentenceFinal(u) {
                u += 1
            }
            guard u < window, let c = state.unusedCue(startingAt: u), state.cues[c].phraseRole == nil,
                let subject = g.subject(endingBefore: u, limit: t),
                subject.mention.tokens.lowerBound == t
                    || (subject.time.map { $0.lowerBound == t } ?? false)
            else { continue }
            if var draft = state.quoteDraft(q, source: subject.mention, cue: c) {
                draft.time = subject.time
                state.add(draft)
            }
        }
    }

    /// `state media reported`, `report cards show`: cue `c` is a bare base form (the
    /// lemma as written, no auxiliary) whose noun phrase runs into another cue.
    static func modifiesTheNextSubject(_ c: Int, _ sentence: SentenceInfo, _ state: AttributionState) -> Bool {
        let text = state.text
        let cue = state.cues[c]
        guard cue.phraseRole == nil, cue.tokens.lowerBound == cue.head,
            text.tokens[cue.head].key == text.index.lemmaKeys[Int(cue.lemma.raw)],
            let mention = state.grammar.nounPhrase(
                startingAt: cue.tokens.upperBound, limit: sentence.tokens.upperBound),
            mention.appositive == nil
        else { return false }
        let next = mention.tokens.upperBound
        return next < sentence.tokens.upperBound && state.unusedCue(startingAt: next) != nil
    }
}
