/// Shallow phrase recognisers over tokens, shared by the attribution rules: source noun
/// phrases before and after a cue, appositives and parentheticals, time expressions,
/// audiences of "tell". No parser: closed word lists from the lexicon and punctuation.
/// Every scan is bounded (`maxPhrase` tokens) so that no rule rescans a long sentence.
struct Grammar {
    let text: TextAnalysis
    static let maxPhrase = 14
    static let maxParenthetical = 24

    var tokens: [Token] { text.tokens }

    func classes(_ t: Int) -> WordClass { text.classes(t) }

    func isComma(_ t: Int) -> Bool { tokens[t].isPunctuation(0x2C) }

    /// A token that may stand inside a source noun phrase.
    func isNounPhraseToken(_ t: Int) -> Bool {
        let token = tokens[t]
        switch token.kind {
        case .word:
            let c = classes(t)
            if c.contains(.clauseWord) && !c.contains(.determiner) { return false }
            if c.contains(.verbForm) && !token.flags.contains(.capitalized) && !c.contains(.anonymousWord)
                && !c.contains(.documentWord) && !c.contains(.groupWord) && !c.contains(.verbNounForm)
            {
                return false
            }
            if c.contains(.auxiliary) || c.contains(.beForm) || c.contains(.negation) { return false }
            if c.contains(.objectPronoun) && !c.contains(.personPronoun) && !c.contains(.neuterPronoun)
                && !c.contains(.pluralPronoun)
            {
                return c.contains(.determiner)  // "her" as a possessive
            }
            return true
        case .number: return true
        case .quote: return token.flags.contains(.apostrophe)
        case .symbol: return true
        default: return false
        }
    }

    // MARK: Source before a cue

    /// The subject noun phrase that ends right before token `end` (exclusive), not
    /// reaching before `limit`. Skips adverbs, a time expression, and a comma-delimited
    /// parenthetical (appositive, relative clause, "meanwhile", "seen by Reuters").
    func subject(endingBefore end: Int, limit: Int) -> (mention: MentionDraft, time: Range<Int>?)? {
        var t = end - 1
        var time: Range<Int>? = nil
        var appositive: Range<Int>? = nil
        var parenthetical: Range<Int>? = nil
        while t >= limit, tokens[t].kind == .word, classes(t).contains(.adverb), !tokens[t].flags.contains(.capitalized) {
            t -= 1
        }
        // "Haftar on Friday said"
        if t >= limit, let r = timeExpression(endingAt: t, limit: limit) {
            time = r
            t = r.lowerBound - 1
        }
        if t >= limit, isComma(t) {
            // X, <parenthetical>, CUE
            var u = t - 1
            let stop = max(limit, t - Grammar.maxParenthetical)
            while u >= stop, !isComma(u), !tokens[u].isTerminal, !text.isQuoteMark(u) { u -= 1 }
            guard u >= stop, isComma(u), u + 1 < t else { return nil }
            let inner = (u + 1)..<t
            guard isParenthetical(inner) else { return nil }
            if isAppositive(inner) { appositive = inner } else { parenthetical = inner }
            t = u - 1
        }
        var start = t + 1
        var u = t
        let stop = max(limit, t - Grammar.maxPhrase + 1)
        while u >= stop, isNounPhraseToken(u) {
            start = u
            u -= 1
        }
        // A relative clause without commas: "people who attended the talks said" → "people".
        if u >= limit, tokens[u].kind == .word, classes(u).contains(.relativePronoun),
            !classes(u).contains(.complementizer), start <= t
        {
            var v = u - 1
            var relStart = u
            while v >= max(limit, u - Grammar.maxPhrase), isNounPhraseToken(v) {
                relStart = v
                v -= 1
            }
            if relStart < u {
                start = relStart
                t = u - 1
            }
        }
        guard start <= t else { return nil }
        var range = start..<(t + 1)
        range = trimSubject(range)
        guard !range.isEmpty else { return nil }
        // A fronted time without a comma: "Last week Haftar said"
        if time == nil, let r = timeExpression(startingAt: range.lowerBound, limit: range.upperBound),
            r.upperBound < range.upperBound
        {
            time = r
            range = r.upperBound..<range.upperBound
        }
        guard isPlausibleSource(range) else { return nil }
        return (MentionDraft(tokens: range, appositive: appositive, parenthetical: parenthetical), time)
    }

    /// Drops a leading preposition phrase or conjunction ("In a statement the ministry").
    func trimSubject(_ range: Range<Int>) -> Range<Int> {
        var r = range
        while let first = r.first, tokens[first].kind == .word,
              classes(first).contains(.coordinator) || classes(first).contains(.preposition)
                && !classes(first).contains(.determiner)
        {
            if classes(first).contains(.preposition) {
                // Skip the preposition's own phrase up to the next determiner or capitalised start.
                var u = first + 1
                while u < r.upperBound, !(classes(u).contains(.article) || classes(u).contains(.determiner)) { u += 1 }
                if u >= r.upperBound { return r.upperBound..<r.upperBound }
                var v = u + 1
                while v < r.upperBound, !(classes(v).contains(.article)) { v += 1 }
                r = (v < r.upperBound ? v : u)..<r.upperBound
                if v >= r.upperBound { break }
            } else {
                r = (first + 1)..<r.upperBound
            }
        }
        return r
    }

