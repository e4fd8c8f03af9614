/// `She said: “…”`, `He told reporters, “…”`, `He told a rally in Port Elwyn:` and the
/// colon lead-in that ends a paragraph with the quotation opening the next one.
struct QuoteLeadInSieve: AttributionSieve {
    static let name = "QuoteLeadIn"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        for c in state.cues.indices where !state.cueUsed[c] && state.cues[c].phraseRole == nil {
            let cue = state.cues[c]
            let sentence = text.sentences[cue.sentence]
            let end = sentence.tokens.upperBound
            guard let clause = state.reportedClause(ofCue: c) else { continue }
            var opening: Int? = nil
            if let colon = clause.colon {
                if colon + 1 < end, text.tokens[colon + 1].flags.contains(.opensQuote) {
                    opening = colon + 1
                } else if colon + 1 == end || colon + 1 == text.paragraphs[sentence.paragraph].tokens.upperBound {
                    // Colon at the paragraph's end: the next paragraph's opening quotation.
                    let p = sentence.paragraph + 1
                    if p < text.paragraphs.count, let first = text.paragraphs[p].tokens.first,
                        text.tokens[first].flags.contains(.opensQuote)
                    {
                        opening = first
                    }
                }
            } else if let q = clause.quoteOpen, q == clause.start {
                // `X said, "…"` or `X said "…"`, the quotation being the whole rest of the sentence.
                opening = q
            }
            guard let open = opening, let q = text.quotation(openedAt: open) else { continue }
            // A quotation another rule already attributed ("…: “A,” a spokesman said") stays theirs.
            if let first = text.quotations[q].contentTokens.first, state.isClaimed(first) { continue }
            if clause.colon == nil, let close = text.quotations[q].close, !g.endsSentence(closingQuote: close, end: end)
            {
                continue
            }
            guard let subject = state.subject(ofCue: c)
            else { continue }
            if var draft = state.quoteDraft(q, source: subject.mention, cue: c) {
                draft.time = subject.time ?? clause.time
                state.add(draft)
            }
        }
    }
}
