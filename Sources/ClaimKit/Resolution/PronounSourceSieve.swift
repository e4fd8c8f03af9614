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
        let c = Self.subjectForm(text.classes(t))
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

    /// A gendered object pronoun as a source ("quoted him as saying",
    /// `QuotedAsSayingSieve`) resolves as its subject form ("he", "she").
    static func subjectForm(_ c: WordClass) -> WordClass {
        guard c.contains(.objectPronoun), c.isDisjoint(with: .pronoun), !c.isDisjoint(with: [.male, .female])
        else { return c }
        return c.union(.personPronoun)
    }

    /// The person a pronoun of `gender` most likely names: among the last three people
    /// (sources or sentence subjects) before token `t`, the latest whose gender, as far as
    /// the article says, agrees (unknown agrees with either).
    private func nearestPerson(before t: Int, fitting gender: WordClass, _ context: ResolutionContext)
        -> (name: String, role: String?)?
    {
        // Up to three of each list, latest entry first (stack memory: this runs for every
        // pronoun), then the three with the latest tokens, a stable sort keeping sources
        // before subject mentions on a tie.
        withUnsafeTemporaryAllocation(of: (token: Int, person: Bool, index: Int).self, capacity: 6) { found in
            var n = 0
            var k = 0
            for i in context.persons.indices.reversed() where context.persons[i].token < t {
                found[n] = (context.persons[i].token, true, i)
                n += 1
                k += 1
                if k == 3 { break }
            }
            // Subject mentions are in token order: the last three before `t` by binary search
            // (scanning back from the end passed every later one, for every pronoun).
            let subjects = context.entities.subjectMentions
            var lo = 0
            var hi = subjects.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if subjects[mid].token < t { lo = mid + 1 } else { hi = mid }
            }
            for i in stride(from: lo - 1, through: max(0, lo - 3), by: -1) {
                found[n] = (subjects[i].token, false, i)
                n += 1
            }
            var i = 1
            while i < n {
                let item = found[i]
                var j = i - 1
                while j >= 0, found[j].token < item.token {
                    found[j + 1] = found[j]
                    j -= 1
                }
                found[j + 1] = item
                i += 1
            }
            for c in 0..<min(3, n) {
                let (name, role) =
                    found[c].person
                    ? (context.persons[found[c].index].name, context.persons[found[c].index].role)
                    : (subjects[found[c].index].person.name, subjects[found[c].index].person.role)
                if context.fits(name, gender) { return (name, role) }
            }
            return nil
        }
    }
}
