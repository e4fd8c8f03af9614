/// People and acronyms the article names, found in one pass before sources are
/// resolved: full names with the role given beside them ("renegade commander Khalifa
/// Haftar"), indexed by last name, and acronyms defined in parentheses
/// ("Government of National Accord (GNA)").
struct EntityIndex {
    struct Person {
        var name: String
        var role: String?
        var tokenCount: Int
    }

    /// Last-name key → index in `lastNames`: per mention of a person with that last name,
    /// in token order, the fullest person named with it up to and including that mention.
    /// (Flat tables rather than a Dictionary of arrays: this index is built for every article.)
    private var byLastName = KeyIndex()
    private var lastNames: [[(token: Int, person: Person)]] = []
    /// Acronym key → index in `acronymForms`.
    private var acronymIndex = KeyIndex()
    private var acronymForms: [(full: String, type: SourceType)] = []
    /// Proper names the article uses as states: "X's foreign ministry", "X's government".
    private var stateKeys = KeyIndex()
    /// What the article says of a person's gender, by full name: a title or role word
    /// ("Mrs.", "spokeswoman") or the first he/she/his/her after the name in its sentence.
    private(set) var genders: [String: WordClass] = [:]
    /// People named as the subject of a sentence (the name opens it, after its role
    /// words), in article order: candidates for a later "he" or "she".
    private(set) var subjectMentions: [(token: Int, person: Person)] = []

    init(text: TextAnalysis) {
        let tokens = text.tokens
        let grammar = Grammar(text: text)
        /// "X's foreign ministry": a capitalised possessive before a government word names a state.
        func noteState(_ t: Int) {
            var u = t + 1
            while u < min(tokens.count, t + 4), tokens[u].kind == .word {
                if text.classes(u).contains(.governmentWord) { stateKeys.set(0, for: tokens[t].key); break }
                if text.classes(u).contains(.functionWord) { break }
                u += 1
            }
        }
        var t = 0
        while t < tokens.count {
            // Only a capitalised word can start a name: skip the rest without a call.
            guard tokens[t].flags.contains(.capitalized) else { t += 1; continue }
            // Every capitalised possessive is seen here or as the last word of a name run
            // below (a run ends at a possessive), so one pass finds the states too.
            if tokens[t].flags.contains(.possessive) { noteState(t) }
            guard tokens[t].kind == .word, let name = NameParser.nameRun(text, startingAt: t) else { t += 1; continue }
            defer { t = max(t + 1, name.upperBound) }
            if name.count > 1, tokens[name.upperBound - 1].flags.contains(.possessive) {
                noteState(name.upperBound - 1)
            }
            if name.count >= 2, NameParser.isPersonName(text, name) {
                let roleWords = NameParser.roleBefore(text, name)  // once, for the role and opensSentence
                let before = roleWords.map { text.string(tokens: text.withoutArticle($0)) }
                let after = before == nil ? NameParser.appositiveRole(text, after: name, grammar: grammar) : nil
                // "The council leader, Amir Shah, spoke": the description is the sentence's subject.
                let described = before == nil && after == nil ? NameParser.roleBeforeComma(text, name) : nil
                let role = before ?? after ?? described
                let person = Person(name: NameParser.nameString(text, name), role: role, tokenCount: name.count)
                let last = tokens[name.upperBound - 1].key
                // Keep the fullest so far (more name words, or a role where it had none).
                var best = person
                let list = byLastName.value(for: last)
                if let list, let previous = lastNames[list].last?.person,
                    !(person.tokenCount > previous.tokenCount || previous.role == nil && person.role != nil)
                {
                    best = previous
                }
                if let list {
                    lastNames[list].append((name.lowerBound, best))
                } else {
                    byLastName.set(lastNames.count, for: last)
                    lastNames.append([(name.lowerBound, best)])
                }
                if genders[best.name] == nil, let g = Self.gender(text, of: name) { genders[best.name] = g }
                let describedSubject =
                    described != nil && name.upperBound < tokens.count && tokens[name.upperBound].isPunctuation(0x2C)
                if describedSubject || NameParser.opensSentence(text, name, roleWords: roleWords) {
                    subjectMentions.append((name.lowerBound, person))
                }
            } else if name.count == 1,
                let known = person(lastName: tokens[name.lowerBound].key, before: name.lowerBound),
                NameParser.opensSentence(text, name)
            {
                subjectMentions.append((name.lowerBound, known))
            }
            // Acronym definition right after: Name Of Thing (NOT)
            let after = name.upperBound
            if after + 2 < tokens.count, tokens[after].isPunctuation(0x28), tokens[after + 1].flags.contains(.allCaps),
                tokens[after + 2].isPunctuation(0x29)
            {
                let acronym = text.string(Span(Int(tokens[after + 1].start), Int(tokens[after + 1].coreEnd)))
                if let full = NameParser.expansion(text, of: acronym, before: after, from: name.lowerBound) {
                    // Typed once here rather than at every mention of the acronym.
                    let form = (full, SourceTypeSieve.type(ofName: full, lexicon: text.index))
                    if let k = acronymIndex.value(for: tokens[after + 1].key) {
                        acronymForms[k] = form
                    } else {
                        acronymIndex.set(acronymForms.count, for: tokens[after + 1].key)
                        acronymForms.append(form)
                    }
                }
            }
        }
    }

