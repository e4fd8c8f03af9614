import Testing

@testable import ClaimKit

/// "The EFC said": an acronym defined earlier resolves to its full form.
@Suite struct AcronymSourceSieveTests {
    let name = AcronymSourceSieve.name

    @Test func acronymResolvesToItsDefinition() throws {
        let e = extract("The Elswick Ferry Company (EFC) runs the boats. The EFC said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        let source = try #require(claim.attribution?.source)
        #expect(source.text == "The EFC")
        #expect(source.name == "Elswick Ferry Company")
        #expect(source.role == nil)
        #expect(source.type == .organization)
        #expect(rule(claim, "name") == name)
        #expect(rule(claim, "type") == name)
    }

    @Test func fullFormTypesTheSource() throws {
        let e = extract("The Harbour Safety Ministry (HSM) met on Monday. The HSM said the pier was sound.")
        let claim = try #require(e.claim("the pier was sound"))
        #expect(claim.attribution?.source.name == "Harbour Safety Ministry")
        #expect(claim.attribution?.source.type == .government)
    }

    @Test func definitionWithFunctionWordsInside() throws {
        let e = extract("The Board of Elswick Ferries (BEF) met. BEF said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        #expect(claim.attribution?.source.name == "Board of Elswick Ferries")
    }

    @Test func undefinedAcronymKeepsItsText() throws {
        let e = extract("The EFC said fares would rise.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.source.name == "EFC")
        #expect(rule(claim, "name") != name)
    }

    @Test func initialsThatDoNotSpellTheAcronymAreNoDefinition() throws {
        let e = extract("The Elswick Ferry Company (XYZ) runs the boats. The XYZ said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        #expect(claim.attribution?.source.name == "XYZ")
    }
}
