/// `X said (that) C`, `X told reporters C`, `X believes that C`: a subject before the
/// cue and a reported clause after it (PARC's indirect attribution). The clause runs to
/// the end of the sentence or to the next thing that closes it (`Grammar.contentEnd`).
/// When the next attribution in the sentence starts right after the cue ("X told
/// parliament that Y had assured him C"), this attribution is a relay of that one and
/// is left for ``NestedAttributionSieve``.
struct ReportedSpeechSieve: AttributionSieve {
    static let name = "ReportedSpeech"

    func apply(to state: AttributionState) {
        let text = state.text
        let g = state.grammar
        for c in state.cues.indices where !state.cueUsed[c] {
            let cue = state.cues[c]
            guard cue.phraseRole == nil, !cue.isParticipial else { continue }
            let sentence = text.sentences[cue.sentence]
            guard !sentence.isHeading else { continue }
            let end = sentence.tokens.upperBound
            guard let subject = g.subject(endingBefore: cue.tokens.lowerBound, limit: sentence.tokens.lowerBound)
            else { continue }
            var t = cue.tokens.upperBound
            var time = subject.time
            if let r = g.timeExpression(startingAt: t, limit: end) { time = time ?? r; t = r.upperBound }
            if cue.lemma == "tell" || cue.lemma == "inform" || cue.lemma == "brief" || cue.lemma == "assure",
                let a = g.audience(startingAt: t, limit: end)
            {
                t = a.upperBound
                if let r = g.timeExpression(startingAt: t, limit: end) { time = time ?? r; t = r.upperBound }
            }
            // An extension after the time: "said on Thursday in a statement".
            guard t < end else { continue }
            let first = text.tokens[t]
            if first.kind != .word && first.kind != .number && !text.isQuoteMark(t) { continue }
            if first.kind == .word {
                let cls = text.classes(t)
                // An infinitive or a preposition is not a reported clause ("promised to", "said in").
                if cls.contains(.preposition) && !cls.contains(.complementizer) || cls.contains(.coordinator) { continue }
                if cls.contains(.beForm) { continue }
            }
            if cue.cueClass == .belief, !text.classes(t).contains(.complementizer), !startsClause(t, g) { continue }
            let contentEnd = g.contentEnd(from: t, sentence: sentence, state: state)
            let isOnlyThat = contentEnd - t <= 1 && text.tokens[t].kind == .word && text.classes(t).contains(.complementizer)
            if contentEnd <= t || isOnlyThat {
                // Nothing of its own before the next attribution: a relay of it.
                var relay = ClaimDraft(
                    content: Span(Int(text.tokens[t].start), Int(text.tokens[t].start)), contentTokens: t..<t,
                    kind: .indirect, sentence: cue.sentence, source: subject.mention)
                relay.cue = cue.tokens
                relay.cueLemma = cue.lemma
                relay.cueIndex = c
                relay.time = time
                relay.decided("via", by: Self.name)
                state.cueUsed[c] = true
                state.relays.append(relay)
                continue
            }
            if contentEnd - t < 2, !text.isQuoteMark(t) { continue }
            if let draft = state.reportedDraft(t..<contentEnd, source: subject.mention, cue: c, time: time, rule: Self.name) {
                state.add(draft)
            }
        }
    }

    /// A clause starts with a noun phrase or a pronoun, not with "to" or "of".
    private func startsClause(_ t: Int, _ g: Grammar) -> Bool {
        let c = g.classes(t)
        return !(c.contains(.preposition) || c.contains(.adverb) && !c.contains(.determiner))
    }
}
