/// `X said (that) C`, `X told reporters C`, `X believes that C`, `X said in an interview
/// with CBS that C`: a subject before the cue and a reported clause after it (PARC's
/// indirect attribution). Whether a clause can follow is the verb's `complement` in the
/// lexicon. The clause runs to the end of the sentence or to what closes it
/// (`Grammar.contentEnd`). When the next attribution in the sentence starts right after
/// the cue ("X told parliament that Y had assured him C"), this attribution is a relay
/// of that one, left for ``NestedAttributionSieve``.
struct ReportedSpeechSieve: AttributionSieve {
    static let name = "ReportedSpeech"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        for c in state.cues.indices where !state.cueUsed[c] {
            let cue = state.cues[c]
            guard cue.phraseRole == nil, !cue.isParticipial else { continue }
            let sentence = text.sentences[cue.sentence]
            guard !sentence.isHeading,
                let subject = state.subject(ofCue: c),
                let clause = state.reportedClause(ofCue: c),
                clause.colon == nil, g.isValidAttribution(cue, subject: subject.mention, clause: clause)
            else { continue }
            let t = clause.start
            let time = subject.time ?? clause.time
            var contentEnd = g.contentEnd(from: t, sentence: sentence, state: &state)
            // "The report, which said prices would rise, was published": the relative clause ends it.
            if subject.mention.antecedent != nil, g.isComma(subject.mention.tokens.lowerBound - 1),
                let comma = (t..<contentEnd).first(where: { g.isComma($0) })
            {
                contentEnd = comma
            }
            if contentEnd <= t {
                // Nothing of its own before the next attribution: a relay of it.
                var relay = ClaimDraft(
                    content: Span(Int(text.tokens[t].start), Int(text.tokens[t].start)), contentTokens: t..<t,
                    kind: .indirect, sentence: cue.sentence, source: subject.mention)
                relay.cue = cue.tokens
                relay.cueLemma = cue.lemma
                relay.cueIndex = c
                relay.time = time
                state.decide(&relay, .via)
                state.cueUsed[c] = true
                state.relays.append(relay)
                continue
            }
            if let draft = state.reportedDraft(
                t..<contentEnd, source: subject.mention, cue: c, time: time)
            {
                state.add(draft)
            }
        }
    }
}
