/// `State television quoted the defence minister as saying the troops would stay`: a
/// relaying verb (complement ``Lexicon/Complement/originObject``: "quoted", "cited"), its
/// object, a preposition or function word ("as") and the object's own cue. The object is the origin (the claim's
/// source, cue "as saying"); the verb's subject is a hop of the chain (nested
/// attribution: PARC's source of a source, as in `Reuters reported, citing X, that …`).
///
/// The content follows the origin's cue (reported speech, or a quotation after a colon
/// or opening right after it), or, when that cue ends the sentence, comes first:
/// `“The talks are over,” Reuters quoted him as saying.`, `The talks are over, Reuters
/// quoted him as saying.`
struct QuotedAsSayingSieve: AttributionSieve {
    static let name = "QuotedAsSaying"

    func apply(to state: inout AttributionState) {
        let text = state.text
        for c in state.cues.indices
        where !state.cueUsed[c] && state.cues[c].phraseRole == nil && state.cues[c].complement == .originObject {
            let relay = state.cues[c]
            let sentence = text.sentences[relay.sentence]
            let objectStart = relay.tokens.upperBound
            guard let (preposition, o) = state.originCue(ofRelay: c),
                let origin = Self.object(objectStart, preposition, state),
                let relaySubject = state.subject(ofCue: c)
            else { continue }
            let cue = state.cues[o]
            guard var draft = Self.content(after: cue, before: relaySubject.mention, sentence, origin, o, &state)
            else { continue }
            draft.cue = preposition..<cue.tokens.upperBound
            draft.cueLemma = cue.lemma
            draft.cueIndex = o
            state.cueUsed[c] = true
            state.add(draft)
            let d = state.drafts.count - 1
            state.appendHop(
                HopDraft(source: relaySubject.mention, cue: relay.tokens, lemma: relay.lemma, time: relaySubject.time),
                toDraft: d)
            state.decide(draft: d, .via)
        }
    }

    /// The relaying verb's object `start..<end`: a noun phrase that fills it and can be a
    /// source, or "him" or "her", resolved as "he" and "she" are. ("Them" is not read:
    /// "they" resolves to the latest collective source, which here is the relay itself.)
    private static func object(_ start: Int, _ end: Int, _ state: AttributionState) -> MentionDraft? {
        if end == start + 1, state.text.tokens[start].kind == .word {
            let c = state.text.classes(start)
            if c.contains(.objectPronoun) {
                return c.isDisjoint(with: [.male, .female]) ? nil : MentionDraft(tokens: start..<end)
            }
        }
        guard let phrase = state.grammar.nounPhrase(startingAt: start, limit: end), phrase.tokens.upperBound == end,
            phrase.appositive == nil, state.grammar.isPlausibleSource(phrase.tokens)
        else { return nil }
        return phrase
    }

    /// The draft of the origin's content: after its cue, else before the relay's subject.
    private static func content(
        after cue: CueCandidate, before subject: MentionDraft, _ sentence: SentenceInfo, _ origin: MentionDraft,
        _ o: Int, _ state: inout AttributionState
    ) -> ClaimDraft? {
        let text = state.text
        let g = state.grammar
        let end = sentence.tokens.upperBound
        var t = cue.tokens.upperBound
        if t < end, g.trimEnd(t, end) > t {
            if text.tokens[t].isPunctuation(0x3A), t + 1 < end { t += 1 }
            if text.tokens[t].flags.contains(.opensQuote), let q = text.quotation(openedAt: t),
                let close = text.quotations[q].close, g.endsSentence(closingQuote: close, end: end)
            {
                return state.quoteDraft(q, source: origin, cue: o)
            }
            guard !text.tokens[cue.tokens.upperBound].isPunctuation(0x3A) else { return nil }
            // To the sentence's end or the next attribution, as for reported speech (in a
            // sentence without punctuation the end is the paragraph's).
            let contentEnd = g.contentEnd(from: t, sentence: sentence, state: &state)
            guard contentEnd > t, !state.isClaimed(t) else { return nil }
            return state.reportedDraft(t..<contentEnd, source: origin, cue: o, time: nil)
        }
        // The cue ends the sentence: the content is what comes before the relay's subject,
        // a quotation opening the sentence (`“…,” Reuters quoted` or `“…”, Reuters quoted`)
        // or a clause before a comma.
        func quotation(closedAt u: Int) -> Int? {
            guard text.tokens[u].flags.contains(.closesQuote), let q = text.quotation(closedAt: u),
                g.opensClause(text.quotations[q].open, sentence: sentence)
            else { return nil }
            return q
        }
        var before = subject.tokens.lowerBound - 1
        guard before > sentence.tokens.lowerBound else { return nil }
        if let q = quotation(closedAt: before) { return state.quoteDraft(q, source: origin, cue: o) }
        guard g.isComma(before) else { return nil }
        before -= 1
        if let q = quotation(closedAt: before) { return state.quoteDraft(q, source: origin, cue: o) }
        let start = sentence.tokens.lowerBound
        guard start <= before, !state.isClaimed(start) else { return nil }
        return state.reportedDraft(start..<(before + 1), source: origin, cue: o, time: nil)
    }
}

extension AttributionState {
    /// For a relaying cue `c` ("quoted"), the function word and the origin's own unused
    /// cue after its object ("the minister *as saying*"), within a noun phrase's reach.
    func originCue(ofRelay c: Int) -> (preposition: Int, cue: Int)? {
        let relay = cues[c]
        let end = text.sentences[relay.sentence].tokens.upperBound
        let objectStart = relay.tokens.upperBound
        var k = objectStart + 1
        while k + 1 < min(end, objectStart + Grammar.maxForwardPhrase + 1) {
            if text.tokens[k].kind == .word, !text.tokens[k].flags.contains(.capitalized),
                !text.classes(k).isDisjoint(with: [.preposition, .functionWord]),
                let o = unusedCue(startingAt: k + 1), cues[o].phraseRole == nil, cues[o].complement != .originObject
            {
                return (k, o)
            }
            if text.tokens[k].isTerminal || text.isQuoteMark(k) { return nil }
            k += 1
        }
        return nil
    }
}
