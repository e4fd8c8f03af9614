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
    static func split(
        tokens: [Token], range: Range<Int>, insideQuote: (Int) -> Bool, index: LexiconIndex
    ) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = range.lowerBound
        var t = range.lowerBound
        while t < range.upperBound {
            if endsSentence(tokens, t, range, insideQuote, index) {
                sentences.append(start..<(t + 1))
                start = t + 1
            }
            t += 1
        }
        if start < range.upperBound { sentences.append(start..<range.upperBound) }
        return sentences
    }

    private static func endsSentence(
        _ tokens: [Token], _ t: Int, _ range: Range<Int>, _ insideQuote: (Int) -> Bool, _ index: LexiconIndex
    ) -> Bool {
        let token = tokens[t]
        let next = t + 1 < range.upperBound ? t + 1 : nil
        guard let n = next else { return false }  // the paragraph's end closes the last sentence anyway
        let nextStarts = startsSentence(tokens[n], index)
        if token.flags.contains(.closesQuote), !insideQuote(t), t > range.lowerBound {
            // A closing mark right after terminal punctuation: `… won.” Then`
            return tokens[t - 1].isTerminal && nextStarts && !insideQuote(n)
        }
        if insideQuote(t) { return false }
        if token.isTerminal {
            // `?” he asked` and `. . .` keep going.
            if tokens[n].flags.contains(.closesQuote) {
                return false  // the closing mark decides
            }
            return nextStarts
        }
        if token.flags.contains(.periodAbsorbed), !token.flags.contains(.titleAbbreviation) {
            let nextToken = tokens[n]
            let isStarter =
                nextToken.flags.contains(.capitalized)
                && index.classes(of: nextToken.key).contains(.sentenceStarter)
            // An initial before a capitalised word is part of a name ("John F. Kennedy").
            let isInitial = token.end - token.start == 2
            return isStarter && !isInitial
        }
        return false
    }

    private static func startsSentence(_ token: Token, _ index: LexiconIndex) -> Bool {
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
