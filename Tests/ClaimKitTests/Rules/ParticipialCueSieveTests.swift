import Testing

@testable import ClaimKit

/// `X said A, adding that B` / `…, saying B`: a second content of the main clause's source.
@Suite struct ParticipialCueSieveTests {
    let name = ParticipialCueSieve.name

    @Test(arguments: [
        ("The skipper said the engine failed, adding that the crew was safe.", "adding", "add"),
        ("The skipper said the engine failed, insisting that the crew was safe.", "insisting", "insist"),
        ("The skipper said the engine failed, noting the crew was safe.", "noting", "note"),
    ])
    func secondContentOfTheSameSource(_ input: String, _ cue: String, _ lemma: String) throws {
        let e = extract(input)
        #expect(e.claims.map(\.text) == ["the engine failed", "the crew was safe"])
        let second = try #require(e.claim("the crew was safe"))
        #expect(second.kind == .indirect)
        #expect(second.attribution?.source.text == "The skipper")
        #expect(second.attribution?.cue.text == cue)
        #expect(second.attribution?.cue.lemma == lemma)
        #expect(rule(second, "content") == name)
        #expect(rule(e.claim("the engine failed"), "content") == ReportedSpeechSieve.name)
    }

    @Test(arguments: [
        (
            "The skipper said the engine failed, adding: \u{201C}The crew is safe.\u{201D}", "The crew is safe.",
            ClaimKind.direct
        ),
        (
            "\u{201C}The engine failed,\u{201D} the skipper said, adding: \u{201C}The crew is safe.\u{201D}",
            "The crew is safe.", .direct
        ),
        ("The skipper said the engine failed, adding: the crew was safe.", "the crew was safe", .indirect),
    ])
    func colonAfterTheParticipleIntroducesTheContent(_ input: String, _ content: String, _ kind: ClaimKind) throws {
        let e = extract(input)
        #expect(e.claims.count == 2, "\(input)")
        let second = try #require(e.claim(content), "\(input)")
        #expect(second.kind == kind, "\(input)")
        #expect(second.attribution?.source.text.lowercased() == "the skipper", "\(input)")
        #expect(second.attribution?.cue.lemma == "add", "\(input)")
        #expect(rule(second, "content") == name)
    }

    @Test func participleAfterANonCueMainClauseTakesItsSubject() throws {
        let e = extract("Both unions condemned the strike, saying it hurt the islanders.")
        #expect(e.claims.count == 1)
        let claim = try #require(e.claims.first)
        #expect(claim.text == "it hurt the islanders")
        #expect(claim.attribution?.source.text == "Both unions")
        #expect(claim.attribution?.cue.lemma == "say")
        #expect(rule(claim, "content") == name)
    }

    @Test func participleSharesTheChainOfTheMainClause() throws {
        let e = extract("The skipper told Reuters the engine failed, adding that the crew was safe.")
        let first = try #require(e.claim("the engine failed"))
        #expect(first.attribution?.via.map(\.source.text) == ["Reuters"])
        let second = try #require(e.claim("the crew was safe"))
        #expect(second.attribution?.via.map(\.source.text) == ["Reuters"])
    }

    @Test func participleWithoutAClauseIsNoClaim() {
        let e = extract("The skipper said the engine failed, adding to the confusion.")
        #expect(e.claims.map(\.text) == ["the engine failed"])
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }
}
