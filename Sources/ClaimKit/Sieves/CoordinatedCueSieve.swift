/// `X said A, but cautioned that B` / `X denied A and insisted that B`: a cue after a
/// coordinator, with no subject of its own, shares the source of the attribution
/// before it in the sentence (verb-phrase coordination).
struct CoordinatedCueSieve: AttributionSieve {
    static let name = "CoordinatedCue"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        // The cues come in token order, so within a sentence the drafts whose cue starts
        // before the current cue only grow: walk them in cue order and keep the greatest
        // draft index seen, which is what `list.last(where: cue before)` found by scanning
        // the sentence's drafts for every cue (quadratic in a long sentence).
        let byCue = DraftGroups(
            state.drafts, count: text.sentences.count, sortedByCue: true, group: \.sentence,
            where: \.isAttributed)
        // Per sentence: the next draft to walk past, and the greatest draft index passed.
        var walk = (0..<byCue.count).map { (next: byCue.drafts(of: $0).startIndex, latest: -1) }
        func latestDraft(before t: Int, in s: Int) -> Int? {
            let group = byCue.drafts(of: s)
            while walk[s].next < group.endIndex, state.drafts[Int(group[walk[s].next])].cue!.lowerBound < t {
                walk[s].latest = max(walk[s].latest, Int(group[walk[s].next]))
                walk[s].next += 1
            }
            return walk[s].latest >= 0 ? walk[s].latest : nil
        }
        for c in state.cues.indices where !state.cueUsed[c] && state.cues[c].phraseRole == nil {
            let cue = state.cues[c]
            let sentence = text.sentences[cue.sentence]
            guard g.isCoordinated(before: cue.tokens.lowerBound, start: sentence.tokens.lowerBound),
                let main = latestDraft(before: cue.tokens.lowerBound, in: cue.sentence),
                let clause = state.reportedClause(ofCue: c), clause.colon == nil,
                let source = state.drafts[main].source
            else { continue }
            let end = g.contentEnd(from: clause.start, sentence: sentence, state: &state)
            guard
                var draft = state.reportedDraft(
                    clause.start..<end, source: source, cue: c, time: clause.time ?? state.drafts[main].time)
            else { continue }
            draft.via = state.drafts[main].via
            state.add(draft)
        }
    }
}
