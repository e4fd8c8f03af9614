/// A quotation over several paragraphs: each paragraph reopens the quote and only
/// the last closes it. Each paragraph's part is a claim with the attribution of the
/// part before it.
struct ContinuedQuoteSieve: AttributionSieve {
    static let name = "ContinuedQuote"

    func apply(to state: inout AttributionState) {
        let text = state.text
        // Per quotation, the attributed draft of it, or -1.
        var draftOfQuotation = Array(filling: -1, count: text.quotations.count)
        for d in state.drafts.indices where state.drafts[d].isAttributed {
            if let q = state.drafts[d].quotation { draftOfQuotation[q] = d }
        }
        var previousOpen: Int? = nil  // the top-level quotation continuing into the next paragraph
        for (q, quotation) in text.quotations.enumerated() where quotation.depth == 0 {
            defer { previousOpen = quotation.continuesIntoNext ? q : nil }
            guard quotation.continuesFromPrevious, let p = previousOpen, draftOfQuotation[p] >= 0,
                draftOfQuotation[q] < 0, !quotation.contentTokens.isEmpty,
                !state.isClaimed(quotation.contentTokens.lowerBound)
            else { continue }
            guard var draft = state.quoteDraft(q, source: nil, cue: nil) else { continue }
            draft.inherit(from: state.drafts[draftOfQuotation[p]])
            state.decide(&draft, .source)
            state.add(draft)
            draftOfQuotation[q] = state.drafts.count - 1
        }
    }
}
