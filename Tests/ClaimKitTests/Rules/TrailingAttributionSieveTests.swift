import Testing

@testable import ClaimKit

/// `C, X said.` / `C, said X, a spokeswoman.` / `C, state media reported, an agreement …`
@Suite struct TrailingAttributionSieveTests {
    let name = TrailingAttributionSieve.name

    @Test(arguments: [
        ("The ferry will run late, the harbour master said.", "the harbour master"),
        ("The ferry will run late, said the harbour master.", "the harbour master"),
        ("The ferry will run late, the harbour master has said.", "the harbour master"),
        ("The ferry will run late, the ministry said in a statement.", "the ministry"),
    ])
    func contentBeforeTheComma(_ input: String, _ source: String) throws {
        let e = extract(input)
        #expect(e.claims.count == 1)
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .indirect)
        #expect(claim.text == "The ferry will run late")
        #expect(claim.attribution?.source.text == source)
        #expect(rule(claim, "content") == name)
        #expect(rule(claim, "source") == name)
    }

    @Test(arguments: [
        ("The ferry will run late, Ana Ortiz told Reuters.", "Reuters"),
        ("The ferry will run late, two officials told the Associated Press.", "the Associated Press"),
        ("The ferry will run late, Ana Ortiz told the Elswick Gazette on Tuesday.", "the Elswick Gazette"),
    ])
    func toldAnOutletAfterTheContent(_ input: String, _ outlet: String) throws {
        let e = extract(input)
        let claim = try #require(e.claims.first, "\(input)")
        #expect(claim.text == "The ferry will run late", "\(input)")
        #expect(claim.attribution?.cue.lemma == "tell", "\(input)")
        #expect(claim.attribution?.via.map(\.source.text) == [outlet], "the outlet is a hop: \(input)")
        #expect(rule(claim, "content") == name)
    }

    @Test func invertedSourceWithAnAppositive() throws {
        let e = extract("The ferry will run late, said Ana Ortiz, a ferry pilot.")
        let claim = try #require(e.claims.first)
        #expect(claim.text == "The ferry will run late")
        #expect(claim.attribution?.source.text == "Ana Ortiz")
        #expect(claim.attribution?.source.role == "ferry pilot")
    }

    @Test(arguments: [
        "The ferry will run late, the harbour master said on Tuesday.",
        "The ferry will run late, said the harbour master on Tuesday.",
        "The ferry will run late, the harbour master on Tuesday said.",
    ])
    func timeNextToTheAttribution(_ input: String) throws {
        let e = extract(input)
        let claim = try #require(e.claims.first)
        #expect(claim.text == "The ferry will run late")
        #expect(claim.attribution?.time?.text == "on Tuesday")
    }

    @Test func attributionFollowedByAnotherClause() throws {
        let e = extract("The ferry ran late, the skipper said, and the pier closed early.")
        let claim = try #require(e.attributed.first)
        #expect(claim.text == "The ferry ran late")
        #expect(rule(claim, "content") == name)
    }

    @Test func trailingAppositiveIsNotPartOfTheContent() throws {
        let e = extract("The ferry ran late, state media reported, a delay that angered islanders.")
        #expect(e.claims.count == 1)
        let claim = try #require(e.claims.first)
        #expect(claim.text == "The ferry ran late")
        #expect(claim.attribution?.source.type == .media)
    }

    @Test func sourceAloneWithoutACommaIsNotATrailingAttribution() {
        let e = extract("The ferry ran late, and the skipper said nothing.")
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }

    @Test func commaInsideAClosingQuotationMark() throws {
        // American punctuation puts the comma inside the closing mark.
        let e = extract("The skipper called the delay “a farce,” the union said.")
        let claim = try #require(e.attributed.first)
        #expect(claim.kind == .mixed)
        #expect(claim.text.hasPrefix("The skipper called the delay"))
        #expect(claim.attribution?.source.name == "union")
    }

    @Test(
        arguments: [
            ("Prices fell, the ministry said in London.", nil),
            ("Prices fell, the ministry said at noon.", nil),
            ("Prices fell, the ministry said in London on Wednesday.", "on Wednesday"),
            ("Prices fell, the ministry said on Wednesday at a news conference.", "on Wednesday"),
            ("Prices fell, the ministry told reporters in Brussels.", nil),
        ] as [(String, String?)])
    func placeOrClockTimeAfterTheCueStillClosesTheClause(_ input: String, _ time: String?) throws {
        let e = extract(input)
        let claim = try #require(e.claim("Prices fell"), "\(input): \(gists(e))")
        #expect(claim.attribution?.source.text == "the ministry", "\(input)")
        #expect(claim.attribution?.time?.text == time, "\(input)")
    }

    @Test func nounComplementAfterANounFormIsNoAdverbial() {
        // "forecast" is a cue verb and a noun; "of …" is the noun's complement.
        let e = extract("Profit fell to 310 million pounds, down from a previous forecast of about 400 million pounds.")
        #expect(e.attributed.isEmpty, "\(gists(e))")
    }
}
