/// When the statement was made: a time expression right after the cue ("said on
/// Tuesday"), fronted before the source ("Last week, Haftar said", "On Saturday, the
/// agency said"), or in a fronted participle ("Speaking on Saturday, X said").
struct StatementTimeSieve: AttributionSieve {
    static let name = "StatementTime"

    func apply(to state: AttributionState) {
        let text = state.text
        let g = state.grammar
        for d in state.drafts.indices where state.drafts[d].isAttributed && state.drafts[d].time == nil {
            let draft = state.drafts[d]
            let sentence = text.sentences[draft.sentence]
            let end = sentence.tokens.upperBound
            if let r = g.timeExpression(startingAt: draft.cue!.upperBound, limit: end) {
                state.drafts[d].time = r
                state.drafts[d].decided("time", by: Self.name)
                continue
            }
            // Fronted: the sentence opens with a time (or "Speaking <time>") and a comma right
            // before the source.
            guard let source = draft.source, source.tokens.lowerBound >= 2,
                  g.isComma(source.tokens.lowerBound - 1)
            else { continue }
            var t = text.sentences[Int(text.sentenceOfToken[source.tokens.lowerBound])].tokens.lowerBound
            if text.tokens[t].kind == .word, CueScanner.endsInIng(text, t) {
                t += 1  // "Speaking on Saturday,"
            }
            if let r = g.timeExpression(startingAt: t, limit: end), r.upperBound == source.tokens.lowerBound - 1 {
                state.drafts[d].time = r
                state.drafts[d].decided("time", by: Self.name)
            }
        }
    }
}
