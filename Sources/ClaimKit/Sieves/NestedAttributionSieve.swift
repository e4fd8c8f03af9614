/// Nested attribution becomes the reported-by chain (PARC nests; we flatten into hops):
///
/// - `X told parliament that Y had assured him C`: X's attribution has no content of its
///   own before Y's, so X is a relay of Y's claim C.
/// - `Y said C, the agency reported`: the agency's content holds Y's whole attribution,
///   so the agency is a relay of Y's claim and its own claim goes.
struct NestedAttributionSieve: AttributionSieve {
    static let name = "NestedAttribution"

    func apply(to state: inout AttributionState) {
        // Drafts per sentence in cue order, so each lookup stays inside one sentence.
        var bySentence: [Int: [Int]] = [:]
        for d in state.drafts.indices where state.drafts[d].isAttributed {
            bySentence[state.drafts[d].sentence, default: []].append(d)
        }
        // Per sentence, the drafts sorted by cue start (stable), with those starts: the
        // drafts whose cue lies in a range are then found by binary search, not by
        // scanning the sentence's drafts once per draft (quadratic in a long sentence).
        var sortedBySentence: [Int: (drafts: [Int], cueStarts: [Int])] = [:]
        for (s, list) in bySentence {
            let sorted = list.sorted { state.drafts[$0].cue!.lowerBound < state.drafts[$1].cue!.lowerBound }
            sortedBySentence[s] = (sorted, sorted.map { state.drafts[$0].cue!.lowerBound })
        }
        /// Position of the first cue start at or after `t`.
        func firstPosition(_ starts: [Int], atOrAfter t: Int) -> Int {
            var lo = 0
            var hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] < t { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        for (sorted, cueStarts) in sortedBySentence.values {
            // Outer drafts whose content holds an inner draft's cue and source.
            for outer in sorted where !state.drafts[outer].isDropped && state.drafts[outer].via.count < 4 {
                let o = state.drafts[outer]
                guard o.kind != .direct else { continue }
                var inner: [Int] = []
                var k = firstPosition(cueStarts, atOrAfter: o.contentTokens.lowerBound)
                while k < sorted.count, cueStarts[k] < o.contentTokens.upperBound {
                    let i = sorted[k]
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
        var bySource: [Int: [Int: [Int]]] = [:]  // sentence → source's first token → positions in sorted
        for relay in state.relays.reversed() {  // innermost first, so the outermost ends up first
            guard let cue = relay.cue, let (sorted, cueStarts) = sortedBySentence[relay.sentence] else { continue }
            var k = firstPosition(cueStarts, atOrAfter: cue.lowerBound + 1)
            while k < sorted.count, state.drafts[sorted[k]].isDropped { k += 1 }
            guard k < sorted.count else { continue }
            let first = sorted[k]
            let firstCue = cueStarts[k]
            if bySource[relay.sentence] == nil {
                var index: [Int: [Int]] = [:]
                for (position, d) in sorted.enumerated() {
                    if let source = state.drafts[d].source {
                        index[source.tokens.lowerBound, default: []].append(position)
                    }
                }
                bySource[relay.sentence] = index
            }
            var targets: [Int] = []
            var u = k
            while u < sorted.count, cueStarts[u] == firstCue {
                targets.append(u)
                u += 1
            }
            if let source = state.drafts[first].source,
                let positions = bySource[relay.sentence]?[source.tokens.lowerBound]
            {
                let from = firstPosition(positions, atOrAfter: u)
                targets.append(contentsOf: positions[from...].filter { state.drafts[sorted[$0]].source == source })
            }
            for position in targets where !state.drafts[sorted[position]].isDropped {
                let d = sorted[position]
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
