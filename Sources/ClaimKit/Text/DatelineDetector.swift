/// Finds a dateline or wire credit opening a paragraph: `GENEVA —`,
/// `MARLOW, Ohio (Reuters) -`, `NEW YORK, March 3 (AP) —`. Never a source: the
/// sentence starts after it.
///
/// Shape: one or more all-capital words, then optionally `,` and capitalised words or
/// a date, then optionally a parenthesised credit, then a dash — within 12 tokens.
enum DatelineDetector {
    static func bodyStart(_ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>, _ index: LexiconIndex) -> Int {
        var t = range.lowerBound
        let limit = min(range.upperBound, range.lowerBound + 14)
        var capsWords = 0
        while t < limit, tokens[t].kind == .word,
            tokens[t].flags.contains(.allCaps)
                || (capsWords > 0 && tokens[t].flags.contains(.capitalized) && tokens[t].flags.contains(.allCaps))
        {
            capsWords += 1
            t += 1
        }
        guard capsWords > 0 else { return range.lowerBound }
        // , Place / , March 3
        while t < limit, tokens[t].isPunctuation(0x2C) {
            t += 1
            while t < limit, tokens[t].isWord, tokens[t].flags.contains(.capitalized) || tokens[t].kind == .number {
                t += 1
            }
        }
        if t < limit, tokens[t].isPunctuation(0x28) {
            var u = t + 1
            while u < limit, !tokens[u].isPunctuation(0x29) { u += 1 }
            guard u < limit else { return range.lowerBound }
            t = u + 1
        }
        if t < range.upperBound - 1, tokens[t].kind == .dash { return t + 1 }
        return range.lowerBound
    }
}
