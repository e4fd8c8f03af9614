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
}
