/// One pass over a paragraph's bytes into tokens; never allocates a String.
///
/// Words keep internal hyphens, apostrophes between letters ("don’t", "Haftar‘s"),
/// dots of acronyms ("U.S"), and digit separators ("3.5", "1,000"). A trailing period
/// is taken into an abbreviation, an initial or an acronym so that it does not end
/// a sentence. White space includes NBSP and the Unicode space characters;
/// zero-width and direction marks are ignored (inside a word they do not split it).
struct Tokenizer {
    let index: LexiconIndex

    func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into tokens: inout [Token]) {
        var i = range.lowerBound
        let end = range.upperBound
        var spaceBefore = true
        while i < end {
            let byte = bytes[i]
            // Fast paths for the two commonest bytes, with the same outcome as `classify`.
            if byte == 0x20 {
                spaceBefore = true
                i += 1
                continue
            }
            if ByteClass.isAlnum(byte) {
                let wordEnd = scanWord(bytes, from: i, end: end)
                var token = makeWord(bytes, i, wordEnd.end, end: end)
                if spaceBefore { token.flags.insert(.spaceBefore) }
                tokens.append(token)
                i = Int(token.end)
                spaceBefore = false
                continue
            }
            let cls = ByteClass.classify(bytes, i, end)
            switch cls.kind {
            case .space:
                spaceBefore = true
                i += cls.length
                continue
            case .ignorable:
                i += cls.length
                continue
            case .wordChar:
                let tokenEnd = scanWord(bytes, from: i, end: end)
                var token = makeWord(bytes, i, tokenEnd.end, end: end)
                token.flags.insert(spaceBefore ? .spaceBefore : [])
                tokens.append(token)
                i = Int(token.end)
            case .quote(let mark):
                // '' and `` typed for double quotation marks (an old newspaper convention).
                if byte == 0x27, i + 1 < end, bytes[i + 1] == 0x27 {
                    tokens.append(simple(i, 2, .quote, QuoteMark.straightDouble.rawValue, spaceBefore))
                    i += 2
                } else {
                    tokens.append(simple(i, cls.length, .quote, mark.rawValue, spaceBefore))
                    i += cls.length
                }
            case .dash:
                tokens.append(simple(i, cls.length, .dash, 0, spaceBefore))
                i += cls.length
            case .ellipsis:
                tokens.append(simple(i, cls.length, .ellipsis, 0, spaceBefore))
                i += cls.length
            case .symbol:
                tokens.append(simple(i, cls.length, .symbol, 0, spaceBefore))
                i += cls.length
            case .punctuation where byte == 0x60 && i + 1 < end && bytes[i + 1] == 0x60:
                tokens.append(simple(i, 2, .quote, QuoteMark.leftDouble.rawValue, spaceBefore))
                i += 2
            case .punctuation:
                // "--" is a dash; a hyphen standing alone between spaces is a dash; "..." an ellipsis.
                if byte == 0x2D {
                    var j = i
                    while j < end, bytes[j] == 0x2D { j += 1 }
                    let spacedAfter = j >= end || ByteClass.isSpaceStart(bytes, j, end)
                    if j - i >= 2 || (spaceBefore && spacedAfter) {
                        tokens.append(simple(i, j - i, .dash, 0, spaceBefore))
                        i = j
                        spaceBefore = false
                        continue
                    }
                } else if byte == 0x2E, i + 2 < end, bytes[i + 1] == 0x2E, bytes[i + 2] == 0x2E {
                    var j = i
                    while j < end, bytes[j] == 0x2E { j += 1 }
                    tokens.append(simple(i, j - i, .ellipsis, 0, spaceBefore))
                    i = j
                    spaceBefore = false
                    continue
                }
                tokens.append(simple(i, 1, .punctuation, byte, spaceBefore))
                i += 1
            }
            spaceBefore = false
        }
        // Record spaceAfter from the next token's spaceBefore (or the paragraph end).
        var k = tokens.count - 1
        var nextHasSpace = true
        while k >= 0, tokens[k].end <= Int32(end), tokens[k].start >= Int32(range.lowerBound) {
            if nextHasSpace { tokens[k].flags.insert(.spaceAfter) }
            nextHasSpace = tokens[k].flags.contains(.spaceBefore)
            k -= 1
        }
    }

    private func simple(_ start: Int, _ length: Int, _ kind: TokenKind, _ mark: UInt8, _ space: Bool) -> Token {
        Token(
            start: Int32(start), end: Int32(start + length), coreEnd: Int32(start + length), kind: kind,
            mark: mark, flags: space ? .spaceBefore : [], key: 0)
    }

    /// The end of the word starting at `start`.
    private func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> (end: Int, Void) {
        var i = start
        var lastWasAlnum = false
        while i < end {
            let b = bytes[i]
            // ASCII letters and digits, and the space that ends most words, without `classify`.
            if ByteClass.isAlnum(b) {
                lastWasAlnum = true
                i += 1
                continue
            }
            if b == 0x20 { break }
            let cls = ByteClass.classify(bytes, i, end)
            switch cls.kind {
            case .wordChar:
                lastWasAlnum = true
                i += cls.length
                continue
            case .ignorable:
                // Inside a word a zero-width mark does not split it.
                if i + cls.length < end, case .wordChar = ByteClass.classify(bytes, i + cls.length, end).kind {
                    i += cls.length
                    continue
                }
            case .quote(let mark):
                // An apostrophe between letters belongs to the word.
                if lastWasAlnum, mark != .straightDouble, mark != .leftDouble, mark != .rightDouble,
                    i + cls.length < end, ByteClass.isLetter(bytes[i + cls.length])
                {
                    i += cls.length
                    lastWasAlnum = false
                    continue
                }
            case .punctuation:
                let byte = bytes[i]
                let next: UInt8 = i + 1 < end ? bytes[i + 1] : 0
                let prev = bytes[i - 1]
                if byte == 0x2D, lastWasAlnum, ByteClass.isAlnum(next) || next >= 0xC3 {
                    i += 1
                    lastWasAlnum = false
                    continue
                }
                if byte == 0x2E || byte == 0x2C || byte == 0x3A, ByteClass.isDigit(prev), ByteClass.isDigit(next) {
                    i += 1
                    continue
                }
                if byte == 0x2E, ByteClass.isLetter(prev), ByteClass.isLetter(next),
                    i + 2 >= end || !ByteClass.isLetter(bytes[i + 2]) || i - start == 1
                {
                    // Acronym dots: U.S, a.m, e.g, Ph.D
                    i += 1
                    continue
                }
                if byte == 0x26, ByteClass.isUpper(prev), ByteClass.isUpper(next) {  // AT&T
                    i += 1
                    continue
                }
            case .symbol, .dash, .ellipsis, .space:
                if case .symbol = cls.kind, cls.length == 3, bytes[i] == 0xE2, bytes[i + 1] == 0x80,
                    bytes[i + 2] == 0x90 || bytes[i + 2] == 0x91, lastWasAlnum
                {
                    i += 3  // Unicode hyphen and non-breaking hyphen inside a word
                    continue
                }
            }
            break
        }
        return (i, ())
    }

    private func makeWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ wordEnd: Int, end: Int) -> Token {
        var token = Token(
            start: Int32(start), end: Int32(wordEnd), coreEnd: Int32(wordEnd),
            kind: ByteClass.isDigit(bytes[start]) ? .number : .word, mark: 0, flags: [], key: 0)
        var coreEnd = wordEnd
        // Possessive 's with any apostrophe.
        if wordEnd - start >= 3, bytes[wordEnd - 1] | 0x20 == 0x73 {
            if bytes[wordEnd - 2] == 0x27 {
                coreEnd = wordEnd - 2
            } else if wordEnd - start >= 5, bytes[wordEnd - 4] == 0xE2, bytes[wordEnd - 3] == 0x80,
                bytes[wordEnd - 2] == 0x99 || bytes[wordEnd - 2] == 0x98
            {
                coreEnd = wordEnd - 4
            }
            if coreEnd != wordEnd { token.flags.insert(.possessive) }
        }
        token.coreEnd = Int32(coreEnd)
        // One pass over the core: its `WordKey` (exactly as `WordKey.of`: ASCII lower-cased,
        // ‘ and ’ folded to ', invisible characters skipped), its letters and capitals,
        // whether it holds a dot.
        var hash = WordKey.seed
        var letters = 0
        var upper = 0
        var hasDot = false
        var j = start
        while j < coreEnd {
            let b = bytes[j]
            if b == 0xE2, j + 2 < coreEnd, bytes[j + 1] == 0x80, bytes[j + 2] == 0x98 || bytes[j + 2] == 0x99 {
                hash = WordKey.mix(hash, 0x27)
                j += 3
                continue
            }
            // Invisible characters do not change the word (as in `WordKey.of`): "sa\u{200B}id" is "said".
            if b >= 0xC2, let skip = WordKey.invisibleLength(bytes, j, coreEnd) {
                j += skip
                continue
            }
            hash = WordKey.mix(hash, WordKey.lower(b))
            if ByteClass.isLetter(b) {
                letters += 1
                if ByteClass.isUpper(b) { upper += 1 }
            } else if b == 0x2E {
                hasDot = true
            }
            j += 1
        }
        token.key = hash
        // Capitalisation.
        let first = bytes[start]
        if ByteClass.isUpper(first) {
            token.flags.insert(.capitalized)
        } else if first >= 0xC3, let scalar = ByteClass.scalar(bytes, start, wordEnd), scalar.properties.isUppercase {
            token.flags.insert(.capitalized)
        } else if ByteClass.isLower(first) {
            // Name particle joined by a hyphen: al-Sarraj, el-Sisi, bin-Salman. (A run of
            // more than three lower-case letters cannot be one, so the scan stops there.)
            var j = start
            while j < coreEnd, j - start <= 3, ByteClass.isLower(bytes[j]) { j += 1 }
            if j < coreEnd - 1, j - start <= 3, bytes[j] == 0x2D, ByteClass.isUpper(bytes[j + 1]) {
                token.flags.insert(.capitalized)
            }
        }
        if letters >= 2, letters == upper { token.flags.insert(.allCaps) }
        // Absorb a trailing period into an abbreviation, an initial or an acronym.
        if wordEnd < end, bytes[wordEnd] == 0x2E, !(wordEnd + 1 < end && bytes[wordEnd + 1] == 0x2E) {
            let classes = index.classes(of: token.key)
            let isInitial = coreEnd - start == 1 && ByteClass.isUpper(first)
            if classes.contains(.titleAbbreviation) && token.flags.contains(.capitalized) {
                token.flags.formUnion([.periodAbsorbed, .titleAbbreviation])
            } else if isInitial || hasDot || classes.contains(.abbreviation) {
                token.flags.insert(.periodAbsorbed)
            }
            if token.flags.contains(.periodAbsorbed) { token.end = Int32(wordEnd + 1) }
        }
        return token
    }
}

