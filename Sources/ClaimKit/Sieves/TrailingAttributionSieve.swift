/// `C, X said.` / `C, said X, a spokeswoman for the ministry.` / `C, state media
/// reported, an agreement that …`: the attribution follows the content after a comma.
/// The content runs from the start of the sentence to that comma.
struct TrailingAttributionSieve: AttributionSieve {
    static let name = "TrailingAttribution"

    func apply(to state: AttributionState) {
        let text = state.text
        let g = state.grammar
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
            if cue.tokens.lowerBound - 1 > start, g.isComma(cue.tokens.lowerBound - 1) {
                // C, said X
                var t = cue.tokens.upperBound
                if let r = g.timeExpression(startingAt: t, limit: end) { time = r; t = r.upperBound }
                guard let mention = g.nounPhrase(startingAt: t, limit: end) else { continue }
                source = mention
                comma = cue.tokens.lowerBound - 1
                after = (mention.appositive ?? mention.tokens).upperBound
            } else {
                guard let subject = g.subject(endingBefore: cue.tokens.lowerBound, limit: start) else { continue }
                let before = subject.mention.tokens.lowerBound - 1
                guard before > start, g.isComma(before) || subject.time.map({ g.isComma($0.lowerBound - 1) }) == true
                else { continue }
                source = subject.mention
                comma = g.isComma(before) ? before : subject.time!.lowerBound - 1
                time = subject.time
                after = cue.tokens.upperBound
            }
            if time == nil, let r = g.timeExpression(startingAt: after, limit: end) {
                time = r
                after = r.upperBound
            }
            // The attribution must close the clause: the sentence ends or a comma follows.
            guard after >= g.trimEnd(after, end) || g.isComma(after) || text.tokens[after].isTerminal else { continue }
            guard !state.isClaimed(comma - 1) else { continue }
            if let draft = state.reportedDraft(start..<comma, source: source, cue: c, time: time, rule: Self.name) {
                state.add(draft)
            }
        }
    }
}
