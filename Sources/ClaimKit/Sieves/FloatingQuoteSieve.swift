/// A paragraph that is only a quotation, with no cue, right after a paragraph whose
/// last claim is attributed, is that source's quote (GenderGapTracker's floating quotes;
/// CoreNLP's paragraph sieves).
struct FloatingQuoteSieve: AttributionSieve {
    static let name = "FloatingQuote"

    func apply(to state: inout AttributionState) {
        let text = state.text
        // Per paragraph: its last attributed draft (-1 for none) and whether it holds any
        // claim (one array with a slot per paragraph).
        var byParagraph = Array(filling: (last: -1, anyClaim: false), count: text.paragraphs.count)
        func paragraph(_ d: ClaimDraft) -> Int { text.sentences[d.sentence].paragraph }
        for d in state.drafts.indices where state.drafts[d].isAttributed && !state.drafts[d].isDropped {
            let p = paragraph(state.drafts[d])
            let old = byParagraph[p].last
            if old >= 0, state.drafts[old].content.start > state.drafts[d].content.start {
                continue
            }
            byParagraph[p].last = d
        }
        for draft in state.drafts where !draft.isDropped { byParagraph[paragraph(draft)].anyClaim = true }
        for (q, quotation) in text.quotations.enumerated()
        where quotation.depth == 0 && !quotation.continuesFromPrevious {
            let p = quotation.paragraph
            let tokens = text.paragraphs[p].tokens
            guard p > 0, quotation.open == tokens.lowerBound, !byParagraph[p].anyClaim, !quotation.contentTokens.isEmpty
            else { continue }
            // Nothing but the quotation (and final punctuation) in the paragraph.
            let closeEnd = quotation.close ?? tokens.upperBound - 1
            let rest = (closeEnd + 1)..<tokens.upperBound
            guard rest.allSatisfy({ text.tokens[$0].kind == .punctuation }) else { continue }
            let base = byParagraph[p - 1].last
            guard base >= 0,
                var draft = state.quoteDraft(q, source: nil, cue: nil)
            else { continue }
            draft.inherit(from: state.drafts[base])
            state.decide(&draft, .source)
            state.add(draft)
            byParagraph[p].last = state.drafts.count - 1
            byParagraph[p].anyClaim = true
            // A floating quotation that runs on over the next paragraphs carries its attribution along.
            var current = q
            while text.quotations[current].continuesIntoNext, let next = nextPart(after: current, text),
                !state.isClaimed(text.quotations[next].contentTokens.lowerBound),
                var part = state.quoteDraft(next, source: nil, cue: nil)
            {
                part.inherit(from: draft)
                state.decide(&part, .source)
                state.add(part)
                let np = text.quotations[next].paragraph
                byParagraph[np].last = state.drafts.count - 1
                byParagraph[np].anyClaim = true
                current = next
            }
        }
    }

    /// The part of a multi-paragraph quotation that opens the next paragraph.
    private func nextPart(after q: Int, _ text: TextAnalysis) -> Int? {
        var k = q + 1
        while k < text.quotations.count, text.quotations[k].paragraph <= text.quotations[q].paragraph + 1 {
            let candidate = text.quotations[k]
            if candidate.depth == 0, candidate.continuesFromPrevious,
                candidate.paragraph == text.quotations[q].paragraph + 1,
                !candidate.contentTokens.isEmpty
            {
                return k
            }
            k += 1
        }
        return nil
    }
}
