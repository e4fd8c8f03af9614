/// One pass over a paragraph's bytes into tokens; never allocates a String.
///
/// Words keep internal hyphens, apostrophes between letters ("don’t", "Haftar‘s"),
/// dots of acronyms ("U.S"), and digit separators ("3.5", "1,000"). A trailing period
/// is taken into an abbreviation, an initial or an acronym so that it does not end
/// a sentence. White space includes NBSP and the Unicode space characters;
/// zero-width and direction marks are ignored (inside a word they do not split it).
struct Tokenizer {
    let index: LexiconIndex
    private let words: WordTable
    private let lower = ByteClass.lowerTable
    private let table = ByteClass.table

    init(index: LexiconIndex) {
        self.index = index
        self.words = index.classTable
    }

    /// The tokens of `paragraphs` (in order; each gets its token range) and their lexicon
    /// facts, written straight into the arrays' storage. `marks` lists, ascending, the
    /// tokens the quotation scanner and the sentence splitter look at: quotation marks
    /// (`quotes` of them), `. ! ? )`, ellipses, and words that took their period but are
    /// no title abbreviation; it is the caller's (`marks` on return).
    func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, paragraphs: inout [ParagraphInfo], marks: ScratchList<Int32>
    ) -> (tokens: [Token], facts: [TokenFacts], marks: ScratchList<Int32>, quotes: Int) {
        withUnsafeTemporaryAllocation(of: SpecialFacts.self, capacity: 32) { storage in
            tokenize(bytes, &paragraphs, marks, ScratchList(storage: storage))
        }
    }

    private func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ paragraphs: inout [ParagraphInfo], _ marks: ScratchList<Int32>,
        _ special: ScratchList<SpecialFacts>
    ) -> (tokens: [Token], facts: [TokenFacts], marks: ScratchList<Int32>, quotes: Int) {
        var tokens: [Token] = []
        var marks = marks
        var special = special
        defer { special.free() }
        var quotes = 0
        var p = 0
        var i = paragraphs.first?.span.start ?? 0
        var spaceBefore = true
        var first = 0
        // News text has about one token in 5.3 bytes; a denser text fills the array, which
        // is then copied into a larger one, and tokenizing goes on where it stopped.
        var capacity = bytes.count * 2 / 9 + 16
        while p < paragraphs.count {
            let previous = tokens
            tokens = []
            tokens = [Token](unsafeUninitializedCapacity: capacity) { tokenBuffer, tokenCount in
                // capacity > 0, so the base address exists
                _ = tokenBuffer.initialize(fromContentsOf: previous)
                var sink = TokenSink(
                    tokens: tokenBuffer.baseAddress!, capacity: capacity, count: previous.count, marks: marks,
                    special: special)
                while p < paragraphs.count {
                    let end = paragraphs[p].span.end
                    spaceBefore = tokenize(bytes, &i, end, spaceBefore, &sink)
                    if i < end { break }  // full
                    paragraphs[p].tokens = first..<sink.count
                    paragraphs[p].bodyStart = first
                    p += 1
                    if p < paragraphs.count {
                        i = paragraphs[p].span.start
                        spaceBefore = true
                        first = sink.count
                    }
                }
                marks = sink.marks
                special = sink.special
                quotes += sink.quotes
                tokenCount = sink.count
            }
            if p == paragraphs.count { break }
            // Grow by half at least (linear in all), or to what the density so far projects.
            let projected = tokens.count + (bytes.count - i) / max(1, i / max(1, tokens.count)) + 64
            capacity = max(capacity + capacity / 2, projected)
        }
        let facts = [TokenFacts](unsafeUninitializedCapacity: tokens.count) { factBuffer, factCount in
            tokens.withUnsafeBufferPointer { fillFacts(bytes, $0, factBuffer, special.buffer) }
            factCount = tokens.count
        }
        return (tokens, facts, marks, quotes)
    }

    /// The second pass: the lexicon facts of every token, in a loop of its own (in the
    /// tokenizer's loop the lookups' registers spilled the scanner's). Words of ASCII
    /// letters and digits have no hyphen, so only the lookups of the word and of its
    /// singular decide; `special` has the facts of the other words, ascending.
    private func fillFacts(
        _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: UnsafeBufferPointer<Token>,
        _ facts: UnsafeMutableBufferPointer<TokenFacts>, _ special: UnsafeBufferPointer<SpecialFacts>
    ) {
        let words = self.words.reader  // `self.words` holds the table
        var nextSpecial = 0
        let noSpecial = tokens.count  // a token index no token has
        var specialToken = special.isEmpty ? noSpecial : special[0].token
        for t in 0..<tokens.count {
            let token = tokens[t]
            if token.kind != .word {
                facts.initializeElement(at: t, to: .none)
                continue
            }
            if t == specialToken {
                facts.initializeElement(at: t, to: special[nextSpecial].facts)
                nextSpecial += 1
                specialToken = nextSpecial < special.count ? special[nextSpecial].token : noSpecial
                continue
            }
            let found = words.lookup(token.key)
            var noun = found
            let coreEnd = Int(token.coreEnd)
            if bytes[coreEnd &- 1] | 0x20 == 0x73, coreEnd &- Int(token.start) > 3 {
                // The key of the word without its final "s", as `WordKey.of` would hash it.
                noun.formUnion(words.lookup(WordKey.unmix(token.key, 0x73)).subtracting([.verbForm, .verbNounForm]))
            }
            let title = !found.isDisjoint(with: [.title, .titleAbbreviation])
            facts.initializeElement(at: t, to: TokenFacts(classes: found, nounClasses: noun, isTitle: title))
        }
    }

    /// Tokenizes `bytes[i..<end]` from `i` until `end` or a full sink; moves `i` to where
    /// it stopped and returns `spaceBefore` there.
    private func tokenize(
        _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ spaceBefore: Bool, _ sink: inout TokenSink
    ) -> Bool {
        // Token offsets are Int32 (as `Int32(_:)` trapped on before, for each token).
        precondition(end <= Int(Int32.max), "text beyond 2 GiB")
        // A byte after the paragraph that cannot continue a word lets the word loop run
        // without comparing with `end` (it stops at that byte at the latest).
        if end < bytes.count && lower[Int(bytes[end])] == 0 {
            return runStopped(bytes, &i, end, spaceBefore, &sink)
        }
        return runBounded(bytes, &i, end, spaceBefore, &sink)
    }

    // The loop in functions of its own: its code then does not change with the code
    // around it (it did, by hundreds of thousands of instructions on the mix).
    @inline(never)
    private func runStopped(
        _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ spaceBefore: Bool, _ sink: inout TokenSink
    ) -> Bool {
        run(bytes, &i, end, spaceBefore, &sink, stopped: true)
    }

    @inline(never)
    private func runBounded(
        _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ spaceBefore: Bool, _ sink: inout TokenSink
    ) -> Bool {
        run(bytes, &i, end, spaceBefore, &sink, stopped: false)
    }

    /// `tokenize`, compiled once for each value of `stopped`.
    @inline(__always)
    private func run(
        _ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int, _ end: Int, _ spaceBefore: Bool,
        _ sinkInOut: inout TokenSink, stopped: Bool
    ) -> Bool {
        var i = position
        var sink = sinkInOut
        var spaceBefore = spaceBefore
        while i < end {
            let byte = bytes[i]
            // Fast paths for the two commonest bytes, with the same outcome as `classify`.
            if byte == 0x20 {
                spaceBefore = true
                i &+= 1
                continue
            }
            if sink.isFull { break }
            if lower[Int(byte)] != 0 {
                i = word(bytes, i, end, stopped, spaceBefore, &sink)
                spaceBefore = false
                continue
            }
            spaceBefore = other(bytes, &i, end, spaceBefore, &sink)
        }
        position = i
        sinkInOut = sink
        return spaceBefore
    }

    /// Everything but a space or a word starting with an ASCII letter or digit, out of
    /// line so that the loop above stays small enough for `word` to be inlined into it.
    /// Moves `i` past what it read; returns the new `spaceBefore`.
    @inline(never)
    private func other(
        _ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ spaceBefore: Bool,
        _ sink: inout TokenSink
    ) -> Bool {
        let byte = bytes[i]
        // ASCII punctuation without rules of its own ("-", "--", "...", "``"), as `classify`
        // and the `.punctuation` case below would make it.
        if table[Int(byte)] & ByteClass.punctuationBit != 0
            || (byte == 0x2E && !(i + 2 < end && bytes[i + 1] == 0x2E && bytes[i + 2] == 0x2E))
        {
            emit(bytes, i, 1, .punctuation, byte, spaceBefore, end, &sink)
            i += 1
            return false
        }
        let cls = ByteClass.classify(bytes, i, end)
        switch cls.kind {
        case .space:
            i += cls.length
            return true
        case .ignorable:
            i += cls.length
            return spaceBefore
        case .wordChar:
            i = generalWord(bytes, i, end, spaceBefore, &sink)
        case .quote(let mark):
            // '' and `` typed for double quotation marks (an old newspaper convention).
            if byte == 0x27, i + 1 < end, bytes[i + 1] == 0x27 {
                emit(bytes, i, 2, .quote, QuoteMark.straightDouble.rawValue, spaceBefore, end, &sink)
                i += 2
            } else {
                emit(bytes, i, cls.length, .quote, mark.rawValue, spaceBefore, end, &sink)
                i += cls.length
            }
        case .dash:
            emit(bytes, i, cls.length, .dash, 0, spaceBefore, end, &sink)
            i += cls.length
        case .ellipsis:
            emit(bytes, i, cls.length, .ellipsis, 0, spaceBefore, end, &sink)
            i += cls.length
        case .symbol:
            emit(bytes, i, cls.length, .symbol, 0, spaceBefore, end, &sink)
            i += cls.length
        case .punctuation where byte == 0x60 && i + 1 < end && bytes[i + 1] == 0x60:
            emit(bytes, i, 2, .quote, QuoteMark.leftDouble.rawValue, spaceBefore, end, &sink)
            i += 2
        case .punctuation:
            // "--" is a dash; a hyphen standing alone between spaces is a dash; "..." an ellipsis.
            if byte == 0x2D {
                var j = i
                while j < end, bytes[j] == 0x2D { j += 1 }
                let spacedAfter = j >= end || ByteClass.isSpaceStart(bytes, j, end)
                if j - i >= 2 || (spaceBefore && spacedAfter) {
                    emit(bytes, i, j - i, .dash, 0, spaceBefore, end, &sink)
                    i = j
                    return false
                }
            } else if byte == 0x2E, i + 2 < end, bytes[i + 1] == 0x2E, bytes[i + 2] == 0x2E {
                var j = i
                while j < end, bytes[j] == 0x2E { j += 1 }
                emit(bytes, i, j - i, .ellipsis, 0, spaceBefore, end, &sink)
                i = j
                return false
            }
            emit(bytes, i, 1, .punctuation, byte, spaceBefore, end, &sink)
            i += 1
        }
        return false
    }

    /// Whether the token after one ending at `i` has space before it, or there is none:
    /// the token's `spaceAfter`, known when it is written instead of in a second pass.
    @inline(__always)
    private func spaceFollows(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard i < end else { return true }
        let b = bytes[i]
        if b == 0x20 { return true }
        // Printable ASCII always starts a token.
        if b &- 0x21 < 0x5E { return false }
        return spaceFollowsSlowly(bytes, i, end)
    }

    /// `spaceFollows` past invisible characters.
    @inline(never)
    private func spaceFollowsSlowly(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        var j = i
        while j < end {
            let cls = ByteClass.classify(bytes, j, end)
            switch cls.kind {
            case .space: return true
            case .ignorable: j += cls.length
            default: return false
            }
        }
        return true
    }

    @inline(__always)
    private func emit(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ length: Int, _ kind: TokenKind, _ mark: UInt8,
        _ spaceBefore: Bool, _ end: Int, _ sink: inout TokenSink
    ) {
        var flags: TokenFlags = spaceBefore ? .spaceBefore : []
        if spaceFollows(bytes, start + length, end) { flags.insert(.spaceAfter) }
        if kind == .quote { sink.quotes += 1 }
        if kind == .quote || kind == .ellipsis
            || (kind == .punctuation && (mark == 0x2E || mark == 0x21 || mark == 0x3F || mark == 0x29))
        {
            sink.noteMark()
        }
        sink.push(
            Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: start + length),
                coreEnd: Int32(truncatingIfNeeded: start + length), kind: kind, mark: mark, flags: flags, key: 0))
    }

    /// A word starting with an ASCII letter or digit: its ASCII letters and digits are
    /// scanned and hashed in one pass; before a space (the commonest case) the token is
    /// written here, before anything else `wordBeforeOther` decides.
    @inline(__always)
    private func word(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ stopped: Bool, _ spaceBefore: Bool,
        _ sink: inout TokenSink
    ) -> Int {
        var i = start
        var hash = WordKey.seed
        var lowered = lower[Int(bytes[i])]
        // `lower` is `WordKey.lower` for ASCII letters and digits, 0 for every other byte.
        if stopped {
            // Two bytes a turn: half the loop overhead.
            while true {
                hash = WordKey.mix(hash, lowered)
                lowered = lower[Int(bytes[i &+ 1])]
                if lowered == 0 {
                    i &+= 1
                    break
                }
                hash = WordKey.mix(hash, lowered)
                i &+= 2
                lowered = lower[Int(bytes[i])]
                if lowered == 0 { break }
            }
        } else {
            repeat {
                hash = WordKey.mix(hash, lowered)
                i &+= 1
                if i == end { break }
                lowered = lower[Int(bytes[i])]
            } while lowered != 0
        }
        // The common case, a space (or the paragraph's end) after the word, stays here;
        // anything else is decided out of line, so that this loop keeps its registers.
        if i < end && bytes[i] != 0x20 { return wordBeforeOther(bytes, start, i, end, hash, spaceBefore, &sink) }
        let first = bytes[start]
        var flags: TokenFlags = spaceBefore ? [.spaceBefore, .spaceAfter] : .spaceAfter
        if ByteClass.isUpper(first) { flags.insert(.capitalized) }
        if !ByteClass.isLower(first), isAllCaps(bytes, start, i) { flags.insert(.allCaps) }
        sink.push(
            Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: i),
                coreEnd: Int32(truncatingIfNeeded: i), kind: ByteClass.isDigit(first) ? .number : .word, mark: 0,
                flags: flags, key: hash))
        return i
    }

    /// The rest of `word` when ASCII letters and digits `start..<i` (hashed: `hash`) are
    /// followed by a byte other than a space: a certain break, a possessive 's, a period,
    /// or something `generalWord` must read.
    @inline(never)
    private func wordBeforeOther(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int, _ end: Int, _ hash: UInt64, _ spaceBefore: Bool,
        _ sink: inout TokenSink
    ) -> Int {
        var next = bytes[i]
        var wordEnd = i
        if table[Int(next)] & ByteClass.breakBit == 0 {
            wordEnd = asciiWordEnd(bytes, i, end)
            if wordEnd < 0 { return generalWord(bytes, start, end, spaceBefore, &sink) }
            if wordEnd != i { next = wordEnd < end ? bytes[wordEnd] : 0x20 }  // the end acts as a space
        }
        // What `makeWord` finds for such a word: a possessive 's at most, no dot, no hyphen,
        // so the core is the letters and digits and only the first byte decides `capitalized`.
        let first = bytes[start]
        var flags: TokenFlags = spaceBefore ? .spaceBefore : []
        if wordEnd != i { flags.insert(.possessive) }
        if ByteClass.isUpper(first) { flags.insert(.capitalized) }
        if !ByteClass.isLower(first), isAllCaps(bytes, start, i) { flags.insert(.allCaps) }
        var tokenEnd = wordEnd
        if next == 0x2E {
            flags = absorbPeriod(bytes, start, i, wordEnd, end, flags, hash)
            if flags.contains(.periodAbsorbed) {
                tokenEnd = wordEnd + 1
                if !flags.contains(.titleAbbreviation) { sink.noteMark() }
            }
        }
        if spaceFollows(bytes, tokenEnd, end) { flags.insert(.spaceAfter) }
        sink.push(
            Token(
                start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: tokenEnd),
                coreEnd: Int32(truncatingIfNeeded: i), kind: ByteClass.isDigit(first) ? .number : .word, mark: 0,
                flags: flags, key: hash))
        return tokenEnd
    }

    /// `makeWord`'s trailing period for a word of ASCII letters and digits (no dot inside;
    /// a possessive 's from `coreEnd` on at most) ending at `wordEnd`, before a period.
    /// (Out of line, with its lookup: inlined, the lookup's multiply was folded into the
    /// hash loop, which then kept one more register.)
    @inline(never)
    private func absorbPeriod(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ coreEnd: Int, _ wordEnd: Int, _ end: Int,
        _ flags: TokenFlags, _ key: UInt64
    ) -> TokenFlags {
        var flags = flags
        if wordEnd + 1 < end && bytes[wordEnd + 1] == 0x2E { return flags }
        let classes = words.lookup(key)
        if classes.contains(.titleAbbreviation) && flags.contains(.capitalized) {
            flags.formUnion([.periodAbsorbed, .titleAbbreviation])
        } else if (coreEnd - start == 1 && ByteClass.isUpper(bytes[start])) || classes.contains(.abbreviation) {
            flags.insert(.periodAbsorbed)
        }
        return flags
    }

    /// Two or more letters, all upper case, in ASCII letters and digits.
    @inline(__always)
    private func isAllCaps(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        // Most words that do not start in lower case go on in lower case ("Minister").
        if end - start >= 2 && ByteClass.isLower(bytes[start + 1]) { return false }
        return countsAsAllCaps(bytes, start, end)
    }

    @inline(never)
    private func countsAsAllCaps(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var letters = 0
        for j in start..<end {
            let b = bytes[j]
            if ByteClass.isLower(b) { return false }
            if ByteClass.isUpper(b) { letters += 1 }
        }
        return letters >= 2
    }

    /// Where `scanWord` ends a word of ASCII letters and digits followed at `i` by a byte
    /// that is not a certain break: `i`; or the end of a possessive 's (after ' ’ or ‘)
    /// that certainly ends there; or -1 when `scanWord` must decide.
    @inline(never)
    private func asciiWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        if endsASCIIWord(bytes, i, end) { return i }
        var wordEnd = -1
        let b = bytes[i]
        if b == 0x27, i + 1 < end, bytes[i + 1] | 0x20 == 0x73 {
            wordEnd = i + 2
        } else if b == 0xE2, i + 3 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 || bytes[i + 2] == 0x98,
            bytes[i + 3] | 0x20 == 0x73
        {
            wordEnd = i + 4
        }
        // The apostrophe joins (a letter follows) and "s" is a letter like those before it,
        // so what follows decides as it does after any word of letters.
        guard wordEnd > 0 else { return -1 }
        if wordEnd == end || table[Int(bytes[wordEnd])] & ByteClass.breakBit != 0 || endsASCIIWord(bytes, wordEnd, end)
        {
            return wordEnd
        }
        return -1
    }

    /// Whether the byte at `i`, right after an ASCII letter or digit and not a certain
    /// break, ends the word under `scanWord`'s rules; false leaves it to `scanWord`.
    private func endsASCIIWord(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        let b = bytes[i]
        let next: UInt8 = i + 1 < end ? bytes[i + 1] : 0
        if table[Int(b)] & ByteClass.joinerBit != 0 {
            // - . , : & ' join only before a letter or a digit (a hyphen also before any
            // lead byte from 0xC3 on).
            if ByteClass.isAlnum(next) { return false }
            return b == 0x2D ? next < 0xC3 : !ByteClass.isLetter(next)
        }
        if b == 0xE2 {
            guard i + 2 < end, next == 0x80 else { return false }
            switch bytes[i + 2] {
            case 0x8B...0x8F, 0xAA...0xAE: return false  // invisible: the word may go on
            case 0x90, 0x91: return false  // hyphen, non-breaking hyphen
            case 0x98, 0x99, 0x9A, 0xB9, 0xBA: return !(i + 3 < end && ByteClass.isLetter(bytes[i + 3]))
            default: return true  // spaces, dashes, double marks, ellipsis, other symbols
            }
        }
        if b == 0xC2 {
            guard i + 1 < end else { return false }
            return !(next == 0xAD || next &- 0x80 < 0x20)  // soft hyphen and C1 controls are invisible
        }
        return false  // control characters, letters of other scripts, invalid bytes
    }

    /// Any word: `scanWord` and `makeWord`, and the lexicon facts of the result.
    private func generalWord(
        _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ spaceBefore: Bool, _ sink: inout TokenSink
    ) -> Int {
        let wordEnd = scanWord(bytes, from: start, end: end)
        var token = makeWord(bytes, start, wordEnd.end, end: end)
        if spaceBefore { token.flags.insert(.spaceBefore) }
        if spaceFollows(bytes, Int(token.end), end) { token.flags.insert(.spaceAfter) }
        if token.flags.contains(.periodAbsorbed) && !token.flags.contains(.titleAbbreviation) { sink.noteMark() }
        guard token.kind == .word else {
            sink.push(token)
            return Int(token.end)
        }
        let found = index.classes(of: token.key)
        var noun = found
        let coreEnd = Int(token.coreEnd)
        if coreEnd - start > 3, bytes[coreEnd - 1] | 0x20 == 0x73 {
            noun.formUnion(
                index.classes(of: WordKey.of(bytes, start..<(coreEnd - 1))).subtracting([.verbForm, .verbNounForm]))
        }
        var title = !found.isDisjoint(with: [.title, .titleAbbreviation])
        if !title {
            // A title word as the last part of a hyphenated word ("co-leader").
            var k = coreEnd - 1
            while k > start, bytes[k] != 0x2D { k -= 1 }
            if k > start { title = index.classes(of: WordKey.of(bytes, (k + 1)..<coreEnd)).contains(.title) }
        }
        sink.special.append(
            SpecialFacts(token: sink.count, facts: TokenFacts(classes: found, nounClasses: noun, isTitle: title)))
        sink.push(token)
        return Int(token.end)
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

    /// ASCII letter or digit.
    static let alnumBit: UInt8 = 1
    /// Certainly ends a word of ASCII letters and digits: ASCII space, `"`, and punctuation
    /// other than the joiners.
    static let breakBit: UInt8 = 2
    /// `- . , : & '`: inside a word only before a letter or a digit.
    static let joinerBit: UInt8 = 4
    /// ASCII punctuation that `classify` calls `.punctuation`, but for `-`, `.` and `` ` ``.
    static let punctuationBit: UInt8 = 8

    /// `WordKey.lower` of each ASCII letter and digit, 0 for every other byte value;
    /// indexed by a `UInt8`, so never out of bounds.
    nonisolated(unsafe) static let lowerTable: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 { table[b] = isAlnum(UInt8(b)) ? WordKey.lower(UInt8(b)) : 0 }
        return UnsafePointer(table)
    }()

    /// The bits above for each byte value; indexed by a `UInt8`, so never out of bounds.
    nonisolated(unsafe) static let table: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for b in 0..<256 {
            let byte = UInt8(b)
            var bits: UInt8 = 0
            if isAlnum(byte) {
                bits = alnumBit
            } else if byte == 0x2D || byte == 0x2E || byte == 0x2C || byte == 0x3A || byte == 0x26 || byte == 0x27 {
                bits = joinerBit
            } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || (byte > 0x20 && byte < 0x7F) {
                bits = breakBit  // space, `"` and the rest of ASCII punctuation
            }
            if byte > 0x20 && byte < 0x7F && !isAlnum(byte) && byte != 0x22 && byte != 0x27 && byte != 0x2D
                && byte != 0x2E && byte != 0x60
            {
                bits |= punctuationBit
            }
            table[b] = bits
        }
        return UnsafePointer(table)
    }()

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
