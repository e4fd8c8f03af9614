/// `X said A, adding that B` / `…, saying B`: a gerund cue after a comma reports a
/// second content of the main clause's source, with the same time.
struct ParticipialCueSieve: AttributionSieve {
    static let name = "ParticipialCue"

    func apply(to state: AttributionState) {
        let text = state.text
        let g = state.grammar
        // The latest attributed draft per sentence, in token order, found as we go.
        let order = state.drafts.indices.sorted { (state.drafts[$0].cue?.lowerBound ?? 0) < (state.drafts[$1].cue?.lowerBound ?? 0) }
        var mainBySentence: [Int: [Int]] = [:]
        for d in order where state.drafts[d].isAttributed { mainBySentence[state.drafts[d].sentence, default: []].append(d) }
        for c in state.cues.indices where !state.cueUsed[c] && state.cues[c].isParticipial {
            let cue = state.cues[c]
            guard let candidates = mainBySentence[cue.sentence],
                  let main = candidates.last(where: { (state.drafts[$0].cue?.lowerBound ?? Int.max) < cue.tokens.lowerBound })
            else { continue }
            let sentence = text.sentences[cue.sentence]
            let t = cue.tokens.upperBound
            guard t < sentence.tokens.upperBound else { continue }
            let e = g.contentEnd(from: t, sentence: sentence, state: state)
            let base = state.drafts[main]
            guard let source = base.source,
                  var draft = state.reportedDraft(t..<e, source: source, cue: c, time: base.time, rule: Self.name)
            else { continue }
            draft.via = base.via
            state.add(draft)
        }
    }
}
