import Testing

@testable import ClaimKit

/// A person's name and role from the mention: a title before it or an appositive after it.
@Suite struct RoleAndNameSieveTests {
    let name = RoleAndNameSieve.name

    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var text: String
        var name: String
        var role: String?
        var testDescription: String { input }
    }

    @Test(arguments: [
        Case(input: "Ana Ortiz said fares would rise.", text: "Ana Ortiz", name: "Ana Ortiz", role: nil),
        Case(
            input: "Transport Minister Ana Ortiz said fares would rise.", text: "Transport Minister Ana Ortiz",
            name: "Ana Ortiz", role: "Transport Minister"),
        Case(
            input: "Former harbour master Ana Ortiz said fares would rise.", text: "Former harbour master Ana Ortiz",
            name: "Ana Ortiz", role: "Former harbour master"),
        Case(
            input: "Ana Ortiz, a spokeswoman for the ferry company, said fares would rise.", text: "Ana Ortiz",
            name: "Ana Ortiz", role: "spokeswoman for the ferry company"),
        Case(
            input: "Ana Ortiz, who joined the board last year, said fares would rise.", text: "Ana Ortiz",
            name: "Ana Ortiz", role: nil),
        Case(
            input: "Councillor Ana Ortiz, a former sailor, said fares would rise.", text: "Councillor Ana Ortiz",
            name: "Ana Ortiz", role: "Councillor"),
        Case(input: "Gen. Bo Lind said fares would rise.", text: "Gen. Bo Lind", name: "Bo Lind", role: "Gen."),
        Case(
            input: "Gen. Ana de Souza said fares would rise.", text: "Gen. Ana de Souza", name: "Ana de Souza",
            role: "Gen."),
        Case(input: "Mr. Bo Lind said fares would rise.", text: "Mr. Bo Lind", name: "Bo Lind", role: nil),
        Case(
            input: "Secretary of State Ana Ortiz said fares would rise.", text: "Secretary of State Ana Ortiz",
            name: "Ana Ortiz", role: "Secretary of State"),
        Case(
            input: "Deputy Minister of Transport Ana Ortiz said fares would rise.",
            text: "Deputy Minister of Transport Ana Ortiz", name: "Ana Ortiz", role: "Deputy Minister of Transport"),
        Case(
            input: "The head of the ferry company, Ana Ortiz, said fares would rise.",
            text: "The head of the ferry company", name: "Ana Ortiz", role: "head of the ferry company"),
        Case(
            input: "The CEO of Tarvik Ferries, Ana Ortiz, said fares would rise.", text: "The CEO of Tarvik Ferries",
            name: "Ana Ortiz", role: "CEO of Tarvik Ferries"),
    ])
    func personWithRole(_ c: Case) throws {
        let e = extract(c.input)
        let claim = try #require(e.claim("fares would rise"))
        let source = try #require(claim.attribution?.source)
        #expect(source.text == c.text)
        #expect(source.name == c.name)
        #expect(source.role == c.role)
        #expect(source.type == .person)
        #expect(rule(claim, "name") == name)
        #expect(rule(claim, "type") == name)
    }

    @Test(arguments: [
        "The Elswick Ferry Company said fares would rise.",  // an organisation word
        "The World Sailing Federation said fares would rise.",  // "the" before a name
        "Elswick Gazette said fares would rise.",  // an outlet
    ])
    func notAPerson(_ input: String) throws {
        let e = extract(input)
        let claim = try #require(e.claim("fares would rise"))
        #expect(claim.attribution?.source.type != .person)
        #expect(rule(claim, "name") != name)
    }

    @Test func roleRememberedForALaterFullMention() throws {
        let e = extract("Transport Minister Ana Ortiz visited the pier. Ana Ortiz said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        #expect(claim.attribution?.source.role == "Transport Minister")
    }

    @Test func twoWordNameParticle() throws {
        let e = extract("Gen. Bo van der Lind said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        #expect(claim.attribution?.source.name == "Bo van der Lind")
        #expect(claim.attribution?.source.role == "Gen.")
    }

    @Test func possessiveOrganisationBeforeAName() throws {
        let e = extract("The ministry's Ana Ortiz said fares would rise.")
        let claim = try #require(e.claim("fares would rise"))
        #expect(claim.attribution?.source.name == "Ana Ortiz")
        #expect(claim.attribution?.source.type == .person)
    }
}
