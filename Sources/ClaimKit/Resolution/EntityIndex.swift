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

    /// Last-name key → per mention of a person with that last name, in token order: the
    /// fullest person named with it up to and including that mention.
    private(set) var byLastName: [UInt64: [(token: Int, person: Person)]] = [:]
    /// Acronym key → full form.
    private(set) var acronyms: [UInt64: String] = [:]

    init(text: TextAnalysis) {
        let tokens = text.tokens
        var t = 0
        while t < tokens.count {
            guard let name = NameParser.nameRun(text, startingAt: t) else { t += 1; continue }
            defer { t = max(t + 1, name.upperBound) }
            if name.count >= 2, NameParser.isPersonName(text, name) {
                let role = NameParser.roleBefore(text, name)
                let person = Person(
                    name: NameParser.nameString(text, name), role: role.map { text.string(tokens: $0) },
                    tokenCount: name.count)
                let last = tokens[name.upperBound - 1].key
                // Keep the fullest so far (more name words, or a role where it had none).
                var best = person
                if let previous = byLastName[last]?.last?.person,
                    !(person.tokenCount > previous.tokenCount || previous.role == nil && person.role != nil)
                {
                    best = previous
                }
                byLastName[last, default: []].append((name.lowerBound, best))
            }
            // Acronym definition right after: Name Of Thing (NOT)
            let after = name.upperBound
            if after + 2 < tokens.count, tokens[after].isPunctuation(0x28), tokens[after + 1].flags.contains(.allCaps),
                tokens[after + 2].isPunctuation(0x29)
            {
                let acronym = text.string(Span(Int(tokens[after + 1].start), Int(tokens[after + 1].coreEnd)))
                if let full = NameParser.expansion(text, of: acronym, before: after, from: name.lowerBound) {
                    acronyms[tokens[after + 1].key] = full
                }
            }
        }
    }

    /// The fullest person named before token `t` whose last name is `key`.
    ///
    /// Each list is in token order and each entry holds the best person of the list up
    /// to it (see `init`), so this is a binary search, not a scan of every earlier
    /// mention: an article naming the same family 100,000 times stays linear.
    func person(lastName key: UInt64, before t: Int) -> Person? {
        guard let list = byLastName[key] else { return nil }
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
        while e < text.tokens.count, !text.tokens[e - 1].flags.contains(.possessive) {
            if isNameToken(text, e, first: false) { e += 1; continue }
            // A particle inside a name: "bin", "van der", "de".
            if text.classes(e).contains(.nameParticle), e + 1 < text.tokens.count, isNameToken(text, e + 1, first: false) {
                e += 2
                continue
            }
            break
        }
        return t..<e
    }

    static func isNameToken(_ text: TextAnalysis, _ t: Int, first: Bool) -> Bool {
        let token = text.tokens[t]
        guard token.kind == .word, token.flags.contains(.capitalized), !token.flags.contains(.allCaps) || token.end - token.start > 4 else {
            return false
        }
        if !first && text.tokens[t].flags.contains(.spaceBefore) == false { return false }
        let c = text.classes(t)
        if c.contains(.title) || c.contains(.titleAbbreviation) || c.contains(.functionWord) || c.contains(.sentenceStarter) {
            return false
        }
        if c.contains(.weekday) || c.contains(.month) || c.contains(.verbForm) { return false }
        return true
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
        var start = name.lowerBound
        var t = name.lowerBound - 1
        var sawTitle = false
        let s = text.sentenceOfToken[name.lowerBound]
        while t >= 0, text.tokens[t].kind == .word, text.sentenceOfToken[t] == s {
            let c = text.classes(t)
            let capitalized = text.tokens[t].flags.contains(.capitalized)
            if c.contains(.title) || c.contains(.titleAbbreviation) {
                sawTitle = true
                start = t
            } else if capitalized && !c.contains(.functionWord) && !c.contains(.sentenceStarter) && sawTitle {
                start = t  // "Turkish" in "Turkish Vice President"
            } else if !capitalized && sawTitle && !c.contains(.functionWord) && !c.contains(.determiner)
                && start == t + 1 && !text.tokens[t].flags.contains(.possessive)
            {
                start = t  // one modifier: "renegade commander", "former leader"
                break
            } else {
                break
            }
            t -= 1
        }
        guard sawTitle else { return nil }
        // Abbreviated courtesy titles are not roles: "Mr.", "Mrs.", "Ms."
        let range = start..<name.lowerBound
        if range.count == 1, text.classes(start).contains(.titleAbbreviation),
            ["mr", "mrs", "ms", "dr"].map(WordKey.of).contains(text.tokens[start].key)
        {
            return nil
        }
        return range
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
