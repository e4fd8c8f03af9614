/// `According to X, C.` / `According to X, as reported by Y, C.` / `C, according to X.` /
/// `C according to X.` — the phrase
/// cue whose source follows it (GenderGapTracker has a dedicated rule for it).
struct AccordingToSieve: AttributionSieve {
    static let name = "AccordingTo"

    func apply(to state: inout AttributionState) {
        for c in state.cues.indices where !state.cueUsed[c] && state.cues[c].phraseRole == .sourceAfter {
            if let draft = Self.draft(ofPhrase: c, &state) { state.add(draft) }
        }
    }

    /// The draft of phrase cue `c` whose source follows it: the content is the rest of
    /// the sentence when the phrase opens it, else what comes before the phrase. Nil when
    /// no source follows or the content is empty or another claim's.
    static func draft(ofPhrase c: Int, _ state: inout AttributionState) -> ClaimDraft? {
        let text = state.text
        let g = state.grammar
        let cue = state.cues[c]
        let sentence = text.sentences[cue.sentence]
        let start = sentence.tokens.lowerBound
        let end = sentence.tokens.upperBound
        guard let mention = g.nounPhrase(startingAt: cue.tokens.upperBound, limit: end) else { return nil }
        var content: Range<Int>
        var leading = cue.tokens.lowerBound
        while leading > start, text.tokens[leading - 1].kind == .word,
            text.classes(leading - 1).contains(.coordinator) || text.classes(leading - 1).contains(.adverb)
        {
            leading -= 1
        }
        if leading == start {
            var t = mention.tokens.upperBound
            if let a = mention.appositive { t = a.upperBound }
            if t < end, g.isComma(t) { t += 1 }
            // "According to X, as reported by Y, C": the relay phrase is not content;
            // RelayPhraseSieve makes Y a hop of this attribution.
            if let r = state.unusedCue(startingAt: t), state.cues[r].phraseRole == .relayAfter,
                let relay = g.nounPhrase(startingAt: state.cues[r].tokens.upperBound, limit: end)
            {
                var u = (relay.appositive ?? relay.tokens).upperBound
                if let time = g.timeExpression(startingAt: u, limit: end) { u = time.upperBound }
                if u < end, g.isComma(u) { t = u + 1 }
            }
            content = t..<g.contentEnd(from: t, sentence: sentence, state: &state)
        } else {
            var e = cue.tokens.lowerBound
            if g.isComma(e - 1) { e -= 1 }
            content = start..<e
        }
        guard !content.isEmpty, !state.isClaimed(content.lowerBound) else { return nil }
        return state.reportedDraft(content, source: mention, cue: c, time: nil)
    }
}
