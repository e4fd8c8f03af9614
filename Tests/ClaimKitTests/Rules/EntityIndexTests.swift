import Testing

@testable import ClaimKit

/// People and acronyms the article names, indexed before sources are resolved.
@Suite struct EntityIndexTests {
    func index(_ input: String) -> (TextAnalysis, EntityIndex) {
        let a = analyze(input)
        return (a, EntityIndex(text: a))
    }

    @Test func personWithRoleBeforeTheName() throws {
        let (a, entities) = index("Harbour master Ana Ortiz inspected the pier. Ortiz left.")
        let later = try #require(a.token("Ortiz", occurrence: 1))
        let person = try #require(entities.person(lastName: WordKey.of("ortiz"), before: later))
        #expect(person.name == "Ana Ortiz")
        #expect(person.role == "Harbour master")
        #expect(person.tokenCount == 2)
    }

    @Test func personWithAnAppositiveRole() throws {
        let (a, entities) = index("Ana Ortiz, the harbour master, inspected the pier. Ortiz left.")
        let later = try #require(a.token("Ortiz", occurrence: 1))
        let person = try #require(entities.person(lastName: WordKey.of("ortiz"), before: later))
        #expect(person.role == "harbour master")
    }

    @Test func descriptionBeforeTheNameAcrossAComma() throws {
        // (A title word in the description: "The pier, Ana Ortiz said," has none.)
        let (a, entities) = index("The council leader, Ana Ortiz, inspected the pier. Ortiz left.")
        let later = try #require(a.token("Ortiz", occurrence: 1))
        let person = try #require(entities.person(lastName: WordKey.of("ortiz"), before: later))
        #expect(person.name == "Ana Ortiz")
        #expect(person.role == "council leader")
    }

    @Test func personAfterADescriptionIsTheSubjectForAPronoun() throws {
        let e = extract("The council leader, Ana Ortiz, spoke on Monday. “We will not budge,” she said.")
        let claim = try #require(e.claim("We will not budge"), "\(gists(e))")
        #expect(claim.attribution?.source.name == "Ana Ortiz")
        #expect(claim.attribution?.source.role == "council leader")
    }

    @Test(arguments: [
        "In the harbour, Ana Ortiz inspected the pier. Ortiz left.",  // no article first
        "The pier, Ana Ortiz said, was unsafe. Ortiz left.",  // no title word
        "On the quay at dawn, Ana Ortiz inspected the pier. Ortiz left.",
    ])
    func noRoleFromAPhraseThatIsNotADescription(_ input: String) throws {
        let (a, entities) = index(input)
        let later = try #require(a.token("Ortiz", occurrence: 1))
        let person = try #require(entities.person(lastName: WordKey.of("ortiz"), before: later), "\(input)")
        #expect(person.role == nil, "\(input)")
    }

    @Test func aNameDoesNotRunOverALineBreak() throws {
        // A byline or a dash line ends without a full stop; the next paragraph's name is another.
        let e = extract("Ferry talks collapse\n\nBy Jane Doe\n\nReyes said the ferry would stop running.")
        let claim = try #require(e.claim("the ferry would stop running"), "\(gists(e))")
        #expect(claim.attribution?.source.name == "Reyes")
    }

    @Test func onlyEarlierMentionsCount() throws {
        let (a, entities) = index("Ortiz left. Harbour master Ana Ortiz came back.")
        let first = try #require(a.token("Ortiz"))
        #expect(entities.person(lastName: WordKey.of("ortiz"), before: first) == nil)
    }

    @Test func fullestMentionWins() throws {
        let (a, entities) = index("Ana Ortiz came. Harbour master Ana Maria Ortiz spoke. Ortiz left.")
        let last = try #require(a.token("Ortiz", occurrence: 2))
        let person = try #require(entities.person(lastName: WordKey.of("ortiz"), before: last))
        #expect(person.name == "Ana Maria Ortiz")
    }

    @Test func organisationsAreNotPeople() {
        let (a, entities) = index(
            "The Elswick Ferry Company runs boats. The Elswick Gazette prints news. Company left.")
        let last = a.tokens.count
        #expect(entities.person(lastName: WordKey.of("company"), before: last) == nil)
        #expect(entities.person(lastName: WordKey.of("gazette"), before: last) == nil)
    }

    @Test func acronymDefinitions() {
        let (_, entities) = index("The Elswick Ferry Company (EFC) and the Board of Harbour Pilots (BHP) met.")
        #expect(entities.acronym(WordKey.of("efc"))?.full == "Elswick Ferry Company")
        #expect(entities.acronym(WordKey.of("bhp"))?.full == "Board of Harbour Pilots")
    }

    @Test func acronymWhoseInitialsDoNotMatchIsNotDefined() {
        let (_, entities) = index("The Elswick Ferry Company (XYZ) met.")
        #expect(entities.acronym(WordKey.of("xyz")) == nil)
    }

    @Test func sentenceSubjectsAreCandidatesForPronouns() throws {
        let (a, entities) = index("Captain Bo Lind steered home. The crew slept. He smiled.")
        let he = try #require(a.token("He"))
        let subject = try #require(entities.subjectMention(before: he))
        #expect(subject.person.name == "Bo Lind")
        #expect(subject.person.role == "Captain")
    }

    @Test func nameInsideASentenceIsNotASubjectMention() throws {
        let (a, entities) = index("The crew thanked Bo Lind warmly. He smiled.")
        let he = try #require(a.token("He"))
        #expect(entities.subjectMention(before: he) == nil)
    }
}
