/// `“…” — Commissioner Ana Ruiz`: a quotation followed by a dash and a source, with
/// no verb. The cue is the dash itself (PolNeAR annotates it so).
struct DashAttributionSieve: AttributionSieve {
    static let name = "DashAttribution"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        for (q, quotation) in text.quotations.enumerated() where quotation.depth == 0 {
            guard let close = quotation.close, close + 2 < text.tokens.count,
                text.tokens[close + 1].kind == .dash, !state.isClaimed(close - 1)
            else { continue }
            let s = Int(text.sentenceOfToken[close])
            guard s >= 0, state.grammar.opensClause(quotation.open, sentence: text.sentences[s]) else { continue }
            let end = text.sentences[s].tokens.upperBound
            guard let mention = g.nounPhrase(startingAt: close + 2, limit: end),
                mention.tokens.upperBound == end || g.trimEnd(close + 2, end) <= mention.tokens.upperBound
                    || mention.appositive != nil
            else { continue }
            guard var draft = state.quoteDraft(q, source: mention, cue: nil) else { continue }
            draft.cue = (close + 1)..<(close + 2)
            draft.cueLemma = .dash
            state.add(draft)
        }
    }
}
