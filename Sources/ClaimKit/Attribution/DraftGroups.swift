/// Draft indices grouped by sentence (or paragraph), each group in draft order or sorted
/// by cue start: what several rules look up per sentence.
///
/// Built by a counting sort, so linear in drafts plus groups: one flat array of members
/// and one of offsets, where a `Dictionary` of arrays cost a hash and an allocation per
/// group (and most of a rule's time on short articles).
struct DraftGroups {
    /// `offsets[g]..<offsets[g + 1]` are group g's positions in `members`.
    private var offsets: [Int32]
    private(set) var members: [Int32]

    /// Groups `drafts` that `include` accepts by `group(draft)` (in `0..<count`), in draft
    /// order; with `sortedByCue`, each group is sorted (stably) by cue start.
    init(
        _ drafts: [ClaimDraft], count: Int, sortedByCue: Bool = false, group: (ClaimDraft) -> Int,
        where include: (ClaimDraft) -> Bool
    ) {
        var offsets = Array(repeating: Int32(0), count: count + 1)
        var keys = Array(repeating: Int32(-1), count: drafts.count)
        for (d, draft) in drafts.enumerated() where include(draft) {
            let g = group(draft)
            keys[d] = Int32(g)
            offsets[g + 1] += 1
        }
        for g in 0..<count { offsets[g + 1] += offsets[g] }
        var fill = offsets
        var members = Array(repeating: Int32(0), count: Int(offsets[count]))
        for d in drafts.indices where keys[d] >= 0 {
            let g = Int(keys[d])
            members[Int(fill[g])] = Int32(d)
            fill[g] += 1
        }
        if sortedByCue {
            for g in 0..<count where offsets[g + 1] - offsets[g] > 1 {
                let range = Int(offsets[g])..<Int(offsets[g + 1])
                Self.sortByCue(&members, range, drafts)
            }
        }
        self.offsets = offsets
        self.members = members
    }

    /// Stable sort of `members[range]` by the drafts' cue start (insertion sort for the
    /// short groups of real text, the standard library's stable sort for long ones).
    private static func sortByCue(_ members: inout [Int32], _ range: Range<Int>, _ drafts: [ClaimDraft]) {
        func start(_ d: Int32) -> Int { drafts[Int(d)].cue?.lowerBound ?? 0 }
        if range.count > 32 {
            members[range].sort { start($0) < start($1) }
            return
        }
        var i = range.lowerBound + 1
        while i < range.upperBound {
            let item = members[i]
            let key = start(item)
            var j = i - 1
            while j >= range.lowerBound, start(members[j]) > key {
                members[j + 1] = members[j]
                j -= 1
            }
            members[j + 1] = item
            i += 1
        }
    }

    /// The number of groups.
    var count: Int { offsets.count - 1 }

    /// Group `g`'s draft indices (empty for a group out of range).
    func drafts(of g: Int) -> ArraySlice<Int32> {
        guard g >= 0, g < count else { return [] }
        return members[Int(offsets[g])..<Int(offsets[g + 1])]
    }
}
