/// "Haftar said": a single-word name resolves to the fullest earlier mention of a
/// person with that last name ("renegade commander Khalifa Haftar"), role included.
struct ShortNameSourceSieve: ResolutionSieve {
    static let name = "ShortNameSource"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        let text = context.text
        var core = text.withoutArticle(mention.tokens)
        // "Mr. Obama": a courtesy title before a single name.
        if core.count == 2, text.classes(core.lowerBound).contains(.titleAbbreviation) {
            core = (core.lowerBound + 1)..<core.upperBound
        }
        guard core.count == 1, let t = core.first, NameParser.isNameToken(context.text, t, first: true),
            let person = context.entities.person(lastName: text.tokens[t].key, before: t)
        else { return }
        let role = mention.appositive.map { RoleAndNameSieve.role(from: $0, text) } ?? person.role
        source.decide(name: person.name, role: .some(role), type: .person, by: Self.name)
    }
}
