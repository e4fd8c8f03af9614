import Testing

@testable import ClaimKit

/// "Ortiz said": a last name resolves to the fullest earlier mention of that person.
@Suite struct ShortNameSourceSieveTests {
    let name = ShortNameSourceSieve.name

    @Test func lastNameTakesTheFullNameAndRole() throws {
        let e = extract("Harbour master Ana Ortiz said the pier was sound. Ortiz added that repairs would start soon.")
        let claim = try #require(e.claim("repairs would start soon"))
        let source = try #require(claim.attribution?.source)
        #expect(source.text == "Ortiz")
        #expect(source.name == "Ana Ortiz")
        #expect(source.role == "Harbour master")
        #expect(source.type == .person)
        #expect(rule(claim, "name") == name)
    }

    @Test func courtesyTitleBeforeTheLastName() throws {
        let e = extract(
            "Harbour master Ana Ortiz said the pier was sound. Ms. Ortiz added that repairs would start soon.")
        let claim = try #require(e.claim("repairs would start soon"))
        #expect(claim.attribution?.source.text == "Ms. Ortiz")
        #expect(claim.attribution?.source.name == "Ana Ortiz")
        #expect(rule(claim, "name") == name)
    }

    @Test func fullNameMentionedOutsideAnAttributionCounts() throws {
        let e = extract("Captain Bo Lind steered the ferry home. Lind said the crew was safe.")
        let claim = try #require(e.claim("the crew was safe"))
        #expect(claim.attribution?.source.name == "Bo Lind")
        #expect(claim.attribution?.source.role == "Captain")
    }

    @Test func appositiveOfTheShortMentionIsItsRole() throws {
        let e = extract("Bo Lind steered the ferry home. Lind, the skipper, said the crew was safe.")
        let claim = try #require(e.claim("the crew was safe"))
        #expect(claim.attribution?.source.name == "Bo Lind")
        #expect(claim.attribution?.source.role == "skipper")
    }

    @Test func nameMentionedOnlyLaterDoesNotResolve() throws {
        let e = extract("Lind said the crew was safe. Captain Bo Lind steered the ferry home.")
        let claim = try #require(e.claim("the crew was safe"))
        #expect(claim.attribution?.source.name == "Lind")
        #expect(rule(claim, "name") != name)
    }
}
