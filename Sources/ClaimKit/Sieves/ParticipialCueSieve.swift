/// `X said A, adding that B` / `…, saying B` / `…, adding: “B”`: a gerund cue after a
/// comma reports a second content of the main clause's source, with the same time.
struct ParticipialCueSieve: AttributionSieve {
    static let name = "ParticipialCue"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        // The latest attributed draft per sentence, in token order, found as we go.
        let order = state.drafts.indices.sorted {
            (state.drafts[$0].cue?.lowerBound ?? 0) < (state.drafts[$1].cue?.lowerBound ?? 0)
        }
        var mainBySentence: [Int: [Int]] = [:]
        for d in order where state.drafts[d].isAttributed {
            mainBySentence[state.drafts[d].sentence, default: []].append(d)
        }
        // Each sentence's candidates are in cue order: the last one whose cue starts before
        // a participle is found by binary search over their cue starts (a scan per
        // participle was quadratic in a long sentence of ", saying …, adding …").
        var cueStartsBySentence: [Int: [Int]] = [:]
        for (s, list) in mainBySentence { cueStartsBySentence[s] = list.map { state.drafts[$0].cue!.lowerBound } }
        func lastBefore(_ t: Int, in sentence: Int) -> Int? {
            guard let candidates = mainBySentence[sentence], let starts = cueStartsBySentence[sentence] else {
                return nil
            }
            var lo = 0
            var hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < t { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 ? candidates[lo - 1] : nil
        }
        for c in state.cues.indices where !state.cueUsed[c] && state.cues[c].isParticipial {
            let cue = state.cues[c]
            let sentence = text.sentences[cue.sentence]
            // ", adding: “…”" as ", adding, “…”": a colon introduces the content too, when
            // the content follows in the same sentence.
            guard let clause = g.reportedClause(after: cue, sentence: sentence),
                clause.colon == nil || g.trimEnd(clause.start, sentence.tokens.upperBound) > clause.start
            else { continue }
            let t = clause.start
            let e = g.contentEnd(from: t, sentence: sentence, state: state)
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
