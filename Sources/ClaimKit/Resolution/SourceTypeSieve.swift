/// Types every source still untyped by the head noun of its mention, using the closed
/// word lists of the lexicon (a plural types like its singular):
///
/// - an anonymity marker anywhere ("familiar with", "asked not to be named") → anonymous;
/// - a person noun ("spokeswoman", "teacher", "officials") → anonymous after "a", "one"
///   or a number ("two military officials"), group when plural otherwise
///   ("European Commission officials", "Residents"), anonymous when singular;
/// - a document noun ("report", "figures") → document;
/// - an outlet word or name ("news agency", "Reuters", "state media") → media;
/// - a government word or country ("ministry", "Kremlin", "Russia") → government
///   (a council only when local: "Carrow Council", "Ellesby County Council");
/// - an organisation word ("police", "party", "club") → organization;
/// - otherwise a capitalised name → organization, else group.
///
/// The head is the right-most typed word before the first preposition that starts a
/// post-modifier ("a report | by UN experts"; "of" inside a capitalised name such as
/// "Department of Health" does not count). The name of a non-person is its mention
/// without a leading "the".
struct SourceTypeSieve: ResolutionSieve {
    static let name = "SourceType"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        let text = context.text
        source.decide(
            name: text.coreString(text.withoutArticle(mention.tokens)), role: .some(nil),
            type: Self.type(of: mention, text, entities: context.entities), by: Self.name)
    }

    /// The mention up to a post-modifying preposition.
    static func headRegion(_ range: Range<Int>, _ text: TextAnalysis) -> Range<Int> {
        let of = WordKey.ofWord
        for t in range.dropFirst() where text.tokens[t].kind == .word && text.classes(t).contains(.preposition) {
            // "Department of Health", "Bank of Spain": "of" between capitalised words.
            let body: WordClass = [.organizationWord, .governmentWord, .documentWord, .mediaWord, .title]
            if text.tokens[t].key == of, t + 1 < range.upperBound, text.tokens[t - 1].flags.contains(.capitalized),
                text.tokens[t + 1].flags.contains(.capitalized),
                !text.nounClasses(t - 1).isDisjoint(with: body) || text.isTitle(t - 1)
            {
                continue  // "Department of Health", "Secretary of State"; not "Vogt of St. Mary's"
            }
            return range.lowerBound..<t
        }
        return range
    }

    static func type(of mention: MentionDraft, _ text: TextAnalysis, entities: EntityIndex? = nil) -> SourceType {
        let range = mention.tokens
        func any(_ r: Range<Int>, _ cls: WordClass) -> Bool { r.contains { !text.classes($0).isDisjoint(with: cls) } }
        if any(range, .anonymityMarker) || mention.appositive.map({ any($0, .anonymityMarker) }) == true
            || mention.parenthetical.map({ any($0, .anonymityMarker) }) == true
        {
            return .anonymous
        }
        let head = headRegion(range, text)
        let typed: WordClass = [
            .title, .anonymousWord, .groupWord, .documentWord, .mediaWord, .mediaName, .governmentWord, .country,
            .organizationWord,
        ]
        guard let h = head.last(where: { !text.nounClasses($0).isDisjoint(with: typed) || text.isTitle($0) }) else {
            // "Apotek Nord, the country's largest pharmacy chain": the appositive says what it is.
            if let appositive = mention.appositive,
                appositive.contains(where: { !text.nounClasses($0).isDisjoint(with: typed) })
            {
                return type(of: MentionDraft(tokens: appositive), text, entities: entities)
            }
            // A name the article uses as a state ("Vardania's foreign ministry").
            if let entities, head.contains(where: { entities.isState(text.tokens[$0].key) }) {
                return .government
            }
            // A single unknown name without "the" ("Trump", "McAuliffe") is most often a
            // person's surname; a longer capitalised phrase or an acronym, a body.
            let firstName = head.first {
                text.tokens[$0].flags.contains(.capitalized) && !text.classes($0).contains(.article)
            }
            if let name = firstName, head.count == 1, !text.tokens[name].flags.contains(.allCaps) { return .person }
            if firstName != nil { return .organization }
            return isCounted(head, text) ? .anonymous : .group
        }
        let c = text.nounClasses(h)
        let personNoun = text.isTitle(h) || c.contains(.anonymousWord) || c.contains(.groupWord)
        if personNoun && !c.contains(.organizationWord) && !c.contains(.mediaName) {
            if isCounted(head, text) { return .anonymous }
            return isPlural(h, text) && !c.contains(.anonymousWord) || isPlural(h, text) && c.contains(.groupWord)
                ? .group : .anonymous
        }
        if c.contains(.documentWord) { return .document }
        if c.contains(.mediaWord) || c.contains(.mediaName) { return .media }
        // "news agency", "press service": an organisation word after an outlet word.
        if c.contains(.organizationWord), h > head.lowerBound, text.classes(h - 1).contains(.mediaWord) {
            return .media
        }
        if head.contains(where: { text.classes($0).contains(.mediaName) }) { return .media }
        if c.contains(.governmentWord) || c.contains(.country) { return .government }
        if c.contains(.organizationWord) {
            if text.tokens[h].key == WordKey.councilWord {
                return isLocalCouncil(head, h, text) ? .government : .organization
            }
            return .organization
        }
        return .organization
    }

    /// Whether a phrase's head noun names a body rather than a person: "the country's
    /// largest pharmacy chain" does, "a Green member of parliament" does not.
    static func namesBody(_ range: Range<Int>, _ text: TextAnalysis) -> Bool {
        let head = headRegion(range, text)
        let body: WordClass = [.organizationWord, .governmentWord, .mediaWord, .mediaName, .documentWord]
        guard
            let h = head.last(where: {
                !text.nounClasses($0).isDisjoint(with: body) || text.isTitle($0)
                    || !text.nounClasses($0).isDisjoint(with: [.anonymousWord, .groupWord])
            })
        else { return false }
        return !text.isTitle(h) && text.nounClasses(h).isDisjoint(with: [.anonymousWord, .groupWord])
    }

    /// "Carrow Council", "Ellesby County Council": a council named by a place alone.
    private static func isLocalCouncil(_ head: Range<Int>, _ h: Int, _ text: TextAnalysis) -> Bool {
        let modifiers = text.withoutArticle(head.lowerBound..<h)
        if modifiers.contains(where: { text.classes($0).contains(.localGovernmentWord) }) { return true }
        return modifiers.count == 1 && text.tokens[modifiers.lowerBound].flags.contains(.capitalized)
    }

    /// "a spokeswoman", "one nurse", "two military officials".
    private static func isCounted(_ head: Range<Int>, _ text: TextAnalysis) -> Bool {
        guard let first = head.first else { return false }
        let c = text.classes(first)
        return c.contains(.indefinite) || c.contains(.cardinal) || text.tokens[first].kind == .number
    }

    private static func isPlural(_ t: Int, _ text: TextAnalysis) -> Bool {
        let token = text.tokens[t]
        return token.coreEnd - token.start > 3 && text.bytes[Int(token.coreEnd) - 1] | 0x20 == 0x73
            && text.bytes[Int(token.coreEnd) - 2] | 0x20 != 0x73
    }

    /// Types a resolved full name ("Government of National Accord") by its words.
    static func type(ofName name: String, lexicon: LexiconIndex) -> SourceType {
        var classes: [WordClass] = []
        var ascii = name
        let done = ascii.withUTF8 { bytes -> Bool in
            // ASCII, the usual case: words are runs of letters and hyphens, hashed in place
            // (the same keys and words as splitting the Characters below).
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            var start = 0
            for i in 0...bytes.count {
                let isWordByte =
                    i < bytes.count && (ByteClass.isUpper(bytes[i]) || ByteClass.isLower(bytes[i]) || bytes[i] == 0x2D)
                if isWordByte { continue }
                if i > start { classes.append(lexicon.classes(of: WordKey.of(bytes, start..<i))) }
                start = i + 1
            }
            return true
        }
        if !done {
            classes = name.split(whereSeparator: { !$0.isLetter && $0 != "-" }).map {
                lexicon.classes(of: WordKey.of(String($0)))
            }
        }
        if classes.contains(where: { $0.contains(.governmentWord) || $0.contains(.country) }) { return .government }
        if classes.contains(where: { $0.contains(.mediaWord) || $0.contains(.mediaName) }) { return .media }
        return .organization
    }
}

/// The head noun of a mention, shared by typing and by the attribution rules.
enum SourceTypeSieveHead {
    static func head(_ range: Range<Int>, _ text: TextAnalysis) -> Int? {
        let region = SourceTypeSieve.headRegion(range, text)
        return region.last
    }
}
