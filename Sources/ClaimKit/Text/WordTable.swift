/// An open-addressing hash table from word keys (``WordKey``) to word classes, for the
/// lexicon lookup every token makes.
///
/// The keys are already FNV-1a hashes, so a multiplicative (Fibonacci) hash of the key
/// picks the slot and linear probing resolves collisions; the table is at most a
/// quarter full. A lookup is a multiply, a shift and usually one compare, where `Dictionary`
/// runs SipHash over the key first (about ten times the work, and a tenth of all the
/// extractor's instructions before this table).
///
/// The slots live in memory of their own rather than an `Array`, so that a lookup inlined
/// in the tokenizer's loop is a load of the key at a computed address, with no bounds or
/// uniqueness checks; slot indices are masked to the capacity, so they stay in bounds.
final class WordTable: @unchecked Sendable {  // immutable after init
    /// Key 0 marks an empty slot; a real key 0 keeps its value aside. Keys and values in
    /// arrays of their own: a probe reads only keys, so more of them share a cache line.
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<WordClass>
    private let shift: UInt64
    private let mask: Int
    private let zeroValue: WordClass

    init(_ entries: [UInt64: WordClass]) {
        // At most a quarter full: a miss (a third of the lookups in news text) then ends
        // at the first or second slot (half full cost 1.7 probes a lookup, a quarter 1.2).
        var bits: UInt64 = 4
        while (1 << bits) < entries.count * 4 { bits += 1 }
        let capacity = 1 << Int(bits)
        let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        let values = UnsafeMutablePointer<WordClass>.allocate(capacity: capacity)
        values.initialize(repeating: [], count: capacity)
        var zeroValue: WordClass = []
        let shift = 64 - bits
        let mask = capacity - 1
        for (key, value) in entries {
            if key == 0 {
                zeroValue = value
                continue
            }
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[i] != 0 { i = (i + 1) & mask }
            keys[i] = key
            values[i] = value
        }
        self.keys = keys
        self.values = values
        self.shift = shift
        self.mask = mask
        self.zeroValue = zeroValue
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    /// The classes of `key`; empty when the word is in no list.
    @inline(__always)
    func lookup(_ key: UInt64) -> WordClass { reader.lookup(key) }

    /// The table's fields as a value, for a loop of lookups to keep in registers (the
    /// table must outlive it).
    var reader: Reader { Reader(keys: keys, values: values, shift: shift, mask: mask, zeroValue: zeroValue) }

    struct Reader {
        fileprivate let keys: UnsafeMutablePointer<UInt64>
        fileprivate let values: UnsafeMutablePointer<WordClass>
        fileprivate let shift: UInt64
        fileprivate let mask: Int
        fileprivate let zeroValue: WordClass

        @inline(__always)
        func lookup(_ key: UInt64) -> WordClass {
            if key == 0 { return zeroValue }
            // `shift` is 64 - bits with bits ≥ 4, so the index is below the capacity.
            var i = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
            while true {
                let slotKey = keys[i]
                if slotKey == key { return values[i] }
                if slotKey == 0 { return [] }  // not full: an empty slot ends every probe
                i = (i &+ 1) & mask
            }
        }
    }
}