    /// A source must contain a noun-like word: not only determiners, adverbs or numbers.
    func isPlausibleSource(_ range: Range<Int>) -> Bool {
        for t in range where tokens[t].kind == .word {
            let c = classes(t)
            if c.contains(.personPronoun) || c.contains(.pluralPronoun) || c.contains(.neuterPronoun)
                || c.contains(.firstPersonPronoun)
            {
                return range.count == 1 || !c.contains(.nonSpeaker)
            }
            if c.contains(.nonSpeaker) { continue }
            if !c.contains(.determiner) && !c.contains(.preposition) && !c.contains(.adverb) && !c.contains(.timeWord) {
                return true
            }
        }
        return false
    }

    /// An appositive: `a spokeswoman for the ministry`, `Turkey's vice president`,
    /// `who replaced him last year` is not one (it is a parenthetical).
    func isAppositive(_ range: Range<Int>) -> Bool {
        guard let first = range.first, tokens[first].kind == .word else { return false }
        let c = classes(first)
        if c.contains(.relativePronoun) || c.contains(.adverb) || c.contains(.timeStart) { return false }
        if text.index.phrases[tokens[first].key] != nil { return false }
        if c.contains(.verbForm) { return false }
        for t in range where tokens[t].kind == .word {
            if classes(t).contains(.verbForm) && !tokens[t].flags.contains(.capitalized) { return false }
        }
        return true
    }

    /// What may stand between commas between a source and its cue.
    func isParenthetical(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        if tokens[first].kind != .word { return false }
        let c = classes(first)
        if c.contains(.relativePronoun) && !c.contains(.complementizer) { return true }  // who, which
        if c.contains(.adverb) && range.count <= 2 { return true }  // meanwhile
        if text.index.phrases[tokens[first].key] != nil { return true }  // seen by Reuters
        if c.contains(.timeStart) && timeExpression(startingAt: first, limit: range.upperBound) != nil { return true }
        return isAppositive(range) && range.count <= 16
    }

    // MARK: Source after a cue

    /// The noun phrase starting at `start`: stops at punctuation, clause words, cue
    /// phrases and time expressions. Returns the phrase and an appositive after a comma.
    func nounPhrase(startingAt start: Int, limit: Int) -> MentionDraft? {
        var t = start
        let stop = min(limit, start + Grammar.maxPhrase)
        while t < stop, isNounPhraseToken(t) {
            if t > start, tokens[t].kind == .word, text.index.phrases[tokens[t].key] != nil,
                CueScanner.matchPhrase(text, t, t..<limit) != nil
            {
                break
            }
            if t > start, timeExpression(startingAt: t, limit: limit) != nil { break }
            if t > start, classes(t).contains(.relativePronoun), !classes(t).contains(.determiner) { break }
            t += 1
        }
        guard t > start else { return nil }
        let range = start..<t
        guard isPlausibleSource(range) else { return nil }
        var mention = MentionDraft(tokens: range)
        // said X, a spokeswoman for the ministry.
        if t < limit, isComma(t), t + 1 < limit {
            var u = t + 1
            let end = min(limit, u + Grammar.maxParenthetical)
            while u < end, !isComma(u), !tokens[u].isTerminal, !text.isQuoteMark(u), tokens[u].kind != .dash { u += 1 }
            let inner = (t + 1)..<u
            if !inner.isEmpty, isAppositive(inner), let f = inner.first,
                classes(f).contains(.article) || classes(f).contains(.determiner) || tokens[f].flags.contains(.capitalized)
                    || tokens[f].flags.contains(.possessive)
            {
                mention.appositive = inner
            }
        }
        return mention
    }

    // MARK: Time

    /// A time expression starting at `t`: "on Tuesday", "last week", "earlier this month",
    /// "on November 27", "yesterday". Weekdays and months must be capitalised.
    func timeExpression(startingAt t: Int, limit: Int) -> Range<Int>? {
        // Greedy over time words, then keep the longest prefix that ends in a head.
        var u = t
        var lastHeadEnd: Int? = nil
        var sawModifier = false
        let stop = min(limit, t + 6)
        while u < stop {
            let token = tokens[u]
            if token.kind == .number {
                // "November 27", "Nov. 3"
                if let h = lastHeadEnd, h == u, classes(u - 1).contains(.month) { lastHeadEnd = u + 1; u += 1 }
                break
            }
            guard token.kind == .word else { break }
            let c = classes(u)
            let capitalized = token.flags.contains(.capitalized)
            if (c.contains(.weekday) || c.contains(.month)) && capitalized {
                lastHeadEnd = u + 1
            } else if c.contains(.timeUnit) && (sawModifier || lastHeadEnd != nil) {
                lastHeadEnd = u + 1
            } else if c.contains(.timeModifier) || c.contains(.timePreposition) {
                sawModifier = true
                if c.contains(.timeWord) && lastHeadEnd == nil { lastHeadEnd = u + 1 }  // "earlier" alone
            } else if c.contains(.timeWord) {
                lastHeadEnd = u + 1
            } else {
                break
            }
            u += 1
        }
        guard let end = lastHeadEnd, end > t else { return nil }
        return t..<end
    }

