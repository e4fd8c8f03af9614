/// Relays named by a phrase next to an attribution:
/// `…, as reported by Y` / `according to X cited by Y` / `X, seen by Y, says` /
/// `X said in an interview with CBS` → Y is a hop before the origin;
/// `Y reported, citing X` → Y becomes a hop and X the origin (cue "citing");
/// `X told Reuters` → the news outlet Reuters is a hop.
struct RelayPhraseSieve: AttributionSieve {
    static let name = "RelayPhrase"
    /// A chain longer than this is a runaway, not news: hops beyond it are not added.
    static let maxHops = 8

    func apply(to state: inout AttributionState) {
        let text = state.text
        let g = state.grammar
        // Drafts per sentence, sorted by cue, so that a phrase looks only at the attributions
        // near it (a window of `reach` tokens): linear however many a sentence holds.
        let bySentence = DraftGroups(
            state.drafts, count: text.sentences.count, sortedByCue: true, group: \.sentence,
            where: { $0.isAttributed && !$0.isDropped })
        let reach = 2 * (Grammar.maxPhrase + Grammar.maxParenthetical)
        // The live cue start is read (a rule above may have moved a draft's cue since the sort).
        func near(_ sorted: ArraySlice<Int32>, _ position: Int) -> [Int] {
            func firstIndex(atLeast bound: Int) -> Int {
                var lo = sorted.startIndex
                var hi = sorted.endIndex
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if state.drafts[Int(sorted[mid])].cue!.lowerBound < bound { lo = mid + 1 } else { hi = mid }
                }
                return lo
            }
            return sorted[firstIndex(atLeast: position - reach)..<firstIndex(atLeast: position + reach)].map { Int($0) }
        }
        for c in state.cues.indices where !state.cueUsed[c] {
            let cue = state.cues[c]
            let all = bySentence.drafts(of: cue.sentence)
            guard let role = cue.phraseRole, role != .sourceAfter, !all.isEmpty else { continue }
            let list = near(all, cue.tokens.lowerBound)
            let end = text.sentences[cue.sentence].tokens.upperBound
            guard let mention = g.nounPhrase(startingAt: cue.tokens.upperBound, limit: end) else { continue }
            // "citing the release of prisoners" cites a reason, not a source.
            if role == .originAfter, !g.namesSource(mention) { continue }
            var time: Range<Int>? = nil
            if let r = g.timeExpression(startingAt: mention.tokens.upperBound, limit: end) { time = r }
            // The attribution this phrase belongs to: the nearest one before it, else one
            // whose source has it in a parenthetical.
            let owners = list.filter { d in
                let draft = state.drafts[d]
                if let p = draft.source?.parenthetical, p.contains(cue.tokens.lowerBound) { return true }
                return false
            }
            let before = list.filter {
                state.drafts[$0].cue!.lowerBound < cue.tokens.lowerBound
                    && !state.drafts[$0].contentTokens.contains(cue.tokens.lowerBound)
            }
            let nearest = before.max { attributionEnd(state.drafts[$0]) < attributionEnd(state.drafts[$1]) }
            let targets =
                owners.isEmpty
                ? list.filter { d in nearest.map { sameAttribution(state.drafts[$0], state.drafts[d]) } ?? false }
                : owners
            guard !targets.isEmpty else { continue }
            state.cueUsed[c] = true
            for d in targets where state.drafts[d].via.count < Self.maxHops {
                if role == .originAfter {
                    let old = state.drafts[d]
                    state.appendHop(
                        HopDraft(source: old.source!, cue: old.cue!, lemma: old.cueLemma, time: old.time), toDraft: d)
                    state.drafts[d].source = mention
                    state.drafts[d].cue = cue.tokens
                    state.drafts[d].cueLemma = cue.lemma
                    state.drafts[d].time = time
                } else {
                    state.prependHop(
                        HopDraft(source: mention, cue: cue.tokens, lemma: cue.lemma, time: time), toDraft: d)
                }
                state.decide(draft: d, .via)
            }
        }
        // X told Reuters: the outlet is a hop.
        for d in state.drafts.indices
        where state.drafts[d].isAttributed && !state.drafts[d].isDropped
            && state.drafts[d].cueLemma == text.index.tellLemma
        {
            let draft = state.drafts[d]
            let end = text.sentences[draft.sentence].tokens.upperBound
            var t = draft.cue!.upperBound
            if let r = g.timeExpression(startingAt: t, limit: end) { t = r.upperBound }
            guard let audience = g.audience(startingAt: t, limit: end), g.isMedia(audience) else { continue }
            let hop = HopDraft(
                source: MentionDraft(tokens: audience), cue: draft.cue!, lemma: draft.cueLemma, time: nil)
            guard draft.via.count < Self.maxHops else { continue }
            state.appendHop(hop, toDraft: d)
            state.decide(draft: d, .via)
        }
    }

    private func attributionEnd(_ d: ClaimDraft) -> Int {
        max(d.cue!.upperBound, d.source.map { ($0.appositive ?? $0.tokens).upperBound } ?? 0)
    }

    private func sameAttribution(_ a: ClaimDraft, _ b: ClaimDraft) -> Bool {
        a.cue == b.cue && a.source == b.source
    }
}
