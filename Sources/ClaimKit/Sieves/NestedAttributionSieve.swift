/// Nested attribution becomes the reported-by chain (PARC nests; we flatten into hops):
///
/// - `X told parliament that Y had assured him C`: X's attribution has no content of its
///   own before Y's, so X is a relay of Y's claim C.
/// - `Y said C, the agency reported`: the agency's content holds Y's whole attribution,
///   so the agency is a relay of Y's claim and its own claim goes.
struct NestedAttributionSieve: AttributionSieve {
    static let name = "NestedAttribution"

    func apply(to state: inout AttributionState) {
        // Per sentence, the attributed drafts sorted by cue start (stable), with those
        // starts: the drafts whose cue lies in a range are then found by binary search, not
        // by scanning the sentence's drafts once per draft (quadratic in a long sentence).
        let groups = DraftGroups(
            state.drafts, count: state.text.sentences.count, sortedByCue: true, group: \.sentence,
            where: \.isAttributed)
        // This rule moves no cue, so the cue starts read as the groups were sorted.
        func cueStart(_ position: Int) -> Int { state.drafts[Int(groups.members[position])].cue!.lowerBound }
        /// Position (in `groups.members`) of the first cue start at or after `t` in `group`.
        func firstPosition(_ group: ArraySlice<Int32>, atOrAfter t: Int) -> Int {
            var lo = group.startIndex
            var hi = group.endIndex
            while lo < hi {
                let mid = (lo + hi) / 2
                if cueStart(mid) < t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        for s in 0..<groups.count {
            let sorted = groups.drafts(of: s)
            // Outer drafts whose content holds an inner draft's cue and source.
            for o32 in sorted {
                let outer = Int(o32)
                guard !state.drafts[outer].isDropped, state.drafts[outer].via.count < 4 else { continue }
                let o = state.drafts[outer]
                guard o.kind != .direct else { continue }
                var inner: [Int] = []
                var k = firstPosition(sorted, atOrAfter: o.contentTokens.lowerBound)
                while k < sorted.endIndex, cueStart(k) < o.contentTokens.upperBound {
                    let i = Int(groups.members[k])
                    k += 1
                    if i != outer && !state.drafts[i].isDropped
                        && state.drafts[i].source.map({ o.contentTokens.contains($0.tokens.lowerBound) }) == true
                    {
                        inner.append(i)
                    }
                }
                guard !inner.isEmpty else { continue }
                for i in inner {
                    if state.drafts[i].via.count < RelayPhraseSieve.maxHops {
                        state.prependHop(hop(o), toDraft: i)
                    }
                    state.decide(draft: i, .via)
                }
                state.drafts[outer].isDropped = true
            }
        }
        // Content-less relays: a hop of the first attribution after them in the sentence.
        // The hop goes to the first attribution after the relay (every draft with that cue)
        // and to the later drafts of the same source: found through a per-sentence index
        // by source, so a sentence of many relays and drafts is not rescanned per relay.
        var bySource: [Int: [Int: [Int]]] = [:]  // sentence → source's first token → positions in members
        for relay in state.relays.reversed() {  // innermost first, so the outermost ends up first
            guard let cue = relay.cue else { continue }
            let sorted = groups.drafts(of: relay.sentence)
            var k = firstPosition(sorted, atOrAfter: cue.lowerBound + 1)
            while k < sorted.endIndex, state.drafts[Int(groups.members[k])].isDropped { k += 1 }
            guard k < sorted.endIndex else { continue }
            let first = Int(groups.members[k])
            let firstCue = cueStart(k)
            if bySource[relay.sentence] == nil {
                var index: [Int: [Int]] = [:]
                for position in sorted.indices {
                    if let source = state.drafts[Int(groups.members[position])].source {
                        index[source.tokens.lowerBound, default: []].append(position)
                    }
                }
                bySource[relay.sentence] = index
            }
            var targets: [Int] = []
            var u = k
            while u < sorted.endIndex, cueStart(u) == firstCue {
                targets.append(u)
                u += 1
            }
            if let source = state.drafts[first].source,
                let positions = bySource[relay.sentence]?[source.tokens.lowerBound]
            {
                // The first of those positions at or after `u` (binary search: the list can be long).
                var from = 0
                var hi = positions.count
                while from < hi {
                    let mid = (from + hi) / 2
                    if positions[mid] < u { from = mid + 1 } else { hi = mid }
                }
                targets.append(
                    contentsOf: positions[from...].filter { state.drafts[Int(groups.members[$0])].source == source })
            }
            for position in targets where !state.drafts[Int(groups.members[position])].isDropped {
                let d = Int(groups.members[position])
                if state.drafts[d].via.count < RelayPhraseSieve.maxHops {
                    state.prependHop(hop(relay), toDraft: d)
                }
                state.decide(draft: d, .via)
            }
        }
    }

    private func hop(_ draft: ClaimDraft) -> HopDraft {
        HopDraft(source: draft.source!, cue: draft.cue!, lemma: draft.cueLemma, time: draft.time)
    }
}
