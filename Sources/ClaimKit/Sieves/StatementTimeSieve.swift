/// When the statement was made: a time expression right after the cue or its audience
/// ("said on Tuesday", "told the jury last week", "told reporters two hours later"),
/// fronted before the source ("Last week, Haftar said", "On Saturday, the agency said"),
/// or inside a fronted participle ("Speaking on Saturday, X said", "Giving evidence
/// earlier this month, X told the court").
struct StatementTimeSieve: AttributionSieve {
    static let name = "StatementTime"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        for d in state.drafts.indices where state.drafts[d].isAttributed && state.drafts[d].time == nil {
            let draft = state.drafts[d]
            let sentence = text.sentences[draft.sentence]
            let end = sentence.tokens.upperBound
            var t = draft.cue!.upperBound
            if text.index.lemmaTakesAudience[Int(draft.cueLemma.raw)], let a = g.audience(startingAt: t, limit: end) {
                t = a.upperBound
            }
            if let r = g.timeExpression(startingAt: t, limit: end) {
                state.drafts[d].time = r
                state.decide(draft: d, .time)
                continue
            }
            if let r = frontedTime(draft, g) {
                state.drafts[d].time = r
                state.decide(draft: d, .time)
            }
        }
    }

    /// A time in what opens the sentence before "<comma> SOURCE": either the whole opener
    /// ("Last week,") or the end of a participle clause ("Speaking to parliament on Monday,").
    private func frontedTime(_ draft: ClaimDraft, _ g: Grammar) -> Range<Int>? {
        let text = g.text
        guard let source = draft.source, source.tokens.lowerBound >= 2, g.isComma(source.tokens.lowerBound - 1) else {
            return nil
        }
        let comma = source.tokens.lowerBound - 1
        let start = text.sentences[Int(text.sentenceOfToken[source.tokens.lowerBound])].tokens.lowerBound
        guard comma - start <= 12 else { return nil }
        if let r = g.timeExpression(startingAt: start, limit: comma), r.upperBound == comma { return r }
        guard text.tokens[start].kind == .word, CueScanner.endsInIng(text, start) else { return nil }
        for u in (start + 1)..<comma {
            if let r = g.timeExpression(startingAt: u, limit: comma), r.upperBound == comma { return r }
        }
        return nil
    }
}
