/// `She said: “…”`, `He told reporters, “…”`, and the colon lead-in that ends a
/// paragraph with the quotation opening the next (`The minister said:` ¶ `“…”`).
struct QuoteLeadInSieve: AttributionSieve {
    static let name = "QuoteLeadIn"

    func apply(to state: AttributionState) {
        let text = state.text
        let g = state.grammar
        for c in state.cues.indices where !state.cueUsed[c] && state.cues[c].phraseRole == nil {
            let cue = state.cues[c]
            let sentence = text.sentences[cue.sentence]
            var t = cue.tokens.upperBound
            let end = sentence.tokens.upperBound
            if let r = g.timeExpression(startingAt: t, limit: end) { t = r.upperBound }
            if cue.lemma == "tell" || cue.lemma == "inform" || cue.lemma == "brief",
                let a = g.audience(startingAt: t, limit: end)
            {
                t = a.upperBound
            }
            if t < end, let r = g.timeExpression(startingAt: t, limit: end) { t = r.upperBound }
            var opening: Int? = nil
            var colon = false
            if t < end, text.tokens[t].isPunctuation(0x3A) || g.isComma(t) {
                colon = text.tokens[t].isPunctuation(0x3A)
                if t + 1 < end, text.isQuoteMark(t + 1) {
                    opening = t + 1
                } else if colon, t + 1 == end || t + 1 == text.paragraphs[sentence.paragraph].tokens.upperBound {
                    // Colon at the paragraph's end: the next paragraph's opening quotation.
                    let p = sentence.paragraph + 1
                    if p < text.paragraphs.count, let first = text.paragraphs[p].tokens.first, text.isQuoteMark(first) {
                        opening = first
                    }
                }
            } else if t < end, text.isQuoteMark(t), text.tokens[t].flags.contains(.opensQuote) {
                opening = t
            }
            guard let open = opening, let q = text.quotation(openedAt: open) else { continue }
            guard let subject = g.subject(endingBefore: cue.tokens.lowerBound, limit: sentence.tokens.lowerBound)
            else { continue }
            if var draft = state.quoteDraft(q, source: subject.mention, cue: c, rule: Self.name) {
                draft.time = subject.time
                state.add(draft)
            }
        }
    }
}
