/// An open-addressing hash table from word keys (``WordKey``) to word classes, for the
/// lexicon lookup every token makes.
///
/// The keys are already FNV-1a hashes, so a multiplicative (Fibonacci) hash of the key
/// picks the slot and linear probing resolves collisions; the table is at most half
/// full. A lookup is a multiply, a shift and usually one compare, where `Dictionary`
/// runs SipHash over the key first (about ten times the work, and a tenth of all the
/// extractor's instructions before this table).
struct WordTable: Sendable {
    private struct Slot {
        var key: UInt64
        var value: WordClass
    }

    /// Key 0 marks an empty slot; a real key 0 keeps its value aside.
    private let slots: [Slot]
    private let shift: UInt64
    private let mask: Int
    private let zeroValue: WordClass

    init(_ entries: [UInt64: WordClass]) {
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var slots = Array(repeating: Slot(key: 0, value: []), count: capacity)
        var zeroValue: WordClass = []
        let shift = 64 - bits
        let mask = capacity - 1
        for (key, value) in entries {
            if key == 0 {
                zeroValue = value
                continue
            }
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[i].key != 0 { i = (i + 1) & mask }
            slots[i] = Slot(key: key, value: value)
        }
        self.slots = slots
        self.shift = shift
        self.mask = mask
        self.zeroValue = zeroValue
    }

    /// The classes of `key`; empty when the word is in no list.
    @inline(__always)
    func lookup(_ key: UInt64) -> WordClass {
        if key == 0 { return zeroValue }
        return slots.withUnsafeBufferPointer { slots in
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while true {
                let slot = slots[i]
                if slot.key == key { return slot.value }
                if slot.key == 0 { return [] }
                i = (i + 1) & mask
            }
        }
    }
}
