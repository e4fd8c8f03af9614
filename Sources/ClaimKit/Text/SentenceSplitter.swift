/// Splits a paragraph's tokens into sentences.
///
/// A sentence ends after `.`, `!`, `?` or an ellipsis when the next token starts a
/// sentence (a capitalised word, a number, an opening quotation mark) or the paragraph
/// ends. Periods taken into abbreviations ("Mr.", "Gen."), initials ("F.") and decimals
/// ("3.5") do not end sentences; a non-title abbreviation or acronym ("U.S.", "Inc.")
/// does when a word from the lexicon's `sentenceStarters` follows it ("… in the U.S. He
/// said"). A sentence never ends inside a top-level quotation; it can end right after
/// its closing mark (`He said: “We won.” Then …`).
enum SentenceSplitter {
    /// Appends the sentences of `range` (a paragraph's body) to `sentences` and records
    /// them in `sentenceOfToken`.
    ///
    /// Only the tokens of `marks` (the tokenizer's `markTokens`) can end a sentence;
    /// `nextMark` is where the previous paragraph left off in it.
    static func split(
        _ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>, paragraph: Int, marks: UnsafeBufferPointer<Int32>,
        nextMark: inout Int, quotationOfToken: UnsafeBufferPointer<Int32>, facts: UnsafeBufferPointer<TokenFacts>,
        into sentences: inout [SentenceInfo], sentenceOfToken: UnsafeMutableBufferPointer<Int32>
    ) {
        var start = range.lowerBound
        while nextMark < marks.count, Int(marks[nextMark]) < range.lowerBound { nextMark += 1 }
        while nextMark < marks.count {
            let t = Int(marks[nextMark])
            // The paragraph's last token needs no test: its end closes the last sentence anyway.
            if t + 1 >= range.upperBound { break }
            nextMark += 1
            if endsSentence(tokens, t, range, quotationOfToken, facts) {
                add(tokens, start..<(t + 1), paragraph: paragraph, isHeading: false, &sentences, sentenceOfToken)
                start = t + 1
            }
        }
        if start < range.upperBound {
            add(tokens, start..<range.upperBound, paragraph: paragraph, isHeading: false, &sentences, sentenceOfToken)
        }
    }

    /// Appends the sentence of the tokens `range` (not empty).
    static func add(
        _ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>, paragraph: Int, isHeading: Bool,
        _ sentences: inout [SentenceInfo], _ sentenceOfToken: UnsafeMutableBufferPointer<Int32>
    ) {
        let s = Int32(truncatingIfNeeded: sentences.count)
        sentences.append(
            SentenceInfo(
                tokens: range, paragraph: paragraph,
                span: Span(Int(tokens[range.lowerBound].start), Int(tokens[range.upperBound - 1].end)),
                isHeading: isHeading))
        UnsafeMutableBufferPointer(rebasing: sentenceOfToken[range]).update(repeating: s)
    }

    /// `t + 1` is in `range`.
    private static func endsSentence(
        _ tokens: UnsafeBufferPointer<Token>, _ t: Int, _ range: Range<Int>,
        _ quotationOfToken: UnsafeBufferPointer<Int32>,
        _ facts: UnsafeBufferPointer<TokenFacts>
    ) -> Bool {
        let token = tokens[t]
        let n = t + 1
        let nextStarts = startsSentence(tokens[n])
        let insideQuote = quotationOfToken[t] >= 0
        if token.flags.contains(.closesQuote), !insideQuote, t > range.lowerBound {
            // A closing mark right after terminal punctuation: `… won.” Then`
            guard tokens[t - 1].isTerminal && nextStarts && quotationOfToken[n] < 0 else { return false }
            // `“Is this fair?” Hollis asked.`: a question or exclamation keeps its mark, so a
            // capitalised source and a lower-case reporting verb after it go on the sentence.
            if tokens[t - 1].mark == 0x3F || tokens[t - 1].mark == 0x21 {
                return !sourceAndCueFollow(tokens, n, range, facts)
            }
            return true
        }
        if insideQuote { return false }
        // "(Nobody cared.) It rained.": a closing parenthesis after terminal punctuation.
        if token.isPunctuation(0x29), t > range.lowerBound, tokens[t - 1].isTerminal { return nextStarts }
        if token.isTerminal {
            // `?” he asked` and `. . .` keep going.
            if tokens[n].flags.contains(.closesQuote) || tokens[n].isPunctuation(0x29) {
                return false  // the closing mark or parenthesis decides
            }
            return nextStarts
        }
        if token.flags.contains(.periodAbsorbed), !token.flags.contains(.titleAbbreviation) {
            // (A capitalised token is a word, whose facts hold its classes.)
            let isStarter = tokens[n].flags.contains(.capitalized) && facts[n].classes.contains(.sentenceStarter)
            // An initial before a capitalised word is part of a name ("John F. Kennedy").
            let isInitial = token.end - token.start == 2
            return isStarter && !isInitial
        }
        return false
    }

    /// One to four capitalised words (a name, a title) from `n`, then a lower-case form of
    /// a reporting verb: `Hollis asked`, `Police Chief Ann Ford told`.
    private static func sourceAndCueFollow(
        _ tokens: UnsafeBufferPointer<Token>, _ n: Int, _ range: Range<Int>, _ facts: UnsafeBufferPointer<TokenFacts>
    ) -> Bool {
        var u = n
        while u < min(range.upperBound, n + 4), tokens[u].kind == .word, tokens[u].flags.contains(.capitalized) {
            u += 1
        }
        guard u > n, u < range.upperBound, tokens[u].kind == .word, !tokens[u].flags.contains(.capitalized) else {
            return false
        }
        let c = facts[u].classes
        return c.contains(.verbForm) && !c.contains(.verbNounForm)
    }

    private static func startsSentence(_ token: Token) -> Bool {
        switch token.kind {
        case .word: return token.flags.contains(.capitalized)
        case .number: return true
        case .quote: return token.flags.contains(.opensQuote)
        case .punctuation: return token.mark == 0x28 || token.mark == 0x5B  // ( [
        case .dash: return false
        default: return false
        }
    }
}