    /// `.male` or `.female` from the words around a name: a gendered title or role right
    /// before it, else the first gendered pronoun after it in its sentence before any
    /// other name.
    static func gender(_ text: TextAnalysis, of name: Range<Int>) -> WordClass? {
        let gendered: WordClass = [.male, .female]
        var t = name.lowerBound - 1
        let sentence = text.sentenceOfToken[name.lowerBound]
        while t >= 0, t >= name.lowerBound - 4, text.sentenceOfToken[t] == sentence, text.tokens[t].kind == .word {
            let c = text.classes(t).intersection(gendered)
            if !c.isEmpty { return c }
            if !text.isTitle(t) && !text.tokens[t].flags.contains(.capitalized) { break }
            t -= 1
        }
        var u = name.upperBound
        while u < text.tokens.count, u < name.upperBound + 30, text.sentenceOfToken[u] == sentence {
            if text.tokens[u].kind == .word {
                if text.tokens[u].flags.contains(.capitalized), !text.isSentenceStart(u),
                    !text.classes(u).contains(.functionWord), NameParser.isNameToken(text, u, first: true)
                {
                    return nil  // another name first: the pronoun may be theirs
                }
                let c = text.classes(u).intersection(gendered)
                // "said his", "…, the harbour spokeswoman,"
                if !c.isEmpty,
                    !text.classes(u).isDisjoint(with: [.personPronoun, .objectPronoun, .determiner]) || text.isTitle(u)
                {
                    return c
                }
            }
            u += 1
        }
        return nil
    }

    /// Whether `name` may be referred to as `pronoun` (`.male` or `.female`): unknown
    /// gender fits either.
    func fits(_ name: String, _ pronoun: WordClass) -> Bool { fits(name, pronoun, known: gender(of: name)) }

    /// `fits(_:_:)` with `gender(of: name)` already looked up.
    func fits(_ name: String, _ pronoun: WordClass, known: WordClass?) -> Bool {
        // A source left as an unresolved pronoun ("he asked") has that pronoun's gender.
        // (Only a short name can be one: no lower-cased copy of every other name.)
        guard let g = known ?? (name.utf8.count <= 12 ? Self.pronounGenders[name.lowercased()] : nil) else {
            return true
        }
        return pronoun.isEmpty || g == pronoun
    }

    /// What the article says of the gender of the person named `name`, if anything.
    func gender(of name: String) -> WordClass? { genders.isEmpty ? nil : genders[name] }

    private static let pronounGenders: [String: WordClass] = [
        "he": .male, "him": .male, "his": .male, "she": .female, "her": .female,
    ]

    /// The full form of an acronym the article defines ("GNA" → "Government of National
    /// Accord") and its type (by `SourceTypeSieve.type(ofName:lexicon:)`).
    func acronym(_ key: UInt64) -> (full: String, type: SourceType)? {
        acronymIndex.value(for: key).map { acronymForms[$0] }
    }

    /// Whether the article uses the name `key` as a state ("Vardania's foreign ministry").
    func isState(_ key: UInt64) -> Bool { stateKeys.value(for: key) != nil }

