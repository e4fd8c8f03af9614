/// "Turkish Vice President Fuat Oktay" → name "Fuat Oktay", role "Turkish Vice
/// President"; "Ana Ruiz, a spokeswoman for the ministry," → role "spokeswoman for the
/// ministry". A person is a run of two or more capitalised name words ending the head of
/// the mention (or one after a title), with nothing in it that marks an organisation,
/// outlet, government or document, and no "the" before it.
struct RoleAndNameSieve: ResolutionSieve {
    static let name = "RoleAndName"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        let text = context.text
        let range = SourceTypeSieve.headRegion(mention.tokens, text)
        // "the spokesman, Erik Lund, said": a role noun with the name as its appositive.
        // "The CEO of Acme, John Smith,": the title may head an "of" complement.
        if let appositive = mention.appositive ?? mention.parenthetical, range.contains(where: { text.isTitle($0) }),
            appositive.count >= 2,
            appositive.allSatisfy({ NameParser.isNameToken(text, $0, first: $0 == appositive.lowerBound) }),
            NameParser.isPersonName(text, appositive)
        {
            source.decide(
                name: NameParser.nameString(text, appositive),
                // "The head of Acme, Tom Hill,": the whole noun phrase, its complement too.
                role: .some(Self.role(from: mention.tokens, text)),
                type: .person, by: Self.name)
            return
        }
        guard let last = range.last, NameParser.isNameToken(text, last, first: last == range.lowerBound) else { return }
        // The name: the longest run of name tokens ending the head.
        var start = last
        while start > range.lowerBound {
            let prev = start - 1
            if NameParser.isNameToken(text, prev, first: true) && !text.tokens[prev].flags.contains(.possessive)
                && !NameParser.completesTitle(text, prev)
            {
                start = prev
            } else if text.classes(prev).contains(.nameParticle) && prev > range.lowerBound
                && !text.tokens[prev].flags.contains(.capitalized)
            {
                // "van der Lind": step over the particles to the name before them.
                var q = prev
                while q > range.lowerBound, text.classes(q).contains(.nameParticle),
                    !text.tokens[q].flags.contains(.capitalized)
                {
                    q -= 1
                }
                guard NameParser.isNameToken(text, q, first: true),
                    !text.classes(q).contains(.nameParticle) || text.tokens[q].flags.contains(.capitalized)
                else { break }
                start = q
            } else {
                break
            }
        }
        let name = start..<(last + 1)
        guard NameParser.isPersonName(text, name) else { return }
        let before = range.lowerBound..<start
        let hasTitle = before.contains { text.isTitle($0) }
        let blocking: WordClass = [.organizationWord, .governmentWord, .mediaWord, .mediaName, .documentWord]
        // "the ministry's Ana Ruiz" is a person; "the Westmarch Railways" is not.
        let possessor = start > range.lowerBound && text.tokens[start - 1].flags.contains(.possessive)
        if !hasTitle, !possessor, before.contains(where: { !text.nounClasses($0).isDisjoint(with: blocking) }) {
            return
        }
        // A lone capitalised word is a person only after a title; otherwise it is the
        // short-name rule's job to find the person it names.
        if name.count == 1 && !hasTitle { return }
        // "Apotek Nord, the country's largest pharmacy chain": an appositive naming a body.
        if !hasTitle, let appositive = mention.appositive, SourceTypeSieve.namesBody(appositive, text) { return }
        // "the World Food Programme": people do not take "the".
        if !hasTitle, !possessor, let first = range.first, text.classes(first).contains(.article) { return }
        let roleTokens = NameParser.roleBefore(text, name).map { max($0.lowerBound, range.lowerBound)..<$0.upperBound }
        var role = roleTokens.flatMap { $0.isEmpty ? nil : text.string(tokens: text.withoutArticle($0)) }
        if role == nil, let appositive = mention.appositive { role = Self.role(from: appositive, text) }
        if role == nil, name.count >= 2,
            let known = context.entities.person(lastName: text.tokens[last].key, before: name.lowerBound + 1),
            known.name == NameParser.nameString(text, name)
        {
            role = known.role
        }
        source.decide(name: NameParser.nameString(text, name), role: .some(role), type: .person, by: Self.name)
    }

    /// An appositive as a role: without a leading article.
    static func role(from appositive: Range<Int>, _ text: TextAnalysis) -> String {
        var r = appositive
        if let first = r.first, r.count > 1, text.classes(first).contains(.article) {
            r = (first + 1)..<r.upperBound
        }
        return text.string(tokens: r)
    }
}
