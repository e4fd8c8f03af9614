/// "He said", "she added", "they said": a pronoun source resolves to the nearest
/// earlier compatible source (he/she → a person; they → a group or organisation;
/// it → an organisation, government, outlet or document). CoreNLP's pronoun sieve,
/// with the article's earlier sources standing in for coreference chains; a person
/// introduced as the subject of a sentence after the last person source wins.
struct PronounSourceSieve: ResolutionSieve {
    static let name = "PronounSource"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        let text = context.text
        guard mention.tokens.count == 1, let t = mention.tokens.first, text.tokens[t].kind == .word else { return }
        let c = text.classes(t)
        if c.contains(.personPronoun),
            let subject = context.entities.subjectMention(before: t), subject.token > context.lastPersonToken
        {
            // A person introduced as a sentence's subject after the last person source:
            // "Athletic manager Colin Brandt was less amused. He insisted …"
            source.decide(name: subject.person.name, role: .some(subject.person.role), type: .person, by: Self.name)
        } else if c.contains(.personPronoun), let person = context.lastPerson {
            source.decide(name: person.name, role: .some(person.role), type: .person, by: Self.name)
        } else if c.contains(.pluralPronoun) && !c.contains(.firstPersonPronoun), let group = context.lastCollective {
            source.decide(name: group.name, role: .some(nil), type: group.type, by: Self.name)
        } else if c.contains(.neuterPronoun), let thing = context.lastThing {
            source.decide(name: thing.name, role: .some(nil), type: thing.type, by: Self.name)
        } else if !c.isDisjoint(with: .pronoun) {
            // Unresolvable: keep the pronoun as the name.
            source.decide(
                name: text.string(tokens: mention.tokens), role: .some(nil),
                type: c.contains(.neuterPronoun) ? .organization : c.contains(.personPronoun) ? .person : .group,
                by: Self.name)
        }
    }
}