    /// The latest person named as a sentence subject before token `t`.
    func subjectMention(before t: Int) -> (token: Int, person: Person)? {
        var lo = 0
        var hi = subjectMentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if subjectMentions[mid].token < t { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? subjectMentions[lo - 1] : nil
    }

    /// The fullest person named before token `t` whose last name is `key`.
    ///
    /// Each list is in token order and each entry holds the best person of the list up
    /// to it (see `init`), so this is a binary search, not a scan of every earlier
    /// mention: an article naming the same family 100,000 times stays linear.
    func person(lastName key: UInt64, before t: Int) -> Person? {
        guard let k = byLastName.value(for: key) else { return nil }
        let list = lastNames[k]
        var lo = 0
        var hi = list.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if list[mid].token < t { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? list[lo - 1].person : nil
    }
}

/// Recognises proper-name runs, splits titles from names, and finds roles.
enum NameParser {
    /// A run of name tokens starting at `t`: capitalised words (and particles inside),
    /// not titles, not sentence-opening function words.
    static func nameRun(_ text: TextAnalysis, startingAt t: Int) -> Range<Int>? {
        guard isNameToken(text, t, first: true) else { return nil }
        var e = t + 1
        while e < text.tokens.count, !text.tokens[e - 1].flags.contains(.possessive), !lineBreak(text, before: e) {
            if isNameToken(text, e, first: false) { e += 1; continue }
            // A particle inside a name: "bin", "van der", "de".
            // Particles inside a name, one or more: "bin Salman", "van der Lind".
            var p = e
            while p < text.tokens.count, text.tokens[p].kind == .word, text.classes(p).contains(.nameParticle),
                !text.tokens[p].flags.contains(.capitalized)
            {
                p += 1
            }
            if p > e, p < text.tokens.count, isNameToken(text, p, first: false) {
                e = p + 1
                continue
            }
            break
        }
        return t..<e
    }

    /// A line break between token `t` and the one before it: a name never runs over one
    /// ("By Jane Doe" above "Reyes said …" is two names).
    static func lineBreak(_ text: TextAnalysis, before t: Int) -> Bool {
        text.bytes[Int(text.tokens[t - 1].end)..<Int(text.tokens[t].start)].contains(0x0A)
    }

    static func isNameToken(_ text: TextAnalysis, _ t: Int, first: Bool) -> Bool {
        let token = text.tokens[t]
        guard token.kind == .word, token.flags.contains(.capitalized),
            !token.flags.contains(.allCaps) || token.end - token.start > 4
        else {
            return false
        }
        if !first && text.tokens[t].flags.contains(.spaceBefore) == false { return false }
        let c = text.nounClasses(t)
        // "Theresa May", "Will Smith": a modal capitalised inside a name is part of it.
        let modalInName = c.contains(.auxiliary) && !text.isSentenceStart(t)
        if text.isTitle(t) || (c.contains(.functionWord) || c.contains(.sentenceStarter)) && !modalInName {
            return false
        }
        if c.contains(.weekday) || c.contains(.month) && first { return false }  // "Theresa May" is a name
        // "Said Haddad" is a name; a cue verb opening a sentence is not.
        if c.contains(.verbForm) && text.isSentenceStart(t) {
            let next = t + 1
            guard next < text.tokens.count, text.tokens[next].kind == .word,
                text.tokens[next].flags.contains(.capitalized),
                text.classes(next).isDisjoint(with: [.article, .determiner, .functionWord, .title])
            else { return false }
        }
        // Common nouns capitalised at the start of a sentence: "Analysts", "Police".
        let common: WordClass = [
            .groupWord, .anonymousWord, .documentWord, .organizationWord, .governmentWord, .mediaWord,
        ]
        if !c.isDisjoint(with: common) && text.isSentenceStart(t) { return false }
        if c.contains(.groupWord) || c.contains(.anonymousWord) { return false }
        return true
    }

    /// Whether the name opens its sentence, after role words at most
    /// ("Athletic manager Colin Brandt was less amused.").
    static func opensSentence(_ text: TextAnalysis, _ name: Range<Int>) -> Bool {
        opensSentence(text, name, roleWords: roleBefore(text, name))
    }

    /// `opensSentence(_:_:)` with the name's `roleBefore` already found.
    static func opensSentence(_ text: TextAnalysis, _ name: Range<Int>, roleWords: Range<Int>?) -> Bool {
        let start = roleWords?.lowerBound ?? name.lowerBound
        if text.isSentenceStart(start) { return true }
        return start > 0 && text.isSentenceStart(start - 1) && text.classes(start - 1).contains(.article)
    }

    /// `Martin Egli, the study's lead author,` → "study's lead author".
    static func appositiveRole(_ text: TextAnalysis, after name: Range<Int>, grammar: Grammar) -> String? {
        let t = name.upperBound
        guard t + 1 < text.tokens.count, text.tokens[t].isPunctuation(0x2C),
            !text.tokens[name.upperBound - 1].flags.contains(.possessive)
        else { return nil }
        var u = t + 1
        let stop = min(text.tokens.count, u + Grammar.maxParenthetical)
        while u < stop, !text.tokens[u].isPunctuation(0x2C), !text.tokens[u].isTerminal, !text.isQuoteMark(u),
            text.tokens[u].kind != .dash
        {
            u += 1
        }
        guard u < stop, text.tokens[u].isPunctuation(0x2C) || text.tokens[u].isTerminal else { return nil }
        let inner = (t + 1)..<u
        guard !inner.isEmpty, grammar.isAppositive(inner), let f = inner.first,
            text.classes(f).contains(.article) || text.classes(f).contains(.determiner)
                || text.tokens[f].flags.contains(.possessive) || text.isTitle(f)
        else { return nil }
        return RoleAndNameSieve.role(from: inner, text)
    }

    /// `The council leader, Amir Shah, said`: a description opening the sentence with an
    /// article and holding a title word, then a comma, then the name (the appositive of
    /// the description). The role is the description without its article, as
    /// ``RoleAndNameSieve`` gives it when the description is the mention.
    static func roleBeforeComma(_ text: TextAnalysis, _ name: Range<Int>) -> String? {
        let comma = name.lowerBound - 1
        guard comma >= 2, text.tokens[comma].isPunctuation(0x2C) else { return nil }
        let s = text.sentenceOfToken[name.lowerBound]
        guard s >= 0 else { return nil }
        // A sentence starts after its paragraph's dateline, if any.
        let body = text.sentences[Int(s)].tokens.lowerBound
        let description = body..<comma
        guard description.count >= 2, description.count <= 6, text.classes(body).contains(.article),
            description.allSatisfy({ text.tokens[$0].kind == .word }),
            description.dropFirst().allSatisfy({ !text.tokens[$0].flags.contains(.capitalized) || text.isTitle($0) }),
            description.dropFirst().contains(where: { text.isTitle($0) })
        else { return nil }
        return text.string(tokens: text.withoutArticle(description))
    }

    /// A person's name: no word that marks an organisation, outlet, government, document or place.
    static func isPersonName(_ text: TextAnalysis, _ range: Range<Int>) -> Bool {
        let blocking: WordClass = [.organizationWord, .governmentWord, .mediaWord, .mediaName, .documentWord, .country]
        for t in range where !text.classes(t).isDisjoint(with: blocking) { return false }
        return true
    }

    /// The name's text, without a possessive 's on its last word.
    static func nameString(_ text: TextAnalysis, _ range: Range<Int>) -> String {
        text.string(Span(Int(text.tokens[range.lowerBound].start), Int(text.tokens[range.upperBound - 1].coreEnd)))
    }

    /// Titles and their modifiers right before a name: "Turkish Vice President",
    /// "renegade commander", "former leader". Nil when no title word is there.
    static func roleBefore(_ text: TextAnalysis, _ name: Range<Int>) -> Range<Int>? {
        // A title, or a lowercase noun right before the name ("striker Said Haddad",
        // "marathon runner Anders Vellmark"), then its modifiers back to a determiner,
        // preposition, verb or punctuation. Participles ("sacked") are not part of it.
        var t = name.lowerBound - 1
        let s = text.sentenceOfToken[name.lowerBound]
        guard t >= 0, text.tokens[t].kind == .word || text.tokens[t].kind == .number, text.sentenceOfToken[t] == s
        else {
            return nil
        }
        // "World number six Lucia Ferrer", "seed 3 Ana Ruiz": a number after a role noun.
        if text.tokens[t].kind == .number || text.classes(t).contains(.cardinal), t > 0, isRoleWord(text, t - 1) {
            t -= 1
        }
        guard isRoleWord(text, t) || completesTitle(text, t) else { return nil }
        var start = t
        t -= 1
        func extend() {
            while t >= 0, text.tokens[t].kind == .word, text.sentenceOfToken[t] == s,
                isRoleWord(text, t) || isModifier(text, t)
            {
                start = t
                t -= 1
            }
        }
        extend()
        // "Secretary of State Anna Blake", "U.S. Secretary of Defense Tom Hill": a
        // capitalised complement with "of" after a title belongs to the role.
        if t >= 1, text.tokens[t].key == Self.ofKey, text.sentenceOfToken[t - 1] == s, text.isTitle(t - 1),
            (start..<name.lowerBound).allSatisfy({ text.tokens[$0].flags.contains(.capitalized) })
        {
            start = t - 1
            t -= 2
            extend()
        }
        let range = start..<name.lowerBound
        // Courtesy titles are not roles: "Mr.", "Mrs.", "Ms.", "Dr."
        if range.count == 1, text.classes(start).contains(.titleAbbreviation),
            Self.courtesyTitles.contains(text.tokens[start].key)
        {
            return nil
        }
        return range
    }

    private static let ofKey = WordKey.ofWord
    private static let courtesyTitles = ["mr", "mrs", "ms", "dr"].map(WordKey.of)  // rare: a title before a name

    /// Whether token `t` is a capitalised word completing "Title of" in its sentence:
    /// "Transport" in "Minister of Transport Ana Ortiz" belongs to the role, not the name.
    static func completesTitle(_ text: TextAnalysis, _ t: Int) -> Bool {
        t >= 2 && text.tokens[t].flags.contains(.capitalized) && text.tokens[t - 1].key == ofKey
            && text.sentenceOfToken[t - 2] == text.sentenceOfToken[t] && text.isTitle(t - 2)
    }

    private static func isRoleWord(_ text: TextAnalysis, _ t: Int) -> Bool {
        if text.isTitle(t) { return true }
        let token = text.tokens[t]
        let c = text.classes(t)
        guard !token.flags.contains(.capitalized), !token.flags.contains(.possessive) else { return false }
        if !c.isDisjoint(with: [
            .functionWord, .determiner, .preposition, .verbForm, .adverb, .timeStart, .auxiliary, .beForm,
        ]) {
            return false
        }
        let grammar = Grammar(text: text)
        return !grammar.endsIn(t, "ed") && !grammar.endsIn(t, "ing") && !grammar.endsIn(t, "ly")
    }

    private static func isModifier(_ text: TextAnalysis, _ t: Int) -> Bool {
        let c = text.classes(t)
        if !c.isDisjoint(with: [.functionWord, .determiner, .preposition, .verbForm, .auxiliary, .beForm, .clauseWord])
        {
            return false
        }
        if text.tokens[t].flags.contains(.capitalized) {
            return !text.isSentenceStart(t) || !c.contains(.sentenceStarter)
        }
        let grammar = Grammar(text: text)
        return !grammar.endsIn(t, "ed") && !grammar.endsIn(t, "ly")
    }

    /// The full form of `acronym` ending right before token `end`: the shortest run of
    /// capitalised words (with "of", "for", "and", "the" inside) whose initials spell it.
    static func expansion(_ text: TextAnalysis, of acronym: String, before end: Int, from earliest: Int) -> String? {
        let letters = Array(acronym.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic })
        var t = end - 1
        var initials: [Unicode.Scalar] = []
        let floor = max(0, min(earliest, end - 10))
        while t >= floor {
            let token = text.tokens[t]
            guard token.kind == .word else { return nil }
            if token.flags.contains(.capitalized) {
                let word = text.string(Span(Int(token.start), Int(token.coreEnd)))
                // "Tripoli-based" contributes nothing; hyphenated names their first letter.
                guard let first = word.unicodeScalars.first else { return nil }
                initials.insert(first, at: 0)
                if initials.count == letters.count {
                    if initials.map({ String($0).uppercased() }) == letters.map({ String($0) }) {
                        return text.string(Span(Int(token.start), Int(text.tokens[end - 1].coreEnd)))
                    }
                    return nil
                }
            } else if !text.classes(t).contains(.functionWord) {
                return nil
            }
            t -= 1
        }
        return nil
    }
}
