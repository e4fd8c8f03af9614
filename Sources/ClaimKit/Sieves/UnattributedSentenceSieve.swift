/// Every sentence that no rule attributed, and that is not a headline, subheading or
/// dateline, is a narrator statement: an `unattributed` claim of the whole sentence.
struct UnattributedSentenceSieve: AttributionSieve {
    static let name = "UnattributedSentence"

    func apply(to state: inout AttributionState) {
        let text = state.text
        var covered = Array(filling: false, count: text.sentences.count)
        func mark(_ t: Int) {
            let s = Int(text.sentenceOfToken[t])
            if s >= 0 { covered[s] = true }
        }
        for draft in state.drafts where !draft.isDropped {
            covered[draft.sentence] = true
            if let first = draft.contentTokens.first { mark(first) }
            if let source = draft.source { mark(source.tokens.lowerBound) }
            if let cue = draft.cue { mark(cue.lowerBound) }
        }
        for relay in state.relays { covered[relay.sentence] = true }
        for (s, sentence) in text.sentences.enumerated() where !sentence.isHeading && !covered[s] {
            // A quotation split across sentences belongs to its claim already.
            if state.isClaimed(sentence.tokens.lowerBound) { continue }
            let end = state.grammar.trimEnd(sentence.tokens.lowerBound, sentence.tokens.upperBound)
            guard end > sentence.tokens.lowerBound else { continue }
            let range = sentence.tokens.lowerBound..<end
            guard range.contains(where: { text.tokens[$0].isWord }) else { continue }
            var draft = ClaimDraft(
                content: text.span(of: range), contentTokens: range, kind: .unattributed, sentence: s)
            state.decide(&draft, .content)
            state.add(draft)
        }
    }
}
