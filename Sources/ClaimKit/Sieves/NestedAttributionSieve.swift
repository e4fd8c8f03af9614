/// Nested attribution becomes the reported-by chain (PARC nests; we flatten into hops):
///
/// - `X told parliament that Y had assured him C`: X's attribution has no content of its
///   own before Y's, so X is a relay of Y's claim C.
/// - `Y said C, the agency reported`: the agency's content holds Y's whole attribution,
///   so the agency is a relay of Y's claim and its own claim goes.
struct NestedAttributionSieve: AttributionSieve {
    static let name = "NestedAttribution"

    func apply(to state: AttributionState) {
        // Drafts per sentence in cue order, so each lookup stays inside one sentence.
        var bySentence: [Int: [Int]] = [:]
        for d in state.drafts.indices where state.drafts[d].isAttributed {
            bySentence[state.drafts[d].sentence, default: []].append(d)
        }
        for list in bySentence.values {
            let sorted = list.sorted { state.drafts[$0].cue!.lowerBound < state.drafts[$1].cue!.lowerBound }
            // Outer drafts whose content holds an inner draft's cue and source.
            for outer in sorted where !state.drafts[outer].isDropped && state.drafts[outer].via.count < 4 {
                let o = state.drafts[outer]
                guard o.kind != .direct else { continue }
                let inner = sorted.filter { i in
                    i != outer && !state.drafts[i].isDropped
                        && o.contentTokens.contains(state.drafts[i].cue!.lowerBound)
                        && state.drafts[i].source.map { o.contentTokens.contains($0.tokens.lowerBound) } == true
                }
                guard !inner.isEmpty else { continue }
                for i in inner {
                    state.drafts[i].via.insert(hop(o), at: 0)
                    state.drafts[i].decided("via", by: Self.name)
                }
                state.drafts[outer].isDropped = true
            }
        }
        // Content-less relays: a hop of the first attribution after them in the sentence.
        for relay in state.relays.reversed() {  // innermost first, so the outermost ends up first
            guard let cue = relay.cue, let list = bySentence[relay.sentence] else { continue }
            let next = list.filter { !state.drafts[$0].isDropped && state.drafts[$0].cue!.lowerBound > cue.lowerBound }
            guard let first = next.min(by: { state.drafts[$0].cue!.lowerBound < state.drafts[$1].cue!.lowerBound })
            else { continue }
            let firstCue = state.drafts[first].cue!.lowerBound
            for d in next where state.drafts[d].cue!.lowerBound == firstCue || state.drafts[d].source == state.drafts[first].source {
                state.drafts[d].via.insert(hop(relay), at: 0)
                state.drafts[d].decided("via", by: Self.name)
            }
        }
    }

    private func hop(_ draft: ClaimDraft) -> HopDraft {
        HopDraft(source: draft.source!, cue: draft.cue!, lemma: draft.cueLemma, time: draft.time)
    }
}