    /// A time expression that ends at token `end` (inclusive).
    func timeExpression(endingAt end: Int, limit: Int) -> Range<Int>? {
        var start = end
        var best: Range<Int>? = nil
        while start >= max(limit, end - 5) {
            if let r = timeExpression(startingAt: start, limit: end + 1), r.upperBound == end + 1 { best = r }
            start -= 1
        }
        return best
    }

    // MARK: Audience

    /// The audience of "tell": "reporters", "Reuters", "the BBC", "a news conference", "him".
    func audience(startingAt start: Int, limit: Int) -> Range<Int>? {
        guard start < limit, tokens[start].kind == .word else { return nil }
        let c = classes(start)
        if c.contains(.objectPronoun) { return start..<(start + 1) }
        var t = start
        if c.contains(.article) || c.contains(.determiner) { t += 1 }
        let stop = min(limit, start + 6)
        var end: Int? = nil
        var u = t
        while u < stop, tokens[u].kind == .word || (tokens[u].kind == .quote && tokens[u].flags.contains(.apostrophe)) {
            let cu = classes(u)
            if cu.contains(.complementizer) || cu.contains(.clauseWord) { break }
            if tokens[u].flags.contains(.capitalized) {
                end = u + 1
            } else if cu.contains(.audienceWord) || cu.contains(.mediaWord) {
                end = u + 1
                if cu.contains(.audienceWord) { break }
            } else if end != nil {
                break
            }
            u += 1
        }
        return end.map { start..<$0 }
    }

    /// Whether an audience or relay phrase names a news outlet (a hop of the chain).
    func isMedia(_ range: Range<Int>) -> Bool {
        guard let last = range.last else { return false }
        if classes(last).contains(.audienceWord) { return false }
        return range.contains { classes($0).contains(.mediaName) || classes($0).contains(.mediaWord) }
    }

    // MARK: Content

    /// Where a reported clause that starts at `start` ends: the sentence end, a participial
    /// cue (", adding that"), a coordinated second content (", and that"), "according to",
    /// or the next attribution in the sentence. Also returns the token that stopped it.
    func contentEnd(from start: Int, sentence: SentenceInfo, state: AttributionState) -> Int {
        var t = start
        let end = sentence.tokens.upperBound
        while t < end {
            if let c = state.cue(at: t), state.cues[c].tokens.lowerBound == t, t > start {
                let cue = state.cues[c]
                if cue.isParticipial || cue.phraseRole != nil { return trimEnd(start, t) }
                if cue.phraseRole == nil, let subj = subject(endingBefore: t, limit: start) {
                    return trimEnd(start, subj.mention.tokens.lowerBound)
                }
            }
            if isComma(t) || tokens[t].kind == .word, t + 1 < end, isCoordinatedThat(t) {
                return trimEnd(start, t)
            }
            t += 1
        }
        return trimEnd(start, end)
    }

    /// `and that` / `, and that` / `but that` starting at `t`.
    func isCoordinatedThat(_ t: Int) -> Bool {
        var u = t
        if isComma(u) { u += 1 }
        guard u + 1 < tokens.count, tokens[u].kind == .word, classes(u).contains(.coordinator),
              tokens[u + 1].kind == .word, classes(u + 1).contains(.complementizer)
        else { return false }
        return text.sentenceOfToken[u + 1] == text.sentenceOfToken[t]
    }

    /// Backs `end` over trailing punctuation (not closing quotation marks).
    func trimEnd(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start, tokens[e - 1].kind == .punctuation || tokens[e - 1].kind == .dash,
              !tokens[e - 1].isPunctuation(0x3F), !tokens[e - 1].isPunctuation(0x21), !tokens[e - 1].isPunctuation(0x29)
        {
            e -= 1
        }
        return e
    }

    /// `span` without trailing white space and `, . ; :`.
    func trimmed(_ span: Span) -> Span? {
        var e = span.end
        let b = text.bytes
        while e > span.start {
            let c = b[e - 1]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 || c == 0x2C || c == 0x2E || c == 0x3B || c == 0x3A {
                e -= 1
            } else {
                break
            }
        }
        return e > span.start ? Span(span.start, e) : nil
    }

    /// The byte span of tokens `range`, with trailing `, . ; :` left out.
    func contentSpan(_ range: Range<Int>) -> Span? {
        let e = trimEnd(range.lowerBound, range.upperBound)
        guard e > range.lowerBound else { return nil }
        return text.span(of: range.lowerBound..<e)
    }
}
