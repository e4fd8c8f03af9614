import Testing

@testable import ClaimKit

/// "He said", "she added", "they said", "it said": the nearest earlier fitting source.
@Suite struct PronounSourceSieveTests {
    let name = PronounSourceSieve.name

    @Test func sheIsTheLastPersonSource() throws {
        let e = extract("Harbour master Ana Ortiz said the pier was sound. She added that repairs would start soon.")
        let claim = try #require(e.claim("repairs would start soon"))
        let source = try #require(claim.attribution?.source)
        #expect(source.text == "She")
        #expect(source.name == "Ana Ortiz")
        #expect(source.role == "Harbour master")
        #expect(source.type == .person)
        #expect(rule(claim, "name") == name)
        #expect(rule(claim, "type") == name)
    }

    @Test func nearestPersonWins() throws {
        let e = extract(
            "Ana Ortiz said the pier was sound. Bo Lind said it was rotten. He added that repairs were late.")
        let claim = try #require(e.claim("repairs were late"))
        #expect(claim.attribution?.source.name == "Bo Lind")
    }

    @Test func sentenceSubjectsAfterThePronounAreNotCandidates() throws {
        // The subjects named later in the article are passed over (found by binary search
        // among the article's subject mentions, not by scanning back from its end).
        let later = (1...40).map { "Pilot Ann Berg\($0 % 2 == 0 ? "er" : "") was late." }.joined(separator: " ")
        let e = extract("Captain Bo Lind was less sure. He said repairs were late. " + later)
        let claim = try #require(e.claim("repairs were late"))
        #expect(claim.attribution?.source.name == "Bo Lind")
    }

    @Test func personIntroducedAsASentenceSubjectAfterTheLastPersonSource() throws {
        let e = extract("Ana Ortiz said the pier was sound. Captain Bo Lind was less sure. He said repairs were late.")
        let claim = try #require(e.claim("repairs were late"))
        #expect(claim.attribution?.source.name == "Bo Lind")
        #expect(claim.attribution?.source.role == "Captain")
    }

    @Test func aResolvedPronounGendersThePersonForLaterPronouns() throws {
        let e = extract(
            "Ana Ortiz said the pier was sound. She added that repairs were late. Bo Lind said it was rotten. "
                + "He said the council had known for years. She said the claim was untrue.")
        #expect(e.claim("the council had known for years")?.attribution?.source.name == "Bo Lind")
        // Bo Lind is the nearest person, but "he" has gendered him and "she" Ana Ortiz.
        #expect(e.claim("the claim was untrue")?.attribution?.source.name == "Ana Ortiz")
    }

    @Test func aPronounOfTheOtherGenderIsNotForcedOntoTheOnlyPerson() throws {
        let e = extract("Ana Ortiz said the pier was sound. She added that repairs were late. He said it was fine.")
        let claim = try #require(e.claim("it was fine"))
        #expect(claim.attribution?.source.name == "He", "the one person is 'she': 'he' stays unresolved")
        #expect(claim.attribution?.source.type == .person)
    }

    @Test func anUnresolvedPronounIsNotTheAntecedentOfOneOfTheOtherGender() throws {
        let e = extract("\u{201C}Why?\u{201D} he asked. \u{201C}Because,\u{201D} she replied.")
        #expect(e.claim("Because")?.attribution?.source.name == "she")
    }

    @Test func theyIsTheLastCollectiveSource() throws {
        let e = extract("Residents said the water was brown. They added that nobody had warned them.")
        let claim = try #require(e.claim("nobody had warned them"))
        #expect(claim.attribution?.source.text == "They")
        #expect(claim.attribution?.source.name == "Residents")
        #expect(claim.attribution?.source.type == .group)
        #expect(rule(claim, "name") == name)
    }

    @Test func itIsTheLastNonPersonSource() throws {
        let e = extract("Ana Ortiz spoke first. The ministry said fares would rise. It added that buses were full.")
        let claim = try #require(e.claim("buses were full"))
        #expect(claim.attribution?.source.name == "ministry")
        #expect(claim.attribution?.source.type == .government)
        #expect(rule(claim, "name") == name)
    }

    @Test func theyDoesNotResolveToAPerson() throws {
        let e = extract(
            "The union said fares would rise. Ana Ortiz said buses were full. They added that nobody listened.")
        let claim = try #require(e.claim("nobody listened"))
        #expect(claim.attribution?.source.name == "union")
    }

    @Test(arguments: [("He", SourceType.person), ("She", SourceType.person)])
    func unresolvablePersonPronounIsStillAPerson(_ pronoun: String, _ type: SourceType) throws {
        let e = extract("\(pronoun) said the pier was sound.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.source.name == pronoun)
        #expect(claim.attribution?.source.type == type)
        #expect(rule(claim, "name") == name)
    }

    @Test func unresolvablePronounAfterAQuotation() throws {
        let e = extract("“Is the pier safe?” she asked.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.source.type == .person)
    }
}

/// He and she agree with what the article says of a person's gender.
@Suite struct PronounGenderTests {
    @Test(arguments: [
        (
            "Ana Ruiz, the harbour spokeswoman, said the pier was safe. Tom Hale said his crew disagreed. She said repairs would start soon.",
            "Ana Ruiz"
        ),
        (
            "Tom Hale runs the cafe and says his prices are fair. Priya Nandakumar said her budget was cut. He said prices would rise.",
            "Tom Hale"
        ),
        (
            "Mrs. Ana Ruiz said the pier was safe. Mr. Tom Hale said it was not. She said repairs would start soon.",
            "Ana Ruiz"
        ),
    ])
    func pronounSkipsAPersonOfTheOtherGender(_ input: String, _ expected: String) throws {
        let e = extract(input)
        let claim = try #require(e.attributed.last)
        #expect(claim.attribution?.source.name == expected, "\(input)")
    }

    /// A person just introduced wins over an earlier one of the same gender.
    @Test func theLatestFittingPersonWins() throws {
        let e = extract(
            "Ana Ruiz said her crew was tired. Former champion Kim Lee was blunter. \"It's a joke,\" she said.")
        #expect(e.attributed.last?.attribution?.source.name == "Kim Lee")
    }

    @Test func unknownGenderFitsEither() throws {
        let e = extract("Kim Lee said the pier was safe. She said repairs would start soon.")
        #expect(e.attributed.last?.attribution?.source.name == "Kim Lee")
    }
}
