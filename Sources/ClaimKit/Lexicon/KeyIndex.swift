/// An open-addressing table from 64-bit keys (word keys, hashes) to small integers,
/// for lookups on the extractor's hot path: a multiply, a shift and usually one compare,
/// where `Dictionary` runs SipHash over the key first. At most half full; a value is an
/// index into an array the caller keeps.
struct KeyIndex: Sendable {
    private struct Slot {
        var key: UInt64
        var value: Int32  // -1: empty
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    /// A table with room for `capacity` keys before it grows; no memory until the first key
    /// (most tables an article makes stay empty).
    init(capacity: Int = 8) {
        var bits: UInt64 = 3
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = []
        shift = 64 - bits
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The value stored for `key`, or nil.
    @inline(__always)
    func value(for key: UInt64) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            guard !slots.isEmpty else { return nil }
            let mask = slots.count - 1
            var i = home(key)
            while true {
                let slot = slots[i]
                if slot.value < 0 { return nil }
                if slot.key == key { return Int(slot.value) }
                i = (i + 1) & mask
            }
        }
    }

    /// Stores `value` (0...Int32.max) for `key`, replacing any value it had.
    mutating func set(_ value: Int, for key: UInt64) {
        if slots.isEmpty { slots = Array(filling: Slot(key: 0, value: -1), count: 1 << Int(64 - shift)) }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var i = home(key)
        while slots[i].value >= 0 {
            if slots[i].key == key {
                slots[i].value = Int32(value)
                return
            }
            i = (i + 1) & mask
        }
        slots[i] = Slot(key: key, value: Int32(value))
        count += 1
    }

    private mutating func grow() {
        let old = slots
        shift -= 1
        slots = Array(filling: Slot(key: 0, value: -1), count: old.count * 2)
        count = 0
        for slot in old where slot.value >= 0 { set(Int(slot.value), for: slot.key) }
    }
}
