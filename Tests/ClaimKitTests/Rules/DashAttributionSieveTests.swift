import Testing

@testable import ClaimKit

/// `“…” — Commissioner Ana Ruiz`: a quotation, a dash, a source; the dash is the cue.
@Suite struct DashAttributionSieveTests {
    let name = DashAttributionSieve.name

    @Test func dashAndTitledName() throws {
        let e = extract("“Nobody listens to the islanders.” — Councillor Ana Ortiz")
        let claim = try #require(e.claims.first)
        #expect(e.claims.count == 1)
        #expect(claim.kind == .direct)
        #expect(claim.text == "Nobody listens to the islanders")
        let a = try #require(claim.attribution)
        #expect(a.cue.text == "—")
        #expect(a.cue.lemma == "—")
        #expect(a.source.text == "Councillor Ana Ortiz")
        #expect(a.source.name == "Ana Ortiz")
        #expect(a.source.role == "Councillor")
        #expect(a.source.type == .person)
        #expect(rule(claim, "content") == name)
        #expect(rule(claim, "source") == name)
    }

    @Test(arguments: [
        "“Nobody listens.” — Ana Ortiz, a ferry pilot.",
        "“Nobody listens,” — Ana Ortiz, a ferry pilot.",
    ])
    func nameWithAnAppositive(_ input: String) throws {
        let e = extract(input)
        let claim = try #require(e.claim("Nobody listens"))
        #expect(claim.attribution?.source.name == "Ana Ortiz")
        #expect(claim.attribution?.source.role == "ferry pilot")
        #expect(rule(claim, "content") == name)
    }

    @Test func dashFollowedByAClauseIsNoAttribution() {
        let e = extract("“Nobody listens.” — and nobody ever will.")
        #expect(e.attributed.isEmpty)
    }

    @Test func partialQuoteBeforeADashIsNoAttribution() {
        let e = extract("She called it “madness” — the union agreed.")
        #expect(!e.claims.flatMap(\.decidedBy).contains { $0.rule == name })
    }
}
