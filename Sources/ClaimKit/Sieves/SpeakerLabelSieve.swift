/// A transcript line: `WALLACE: Let's start with …` (possibly inside an opening
/// quotation mark). The speaker label is the source, the colon the cue, and the rest
/// of the paragraph a direct claim. A name label needs a quotation after the colon:
/// `Holloway: “We stand by the plan.”`.
struct SpeakerLabelSieve: AttributionSieve {
    static let name = "SpeakerLabel"

    func apply(to state: inout AttributionState) {
        let text = state.text
        for paragraph in text.paragraphs where !paragraph.isHeading {
            var t = paragraph.bodyStart
            let end = paragraph.tokens.upperBound
            if t < end, text.tokens[t].flags.contains(.opensQuote) { t += 1 }
            let labelStart = t
            while t < end, t - labelStart < 3, text.tokens[t].kind == .word, text.tokens[t].flags.contains(.allCaps),
                text.tokens[t].end - text.tokens[t].start >= 2
            {
                t += 1
            }
            if t == labelStart {
                nameLabel(labelStart, end, &state)
                continue
            }
            guard t + 1 < end, text.tokens[t].isPunctuation(0x3A) else { continue }
            var contentEnd = end
            if text.tokens[end - 1].flags.contains(.closesQuote) { contentEnd = end - 1 }
            let content = (t + 1)..<contentEnd
            guard !content.isEmpty, let span = state.grammar.contentSpan(content) else { continue }
            var draft = ClaimDraft(
                content: span, contentTokens: content, kind: .direct, sentence: Int(text.sentenceOfToken[t + 1]),
                source: MentionDraft(tokens: labelStart..<t))
            draft.cue = t..<(t + 1)
            draft.cueLemma = .colon
            state.decide(&draft, .content)
            state.decide(&draft, .source)
            state.add(draft)
        }
    }

    /// `Holloway: “We stand by the plan.”` — one to three capitalised words and a colon
    /// before a quotation that fills the rest of the paragraph: a direct claim of the
    /// label, the colon its cue.
    private func nameLabel(_ labelStart: Int, _ end: Int, _ state: inout AttributionState) {
        let text = state.text
        var u = labelStart
        while u < end, u - labelStart < 3, text.tokens[u].kind == .word, text.tokens[u].flags.contains(.capitalized),
            text.classes(u).isDisjoint(with: [.functionWord, .pronoun])
        {
            u += 1
        }
        guard u > labelStart, u + 1 < end, text.tokens[u].isPunctuation(0x3A),
            let q = text.quotation(openedAt: u + 1), let close = text.quotations[q].close,
            state.grammar.trimEnd(close, end) <= close + 1,
            let first = text.quotations[q].contentTokens.first, !state.isClaimed(first),
            var draft = state.quoteDraft(q, source: MentionDraft(tokens: labelStart..<u), cue: nil)
        else { return }
        draft.cue = u..<(u + 1)
        draft.cueLemma = .colon
        state.add(draft)
    }
}
