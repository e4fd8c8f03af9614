/// A headline that attributes with a colon: `Minister: fares to rise 6%`. The cue is
/// the colon; the source is the short noun phrase before it.
struct HeadlineColonSieve: AttributionSieve {
    static let name = "HeadlineColon"

    func apply(to state: inout AttributionState) {
        let text = state.text
        for (s, sentence) in text.sentences.enumerated() where sentence.isHeading {
            let range = sentence.tokens
            guard let colon = range.first(where: { text.tokens[$0].isPunctuation(0x3A) }),
                colon > range.lowerBound, colon - range.lowerBound <= 6, colon + 1 < range.upperBound
            else { continue }
            let sourceRange = range.lowerBound..<colon
            guard sourceRange.allSatisfy({ state.grammar.isNounPhraseToken($0) }),
                state.grammar.isPlausibleSource(sourceRange),
                state.grammar.namesSource(MentionDraft(tokens: sourceRange)),
                !text.classes(sourceRange.lowerBound).contains(.clauseWord)
            else { continue }
            // A Title Case headline may end with a full stop, which is no part of the claim.
            let content = (colon + 1)..<state.grammar.trimEnd(colon + 1, range.upperBound)
            guard !content.isEmpty else { continue }
            var draft = ClaimDraft(
                content: text.span(of: content), contentTokens: content, kind: .indirect, sentence: s,
                source: MentionDraft(tokens: sourceRange))
            draft.cue = colon..<(colon + 1)
            draft.cueLemma = .colon
            state.decide(&draft, .content)
            state.decide(&draft, .source)
            state.add(draft)
        }
    }
}
