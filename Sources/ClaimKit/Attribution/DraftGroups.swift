/// Draft indices grouped by sentence (or paragraph), each group in draft order or sorted
/// by cue start: what several rules look up per sentence.
///
/// Built by a counting sort, so linear in drafts plus groups, into one flat array (group
/// starts, then members), where a `Dictionary` of arrays cost a hash and an allocation per
/// group: most of a rule's time on short articles.
struct DraftGroups {
    /// `storage[0...count]`: each group's first position in `members` (and the total);
    /// then the members.
    private var storage: [Int32]
    /// The number of groups.
    let count: Int

    /// Groups `drafts` that `include` accepts by `group(draft)` (in `0..<count`), in draft
    /// order; with `sortedByCue`, each group is sorted (stably) by cue start.
    init(
        _ drafts: [ClaimDraft], count: Int, sortedByCue: Bool = false, group: (ClaimDraft) -> Int,
        where include: (ClaimDraft) -> Bool
    ) {
        self.count = count
        var included = 0
        for draft in drafts where include(draft) { included += 1 }
        let base = count + 1
        var storage = Array(filling: Int32(0), count: base + included)
        storage.withUnsafeMutableBufferPointer { s in
            // Counts, then each group's end, then (filling backwards, so that each group
            // keeps draft order) each group's start.
            for draft in drafts where include(draft) { s[group(draft) + 1] += 1 }
            for g in 0..<count { s[g + 1] += s[g] }
            for d in drafts.indices.reversed() where include(drafts[d]) {
                let g = group(drafts[d]) + 1
                s[g] -= 1
                s[base + Int(s[g])] = Int32(d)
            }
            // s[g + 1] is now group g's start; shift down so that s[g] is.
            for g in 0..<count { s[g] = s[g + 1] }
            s[count] = Int32(included)
        }
        self.storage = storage
        if sortedByCue {
            for g in 0..<count where storage[g + 1] - storage[g] > 1 {
                Self.sortByCue(&self.storage, (base + Int(storage[g]))..<(base + Int(storage[g + 1])), drafts)
            }
        }
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

    /// Every member, group after group; `drafts(of:)` slices it (its indices run over the
    /// same positions).
    var members: ArraySlice<Int32> { storage[(count + 1)...] }

    /// Group `g`'s draft indices (empty for a group out of range). The slice's indices
    /// are positions in `storage`, shared with `members`.
    func drafts(of g: Int) -> ArraySlice<Int32> {
        guard g >= 0, g < count else { return storage[0..<0] }
        return storage[(count + 1 + Int(storage[g]))..<(count + 1 + Int(storage[g + 1]))]
    }
}
