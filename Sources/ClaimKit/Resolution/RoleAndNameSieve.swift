/// "Turkish Vice President Fuat Oktay" → name "Fuat Oktay", role "Turkish Vice
/// President"; "Ana Ruiz, a spokeswoman for the ministry," → role "spokeswoman for the
/// ministry". A person is a run of capitalised name words at the end of the mention,
/// with nothing in it that marks an organisation, outlet, government or document.
struct RoleAndNameSieve: ResolutionSieve {
    static let name = "RoleAndName"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        let text = context.text
        let range = mention.tokens
        guard let last = range.last, NameParser.isNameToken(text, last, first: true) || text.tokens[last].flags.contains(.capitalized) && !text.classes(last).contains(.title) else { return }
        // The name: the longest run of name tokens ending the mention.
        var start = last
        while start > range.lowerBound {
            let prev = start - 1
            if NameParser.isNameToken(text, prev, first: true) && !text.tokens[prev].flags.contains(.possessive) {
                start = prev
            } else if text.classes(prev).contains(.nameParticle) && prev > range.lowerBound
                && NameParser.isNameToken(text, prev - 1, first: true)
            {
                start = prev - 1
            } else {
                break
            }
        }
        let name = start..<(last + 1)
        guard NameParser.isPersonName(text, name) else { return }
        let before = range.lowerBound..<start
        let blocking: WordClass = [.organizationWord, .governmentWord, .mediaWord, .mediaName, .documentWord]
        // "the ministry's Ana Ruiz" is a person; "the ministry" alone is not.
        let hasTitle = before.contains { text.classes($0).contains(.title) || text.classes($0).contains(.titleAbbreviation) }
        if !hasTitle, before.contains(where: { !text.classes($0).isDisjoint(with: blocking) }) { return }
        if name.count == 1 && !hasTitle {
            // A lone capitalised word without a title: a person only if it is not a known place or body.
            if !text.classes(last).isDisjoint(with: blocking.union(.country)) { return }
        }
        let roleTokens = NameParser.roleBefore(text, name).map { r in max(r.lowerBound, range.lowerBound)..<r.upperBound }
        var role = roleTokens.flatMap { $0.isEmpty ? nil : text.string(tokens: text.withoutArticle($0)) }
        if role == nil, let appositive = mention.appositive { role = Self.role(from: appositive, text) }
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