/// Byte-level classification of UTF-8 text.
enum ByteClass {
    enum Kind: Equatable {
        case space, ignorable, wordChar, punctuation, dash, ellipsis, symbol
        case quote(QuoteMark)
    }

    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) || b >= 0xC3 && b < 0xE2 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) || isDigit(b) }

    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Unicode.Scalar? {
        var it = UnsafeBufferPointer(rebasing: bytes[i..<min(end, i + 4)]).makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let s) = decoder.decode(&it) { return s }
        return nil
    }

    static func isSpaceStart(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        if case .space = classify(bytes, i, end).kind { return true }
        return false
    }

    /// Classifies the character starting at `i`; `length` is its byte length.
    @inline(__always)
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (kind: Kind, length: Int) {
        let b = bytes[i]
        if b < 0x80 {
            switch b {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C: return (.space, 1)
            case 0x22: return (.quote(.straightDouble), 1)
            case 0x27: return (.quote(.straightSingle), 1)
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return (.wordChar, 1)
            case 0x00...0x1F, 0x7F: return (.ignorable, 1)
            default: return (.punctuation, 1)
            }
        }
        // A sequence cut short by the end (only in invalid UTF-8) is one short word
        // character, so that no length ever reaches past `end`.
        let sequenceLength = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        if i + sequenceLength > end { return (.wordChar, end - i) }
        let b1: UInt8 = i + 1 < end ? bytes[i + 1] : 0
        let b2: UInt8 = i + 2 < end ? bytes[i + 2] : 0
        switch b {
        case 0xC2:
            switch b1 {
            case 0xA0: return (.space, 2)
            case 0xAB: return (.quote(.leftDouble), 2)
            case 0xBB: return (.quote(.rightDouble), 2)
            case 0xAD: return (.ignorable, 2)  // soft hyphen
            case 0x80...0x9F: return (.ignorable, 2)  // C1 controls
            default: return (.symbol, 2)  // ¡ ¢ £ § © « ° etc.
            }
        case 0xE2 where b1 == 0x80:
            switch b2 {
            case 0x80...0x8A, 0xA8, 0xA9, 0xAF: return (.space, 3)
            case 0x8B...0x8F, 0xAA...0xAE: return (.ignorable, 3)
            case 0x92...0x95: return (.dash, 3)
            case 0x98, 0x9A, 0xB9: return (.quote(.leftSingle), 3)
            case 0x99, 0xBA: return (.quote(.rightSingle), 3)
            case 0x9C, 0x9E, 0x9F: return (.quote(.leftDouble), 3)
            case 0x9D: return (.quote(.rightDouble), 3)
            case 0xA6: return (.ellipsis, 3)
            default: return (.symbol, 3)
            }
        case 0xE2 where b1 == 0x81 && (b2 == 0x9F):
            return (.space, 3)
        case 0xE2 where b1 == 0x81 && (b2 >= 0xA0 && b2 <= 0xAF):
            return (.ignorable, 3)
        case 0xE2 where b1 == 0x88 && b2 == 0x92:
            return (.dash, 3)  // minus sign
        case 0xE2:
            return (.symbol, 3)
        case 0xE3 where b1 == 0x80 && b2 == 0x80:
            return (.space, 3)
        case 0xEF where b1 == 0xBB && b2 == 0xBF:
            return (.ignorable, 3)  // BOM / ZWNBSP
        default:
            // Letters of other scripts, CJK, emoji: word characters. Length from the lead byte;
            // a stray continuation byte (only in lossy-decoded text) counts as one.
            let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            return (.wordChar, min(length, end - i))
        }
    }
}
