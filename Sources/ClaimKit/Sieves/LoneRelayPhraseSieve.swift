/// `The port will close, as reported by the Tarrow Gazette.` — a relay phrase
/// (`relayAfter`: "as reported by", "cited by") in a sentence no earlier rule attributed:
/// with no origin named, the outlet it names is the source, its content found as for
/// "according to" (``AccordingToSieve``). A later `citing Y` makes the outlet a hop and Y
/// the origin (``RelayPhraseSieve``), as in `Reuters reported, citing Y, that …`.
///
/// Runs after every rule that finds an attribution of its own, so that a relay phrase
/// of an attributed sentence (`C, the ministry said, as reported by Y`) stays a hop.
struct LoneRelayPhraseSieve: AttributionSieve {
    static let name = "LoneRelayPhrase"

    func apply(to state: inout AttributionState) {
        var attributed = Array(filling: false, count: state.text.sentences.count)
        for draft in state.drafts where !draft.isDropped && draft.isAttributed { attributed[draft.sentence] = true }
        for relay in state.relays { attributed[relay.sentence] = true }
        for c in state.cues.indices
        where !state.cueUsed[c] && state.cues[c].phraseRole == .relayAfter && !attributed[state.cues[c].sentence] {
            guard Self.standsAlone(c, state), let draft = AccordingToSieve.draft(ofPhrase: c, &state),
                state.grammar.hasFiniteVerb(from: draft.contentTokens.lowerBound, end: draft.contentTokens.upperBound)
            else { continue }
            attributed[draft.sentence] = true
            state.add(draft)
        }
    }

    /// The phrase opens its sentence, or its noun phrase (and a time after it) ends the
    /// sentence or leads to another phrase cue (`…, citing Y`): `The report, cited by the
    /// Gazette, was never published` is a noun's modifier, not an attribution.
    static func standsAlone(_ c: Int, _ state: AttributionState) -> Bool {
        let text = state.text
        let g = state.grammar
        let cue = state.cues[c]
        let sentence = text.sentences[cue.sentence]
        let end = sentence.tokens.upperBound
        if cue.tokens.lowerBound == sentence.tokens.lowerBound { return true }
        guard let mention = g.nounPhrase(startingAt: cue.tokens.upperBound, limit: end) else { return false }
        var t = (mention.appositive ?? mention.tokens).upperBound
        if let time = g.timeExpression(startingAt: t, limit: end) { t = time.upperBound }
        if g.trimEnd(t, end) <= t { return true }
        guard g.isComma(t), let next = state.cue(at: t + 1) else { return false }
        return state.cues[next].tokens.lowerBound == t + 1 && state.cues[next].phraseRole != nil
    }
}
