/// `X said A and that B` → two claims with the same attribution (PARC splits
/// coordinated contents that each have their own complementizer).
struct CoordinatedContentSieve: AttributionSieve {
    static let name = "CoordinatedContent"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        var d = 0
        while d < state.drafts.count {
            defer { d += 1 }
            let draft = state.drafts[d]
            guard draft.kind == .indirect, draft.isAttributed, let c = draft.cueIndex else { continue }
            let sentence = text.sentences[draft.sentence]
            var t = draft.contentTokens.upperBound
            while t < sentence.tokens.upperBound, text.tokens[t].kind == .punctuation, !g.isComma(t) { t += 1 }
            guard t < sentence.tokens.upperBound, g.isCoordinatedThat(t) else { continue }
            let start = (g.isComma(t) ? t + 1 : t) + 1  // after "and"; reportedDraft drops "that"
            let end = g.contentEnd(from: start + 1, sentence: sentence, state: &state)
            guard end > start + 1, let source = draft.source,
                var second = state.reportedDraft(start..<end, source: source, cue: c, time: draft.time)
            else { continue }
            second.via = draft.via
            state.add(second)
        }
    }
}
