/// A transcript line: `WALLACE: Let's start with …` (possibly inside an opening
/// quotation mark). The speaker label is the source, the colon the cue, and the rest
/// of the paragraph a direct claim.
struct SpeakerLabelSieve: AttributionSieve {
    static let name = "SpeakerLabel"

    func apply(to state: AttributionState) {
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
            guard t > labelStart, t + 1 < end, text.tokens[t].isPunctuation(0x3A) else { continue }
            var contentEnd = end
            if text.tokens[end - 1].flags.contains(.closesQuote) { contentEnd = end - 1 }
            let content = (t + 1)..<contentEnd
            guard !content.isEmpty, let span = state.grammar.contentSpan(content) else { continue }
            var draft = ClaimDraft(
                content: span, contentTokens: content, kind: .direct, sentence: Int(text.sentenceOfToken[t + 1]),
                source: MentionDraft(tokens: labelStart..<t))
            draft.cue = t..<(t + 1)
            draft.cueLemma = ":"
            draft.decided("content", by: Self.name)
            draft.decided("source", by: Self.name)
            state.add(draft)
        }
    }
}
