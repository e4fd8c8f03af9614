import Testing

@testable import ClaimKit

/// When the statement was made: after the cue, fronted before the source, or in
/// `Speaking on Saturday, X said`.
@Suite struct StatementTimeSieveTests {
    let name = StatementTimeSieve.name

    @Test(arguments: [
        ("On Tuesday, the skipper said the engine failed.", "On Tuesday"),
        ("Last week, the skipper said the engine failed.", "Last week"),
        ("Earlier this month, the skipper said the engine failed.", "Earlier this month"),
        ("Speaking on Saturday, the skipper said the engine failed.", "on Saturday"),
    ])
    func frontedTime(_ input: String, _ time: String) throws {
        let e = extract(input)
        let claim = try #require(e.claim("the engine failed"))
        #expect(claim.attribution?.time?.text == time)
        #expect(claim.attribution?.source.text == "the skipper")
        #expect(rule(claim, "time") == name)
    }

    @Test func timeAfterTheCueOfAQuotation() throws {
        let e = extract("“The engine failed,” the skipper said on Tuesday.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.time?.text == "on Tuesday")
        #expect(rule(claim, "time") == name)
    }

    @Test func timeAfterTheAudienceOfTell() throws {
        // Reported speech finds it ("told reporters on Monday that …"); a quotation does not.
        let reported = extract("The skipper told reporters on Monday that the engine failed.")
        #expect(reported.claims.first?.attribution?.time?.text == "on Monday")
        let e = extract("“The engine failed,” the skipper told reporters on Monday.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.time?.text == "on Monday")
    }

    @Test func frontedTimeWithoutACommaIsFoundWithTheSubject() throws {
        let e = extract("Last week the skipper said the engine failed.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.time?.text == "Last week")
        #expect(claim.attribution?.source.text == "the skipper")
    }

    @Test func timeInsideTheContentIsNotTheStatementTime() throws {
        let e = extract("The skipper said the engine failed on Tuesday.")
        let claim = try #require(e.claims.first)
        #expect(claim.attribution?.time == nil)
        #expect(rule(claim, "time") == nil)
    }

    @Test func frontedPhraseThatIsNotATime() throws {
        let e = extract("In Elswick, the skipper said the engine failed.")
        let claim = try #require(e.claim("the engine failed"))
        #expect(claim.attribution?.time == nil)
    }

    @Test func participialSecondCueSharesTheTime() throws {
        let e = extract("On Monday, the skipper said the engine failed, adding that the crew was safe.")
        let second = try #require(e.claim("the crew was safe"))
        #expect(second.attribution?.time?.text == "On Monday")
    }

    @Test func unattributedSentenceHasNoTime() {
        let e = extract("On Monday the ferry sank.")
        #expect(e.claims.map(\.kind) == [.unattributed])
    }
}
