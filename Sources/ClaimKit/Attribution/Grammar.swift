/// Shallow phrase recognisers over tokens, shared by the attribution rules: source noun
/// phrases before and after a cue, appositives and parentheticals, time expressions,
/// audiences of "tell". No parser: closed word lists from the lexicon and punctuation.
/// Every scan is bounded (`maxPhrase` tokens) so that no rule rescans a long sentence.
struct Grammar {
    let text: TextAnalysis
    static let maxPhrase = 14
    static let maxForwardPhrase = 24
    static let maxParenthetical = 24

    var tokens: [Token] { text.tokens }

    func classes(_ t: Int) -> WordClass { text.classes(t) }

    func isComma(_ t: Int) -> Bool { t >= 0 && t < tokens.count && tokens[t].isPunctuation(0x2C) }

    /// Terminal punctuation that is not followed by a comma ("R-Ky.," is not final).
    func isSentenceFinal(_ t: Int) -> Bool {
        t >= 0 && t < tokens.count && tokens[t].isTerminal && !isComma(t + 1)
    }

    /// A token that may stand inside a source noun phrase.
    func isNounPhraseToken(_ t: Int) -> Bool {
        let token = tokens[t]
        switch token.kind {
        case .word:
            let c = classes(t)
            // "The Retail and Distribution Workers' Union": "and" between capitalised words.
            if c.contains(.coordinator), t > 0, t + 1 < tokens.count, tokens[t - 1].flags.contains(.capitalized),
                tokens[t + 1].flags.contains(.capitalized), !text.isSentenceStart(t - 1) || t > 1
            {
                return tokens[t].key == WordKey.andWord
            }
            if c.contains(.clauseWord) && !c.contains(.determiner) { return false }
            if c.contains(.verbForm) && !token.flags.contains(.capitalized) && !c.contains(.anonymousWord)
                && !c.contains(.documentWord) && !c.contains(.groupWord) && !c.contains(.verbNounForm)
                && !isNominalVerbForm(t)
            {
                return false
            }
            // "Theresa May", "Will Smith": a capitalised word inside a sentence is a name.
            if token.flags.contains(.capitalized) && !text.isSentenceStart(t) && c.isDisjoint(with: [.clauseWord]) {
                return true
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

    /// A verb form used inside a noun phrase: a gerund after a determiner or possessive
    /// ("the board's thinking"), or a participle between a noun and a preposition
    /// ("a diplomat briefed on the talks", "officials quoted in the report").
    func isNominalVerbForm(_ t: Int) -> Bool {
        guard t > 0, t + 1 < tokens.count, tokens[t - 1].kind == .word else { return false }
        let before = classes(t - 1)
        if endsIn(t, "ing") {
            return before.contains(.article) || before.contains(.determiner)
                || tokens[t - 1].flags.contains(.possessive)
        }
        if endsIn(t, "ed") || endsIn(t, "en") || endsIn(t, "wn") {
            let noun = before.isDisjoint(with: [.functionWord, .determiner, .auxiliary, .beForm, .verbForm, .adverb])
            return noun && tokens[t + 1].kind == .word && classes(t + 1).contains(.preposition)
        }
        return false
    }

    // MARK: Source before a cue

    /// The subject noun phrase that ends right before token `end` (exclusive), not
    /// reaching before `limit`. Skips adverbs, a time expression, and a comma-delimited
    /// parenthetical (appositive, relative clause, "meanwhile", "seen by Reuters").
    func subject(endingBefore end: Int, limit: Int) -> (mention: MentionDraft, time: Range<Int>?)? {
        var t = end - 1
        var time: Range<Int>? = nil
        while t >= limit, tokens[t].kind == .word, !tokens[t].flags.contains(.capitalized),
            classes(t).contains(.adverb) || classes(t).isEmpty && endsIn(t, "ly")
        {
            t -= 1
        }
        // "Haftar on Friday said"
        if t >= limit, let r = timeExpression(endingAt: t, limit: limit) {
            time = r
            t = r.lowerBound - 1
        }
        // "Gov. Pat McCrory (R) said", "Rep. Meeks (D-N.Y.) said"
        if t > limit, tokens[t].isPunctuation(0x29) {
            var u = t - 1
            while u > max(limit, t - 10), !tokens[u].isPunctuation(0x28) { u -= 1 }
            if tokens[u].isPunctuation(0x28) { t = u - 1 }
        }
        guard t >= limit else { return nil }
        // "Trump, who says he is honored": the relative pronoun is the mention; its
        // antecedent is the noun phrase before it.
        if tokens[t].kind == .word, classes(t).contains(.relativePronoun), !classes(t).contains(.complementizer),
            t - 1 >= limit
        {
            let last = isComma(t - 1) ? t - 2 : t - 1
            guard last >= limit else { return nil }
            if tokens[last].flags.contains(.capitalized) {
                // A name: the run of capitalised words (with their titles) that ends there.
                var first = last
                while first - 1 >= limit, tokens[first - 1].kind == .word,
                    tokens[first - 1].flags.contains(.capitalized) && !text.isSentenceStart(first - 1)
                        || text.isTitle(first - 1)
                {
                    first -= 1
                }
                return (MentionDraft(tokens: t..<(t + 1), antecedent: first..<(last + 1)), time)
            }
            guard let antecedent = nounPhrase(endingAt: last, limit: limit, time: nil, parentheticals: Parentheticals())
            else {
                return nil
            }
            return (MentionDraft(tokens: t..<(t + 1), antecedent: antecedent.mention.tokens), time)
        }
        guard isComma(t) else {
            return nounPhrase(endingAt: t, limit: limit, time: time, parentheticals: Parentheticals())
        }
        // X, <appositive>, <relative clause>, CUE: up to three comma-delimited parentheticals.
        // Which commas enclose parentheticals is ambiguous ("C, two diplomats familiar with
        // the talks, who asked not to be named, said"), so the widest reading whose noun
        // phrase starts at a clause boundary wins.
        var parentheticals = Parentheticals()
        var comma = t
        while parentheticals.count < Parentheticals.capacity {
            var u = comma - 1
            let stop = max(limit, comma - Grammar.maxParenthetical)
            while u >= stop, !isComma(u), !isSentenceFinal(u) { u -= 1 }
            guard u >= stop, isComma(u), u + 1 < comma else { break }
            let inner = (u + 1)..<comma
            guard isParenthetical(inner) || isAgeOrPlace(inner),
                parentheticals.isEmpty || startsAppositive(inner) || isRelativeClause(inner) || isAgeOrPlace(inner)
            else { break }
            parentheticals.append(inner)
            comma = u
        }
        for k in stride(from: parentheticals.count, through: 1, by: -1) {
            let used = parentheticals.prefix(k)
            let before = used[k - 1].lowerBound - 2
            guard before >= limit,
                let found = nounPhrase(endingAt: before, limit: limit, time: time, parentheticals: used)
            else { continue }
            let first = found.mention.tokens.lowerBound
            let boundary =
                first == limit || first == 0 || isComma(first - 1) || text.isQuoteMark(first - 1)
                || tokens[first - 1].kind == .word
                    && (classes(first - 1).contains(.coordinator)
                        || classes(first - 1).contains(.complementizer))
                || text.isSentenceStart(first)
            if boundary || k == 1 { return found }
        }
        return nil
    }

    /// The noun phrase ending at token `t` (inclusive), with the parentheticals that
    /// followed it (nearest the cue first).
    private func nounPhrase(endingAt last: Int, limit: Int, time: Range<Int>?, parentheticals: Parentheticals)
        -> (mention: MentionDraft, time: Range<Int>?)?
    {
        var t = last
        var time = time
        var appositive: Range<Int>? = nil
        var parenthetical: Range<Int>? = nil
        for k in stride(from: parentheticals.count - 1, through: 0, by: -1) where !isAgeOrPlace(parentheticals[k]) {
            let inner = parentheticals[k]
            if appositive == nil && isAppositive(inner) && startsAppositive(inner) {
                appositive = inner
            } else if parenthetical == nil {
                parenthetical = inner
            }
        }
        var start = t + 1
        var u = t
        let stop = max(limit, t - Grammar.maxPhrase + 1)
        while u >= stop, isNounPhraseToken(u) {
            start = u
            u -= 1
        }
        // The scan stopped at a verb inside a relative clause without commas ("A fisherman
        // who asked not to be named said"): step back to the relative pronoun.
        if u >= limit, u < start, tokens[u].kind == .word, !classes(u).contains(.relativePronoun) {
            var r = u - 1
            while r >= max(limit, t - 16), tokens[r].kind == .word, !classes(r).contains(.relativePronoun) { r -= 1 }
            if r >= limit, r > limit, tokens[r].kind == .word, classes(r).contains(.relativePronoun),
                !classes(r).contains(.complementizer), isNounPhraseToken(r - 1)
            {
                u = r
            }
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
            classes(first).contains(.coordinator)
                || classes(first).contains(.preposition)
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
        if let t = range.first, tokens[t].kind == .word, !tokens[t].flags.contains(.capitalized),
            endsIn(t, "ing") || range.count == 1 && endsIn(t, "ed")
        {
            return false  // "considering asking", "citing weak": a participle, not a source
        }
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
        if text.index.startsCuePhrase(tokens[first].key) { return false }
        if c.contains(.verbForm) { return false }
        for t in range where tokens[t].kind == .word {
            let c = classes(t)
            if c.contains(.verbForm) && !c.contains(.verbNounForm) && !tokens[t].flags.contains(.capitalized) {
                return false
            }
            // "Politico, Democratic insiders are trying": a clause, not an appositive.
            if (c.contains(.finiteMarker) || c.contains(.beForm)) && !tokens[t].flags.contains(.capitalized) {
                return false
            }
        }
        return true
    }

    /// An appositive's usual first word: an article or determiner, a possessive
    /// ("Turkey's"), or a title.
    func startsAppositive(_ range: Range<Int>) -> Bool {
        guard let f = range.first, tokens[f].kind == .word else { return false }
        return classes(f).contains(.article) || classes(f).contains(.determiner)
            || tokens[f].flags.contains(.possessive)
            || text.isTitle(f)
    }

    /// "59", "of Ashton", "Md.", "R-Ky.": an age, an origin or a place or party label set
    /// off by commas after a name.
    func isAgeOrPlace(_ range: Range<Int>) -> Bool {
        guard let f = range.first, range.count <= 4 else { return false }
        if range.count == 1, tokens[f].kind == .number { return true }
        if tokens[f].kind == .word, tokens[f].key == WordKey.ofWord || tokens[f].key == WordKey.fromWord {
            return range.dropFirst().allSatisfy {
                tokens[$0].flags.contains(.capitalized) || tokens[$0].isPunctuation(0x2E)
            }
        }
        // One place or party word, possibly abbreviated: "Ohio", "Md.", "R-Ky." (two
        // capitalised words are a name, not a place label).
        var words = 0
        for t in range where tokens[t].kind == .word { words += 1 }
        return words == 1 && tokens[f].flags.contains(.capitalized)
            && range.allSatisfy { tokens[$0].kind == .word || tokens[$0].isPunctuation(0x2E) }
    }

    func isRelativeClause(_ range: Range<Int>) -> Bool {
        guard let f = range.first, tokens[f].kind == .word else { return false }
        return classes(f).contains(.relativePronoun) && !classes(f).contains(.complementizer)
    }

    /// What may stand between commas between a source and its cue.
    func isParenthetical(_ range: Range<Int>) -> Bool {
        guard let first = range.first else { return false }
        if tokens[first].kind != .word { return false }
        let c = classes(first)
        if c.contains(.relativePronoun) && !c.contains(.complementizer) { return true }  // who, which
        if c.contains(.adverb) && range.count <= 2 { return true }  // meanwhile
        if text.index.startsCuePhrase(tokens[first].key) { return true }  // seen by Reuters
        if c.contains(.timeStart) && timeExpression(startingAt: first, limit: range.upperBound) != nil { return true }
        return isAppositive(range) && range.count <= Grammar.maxParenthetical
    }

    /// Whether word `t` ends with the ASCII letters `suffix` (case-insensitive).
    /// `suffix` is a literal, so the check reads its bytes in place (no Array per call:
    /// the rules ask this millions of times).
    func endsIn(_ t: Int, _ suffix: StaticString) -> Bool {
        let token = tokens[t]
        let end = Int(token.coreEnd)
        let count = suffix.utf8CodeUnitCount
        guard end - Int(token.start) > count else { return false }
        let letters = suffix.utf8Start
        let bytes = text.bytes
        for k in 0..<count where bytes[end - count + k] | 0x20 != letters[k] { return false }
        return true
    }

    /// Whether a noun phrase can name a source: a name, a pronoun, or a head noun the
    /// lexicon types (a person noun, an outlet, a body, a document).
    func namesSource(_ mention: MentionDraft) -> Bool {
        let region = SourceTypeSieve.headRegion(mention.tokens, text)
        let typed: WordClass = [
            .title, .anonymousWord, .groupWord, .documentWord, .mediaWord, .mediaName, .governmentWord, .country,
            .organizationWord, .personPronoun, .pluralPronoun,
        ]
        return region.contains { t in
            (tokens[t].flags.contains(.capitalized) && !classes(t).contains(.article)
                && !classes(t).contains(.determiner))
                || !text.nounClasses(t).isDisjoint(with: typed) || text.isTitle(t)
        }
    }

    // MARK: Source after a cue

    /// The noun phrase starting at `start`: stops at punctuation, clause words, cue
    /// phrases and time expressions. Returns the phrase and an appositive after a comma.
    func nounPhrase(startingAt start: Int, limit: Int) -> MentionDraft? {
        // "said of Mrs. Clinton's plan": a preposition does not start a source.
        if start < limit, tokens[start].kind == .word, classes(start).contains(.preposition),
            !classes(start).contains(.determiner)
        {
            return nil
        }
        var t = start
        let stop = min(limit, start + Grammar.maxForwardPhrase)
        while t < stop, isNounPhraseToken(t) {
            if t > start, tokens[t].kind == .word, text.index.startsCuePhrase(tokens[t].key),
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
            if !inner.isEmpty, isAppositive(inner), !hasFiniteVerb(from: inner.lowerBound, end: inner.upperBound),
                let f = inner.first,
                classes(f).contains(.article) || classes(f).contains(.determiner)
                    || tokens[f].flags.contains(.capitalized)
                    || tokens[f].flags.contains(.possessive)
            {
                mention.appositive = inner
            }
        }
        return mention
    }

    /// Whether a quotation opening at `open` starts its sentence (after a dateline, a
    /// colon or a dash at most): only then is `“…,” X said` a direct quotation; a
    /// quotation that ends a longer clause is a partial quote of reported speech.
    func opensClause(_ open: Int, sentence: SentenceInfo) -> Bool {
        if open <= sentence.tokens.lowerBound { return true }
        let prev = open - 1
        return tokens[prev].isPunctuation(0x3A) || tokens[prev].kind == .dash || tokens[prev].isPunctuation(0x28)
    }

    /// The subject of a sentence's main clause, when it opens the sentence: the noun
    /// phrase up to the first lowercase word that looks like a finite verb (ends in
    /// "-ed", or is an auxiliary or a form of "be").
    func clauseSubject(_ sentence: SentenceInfo) -> MentionDraft? {
        var t = sentence.tokens.lowerBound
        let stop = min(sentence.tokens.upperBound, t + Grammar.maxPhrase)
        while t < stop, isNounPhraseToken(t) {
            if t > sentence.tokens.lowerBound, tokens[t].kind == .word, !tokens[t].flags.contains(.capitalized),
                endsIn(t, "ed") || classes(t).contains(.finiteMarker)
            {
                break
            }
            t += 1
        }
        guard t > sentence.tokens.lowerBound, t < stop, tokens[t].kind == .word else { return nil }
        let range = sentence.tokens.lowerBound..<t
        return isPlausibleSource(range) ? MentionDraft(tokens: range) : nil
    }

    // MARK: Time

    /// A time expression starting at `t`: "on Tuesday", "last week", "earlier this month",
    /// "on November 27", "yesterday". Weekdays and months must be capitalised.
    func timeExpression(startingAt t: Int, limit: Int) -> Range<Int>? {
        // Most tokens cannot open one: only a number, an event preposition or a word of
        // these classes gets past the first step of the scan below (it is asked for every
        // position before and after every cue).
        guard t < limit else { return nil }
        switch tokens[t].kind {
        case .number: break
        case .word:
            if classes(t).isDisjoint(with: Grammar.timeOpeners), !Grammar.isEventPreposition(tokens[t].key) {
                return nil
            }
        default: return nil
        }
        if let event = eventTime(startingAt: t, limit: limit) { return event }
        // Greedy over time words, then keep the longest prefix that ends in a head.
        var u = t
        var lastHeadEnd: Int? = nil
        var sawModifier = false
        let stop = min(limit, t + 6)
        while u < stop {
            let token = tokens[u]
            if token.kind == .number {
                // "November 27", "Nov. 3"; "48 hours later"
                if let h = lastHeadEnd, h == u, classes(u - 1).contains(.month) {
                    lastHeadEnd = u + 1; u += 1; continue
                }
                if u == t, u + 1 < stop, classes(u + 1).contains(.timeUnit) { sawModifier = true; u += 1; continue }
                break
            }
            guard token.kind == .word else { break }
            let c = classes(u)
            let capitalized = token.flags.contains(.capitalized)
            if u == t, c.contains(.cardinal), u + 1 < stop, classes(u + 1).contains(.timeUnit) {
                sawModifier = true  // "two hours later"
                u += 1
                continue
            }
            if let h = lastHeadEnd, h == u, c.contains(.timeWord) {
                lastHeadEnd = u + 1  // "two hours later", "a week ago"
                u += 1
                continue
            }
            if c.contains(.month) && capitalized && !c.contains(.weekday) && !sawModifier
                && !(u + 1 < stop && tokens[u + 1].kind == .number)
            {
                break  // "Theresa May said": a month alone is a name
            }
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

    /// "after the game", "before the hearing", "during Tuesday's debate".
    func eventTime(startingAt t: Int, limit: Int) -> Range<Int>? {
        guard t < limit, tokens[t].kind == .word, Grammar.isEventPreposition(tokens[t].key) else { return nil }
        var u = t + 1
        let stop = min(limit, t + 5)
        while u < stop, tokens[u].kind == .word || tokens[u].kind == .number {
            if classes(u).contains(.eventNoun) { return t..<(u + 1) }
            if classes(u).contains(.verbForm) || classes(u).contains(.clauseWord) { return nil }
            u += 1
        }
        return nil
    }

    /// The classes a word opening a time expression has ("two", "May", "Tuesday", "last",
    /// "on", "yesterday").
    static var timeOpeners: WordClass {
        WordClass(
            rawValue: WordClass.cardinal.rawValue | WordClass.month.rawValue | WordClass.weekday.rawValue
                | WordClass.timeModifier.rawValue | WordClass.timePreposition.rawValue | WordClass.timeWord.rawValue)
    }

    /// The classes of a word that can end a time expression.
    static var timeEnders: WordClass {
        WordClass(
            rawValue: WordClass.timeWord.rawValue | WordClass.weekday.rawValue | WordClass.month.rawValue
                | WordClass.timeUnit.rawValue | WordClass.eventNoun.rawValue)
    }

    /// "after", "before", "during", "following": four literal keys compared in turn.
    static func isEventPreposition(_ key: UInt64) -> Bool {
        let p = WordKey.eventPrepositions
        return key == p.0 || key == p.1 || key == p.2 || key == p.3
    }

    /// A time expression that ends at token `end` (inclusive).
    func timeExpression(endingAt end: Int, limit: Int) -> Range<Int>? {
        // Every expression ends in a number or a time head ("Tuesday", "May", "week",
        // "yesterday", "game"): any other last token ends none, so no start is tried.
        if end >= 0, end < tokens.count {
            switch tokens[end].kind {
            case .number: break
            case .word: if classes(end).isDisjoint(with: Grammar.timeEnders) { return nil }
            default: return nil
            }
        }
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
        // Capitalised names and audience or outlet nouns, one run: "reporters", "the BBC",
        // "a public meeting", "a news conference", "Bloomberg Television".
        while u < stop, tokens[u].kind == .word || (tokens[u].kind == .quote && tokens[u].flags.contains(.apostrophe)) {
            let cu = classes(u)
            if cu.contains(.complementizer) || cu.contains(.clauseWord) || cu.contains(.preposition) { break }
            // "the TASS news agency": a body noun right after an outlet word ends the name.
            let headsOutlet =
                u > t && cu.contains(.organizationWord)
                && !classes(u - 1).isDisjoint(with: [.mediaWord, .mediaName])
            if tokens[u].flags.contains(.capitalized) || cu.contains(.audienceWord) || cu.contains(.mediaWord)
                || headsOutlet
            {
                end = u + 1
            } else if end != nil {
                break
            } else if u > t + 1 {
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
    func contentEnd(from start: Int, sentence: SentenceInfo, state: inout AttributionState) -> Int {
        var t = start
        let end = sentence.tokens.upperBound
        while t < end {
            if t > start, let c = state.cue(at: t), state.cues[c].tokens.lowerBound == t {
                let cue = state.cues[c]
                if cue.isParticipial { return trimEnd(start, t) }
                if cue.phraseRole != nil {
                    if isComma(t - 1) || cue.phraseRole == .sourceAfter { return trimEnd(start, t) }
                } else if cue.complement == .originObject {
                    // "… state radio quoted the minister as saying …": the next attribution.
                    if state.originCue(ofRelay: c) != nil, let subj = subject(endingBefore: t, limit: start) {
                        return trimCoordinator(start, trimEnd(start, subj.mention.tokens.lowerBound))
                    }
                } else {
                    let clause = state.reportedClause(ofCue: c)
                    if isCoordinated(before: t, start: start), clause != nil {
                        // "…, but cautioned that …": a second cue of the same source.
                        return trimEnd(start, coordinatorStart(before: t))
                    }
                    // The subject once for both readings (this scan runs for every cue inside a content).
                    if let subj = subject(endingBefore: t, limit: start) {
                        if let clause, isValidAttribution(cue, subject: subj.mention, clause: clause) {
                            return trimCoordinator(start, trimEnd(start, subj.mention.tokens.lowerBound))
                        }
                        if isComma(subj.mention.tokens.lowerBound - 1), closesClause(after: cue, sentence: sentence) {
                            // "…, the agency reported.": a trailing attribution closes the content.
                            return trimEnd(start, subj.mention.tokens.lowerBound - 1)
                        }
                    }
                }
            }
            // (Only a comma or a coordinator can start "and that": checked before the call,
            // which runs for every token of every content.)
            if isComma(t) || classes(t).contains(.coordinator), t + 1 < end, isCoordinatedThat(t) {
                return trimEnd(start, t)
            }
            t += 1
        }
        return trimEnd(start, end)
    }

    /// A coordinator (optionally after a comma) right before token `t`: "…, but cautioned".
    func isCoordinated(before t: Int, start: Int) -> Bool {
        t - 1 > start && tokens[t - 1].kind == .word && classes(t - 1).contains(.coordinator)
            && !classes(t - 1).contains(.complementizer)
    }

    func coordinatorStart(before t: Int) -> Int { isComma(t - 2) ? t - 2 : t - 1 }

    // MARK: Reported clause

    /// Where a cue's reported clause begins.
    struct ClauseStart {
        /// First token of the content.
        var start: Int
        /// A time expression right after the cue.
        var time: Range<Int>?
        /// The clause was introduced by "that".
        var hasThat = false
        /// A colon ends the cue's phrase: the content is what follows (or the next paragraph).
        var colon: Int?
        /// A quotation opens right after the cue's phrase.
        var quoteOpen: Int?
    }

    static let tellLemmas: Set<String> = [
        "tell", "inform", "brief", "assure", "remind", "warn", "promise", "reassure", "advise",
    ]

    /// The start of the reported clause after `cue`, skipping a time, an audience ("told
    /// reporters"), a prepositional phrase before "that" or a colon ("told a news
    /// conference in Oslo that", "said in an interview with CBS that"), and a "citing"
    /// parenthetical. Nil when nothing after the cue can be its content, judged by the
    /// verb's complement in the lexicon (`bare`, `finite`, `that`).
    func reportedClause(after cue: CueCandidate, sentence: SentenceInfo) -> ClauseStart? {
        // A relaying verb's content follows its object's own cue (`QuotedAsSayingSieve`).
        if cue.complement == .originObject { return nil }
        let end = sentence.tokens.upperBound
        var t = cue.tokens.upperBound
        var result = ClauseStart(start: t)
        if let r = timeExpression(startingAt: t, limit: end) { result.time = r; t = r.upperBound }
        if cue.takesAudience, let a = audience(startingAt: t, limit: end) {
            t = a.upperBound
            if result.time == nil, let r = timeExpression(startingAt: t, limit: end) {
                result.time = r; t = r.upperBound
            }
        }
        guard t < end else { return nil }
        // Over prepositional phrases and a "citing X" parenthetical to "that", ":" or a quotation.
        let startsWithPhrase =
            tokens[t].kind == .word && classes(t).contains(.preposition)
            && !classes(t).contains(.complementizer)
        let startsWithParenthetical = isComma(t) && t + 1 < end && text.index.startsCuePhrase(tokens[t + 1].key)
        if startsWithPhrase || startsWithParenthetical || isComma(t) {
            var u = t
            let stop = min(end, t + 18)
            var inParenthetical = false
            while u < stop {
                if tokens[u].kind == .word, classes(u).contains(.complementizer),
                    !tokens[u].flags.contains(.capitalized)
                {
                    result.start = u + 1
                    result.hasThat = true
                    return result.start < end ? result : nil
                }
                if tokens[u].isPunctuation(0x3A) { result.colon = u; result.start = u + 1; return result }
                if tokens[u].flags.contains(.opensQuote) {
                    guard isComma(u - 1) || startsWithPhrase else { break }
                    result.quoteOpen = u
                    result.start = u
                    return result
                }
                if isComma(u), u + 1 < end, tokens[u + 1].flags.contains(.opensQuote), !inParenthetical {
                    // "says of Clinton, “…”", "said, “…”"
                    result.quoteOpen = u + 1
                    result.start = u + 1
                    return result
                }
                if isComma(u) {
                    // Only a parenthetical that opens with a cue phrase may be crossed.
                    if inParenthetical {
                        inParenthetical = false
                    } else {
                        guard u + 1 < end, text.index.startsCuePhrase(tokens[u + 1].key) else { break }
                        inParenthetical = true
                    }
                    u += 1
                    continue
                }
                guard tokens[u].kind == .word || tokens[u].kind == .number || tokens[u].flags.contains(.apostrophe)
                else { break }
                if classes(u).contains(.finiteMarker)
                    || classes(u).contains(.verbForm) && !classes(u).contains(.verbNounForm)
                        && !text.index.startsCuePhrase(tokens[u].key)
                {
                    break
                }
                u += 1
            }
            if !startsWithPhrase { return nil }
            // A preposition that leads nowhere is not a reported clause ("said in Ankara."),
            // but one inside a clause is ("said about 20 people have applied").
            if cue.complement != .bare || !hasFiniteVerb(from: t, end: end) { return nil }
            result.start = t
            return result
        }
        if tokens[t].isPunctuation(0x3A) { result.colon = t; result.start = t + 1; return result }
        if tokens[t].flags.contains(.opensQuote) {
            // `X agreed "…"` is not a quotation lead-in: such verbs need "that", a colon or a comma.
            if cue.complement != .bare && !(isComma(t - 1) || tokens[t - 1].isPunctuation(0x3A)) { return nil }
            result.quoteOpen = t
            result.start = t
            return result
        }
        guard tokens[t].kind == .word || tokens[t].kind == .number else { return nil }
        // "said only that …", "said simply that …"
        if classes(t).contains(.adverb) || endsIn(t, "ly"), t + 1 < end, tokens[t + 1].kind == .word,
            classes(t + 1).contains(.complementizer)
        {
            t += 1
        }
        let c = classes(t)
        if c.contains(.complementizer) && !tokens[t].flags.contains(.capitalized) {
            result.start = t + 1
            result.hasThat = true
            return result.start < end ? result : nil
        }
        if c.contains(.preposition) || c.contains(.coordinator) || c.contains(.beForm) { return nil }
        switch cue.complement {
        case .that, .originObject: return nil
        case .finite: if !hasFiniteVerb(from: t, end: end) { return nil }
        case .bare: break
        }
        // At least two words of content.
        guard t + 1 < end, tokens[t + 1].isWord || tokens[t + 1].kind == .quote else { return nil }
        result.start = t
        return result
    }

    /// Whether `cue` with `subject` introduces `clause`: a document verb ("found",
    /// "showed") needs a document subject unless "that" follows; a bare base form
    /// ("say", "report") needs an auxiliary or a plural or pronoun subject ("analysts say").
    func isValidAttribution(_ cue: CueCandidate, subject: MentionDraft, clause: ClauseStart) -> Bool {
        let head = SourceTypeSieveHead.head(subject.tokens, text)
        if cue.cueClass == .document, !clause.hasThat {
            guard let h = head, text.nounClasses(h).contains(.documentWord) else { return false }
        }
        if cue.phraseRole == nil, tokens[cue.head].key == text.index.lemmaKeys[Int(cue.lemma.raw)],
            cue.tokens.lowerBound == cue.head
        {
            // "analysts say", "they say", "I think" — not "she helped bill state".
            guard let h = head else { return false }
            let c = classes(h)
            let collective = !text.nounClasses(h).isDisjoint(with: [
                .groupWord, .organizationWord, .governmentWord, .mediaWord,
            ])
            let plural =
                c.contains(.pluralPronoun) || c.contains(.firstPersonPronoun) || tokens[h].key == WordKey.youWord
                || collective
                || (tokens[h].kind == .word && !tokens[h].flags.contains(.possessive)
                    && text.bytes[Int(tokens[h].coreEnd) - 1] | 0x20 == 0x73)
            if !plural { return false }
        }
        return true
    }

    /// A finite verb in the clause starting at `t`: an auxiliary or modal, or a past
    /// form ("-ed") after its first word, before the clause's first comma or other
    /// punctuation (a ", which …," relative clause is stepped over). "expected the
    /// government to collapse" has none; "believes his efforts to slow warming will be"
    /// has one.
    func hasFiniteVerb(from t: Int, end: Int) -> Bool {
        var u = t
        let stop = min(end, t + 20)
        while u < stop {
            let token = tokens[u]
            if isComma(u) {
                // Step over ", which begins in June,"
                guard u + 1 < stop, isRelativeClause((u + 1)..<(u + 2)) else { return false }
                u += 2
                while u < stop, !isComma(u), !tokens[u].isTerminal { u += 1 }
                u += 1
                continue
            }
            if token.kind == .punctuation || token.kind == .dash { return false }
            if token.kind == .word {
                if classes(u).contains(.finiteMarker) && !token.flags.contains(.capitalized) { return true }
                // A past form, unless it is an adjective after a determiner ("a retired teacher").
                if u > t, !token.flags.contains(.capitalized), endsIn(u, "ed"), !classes(u).contains(.preposition),
                    !(tokens[u - 1].kind == .word
                        && (classes(u - 1).contains(.article) || classes(u - 1).contains(.determiner)
                            || tokens[u - 1].flags.contains(.possessive)))
                {
                    return true
                }
            }
            u += 1
        }
        return false
    }

    /// Drops a coordinator left at the end of a content ("the ferry was safe, but").
    func trimCoordinator(_ start: Int, _ end: Int) -> Int {
        var e = end
        if e - 1 > start, tokens[e - 1].kind == .word, classes(e - 1).contains(.coordinator) {
            e = trimEnd(start, e - 1)
        }
        return e
    }

    /// Whether nothing but a time follows the cue before its clause ends (a trailing
    /// attribution: "…, the agency reported on Tuesday.").
    func closesClause(after cue: CueCandidate, sentence: SentenceInfo) -> Bool {
        var t = cue.tokens.upperBound
        let end = sentence.tokens.upperBound
        if let r = timeExpression(startingAt: t, limit: end) { t = r.upperBound }
        if cue.takesAudience, let a = audience(startingAt: t, limit: end) { t = a.upperBound }
        t = adverbials(from: t, limit: end).end
        return t >= trimEnd(t, end) || isComma(t)
    }

    /// Past the adverbials after a trailing cue: "said in London", "said at 9 a.m. on
    /// Wednesday", "said on Wednesday at a news conference" — up to two time expressions
    /// or short prepositional phrases. Returns where they end and the first time found.
    func adverbials(from start: Int, limit end: Int) -> (end: Int, time: Range<Int>?) {
        var t = start
        var time: Range<Int>? = nil
        for _ in 0..<2 {
            if let r = timeExpression(startingAt: t, limit: end) {
                if time == nil { time = r }
                t = r.upperBound
                continue
            }
            // A place or an occasion ("in London", "at a news conference"), not a noun's
            // complement ("a previous forecast of 400 million pounds").
            guard t < end, tokens[t].kind == .word, !tokens[t].flags.contains(.capitalized),
                classes(t).contains(.preposition), classes(t).contains(.timePreposition)
            else { break }
            var u = t + 1
            // "at 9 a.m.": an abbreviation's periods stay inside the phrase.
            while u < min(end, t + 7), isNounPhraseToken(u) || tokens[u].isPunctuation(0x2E) && u + 1 < end {
                if u > t + 1, tokens[u].kind == .word, classes(u).contains(.preposition) { break }  // the next one
                u += 1
            }
            guard u > t + 1 else { break }
            t = u
        }
        if let r = timeExpression(startingAt: t, limit: end) {
            if time == nil { time = r }
            t = r.upperBound
        }
        return (t, time)
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

    /// Whether only closing punctuation follows the quotation mark `close` up to the
    /// sentence's `end` (`“…”.` ends its sentence; `“…” was all she wrote` does not).
    func endsSentence(closingQuote close: Int, end: Int) -> Bool {
        trimEnd(close, max(end, close + 1)) <= close + 1
    }

    /// Backs `end` over trailing punctuation (not closing quotation marks).
    func trimEnd(_ start: Int, _ end: Int) -> Int {
        var e = end
        while e > start,
            tokens[e - 1].kind == .dash || tokens[e - 1].isPunctuation(0x2C) || tokens[e - 1].isPunctuation(0x2E)
                || tokens[e - 1].isPunctuation(0x3B) || tokens[e - 1].isPunctuation(0x3A)
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

/// The comma-delimited parentheticals between a source and its cue, nearest the cue
/// first: at most five, kept in place (``Grammar/subject(endingBefore:limit:)`` runs for
/// most cues, and an array each time was an allocation each time).
struct Parentheticals {
    static let capacity = 5
    private var ranges: (Range<Int>, Range<Int>, Range<Int>, Range<Int>, Range<Int>) = (
        0..<0, 0..<0, 0..<0, 0..<0, 0..<0
    )
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    subscript(k: Int) -> Range<Int> {
        switch k {
        case 0: ranges.0
        case 1: ranges.1
        case 2: ranges.2
        case 3: ranges.3
        default: ranges.4
        }
    }

    /// Adds `range` (the caller keeps `count` below `capacity`).
    mutating func append(_ range: Range<Int>) {
        switch count {
        case 0: ranges.0 = range
        case 1: ranges.1 = range
        case 2: ranges.2 = range
        case 3: ranges.3 = range
        default: ranges.4 = range
        }
        count += 1
    }

    /// The first `k` of them.
    func prefix(_ k: Int) -> Parentheticals {
        var copy = self
        copy.count = min(k, count)
        return copy
    }
}
