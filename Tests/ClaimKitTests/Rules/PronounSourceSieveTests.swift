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

    @Test func personIntroducedAsASentenceSubjectAfterTheLastPersonSource() throws {
        let e = extract("Ana Ortiz said the pier was sound. Captain Bo Lind was less sure. He said repairs were late.")
        let claim = try #require(e.claim("repairs were late"))
        #expect(claim.attribution?.source.name == "Bo Lind")
        #expect(claim.attribution?.source.role == "Captain")
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
