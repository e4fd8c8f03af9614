/// "He said", "she added", "they said": a pronoun source resolves to the nearest
/// earlier compatible source (he/she → a person; they → a group or organisation;
/// it → an organisation, government, outlet or document). CoreNLP's pronoun sieve,
/// with the article's earlier sources standing in for coreference chains; a person
/// introduced as the subject of a sentence after the last person source wins. "He" and
/// "she" skip a person the article has gendered otherwise (a title such as "Mrs." or
/// "spokeswoman", a his/her after the name, or an earlier "he"/"she" resolved to the
/// name); with no person that fits, the pronoun stays unresolved.
struct PronounSourceSieve: ResolutionSieve {
    static let name = "PronounSource"

    func apply(to source: inout PartialSource, mention: MentionDraft, context: ResolutionContext) {
        let text = context.text
        guard mention.tokens.count == 1, let t = mention.tokens.first, text.tokens[t].kind == .word else { return }
        let c = text.classes(t)
        let gender = c.intersection([.male, .female])
        if c.contains(.personPronoun),
            let subject = context.entities.subjectMention(before: t), subject.token > context.lastPersonToken,
            context.fits(subject.person.name, gender)
        {
            // A person introduced as a sentence's subject after the last person source:
            // "Athletic manager Colin Brandt was less amused. He insisted …"
            source.decide(name: subject.person.name, role: .some(subject.person.role), type: .person, by: Self.name)
        } else if c.contains(.personPronoun),
            let person = nearestPerson(before: t, fitting: gender, context)
                ?? context.persons.last(where: { $0.token < t && context.fits($0.name, gender) })
                .map({ ($0.name, $0.role) })
        {
            // The nearest earlier person (a source, or a sentence's subject) whose gender,
            // as far as the article says, agrees.
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

    /// The person a pronoun of `gender` most likely names: among the last three people
    /// (sources or sentence subjects) before token `t`, the latest whose gender, as far as
    /// the article says, agrees (unknown agrees with either).
    private func nearestPerson(before t: Int, fitting gender: WordClass, _ context: ResolutionContext)
        -> (name: String, role: String?)?
    {
        var candidates: [(token: Int, name: String, role: String?)] = []
        for p in context.persons.reversed() where p.token < t {
            candidates.append((p.token, p.name, p.role))
            if candidates.count == 3 { break }
        }
        var found = 0
        for m in context.entities.subjectMentions.reversed() where m.token < t {
            candidates.append((m.token, m.person.name, m.person.role))
            found += 1
            if found == 3 { break }
        }
        candidates.sort { $0.token > $1.token }
        let recent = candidates.prefix(3)
        if let open = recent.first(where: { context.fits($0.name, gender) }) { return (open.name, open.role) }
        return nil
    }
}
