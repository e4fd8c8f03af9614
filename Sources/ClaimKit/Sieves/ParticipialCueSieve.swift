/// `X said A, adding that B` / `…, saying B` / `…, adding: “B”`: a gerund cue after a
/// comma reports a second content of the main clause's source, with the same time.
struct ParticipialCueSieve: AttributionSieve {
    static let name = "ParticipialCue"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        // Each sentence's attributed drafts in cue order (from the rules before this one):
        // the last one whose cue starts before a participle is found by binary search over
        // their cue starts (a scan per participle was quadratic in a long sentence of
        // ", saying …, adding …").
        let mainBySentence = DraftGroups(
            state.drafts, count: text.sentences.count, sortedByCue: true, group: \.sentence,
            where: \.isAttributed)
        func lastBefore(_ t: Int, in sentence: Int) -> Int? {
            let candidates = mainBySentence.drafts(of: sentence)
            var lo = candidates.startIndex
            var hi = candidates.endIndex
            while lo < hi {
                let mid = (lo + hi) / 2
                if state.drafts[Int(candidates[mid])].cue!.lowerBound < t { lo = mid + 1 } else { hi = mid }
            }
            return lo > candidates.startIndex ? Int(candidates[lo - 1]) : nil
        }
        for c in state.cues.indices where !state.cueUsed[c] && state.cues[c].isParticipial {
            let cue = state.cues[c]
            let sentence = text.sentences[cue.sentence]
            // ", adding: “…”" as ", adding, “…”": a colon introduces the content too, when
            // the content follows in the same sentence.
            guard let clause = state.reportedClause(ofCue: c),
                clause.colon == nil || g.trimEnd(clause.start, sentence.tokens.upperBound) > clause.start
            else { continue }
            let t = clause.start
            let e = g.contentEnd(from: t, sentence: sentence, state: &state)
            if let main = lastBefore(cue.tokens.lowerBound, in: cue.sentence) {
                let base = state.drafts[main]
                guard let source = base.source,
                    var draft = state.reportedDraft(t..<e, source: source, cue: c, time: base.time)
                else { continue }
                draft.via = base.via
                state.add(draft)
            } else if let subject = g.clauseSubject(sentence), subject.tokens.upperBound < cue.tokens.lowerBound,
                let draft = state.reportedDraft(t..<e, source: subject, cue: c, time: clause.time)
            {
                // "Both clubs condemned the violence, saying …": the main clause's subject.
                state.add(draft)
            }
        }
    }
}
