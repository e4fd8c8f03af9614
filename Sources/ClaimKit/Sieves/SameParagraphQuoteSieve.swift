/// `“A,” she said, “B.”` and `“A,” she said. “B …`: a quotation later in the same
/// paragraph as an attributed quotation, with no cue of its own in between, has the
/// same attribution (the split quote and its continuation).
struct SameParagraphQuoteSieve: AttributionSieve {
    static let name = "SameParagraphQuote"

    func apply(to state: inout AttributionState) {
        let text = state.text
        // Per paragraph, the draft index of its latest attributed quotation, or -1.
        var lastDirect = Array(filling: -1, count: text.paragraphs.count)
        var order = state.drafts.indices.filter { state.drafts[$0].quotation != nil && state.drafts[$0].isAttributed }
        order.sort { state.drafts[$0].quotation! < state.drafts[$1].quotation! }
        var k = 0
        for (q, quotation) in text.quotations.enumerated() where quotation.depth == 0 {
            while k < order.count, state.drafts[order[k]].quotation! <= q {
                let d = order[k]
                lastDirect[text.quotations[state.drafts[d].quotation!].paragraph] = d
                k += 1
            }
            let d = lastDirect[quotation.paragraph]
            guard d >= 0, state.drafts[d].quotation! < q,
                !state.isClaimed(
                    quotation.contentTokens.lowerBound < text.tokens.count
                        ? quotation.contentTokens.lowerBound : quotation.open),
                !quotation.contentTokens.isEmpty
            else { continue }
            let base = state.drafts[d]
            // No other cue between the attributed quotation and this one.
            let from = text.quotations[base.quotation!].close ?? quotation.open
            let between = (from + 1)..<quotation.open
            let otherCue = between.contains { t in
                guard let c = state.cue(at: t) else { return false }
                return state.cues[c].tokens != base.cue
            }
            guard !otherCue, var draft = state.quoteDraft(q, source: base.source, cue: nil) else {
                continue
            }
            draft.inherit(from: base)
            state.add(draft)
            lastDirect[quotation.paragraph] = state.drafts.count - 1
        }
    }
}

extension ClaimDraft {
    /// Takes over another draft's attribution (source, cue, time, chain).
    mutating func inherit(from base: ClaimDraft) {
        source = base.source
        cue = base.cue
        cueLemma = base.cueLemma
        cueIndex = nil
        time = base.time
        via = base.via
    }
}
