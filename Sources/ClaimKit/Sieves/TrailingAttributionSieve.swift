/// `C, X said.` / `C, said X, a spokeswoman for the ministry.` / `C, state media
/// reported, an agreement that …`: the attribution follows the content after a comma.
/// The content runs from the start of the sentence to that comma.
struct TrailingAttributionSieve: AttributionSieve {
    static let name = "TrailingAttribution"

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        // Drafts per sentence (from the rules before this one), looked up by sentence only.
        let draftsBySentence = DraftGroups(
            state.drafts, count: text.sentences.count, group: \.sentence, where: { _ in true })
        for c in state.cues.indices where !state.cueUsed[c] {
            let cue = state.cues[c]
            guard cue.phraseRole == nil, !cue.isParticipial else { continue }
            let sentence = text.sentences[cue.sentence]
            guard !sentence.isHeading else { continue }
            let start = sentence.tokens.lowerBound
            let end = sentence.tokens.upperBound
            var source: MentionDraft
            var comma: Int
            var time: Range<Int>? = nil
            var after: Int
            let normal = state.subject(ofCue: c)
            let crossesParenthetical =
                normal.map { $0.mention.appositive != nil || $0.mention.parenthetical != nil } ?? false
            if !crossesParenthetical, let inverted = invertedSource(cue, sentence, g) {
                // C, said X
                (source, time) = inverted
                // After `,"` the content keeps its closing mark.
                comma =
                    text.tokens[cue.tokens.lowerBound - 1].flags.contains(.closesQuote)
                    ? cue.tokens.lowerBound : cue.tokens.lowerBound - 1
                after = max((source.appositive ?? source.tokens).upperBound, time?.upperBound ?? 0)
            } else {
                guard let subject = normal else { continue }
                var before = subject.mention.tokens.lowerBound - 1
                if let timeStart = subject.time?.lowerBound, timeStart < subject.mention.tokens.lowerBound {
                    before = timeStart - 1
                }
                // `…,” McConnell said`: the comma inside the closing mark separates too.
                let quoteComma =
                    before > start + 1 && text.tokens[before].flags.contains(.closesQuote)
                    && g.isComma(before - 1)
                guard before > start, g.isComma(before) || quoteComma else { continue }
                source = subject.mention
                comma = quoteComma ? before + 1 : before
                time = subject.time
                after = cue.tokens.upperBound
                // "…, Erik Lund told reporters." / "…, Smith told Reuters." (an outlet becomes
                // a hop of the chain later, in RelayPhraseSieve).
                if cue.takesAudience, let a = g.audience(startingAt: after, limit: end) {
                    after = a.upperBound
                }
            }
            if time == nil, let r = g.timeExpression(startingAt: after, limit: end) {
                time = r
                after = r.upperBound
            }
            // The attribution must close the clause: the sentence ends or a comma follows.
            func closes(_ t: Int) -> Bool { t >= g.trimEnd(t, end) || g.isComma(t) }
            // "…, the ministry said in London on Wednesday." (Not after a form that is a noun
            // too: "…, sometimes violent protests over the past three days".)
            if !closes(after), !text.classes(cue.head).contains(.verbNounForm) {
                let past = g.adverbials(from: after, limit: end)
                if closes(past.end) {
                    after = past.end
                    if time == nil { time = past.time }
                }
            }
            guard closes(after) || after < end && text.tokens[after].isTerminal else { continue }
            // Content already claimed is taken, unless by an attribution that lies wholly
            // inside this one's content ("The skipper said C, the agency reported"): that
            // one becomes nested, and NestedAttribution makes this source its relay.
            guard comma > start,
                !state.isClaimed(comma - 1)
                    || draftsBySentence.drafts(of: cue.sentence).contains(where: { i in
                        let d = state.drafts[Int(i)]
                        return !d.isDropped && d.kind != .direct && d.contentTokens.contains(comma - 1)
                            && d.source.map({ start <= $0.tokens.lowerBound }) == true
                            && d.cue.map({ $0.upperBound <= comma }) == true
                    })
            else { continue }
            // "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt": the attribution
            // sits inside the content, which is one span from its start to the sentence end.
            var contentEnd = comma
            if g.isComma(after), after + 1 < end, continuesClause(after + 1, g) {
                contentEnd = g.contentEnd(from: after + 1, sentence: sentence, state: &state)
            }
            if let draft = state.reportedDraft(start..<contentEnd, source: source, cue: c, time: time) {
                state.add(draft)
            }
        }
    }

    /// The words after a mid-sentence attribution continue the content when they open a
    /// subordinate clause ("until", "because", "but") rather than an appositive noun
    /// phrase ("an agreement that …") or a participle ("adding that …").
    private func continuesClause(_ t: Int, _ g: Grammar) -> Bool {
        let token = g.tokens[t]
        guard token.kind == .word, !token.flags.contains(.capitalized) else { return false }
        let c = g.classes(t)
        if c.contains(.article) || c.contains(.determiner) || c.contains(.verbForm) || c.contains(.complementizer) {
            return false
        }
        if c.contains(.beForm) || c.contains(.finiteMarker) { return true }
        // "and the pier closed early" after the attribution is the narrator's again.
        if c.contains(.coordinator) { return false }
        return c.contains(.clauseWord) || c.contains(.preposition)
    }

    /// `…, said X[, appositive]` with an optional time before or after X.
    private func invertedSource(_ cue: CueCandidate, _ sentence: SentenceInfo, _ g: Grammar)
        -> (MentionDraft, Range<Int>?)?
    {
        let start = sentence.tokens.lowerBound
        let end = sentence.tokens.upperBound
        let before = cue.tokens.lowerBound - 1
        // `…, said X` or `…," said X` (the comma inside the closing mark).
        let quoteComma = before - 1 > start && g.tokens[before].flags.contains(.closesQuote) && g.isComma(before - 1)
        guard before > start, g.isComma(before) || quoteComma else { return nil }
        var t = cue.tokens.upperBound
        var time: Range<Int>? = nil
        if let r = g.timeExpression(startingAt: t, limit: end) { time = r; t = r.upperBound }
        guard let mention = g.nounPhrase(startingAt: t, limit: end) else { return nil }
        if time == nil, let r = g.timeExpression(startingAt: mention.tokens.upperBound, limit: end) { time = r }
        return (mention, time)
    }
}
