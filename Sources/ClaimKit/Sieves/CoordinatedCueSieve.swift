/// `X said A, but cautioned that B` / `X denied A and insisted that B`: a cue after a
/// coordinator, with no subject of its own, shares the source of the attribution
/// before it in the sentence (verb-phrase coordination).
struct CoordinatedCueSieve: AttributionSieve {
    static let name = "CoordinatedCue"

    func apply(to state: AttributionState) {
        let text = state.text
        let g = state.grammar
        var bySentence: [Int: [Int]] = [:]
        for d in state.drafts.indices where state.drafts[d].isAttributed { bySentence[state.drafts[d].sentence, default: []].append(d) }
        for c in state.cues.indices where !state.cueUsed[c] && state.cues[c].phraseRole == nil {
            let cue = state.cues[c]
            let sentence = text.sentences[cue.sentence]
            guard g.isCoordinated(before: cue.tokens.lowerBound, start: sentence.tokens.lowerBound),
                  let list = bySentence[cue.sentence],
                  let main = list.last(where: { state.drafts[$0].cue!.lowerBound < cue.tokens.lowerBound }),
                  let clause = g.reportedClause(after: cue, sentence: sentence), clause.colon == nil,
                  let source = state.drafts[main].source
            else { continue }
            let end = g.contentEnd(from: clause.start, sentence: sentence, state: state)
            guard var draft = state.reportedDraft(
                clause.start..<end, source: source, cue: c, time: clause.time ?? state.drafts[main].time, rule: Self.name)
            else { continue }
            draft.via = state.drafts[main].via
            state.add(draft)
        }
    }
}
